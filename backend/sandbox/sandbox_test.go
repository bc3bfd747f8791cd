package sandbox

import (
	"context"
	"net"
	"strconv"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/profile"
)

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func connect(t *testing.T, ctx context.Context, p profile.Profile, password string) *pgx.Conn {
	t.Helper()
	cfg, err := pgx.ParseConfig("")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Host, cfg.Port, cfg.Database, cfg.User, cfg.Password = p.Host, uint16(p.Port), p.Database, p.User, password
	cfg.TLSConfig = nil // sslmode disable
	cfg.Fallbacks = nil
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		t.Fatalf("connect with the sandbox profile: %v", err)
	}
	return conn
}

func TestSandboxSeedsAccessModelAndStops(t *testing.T) {
	port := freePort(t)
	t.Setenv("RSMATE_SANDBOX_PORT", strconv.Itoa(port))
	t.Setenv("RSMATE_SANDBOX_PASSWORD", "sandbox-test-pw")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	sb, err := Start(ctx)
	if err != nil {
		t.Fatal(err)
	}
	stopped := false
	defer func() {
		if !stopped {
			sb.Stop()
		}
	}()

	p := sb.Profile()
	want := profile.Profile{ID: "sandbox", Name: "Local sandbox", Engine: profile.EnginePostgres, Host: "127.0.0.1",
		Port: port, Database: "analytics", User: SuperUser, SSLMode: profile.SSLDisable, ConnectTimeoutSec: 10,
		Color: "#12b886", Sandbox: true}
	if p != want {
		t.Fatalf("Profile() = %+v\nwant %+v", p, want)
	}
	if sb.Password() != "sandbox-test-pw" {
		t.Fatalf("Password() did not come from RSMATE_SANDBOX_PASSWORD")
	}

	conn := connect(t, ctx, p, sb.Password())
	defer conn.Close(ctx)

	counts := map[string]struct {
		sql  string
		want int
	}{
		"login users": {`SELECT count(*) FROM pg_roles WHERE rolcanlogin AND rolname <> current_user`, 44},
		"roles":       {`SELECT count(*) FROM pg_roles WHERE NOT rolcanlogin AND rolname NOT LIKE 'pg\_%'`, 13},
		"schemas": {`SELECT count(*) FROM pg_namespace WHERE nspname NOT IN ('public','information_schema')
			AND nspname NOT LIKE 'pg\_%'`, 6},
		"tables":                   {`SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog','information_schema') AND n.nspname NOT LIKE 'pg\_toast%'`, 40},
		"views":                    {`SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'v' AND n.nspname NOT IN ('pg_catalog','information_schema')`, 4},
		"matviews":                 {`SELECT count(*) FROM pg_matviews`, 1},
		"functions":                {`SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.prokind = 'f' AND n.nspname IN ('sales','marketing','finance','staging','raw','Reporting Area')`, 3},
		"procedures":               {`SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.prokind = 'p' AND n.nspname IN ('sales','marketing','finance','staging','raw','Reporting Area')`, 2},
		"admin-option memberships": {`SELECT count(*) FROM pg_auth_members WHERE admin_option`, 5},
		"column grants": {`SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE a.attacl IS NOT NULL AND n.nspname IN ('finance','marketing')`, 10},
		"default privilege entries": {`SELECT count(*) FROM pg_default_acl`, 4},
	}
	for name, c := range counts {
		var got int
		if err := conn.QueryRow(ctx, c.sql).Scan(&got); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got != c.want {
			t.Errorf("%s: got %d, want %d", name, got, c.want)
		}
	}

	facts := map[string]struct {
		sql  string
		want bool
	}{
		"analyst reads salaries.name (column grant)":         {`SELECT has_column_privilege('analyst', 'finance.salaries', 'name', 'SELECT')`, true},
		"analyst cannot read salaries.salary":                {`SELECT has_column_privilege('analyst', 'finance.salaries', 'salary', 'SELECT')`, false},
		"nesting: data engineer user reaches reader":         {`SELECT pg_has_role('farah.haddad', 'reader', 'USAGE')`, true},
		"platform_admin holds data_engineer with admin":      {`SELECT admin_option FROM pg_auth_members WHERE roleid = 'data_engineer'::regrole AND member = 'platform_admin'::regrole`, true},
		"default privileges reached raw tables":              {`SELECT has_table_privilege('reader', 'raw.orders_raw', 'SELECT')`, true},
		"raw tables are owned by etl_loader":                 {`SELECT pg_get_userbyid(relowner) = 'etl_loader' FROM pg_class WHERE oid = 'raw.orders_raw'::regclass`, true},
		"bi_developer may re-grant SELECT on customers":      {`SELECT has_table_privilege('bi_developer', 'sales.customers', 'SELECT WITH GRANT OPTION')`, true},
		"PUBLIC reads Monthly Revenue":                       {`SELECT EXISTS (SELECT 1 FROM pg_class c, aclexplode(c.relacl) a WHERE c.oid = '"Reporting Area"."Monthly Revenue"'::regclass AND a.grantee = 0 AND a.privilege_type = 'SELECT')`, true},
		"PUBLIC cannot create in schema public":              {`SELECT has_schema_privilege('public', 'public', 'CREATE')`, false},
		"PUBLIC cannot run close_period":                     {`SELECT has_function_privilege('public', 'finance.close_period(int, int)', 'EXECUTE')`, false},
		"default privileges for etl_loader in raw":           {`SELECT EXISTS (SELECT 1 FROM pg_default_acl d JOIN pg_namespace n ON n.oid = d.defaclnamespace WHERE pg_get_userbyid(d.defaclrole) = 'etl_loader' AND n.nspname = 'raw' AND d.defaclobjtype = 'r')`, true},
		"awkward names exist":                                {`SELECT count(*) = 3 FROM pg_roles WHERE rolname IN ('Mixed.Case User', '分析师', 'sean.o''brien')`, true},
		"schema with a space and capitals":                   {`SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'Reporting Area')`, true},
		"analytics belongs to a non-superuser":               {`SELECT NOT r.rolsuper AND r.rolname = 'analytics_owner' FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba WHERE d.datname = current_database()`, true},
		"its owner creates in public (pg_database_owner)":    {`SELECT has_schema_privilege('analytics_owner', 'public', 'CREATE')`, true},
		"pg_database_owner owns public.app_settings":         {`SELECT pg_get_userbyid(relowner) = 'pg_database_owner' FROM pg_class WHERE oid = 'public.app_settings'::regclass`, true},
		"dwh_readonly reads salaries (pg_read_all_data)":     {`SELECT has_table_privilege('dwh_readonly', 'finance.salaries', 'SELECT')`, true},
		"migration_svc updates salaries (pg_write_all_data)": {`SELECT has_table_privilege('migration_svc', 'finance.salaries', 'UPDATE')`, true},
		"ops.oncall does not inherit platform_admin":         {`SELECT NOT has_table_privilege('ops.oncall', 'finance.payroll_runs', 'SELECT')`, true},
		"ops.oncall may SET ROLE platform_admin":             {`SELECT pg_has_role('ops.oncall', 'platform_admin', 'MEMBER')`, true},
	}
	for name, f := range facts {
		var got bool
		if err := conn.QueryRow(ctx, f.sql).Scan(&got); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got != f.want {
			t.Errorf("%s: got %v, want %v", name, got, f.want)
		}
	}

	conn.Close(ctx)
	sb.Stop()
	stopped = true
	sb.Stop() // twice is harmless

	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), time.Second)
		if err != nil {
			break
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatalf("port %d still accepts connections after Stop", port)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func TestStartRejectsBadPort(t *testing.T) {
	t.Setenv("RSMATE_SANDBOX_PORT", "not-a-port")
	if sb, err := Start(context.Background()); err == nil {
		sb.Stop()
		t.Fatal("Start accepted RSMATE_SANDBOX_PORT=not-a-port")
	}
}
