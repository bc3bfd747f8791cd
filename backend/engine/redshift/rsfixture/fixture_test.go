package rsfixture

import (
	"context"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

type col struct{ name, typ string }

// documented holds the columns of each view as the AWS Database Developer Guide
// lists them (page in the comment), in PostgreSQL's spelling of the type. The
// fixture must match exactly; deviations PostgreSQL forces are marked and
// explained in FIXTURE.md.
var documented = map[string][]col{
	// DG r_SVV_USER_INFO
	"svv_user_info": {{"user_name", "text"}, {"user_id", "integer"}, {"createdb", "boolean"}, {"superuser", "boolean"},
		{"catalog_update", "boolean"}, {"connection_limit", "text"}, {"syslog_access", "text"},
		{"last_ddl_timestamp", "timestamp without time zone"}, {"session_timeout", "integer"}, {"external_user_id", "text"}},
	// DG pg_user_info; valuntil is abstime on Redshift (PostgreSQL 12+ has no abstime).
	"pg_user_info": {{"usename", "name"}, {"usesysid", "integer"}, {"usecreatedb", "boolean"}, {"usesuper", "boolean"},
		{"usecatupd", "boolean"}, {"passwd", "text"}, {"valuntil", "timestamp with time zone"}, {"useconfig", "text[]"},
		{"useconnlimit", "text"}},
	// DG r_Users sample / PostgreSQL 8.0 pg_user; valuntil as above.
	"pg_user": {{"usename", "name"}, {"usesysid", "integer"}, {"usecreatedb", "boolean"}, {"usesuper", "boolean"},
		{"usecatupd", "boolean"}, {"passwd", "text"}, {"valuntil", "timestamp with time zone"}, {"useconfig", "text[]"}},
	// PostgreSQL 8.0 pg_group (DG r_Groups): grolist int4[] of usesysid.
	"pg_group": {{"groname", "name"}, {"grosysid", "integer"}, {"grolist", "integer[]"}},
	// DG r_SVV_ROLES
	"svv_roles": {{"role_id", "integer"}, {"role_name", "text"}, {"role_owner", "text"}, {"external_id", "text"}},
	// DG r_SVV_USER_GRANTS
	"svv_user_grants": {{"user_id", "integer"}, {"user_name", "text"}, {"role_id", "integer"}, {"role_name", "text"},
		{"admin_option", "boolean"}},
	// DG r_SVV_ROLE_GRANTS
	"svv_role_grants": {{"role_id", "integer"}, {"role_name", "text"}, {"granted_role_id", "integer"},
		{"granted_role_name", "text"}},
	// DG r_SVV_SYSTEM_PRIVILEGES
	"svv_system_privileges": {{"system_privilege", "text"}, {"identity_id", "integer"}, {"identity_name", "text"},
		{"identity_type", "text"}},
	// DG r_SVV_RELATION_PRIVILEGES
	"svv_relation_privileges": {{"namespace_name", "text"}, {"relation_name", "text"}, {"privilege_type", "text"},
		{"identity_id", "integer"}, {"identity_name", "text"}, {"identity_type", "text"}, {"admin_option", "boolean"}},
	// DG r_SVV_COLUMN_PRIVILEGES (no admin_option)
	"svv_column_privileges": {{"namespace_name", "text"}, {"relation_name", "text"}, {"column_name", "text"},
		{"privilege_type", "text"}, {"identity_id", "integer"}, {"identity_name", "text"}, {"identity_type", "text"}},
	// DG r_SVV_SCHEMA_PRIVILEGES
	"svv_schema_privileges": {{"namespace_name", "text"}, {"privilege_type", "text"}, {"identity_id", "integer"},
		{"identity_name", "text"}, {"identity_type", "text"}, {"admin_option", "boolean"}, {"privilege_scope", "text"}},
	// DG r_SVV_DATABASE_PRIVILEGES
	"svv_database_privileges": {{"database_name", "text"}, {"privilege_type", "text"}, {"identity_id", "integer"},
		{"identity_name", "text"}, {"identity_type", "text"}, {"admin_option", "boolean"}, {"privilege_scope", "text"}},
	// DG r_SVV_FUNCTION_PRIVILEGES
	"svv_function_privileges": {{"namespace_name", "text"}, {"function_name", "text"}, {"argument_types", "text"},
		{"privilege_type", "text"}, {"identity_id", "integer"}, {"identity_name", "text"}, {"identity_type", "text"},
		{"admin_option", "boolean"}},
	// DG r_SVV_LANGUAGE_PRIVILEGES (page file r_SVV_LANUGAGE_PRIVILEGES)
	"svv_language_privileges": {{"language_name", "text"}, {"privilege_type", "text"}, {"identity_id", "integer"},
		{"identity_name", "text"}, {"identity_type", "text"}, {"admin_option", "boolean"}},
	// DG r_SVV_DEFAULT_PRIVILEGES; grantee_name is in the sample output, not the column table.
	"svv_default_privileges": {{"schema_name", "text"}, {"object_type", "text"}, {"owner_id", "integer"},
		{"owner_name", "text"}, {"owner_type", "text"}, {"privilege_type", "text"}, {"grantee_id", "integer"},
		{"grantee_name", "text"}, {"grantee_type", "text"}, {"admin_option", "boolean"}},
	// DG r_SVV_ALL_SCHEMAS
	"svv_all_schemas": {{"database_name", "character varying(128)"}, {"schema_name", "character varying(128)"},
		{"schema_owner", "integer"}, {"schema_type", "character varying(128)"}, {"schema_acl", "character varying(128)"},
		{"source_database", "character varying(128)"}, {"schema_option", "character varying(256)"}},
	// DG r_SVV_MV_INFO
	"svv_mv_info": {{"database_name", "character(128)"}, {"schema_name", "character(128)"}, {"user_name", "character(128)"},
		{"name", "character(128)"}, {"is_stale", "character(1)"}, {"state", "integer"}, {"autorewrite", "character(1)"},
		{"autorefresh", "character(1)"}},
	// DG r_SVV_COLUMNS
	"svv_columns": {{"table_catalog", "text"}, {"table_schema", "text"}, {"table_name", "text"}, {"column_name", "text"},
		{"ordinal_position", "integer"}, {"column_default", "text"}, {"is_nullable", "text"}, {"data_type", "text"},
		{"character_maximum_length", "integer"}, {"numeric_precision", "integer"}, {"numeric_precision_radix", "integer"},
		{"numeric_scale", "integer"}, {"datetime_precision", "integer"}, {"interval_type", "text"},
		{"interval_precision", "text"}, {"character_set_catalog", "text"}, {"character_set_schema", "text"},
		{"character_set_name", "text"}, {"collation_catalog", "text"}, {"collation_schema", "text"},
		{"collation_name", "text"}, {"domain_name", "text"}, {"remarks", "text"}},
}

// pg_proc_info (DG r_PG_PROC_INFO) = pg_proc's columns plus these; checked separately.
var procInfoExtra = []col{{"prooid", "oid"}, {"prokind", `"char"`}, {"proargmodes", `"char"[]`}, {"proallargtypes", "oid[]"}}

func viewColumns(t *testing.T, conn *pgx.Conn, view string) []col {
	t.Helper()
	rows, err := conn.Query(context.Background(), `SELECT a.attname::text, format_type(a.atttypid, a.atttypmod)
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'rsfixture' AND c.relname = $1 AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`, view)
	if err != nil {
		t.Fatal(err)
	}
	cols, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (col, error) {
		var c col
		err := r.Scan(&c.name, &c.typ)
		return c, err
	})
	if err != nil {
		t.Fatal(err)
	}
	return cols
}

