package profile

import (
	"net"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/redshiftmate/rsmate/backend/apperr"
)

// Host name suffixes of Redshift clusters and serverless workgroups.
var redshiftSuffixes = []string{
	".redshift.amazonaws.com", ".redshift-serverless.amazonaws.com",
	".redshift.amazonaws.com.cn", ".redshift-serverless.amazonaws.com.cn",
}

func isRedshiftHost(host string) bool {
	h := strings.ToLower(strings.TrimSuffix(host, "."))
	for _, s := range redshiftSuffixes {
		if strings.HasSuffix(h, s) {
			return true
		}
	}
	return false
}

const urlForms = "postgres://…, postgresql://…, jdbc:redshift://…, jdbc:postgresql://… or host:port/database"

// ParseURL reads a pasted connection string into the fields it names; fields
// it does not name stay empty (zero). A password in the string is dropped: it
// must never reach a profile, and no error quotes text from the URL (a
// malformed part may be a piece of the password). Accepted forms:
//
//	postgres://user:pw@host:5432/db?sslmode=require&connect_timeout=10
//	postgresql://…                       (same)
//	jdbc:postgresql://host:5432/db?user=u&ssl=true
//	jdbc:redshift://host:5439/dev;UID=u;ssl=true   (';' or '?' then ';' or '&')
//	jdbc:redshift:iam://host:5439/dev?DbUser=u&AutoCreate=true&DbGroups=a,b&Profile=p
//	cluster.abc123.us-east-1.redshift.amazonaws.com:5439/dev   (console endpoint)
func ParseURL(s string) (Profile, error) {
	if err := CheckText("connection URL", s, URLMaxBytes); err != nil {
		return Profile{}, err
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return Profile{}, apperr.Invalid("the connection URL is empty; paste " + urlForms)
	}
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "jdbc:redshift:iam://"):
		return parseJDBCIAM(s[len("jdbc:redshift:iam://"):])
	case strings.HasPrefix(lower, "jdbc:redshift:iam:"):
		return Profile{}, apperr.Invalid("an IAM JDBC URL starts with jdbc:redshift:iam:// followed by the endpoint")
	case strings.HasPrefix(lower, "jdbc:redshift://"):
		return parseJDBC(s[len("jdbc:redshift://"):], EngineRedshift)
	case strings.HasPrefix(lower, "jdbc:postgresql://"):
		return parseJDBC(s[len("jdbc:postgresql://"):], EnginePostgres)
	case strings.HasPrefix(lower, "postgres://"):
		return parseLibpq(s[len("postgres://"):])
	case strings.HasPrefix(lower, "postgresql://"):
		return parseLibpq(s[len("postgresql://"):])
	}
	if strings.HasPrefix(lower, "jdbc:") {
		return Profile{}, apperr.Invalid("unsupported JDBC URL; paste jdbc:redshift://… or jdbc:postgresql://…")
	}
	if i := strings.Index(s, "://"); i >= 0 {
		return Profile{}, apperr.Invalid("unknown URL scheme; paste %s", urlForms)
	}
	if keyValueRE.MatchString(s) {
		return Profile{}, apperr.Invalid("key=value connection strings are not supported; paste %s", urlForms)
	}
	return parseEndpoint(s)
}

var keyValueRE = regexp.MustCompile(`^\s*\w+\s*=\s*\S*(\s+\w+\s*=|\s*$)`)

// parseLibpq reads what follows postgres://.
func parseLibpq(rest string) (Profile, error) {
	head, query, _ := strings.Cut(rest, "?")
	if i := strings.Index(query, "#"); i >= 0 {
		query = query[:i]
	}
	p, err := parseAuthorityPath(head)
	if err != nil {
		return Profile{}, err
	}
	params, err := url.ParseQuery(query)
	if err != nil {
		// url's error quotes the offending text, which may be part of a password.
		return Profile{}, apperr.Invalid("the URL's options (after ?) are malformed: each must be name=value, %%-encoded, joined by &")
	}
	opts := lowerKeys(params)
	if err := applyCommonOptions(&p, opts, "connect_timeout"); err != nil {
		return Profile{}, err
	}
	if mode, ok := opts["sslmode"]; ok {
		if p.SSLMode, err = sslModeFromURL(mode); err != nil {
			return Profile{}, err
		}
	}
	p.Engine = EnginePostgres
	return finishParsed(p)
}

