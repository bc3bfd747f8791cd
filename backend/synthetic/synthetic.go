// Package synthetic builds the large synthetic catalog of DESIGN.md §6 in a
// PostgreSQL database: 2,000 users, 300 roles nested in chains 6 deep, 50
// "groups" (roles named bench_grp_*: PostgreSQL has no groups), 200 schemas,
// 20,000 tables with 35 explicit grants each (700,000), column grants, 2,000
// functions and default privileges. Benchmarks and the big sandbox use it; it
// is generated test data, so its SQL is fixed text with format() inside.
package synthetic

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// Spec names this version of the catalog; a finished build records it in
// public.rsmate_bench_ready so a kept database is reused.
const Spec = "v1: 2000 users, 300 roles, 50 groups, 200 schemas x 100 tables, 35 grants/table"

// Shape is the size of a catalog the generator builds. Full is the
// benchmark's; tests that must run in seconds build a smaller one with the
// same rules (chains 6 deep, each user in three roles and a group, 35 grants
// per table, column grants on every tenth table, default privileges).
type Shape struct {
	Users, Roles, Groups int
	Schemas              int // each owned by a role
	Tables, Functions    int // per schema
}

// Full is the benchmark's synthetic catalog (Spec).
var Full = Shape{Users: 2000, Roles: 300, Groups: 50, Schemas: 200, Tables: 100, Functions: 10}

// sql fills a template's size placeholders.
func (sh Shape) sql(tmpl string) string {
	return strings.NewReplacer("{USERS}", strconv.Itoa(sh.Users), "{ROLES}", strconv.Itoa(sh.Roles),
		"{GROUPS}", strconv.Itoa(sh.Groups), "{TABLES}", strconv.Itoa(sh.Tables),
		"{FUNCTIONS}", strconv.Itoa(sh.Functions), "{DEFAULTS}", strconv.Itoa(min(20, sh.Roles, sh.Groups))).Replace(tmpl)
}

const rolesSQL = `DO $$
BEGIN
  FOR i IN 1..{USERS} LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = format('bench_u%s', lpad(i::text, 4, '0'))) THEN
      EXECUTE format('CREATE ROLE %I LOGIN', format('bench_u%s', lpad(i::text, 4, '0')));
    END IF;
  END LOOP;
  FOR i IN 1..{ROLES} LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = format('bench_r%s', lpad(i::text, 3, '0'))) THEN
      EXECUTE format('CREATE ROLE %I', format('bench_r%s', lpad(i::text, 3, '0')));
    END IF;
  END LOOP;
  FOR i IN 1..{GROUPS} LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = format('bench_grp_%s', lpad(i::text, 2, '0'))) THEN
      EXECUTE format('CREATE ROLE %I', format('bench_grp_%s', lpad(i::text, 2, '0')));
    END IF;
  END LOOP;
  -- Chains r1 <- r2 <- ... <- r6 (each granted to the next): nesting 6 deep.
  FOR i IN 1..{ROLES} LOOP
    IF i % 6 <> 0 AND i < {ROLES} THEN
      EXECUTE format('GRANT %I TO %I', format('bench_r%s', lpad(i::text, 3, '0')), format('bench_r%s', lpad((i + 1)::text, 3, '0')));
    END IF;
  END LOOP;
  -- Each user: three roles and one group.
  FOR u IN 1..{USERS} LOOP
    EXECUTE format('GRANT %I, %I, %I TO %I',
      format('bench_r%s', lpad(((u * 7) % {ROLES} + 1)::text, 3, '0')),
      format('bench_r%s', lpad(((u * 13 + 1) % {ROLES} + 1)::text, 3, '0')),
      format('bench_grp_%s', lpad((u % {GROUPS} + 1)::text, 2, '0')),
      format('bench_u%s', lpad(u::text, 4, '0')));
  END LOOP;
END $$`

