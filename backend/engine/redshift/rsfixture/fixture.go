// Package rsfixture is a TEST DOUBLE of Amazon Redshift's catalog on PostgreSQL:
// views with the names, columns and column types of the Redshift system views the
// Redshift catalog reader queries, filled from PostgreSQL's own catalog, so the
// unchanged reader runs against real data in tests. Only tests and the Local
// sandbox's "Redshift (emulated)" (backend/sandbox, which installs Script in a
// throwaway cluster of its own) import it; a test in this package checks that.
//
// Conventions (details and every known gap in FIXTURE.md):
//   - Redshift user = PostgreSQL role WITH LOGIN
//   - Redshift group = NOLOGIN role named grp_* (GroupPrefix); members are login roles granted it
//   - Redshift role = any other NOLOGIN role (PostgreSQL's own pg_* roles are ignored)
//   - Redshift-only facts (syslog access, session timeout, external ids, role owners,
//     system permissions, scoped permissions, schema types) come from side tables
//     filled through the helpers below.
//
// Sessions must run with SearchPath, so the reader's unqualified svv_* and shadowed
// pg_* names resolve to the fixture.
package rsfixture

import (
	"context"
	_ "embed"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

//go:embed fixture.sql
var script string

// SearchPath puts the fixture before pg_catalog.
const SearchPath = "rsfixture, pg_catalog, public"

// GroupPrefix marks NOLOGIN roles that stand for Redshift groups.
const GroupPrefix = "grp_"

// Script returns the SQL that creates the fixture.
func Script() string { return script + "\n" + surfaceScript }

// Install creates (or recreates) the fixture in the database dsn names. It needs a superuser.
func Install(tb testing.TB, dsn string) {
	tb.Helper()
	exec(tb, dsn, Script())
}

// Config parses dsn and sets the fixture's search_path and the query mode.
func Config(tb testing.TB, dsn string, mode pgx.QueryExecMode) *pgx.ConnConfig {
	tb.Helper()
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		tb.Fatalf("parse dsn: %v", err)
	}
	if cfg.RuntimeParams == nil {
		cfg.RuntimeParams = map[string]string{}
	}
	cfg.RuntimeParams["search_path"] = SearchPath
	cfg.DefaultQueryExecMode = mode
	return cfg
}

// Connect opens a connection with Config, closed when the test ends.
func Connect(tb testing.TB, cfg *pgx.ConnConfig) *pgx.Conn {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		tb.Fatalf("connect: %v", err)
	}
	tb.Cleanup(func() { _ = conn.Close(context.Background()) })
	return conn
}

// UserAttrs are Redshift user attributes PostgreSQL lacks.
type UserAttrs struct {
	SyslogUnrestricted bool
	SessionTimeout     int // seconds; 0 = cluster default
	ExternalID         string
	LastDDL            time.Time // svv_user_info.last_ddl_timestamp; zero = NULL
}

// SetUser records a user's Redshift-only attributes (shown by svv_user_info).
func SetUser(tb testing.TB, dsn, user string, a UserAttrs) {
	tb.Helper()
	syslog := "RESTRICTED"
	if a.SyslogUnrestricted {
		syslog = "UNRESTRICTED"
	}
	var lastDDL *time.Time
	if !a.LastDDL.IsZero() {
		t := a.LastDDL.UTC()
		lastDDL = &t
	}
	exec(tb, dsn, `INSERT INTO rsfixture.user_attrs (user_name, syslog_access, session_timeout, external_user_id, last_ddl_timestamp)
VALUES ($1, $2, $3, NULLIF($4, ''), $5::timestamptz AT TIME ZONE 'UTC')
ON CONFLICT (user_name) DO UPDATE SET syslog_access = EXCLUDED.syslog_access,
  session_timeout = EXCLUDED.session_timeout, external_user_id = EXCLUDED.external_user_id,
  last_ddl_timestamp = EXCLUDED.last_ddl_timestamp`,
		user, syslog, a.SessionTimeout, a.ExternalID, lastDDL)
}

// SetRole records a role's owner and EXTERNALID (shown by svv_roles).
// Without it svv_roles names the bootstrap superuser as owner.
func SetRole(tb testing.TB, dsn, role, owner, externalID string) {
	tb.Helper()
	exec(tb, dsn, `INSERT INTO rsfixture.role_attrs (role_name, role_owner, external_id)
VALUES ($1, NULLIF($2, ''), NULLIF($3, ''))
ON CONFLICT (role_name) DO UPDATE SET role_owner = EXCLUDED.role_owner, external_id = EXCLUDED.external_id`,
		role, owner, externalID)
}

// GrantSystem stands for GRANT <privilege> TO ROLE <identity> (shown by svv_system_privileges).
func GrantSystem(tb testing.TB, dsn, identity, privilege string) {
	tb.Helper()
	exec(tb, dsn, `INSERT INTO rsfixture.system_privileges (identity_name, system_privilege) VALUES ($1, $2)
ON CONFLICT DO NOTHING`, identity, privilege)
}

// Scoped is one scoped permission: GRANT <Privilege> FOR <Scope> IN SCHEMA|DATABASE <Object> TO <Identity>.
type Scoped struct {
	InDatabase  bool   // IN DATABASE (else IN SCHEMA)
	Object      string // database or schema name
	Scope       string // SCHEMAS, TABLES, FUNCTIONS, PROCEDURES, LANGUAGES, COPY JOBS
	Privilege   string
	Identity    string
	AdminOption bool
}

// GrantScoped records a scoped permission (shown by svv_schema_privileges or svv_database_privileges).
func GrantScoped(tb testing.TB, dsn string, g Scoped) {
	tb.Helper()
	kind := "schema"
	if g.InDatabase {
		kind = "database"
	}
	exec(tb, dsn, `INSERT INTO rsfixture.scoped_privileges
(scope_kind, object_name, privilege_scope, privilege_type, identity_name, admin_option)
VALUES ($1, $2, $3, $4, $5, $6)`, kind, g.Object, g.Scope, g.Privilege, g.Identity, g.AdminOption)
}

// SetSchemaType marks a schema external or shared (svv_all_schemas.schema_type).
func SetSchemaType(tb testing.TB, dsn, schema, schemaType, sourceDatabase string) {
	tb.Helper()
	exec(tb, dsn, `INSERT INTO rsfixture.schema_attrs (schema_name, schema_type, source_database)
VALUES ($1, $2, NULLIF($3, ''))
ON CONFLICT (schema_name) DO UPDATE SET schema_type = EXCLUDED.schema_type, source_database = EXCLUDED.source_database`,
		schema, schemaType, sourceDatabase)
}

func exec(tb testing.TB, dsn, sql string, args ...any) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		tb.Fatalf("connect: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql, args...); err != nil {
		tb.Fatalf("rsfixture: %v", err)
	}
}
