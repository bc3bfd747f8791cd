package awsauth

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/pgtest"
	"github.com/redshiftmate/rsmate/backend/profile"
	"github.com/redshiftmate/rsmate/backend/session"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// sessionConfig is a session config for a fresh test database whose login
// comes from src.
func sessionConfig(t *testing.T, dsn string, src session.Credentials) session.Config {
	pc := mustParse(t, dsn)
	return session.Config{Host: pc.Host, Port: int(pc.Port), Database: pc.Database, SSLMode: "disable",
		ConnectTimeout: 10 * time.Second, Credentials: src}
}

func wantCode(t *testing.T, err error, code string) *apperr.Error {
	t.Helper()
	var ae *apperr.Error
	if !errors.As(err, &ae) {
		t.Fatalf("want apperr %s, got %T %v", code, err, err)
	}
	if ae.Code != code {
		t.Fatalf("code %q (%s | %s), want %q", ae.Code, ae.Message, ae.Detail, code)
	}
	if ae.Message == "" || ae.Hint == "" {
		t.Fatalf("%s lacks a message or hint: %+v", code, ae)
	}
	return ae
}

func TestGetClusterCredentialsWithStaticKeysLogsInAsTheIAMUser(t *testing.T) {
	awsEnv(t, "[profile static]\nregion = eu-west-1\n", staticCredentials)
	fake := newFakeAWS(t)
	dsn := pgtest.NewDatabase(t)
	dbUser := "alice" + pgtest.Random(4)
	createLoginUser(t, dsn, "IAM:"+dbUser)

	src := New(Settings{Method: profile.AuthIAM, AWSProfile: "static", Region: "us-west-2", ClusterID: "examplecluster",
		DbUser: dbUser, AutoCreate: true, DbGroups: []string{"analysts", "loaders"}, DurationSec: 900},
		Options{BaseEndpoint: fake.srv.URL})
	m := session.NewManager()
	defer m.CloseAll()
	s, err := m.Open(ctxT(t), sessionConfig(t, dsn, src))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	if s.Server.User != "IAM:"+dbUser {
		t.Fatalf("session user %q, want IAM:%s", s.Server.User, dbUser)
	}
	r := fake.last("GetClusterCredentials")
	want := map[string]string{"ClusterIdentifier": "examplecluster", "DbUser": dbUser, "AutoCreate": "true",
		"DbGroups.DbGroup.1": "analysts", "DbGroups.DbGroup.2": "loaders", "DurationSeconds": "900", "Version": "2012-12-01"}
	for k, v := range want {
		if got := r.Params.Get(k); got != v {
			t.Errorf("%s = %q, want %q (all: %v)", k, got, v, r.Params)
		}
	}
	if r.Params.Has("DbName") {
		t.Errorf("DbName sent (%q): credentials would be locked to one database", r.Params.Get("DbName"))
	}
	// The profile's region wins over the AWS profile's; the SDK signs for redshift.
	if r.KeyID != "AKIDSTATIC" || r.Region != "us-west-2" || r.Service != "redshift" {
		t.Errorf("signed as %s/%s/%s, want AKIDSTATIC/us-west-2/redshift (%s)", r.KeyID, r.Region, r.Service, r.Auth)
	}
}