// schemaSQL builds one schema; {S} is replaced by its number.
const schemaSQL = `DO $$
DECLARE
  s int := {S};
  sch text := format('bench_s%s', lpad(s::text, 3, '0'));
  owner text := format('bench_r%s', lpad(((s - 1) % {ROLES} + 1)::text, 3, '0'));
  tn text;
  users text;
  roles text;
BEGIN
  EXECUTE format('CREATE SCHEMA %I AUTHORIZATION %I', sch, owner);
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I, %I', sch,
    format('bench_r%s', lpad((s % {ROLES} + 1)::text, 3, '0')), format('bench_grp_%s', lpad((s % {GROUPS} + 1)::text, 2, '0')));
  FOR t IN 1..{TABLES} LOOP
    tn := format('t%s', lpad(t::text, 3, '0'));
    EXECUTE format('CREATE TABLE %I.%I (id int, a text, b text)', sch, tn);
    EXECUTE format('ALTER TABLE %I.%I OWNER TO %I', sch, tn, owner);
    SELECT string_agg(quote_ident(format('bench_u%s', lpad((((s * {TABLES} + t) * 20 + k) % {USERS} + 1)::text, 4, '0'))), ', ')
      INTO users FROM generate_series(0, 19) k;
    EXECUTE format('GRANT SELECT ON %I.%I TO %s', sch, tn, users);
    SELECT string_agg(x, ', ') INTO roles FROM (
      SELECT quote_ident(format('bench_r%s', lpad(((s * 7 + t * 3 + k * 41) % {ROLES} + 1)::text, 3, '0'))) FROM generate_series(0, 2) k
      UNION ALL
      SELECT quote_ident(format('bench_grp_%s', lpad(((s + t + k * 17) % {GROUPS} + 1)::text, 2, '0'))) FROM generate_series(0, 1) k) q(x);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I.%I TO %s', sch, tn, roles);
    IF t % 10 = 0 THEN
      EXECUTE format('GRANT UPDATE (a) ON %I.%I TO %I', sch, tn, format('bench_u%s', lpad(((s * {TABLES} + t) % {USERS} + 1)::text, 4, '0')));
    END IF;
  END LOOP;
  FOR f IN 1..{FUNCTIONS} LOOP
    EXECUTE format('CREATE FUNCTION %I.%I(x integer) RETURNS integer LANGUAGE sql AS ''SELECT x''', sch, format('f%s', f));
    EXECUTE format('ALTER FUNCTION %I.%I(integer) OWNER TO %I', sch, format('f%s', f), owner);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %I.%I(integer) TO %I', sch, format('f%s', f),
      format('bench_r%s', lpad(((s + f) % {ROLES} + 1)::text, 3, '0')));
  END LOOP;
  EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT SELECT ON TABLES TO %I', owner, sch,
    format('bench_grp_%s', lpad((s % {GROUPS} + 1)::text, 2, '0')));
END $$`

const databaseWideSQL = `DO $$
BEGIN
  FOR i IN 1..{DEFAULTS} LOOP
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I GRANT EXECUTE ON FUNCTIONS TO %I',
      format('bench_r%s', lpad(i::text, 3, '0')), format('bench_grp_%s', lpad(i::text, 2, '0')));
  END LOOP;
END $$`

// Ready reports whether dsn already holds a finished build of this Spec.
func Ready(ctx context.Context, dsn string) bool {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return false
	}
	defer conn.Close(ctx)
	var spec string
	return conn.QueryRow(ctx, "SELECT spec FROM public.rsmate_bench_ready").Scan(&spec) == nil && spec == Spec
}

// Build fills the (empty) database at dsn with the Full catalog. Roles are
// cluster-wide; schemas, tables and grants go into that database. logf
// reports progress.
func Build(ctx context.Context, dsn string, logf func(format string, args ...any)) error {
	return BuildShape(ctx, dsn, Full, Spec, logf)
}

// BuildShape is Build at another size, recorded as spec. Its roles have the
// Full catalog's names (bench_u0001 …), so a smaller shape belongs in a
// cluster of its own: in one holding the Full catalog it would add
// memberships to the same roles.
func BuildShape(ctx context.Context, dsn string, sh Shape, spec string, logf func(format string, args ...any)) error {
	start := time.Now()
	if err := execAll(ctx, dsn, "DROP SCHEMA IF EXISTS public CASCADE", "CREATE SCHEMA public", sh.sql(rolesSQL), sh.sql(databaseWideSQL)); err != nil {
		return err
	}
	logf("roles and memberships: %v", time.Since(start).Round(time.Second))
	// Two workers, one schema per transaction (a transaction creating 20,000
	// tables would exhaust the lock table).
	work := make(chan int)
	errs := make(chan error, 2)
	for w := 0; w < 2; w++ {
		go func() {
			conn, err := pgx.Connect(ctx, dsn)
			if err != nil {
				errs <- err
				for range work {
				}
				return
			}
			defer conn.Close(ctx)
			for s := range work {
				if _, err := conn.Exec(ctx, strings.ReplaceAll(sh.sql(schemaSQL), "{S}", strconv.Itoa(s))); err != nil {
					errs <- fmt.Errorf("schema %d: %w", s, err)
					for range work {
					}
					return
				}
			}
			errs <- nil
		}()
	}
	for s := 1; s <= sh.Schemas; s++ {
		work <- s
		if s%50 == 0 {
			logf("schemas: %d/%d after %v", s, sh.Schemas, time.Since(start).Round(time.Second))
		}
	}
	close(work)
	for w := 0; w < 2; w++ {
		if err := <-errs; err != nil {
			return err
		}
	}
	if err := execAll(ctx, dsn, "VACUUM ANALYZE", "CREATE TABLE public.rsmate_bench_ready (spec text)",
		"INSERT INTO public.rsmate_bench_ready VALUES ('"+strings.ReplaceAll(spec, "'", "''")+"')"); err != nil {
		return err
	}
	logf("synthetic catalog built in %v", time.Since(start).Round(time.Second))
	return nil
}

