-- Seed of the "Redshift (emulated)" sandbox: a small Redshift data warehouse
-- written in the conventions of the Redshift-shaped catalog
-- (backend/engine/redshift/rsfixture, FIXTURE.md):
--   Redshift user  = PostgreSQL role WITH LOGIN
--   Redshift group = NOLOGIN role named grp_* (members: login roles granted it)
--   Redshift role  = any other NOLOGIN role
--   Redshift-only facts (syslog access, session timeouts, external ids, role
--   owners, system and scoped permissions, schema types) = rows of the
--   fixture's side tables, in the last section of this file.
-- Run as the cluster superuser in the database "dev", after the fixture.
-- Fixed demo data only; TestEmulatedSandbox asserts what it names.
--
-- To show a new Redshift kind here: add its objects in the sections below and
-- its Redshift-only rows (whatever side table the fixture gained for it) at
-- the end, then assert one of them in TestEmulatedSandbox.

-- ── Users (15). Passwords are for show: the sandbox is browsed through its superuser.
CREATE ROLE "anna.schmidt" LOGIN PASSWORD 'Sandbox-pw-1';
CREATE ROLE "ben.carter" LOGIN PASSWORD 'Sandbox-pw-2';
CREATE ROLE "chloe.martin" LOGIN PASSWORD 'Sandbox-pw-3';
CREATE ROLE "daniel.kim" LOGIN PASSWORD 'Sandbox-pw-4';
CREATE ROLE "elena.petrova" LOGIN PASSWORD 'Sandbox-pw-5';
CREATE ROLE "farah.haddad" LOGIN PASSWORD 'Sandbox-pw-6';
CREATE ROLE "marcus.webb" LOGIN PASSWORD 'Sandbox-pw-7';
CREATE ROLE "priya.raman" LOGIN SUPERUSER PASSWORD 'Sandbox-pw-8';
CREATE ROLE "olivia.bennett" LOGIN CREATEDB PASSWORD 'Sandbox-pw-9';
CREATE ROLE "contractor.jlee" LOGIN CONNECTION LIMIT 2 VALID UNTIL '2027-06-30 00:00:00+00' PASSWORD 'Sandbox-pw-10';
CREATE ROLE "sean.o'brien" LOGIN PASSWORD 'Sandbox-pw-11';
CREATE ROLE "Mixed.Case User" LOGIN PASSWORD 'Sandbox-pw-12';
-- Identity-provider and IAM users have no password (PASSWORD DISABLE).
CREATE ROLE "AWSIDC:wei.zhang@example.com" LOGIN;
CREATE ROLE "IAMR:quicksight-reader" LOGIN;
-- Service accounts
CREATE ROLE etl_loader LOGIN PASSWORD 'Sandbox-pw-13';
CREATE ROLE dbt_runner LOGIN PASSWORD 'Sandbox-pw-14';
CREATE ROLE looker_svc LOGIN CONNECTION LIMIT 10 PASSWORD 'Sandbox-pw-15';

-- Session defaults (ALTER USER … SET)
ALTER ROLE dbt_runner SET search_path = staging, reporting;
ALTER ROLE looker_svc SET statement_timeout = '300000';

-- ── Groups (5; one without members)
CREATE ROLE grp_analysts NOLOGIN;
CREATE ROLE grp_finance NOLOGIN;
CREATE ROLE grp_marketing NOLOGIN;
CREATE ROLE grp_etl NOLOGIN;
CREATE ROLE grp_legacy_reports NOLOGIN;

GRANT grp_analysts TO "anna.schmidt", "ben.carter", "daniel.kim", "Mixed.Case User";
GRANT grp_finance TO "chloe.martin", "sean.o'brien";
GRANT grp_marketing TO "elena.petrova", "AWSIDC:wei.zhang@example.com";
GRANT grp_etl TO etl_loader, dbt_runner;

-- ── Roles (8), nested three deep: platform_admin -> data_engineer -> writer -> reader
CREATE ROLE reader NOLOGIN;
CREATE ROLE writer NOLOGIN;
CREATE ROLE data_engineer NOLOGIN;
CREATE ROLE platform_admin NOLOGIN;
CREATE ROLE analyst NOLOGIN;
CREATE ROLE bi_developer NOLOGIN;
CREATE ROLE security_admin NOLOGIN;
CREATE ROLE auditor NOLOGIN;