func TestCredentialsAreCachedThenRenewedShortlyBeforeExpiry(t *testing.T) {
	awsEnv(t, "", staticCredentials)
	fake := newFakeAWS(t)
	fake.Lifetime = 10 * time.Minute
	dsn := pgtest.NewDatabase(t)
	dbUser := "bob" + pgtest.Random(4)
	createLoginUser(t, dsn, "IAM:"+dbUser)

	var mu sync.Mutex
	now := time.Now()
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	src := New(Settings{Method: profile.AuthIAM, AWSProfile: "static", Region: "us-east-1", ClusterID: "c1", DbUser: dbUser},
		Options{BaseEndpoint: fake.srv.URL, RefreshBefore: time.Minute, Now: clock})
	m := session.NewManager()
	defer m.CloseAll()
	ctx := ctxT(t)
	s, err := m.Open(ctx, sessionConfig(t, dsn, src))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	firstUser, firstPassword, _ := src.Credentials(ctx)
	if n := fake.calls("GetClusterCredentials"); n != 1 {
		t.Fatalf("%d credential calls after opening, want 1", n)
	}
	// Hold connections so each Acquire has to open a new one.
	c1, err := s.Pool.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer c1.Release()
	advance(8 * time.Minute) // 2 minutes left: still cached
	c2, err := s.Pool.Acquire(ctx)
	if err != nil {
		t.Fatalf("second connection with cached credentials: %v", err)
	}
	defer c2.Release()
	if n := fake.calls("GetClusterCredentials"); n != 1 {
		t.Fatalf("%d credential calls for a second connection within the lifetime, want 1", n)
	}
	advance(90 * time.Second) // 30 s left, inside RefreshBefore: renew
	c3, err := s.Pool.Acquire(ctx)
	if err != nil {
		t.Fatalf("connection after renewal: %v", err)
	}
	defer c3.Release()
	if n := fake.calls("GetClusterCredentials"); n != 2 {
		t.Fatalf("%d credential calls after expiry, want 2", n)
	}
	var who string
	if err := c3.QueryRow(ctx, "SELECT current_user::text").Scan(&who); err != nil || who != "IAM:"+dbUser {
		t.Fatalf("renewed connection runs as %q (%v)", who, err)
	}
	// The first password no longer works: the third connection really needed the new one.
	pc := mustParse(t, dsn)
	pc.User, pc.Password = firstUser, firstPassword
	if conn, err := pgx.ConnectConfig(ctx, pc); err == nil {
		conn.Close(ctx)
		t.Fatal("the first temporary password still logs in; the test proves nothing")
	}
	if s.Server.User != "IAM:"+dbUser {
		t.Fatalf("session user %q", s.Server.User)
	}
}

func TestGetClusterCredentialsWithIAMLogsInAsTheIAMIdentity(t *testing.T) {
	awsEnv(t, "", staticCredentials)
	fake := newFakeAWS(t)
	dsn := pgtest.NewDatabase(t)
	fake.IAMUser = "IAMR:dba" + pgtest.Random(4)
	createLoginUser(t, dsn, fake.IAMUser)
	src := New(Settings{Method: profile.AuthIAM, AWSProfile: "static", Region: "us-east-1", ClusterID: "c1", WithIAM: true, DurationSec: 3600},
		Options{BaseEndpoint: fake.srv.URL})
	info, err := session.Probe(ctxT(t), sessionConfig(t, dsn, src))
	if err != nil {
		t.Fatalf("probe: %v", err)
	}
	if info.User != fake.IAMUser {
		t.Fatalf("user %q, want %q", info.User, fake.IAMUser)
	}
	r := fake.last("GetClusterCredentialsWithIAM")
	if r.Params.Get("ClusterIdentifier") != "c1" || r.Params.Get("DurationSeconds") != "3600" || r.Params.Has("DbUser") {
		t.Fatalf("params %v", r.Params)
	}
}

func TestServerlessGetCredentialsSignedForRedshiftServerless(t *testing.T) {
	awsEnv(t, "", staticCredentials)
	fake := newFakeAWS(t)
	dsn := pgtest.NewDatabase(t)
	fake.IAMUser = "IAM:carol" + pgtest.Random(4)
	createLoginUser(t, dsn, fake.IAMUser)
	src := New(Settings{Method: profile.AuthIAMServerless, AWSProfile: "static", Region: "eu-central-1", Workgroup: "analytics"},
		Options{BaseEndpoint: fake.srv.URL})
	info, err := session.Probe(ctxT(t), sessionConfig(t, dsn, src))
	if err != nil {
		t.Fatalf("probe: %v", err)
	}
	if info.User != fake.IAMUser {
		t.Fatalf("user %q, want %q", info.User, fake.IAMUser)
	}
	r := fake.last("RedshiftServerless.GetCredentials")
	if r.JSON["workgroupName"] != "analytics" || r.JSON["dbName"] != nil {
		t.Fatalf("body %v", r.JSON)
	}
	if r.KeyID != "AKIDSTATIC" || r.Region != "eu-central-1" || r.Service != "redshift-serverless" {
		t.Fatalf("signed as %s/%s/%s", r.KeyID, r.Region, r.Service)
	}
}

