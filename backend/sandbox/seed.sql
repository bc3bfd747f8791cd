-- Seed of the "Local sandbox": a realistic access model for a small analytics
-- warehouse. Run as the cluster superuser in the database "analytics".
-- Fixed test data only; the sandbox test asserts the counts noted below.

-- ── Roles (13, NOLOGIN). Nesting up to 3 deep:
--    platform_admin -> data_engineer -> writer -> reader
--    finance_analyst -> analyst -> reader
CREATE ROLE reader NOLOGIN;
CREATE ROLE writer NOLOGIN;
CREATE ROLE analyst NOLOGIN;
CREATE ROLE data_engineer NOLOGIN;
CREATE ROLE finance_analyst NOLOGIN;
CREATE ROLE marketing_analyst NOLOGIN;
CREATE ROLE sales_ops NOLOGIN;
CREATE ROLE bi_developer NOLOGIN;
CREATE ROLE auditor NOLOGIN;
CREATE ROLE reporting_reader NOLOGIN;
CREATE ROLE platform_admin NOLOGIN CREATEROLE CREATEDB;
CREATE ROLE security_admin NOLOGIN CREATEROLE;
CREATE ROLE "分析师" NOLOGIN;

GRANT reader TO writer;
GRANT writer TO data_engineer;
GRANT data_engineer TO platform_admin WITH ADMIN OPTION;
GRANT reader TO analyst;
GRANT analyst TO finance_analyst;
GRANT analyst TO marketing_analyst;
GRANT analyst TO "分析师";
GRANT reader TO sales_ops;
GRANT reader TO bi_developer;
GRANT reporting_reader TO bi_developer WITH ADMIN OPTION;
GRANT reader TO auditor;
GRANT auditor TO security_admin WITH ADMIN OPTION;

-- ── Users (44, LOGIN): 34 people and 10 service accounts. No passwords: the
--    sandbox is browsed through its superuser.
CREATE ROLE "anna.schmidt" LOGIN;
CREATE ROLE "ben.carter" LOGIN;
CREATE ROLE "chloe.martin" LOGIN;
CREATE ROLE "daniel.kim" LOGIN;
CREATE ROLE "elena.petrova" LOGIN;
CREATE ROLE "farah.haddad" LOGIN;
CREATE ROLE "george.lopez" LOGIN;
CREATE ROLE "hannah.cohen" LOGIN;
CREATE ROLE "ivan.novak" LOGIN;
CREATE ROLE "julia.rossi" LOGIN;
CREATE ROLE "kevin.obrien" LOGIN;
CREATE ROLE "laura.fischer" LOGIN;
CREATE ROLE "mateo.silva" LOGIN;
CREATE ROLE "nina.patel" LOGIN;
CREATE ROLE "omar.aziz" LOGIN;
CREATE ROLE "olivia.bennett" LOGIN CREATEDB;
CREATE ROLE "marcus.webb" LOGIN CREATEROLE;
CREATE ROLE "priya.raman" LOGIN SUPERUSER;
CREATE ROLE "quentin.moreau" LOGIN;
CREATE ROLE "rachel.nguyen" LOGIN;
CREATE ROLE "samuel.okafor" LOGIN;
CREATE ROLE "sofia.lindqvist" LOGIN;
CREATE ROLE "tomas.novotny" LOGIN;
CREATE ROLE "uma.krishnan" LOGIN;
CREATE ROLE "victor.almeida" LOGIN;
CREATE ROLE "wei.zhang" LOGIN;
CREATE ROLE "xavier.dupont" LOGIN;
CREATE ROLE "yuki.tanaka" LOGIN;
CREATE ROLE "zoe.walsh" LOGIN;
CREATE ROLE "emma.johansson" LOGIN;
CREATE ROLE "contractor.jlee" LOGIN VALID UNTIL '2027-06-30 00:00:00+00';
CREATE ROLE "sean.o'brien" LOGIN;
CREATE ROLE "Mixed.Case User" LOGIN;

CREATE ROLE etl_loader LOGIN;
CREATE ROLE dbt_runner LOGIN;
CREATE ROLE looker_svc LOGIN CONNECTION LIMIT 10;
CREATE ROLE airflow_svc LOGIN CONNECTION LIMIT 5;
CREATE ROLE fivetran_svc LOGIN;
CREATE ROLE tableau_svc LOGIN CONNECTION LIMIT 10;
CREATE ROLE backup_svc LOGIN NOINHERIT;

