-- Redshift-shaped catalog on PostgreSQL: a TEST DOUBLE, never a product feature.
--
-- Views named, typed and shaped like the Redshift system views the Redshift
-- catalog reader queries, filled from PostgreSQL's own catalog. Sessions put
-- this schema first on search_path ("rsfixture, pg_catalog, public"), so the
-- unqualified names the reader uses (svv_*, pg_user, pg_group, pg_user_info,
-- pg_proc_info) resolve here, while pg_class, pg_namespace, pg_database and
-- pg_language stay PostgreSQL's own. Conventions and gaps: FIXTURE.md.
--
-- Principals (roles are cluster-wide in PostgreSQL, as principals are in Redshift):
--   Redshift user  = role WITH LOGIN
--   Redshift group = NOLOGIN role named grp_*; its members are login roles granted it
--   Redshift role  = any other NOLOGIN role (PostgreSQL's pg_* roles are left out)
-- Redshift-only attributes live in the side tables below, filled by tests.

DROP SCHEMA IF EXISTS rsfixture CASCADE;
CREATE SCHEMA rsfixture;
COMMENT ON SCHEMA rsfixture IS 'Redshift-shaped catalog views for tests (test double)';

-- Side tables --------------------------------------------------------------

-- Per-user attributes PostgreSQL has no place for.
CREATE TABLE rsfixture.user_attrs (
    user_name        text PRIMARY KEY,
    syslog_access    text NOT NULL DEFAULT 'RESTRICTED' CHECK (syslog_access IN ('RESTRICTED', 'UNRESTRICTED')),
    session_timeout  integer NOT NULL DEFAULT 0,
    external_user_id text,
    last_ddl_timestamp timestamp
);

-- Role owner and EXTERNALID (PostgreSQL roles have neither).
CREATE TABLE rsfixture.role_attrs (
    role_name   text PRIMARY KEY,
    role_owner  text,
    external_id text
);

-- System permissions (GRANT CREATE USER TO ROLE r ...).
CREATE TABLE rsfixture.system_privileges (
    identity_name    text NOT NULL,
    system_privilege text NOT NULL,
    PRIMARY KEY (identity_name, system_privilege)
);

-- Scoped permissions (GRANT ... FOR TABLES IN SCHEMA s / IN DATABASE d).
-- privilege_scope is the FOR keyword: SCHEMAS, TABLES, FUNCTIONS, PROCEDURES,
-- LANGUAGES, COPY JOBS (the last two, and PROCEDURES, are not in the views'
-- documented value lists; see FIXTURE.md).
CREATE TABLE rsfixture.scoped_privileges (
    scope_kind      text NOT NULL CHECK (scope_kind IN ('database', 'schema')),
    object_name     text NOT NULL,
    privilege_scope text NOT NULL,
    privilege_type  text NOT NULL,
    identity_name   text NOT NULL,
    admin_option    boolean NOT NULL DEFAULT false
);

-- Schema type (external/shared) and external schema details.
CREATE TABLE rsfixture.schema_attrs (
    schema_name     text PRIMARY KEY,
    schema_type     text NOT NULL,
    source_database text,
    schema_option   text
);

-- Helpers ------------------------------------------------------------------

-- Every principal as Redshift would classify it, plus PUBLIC (id 0).
CREATE VIEW rsfixture.identities AS
SELECT r.oid AS role_oid, r.oid::integer AS id, r.rolname::text AS name,
       CASE WHEN r.rolcanlogin THEN 'user'
            WHEN r.rolname LIKE 'grp\_%' THEN 'group'
            ELSE 'role' END AS kind
FROM pg_catalog.pg_roles r
WHERE r.rolname NOT LIKE 'pg\_%'
UNION ALL
SELECT 0::oid, 0, 'public', 'public';

CREATE FUNCTION rsfixture.is_superuser() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = current_user), false)
$$;

