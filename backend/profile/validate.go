package profile

import (
	"net"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/redshiftmate/rsmate/backend/apperr"
)

// Limits shared with the frontend's form validation.
const (
	NameMaxLen            = 100
	DefaultConnectTimeout = 15
	MaxConnectTimeout     = 300
)

var colorRE = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// Normalize trims text fields and fills what was left empty: the engine from a
// Redshift host name, the port from the engine, the SSL mode and the connect
// timeout. Save and Validate both see a profile through it.
func Normalize(p Profile) Profile {
	p.Name = strings.TrimSpace(p.Name)
	p.Host = strings.TrimSpace(p.Host)
	if strings.HasPrefix(p.Host, "[") && strings.HasSuffix(p.Host, "]") {
		p.Host = p.Host[1 : len(p.Host)-1] // IPv6 as typed in URLs; pgx wants it bare
	}
	p.Database = strings.TrimSpace(p.Database)
	p.User = strings.TrimSpace(p.User)
	p.CAFile = strings.TrimSpace(p.CAFile)
	p.Color = strings.TrimSpace(p.Color)
	normalizeAuth(&p)
	if p.Engine == "" && isRedshiftHost(p.Host) {
		p.Engine = EngineRedshift
	}
	if p.Port == 0 && p.Engine != "" {
		p.Port = DefaultPort(p.Engine)
	}
	if p.SSLMode == "" {
		p.SSLMode = defaultSSLMode(p)
	}
	if p.ConnectTimeoutSec == 0 {
		p.ConnectTimeoutSec = DefaultConnectTimeout
	}
	p.SSH = normalizeSSH(p.SSH)
	return p
}

// defaultSSLMode verifies Redshift fully and otherwise encrypts, unless a
// PostgreSQL server is on this machine, where a local server without TLS is
// the common case.
func defaultSSLMode(p Profile) SSLMode {
	switch {
	case p.Engine == EngineRedshift:
		// Redshift endpoints carry certificates from a public CA (ACM) that
		// name the endpoint, so the system roots verify them fully.
		return SSLVerifyFull
	case isLoopback(p.Host):
		return SSLDisable
	}
	return SSLRequire
}

func isLoopback(host string) bool {
	switch strings.ToLower(host) {
	case "localhost", "127.0.0.1", "::1":
		return true
	}
	return false
}

// Validate checks a profile as it would be saved (after Normalize) and returns
// an apperr.Invalid naming the first wrong field.
func Validate(p Profile) error {
	if err := CheckLengths(p); err != nil {
		return err
	}
	p = Normalize(p)
	switch {
	case p.Name == "":
		return apperr.Invalid("name is required")
	case utf8.RuneCountInString(p.Name) > NameMaxLen:
		return apperr.Invalid("name must be at most %d characters", NameMaxLen)
	}
	if p.Engine != EngineRedshift && p.Engine != EnginePostgres {
		return apperr.Invalid("engine must be redshift or postgres, not %q", p.Engine)
	}
	if err := validateHost(p.Host); err != nil {
		return err
	}
	if p.Port < 1 || p.Port > 65535 {
		return apperr.Invalid("port must be a whole number from 1 to 65535, not %d", p.Port)
	}
	if p.Database == "" {
		return apperr.Invalid("database is required")
	}
	if p.User == "" && p.NeedsUser() {
		return apperr.Invalid("user is required")
	}
	if err := validateAuth(p); err != nil {
		return err
	}
	switch p.SSLMode {
	case SSLDisable, SSLRequire, SSLVerifyCA, SSLVerifyFull:
	default:
		return apperr.Invalid("SSL mode must be disable, require, verify-ca or verify-full, not %q", p.SSLMode)
	}
	if p.CAFile != "" && p.SSLMode == SSLDisable {
		return apperr.Invalid("a CA file needs SSL mode require, verify-ca or verify-full, not disable")
	}
	if p.ConnectTimeoutSec < 1 || p.ConnectTimeoutSec > MaxConnectTimeout {
		return apperr.Invalid("connect timeout must be 1 to %d seconds, not %d", MaxConnectTimeout, p.ConnectTimeoutSec)
	}
	if p.Color != "" && !colorRE.MatchString(p.Color) {
		return apperr.Invalid("colour must look like #3b5bdb, not %q", p.Color)
	}
	return validateSSH(p.SSH)
}

func validateHost(h string) error {
	switch {
	case h == "":
		return apperr.Invalid("host is required")
	case strings.Contains(h, "://"):
		return apperr.Invalid("host must be only the host name; paste whole URLs into the URL field")
	case strings.IndexFunc(h, isSpaceOrControl) >= 0:
		return apperr.Invalid("host must not contain spaces")
	case strings.ContainsAny(h, "/?@[]"):
		return apperr.Invalid("host must be only the host name, without user, port, database or options")
	case strings.Contains(h, ":") && net.ParseIP(h) == nil:
		return apperr.Invalid("host must be only the host name; put the port in the port field")
	}
	return nil
}

func isSpaceOrControl(r rune) bool { return r <= ' ' || r == 0x7f }
