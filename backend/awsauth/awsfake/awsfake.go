// Package awsfake stands in for the AWS APIs the app calls (Redshift
// GetClusterCredentials(WithIAM), Redshift Serverless GetCredentials, STS
// AssumeRole, the IAM Identity Center portal's GetRoleCredentials) on one
// local HTTP endpoint, for tests and end-to-end runs. Point the SDK at it with
// config.WithBaseEndpoint or AWS_ENDPOINT_URL.
//
// It records every request with its SigV4 credential scope (it does not
// verify signatures: the SDK signs, the fake shows what it signed for). Each
// credentials call issues a fresh random password and sets it on the
// PostgreSQL user through AdminDSN, so only the newest credentials log in, as
// with AWS's short-lived passwords.
package awsfake

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/redshiftmate/rsmate/backend/sqltext"
)

// Server is the fake. Set its fields before the first request.
type Server struct {
	// AdminDSN is a superuser DSN of the PostgreSQL standing in for Redshift.
	AdminDSN string
	// Lifetime of issued database credentials (default 15 minutes).
	Lifetime time.Duration
	// IAMUser is the database user GetClusterCredentialsWithIAM and
	// Serverless GetCredentials answer with (AWS derives it from the caller).
	IAMUser string
	// CreateUsers creates a database user the first time credentials are
	// issued for it (end-to-end runs); tests create theirs up front.
	CreateUsers bool
	// PendingPolls is how many CreateToken polls of an IAM Identity Center
	// device sign-in answer "authorization pending" before the token comes.
	PendingPolls int

	mu       sync.Mutex
	requests []Request
	errOp    string
	errCode  string
	failures []error
}

// Request is one recorded call.
type Request struct {
	Op      string     // Query Action, JSON X-Amz-Target, or "sso.GetRoleCredentials"
	Params  url.Values // Query protocol form body, or the SSO query string
	JSON    map[string]any
	Auth    string // Authorization header (SSO: the bearer token)
	KeyID   string // from the SigV4 credential scope
	Region  string
	Service string
}

// FailWith makes the operation op (e.g. "GetClusterCredentials",
// "RedshiftServerless.GetCredentials", "AssumeRole"; "" = every operation)
// answer with the AWS error code.
func (s *Server) FailWith(op, code string) {
	s.mu.Lock()
	s.errOp, s.errCode = op, code
	s.mu.Unlock()
}

// Calls counts the requests made for op.
func (s *Server) Calls(op string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, r := range s.requests {
		if r.Op == op {
			n++
		}
	}
	return n
}

// Last returns the newest request for op.
func (s *Server) Last(op string) (Request, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := len(s.requests) - 1; i >= 0; i-- {
		if s.requests[i].Op == op {
			return s.requests[i], true
		}
	}
	return Request{}, false
}

// Failures lists what went wrong inside the fake (e.g. setting a password).
func (s *Server) Failures() []error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]error(nil), s.failures...)
}

