package postgres

// The catalog is read with these statements and nothing else: their number is
// fixed, whatever the size of the cluster. Every column is cast to a type pgx
// decodes natively (oid -> int8, name/"char" -> text, aclitem -> aclexplode).
// Role oids are mapped to names in Go, which keeps the largest result (grants)
// narrow. ACLs that are NULL are read through acldefault(), so a never-touched
// object reports what it really grants (its owner, and PUBLIC where PostgreSQL
// grants to PUBLIC by default) instead of nothing.

// Objects in these schemas are not loaded: catalogs, TOAST and per-session temp
// schemas (names starting with pg_ are reserved for the system).
const userSchemaFilter = `n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'`

// QueryRoles lists every role of the cluster; LOGIN roles become users.
const QueryRoles = `SELECT r.oid::int8, r.rolname::text, r.rolsuper, r.rolinherit, r.rolcreaterole,
  r.rolcreatedb, r.rolcanlogin, r.rolreplication, r.rolbypassrls, r.rolconnlimit::int4,
  coalesce(r.rolvaliduntil::text, ''), coalesce(r.rolconfig, '{}')::text[], coalesce(d.description, '')
FROM pg_catalog.pg_roles r
LEFT JOIN pg_catalog.pg_shdescription d ON d.objoid = r.oid AND d.classoid = 'pg_catalog.pg_authid'::regclass
ORDER BY r.rolname`

// QueryMemberships reads role membership. PostgreSQL 16 added inherit_option
// and set_option; reading them through to_jsonb keeps one text for every version.
const QueryMemberships = `SELECT m.roleid::int8, m.member::int8, m.grantor::int8, m.admin_option,
  (to_jsonb(m) ->> 'inherit_option')::bool, (to_jsonb(m) ->> 'set_option')::bool
FROM pg_catalog.pg_auth_members m`

// QueryDatabases lists every database of the cluster, and carries the server
// version (access rules differ between versions) without a statement of its own.
const QueryDatabases = `SELECT d.oid::int8, d.datname::text, d.datdba::int8, d.datistemplate,
  d.datname = current_database(), current_setting('server_version_num')::int4
FROM pg_catalog.pg_database d
ORDER BY d.datname`

// QuerySchemas lists schemas except TOAST and temp schemas; pg_catalog and
// information_schema are kept, flagged system.
const QuerySchemas = `SELECT n.oid::int8, n.nspname::text, n.nspowner::int8,
  (n.nspname ~ '^pg_' OR n.nspname = 'information_schema')
FROM pg_catalog.pg_namespace n
WHERE n.nspname !~ '^pg_(toast|temp_)'
ORDER BY n.nspname`

// QueryRelations lists tables, partitioned tables, views, materialized views,
// foreign tables and sequences outside system schemas.
const QueryRelations = `SELECT c.oid::int8, c.relnamespace::int8, c.relname::text, c.relkind::text, c.relowner::int8
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND ` + userSchemaFilter + `
ORDER BY n.nspname, c.relname`

// QueryRoutines lists functions and procedures outside system schemas.
const QueryRoutines = `SELECT p.oid::int8, p.pronamespace::int8, p.proname::text,
  pg_catalog.pg_get_function_identity_arguments(p.oid), p.prokind::text, p.proowner::int8,
  l.lanname::text, coalesce(pg_catalog.pg_get_function_result(p.oid), '')
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
JOIN pg_catalog.pg_language l ON l.oid = p.prolang
WHERE p.prokind IN ('f', 'p') AND ` + userSchemaFilter + `
ORDER BY n.nspname, p.proname, 4`

// QueryLanguages lists procedural languages.
const QueryLanguages = `SELECT l.oid::int8, l.lanname::text, l.lanowner::int8, l.lanpltrusted
FROM pg_catalog.pg_language l
ORDER BY l.lanname`

// QueryGrants explodes every ACL into (kind, object oid, column, grantor,
// grantee, privilege, grantable, from-default) rows; grantee 0 is PUBLIC.
// Kinds: d database, n schema, r relation, c column, f routine, l language.
// Column ACLs are never defaulted: NULL there means "no column grants".
const QueryGrants = `SELECT 'd', d.oid::int8, NULL::text, a.grantor::int8, a.grantee::int8, a.privilege_type, a.is_grantable, d.datacl IS NULL
FROM pg_catalog.pg_database d, aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) a
UNION ALL
SELECT 'n', n.oid::int8, NULL, a.grantor::int8, a.grantee::int8, a.privilege_type, a.is_grantable, n.nspacl IS NULL
FROM pg_catalog.pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
WHERE n.nspname !~ '^pg_(toast|temp_)'
UNION ALL
SELECT 'r', c.oid::int8, NULL, a.grantor::int8, a.grantee::int8, a.privilege_type, a.is_grantable, c.relacl IS NULL
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace,
  aclexplode(coalesce(c.relacl, acldefault(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::"char", c.relowner))) a
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND ` + userSchemaFilter + `
UNION ALL
SELECT 'c', c.oid::int8, t.attname::text, a.grantor::int8, a.grantee::int8, a.privilege_type, a.is_grantable, false
FROM pg_catalog.pg_attribute t
JOIN pg_catalog.pg_class c ON c.oid = t.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace,
  aclexplode(t.attacl) a
WHERE t.attacl IS NOT NULL AND t.attnum > 0 AND NOT t.attisdropped
  AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND ` + userSchemaFilter + `
UNION ALL
SELECT 'f', p.oid::int8, NULL, a.grantor::int8, a.grantee::int8, a.privilege_type, a.is_grantable, p.proacl IS NULL
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace,
  aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
WHERE p.prokind IN ('f', 'p') AND ` + userSchemaFilter + `
UNION ALL
SELECT 'l', l.oid::int8, NULL, a.grantor::int8, a.grantee::int8, a.privilege_type, a.is_grantable, l.lanacl IS NULL
FROM pg_catalog.pg_language l, aclexplode(coalesce(l.lanacl, acldefault('l', l.lanowner))) a`

// QueryDefaultPrivileges explodes ALTER DEFAULT PRIVILEGES entries.
// defaclnamespace 0 means database-wide; such an entry replaces the built-in
// defaults, so it also lists the creator's own privileges and PUBLIC's.
const QueryDefaultPrivileges = `SELECT d.defaclrole::int8, d.defaclnamespace::int8, d.defaclobjtype::text,
  a.grantee::int8, a.privilege_type, a.is_grantable
FROM pg_catalog.pg_default_acl d, aclexplode(d.defaclacl) a`

// QueryColumns lists one relation's columns. A relation without columns
// yields one row of NULLs, so zero rows means the relation does not exist.
const QueryColumns = `SELECT a.attname::text, a.attnum::int4, pg_catalog.format_type(a.atttypid, a.atttypmod)
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
ORDER BY a.attnum`

// Step is one catalog query of a load, in the order LoadCatalog runs them.
type Step struct {
	Name string
	SQL  string
}

// CatalogSteps are the statements LoadCatalog issues (inside one read-only,
// repeatable-read transaction when the querier can begin one). Exported so
// benchmarks can run the same texts through psql.
var CatalogSteps = []Step{
	{"roles", QueryRoles},
	{"memberships", QueryMemberships},
	{"databases", QueryDatabases},
	{"schemas", QuerySchemas},
	{"relations", QueryRelations},
	{"routines", QueryRoutines},
	{"languages", QueryLanguages},
	{"grants", QueryGrants},
	{"default privileges", QueryDefaultPrivileges},
}
