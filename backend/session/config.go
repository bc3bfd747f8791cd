// Package session opens and tracks live connections: one pgx pool per session
// id (the same profile may be open twice), with TLS, timeouts, engine detection
// and cancellation through the context.
package session

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/pgnotice"
)

// Config is what a connection needs. The password lives here only in memory.
type Config struct {
	Host           string
	Port           int
	Database       string
	User           string
	Password       string
	SSLMode        string // disable | require | verify-ca | verify-full
	CAFile         string
	ConnectTimeout time.Duration
	ReadOnly       bool
	ProfileID      string
	// Credentials, when set, supplies the user name and password of every new
	// connection of the pool (temporary IAM credentials); User and Password
	// are then not used.
	Credentials Credentials
	// OpenTunnel, when set, opens the SSH tunnel the session's connections go
	// through; the session owns it and closes it when it ends.
	OpenTunnel func(ctx context.Context) (Tunnel, error)
	// EmulateRedshift: the server is PostgreSQL holding Redshift-shaped
	// catalog views (the Local sandbox's emulated Redshift). The session's
	// engine is then Redshift, and ServerInfo.Emulated says it is not one.
	EmulateRedshift bool
}

// Credentials hands out a user name and password for one new connection.
// It is called for every connection the pool opens, so it can cache and
// renew short-lived credentials; its errors should be apperr.Errors.
type Credentials interface {
	Credentials(ctx context.Context) (user, password string, err error)
}

// Tunnel carries a session's connections (an SSH tunnel). Host and Port
// stay the real server's, so TLS still checks the real server name.
type Tunnel interface {
	DialContext(ctx context.Context, network, addr string) (net.Conn, error)
	Close() error
}

const appName = "redshift-mate"

// poolConfig builds a pgx pool config without ever formatting the password
// into a connection string.
func (c Config) poolConfig(tunnel Tunnel) (*pgxpool.Config, error) {
	if c.Host == "" {
		return nil, apperr.Invalid("host is required")
	}
	if c.Port <= 0 || c.Port > 65535 {
		return nil, apperr.Invalid("port %d is out of range (1-65535)", c.Port)
	}
	if c.User == "" && c.Credentials == nil {
		return nil, apperr.Invalid("user is required")
	}
	if c.Database == "" {
		return nil, apperr.Invalid("database is required")
	}
	pc, err := pgxpool.ParseConfig("")
	if err != nil {
		return nil, err
	}
	cc := pc.ConnConfig
	cc.Host = c.Host
	cc.Port = uint16(c.Port)
	cc.Database = c.Database
	cc.User = c.User
	cc.Password = c.Password
	cc.Fallbacks = nil
	cc.RuntimeParams = map[string]string{"application_name": appName}
	timeout := c.ConnectTimeout
	if timeout <= 0 {
		timeout = 15 * time.Second
	}
	cc.ConnectTimeout = timeout
	// Redshift reports no standard_conforming_strings, so pgx refuses the simple
	// protocol; the extended protocol with cached statements works on both engines.
	cc.DefaultQueryExecMode = pgx.QueryExecModeCacheDescribe
	tlsConf, err := tlsConfig(c)
	if err != nil {
		return nil, err
	}
	cc.TLSConfig = tlsConf
	if tunnel != nil {
		// The bastion resolves the name: a private host need not resolve here.
		cc.LookupFunc = func(_ context.Context, host string) ([]string, error) { return []string{host}, nil }
		cc.DialFunc = tunnel.DialContext
	}
	// Server notices go to whoever watches the connection (an apply collects
	// them per statement); unwatched notices are dropped as before.
	cc.OnNotice = pgnotice.Handler
	// Redshift folds quoted names other than user names to lower case unless
	// enable_case_sensitive_identifier is on. Every name we send is quoted and
	// read back from the catalog as stored, so turn it on: what the preview
	// shows is then exactly what is stored and referenced.
	pc.AfterConnect = func(ctx context.Context, conn *pgx.Conn) error {
		if conn.PgConn().ParameterStatus("padb_version") == "" {
			return nil // PostgreSQL
		}
		_, err := conn.Exec(ctx, "SET enable_case_sensitive_identifier TO true")
		return err
	}
	if src := c.Credentials; src != nil {
		// pgxpool passes a copy of the config for each new connection.
		pc.BeforeConnect = func(ctx context.Context, cc *pgx.ConnConfig) error {
			user, password, err := src.Credentials(ctx)
			if err != nil {
				return err
			}
			cc.User, cc.Password = user, password
			return nil
		}
	}
	pc.MaxConns = 4
	pc.MinConns = 0
	pc.MaxConnIdleTime = 5 * time.Minute
	pc.HealthCheckPeriod = time.Minute
	return pc, nil
}

func tlsConfig(c Config) (*tls.Config, error) {
	switch c.SSLMode {
	case "disable":
		return nil, nil
	case "", "require":
		if c.CAFile == "" {
			return &tls.Config{InsecureSkipVerify: true, ServerName: c.Host}, nil
		}
		// libpq semantics: require + a root certificate behaves like verify-ca.
		fallthrough
	case "verify-ca":
		pool, err := caPool(c.CAFile)
		if err != nil {
			return nil, err
		}
		return &tls.Config{
			InsecureSkipVerify: true, // chain checked below, host name is not
			ServerName:         c.Host,
			VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error {
				return verifyChain(raw, pool)
			},
		}, nil
	case "verify-full":
		pool, err := caPool(c.CAFile)
		if err != nil {
			return nil, err
		}
		// crypto/tls checks the chain and the host name (DNS or IP SAN).
		return &tls.Config{RootCAs: pool, ServerName: c.Host}, nil
	default:
		return nil, apperr.Invalid("unknown SSL mode %q (use disable, require, verify-ca or verify-full)", c.SSLMode)
	}
}

func verifyChain(raw [][]byte, roots *x509.CertPool) error {
	if len(raw) == 0 {
		return fmt.Errorf("server sent no certificate")
	}
	certs := make([]*x509.Certificate, len(raw))
	for i, r := range raw {
		c, err := x509.ParseCertificate(r)
		if err != nil {
			return err
		}
		certs[i] = c
	}
	inter := x509.NewCertPool()
	for _, c := range certs[1:] {
		inter.AddCert(c)
	}
	_, err := certs[0].Verify(x509.VerifyOptions{Roots: roots, Intermediates: inter})
	return err
}

// describe is a log-safe address, never containing the password.
func (c Config) describe() string {
	user := c.User
	if c.Credentials != nil && user == "" {
		user = "(IAM)"
	}
	return user + "@" + net.JoinHostPort(c.Host, strconv.Itoa(c.Port)) + "/" + c.Database
}