GRANT reader TO writer;
GRANT writer TO data_engineer;
GRANT data_engineer TO platform_admin;
GRANT reader TO analyst;
GRANT reader TO bi_developer;
GRANT auditor TO security_admin;

GRANT analyst TO "anna.schmidt", "ben.carter", "chloe.martin";
GRANT analyst TO "elena.petrova" WITH ADMIN OPTION;
GRANT data_engineer TO "farah.haddad", etl_loader, dbt_runner;
GRANT platform_admin TO "olivia.bennett";
GRANT security_admin TO "marcus.webb";
GRANT auditor TO "contractor.jlee";
GRANT bi_developer TO looker_svc, "IAMR:quicksight-reader";

-- ── Schemas, tables, views, functions and procedures
CREATE SCHEMA sales AUTHORIZATION etl_loader;
CREATE SCHEMA finance AUTHORIZATION etl_loader;
CREATE SCHEMA marketing;
CREATE SCHEMA staging AUTHORIZATION etl_loader;
CREATE SCHEMA reporting AUTHORIZATION dbt_runner;
-- Stand-ins for an external (Spectrum) schema and a datashare consumer's schema.
CREATE SCHEMA spectrum;
CREATE SCHEMA partner_share;

CREATE TABLE sales.customers (customer_id integer, name varchar(200), email varchar(320), region char(2));
CREATE TABLE sales.orders (order_id bigint, customer_id integer, order_date date, amount numeric(12,2), status varchar(16));
CREATE TABLE sales.order_items (order_id bigint, sku varchar(32), quantity integer, unit_price numeric(12,2));
CREATE TABLE finance.invoices (invoice_id bigint, order_id bigint, issued_on date, total numeric(12,2), iban varchar(34));
CREATE TABLE finance.payments (payment_id bigint, invoice_id bigint, paid_on date, amount numeric(12,2));
CREATE TABLE marketing.campaigns (campaign_id integer, name varchar(100), channel varchar(20), budget numeric(12,2));
CREATE TABLE staging.raw_events (event_id bigint, payload varchar(65535), loaded_at timestamp);
CREATE TABLE spectrum.clickstream (session_id varchar(64), url varchar(2048), viewed_at timestamp);
CREATE TABLE partner_share.partner_orders (order_id bigint, partner varchar(64), amount numeric(12,2));
ALTER TABLE sales.customers OWNER TO etl_loader;
ALTER TABLE sales.orders OWNER TO etl_loader;
ALTER TABLE sales.order_items OWNER TO etl_loader;
ALTER TABLE finance.invoices OWNER TO etl_loader;
ALTER TABLE finance.payments OWNER TO etl_loader;
ALTER TABLE staging.raw_events OWNER TO etl_loader;

CREATE VIEW reporting.v_daily_sales AS
  SELECT order_date, sum(amount) AS revenue FROM sales.orders GROUP BY order_date;
-- A view without columns is how a late-binding view looks in pg_class.
CREATE VIEW reporting.lbv_customer_orders AS SELECT FROM sales.orders;
CREATE MATERIALIZED VIEW reporting.mv_revenue_by_region AS
  SELECT c.region, sum(o.amount) AS revenue FROM sales.orders o JOIN sales.customers c USING (customer_id) GROUP BY c.region;
ALTER VIEW reporting.v_daily_sales OWNER TO dbt_runner;
ALTER VIEW reporting.lbv_customer_orders OWNER TO dbt_runner;
ALTER MATERIALIZED VIEW reporting.mv_revenue_by_region OWNER TO dbt_runner;

CREATE FUNCTION sales.f_net_amount(gross numeric, tax_rate numeric) RETURNS numeric
  LANGUAGE sql IMMUTABLE AS 'SELECT gross / (1 + tax_rate)';
CREATE FUNCTION finance.f_mask_iban(iban character varying) RETURNS character varying
  LANGUAGE sql IMMUTABLE AS 'SELECT left(iban, 4) || ''****''';
CREATE PROCEDURE staging.p_load_events(batch_size integer) LANGUAGE plpgsql AS 'BEGIN NULL; END';
CREATE PROCEDURE reporting.p_refresh_marts() LANGUAGE plpgsql AS 'BEGIN NULL; END';
ALTER PROCEDURE staging.p_load_events(integer) OWNER TO etl_loader;
ALTER PROCEDURE reporting.p_refresh_marts() OWNER TO dbt_runner;
-- Redshift gives PUBLIC no EXECUTE on new procedures (PostgreSQL does).
REVOKE EXECUTE ON PROCEDURE staging.p_load_events(integer) FROM PUBLIC;
REVOKE EXECUTE ON PROCEDURE reporting.p_refresh_marts() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION finance.f_mask_iban(character varying) FROM PUBLIC;