CREATE FUNCTION rsfixture.has_system_privilege(priv text) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (
        SELECT 1 FROM rsfixture.system_privileges s
        JOIN pg_catalog.pg_roles r ON r.rolname = s.identity_name
        WHERE s.system_privilege = priv
          AND pg_catalog.pg_has_role(current_user, r.oid, 'MEMBER'))
$$;

-- Superusers and ACCESS SYSTEM TABLE holders see every row of the RBAC views.
CREATE FUNCTION rsfixture.sees_all() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT rsfixture.is_superuser() OR rsfixture.has_system_privilege('ACCESS SYSTEM TABLE')
$$;

CREATE FUNCTION rsfixture.syslog_unrestricted() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM rsfixture.user_attrs a
                   WHERE a.user_name = current_user AND a.syslog_access = 'UNRESTRICTED')
$$;

-- Others see rows about identities they are (or hold) and PUBLIC.
CREATE FUNCTION rsfixture.can_see(identity oid) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN rsfixture.sees_all() THEN true
                WHEN identity = 0 THEN true
                ELSE pg_catalog.pg_has_role(current_user, identity, 'MEMBER') END
$$;

-- Users ----------------------------------------------------------------------

-- pg_user_info: superusers only (REVOKE below). valuntil is abstime on Redshift.
CREATE VIEW rsfixture.pg_user_info AS
SELECT a.rolname AS usename,
       a.oid::integer AS usesysid,
       a.rolcreatedb AS usecreatedb,
       a.rolsuper AS usesuper,
       a.rolsuper AS usecatupd,
       a.rolpassword AS passwd,
       a.rolvaliduntil AS valuntil,
       s.setconfig AS useconfig,
       CASE WHEN a.rolconnlimit < 0 THEN 'UNLIMITED' ELSE a.rolconnlimit::text END AS useconnlimit
FROM pg_catalog.pg_authid a
LEFT JOIN pg_catalog.pg_db_role_setting s ON s.setrole = a.oid AND s.setdatabase = 0
WHERE a.rolcanlogin;

CREATE VIEW rsfixture.pg_user AS
SELECT u.usename, u.usesysid, u.usecreatedb, u.usesuper, u.usecatupd,
       '********'::text AS passwd, u.valuntil, u.useconfig
FROM rsfixture.pg_user_info u;

CREATE VIEW rsfixture.svv_user_info AS
SELECT r.rolname::text AS user_name,
       r.oid::integer AS user_id,
       r.rolcreatedb AS createdb,
       r.rolsuper AS superuser,
       r.rolsuper AS catalog_update,
       CASE WHEN r.rolconnlimit < 0 THEN 'UNLIMITED' ELSE r.rolconnlimit::text END AS connection_limit,
       coalesce(a.syslog_access, 'RESTRICTED') AS syslog_access,
       a.last_ddl_timestamp AS last_ddl_timestamp,
       coalesce(a.session_timeout, 0) AS session_timeout,
       a.external_user_id AS external_user_id
FROM pg_catalog.pg_roles r
LEFT JOIN rsfixture.user_attrs a ON a.user_name = r.rolname
WHERE r.rolcanlogin
  AND (rsfixture.is_superuser() OR r.rolname = current_user);

-- Groups, roles, memberships ---------------------------------------------------

CREATE VIEW rsfixture.pg_group AS
SELECT g.rolname AS groname,
       g.oid::integer AS grosysid,
       ARRAY(SELECT m.member::integer
             FROM pg_catalog.pg_auth_members m
             JOIN pg_catalog.pg_roles u ON u.oid = m.member AND u.rolcanlogin
             WHERE m.roleid = g.oid
             ORDER BY 1)::integer[] AS grolist
FROM pg_catalog.pg_roles g
WHERE NOT g.rolcanlogin AND g.rolname LIKE 'grp\_%';

CREATE VIEW rsfixture.svv_roles AS
SELECT i.id AS role_id,
       i.name AS role_name,
       coalesce(a.role_owner, (SELECT b.rolname::text FROM pg_catalog.pg_roles b WHERE b.oid = 10)) AS role_owner,
       a.external_id AS external_id
