package awsauth

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/pgtest"
	"github.com/redshiftmate/rsmate/backend/sqltext"
)

// fakeAWS stands in for the Redshift, Redshift Serverless and STS APIs on one
// local endpoint. It records every signed request; each credentials call
// issues a fresh password and sets it on the PostgreSQL user, so only the
// newest credentials log in (as with AWS's short-lived passwords).
type fakeAWS struct {
	t     *testing.T
	srv   *httptest.Server
	admin string // superuser DSN of the test cluster

	mu       sync.Mutex
	requests []fakeRequest
	// errCode/errOp make the named operation fail with this AWS error code.
	errCode, errOp string
	// lifetime is how long issued credentials live.
	lifetime time.Duration
	// dbUser is the user name GetClusterCredentialsWithIAM and
	// GetCredentials (serverless) answer with.
	iamUser string
}

type fakeRequest struct {
	Op      string // Action or X-Amz-Target operation
	Params  url.Values
	JSON    map[string]any
	Auth    string // Authorization header
	Service string // from the SigV4 credential scope
	Region  string
	KeyID   string
}

func newFakeAWS(t *testing.T) *fakeAWS {
	f := &fakeAWS{t: t, admin: pgtest.AdminDSN(t), lifetime: 15 * time.Minute}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeAWS) calls(op string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, r := range f.requests {
		if r.Op == op {
			n++
		}
	}
	return n
}

func (f *fakeAWS) last(op string) fakeRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := len(f.requests) - 1; i >= 0; i-- {
		if f.requests[i].Op == op {
			return f.requests[i]
		}
	}
	f.t.Fatalf("no %s request was made", op)
	return fakeRequest{}
}

// scope reads "Credential=KEY/date/region/service/aws4_request" of a SigV4 header.
func scope(auth string) (key, region, service string) {
	_, rest, ok := strings.Cut(auth, "Credential=")
	if !ok || !strings.HasPrefix(auth, "AWS4-HMAC-SHA256 ") {
		return "", "", ""
	}
	cred, _, _ := strings.Cut(rest, ",")
	parts := strings.Split(cred, "/")
	if len(parts) != 5 || parts[4] != "aws4_request" || !strings.Contains(auth, "Signature=") {
		return "", "", ""
	}
	return parts[0], parts[2], parts[3]
}

func (f *fakeAWS) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if r.URL.Path == "/federation/credentials" {
		f.ssoRoleCredentials(w, r)
		return
	}
	req := fakeRequest{Auth: r.Header.Get("Authorization")}
	req.KeyID, req.Region, req.Service = scope(req.Auth)
	if target := r.Header.Get("X-Amz-Target"); target != "" {
		req.Op = target
		_ = json.Unmarshal(body, &req.JSON)
	} else {
		req.Params, _ = url.ParseQuery(string(body))
		req.Op = req.Params.Get("Action")
	}
	f.mu.Lock()
	f.requests = append(f.requests, req)
	errCode, errOp := f.errCode, f.errOp
	f.mu.Unlock()
	if req.KeyID == "" {
		http.Error(w, "unsigned request", http.StatusForbidden)
		return
	}
	if errCode != "" && (errOp == req.Op || errOp == "") {
		f.fail(w, req, errCode)
		return
	}
	expires := time.Now().Add(f.lifetime).UTC()
	switch req.Op {
	case "GetClusterCredentials":
		user := "IAM:" + req.Params.Get("DbUser")
		pw := f.rotate(user)
		queryXML(w, req.Op, fmt.Sprintf("<DbUser>%s</DbUser><DbPassword>%s</DbPassword><Expiration>%s</Expiration>",
			user, pw, expires.Format(time.RFC3339)))
	case "GetClusterCredentialsWithIAM":
		pw := f.rotate(f.iamUser)
		queryXML(w, req.Op, fmt.Sprintf("<DbUser>%s</DbUser><DbPassword>%s</DbPassword><Expiration>%s</Expiration>",
			f.iamUser, pw, expires.Format(time.RFC3339)))
	case "RedshiftServerless.GetCredentials":
		pw := f.rotate(f.iamUser)
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		_ = json.NewEncoder(w).Encode(map[string]any{"dbUser": f.iamUser, "dbPassword": pw,
			"expiration": float64(expires.Unix()), "nextRefreshTime": float64(expires.Unix())})
	case "AssumeRole":
		w.Header().Set("Content-Type", "text/xml")
		fmt.Fprintf(w, `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
<Credentials><AccessKeyId>AKIDROLE</AccessKeyId><SecretAccessKey>rolesecret</SecretAccessKey><SessionToken>roletoken</SessionToken><Expiration>%s</Expiration></Credentials>
<AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/dba/s</Arn><AssumedRoleId>AROA:s</AssumedRoleId></AssumedRoleUser>
</AssumeRoleResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></AssumeRoleResponse>`, time.Now().Add(time.Hour).UTC().Format(time.RFC3339))
	default:
		http.Error(w, "unexpected operation "+req.Op, http.StatusBadRequest)
	}
}