-- ── Object privileges: to roles, groups, users and PUBLIC
GRANT USAGE ON SCHEMA sales, reporting TO reader;
GRANT USAGE ON SCHEMA sales, finance, reporting TO grp_analysts;
GRANT USAGE ON SCHEMA finance TO grp_finance;
GRANT USAGE ON SCHEMA marketing TO grp_marketing;
GRANT USAGE, CREATE ON SCHEMA staging TO writer;
GRANT USAGE ON SCHEMA spectrum, partner_share TO analyst;
GRANT USAGE ON SCHEMA marketing TO PUBLIC;

GRANT SELECT ON ALL TABLES IN SCHEMA sales TO reader;
GRANT SELECT ON reporting.v_daily_sales, reporting.lbv_customer_orders, reporting.mv_revenue_by_region TO reader;
GRANT INSERT, UPDATE, DELETE ON sales.orders, sales.order_items TO writer;
GRANT SELECT, INSERT, DELETE, TRUNCATE ON staging.raw_events TO writer;
GRANT SELECT ON finance.invoices, finance.payments TO grp_finance;
GRANT SELECT ON sales.customers, sales.orders TO grp_analysts;
GRANT SELECT, UPDATE ON marketing.campaigns TO grp_marketing;
GRANT SELECT ON marketing.campaigns TO PUBLIC;
GRANT SELECT ON spectrum.clickstream TO analyst;
GRANT SELECT ON partner_share.partner_orders TO "chloe.martin";
GRANT SELECT, REFERENCES ON sales.orders TO "contractor.jlee" WITH GRANT OPTION;
-- Column-level: analysts see invoices without the IBAN.
GRANT SELECT (invoice_id, order_id, issued_on, total) ON finance.invoices TO analyst;
GRANT UPDATE (status) ON sales.orders TO grp_etl;

GRANT EXECUTE ON FUNCTION finance.f_mask_iban(character varying) TO grp_finance;
GRANT EXECUTE ON PROCEDURE staging.p_load_events(integer) TO grp_etl;
GRANT EXECUTE ON PROCEDURE reporting.p_refresh_marts() TO data_engineer;
GRANT USAGE ON LANGUAGE plpgsql TO data_engineer;
GRANT CREATE, TEMP ON DATABASE dev TO data_engineer;
GRANT TEMP ON DATABASE dev TO grp_analysts;

-- ── Default privileges (ALTER DEFAULT PRIVILEGES FOR USER … [IN SCHEMA …])
ALTER DEFAULT PRIVILEGES FOR ROLE etl_loader IN SCHEMA sales GRANT SELECT ON TABLES TO reader;
ALTER DEFAULT PRIVILEGES FOR ROLE etl_loader IN SCHEMA finance GRANT SELECT ON TABLES TO grp_finance;
ALTER DEFAULT PRIVILEGES FOR ROLE etl_loader IN SCHEMA staging GRANT SELECT, INSERT ON TABLES TO writer;
ALTER DEFAULT PRIVILEGES FOR ROLE dbt_runner IN SCHEMA reporting GRANT SELECT ON TABLES TO grp_analysts;
ALTER DEFAULT PRIVILEGES FOR ROLE dbt_runner GRANT EXECUTE ON FUNCTIONS TO bi_developer;

-- ── Redshift-only facts, in the fixture's side tables
-- svv_user_info: SYSLOG ACCESS, SESSION TIMEOUT (seconds), EXTERNALID
INSERT INTO rsfixture.user_attrs (user_name, syslog_access, session_timeout, external_user_id) VALUES
  ('marcus.webb', 'UNRESTRICTED', 3600, NULL),
  ('etl_loader', 'UNRESTRICTED', 0, NULL),
  ('contractor.jlee', 'RESTRICTED', 900, NULL),
  ('looker_svc', 'RESTRICTED', 7200, NULL),
  ('AWSIDC:wei.zhang@example.com', 'RESTRICTED', 0, 'f8e1c2a4-5b6d-4e7f-9a0b-1c2d3e4f5a6b');

-- svv_roles: owner and EXTERNALID
INSERT INTO rsfixture.role_attrs (role_name, role_owner, external_id) VALUES
  ('security_admin', 'priya.raman', NULL),
  ('analyst', 'marcus.webb', 'a3f5b7c9-analysts');