FROM rsfixture.identities i
LEFT JOIN rsfixture.role_attrs a ON a.role_name = i.name
WHERE i.kind = 'role';

CREATE VIEW rsfixture.svv_user_grants AS
SELECT u.id AS user_id, u.name AS user_name, r.id AS role_id, r.name AS role_name, m.admin_option AS admin_option
FROM pg_catalog.pg_auth_members m
JOIN rsfixture.identities u ON u.role_oid = m.member AND u.kind = 'user'
JOIN rsfixture.identities r ON r.role_oid = m.roleid AND r.kind = 'role'
WHERE rsfixture.sees_all() OR u.name = current_user;

-- Row (role_name = r2, granted_role_name = r1) means GRANT ROLE r1 TO ROLE r2.
CREATE VIEW rsfixture.svv_role_grants AS
SELECT c.id AS role_id, c.name AS role_name, p.id AS granted_role_id, p.name AS granted_role_name
FROM pg_catalog.pg_auth_members m
JOIN rsfixture.identities c ON c.role_oid = m.member AND c.kind = 'role'
JOIN rsfixture.identities p ON p.role_oid = m.roleid AND p.kind = 'role'
WHERE rsfixture.can_see(m.member);

CREATE VIEW rsfixture.svv_system_privileges AS
SELECT s.system_privilege AS system_privilege, i.id AS identity_id, i.name AS identity_name, i.kind AS identity_type
FROM rsfixture.system_privileges s
JOIN rsfixture.identities i ON i.name = s.identity_name AND i.kind IN ('user', 'role')
WHERE rsfixture.can_see(i.role_oid);

-- Objects ----------------------------------------------------------------------

CREATE VIEW rsfixture.svv_all_schemas AS
SELECT current_database()::varchar(128) AS database_name,
       n.nspname::varchar(128) AS schema_name,
       n.nspowner::integer AS schema_owner,
       coalesce(a.schema_type, 'local')::varchar(128) AS schema_type,
       left(array_to_string(n.nspacl, ','), 128)::varchar(128) AS schema_acl,
       a.source_database::varchar(128) AS source_database,
       a.schema_option::varchar(256) AS schema_option
FROM pg_catalog.pg_namespace n
LEFT JOIN rsfixture.schema_attrs a ON a.schema_name = n.nspname
WHERE n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%' AND n.nspname <> 'rsfixture';

-- Redshift's pg_proc lacks prokind; pg_proc_info adds it (and prooid).
CREATE VIEW rsfixture.pg_proc_info AS
SELECT p.oid AS prooid, p.* FROM pg_catalog.pg_proc p;

CREATE VIEW rsfixture.svv_mv_info AS
SELECT current_database()::char(128) AS database_name,
       n.nspname::char(128) AS schema_name,
       pg_catalog.pg_get_userbyid(c.relowner)::char(128) AS user_name,
       c.relname::char(128) AS name,
       'f'::char(1) AS is_stale,
       1 AS state,
       'f'::char(1) AS autorewrite,
       'f'::char(1) AS autorefresh
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'm';

