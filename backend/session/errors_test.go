package session

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/redshiftmate/rsmate/backend/apperr"
)

func TestClassify(t *testing.T) {
	cfg := Config{Host: "db.example.com", Port: 5439, Database: "dev", User: "alice", Password: "S3cret-Pw"}
	wrap := func(err error) error { return fmt.Errorf("failed to connect to `host=db.example.com`: %w", err) }
	pg := func(code, msg string) error {
		return wrap(&pgconn.PgError{Severity: "FATAL", Code: code, Message: msg})
	}
	cases := []struct {
		name string
		err  error
		code string
		msg  string
	}{
		{"wrong password", pg("28P01", `password authentication failed for user "alice"`), "auth_failed", "alice"},
		{"no hba entry", pg("28000", `no pg_hba.conf entry for host "1.2.3.4", user "alice", database "dev", SSL encryption`), "auth_failed", "rejected"},
		{"TLS required (PostgreSQL 14+)", pg("28000", `no pg_hba.conf entry for host "1.2.3.4", user "alice", database "dev", no encryption`), "tls_required", "encrypted"},
		{"TLS required (older servers)", pg("28000", `no pg_hba.conf entry for host "1.2.3.4", user "alice", database "dev", SSL off`), "tls_required", "encrypted"},
		{"unknown database", pg("3D000", `database "dev" does not exist`), "unknown_database", `"dev"`},
		{"too many connections", pg("53300", "too many connections for role"), "too_many_connections", "free connection"},
		{"starting", pg("57P03", "the database system is starting up"), "server_starting", "starting"},
		{"other server error", pg("XX000", "something odd"), "server_error", "something odd"},
		{"cancelled", wrap(context.Canceled), "canceled", "cancelled"},
		{"deadline", wrap(context.DeadlineExceeded), "timeout", "db.example.com:5439"},
		{"net timeout", wrap(&net.OpError{Op: "dial", Net: "tcp", Err: os.ErrDeadlineExceeded}), "timeout", "did not answer"},
		{"unknown host", wrap(&net.DNSError{Err: "no such host", Name: "db.example.com", IsNotFound: true}), "host_not_found", `"db.example.com"`},
		{"DNS timeout", wrap(&net.DNSError{Err: "i/o timeout", Name: "db.example.com", IsTimeout: true}), "timeout", "did not answer"},
		{"refused", wrap(&net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}), "connection_refused", "port 5439"},
		{"bad certificate", wrap(x509.UnknownAuthorityError{}), "tls_verify_failed", "certificate"},
		{"server without TLS", wrap(errors.New("server refused TLS connection")), "tls_unsupported", "encrypted"},
		{"sha256 password", wrap(errors.New("unknown authentication type: 13")), "auth_unsupported", "sha256"},
		{"anything else", wrap(errors.New("unexpected EOF")), "connect_failed", "alice@db.example.com:5439/dev"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := Classify(c.err, cfg)
			if e.Code != c.code || !strings.Contains(e.Message, c.msg) {
				t.Fatalf("got %s %q, want %s containing %q", e.Code, e.Message, c.code, c.msg)
			}
			if c.code != "canceled" && c.code != "server_error" && e.Hint == "" {
				t.Errorf("%s has no hint", c.code)
			}
			if !errors.Is(e, c.err) {
				t.Error("the cause is not kept")
			}
			if strings.Contains(e.Error()+e.Hint, cfg.Password) {
				t.Errorf("password in %q", e.Error())
			}
		})
	}
	if Classify(nil, cfg) != nil {
		t.Error("Classify(nil) != nil")
	}
	own := apperr.Invalid("x")
	if Classify(own, cfg) != own {
		t.Error("an apperr.Error is not passed through")
	}
}
