package awsauth

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/awsauth/awsfake"
	"github.com/redshiftmate/rsmate/backend/pgtest"
	"github.com/redshiftmate/rsmate/backend/sqltext"
)

// fakeAWS is an awsfake.Server on a local endpoint for one test.
type fakeAWS struct {
	*awsfake.Server
	t   *testing.T
	srv *httptest.Server
}

func newFakeAWS(t *testing.T) *fakeAWS {
	f := &fakeAWS{Server: &awsfake.Server{AdminDSN: pgtest.AdminDSN(t)}, t: t}
	f.srv = httptest.NewServer(f.Server)
	t.Cleanup(func() {
		f.srv.Close()
		for _, err := range f.Failures() {
			t.Errorf("fake AWS: %v", err)
		}
	})
	return f
}

func (f *fakeAWS) calls(op string) int { return f.Calls(op) }

func (f *fakeAWS) last(op string) awsfake.Request {
	f.t.Helper()
	r, ok := f.Last(op)
	if !ok {
		f.t.Fatalf("no %s request was made", op)
	}
	return r
}

// createLoginUser makes a database user (dropped at cleanup) that the fake
// AWS will issue passwords for.
func createLoginUser(t *testing.T, dsn, name string) {
	t.Helper()
	ident, err := sqltext.Postgres.Ident("user", name)
	if err != nil {
		t.Fatal(err)
	}
	pgtest.Exec(t, pgtest.AdminDSN(t), "CREATE USER "+ident+" LOGIN")
	db := mustParse(t, dsn).Database
	dbIdent, _ := sqltext.Postgres.Ident("database", db)
	pgtest.Exec(t, pgtest.AdminDSN(t), "GRANT CONNECT ON DATABASE "+dbIdent+" TO "+ident)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if conn, err := pgx.Connect(ctx, pgtest.AdminDSN(t)); err == nil {
			_, _ = conn.Exec(ctx, "DROP OWNED BY "+ident)
			_, _ = conn.Exec(ctx, "DROP USER IF EXISTS "+ident)
			conn.Close(ctx)
		}
	})
}

func mustParse(t *testing.T, dsn string) *pgx.ConnConfig {
	t.Helper()
	c, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// awsEnv points the SDK at config files written for this test, with a HOME
// of its own (the SSO token cache lives there) and no ambient credentials.
func awsEnv(t *testing.T, configText, credentialsText string) string {
	t.Helper()
	home := t.TempDir()
	cfg := filepath.Join(home, "config")
	creds := filepath.Join(home, "credentials")
	if err := os.WriteFile(cfg, []byte(configText), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(creds, []byte(credentialsText), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", home)
	t.Setenv("AWS_CONFIG_FILE", cfg)
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", creds)
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	for _, k := range []string{"AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
		"AWS_SESSION_TOKEN", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
		"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN"} {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
	return home
}

const staticCredentials = `[static]
aws_access_key_id = AKIDSTATIC
aws_secret_access_key = staticsecret
`