ALTER ROLE looker_svc SET statement_timeout = '5min';
ALTER ROLE dbt_runner SET search_path = staging, public;

-- user -> role memberships
GRANT analyst TO "anna.schmidt", "ben.carter", "daniel.kim", "hannah.cohen", "Mixed.Case User";
GRANT finance_analyst TO "chloe.martin", "julia.rossi", "samuel.okafor";
GRANT marketing_analyst TO "elena.petrova", "nina.patel", "zoe.walsh";
GRANT "分析师" TO "wei.zhang", "yuki.tanaka";
GRANT sales_ops TO "george.lopez", "laura.fischer", "rachel.nguyen";
GRANT data_engineer TO "farah.haddad", "ivan.novak", "mateo.silva";
GRANT data_engineer TO "omar.aziz" WITH ADMIN OPTION;
GRANT bi_developer TO "kevin.obrien", "sofia.lindqvist";
GRANT reporting_reader TO "quentin.moreau", "tomas.novotny", "emma.johansson", "sean.o'brien";
GRANT auditor TO "uma.krishnan", "xavier.dupont";
GRANT platform_admin TO "marcus.webb";
GRANT security_admin TO "victor.almeida" WITH ADMIN OPTION;
GRANT reader TO "contractor.jlee", "olivia.bennett";
GRANT writer TO etl_loader, fivetran_svc, airflow_svc;
GRANT data_engineer TO dbt_runner;
GRANT bi_developer TO looker_svc, tableau_svc;
GRANT reader TO backup_svc;

-- ── Access PostgreSQL grants outside the ACLs (the effective-access view must show it)
-- The database belongs to a non-superuser, as on managed PostgreSQL (RDS, Cloud
-- SQL): its owner is implicitly a member of pg_database_owner, which owns schema
-- public (and public.app_settings, below).
CREATE ROLE analytics_owner LOGIN;
-- Predefined roles: read everything, write everything, with no ACL entry at all.
CREATE ROLE dwh_readonly LOGIN;
CREATE ROLE migration_svc LOGIN;
GRANT pg_read_all_data TO dwh_readonly;
GRANT pg_write_all_data TO migration_svc;
-- A member that does not inherit: platform_admin's privileges are one SET ROLE
-- away. PostgreSQL 16+ says so per membership (WITH INHERIT FALSE) and can also
-- refuse SET ROLE (SET FALSE); before 16 the user itself is NOINHERIT.
CREATE ROLE "ops.oncall" LOGIN;
DO $$
BEGIN
  IF current_setting('server_version_num')::int >= 160000 THEN
    EXECUTE 'GRANT platform_admin TO "ops.oncall" WITH INHERIT FALSE';
    EXECUTE 'GRANT security_admin TO "ops.oncall" WITH INHERIT FALSE, SET FALSE';
  ELSE
    ALTER ROLE "ops.oncall" NOINHERIT;
    GRANT platform_admin TO "ops.oncall";
  END IF;
END $$;

-- ── Database-level privileges
REVOKE TEMPORARY ON DATABASE analytics FROM PUBLIC;
GRANT TEMPORARY ON DATABASE analytics TO analyst, data_engineer;
GRANT CREATE ON DATABASE analytics TO data_engineer;
GRANT ALL ON DATABASE analytics TO platform_admin WITH GRANT OPTION;
ALTER DATABASE analytics OWNER TO analytics_owner;

-- ── Schemas (6 of our own besides public)
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
CREATE SCHEMA sales;
CREATE SCHEMA marketing;
CREATE SCHEMA finance;
CREATE SCHEMA staging AUTHORIZATION dbt_runner;
CREATE SCHEMA raw AUTHORIZATION etl_loader;
CREATE SCHEMA "Reporting Area";

GRANT USAGE ON SCHEMA sales, marketing, finance, staging, raw, "Reporting Area" TO reader;
GRANT USAGE, CREATE ON SCHEMA staging TO writer;
GRANT USAGE, CREATE ON SCHEMA sales, marketing TO data_engineer;
GRANT ALL ON SCHEMA finance TO platform_admin WITH GRANT OPTION;
GRANT USAGE ON SCHEMA "Reporting Area" TO PUBLIC;
GRANT CREATE ON SCHEMA "Reporting Area" TO bi_developer;
GRANT USAGE ON SCHEMA raw TO fivetran_svc;

