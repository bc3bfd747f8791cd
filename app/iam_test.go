package app

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/awsauth/awsfake"
	"github.com/redshiftmate/rsmate/backend/pgtest"
	"github.com/redshiftmate/rsmate/backend/profile"
	"github.com/redshiftmate/rsmate/backend/sqltext"
)

// iamFixture is a fake AWS endpoint (reached through the SDK's own
// AWS_ENDPOINT_URL, as a user could set it) and an AWS config written for
// the test, with a database user the fake issues passwords for.
type iamFixture struct {
	fake   *awsfake.Server
	pg     pgServer
	dbUser string
	home   string
}

func newIAMFixture(t *testing.T, awsConfig string) iamFixture {
	t.Helper()
	home := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(home, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	t.Setenv("HOME", home)
	t.Setenv("AWS_CONFIG_FILE", write("config", awsConfig))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", write("credentials", "[static]\naws_access_key_id = AKIDSTATIC\naws_secret_access_key = staticsecret\n"))
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	for _, k := range []string{"AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION"} {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
	fake := &awsfake.Server{AdminDSN: pgtest.AdminDSN(t)}
	srv := httptest.NewServer(fake)
	t.Cleanup(srv.Close)
	t.Setenv("AWS_ENDPOINT_URL", srv.URL)
	// The SDK's assume-role STS client ignores AWS_ENDPOINT_URL (it is
	// built before the global endpoint is resolved); the STS variable reaches it.
	t.Setenv("AWS_ENDPOINT_URL_STS", srv.URL)
	t.Setenv("AWS_ENDPOINT_URL_SSO", srv.URL) // the same for the SSO portal client

	pg := newPGServer(t)
	dbUser := "alice" + pgtest.Random(4)
	ident, err := sqltext.Postgres.Ident("user", "IAM:"+dbUser)
	if err != nil {
		t.Fatal(err)
	}
	pgtest.Exec(t, pgtest.AdminDSN(t), "CREATE USER "+ident+" LOGIN")
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if conn, err := pgx.Connect(ctx, pgtest.AdminDSN(t)); err == nil {
			_, _ = conn.Exec(ctx, "DROP USER IF EXISTS "+ident)
			conn.Close(ctx)
		}
	})
	return iamFixture{fake: fake, pg: pg, dbUser: dbUser, home: home}
}

// profile is an IAM (provisioned) profile for the test server; the host is
// not a Redshift endpoint, so cluster and region are typed.
func (f iamFixture) profile(name, awsProfile string) profile.Profile {
	p := f.pg.profile(name)
	p.Engine = profile.EngineRedshift
	p.User = f.dbUser
	p.Auth = &profile.AuthSettings{Method: profile.AuthIAM, AWSProfile: awsProfile, Region: "us-east-1", ClusterID: "c1"}
	return p
}

