package redshift

// Catalog statements. Rules that keep them runnable on Redshift
// (https://docs.aws.amazon.com/redshift/latest/dg/c_SQL_functions_leader_node_only.html):
//   - a statement reads either leader-node catalogs (pg_*) or svv_* views, never both:
//     Redshift rejects leader-only tables and functions next to svv_* views;
//   - every unusual column type is cast to text/int/bool here, so pgx decodes only
//     plain types (abstime, int4[], text[], "char", name, oid);
//   - one statement per string, arguments only as $n (extended protocol);
//   - catalog names stay unqualified: Redshift resolves them in pg_catalog, and a
//     session's search_path may put views of the same name first.
//
// Column lists follow the AWS Database Developer Guide pages named on each statement.

// sqlBegin opens a load's transaction (DG r_BEGIN; see readTx in redshift.go).
const sqlBegin = `BEGIN READ ONLY`

// sqlSession: who is connected, to which database (pg_user: DG r_Users / PostgreSQL 8.0).
const sqlSession = `SELECT current_database()::text, current_user::text,
       COALESCE((SELECT u.usesuper FROM pg_user u WHERE u.usename = current_user), false)`

// sqlDatabases: every database of the cluster with its owner (pg_database).
const sqlDatabases = `SELECT d.datname::text, COALESCE(pg_get_userbyid(d.datdba)::text, '')
FROM pg_database d
WHERE d.datname NOT IN ('template0', 'template1', 'padb_harvest')
ORDER BY 1`

// sqlUsersSuper lists users with the password state (DG pg_user_info: superusers only).
// The hash itself is never selected.
const sqlUsersSuper = `SELECT u.usesysid::int, u.usename::text, u.usesuper, u.usecreatedb,
       COALESCE(u.valuntil::text, ''),
       COALESCE(array_to_string(u.useconfig, chr(31)), ''),
       CASE WHEN u.passwd IS NULL OR u.passwd = '' THEN true ELSE false END,
       COALESCE(u.useconnlimit::text, '')
FROM pg_user_info u
ORDER BY 2`

// sqlUsersPlain is the same list for non-superusers (pg_user: visible to all, no password state).
const sqlUsersPlain = `SELECT u.usesysid::int, u.usename::text, u.usesuper, u.usecreatedb,
       COALESCE(u.valuntil::text, ''),
       COALESCE(array_to_string(u.useconfig, chr(31)), ''),
       false,
       ''::text
FROM pg_user u
ORDER BY 2`

// sqlUserInfo: Redshift-only user attributes (DG r_SVV_USER_INFO; non-superusers see only themselves).
// last_ddl_timestamp is the time of the user's last DDL statement (NULL when none).
const sqlUserInfo = `SELECT COALESCE(user_id, 0), COALESCE(user_name, ''), COALESCE(connection_limit, ''),
       COALESCE(syslog_access, ''), COALESCE(session_timeout, 0), COALESCE(external_user_id, ''),
       last_ddl_timestamp
FROM svv_user_info`

// sqlRoles (DG r_SVV_ROLES).
const sqlRoles = `SELECT COALESCE(role_id, 0), COALESCE(role_name, ''), COALESCE(role_owner, ''), COALESCE(external_id, '')
FROM svv_roles`

// sqlGroups: groups and member user ids (pg_group.grolist is int4[]; leader node only).
const sqlGroups = `SELECT g.grosysid::int, g.groname::text, COALESCE(array_to_string(g.grolist, ','), '')
FROM pg_group g
ORDER BY 2`

// sqlUserGrants: roles granted to users (DG r_SVV_USER_GRANTS).
const sqlUserGrants = `SELECT COALESCE(user_id, 0), COALESCE(user_name, ''), COALESCE(role_id, 0), COALESCE(role_name, ''), COALESCE(admin_option, false)
FROM svv_user_grants`

// sqlRoleGrants: row (role_name = r2, granted_role_name = r1) means r1 is granted to r2 (DG r_SVV_ROLE_GRANTS).
const sqlRoleGrants = `SELECT COALESCE(role_id, 0), COALESCE(role_name, ''), COALESCE(granted_role_id, 0), COALESCE(granted_role_name, '')
FROM svv_role_grants`

// sqlSystemPrivileges (DG r_SVV_SYSTEM_PRIVILEGES).
const sqlSystemPrivileges = `SELECT COALESCE(system_privilege, ''), COALESCE(identity_id, 0), COALESCE(identity_name, ''), COALESCE(identity_type, '')
FROM svv_system_privileges`

// sqlSchemas: schemas of the connected database; $1 = its name (DG r_SVV_ALL_SCHEMAS).
const sqlSchemas = `SELECT COALESCE(schema_name, ''), COALESCE(schema_owner, 0), COALESCE(schema_type, '')
FROM svv_all_schemas
WHERE database_name = $1`

// sqlRelations: tables and views with owners. A view with no columns in pg_class is a
// late-binding view (its columns bind at query time; see amazon-redshift-utils
// v_generate_view_ddl, which tests relnatts > 0 to tell them apart).
const sqlRelations = `SELECT n.nspname::text, c.relname::text, c.relkind::text, c.relnatts::int,
       COALESCE(pg_get_userbyid(c.relowner)::text, '')
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_internal', 'catalog_history', 'pg_automv')
  AND n.nspname NOT LIKE 'pg_toast%'
  AND n.nspname NOT LIKE 'pg_temp%'`