// ssoRoleCredentials is the IAM Identity Center portal's GetRoleCredentials:
// a bearer token from the SSO cache buys role credentials (AKIDSSO).
func (f *fakeAWS) ssoRoleCredentials(w http.ResponseWriter, r *http.Request) {
	req := fakeRequest{Op: "sso.GetRoleCredentials", Params: r.URL.Query(), Auth: r.Header.Get("X-Amz-Sso_bearer_token")}
	f.mu.Lock()
	f.requests = append(f.requests, req)
	f.mu.Unlock()
	if req.Auth != "tok" {
		http.Error(w, `{"message":"bad token"}`, http.StatusUnauthorized)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"roleCredentials": map[string]any{"accessKeyId": "AKIDSSO",
		"secretAccessKey": "ssosecret", "sessionToken": "ssotoken", "expiration": time.Now().Add(time.Hour).UnixMilli()}})
}

func queryXML(w http.ResponseWriter, op, inner string) {
	w.Header().Set("Content-Type", "text/xml")
	fmt.Fprintf(w, `<%[1]sResponse xmlns="http://redshift.amazonaws.com/doc/2012-12-01/"><%[1]sResult>%[2]s</%[1]sResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></%[1]sResponse>`, op, inner)
}

func (f *fakeAWS) fail(w http.ResponseWriter, req fakeRequest, code string) {
	msg := "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: " + req.Op
	if strings.HasPrefix(req.Op, "RedshiftServerless.") {
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		w.WriteHeader(http.StatusBadRequest)
		_ = json.NewEncoder(w).Encode(map[string]string{"__type": code, "message": msg})
		return
	}
	w.Header().Set("Content-Type", "text/xml")
	w.WriteHeader(http.StatusBadRequest)
	fmt.Fprintf(w, `<ErrorResponse><Error><Type>Sender</Type><Code>%s</Code><Message>%s</Message></Error><RequestId>r1</RequestId></ErrorResponse>`, code, msg)
}

// rotate gives the database user a new random password and returns it.
func (f *fakeAWS) rotate(user string) string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	pw := "Tmp" + hex.EncodeToString(b)
	ident, err := sqltext.Postgres.Ident("user", user)
	if err != nil {
		f.t.Errorf("quoting %q: %v", user, err)
		return pw
	}
	lit, err := sqltext.Postgres.Literal(pw)
	if err != nil {
		f.t.Errorf("quoting the password: %v", err)
		return pw
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, f.admin)
	if err != nil {
		f.t.Errorf("admin connect: %v", err)
		return pw
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "ALTER USER "+ident+" PASSWORD "+lit); err != nil {
		f.t.Errorf("setting the password of %s: %v", user, err)
	}
	return pw
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
	db := strings.TrimPrefix(mustParse(t, dsn).Database, "/")
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