-- ── Default privileges (set before the objects they govern are created)
ALTER DEFAULT PRIVILEGES FOR ROLE etl_loader IN SCHEMA raw GRANT SELECT ON TABLES TO reader;
ALTER DEFAULT PRIVILEGES FOR ROLE etl_loader IN SCHEMA raw GRANT INSERT, UPDATE, DELETE ON TABLES TO fivetran_svc;
ALTER DEFAULT PRIVILEGES FOR ROLE dbt_runner IN SCHEMA staging GRANT SELECT ON TABLES TO analyst;
ALTER DEFAULT PRIVILEGES FOR ROLE dbt_runner GRANT EXECUTE ON FUNCTIONS TO bi_developer;
ALTER DEFAULT PRIVILEGES FOR ROLE dbt_runner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA "Reporting Area" GRANT SELECT ON TABLES TO reporting_reader;

-- ── Tables (40): sales 8, marketing 6, finance 6, staging 5, raw 7, "Reporting Area" 4, public 4
CREATE TABLE sales.regions (id serial PRIMARY KEY, name text NOT NULL, country_code char(2) NOT NULL);
CREATE TABLE sales.customers (id bigserial PRIMARY KEY, name text NOT NULL, email text, region_id int REFERENCES sales.regions(id), created_at timestamptz DEFAULT now());
CREATE TABLE sales.products (id serial PRIMARY KEY, sku text UNIQUE NOT NULL, name text NOT NULL, list_price numeric(12,2));
CREATE TABLE sales.sales_reps (id serial PRIMARY KEY, name text NOT NULL, region_id int REFERENCES sales.regions(id), quota numeric(14,2));
CREATE TABLE sales.orders (id bigserial PRIMARY KEY, customer_id bigint REFERENCES sales.customers(id), rep_id int REFERENCES sales.sales_reps(id), order_date date NOT NULL, total numeric(14,2) NOT NULL DEFAULT 0, status text NOT NULL DEFAULT 'open');
CREATE TABLE sales.order_items (order_id bigint REFERENCES sales.orders(id), line_no int, product_id int REFERENCES sales.products(id), quantity int NOT NULL, unit_price numeric(12,2), PRIMARY KEY (order_id, line_no));
CREATE TABLE sales.invoices (id bigserial PRIMARY KEY, order_id bigint REFERENCES sales.orders(id), issued_on date, amount numeric(14,2), paid boolean DEFAULT false);
CREATE TABLE sales.returns (id bigserial PRIMARY KEY, order_id bigint REFERENCES sales.orders(id), reason text, returned_on date);

CREATE TABLE marketing.campaigns (id serial PRIMARY KEY, name text NOT NULL, channel text, starts_on date, ends_on date, budget numeric(12,2));
CREATE TABLE marketing.campaign_events (id bigserial PRIMARY KEY, campaign_id int REFERENCES marketing.campaigns(id), event_type text, occurred_at timestamptz);
CREATE TABLE marketing.leads (id bigserial PRIMARY KEY, email text, source text, score int, created_at timestamptz DEFAULT now());
CREATE TABLE marketing.email_sends (id bigserial PRIMARY KEY, campaign_id int, recipient text, sent_at timestamptz, opened boolean);
CREATE TABLE marketing.web_sessions (id bigserial PRIMARY KEY, visitor_id uuid, landing_page text, started_at timestamptz, duration_s int);
CREATE TABLE marketing.ad_spend (day date, channel text, spend numeric(12,2), clicks int, PRIMARY KEY (day, channel));

CREATE TABLE finance.salaries (id serial PRIMARY KEY, name text NOT NULL, department text, salary numeric(12,2) NOT NULL, bonus numeric(12,2), bank_account text);
CREATE TABLE finance.budgets (id serial PRIMARY KEY, department text NOT NULL, fiscal_year int NOT NULL, amount numeric(14,2) NOT NULL, approved_by text);
CREATE TABLE finance.accounts (id serial PRIMARY KEY, code text UNIQUE NOT NULL, name text NOT NULL, kind text);
CREATE TABLE finance.ledger_entries (id bigserial PRIMARY KEY, account_id int REFERENCES finance.accounts(id), posted_on date, debit numeric(14,2), credit numeric(14,2), memo text);
CREATE TABLE finance.expenses (id bigserial PRIMARY KEY, department text, category text, amount numeric(12,2), spent_on date);
CREATE TABLE finance.payroll_runs (id serial PRIMARY KEY, period_start date, period_end date, total numeric(14,2), status text);