-- svv_system_privileges: system permissions go to roles only
INSERT INTO rsfixture.system_privileges (identity_name, system_privilege) VALUES
  ('platform_admin', 'CREATE USER'),
  ('platform_admin', 'ALTER USER'),
  ('platform_admin', 'DROP USER'),
  ('platform_admin', 'CREATE ROLE'),
  ('platform_admin', 'DROP ROLE'),
  ('security_admin', 'ACCESS SYSTEM TABLE'),
  ('security_admin', 'ALTER DEFAULT PRIVILEGES'),
  ('auditor', 'ACCESS CATALOG'),
  ('data_engineer', 'CREATE SCHEMA'),
  ('data_engineer', 'TRUNCATE TABLE'),
  ('data_engineer', 'VACUUM'),
  ('data_engineer', 'ANALYZE');

-- svv_schema_privileges / svv_database_privileges: scoped permissions
INSERT INTO rsfixture.scoped_privileges (scope_kind, object_name, privilege_scope, privilege_type, identity_name, admin_option) VALUES
  ('database', 'dev', 'SCHEMAS', 'USAGE', 'reader', false),
  ('database', 'dev', 'TABLES', 'SELECT', 'auditor', false),
  ('schema', 'sales', 'TABLES', 'SELECT', 'analyst', false),
  ('schema', 'staging', 'TABLES', 'INSERT', 'data_engineer', false),
  ('schema', 'reporting', 'FUNCTIONS', 'EXECUTE', 'bi_developer', false),
  ('schema', 'staging', 'PROCEDURES', 'EXECUTE', 'data_engineer', false);

-- svv_all_schemas: schema types
INSERT INTO rsfixture.schema_attrs (schema_name, schema_type, source_database, schema_option) VALUES
  ('spectrum', 'external', 'spectrumdb', NULL),
  ('partner_share', 'shared', 'partner_db', NULL);

-- svv_iam_privileges: who may use which IAM roles for what (GRANT ASSUMEROLE).
-- PUBLIC still holds ASSUMEROLE on ALL for ALL here: the lock-down AWS
-- advises has not been done, so the overview shows its warning.
INSERT INTO rsfixture.iam_privileges (iam_arn, command_type, identity_name) VALUES
  ('all', 'ALL', 'public'),
  ('arn:aws:iam::123456789012:role/RedshiftCopyUnload', 'COPY', 'etl_loader'),
  ('arn:aws:iam::123456789012:role/RedshiftCopyUnload', 'UNLOAD', 'etl_loader'),
  ('arn:aws:iam::123456789012:role/RedshiftCopyUnload', 'COPY', 'data_engineer'),
  ('arn:aws:iam::123456789012:role/RedshiftML', 'CREATE MODEL', 'data_engineer'),
  ('default-aws-iam-role', 'COPY', 'grp_etl');

-- svv_datashares, consumers and privileges: one outbound share with two
-- consumers, one inbound share from a partner.
INSERT INTO rsfixture.datashares (share_name, owner_name, source_database, share_type, is_publicaccessible) VALUES
  ('sales_share', 'etl_loader', 'dev', 'OUTBOUND', false);
INSERT INTO rsfixture.datashares (share_name, consumer_database, share_type, producer_account, producer_namespace) VALUES
  ('partner_catalog', 'partner_db', 'INBOUND', '210987654321', '7b4c2e1a-5f3d-4a8b-9c6e-0d1f2a3b4c5d');
INSERT INTO rsfixture.datashare_consumers (share_name, consumer_account, consumer_namespace) VALUES
  ('sales_share', NULL, 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'),
  ('sales_share', '123456789012', NULL);
INSERT INTO rsfixture.datashare_privileges (datashare_name, privilege_type, identity_name, admin_option) VALUES
  ('sales_share', 'ALTER', 'data_engineer', false),
  ('sales_share', 'SHARE', 'platform_admin', false);

-- svv_ml_model_info and privileges: a churn model data engineers built.
INSERT INTO rsfixture.ml_models (schema_name, model_name, user_name) VALUES
  ('sales', 'customer_churn', 'dbt_runner');
INSERT INTO rsfixture.ml_model_privileges (namespace_name, model_name, identity_name) VALUES
  ('sales', 'customer_churn', 'analyst'),
  ('sales', 'customer_churn', 'looker_svc');