// parseJDBC reads what follows jdbc:redshift:// or jdbc:postgresql://. Redshift's
// driver separates options from the path with ';' or '?' and from each other
// with ';' or '&'; pgjdbc uses '?' and '&'.
func parseJDBC(rest string, engine Engine) (Profile, error) {
	p, opts, err := splitJDBC(rest)
	if err != nil {
		return Profile{}, err
	}
	return applyJDBCOptions(p, opts, engine)
}

// splitJDBC reads the endpoint and the options of a JDBC URL, option names in
// lower case.
func splitJDBC(rest string) (Profile, map[string]string, error) {
	cut := strings.IndexAny(rest, "?;")
	head, query := rest, ""
	if cut >= 0 {
		head, query = rest[:cut], rest[cut+1:]
	}
	p, err := parseAuthorityPath(head)
	if err != nil {
		return Profile{}, nil, err
	}
	opts := map[string]string{}
	for _, kv := range strings.FieldsFunc(query, func(r rune) bool { return r == ';' || r == '&' }) {
		k, v, ok := strings.Cut(strings.TrimSpace(kv), "=")
		if !ok || k == "" {
			return Profile{}, nil, apperr.Invalid("a JDBC option is malformed; expected name=value")
		}
		uv, err := url.QueryUnescape(v)
		if err != nil {
			return Profile{}, nil, apperr.Invalid("a JDBC option's value is badly %%-encoded")
		}
		opts[strings.ToLower(k)] = uv
	}
	return p, opts, nil
}

func applyJDBCOptions(p Profile, opts map[string]string, engine Engine) (Profile, error) {
	var err error
	if u, ok := opts["uid"]; ok && p.User == "" {
		p.User = u
	}
	if err := applyCommonOptions(&p, opts, "connecttimeout", "logintimeout"); err != nil {
		return Profile{}, err
	}
	if mode, ok := opts["sslmode"]; ok {
		if p.SSLMode, err = sslModeFromURL(mode); err != nil {
			return Profile{}, err
		}
	} else if ssl, ok := opts["ssl"]; ok {
		switch strings.ToLower(ssl) {
		case "true", "1", "yes", "on":
			// pgjdbc's ssl=true means verify-full; Redshift's certificates are
			// publicly trusted and name the endpoint, so the same holds there.
			p.SSLMode = SSLVerifyFull
		case "false", "0", "no", "off":
			p.SSLMode = SSLDisable
		default:
			return Profile{}, apperr.Invalid("the JDBC option ssl must be true or false")
		}
	} else if engine == EngineRedshift {
		p.SSLMode = SSLVerifyFull // the Redshift driver encrypts by default; verify it too
	}
	p.Engine = engine
	return finishParsed(p)
}

// parseEndpoint reads the endpoint the Redshift console shows: host:port/db.
// A bare word is accepted only as a Redshift host name, so that random text
// is not taken for a host.
func parseEndpoint(s string) (Profile, error) {
	if strings.ContainsAny(s, " \t\r\n") {
		return Profile{}, apperr.Invalid("this is not a connection URL; paste %s", urlForms)
	}
	p, err := parseAuthorityPath(s)
	if err != nil {
		return Profile{}, err
	}
	if !strings.ContainsAny(s, ":/") && !isRedshiftHost(p.Host) {
		return Profile{}, apperr.Invalid("this is not a connection URL; paste %s", urlForms)
	}
	if p.Host != "" && !hostnameRE.MatchString(p.Host) && net.ParseIP(p.Host) == nil {
		return Profile{}, apperr.Invalid("the host name in the endpoint is not valid (letters, digits, - and . only)")
	}
	return finishParsed(p)
}