-- staging is built by dbt: its tables belong to dbt_runner
SET ROLE dbt_runner;
CREATE TABLE staging.stg_orders (order_id bigint, customer_id bigint, order_date date, total numeric(14,2), loaded_at timestamptz);
CREATE TABLE staging.stg_customers (customer_id bigint, name text, email text, region text);
CREATE TABLE staging.stg_products (product_id int, sku text, name text, price numeric(12,2));
CREATE TABLE staging.stg_events (event_id bigint, event_type text, payload jsonb, occurred_at timestamptz);
CREATE TABLE staging.stg_payments (payment_id bigint, order_id bigint, amount numeric(14,2), method text);
RESET ROLE;

-- raw is landed by the ETL service: its tables belong to etl_loader, so the
-- default privileges above apply to them
SET ROLE etl_loader;
CREATE TABLE raw.orders_raw (id bigint, body jsonb, received_at timestamptz DEFAULT now());
CREATE TABLE raw.customers_raw (id bigint, body jsonb, received_at timestamptz DEFAULT now());
CREATE TABLE raw.events_raw (id bigint, body jsonb, received_at timestamptz DEFAULT now());
CREATE TABLE raw.payments_raw (id bigint, body jsonb, received_at timestamptz DEFAULT now());
CREATE TABLE raw.shopify_orders (id bigint, body jsonb, received_at timestamptz DEFAULT now());
CREATE TABLE raw.stripe_charges (id bigint, body jsonb, received_at timestamptz DEFAULT now());
CREATE TABLE raw.hubspot_contacts (id bigint, body jsonb, received_at timestamptz DEFAULT now());
RESET ROLE;

CREATE TABLE "Reporting Area"."Monthly Revenue" ("Month" date PRIMARY KEY, "Revenue" numeric(16,2), "Orders" int);
CREATE TABLE "Reporting Area"."Customer Churn" ("Month" date, "Segment" text, "Churn Rate" numeric(5,4));
CREATE TABLE "Reporting Area".kpi_daily (day date PRIMARY KEY, active_customers int, revenue numeric(16,2));
CREATE TABLE "Reporting Area"."Sales Targets" (region text, quarter text, target numeric(16,2));

CREATE TABLE public.app_settings (key text PRIMARY KEY, value text);
CREATE TABLE public.audit_events (id bigserial PRIMARY KEY, actor text, action text, at timestamptz DEFAULT now());
CREATE TABLE public.dim_date (day date PRIMARY KEY, year int, quarter int, month int, weekday int);
CREATE TABLE public.currency_rates (day date, currency char(3), rate numeric(18,8), PRIMARY KEY (day, currency));

INSERT INTO sales.regions (name, country_code) VALUES ('North', 'US'), ('South', 'US'), ('DACH', 'DE'), ('Nordics', 'SE');

-- ── Views (4) and a materialized view
CREATE VIEW sales.v_order_summary AS
  SELECT o.id, o.order_date, c.name AS customer, r.name AS region, o.total
  FROM sales.orders o JOIN sales.customers c ON c.id = o.customer_id LEFT JOIN sales.regions r ON r.id = c.region_id;
CREATE VIEW marketing.v_campaign_performance AS
  SELECT c.id, c.name, count(e.id) AS events, c.budget FROM marketing.campaigns c LEFT JOIN marketing.campaign_events e ON e.campaign_id = c.id GROUP BY c.id;
CREATE VIEW finance.v_department_costs AS
  SELECT department, sum(amount) AS spent FROM finance.expenses GROUP BY department;
CREATE VIEW "Reporting Area"."Revenue by Region" AS
  SELECT region, sum(total) AS revenue FROM sales.v_order_summary GROUP BY region;
CREATE MATERIALIZED VIEW sales.mv_daily_revenue AS
  SELECT order_date, sum(total) AS revenue, count(*) AS orders FROM sales.orders GROUP BY order_date;