// sqlMaterializedViews: materialized views of every database (DG r_SVV_MV_INFO; char(128) columns).
const sqlMaterializedViews = `SELECT COALESCE(database_name, ''), COALESCE(schema_name, ''), COALESCE(name, '')
FROM svv_mv_info`

// sqlRoutines: functions and stored procedures (DG r_PG_PROC_INFO: prokind f, p, a).
// Argument types print like svv_function_privileges.argument_types.
const sqlRoutines = `SELECT n.nspname::text, p.proname::text, COALESCE(oidvectortypes(p.proargtypes)::text, ''),
       p.prokind::text, COALESCE(pg_get_userbyid(p.proowner)::text, ''),
       COALESCE(l.lanname::text, ''), COALESCE(format_type(p.prorettype, NULL)::text, '')
FROM pg_proc_info p
JOIN pg_namespace n ON n.oid = p.pronamespace
LEFT JOIN pg_language l ON l.oid = p.prolang
WHERE p.prokind IN ('f', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_internal', 'catalog_history', 'pg_automv')
  AND n.nspname NOT LIKE 'pg_toast%'
  AND n.nspname NOT LIKE 'pg_temp%'`

// sqlLanguages: languages USAGE can be granted on (pg_language; Redshift has no lanowner).
const sqlLanguages = `SELECT l.lanname::text
FROM pg_language l
WHERE l.lanname NOT IN ('internal', 'c')
ORDER BY 1`

// sqlRelationPrivileges (DG r_SVV_RELATION_PRIVILEGES).
const sqlRelationPrivileges = `SELECT COALESCE(namespace_name, ''), COALESCE(relation_name, ''), COALESCE(privilege_type, ''),
       COALESCE(identity_id, 0), COALESCE(identity_name, ''), COALESCE(identity_type, ''), COALESCE(admin_option, false)
FROM svv_relation_privileges`

// sqlColumnPrivileges (DG r_SVV_COLUMN_PRIVILEGES; no admin_option: column grants carry no grant option).
const sqlColumnPrivileges = `SELECT COALESCE(namespace_name, ''), COALESCE(relation_name, ''), COALESCE(column_name, ''),
       COALESCE(privilege_type, ''), COALESCE(identity_id, 0), COALESCE(identity_name, ''), COALESCE(identity_type, '')
FROM svv_column_privileges`

// sqlSchemaPrivileges (DG r_SVV_SCHEMA_PRIVILEGES; privilege_scope SCHEMA | TABLES | FUNCTIONS).
const sqlSchemaPrivileges = `SELECT COALESCE(namespace_name, ''), COALESCE(privilege_type, ''), COALESCE(identity_id, 0),
       COALESCE(identity_name, ''), COALESCE(identity_type, ''), COALESCE(admin_option, false),
       COALESCE(privilege_scope, '')
FROM svv_schema_privileges`

// sqlDatabasePrivileges: cluster-wide (DG r_SVV_DATABASE_PRIVILEGES; privilege_scope
// DATABASE | SCHEMAS | TABLES | FUNCTIONS | LANGUAGES).
const sqlDatabasePrivileges = `SELECT COALESCE(database_name, ''), COALESCE(privilege_type, ''), COALESCE(identity_id, 0),
       COALESCE(identity_name, ''), COALESCE(identity_type, ''), COALESCE(admin_option, false),
       COALESCE(privilege_scope, '')
FROM svv_database_privileges`

// sqlFunctionPrivileges: functions and procedures alike (DG r_SVV_FUNCTION_PRIVILEGES).
const sqlFunctionPrivileges = `SELECT COALESCE(namespace_name, ''), COALESCE(function_name, ''), COALESCE(argument_types, ''),
       COALESCE(privilege_type, ''), COALESCE(identity_id, 0), COALESCE(identity_name, ''), COALESCE(identity_type, ''),
       COALESCE(admin_option, false)
FROM svv_function_privileges`

// sqlLanguagePrivileges (DG r_SVV_LANGUAGE_PRIVILEGES, page file r_SVV_LANUGAGE_PRIVILEGES).
const sqlLanguagePrivileges = `SELECT COALESCE(language_name, ''), COALESCE(privilege_type, ''), COALESCE(identity_id, 0),
       COALESCE(identity_name, ''), COALESCE(identity_type, ''), COALESCE(admin_option, false)
FROM svv_language_privileges`

// sqlDefaultPrivileges (DG r_SVV_DEFAULT_PRIVILEGES; grantee_name appears in the page's
// sample output; schema_name is NULL for database-wide defaults).
const sqlDefaultPrivileges = `SELECT COALESCE(schema_name, ''), COALESCE(object_type, ''), COALESCE(owner_id, 0), COALESCE(owner_name, ''),
       COALESCE(owner_type, ''), COALESCE(privilege_type, ''), COALESCE(grantee_id, 0), COALESCE(grantee_name, ''),
       COALESCE(grantee_type, ''), COALESCE(admin_option, false)
FROM svv_default_privileges`

// sqlColumns lists one relation's columns, late-binding views included (DG r_SVV_COLUMNS).
const sqlColumns = `SELECT COALESCE(column_name, ''), COALESCE(ordinal_position, 0), COALESCE(data_type, ''),
       COALESCE(character_maximum_length, 0), COALESCE(numeric_precision, 0), COALESCE(numeric_scale, 0)
FROM svv_columns
WHERE table_schema = $1 AND table_name = $2
ORDER BY 2`