func TestSavedIAMProfileConnectsAsTheIAMUserWithNothingInTheKeychain(t *testing.T) {
	a := newTestApp(t)
	f := newIAMFixture(t, "")
	v, err := a.Profiles.Save(SaveProfileRequest{Profile: f.profile("iam", "static")})
	if err != nil {
		t.Fatalf("save: %v", err)
	}
	si, err := a.Sessions.Connect(ConnectRequest{ProfileID: v.ID})
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	if si.Server.User != "IAM:"+f.dbUser {
		t.Fatalf("session user %q, want IAM:%s", si.Server.User, f.dbUser)
	}
	r, _ := f.fake.Last("GetClusterCredentials")
	if r.Params.Get("DbUser") != f.dbUser || r.Params.Get("ClusterIdentifier") != "c1" || r.KeyID != "AKIDSTATIC" || r.Region != "us-east-1" {
		t.Fatalf("request %v signed %s/%s", r.Params, r.KeyID, r.Region)
	}
	if a.secrets.has(v.ID) || v.HasPassword {
		t.Fatal("an IAM profile put something in the keychain")
	}
	// The profile file keeps the method and its settings, nothing secret.
	data, err := os.ReadFile(filepath.Join(a.dir, "profiles.json"))
	if err != nil {
		entries, _ := os.ReadDir(a.dir)
		t.Fatalf("profile file: %v (dir has %v)", err, entries)
	}
	for _, want := range []string{`"method": "iam"`, `"awsProfile": "static"`, `"clusterId": "c1"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("profile file lacks %s:\n%s", want, data)
		}
	}
	for _, secret := range []string{"staticsecret", "Tmp"} {
		if strings.Contains(string(data), secret) {
			t.Errorf("profile file holds %q", secret)
		}
	}
}

func TestIAMProfileTestNeedsNoPasswordAndIgnoresOneSent(t *testing.T) {
	a := newTestApp(t)
	f := newIAMFixture(t, "")
	info, err := a.Sessions.Test(TestRequest{Profile: f.profile("unsaved", "static"), Password: "typed-by-mistake"})
	if err != nil {
		t.Fatalf("test: %v", err)
	}
	if info.User != "IAM:"+f.dbUser {
		t.Fatalf("user %q", info.User)
	}
}

func TestIAMConnectAsksForTheMFACodeThenUsesIt(t *testing.T) {
	a := newTestApp(t)
	f := newIAMFixture(t, "[profile mfa]\nrole_arn = arn:aws:iam::123456789012:role/dba\nsource_profile = static\n"+
		"mfa_serial = arn:aws:iam::123456789012:mfa/alice\n")
	v, err := a.Profiles.Save(SaveProfileRequest{Profile: f.profile("mfa", "mfa")})
	if err != nil {
		t.Fatal(err)
	}
	_, err = a.Sessions.Connect(ConnectRequest{ProfileID: v.ID})
	wantCode(t, err, "aws_mfa_required")
	si, err := a.Sessions.Connect(ConnectRequest{ProfileID: v.ID, MFACode: "654321"})
	if err != nil {
		t.Fatalf("connect with code: %v", err)
	}
	ar, _ := f.fake.Last("AssumeRole")
	if ar.Params.Get("TokenCode") != "654321" || si.Server.User != "IAM:"+f.dbUser {
		t.Fatalf("AssumeRole %v, user %q", ar.Params, si.Server.User)
	}
	if r, _ := f.fake.Last("GetClusterCredentials"); r.KeyID != "AKIDROLE" {
		t.Fatalf("Redshift call signed with %s, want the role's key", r.KeyID)
	}
}

func TestIAMFailuresReachTheFrontendWithTheirOwnCodes(t *testing.T) {
	a := newTestApp(t)
	f := newIAMFixture(t, "")
	f.fake.FailWith("GetClusterCredentials", "AccessDenied")
	_, err := a.Sessions.Test(TestRequest{Profile: f.profile("denied", "static")})
	if ae := wantCode(t, err, "aws_access_denied"); !strings.Contains(ae.Message, "redshift:GetClusterCredentials") {
		t.Fatalf("message %q", ae.Message)
	}
	_, err = a.Sessions.Test(TestRequest{Profile: f.profile("missing", "nosuch")})
	wantCode(t, err, "aws_profile_missing")
}

func TestExpiredSSOSignInIsRenewedFromTheAppThenConnects(t *testing.T) {
	a := newTestApp(t)
	f := newIAMFixture(t, "[profile corp-sso]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = ReadOnly\n\n"+
		"[sso-session corp]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n")
	// The AWS CLI's cache holds an expired token for the session.
	sum := sha1.Sum([]byte("corp"))
	dir := filepath.Join(f.home, ".aws", "sso", "cache")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	expired := `{"accessToken":"old","expiresAt":"` + time.Now().Add(-time.Hour).UTC().Format(time.RFC3339) + `"}`
	if err := os.WriteFile(filepath.Join(dir, hex.EncodeToString(sum[:])+".json"), []byte(expired), 0o600); err != nil {
		t.Fatal(err)
	}
	v, err := a.Profiles.Save(SaveProfileRequest{Profile: f.profile("sso", "corp-sso")})
	if err != nil {
		t.Fatal(err)
	}
	_, err = a.Sessions.Connect(ConnectRequest{ProfileID: v.ID})
	if ae := wantCode(t, err, "aws_sso_expired"); !strings.Contains(ae.Hint, "Sign in") {
		t.Fatalf("hint %q does not offer signing in", ae.Hint)
	}

	in, err := a.Sessions.StartAWSSignIn("corp-sso")
	if err != nil {
		t.Fatalf("start sign-in: %v", err)
	}
	if in.UserCode != "ABCD-EFGH" || len(a.fake.OpenedURLs) != 1 || a.fake.OpenedURLs[0] != in.URL {
		t.Fatalf("sign-in %+v, browser opened %v", in, a.fake.OpenedURLs)
	}
	if err := a.Sessions.FinishAWSSignIn(in.ID); err != nil {
		t.Fatalf("finish sign-in: %v", err)
	}
	si, err := a.Sessions.Connect(ConnectRequest{ProfileID: v.ID})
	if err != nil {
		t.Fatalf("connect after sign-in: %v", err)
	}
	if r, _ := f.fake.Last("GetClusterCredentials"); r.KeyID != "AKIDSSO" || si.Server.User != "IAM:"+f.dbUser {
		t.Fatalf("signed with %s as %s", r.KeyID, si.Server.User)
	}
	if err := a.Sessions.FinishAWSSignIn(in.ID); err == nil {
		t.Fatal("a finished sign-in could be finished again")
	}
}

func TestAWSSignInCanBeCancelled(t *testing.T) {
	a := newTestApp(t)
	f := newIAMFixture(t, "[profile corp-sso]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = R\n\n"+
		"[sso-session corp]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n")
	f.fake.PendingPolls = 1000 // the user never confirms
	in, err := a.Sessions.StartAWSSignIn("corp-sso")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- a.Sessions.FinishAWSSignIn(in.ID) }()
	time.Sleep(300 * time.Millisecond)
	if err := a.Sessions.Cancel(in.ID); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		wantCode(t, err, "canceled")
	case <-time.After(10 * time.Second):
		t.Fatal("Cancel did not stop the sign-in")
	}
}