-- ── Functions (3) and procedures (2) with arguments
CREATE FUNCTION sales.order_total(p_order_id bigint) RETURNS numeric LANGUAGE sql STABLE AS
  $$ SELECT coalesce(sum(quantity * unit_price), 0) FROM sales.order_items WHERE order_id = p_order_id $$;
CREATE FUNCTION finance.fiscal_quarter(d date, fy_start_month int DEFAULT 7) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT 'Q' || (((extract(month FROM d)::int - fy_start_month + 12) % 12) / 3 + 1) $$;
CREATE FUNCTION marketing.normalize_email(email text) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT lower(trim(email)) $$;
CREATE PROCEDURE staging.load_orders(batch_id int, dry_run boolean DEFAULT false) LANGUAGE plpgsql AS
  $$ BEGIN IF NOT dry_run THEN INSERT INTO staging.stg_orders (order_id, loaded_at) SELECT batch_id, now(); END IF; END $$;
CREATE PROCEDURE finance.close_period(p_year int, p_month int) LANGUAGE plpgsql AS
  $$ BEGIN UPDATE finance.payroll_runs SET status = 'closed' WHERE extract(year FROM period_end) = p_year AND extract(month FROM period_end) = p_month; END $$;

-- ── Object privileges
GRANT SELECT ON ALL TABLES IN SCHEMA sales, marketing, "Reporting Area" TO reader;
GRANT SELECT ON finance.accounts, finance.budgets, finance.v_department_costs TO reader;
GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA sales, marketing TO writer;
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA staging TO writer;
GRANT ALL ON ALL TABLES IN SCHEMA finance TO finance_analyst;
REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA finance FROM finance_analyst;
GRANT SELECT ON ALL TABLES IN SCHEMA finance TO auditor WITH GRANT OPTION;
GRANT SELECT ON ALL TABLES IN SCHEMA raw TO data_engineer;
GRANT SELECT, UPDATE ON sales.customers, sales.orders TO sales_ops;
GRANT SELECT ON sales.customers, sales.orders TO bi_developer WITH GRANT OPTION;
GRANT SELECT ON sales.mv_daily_revenue TO looker_svc, tableau_svc;
GRANT SELECT ON marketing.leads TO "Mixed.Case User";
GRANT SELECT ON "Reporting Area"."Monthly Revenue", "Reporting Area"."Revenue by Region" TO PUBLIC;
GRANT SELECT, INSERT ON "Reporting Area".kpi_daily TO "分析师";
GRANT SELECT ON public.dim_date, public.currency_rates TO PUBLIC;
GRANT SELECT, INSERT ON public.audit_events TO security_admin;

-- column privileges
REVOKE SELECT ON finance.salaries FROM reader;
GRANT SELECT (id, name) ON finance.salaries TO analyst;
GRANT SELECT (id, name, department), UPDATE (bonus) ON finance.salaries TO "julia.rossi";
GRANT UPDATE (amount, approved_by) ON finance.budgets TO finance_analyst;
GRANT SELECT (id, email, source), UPDATE (score) ON marketing.leads TO marketing_analyst;

-- sequences the writers need for inserts
GRANT USAGE ON ALL SEQUENCES IN SCHEMA sales, marketing TO writer;

-- routine privileges
REVOKE EXECUTE ON FUNCTION finance.fiscal_quarter(date, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION finance.fiscal_quarter(date, int) TO analyst;
GRANT EXECUTE ON FUNCTION sales.order_total(bigint) TO bi_developer WITH GRANT OPTION;
REVOKE EXECUTE ON PROCEDURE finance.close_period(int, int) FROM PUBLIC;
GRANT EXECUTE ON PROCEDURE finance.close_period(int, int) TO platform_admin;
REVOKE EXECUTE ON PROCEDURE staging.load_orders(int, boolean) FROM PUBLIC;
GRANT EXECUTE ON PROCEDURE staging.load_orders(int, boolean) TO airflow_svc, dbt_runner;

-- ownership spread over a few principals
ALTER TABLE finance.payroll_runs OWNER TO platform_admin;
ALTER VIEW "Reporting Area"."Revenue by Region" OWNER TO bi_developer;
ALTER FUNCTION marketing.normalize_email(text) OWNER TO data_engineer;
ALTER TABLE public.app_settings OWNER TO pg_database_owner;