// Scope reads "Credential=KEY/date/region/service/aws4_request" of a SigV4 header.
func Scope(auth string) (key, region, service string) {
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

// ServeHTTP answers one AWS call.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	switch r.URL.Path {
	case "/federation/credentials":
		s.ssoRoleCredentials(w, r)
		return
	case "/client/register", "/device_authorization", "/token":
		s.oidc(w, r.URL.Path, body)
		return
	}
	req := Request{Auth: r.Header.Get("Authorization")}
	req.KeyID, req.Region, req.Service = Scope(req.Auth)
	if target := r.Header.Get("X-Amz-Target"); target != "" {
		req.Op = target
		_ = json.Unmarshal(body, &req.JSON)
	} else {
		req.Params, _ = url.ParseQuery(string(body))
		req.Op = req.Params.Get("Action")
	}
	s.mu.Lock()
	s.requests = append(s.requests, req)
	errOp, errCode := s.errOp, s.errCode
	lifetime, iamUser := s.Lifetime, s.IAMUser
	s.mu.Unlock()
	if lifetime <= 0 {
		lifetime = 15 * time.Minute
	}
	if req.KeyID == "" {
		http.Error(w, "unsigned request", http.StatusForbidden)
		return
	}
	if errCode != "" && (errOp == req.Op || errOp == "") {
		fail(w, req, errCode)
		return
	}
	expires := time.Now().Add(lifetime).UTC()
	switch req.Op {
	case "GetClusterCredentials":
		user := "IAM:" + req.Params.Get("DbUser")
		s.answerQuery(w, req.Op, user, expires)
	case "GetClusterCredentialsWithIAM":
		s.answerQuery(w, req.Op, iamUser, expires)
	case "RedshiftServerless.GetCredentials":
		pw, err := s.rotate(iamUser)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		_ = json.NewEncoder(w).Encode(map[string]any{"dbUser": iamUser, "dbPassword": pw,
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

func (s *Server) answerQuery(w http.ResponseWriter, op, user string, expires time.Time) {
	pw, err := s.rotate(user)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/xml")
	fmt.Fprintf(w, `<%[1]sResponse xmlns="http://redshift.amazonaws.com/doc/2012-12-01/"><%[1]sResult><DbUser>%[2]s</DbUser><DbPassword>%[3]s</DbPassword><Expiration>%[4]s</Expiration></%[1]sResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></%[1]sResponse>`,
		op, user, pw, expires.Format(time.RFC3339))
}

// ssoRoleCredentials is the IAM Identity Center portal's GetRoleCredentials:
// the bearer token "tok" from the SSO cache buys role credentials (AKIDSSO).
func (s *Server) ssoRoleCredentials(w http.ResponseWriter, r *http.Request) {
	req := Request{Op: "sso.GetRoleCredentials", Params: r.URL.Query(), Auth: r.Header.Get("X-Amz-Sso_bearer_token")}
	s.mu.Lock()
	s.requests = append(s.requests, req)
	s.mu.Unlock()
	if req.Auth != "tok" {
		http.Error(w, `{"message":"bad token"}`, http.StatusUnauthorized)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"roleCredentials": map[string]any{"accessKeyId": "AKIDSSO",
		"secretAccessKey": "ssosecret", "sessionToken": "ssotoken", "expiration": time.Now().Add(time.Hour).UnixMilli()}})
}

// oidc is the IAM Identity Center OIDC service of a device sign-in:
// RegisterClient, StartDeviceAuthorization, then CreateToken polled until
// PendingPolls polls have been answered "pending". The access token it issues
// ("tok") is the one ssoRoleCredentials accepts.
func (s *Server) oidc(w http.ResponseWriter, path string, body []byte) {
	var in map[string]any
	_ = json.Unmarshal(body, &in)
	op := map[string]string{"/client/register": "oidc.RegisterClient", "/device_authorization": "oidc.StartDeviceAuthorization",
		"/token": "oidc.CreateToken"}[path]
	s.mu.Lock()
	s.requests = append(s.requests, Request{Op: op, JSON: in})
	polls := 0
	for _, r := range s.requests {
		if r.Op == "oidc.CreateToken" {
			polls++
		}
	}
	pending := polls <= s.PendingPolls
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	switch op {
	case "oidc.RegisterClient":
		_ = json.NewEncoder(w).Encode(map[string]any{"clientId": "client-1", "clientSecret": "client-secret",
			"clientIdIssuedAt": time.Now().Unix(), "clientSecretExpiresAt": time.Now().Add(90 * 24 * time.Hour).Unix()})
	case "oidc.StartDeviceAuthorization":
		_ = json.NewEncoder(w).Encode(map[string]any{"deviceCode": "device-1", "userCode": "ABCD-EFGH",
			"verificationUri": "https://device.sso.example/", "verificationUriComplete": "https://device.sso.example/?user_code=ABCD-EFGH",
			"expiresIn": 600, "interval": 1})
	case "oidc.CreateToken":
		if in["deviceCode"] != "device-1" || in["clientSecret"] != "client-secret" {
			w.Header().Set("X-Amzn-Errortype", "InvalidGrantException")
			w.WriteHeader(http.StatusBadRequest)
			_ = json.NewEncoder(w).Encode(map[string]string{"error": "invalid_grant"})
			return
		}
		if pending {
			w.Header().Set("X-Amzn-Errortype", "AuthorizationPendingException")
			w.WriteHeader(http.StatusBadRequest)
			_ = json.NewEncoder(w).Encode(map[string]string{"error": "authorization_pending"})
			return
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"accessToken": "tok", "expiresIn": 28800, "refreshToken": "refresh-1",
			"tokenType": "Bearer"})
	}
}

func fail(w http.ResponseWriter, req Request, code string) {
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
func (s *Server) rotate(user string) (string, error) {
	pw, err := s.setPassword(user)
	if err != nil {
		s.mu.Lock()
		s.failures = append(s.failures, err)
		s.mu.Unlock()
	}
	return pw, err
}

func (s *Server) setPassword(user string) (string, error) {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	pw := "Tmp" + hex.EncodeToString(b)
	ident, err := sqltext.Postgres.Ident("user", user)
	if err != nil {
		return "", fmt.Errorf("quoting %q: %w", user, err)
	}
	lit, err := sqltext.Postgres.Literal(pw)
	if err != nil {
		return "", err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, s.AdminDSN)
	if err != nil {
		return "", fmt.Errorf("admin connect: %w", err)
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, "ALTER USER "+ident+" PASSWORD "+lit)
	var pgErr *pgconn.PgError
	if err != nil && s.CreateUsers && errors.As(err, &pgErr) && pgErr.Code == "42704" { // undefined_object
		_, err = conn.Exec(ctx, "CREATE USER "+ident+" LOGIN PASSWORD "+lit)
	}
	if err != nil {
		return "", fmt.Errorf("setting the password of %s: %w", user, err)
	}
	return pw, nil
}