func execAll(ctx context.Context, dsn string, sql ...string) error {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	for _, s := range sql {
		if _, err := conn.Exec(ctx, s); err != nil {
			return err
		}
	}
	return nil
}

// ScaledSpec names a grown copy of the catalog: k times its grants.
func ScaledSpec(k int) string { return fmt.Sprintf("%s; x%d grants", Spec, k) }

// extraGrantsSQL adds one round of 42 grants to every table of one schema
// ({S}: its number; {M}: the round, from 1): SELECT to 30 more users and
// SELECT, INSERT, UPDATE to 4 more roles. Rounds pick grantees no earlier
// round (nor the base catalog) gave the table, so every row is a new grant.
const extraGrantsSQL = `DO $$
DECLARE
  s int := {S};
  m int := {M};
  sch text := format('bench_s%s', lpad(s::text, 3, '0'));
  users text;
  roles text;
BEGIN
  FOR t IN 1..100 LOOP
    SELECT string_agg(quote_ident(format('bench_u%s', lpad((((s * 100 + t) * 20 + 20 + (m - 1) * 30 + k) % 2000 + 1)::text, 4, '0'))), ', ')
      INTO users FROM generate_series(0, 29) k;
    EXECUTE format('GRANT SELECT ON %I.%I TO %s', sch, format('t%s', lpad(t::text, 3, '0')), users);
    SELECT string_agg(quote_ident(format('bench_r%s', lpad(((s * 7 + t * 3 + (3 + (m - 1) * 4 + k) * 41) % 300 + 1)::text, 3, '0'))), ', ')
      INTO roles FROM generate_series(0, 3) k;
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I.%I TO %s', sch, format('t%s', lpad(t::text, 3, '0')), roles);
  END LOOP;
END $$`

// BuildScaled makes database name a copy of the finished base catalog (a
// template copy: no DDL replayed) with k-1 more rounds of 42 grants per table:
// about k times the base catalog's 848,241 grants. admin is a superuser DSN
// on another database; base must have no open connections.
func BuildScaled(ctx context.Context, admin, base, name string, k int, logf func(format string, args ...any)) error {
	start := time.Now()
	if err := execAll(ctx, admin, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)",
		"CREATE DATABASE "+name+" TEMPLATE "+base); err != nil {
		return err
	}
	u, err := url.Parse(admin)
	if err != nil {
		return err
	}
	u.Path = "/" + name
	dsn := u.String()
	var stmts []string
	for m := 1; m < k; m++ {
		for s := 1; s <= 200; s++ {
			stmts = append(stmts, strings.NewReplacer("{S}", strconv.Itoa(s), "{M}", strconv.Itoa(m)).Replace(extraGrantsSQL))
		}
	}
	stmts = append(stmts, "VACUUM ANALYZE", "UPDATE public.rsmate_bench_ready SET spec = '"+ScaledSpec(k)+"'")
	if err := execAll(ctx, dsn, stmts...); err != nil {
		return err
	}
	logf("synthetic catalog x%d built in %v", k, time.Since(start).Round(time.Second))
	return nil
}

// ReadySpec reports whether dsn holds a finished build named spec.
func ReadySpec(ctx context.Context, dsn, spec string) bool {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return false
	}
	defer conn.Close(ctx)
	var got string
	return conn.QueryRow(ctx, "SELECT spec FROM public.rsmate_bench_ready").Scan(&got) == nil && got == spec
}