var hostnameRE = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$`)

// finishParsed checks a host was found and applies what a Redshift host name implies.
func finishParsed(p Profile) (Profile, error) {
	if p.Host == "" {
		return Profile{}, apperr.Invalid("the URL names no host")
	}
	if isRedshiftHost(p.Host) {
		p.Engine = EngineRedshift
		if p.SSLMode == "" {
			p.SSLMode = SSLVerifyFull // see defaultSSLMode
		}
	}
	return p, nil
}

// parseAuthorityPath reads [user[:password]@]host[:port][/database]. The
// password is dropped.
func parseAuthorityPath(s string) (Profile, error) {
	var p Profile
	authority, path, hasPath := strings.Cut(s, "/")
	if at := strings.LastIndex(authority, "@"); at >= 0 {
		userinfo := authority[:at]
		authority = authority[at+1:]
		name, _, _ := strings.Cut(userinfo, ":")
		u, err := url.PathUnescape(name)
		if err != nil {
			return Profile{}, apperr.Invalid("the user name in the URL is badly encoded")
		}
		p.User = u
	}
	if strings.Contains(authority, ",") {
		return Profile{}, apperr.Invalid("the URL names several hosts; a profile connects to one host")
	}
	host, port, err := splitHostPort(authority)
	if err != nil {
		return Profile{}, err
	}
	p.Host, p.Port = host, port
	if hasPath {
		if strings.Contains(path, "/") {
			return Profile{}, apperr.Invalid("unexpected / after the database name in the URL")
		}
		db, err := url.PathUnescape(path)
		if err != nil {
			return Profile{}, apperr.Invalid("the database name in the URL is badly encoded")
		}
		p.Database = db
	}
	return p, nil
}

// splitHostPort accepts host, host:port, [v6] and [v6]:port.
func splitHostPort(s string) (host string, port int, err error) {
	host = s
	var portText string
	hasPort := false
	switch {
	case strings.HasPrefix(s, "["):
		end := strings.Index(s, "]")
		if end < 0 {
			return "", 0, apperr.Invalid("the IPv6 address in the URL lacks its closing ]")
		}
		host = s[1:end]
		if net.ParseIP(host) == nil {
			return "", 0, apperr.Invalid("the address in brackets in the URL is not an IPv6 address")
		}
		if after := s[end+1:]; after != "" {
			if !strings.HasPrefix(after, ":") {
				return "", 0, apperr.Invalid("unexpected text after the IPv6 address in the URL; expected :port")
			}
			portText, hasPort = after[1:], true
		}
	case strings.Count(s, ":") > 1:
		return "", 0, apperr.Invalid("put an IPv6 address in brackets, e.g. [::1]:5432")
	case strings.Contains(s, ":"):
		host, portText, hasPort = strings.Cut(s, ":")
	}
	if strings.ContainsAny(host, "[]") {
		return "", 0, apperr.Invalid("unexpected bracket in the host name of the URL")
	}
	if host, err = url.PathUnescape(host); err != nil {
		return "", 0, apperr.Invalid("the host name in the URL is badly encoded")
	}
	if strings.HasPrefix(host, "/") {
		return "", 0, apperr.Invalid("Unix-socket connections are not supported; use a TCP host name")
	}
	if !hasPort {
		return host, 0, nil
	}
	if portText == "" {
		return "", 0, apperr.Invalid("the port in the URL is empty")
	}
	port, convErr := strconv.Atoi(portText)
	if convErr != nil || port < 1 || port > 65535 {
		return "", 0, apperr.Invalid("the port in the URL is not a number from 1 to 65535")
	}
	return host, port, nil
}

// applyCommonOptions reads user, dbname and the named timeout options.
func applyCommonOptions(p *Profile, opts map[string]string, timeoutKeys ...string) error {
	if u, ok := opts["user"]; ok && p.User == "" {
		p.User = u
	}
	if db, ok := opts["dbname"]; ok && p.Database == "" {
		p.Database = db
	}
	if h, ok := opts["host"]; ok {
		if strings.HasPrefix(h, "/") {
			return apperr.Invalid("Unix-socket connections (host=/…) are not supported; use a TCP host name")
		}
		if p.Host == "" {
			p.Host = h
		}
	}
	for _, k := range timeoutKeys {
		if v, ok := opts[k]; ok {
			return applyTimeout(p, k, v)
		}
	}
	return nil
}

func applyTimeout(p *Profile, key, v string) error {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	switch {
	case err != nil || n < 0:
		return apperr.Invalid("the URL option %s is not a whole number of seconds", key)
	case n > MaxConnectTimeout:
		return apperr.Invalid("the URL option %s is more than %d seconds", key, MaxConnectTimeout)
	case n > 0:
		p.ConnectTimeoutSec = n // 0 means "wait forever": keep the default
	}
	return nil
}

func sslModeFromURL(v string) (SSLMode, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "disable":
		return SSLDisable, nil
	case "allow", "prefer":
		return "", nil // these fall back to plaintext silently; let the form choose
	case "require":
		return SSLRequire, nil
	case "verify-ca":
		return SSLVerifyCA, nil
	case "verify-full":
		return SSLVerifyFull, nil
	}
	return "", apperr.Invalid("unknown sslmode in the URL (use disable, require, verify-ca or verify-full)")
}

// lowerKeys keeps the last value of each option, keyed in lower case.
func lowerKeys(v url.Values) map[string]string {
	out := make(map[string]string, len(v))
	for k, vals := range v {
		if len(vals) > 0 {
			out[strings.ToLower(k)] = vals[len(vals)-1]
		}
	}
	return out
}

// parseJDBCIAM reads what follows jdbc:redshift:iam://: the Redshift driver's
// IAM options become the profile's AuthSettings. A serverless host name makes
// it a Serverless profile. Keys and secrets in the URL (AccessKeyID,
// SecretAccessKey, SessionToken, Password) are dropped like a password.
func parseJDBCIAM(rest string) (Profile, error) {
	if clusterRegionRE.MatchString(rest) {
		return Profile{}, apperr.Invalid("this IAM URL names a cluster and region but no endpoint; paste the endpoint form " +
			"jdbc:redshift:iam://<cluster>.<id>.<region>.redshift.amazonaws.com:5439/<database>")
	}
	p, opts, err := splitJDBC(rest)
	if err != nil {
		return Profile{}, err
	}
	a := &AuthSettings{Method: AuthIAM}
	if facts, ok := ParseRedshiftHost(p.Host); ok && facts.Serverless {
		a.Method = AuthIAMServerless
	}
	if u, ok := opts["dbuser"]; ok && p.User == "" {
		p.User = u
	}
	a.AWSProfile = opts["profile"]
	a.ClusterID = opts["clusterid"]
	a.Region = opts["region"]
	if v, ok := opts["autocreate"]; ok {
		b, ok := parseBool(v)
		if !ok {
			return Profile{}, apperr.Invalid("the JDBC option AutoCreate must be true or false")
		}
		a.AutoCreate = b
	}
	if v := opts["dbgroups"]; v != "" {
		for _, g := range strings.Split(v, ",") {
			if g = strings.TrimSpace(g); g != "" {
				a.DbGroups = append(a.DbGroups, g)
			}
		}
	}
	if a.Method == AuthIAMServerless {
		a.ClusterID, a.AutoCreate, a.DbGroups = "", false, nil
	}
	p, err = applyJDBCOptions(p, opts, EngineRedshift)
	if err != nil {
		return Profile{}, err
	}
	p.Auth = a
	return p, nil
}

// clusterRegionRE matches the driver's host-less form cluster:region[/db…].
var clusterRegionRE = regexp.MustCompile(`^(?i)[a-z][a-z0-9-]*:[a-z]{2}(-[a-z]+)+-\d+([/?;]|$)`)

func parseBool(v string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "true", "1", "yes", "on":
		return true, true
	case "false", "0", "no", "off":
		return false, true
	}
	return false, false
}