CREATE VIEW rsfixture.svv_columns AS
SELECT current_database()::text AS table_catalog,
       n.nspname::text AS table_schema,
       c.relname::text AS table_name,
       a.attname::text AS column_name,
       a.attnum::integer AS ordinal_position,
       pg_catalog.pg_get_expr(d.adbin, d.adrelid)::text AS column_default,
       CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END AS is_nullable,
       pg_catalog.format_type(a.atttypid, NULL)::text AS data_type,
       CASE WHEN a.atttypid IN (1042, 1043) AND a.atttypmod > 4 THEN a.atttypmod - 4 END AS character_maximum_length,
       CASE WHEN a.atttypid = 21 THEN 16 WHEN a.atttypid = 23 THEN 32 WHEN a.atttypid = 20 THEN 64
            WHEN a.atttypid = 1700 AND a.atttypmod > 4 THEN ((a.atttypmod - 4) >> 16) & 65535 END AS numeric_precision,
       CASE WHEN a.atttypid IN (20, 21, 23, 1700) THEN CASE WHEN a.atttypid = 1700 THEN 10 ELSE 2 END END AS numeric_precision_radix,
       CASE WHEN a.atttypid IN (20, 21, 23) THEN 0
            WHEN a.atttypid = 1700 AND a.atttypmod > 4 THEN (a.atttypmod - 4) & 65535 END AS numeric_scale,
       NULL::integer AS datetime_precision,
       NULL::text AS interval_type,
       NULL::text AS interval_precision,
       NULL::text AS character_set_catalog,
       NULL::text AS character_set_schema,
       NULL::text AS character_set_name,
       NULL::text AS collation_catalog,
       NULL::text AS collation_schema,
       NULL::text AS collation_name,
       NULL::text AS domain_name,
       NULL::text AS remarks
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'v', 'm', 'p', 'f');

-- Privileges -------------------------------------------------------------------
-- Explicit grants only: an object's implicit owner entry is left out, as is
-- anything granted to PostgreSQL's pg_* roles. WITH GRANT OPTION shows only
-- for users (always false for roles and groups in Redshift).

CREATE VIEW rsfixture.svv_relation_privileges AS
SELECT n.nspname::text AS namespace_name,
       c.relname::text AS relation_name,
       x.privilege_type::text AS privilege_type,
       i.id AS identity_id,
       i.name AS identity_name,
       i.kind AS identity_type,
       (x.is_grantable AND i.kind = 'user') AS admin_option
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL pg_catalog.aclexplode(c.relacl) x
JOIN rsfixture.identities i ON i.role_oid = x.grantee
WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f')
  AND x.grantee <> c.relowner
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'rsfixture')
  AND (rsfixture.syslog_unrestricted() OR rsfixture.can_see(x.grantee));

CREATE VIEW rsfixture.svv_column_privileges AS
SELECT n.nspname::text AS namespace_name,
       c.relname::text AS relation_name,
       a.attname::text AS column_name,
       x.privilege_type::text AS privilege_type,
       i.id AS identity_id,
       i.name AS identity_name,
       i.kind AS identity_type
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL pg_catalog.aclexplode(a.attacl) x
JOIN rsfixture.identities i ON i.role_oid = x.grantee
WHERE a.attnum > 0 AND NOT a.attisdropped
  AND x.grantee <> c.relowner
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'rsfixture')
  AND rsfixture.can_see(x.grantee);

CREATE VIEW rsfixture.svv_schema_privileges AS
SELECT n.nspname::text AS namespace_name,
       x.privilege_type::text AS privilege_type,
       i.id AS identity_id,
       i.name AS identity_name,
       i.kind AS identity_type,
       (x.is_grantable AND i.kind = 'user') AS admin_option,
       'SCHEMA'::text AS privilege_scope
FROM pg_catalog.pg_namespace n
CROSS JOIN LATERAL pg_catalog.aclexplode(n.nspacl) x
JOIN rsfixture.identities i ON i.role_oid = x.grantee
WHERE x.grantee <> n.nspowner
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'rsfixture')
  AND n.nspname NOT LIKE 'pg\_toast%'
  AND rsfixture.can_see(x.grantee)
UNION ALL
SELECT s.object_name, s.privilege_type, i.id, i.name, i.kind, s.admin_option AND i.kind = 'user', s.privilege_scope
FROM rsfixture.scoped_privileges s
JOIN rsfixture.identities i ON i.name = s.identity_name
WHERE s.scope_kind = 'schema' AND rsfixture.can_see(i.role_oid);