// loginViaProfile connects with an AWS profile and returns the key id the
// Redshift call was signed with.
func loginViaProfile(t *testing.T, fake *fakeAWS, awsProfile string, setup func(*Source)) (string, error) {
	t.Helper()
	dsn := pgtest.NewDatabase(t)
	dbUser := "dan" + pgtest.Random(4)
	createLoginUser(t, dsn, "IAM:"+dbUser)
	src := New(Settings{Method: profile.AuthIAM, AWSProfile: awsProfile, Region: "us-east-1", ClusterID: "c1", DbUser: dbUser},
		Options{BaseEndpoint: fake.srv.URL})
	if setup != nil {
		setup(src)
	}
	info, err := session.Probe(ctxT(t), sessionConfig(t, dsn, src))
	if err != nil {
		return "", err
	}
	if info.User != "IAM:"+dbUser {
		t.Fatalf("user %q", info.User)
	}
	return fake.last("GetClusterCredentials").KeyID, nil
}

func TestAssumeRoleProfileSignsWithTheRoleCredentials(t *testing.T) {
	awsEnv(t, "[profile dba]\nrole_arn = arn:aws:iam::123456789012:role/dba\nsource_profile = static\n", staticCredentials)
	fake := newFakeAWS(t)
	key, err := loginViaProfile(t, fake, "dba", nil)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	if key != "AKIDROLE" {
		t.Fatalf("Redshift call signed with %q, want the assumed role's AKIDROLE", key)
	}
	ar := fake.last("AssumeRole")
	if ar.Params.Get("RoleArn") != "arn:aws:iam::123456789012:role/dba" || ar.KeyID != "AKIDSTATIC" || ar.Service != "sts" {
		t.Fatalf("AssumeRole %v signed %s/%s", ar.Params, ar.KeyID, ar.Service)
	}
}

func TestAssumeRoleWithMFAAsksForTheCodeThenSendsIt(t *testing.T) {
	awsEnv(t, "[profile mfa]\nrole_arn = arn:aws:iam::123456789012:role/dba\nsource_profile = static\n"+
		"mfa_serial = arn:aws:iam::123456789012:mfa/alice\n", staticCredentials)
	fake := newFakeAWS(t)
	_, err := loginViaProfile(t, fake, "mfa", nil)
	ae := wantCode(t, err, CodeMFARequired)
	if !strings.Contains(ae.Message, `"mfa"`) {
		t.Errorf("message does not name the profile: %s", ae.Message)
	}
	if n := fake.calls("AssumeRole"); n != 0 {
		t.Fatalf("%d AssumeRole calls without a code", n)
	}
	key, err := loginViaProfile(t, fake, "mfa", func(s *Source) { s.SetMFACode("123456") })
	if err != nil {
		t.Fatalf("connect with code: %v", err)
	}
	ar := fake.last("AssumeRole")
	if ar.Params.Get("SerialNumber") != "arn:aws:iam::123456789012:mfa/alice" || ar.Params.Get("TokenCode") != "123456" || key != "AKIDROLE" {
		t.Fatalf("AssumeRole %v, Redshift signed with %s", ar.Params, key)
	}
}