func TestViewsHaveDocumentedColumns(t *testing.T) {
	dsn := pgtest.NewDatabase(t)
	Install(t, dsn)
	conn := Connect(t, Config(t, dsn, pgx.QueryExecModeExec))
	for view, want := range documented {
		got := viewColumns(t, conn, view)
		if len(got) != len(want) {
			t.Errorf("%s: %d columns %v, documented %d %v", view, len(got), got, len(want), want)
			continue
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s column %d = %s %s, documented %s %s", view, i+1, got[i].name, got[i].typ, want[i].name, want[i].typ)
			}
		}
	}
	have := map[col]bool{}
	for _, c := range viewColumns(t, conn, "pg_proc_info") {
		have[c] = true
	}
	for _, c := range procInfoExtra {
		if !have[c] {
			t.Errorf("pg_proc_info lacks %s %s", c.name, c.typ)
		}
	}
	// Every view the fixture makes is documented here (no undocumented extras).
	var views []string
	rows, err := conn.Query(context.Background(),
		`SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		 WHERE n.nspname = 'rsfixture' AND c.relkind = 'v' AND c.relname NOT IN ('identities', 'pg_proc_info')`)
	if err != nil {
		t.Fatal(err)
	}
	views, err = pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range views {
		if _, ok := documented[v]; !ok {
			t.Errorf("view %s is not in the documented list", v)
		}
	}
}

func TestSearchPathShadowsCatalog(t *testing.T) {
	dsn := pgtest.NewDatabase(t)
	Install(t, dsn)
	conn := Connect(t, Config(t, dsn, pgx.QueryExecModeCacheDescribe))
	var schema string
	err := conn.QueryRow(context.Background(),
		`SELECT n.nspname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		 WHERE c.oid = 'pg_group'::regclass`).Scan(&schema)
	if err != nil {
		t.Fatal(err)
	}
	if schema != "rsfixture" {
		t.Fatalf("pg_group resolves to %s, want rsfixture", schema)
	}
}

// Only tests and the emulated Redshift sandbox may use the fixture: no other
// product (non-test) Go file imports it. The sandbox installs it in a
// throwaway cluster of its own, never in a server the user connects to.
func TestNoProductCodeButTheSandboxImportsFixture(t *testing.T) {
	root, err := filepath.Abs("../../../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root not found at %s", root)
	}
	const path = "github.com/redshiftmate/rsmate/backend/engine/redshift/rsfixture"
	self, _ := filepath.Abs(".")
	sandbox := filepath.Join(root, "backend", "sandbox")
	fset := token.NewFileSet()
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "node_modules", ".git", "frontend", "build":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") || filepath.Dir(p) == self || filepath.Dir(p) == sandbox {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			return nil // someone else's file mid-edit; not this test's concern
		}
		for _, imp := range f.Imports {
			if v, _ := strconv.Unquote(imp.Path.Value); v == path {
				t.Errorf("%s imports the test fixture", p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
