-- Redshift's grant surface beyond objects, for the fixture (TEST DOUBLE):
-- ASSUMEROLE (svv_iam_privileges), datashares (svv_datashares,
-- svv_datashare_consumers, svv_datashare_privileges) and ML models
-- (svv_ml_model_info, svv_ml_model_privileges). PostgreSQL has none of
-- these, so each view reads a side table the tests fill (fixture_surface.go).
-- Columns and types follow the DG pages r_SVV_IAM_PRIVILEGES,
-- r_SVV_DATASHARES, r_SVV_DATASHARE_CONSUMERS, r_SVV_DATASHARE_PRIVILEGES,
-- r_SVV_ML_MODEL_INFO and r_SVV_ML_MODEL_PRIVILEGES. Runs after fixture.sql.

CREATE TABLE rsfixture.iam_privileges (
    iam_arn       text NOT NULL,
    command_type  text NOT NULL,
    identity_name text NOT NULL, -- 'public' for PUBLIC
    PRIMARY KEY (iam_arn, command_type, identity_name)
);

CREATE TABLE rsfixture.datashares (
    share_id            serial PRIMARY KEY,
    share_name          text NOT NULL UNIQUE,
    owner_name          text,
    source_database     text,
    consumer_database   text,
    share_type          text NOT NULL DEFAULT 'OUTBOUND' CHECK (share_type IN ('OUTBOUND', 'INBOUND')),
    createdate          timestamp NOT NULL DEFAULT now(),
    is_publicaccessible boolean NOT NULL DEFAULT false,
    producer_account    text,
    producer_namespace  text,
    managed_by          text
);

CREATE TABLE rsfixture.datashare_consumers (
    share_name         text NOT NULL,
    consumer_account   text,
    consumer_namespace text,
    share_date         timestamp NOT NULL DEFAULT now()
);

CREATE TABLE rsfixture.datashare_privileges (
    datashare_name text NOT NULL,
    privilege_type text NOT NULL CHECK (privilege_type IN ('ALTER', 'SHARE')),
    identity_name  text NOT NULL,
    admin_option   boolean NOT NULL DEFAULT false,
    PRIMARY KEY (datashare_name, privilege_type, identity_name)
);

CREATE TABLE rsfixture.ml_models (
    schema_name    text NOT NULL,
    model_name     text NOT NULL,
    user_name      text NOT NULL,
    life_cycle     text NOT NULL DEFAULT 'ACTIVE',
    is_refreshable integer NOT NULL DEFAULT 1,
    model_state    text NOT NULL DEFAULT 'Model is Ready',
    PRIMARY KEY (schema_name, model_name)
);

CREATE TABLE rsfixture.ml_model_privileges (
    namespace_name text NOT NULL,
    model_name     text NOT NULL,
    model_version  integer NOT NULL DEFAULT 1,
    privilege_type text NOT NULL DEFAULT 'EXECUTE',
    identity_name  text NOT NULL,
    admin_option   boolean NOT NULL DEFAULT false
);

-- "default" shows as default-aws-iam-role; EXTERNAL FUNCTION is stored as the
-- page's sample prints it (EXFUNC) when a test says so.
CREATE VIEW rsfixture.svv_iam_privileges AS
SELECT p.iam_arn::text AS iam_arn, p.command_type::text AS command_type,
       i.id::integer AS identity_id, i.name::text AS identity_name, i.kind::text AS identity_type
FROM rsfixture.iam_privileges p
JOIN rsfixture.identities i ON i.name = p.identity_name
WHERE rsfixture.can_see(i.role_oid);

-- Visible to superusers, the owner and ALTER/USAGE holders; others see no rows.
CREATE VIEW rsfixture.svv_datashares AS
SELECT d.share_name::varchar(128) AS share_name, d.share_id::integer AS share_id,
       o.oid::integer AS share_owner,
       d.source_database::varchar(128) AS source_database,
       d.consumer_database::varchar(128) AS consumer_database,
       d.share_type::varchar(8) AS share_type,
       d.createdate AS createdate,
       d.is_publicaccessible AS is_publicaccessible,
       NULL::varchar(256) AS share_acl,
       d.producer_account::varchar(16) AS producer_account,
       d.producer_namespace::varchar(64) AS producer_namespace,
       d.managed_by::varchar(64) AS managed_by
FROM rsfixture.datashares d
LEFT JOIN pg_catalog.pg_roles o ON o.rolname = d.owner_name
WHERE rsfixture.is_superuser() OR d.owner_name = current_user
   OR EXISTS (SELECT 1 FROM rsfixture.datashare_privileges p JOIN pg_catalog.pg_roles r ON r.rolname = p.identity_name
              WHERE p.datashare_name = d.share_name AND p.privilege_type = 'ALTER'
                AND pg_catalog.pg_has_role(current_user, r.oid, 'MEMBER'));

CREATE VIEW rsfixture.svv_datashare_consumers AS
SELECT c.share_name::varchar(128) AS share_name, c.consumer_account::varchar(16) AS consumer_account,
       c.consumer_namespace::varchar(64) AS consumer_namespace, c.share_date AS share_date
FROM rsfixture.datashare_consumers c
WHERE c.share_name IN (SELECT share_name FROM rsfixture.svv_datashares);

CREATE VIEW rsfixture.svv_datashare_privileges AS
SELECT p.datashare_name::text AS datashare_name, p.privilege_type::text AS privilege_type,
       i.id::integer AS identity_id, i.name::text AS identity_name, i.kind::text AS identity_type,
       (p.admin_option AND i.kind = 'user') AS admin_option
FROM rsfixture.datashare_privileges p
JOIN rsfixture.identities i ON i.name = p.identity_name
WHERE rsfixture.can_see(i.role_oid);

-- char(128) like the page: values come back padded with spaces.
CREATE VIEW rsfixture.svv_ml_model_info AS
SELECT current_database()::char(128) AS database_name, m.schema_name::char(128) AS schema_name,
       m.user_name::char(128) AS user_name, m.model_name::char(128) AS model_name,
       m.life_cycle::char(20) AS life_cycle, m.is_refreshable::integer AS is_refreshable,
       m.model_state::char(128) AS model_state
FROM rsfixture.ml_models m
WHERE rsfixture.is_superuser() OR m.user_name = current_user;

CREATE VIEW rsfixture.svv_ml_model_privileges AS
SELECT p.namespace_name::text AS namespace_name, p.model_name::text AS model_name,
       p.model_version::integer AS model_version, p.privilege_type::text AS privilege_type,
       i.id::integer AS identity_id, i.name::text AS identity_name, i.kind::text AS identity_type,
       (p.admin_option AND i.kind = 'user') AS admin_option
FROM rsfixture.ml_model_privileges p
JOIN rsfixture.identities i ON i.name = p.identity_name
WHERE rsfixture.can_see(i.role_oid);

GRANT SELECT ON rsfixture.svv_iam_privileges, rsfixture.svv_datashares, rsfixture.svv_datashare_consumers,
    rsfixture.svv_datashare_privileges, rsfixture.svv_ml_model_info, rsfixture.svv_ml_model_privileges TO PUBLIC;
