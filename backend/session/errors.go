package session

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"strconv"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/redshiftmate/rsmate/backend/apperr"
)

// Classify turns a connection error into an apperr.Error with a hint that says
// what to do. It never includes the password: pgx errors carry none, and cfg is
// used only for host, port, user and database.
func Classify(err error, cfg Config) *apperr.Error {
	if err == nil {
		return nil
	}
	var ae *apperr.Error
	if errors.As(err, &ae) {
		return ae
	}
	mk := func(code, msg, hint string) *apperr.Error {
		return &apperr.Error{Code: code, Message: msg, Detail: err.Error(), Hint: hint, Err: err}
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code {
		case "28P01", "28000":
			// PostgreSQL 14+ ends this message with "no encryption", older
			// releases with "SSL off" (Redshift descends from 8.0; its text is unconfirmed).
			if strings.Contains(pgErr.Message, "no pg_hba.conf entry") &&
				(strings.Contains(pgErr.Message, "no encryption") || strings.Contains(pgErr.Message, "SSL off")) {
				return mk("tls_required", "the server requires an encrypted connection",
					"Set the SSL mode to require (or verify-full) in the profile.")
			}
			if cfg.Credentials != nil {
				// Not auth_failed: typing a password would not help.
				return mk("iam_login_refused", "the server rejected the temporary IAM credentials"+forUser(cfg.User),
					"AWS issued them, but the database refused the login: check that the database user exists "+
						"(or turn on Auto-create) and that the profile points at the cluster or workgroup that issued them.")
			}
			return mk("auth_failed", "the server rejected the user name or password for "+cfg.User,
				"Check the password (saved passwords can be replaced in Edit profile) and that the user may log in.")
		case "3D000":
			return mk("unknown_database", "database \""+cfg.Database+"\" does not exist on this server",
				"Check the database name in the profile; Redshift's default database is usually 'dev'.")
		case "53300":
			return mk("too_many_connections", "the server has no free connection slots",
				"Close other sessions or raise the user's CONNECTION LIMIT.")
		case "57P03":
			return mk("server_starting", "the server is starting up or shutting down", "Try again in a moment.")
		}
		return &apperr.Error{Code: "server_error", Message: pgErr.Message, Detail: pgErr.Detail,
			Hint: pgErr.Hint, Err: err}
	}
	if errors.Is(err, context.Canceled) {
		return mk("canceled", "the connection attempt was cancelled", "")
	}
	// Before the timeout check: a name that does not exist is not a slow server.
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) && !dnsErr.IsTimeout {
		return mk("host_not_found", "host \""+cfg.Host+"\" was not found",
			"Check the host name; for Redshift copy the endpoint from the console without the port and database.")
	}
	if errors.Is(err, context.DeadlineExceeded) || isTimeout(err) {
		return mk("timeout", "the server did not answer in time ("+cfg.describe()+")",
			"Check host and port, VPN and security groups (Redshift must allow your IP on its port), or raise the connect timeout.")
	}
	if errors.Is(err, syscall.ECONNREFUSED) || strings.Contains(err.Error(), "connection refused") {
		return mk("connection_refused", "nothing is listening on "+cfg.Host+" port "+strconv.Itoa(cfg.Port),
			"Check the port (Redshift uses 5439 by default, PostgreSQL 5432) and that the server is running.")
	}
	var certErr *tls.CertificateVerificationError
	var unknownAuth x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	if errors.As(err, &certErr) || errors.As(err, &unknownAuth) || errors.As(err, &hostErr) ||
		strings.Contains(err.Error(), "x509:") {
		return mk("tls_verify_failed", "the server's certificate could not be verified",
			"Pick the right CA bundle in the profile or use SSL mode require.")
	}
	msg := err.Error()
	if strings.Contains(msg, "server refused TLS") || strings.Contains(msg, "tls error") {
		return mk("tls_unsupported", "the server does not accept encrypted connections",
			"Set the SSL mode to disable for this server, or enable SSL on the server.")
	}
	if strings.Contains(msg, "unknown authentication type: 13") {
		return mk("auth_unsupported", "this user's password is stored in Redshift's sha256 form, which this client cannot use",
			"Reset the user's password (it will be stored as md5) or log in as another user.")
	}
	return mk("connect_failed", "could not connect to "+cfg.describe(),
		"Check the host, port and SSL mode in the profile; the detail shows what the driver saw.")
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

func forUser(u string) string {
	if u == "" {
		return ""
	}
	return " for " + u
}