func TestCredentialProcessProfile(t *testing.T) {
	dir := t.TempDir()
	ok := filepath.Join(dir, "ok.sh")
	bad := filepath.Join(dir, "bad.sh")
	if err := os.WriteFile(ok, []byte("#!/bin/sh\necho '{\"Version\":1,\"AccessKeyId\":\"AKIDPROC\",\"SecretAccessKey\":\"procsecret\"}'\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("#!/bin/sh\necho 'not signed in' >&2\nexit 3\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	awsEnv(t, "[profile proc]\ncredential_process = "+ok+"\n[profile badproc]\ncredential_process = "+bad+"\n", "")
	fake := newFakeAWS(t)
	key, err := loginViaProfile(t, fake, "proc", nil)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	if key != "AKIDPROC" {
		t.Fatalf("signed with %q, want AKIDPROC", key)
	}
	_, err = loginViaProfile(t, fake, "badproc", nil)
	wantCode(t, err, CodeProcessFailed)
}

// writeSSOToken writes a token into the cache the AWS CLI keeps under ~/.aws/sso/cache.
func writeSSOToken(t *testing.T, home, key string, expires time.Time) {
	t.Helper()
	sum := sha1.Sum([]byte(key))
	dir := filepath.Join(home, ".aws", "sso", "cache")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	text := `{"accessToken":"tok","expiresAt":"` + expires.UTC().Format(time.RFC3339) + `","region":"us-east-1","startUrl":"https://example.awsapps.com/start"}`
	if err := os.WriteFile(filepath.Join(dir, hex.EncodeToString(sum[:])+".json"), []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestExpiredSSOTokenSaysToSignIn(t *testing.T) {
	home := awsEnv(t, `[profile legacy]
sso_start_url = https://example.awsapps.com/start
sso_region = us-east-1
sso_account_id = 123456789012
sso_role_name = ReadOnly

[profile modern]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = ReadOnly

[sso-session corp]
sso_start_url = https://example.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access
`, "")
	writeSSOToken(t, home, "https://example.awsapps.com/start", time.Now().Add(-time.Hour))
	writeSSOToken(t, home, "corp", time.Now().Add(-time.Hour))
	fake := newFakeAWS(t)
	for _, name := range []string{"legacy", "modern"} {
		src := New(Settings{Method: profile.AuthIAM, AWSProfile: name, Region: "us-east-1", ClusterID: "c1", DbUser: "u"},
			Options{BaseEndpoint: fake.srv.URL})
		_, _, err := src.Credentials(ctxT(t))
		ae := wantCode(t, err, CodeSSOExpired)
		if !strings.Contains(ae.Hint, "aws sso login --profile "+name) {
			t.Errorf("%s: hint %q", name, ae.Hint)
		}
	}
	if n := fake.calls("GetClusterCredentials"); n != 0 {
		t.Fatalf("%d Redshift calls without AWS credentials", n)
	}
}

// ssoSessionConfig is a shared config with an IAM Identity Center profile
// ("modern") in the sso-session form.
const ssoSessionConfig = `[profile modern]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = ReadOnly

[sso-session corp]
sso_start_url = https://example.awsapps.com/start
sso_region = us-east-1
`

func TestSSOProfileWithCachedTokenSignsWithRoleCredentials(t *testing.T) {
	home := awsEnv(t, ssoSessionConfig, "")
	writeSSOToken(t, home, "corp", time.Now().Add(time.Hour))
	fake := newFakeAWS(t)
	key, err := loginViaProfile(t, fake, "modern", nil)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	rc := fake.last("sso.GetRoleCredentials")
	if key != "AKIDSSO" || rc.Params.Get("account_id") != "123456789012" || rc.Params.Get("role_name") != "ReadOnly" {
		t.Fatalf("signed with %s after %v", key, rc.Params)
	}
}

func TestSSODeviceSignInCachesTheTokenTheSDKThenUses(t *testing.T) {
	home := awsEnv(t, ssoSessionConfig, "")
	writeSSOToken(t, home, "corp", time.Now().Add(-time.Hour)) // expired: connecting needs a sign-in
	fake := newFakeAWS(t)
	fake.PendingPolls = 1
	_, err := loginViaProfile(t, fake, "modern", nil)
	wantCode(t, err, CodeSSOExpired)

	ctx := ctxT(t)
	in, err := StartSSOSignIn(ctx, "modern", Options{BaseEndpoint: fake.srv.URL})
	if err != nil {
		t.Fatalf("start: %v", err)
	}
	if in.UserCode != "ABCD-EFGH" || !strings.Contains(in.VerificationURL, "user_code=ABCD-EFGH") {
		t.Fatalf("code %q at %q", in.UserCode, in.VerificationURL)
	}
	if err := in.Wait(ctx); err != nil {
		t.Fatalf("wait: %v", err)
	}
	if n := fake.calls("oidc.CreateToken"); n != 2 {
		t.Fatalf("%d token polls, want 2 (one pending)", n)
	}
	sum := sha1.Sum([]byte("corp"))
	path := filepath.Join(home, ".aws", "sso", "cache", hex.EncodeToString(sum[:])+".json")
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("cache file %v %v", st, err)
	}
	key, err := loginViaProfile(t, fake, "modern", nil)
	if err != nil {
		t.Fatalf("connect after sign-in: %v", err)
	}
	if key != "AKIDSSO" {
		t.Fatalf("signed with %q, want the SSO role's key", key)
	}
}

func TestSSOSignInRefusesAProfileWithoutSSO(t *testing.T) {
	awsEnv(t, "[profile plain]\nregion = us-east-1\n", staticCredentials)
	_, err := StartSSOSignIn(ctxT(t), "plain", Options{})
	if ae := apperr.As(err); ae == nil || ae.Code != "aws_not_sso" {
		t.Fatalf("got %v", err)
	}
	_, err = StartSSOSignIn(ctxT(t), "nosuch", Options{})
	wantCode(t, err, CodeProfileMissing)
}

func TestMissingAWSProfileIsNamed(t *testing.T) {
	awsEnv(t, "[profile other]\nregion = us-east-1\n", staticCredentials)
	src := New(Settings{Method: profile.AuthIAM, AWSProfile: "nosuch", Region: "us-east-1", ClusterID: "c1", DbUser: "u"}, Options{})
	_, _, err := src.Credentials(ctxT(t))
	ae := wantCode(t, err, CodeProfileMissing)
	if !strings.Contains(ae.Message, `"nosuch"`) {
		t.Fatalf("message %q", ae.Message)
	}
}

func TestNoCredentialsAnywhereSaysSo(t *testing.T) {
	awsEnv(t, "", "")
	fake := newFakeAWS(t)
	src := New(Settings{Method: profile.AuthIAM, Region: "us-east-1", ClusterID: "c1", DbUser: "u"}, Options{BaseEndpoint: fake.srv.URL})
	_, _, err := src.Credentials(ctxT(t))
	ae := wantCode(t, err, CodeNoCredentials)
	if !strings.Contains(ae.Message, "default AWS credentials") {
		t.Fatalf("message %q", ae.Message)
	}
}

func TestUnreachableAWSIsNotCalledMissingCredentials(t *testing.T) {
	awsEnv(t, "", staticCredentials)
	fake := newFakeAWS(t)
	url := fake.srv.URL
	fake.srv.Close() // nothing listens there any more
	src := New(Settings{Method: profile.AuthIAM, AWSProfile: "static", Region: "us-east-1", ClusterID: "c1", DbUser: "u"},
		Options{BaseEndpoint: url})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	_, _, err := src.Credentials(ctx)
	wantCode(t, err, CodeUnreachable)
}

func TestAWSErrorsGetTheirOwnMessages(t *testing.T) {
	awsEnv(t, "[profile dba]\nrole_arn = arn:aws:iam::123456789012:role/dba\nsource_profile = static\n", staticCredentials)
	cases := []struct {
		name                                      string
		method                                    profile.AuthMethod
		awsProfile, errOp, errCode, code, mention string
	}{
		{"denied", profile.AuthIAM, "static", "GetClusterCredentials", "AccessDenied", CodeAccessDenied, "redshift:GetClusterCredentials"},
		{"denied serverless", profile.AuthIAMServerless, "static", "RedshiftServerless.GetCredentials", "AccessDeniedException", CodeAccessDenied, "redshift-serverless:GetCredentials"},
		{"assume-role denied", profile.AuthIAM, "dba", "AssumeRole", "AccessDenied", CodeAccessDenied, "sts:AssumeRole"},
		{"no cluster", profile.AuthIAM, "static", "GetClusterCredentials", "ClusterNotFound", CodeClusterNotFound, `"c1"`},
		{"no workgroup", profile.AuthIAMServerless, "static", "RedshiftServerless.GetCredentials", "ResourceNotFoundException", CodeWorkgroupNotFound, `"wg1"`},
		{"expired keys", profile.AuthIAM, "static", "GetClusterCredentials", "ExpiredToken", CodeCredentialsExpired, `"static"`},
		{"bad keys", profile.AuthIAM, "static", "GetClusterCredentials", "InvalidClientTokenId", CodeCredentialsInvalid, `"static"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fake := newFakeAWS(t)
			fake.FailWith(c.errOp, c.errCode)
			src := New(Settings{Method: c.method, AWSProfile: c.awsProfile, Region: "us-east-1", ClusterID: "c1", Workgroup: "wg1", DbUser: "u"},
				Options{BaseEndpoint: fake.srv.URL})
			_, _, err := src.Credentials(ctxT(t))
			ae := wantCode(t, err, c.code)
			if !strings.Contains(ae.Message+" "+ae.Hint, c.mention) {
				t.Fatalf("%q / %q does not mention %s", ae.Message, ae.Hint, c.mention)
			}
		})
	}
}

func TestFailedFetchIsNotCachedAndSessionReportsIt(t *testing.T) {
	awsEnv(t, "", staticCredentials)
	fake := newFakeAWS(t)
	fake.FailWith("GetClusterCredentials", "ClusterNotFound")
	dsn := pgtest.NewDatabase(t)
	src := New(Settings{Method: profile.AuthIAM, AWSProfile: "static", Region: "us-east-1", ClusterID: "c1", DbUser: "u"},
		Options{BaseEndpoint: fake.srv.URL})
	_, err := session.Probe(ctxT(t), sessionConfig(t, dsn, src))
	wantCode(t, err, CodeClusterNotFound)
	_, _, err = src.Credentials(ctxT(t))
	wantCode(t, err, CodeClusterNotFound)
	if n := fake.calls("GetClusterCredentials"); n < 2 {
		t.Fatalf("%d calls: a failure was cached", n)
	}
}

func TestSwitchingDatabaseReusesTheCredentialsOfTheSession(t *testing.T) {
	awsEnv(t, "", staticCredentials)
	fake := newFakeAWS(t)
	dsn := pgtest.NewDatabase(t)
	other := mustParse(t, pgtest.NewDatabase(t)).Database
	dbUser := "erin" + pgtest.Random(4)
	createLoginUser(t, dsn, "IAM:"+dbUser)
	src := New(Settings{Method: profile.AuthIAM, AWSProfile: "static", Region: "us-east-1", ClusterID: "c1", DbUser: dbUser},
		Options{BaseEndpoint: fake.srv.URL})
	m := session.NewManager()
	defer m.CloseAll()
	s, err := m.Open(ctxT(t), sessionConfig(t, dsn, src))
	if err != nil {
		t.Fatal(err)
	}
	s2, err := m.SwitchDatabase(ctxT(t), s.ID, other)
	if err != nil {
		t.Fatalf("switch: %v", err)
	}
	if s2.Server.Database != other || s2.Server.User != "IAM:"+dbUser {
		t.Fatalf("after the switch: %s as %s", s2.Server.Database, s2.Server.User)
	}
	if n := fake.calls("GetClusterCredentials"); n != 1 {
		t.Fatalf("%d credential calls, want 1 (credentials are not tied to a database)", n)
	}
}