-- Cluster-wide, like Redshift's: every database's grants. PostgreSQL's CONNECT has no Redshift twin.
CREATE VIEW rsfixture.svv_database_privileges AS
SELECT d.datname::text AS database_name,
       x.privilege_type::text AS privilege_type,
       i.id AS identity_id,
       i.name AS identity_name,
       i.kind AS identity_type,
       (x.is_grantable AND i.kind = 'user') AS admin_option,
       'DATABASE'::text AS privilege_scope
FROM pg_catalog.pg_database d
CROSS JOIN LATERAL pg_catalog.aclexplode(d.datacl) x
JOIN rsfixture.identities i ON i.role_oid = x.grantee
WHERE x.grantee <> d.datdba
  AND x.privilege_type <> 'CONNECT'
  AND rsfixture.can_see(x.grantee)
UNION ALL
SELECT s.object_name, s.privilege_type, i.id, i.name, i.kind, s.admin_option AND i.kind = 'user', s.privilege_scope
FROM rsfixture.scoped_privileges s
JOIN rsfixture.identities i ON i.name = s.identity_name
WHERE s.scope_kind = 'database' AND rsfixture.can_see(i.role_oid);

-- Functions and stored procedures alike.
CREATE VIEW rsfixture.svv_function_privileges AS
SELECT n.nspname::text AS namespace_name,
       p.proname::text AS function_name,
       pg_catalog.oidvectortypes(p.proargtypes)::text AS argument_types,
       x.privilege_type::text AS privilege_type,
       i.id AS identity_id,
       i.name AS identity_name,
       i.kind AS identity_type,
       (x.is_grantable AND i.kind = 'user') AS admin_option
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
CROSS JOIN LATERAL pg_catalog.aclexplode(p.proacl) x
JOIN rsfixture.identities i ON i.role_oid = x.grantee
WHERE p.prokind IN ('f', 'p')
  AND x.grantee <> p.proowner
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'rsfixture')
  AND rsfixture.can_see(x.grantee);

CREATE VIEW rsfixture.svv_language_privileges AS
SELECT l.lanname::text AS language_name,
       x.privilege_type::text AS privilege_type,
       i.id AS identity_id,
       i.name AS identity_name,
       i.kind AS identity_type,
       (x.is_grantable AND i.kind = 'user') AS admin_option
FROM pg_catalog.pg_language l
CROSS JOIN LATERAL pg_catalog.aclexplode(l.lanacl) x
JOIN rsfixture.identities i ON i.role_oid = x.grantee
WHERE x.grantee <> l.lanowner
  AND rsfixture.can_see(x.grantee);

-- schema_name is NULL for database-wide defaults. PostgreSQL keeps procedures
-- under 'f', so object_type PROCEDURE never appears here.
CREATE VIEW rsfixture.svv_default_privileges AS
SELECT n.nspname::text AS schema_name,
       CASE d.defaclobjtype WHEN 'r' THEN 'RELATION' WHEN 'f' THEN 'FUNCTION' END AS object_type,
       o.id AS owner_id,
       o.name AS owner_name,
       o.kind AS owner_type,
       x.privilege_type::text AS privilege_type,
       i.id AS grantee_id,
       i.name AS grantee_name,
       i.kind AS grantee_type,
       (x.is_grantable AND i.kind = 'user') AS admin_option
FROM pg_catalog.pg_default_acl d
LEFT JOIN pg_catalog.pg_namespace n ON n.oid = d.defaclnamespace
JOIN rsfixture.identities o ON o.role_oid = d.defaclrole
CROSS JOIN LATERAL pg_catalog.aclexplode(d.defaclacl) x
JOIN rsfixture.identities i ON i.role_oid = x.grantee
WHERE d.defaclobjtype IN ('r', 'f')
  AND x.grantee <> d.defaclrole
  AND rsfixture.can_see(x.grantee);

-- Access -------------------------------------------------------------------------

GRANT USAGE ON SCHEMA rsfixture TO PUBLIC;
GRANT SELECT ON ALL TABLES IN SCHEMA rsfixture TO PUBLIC;
REVOKE ALL ON rsfixture.pg_user_info FROM PUBLIC;
