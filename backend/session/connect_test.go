package session

import (
	"context"
	"errors"
	"net"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/pgtest"
)

// testConfig is a Config for the superuser on a fresh test database.
func testConfig(t *testing.T) Config {
	t.Helper()
	dsn := pgtest.NewDatabase(t)
	pc, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	return Config{Host: pc.Host, Port: int(pc.Port), Database: pc.Database, User: pc.User, Password: pc.Password,
		SSLMode: "disable", ConnectTimeout: 10 * time.Second, ProfileID: "p-test"}
}

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// wantCode asserts err is an apperr.Error with the code, a message and a hint.
func wantCode(t *testing.T, err error, code string) *apperr.Error {
	t.Helper()
	if err == nil {
		t.Fatalf("want %s, got no error", code)
	}
	var ae *apperr.Error
	if !errors.As(err, &ae) {
		t.Fatalf("want *apperr.Error %s, got %T %v", code, err, err)
	}
	if ae.Code != code {
		t.Fatalf("code %q (%s | %s), want %q", ae.Code, ae.Message, ae.Detail, code)
	}
	if ae.Message == "" {
		t.Errorf("%s without a message", code)
	}
	return ae
}

func assertNoSecret(t *testing.T, e *apperr.Error, secret string) {
	t.Helper()
	for _, s := range []string{e.Message, e.Detail, e.Hint, e.Error()} {
		if strings.Contains(s, secret) {
			t.Errorf("error text holds the password: %q", s)
		}
	}
}

func TestProbeIdentifiesPostgres(t *testing.T) {
	cfg := testConfig(t)
	info, err := Probe(ctxT(t), cfg)
	if err != nil {
		t.Fatal(err)
	}
	var serverVersion string
	conn, err := pgx.Connect(ctxT(t), pgtest.WithDatabase(pgtest.AdminDSN(t), cfg.Database))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	if err := conn.QueryRow(ctxT(t), "SHOW server_version").Scan(&serverVersion); err != nil {
		t.Fatal(err)
	}
	if info.Engine != Postgres {
		t.Errorf("engine %q", info.Engine)
	}
	if want := "PostgreSQL " + strings.Fields(serverVersion)[0]; info.Version != want {
		t.Errorf("version %q, want %q", info.Version, want)
	}
	if pgtest.Cluster(t) != nil && !strings.HasPrefix(info.Version, "PostgreSQL 15") {
		t.Errorf("version %q, want PostgreSQL 15 from the system binaries", info.Version)
	}
	if !strings.HasPrefix(info.FullVersion, info.Version) || !strings.Contains(info.FullVersion, " on ") {
		t.Errorf("full version %q", info.FullVersion)
	}
	if info.User != cfg.User || info.Database != cfg.Database || info.Host != cfg.Host || info.Port != cfg.Port || !info.Superuser {
		t.Errorf("info %+v for %s", info, cfg.describe())
	}
}

func TestManagerOpenListClose(t *testing.T) {
	cfg := testConfig(t)
	cfg.ReadOnly = true
	m := NewManager()
	defer m.CloseAll()
	s1, err := m.Open(ctxT(t), cfg)
	if err != nil {
		t.Fatal(err)
	}
	s2, err := m.Open(ctxT(t), cfg) // the same profile twice
	if err != nil {
		t.Fatal(err)
	}
	if s1.ID == s2.ID || s1.ProfileID != "p-test" || !s1.ReadOnly || s1.Server.Engine != Postgres {
		t.Errorf("sessions %+v %+v", s1, s2)
	}
	if n := len(m.List()); n != 2 {
		t.Errorf("List has %d sessions", n)
	}
	var app string
	if err := s1.Pool.QueryRow(ctxT(t), "SELECT current_setting('application_name')").Scan(&app); err != nil || app != "redshift-mate" {
		t.Errorf("application_name %q, %v", app, err)
	}
	got, err := m.Get(s2.ID)
	if err != nil || got != s2 {
		t.Errorf("Get: %v", err)
	}
	m.Close(s1.ID)
	if _, err := m.Get(s1.ID); err == nil || apperr.As(err).Code != "not_connected" {
		t.Errorf("Get after Close: %v", err)
	}
	if err := s1.Pool.Ping(ctxT(t)); err == nil {
		t.Error("pool still usable after Close")
	}
	if err := s2.Pool.Ping(ctxT(t)); err != nil {
		t.Errorf("closing one session closed the other: %v", err)
	}
	m.Close("unknown") // not an error
	m.CloseAll()
	if len(m.List()) != 0 {
		t.Error("CloseAll left sessions")
	}
	if err := s2.Pool.Ping(ctxT(t)); err == nil {
		t.Error("pool still usable after CloseAll")
	}
}

func TestWrongPassword(t *testing.T) {
	cfg := testConfig(t)
	cfg.Password = "Wrong-Password-123"
	_, err := Probe(ctxT(t), cfg)
	e := wantCode(t, err, "auth_failed")
	if e.Hint == "" || !strings.Contains(e.Message, cfg.User) {
		t.Errorf("auth_failed %+v", e)
	}
	assertNoSecret(t, e, cfg.Password)
}

func TestUnknownDatabase(t *testing.T) {
	cfg := testConfig(t)
	cfg.Database = "no_such_db_" + pgtest.Random(3)
	_, err := Probe(ctxT(t), cfg)
	e := wantCode(t, err, "unknown_database")
	if !strings.Contains(e.Message, cfg.Database) || e.Hint == "" {
		t.Errorf("unknown_database %+v", e)
	}
}

func TestRequireTLSAgainstServerWithoutTLS(t *testing.T) {
	if pgtest.Cluster(t) == nil {
		t.Skip("RSMATE_TEST_DSN server may have TLS")
	}
	cfg := testConfig(t)
	for _, mode := range []string{"require", "verify-full"} {
		cfg.SSLMode = mode
		_, err := Probe(ctxT(t), cfg)
		e := wantCode(t, err, "tls_unsupported")
		if !strings.Contains(e.Hint, "disable") {
			t.Errorf("%s: hint %q", mode, e.Hint)
		}
		assertNoSecret(t, e, cfg.Password)
	}
}

// silentServer accepts TCP connections and never answers.
func silentServer(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		for _, c := range conns {
			c.Close()
		}
		mu.Unlock()
	})
	return ln.Addr().(*net.TCPAddr).Port
}

func silentConfig(port int) Config {
	return Config{Host: "127.0.0.1", Port: port, Database: "dev", User: "u", Password: "pw-not-in-errors",
		SSLMode: "disable", ConnectTimeout: time.Second}
}

func TestConnectTimeout(t *testing.T) {
	for _, mode := range []string{"disable", "require"} {
		cfg := silentConfig(silentServer(t))
		cfg.SSLMode = mode
		start := time.Now()
		_, err := Probe(ctxT(t), cfg)
		took := time.Since(start)
		e := wantCode(t, err, "timeout")
		if took < 900*time.Millisecond || took > 5*time.Second {
			t.Errorf("%s: timed out after %v, want about 1s", mode, took)
		}
		if !strings.Contains(e.Message, "127.0.0.1:"+strconv.Itoa(cfg.Port)) || e.Hint == "" {
			t.Errorf("%s: timeout %+v", mode, e)
		}
		assertNoSecret(t, e, cfg.Password)
	}
}

func TestCancelSlowConnect(t *testing.T) {
	cfg := silentConfig(silentServer(t))
	cfg.ConnectTimeout = 30 * time.Second
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	start := time.Now()
	m := NewManager()
	_, err := m.Open(ctx, cfg)
	wantCode(t, err, "canceled")
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("cancel took %v", took)
	}
	if len(m.List()) != 0 {
		t.Error("a cancelled connect registered a session")
	}
}

func TestConnectionRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	cfg := silentConfig(port)
	_, err = Probe(ctxT(t), cfg)
	e := wantCode(t, err, "connection_refused")
	if !strings.Contains(e.Message, strconv.Itoa(port)) || e.Hint == "" {
		t.Errorf("connection_refused %+v", e)
	}
}

func TestUnknownHost(t *testing.T) {
	cfg := silentConfig(5439)
	cfg.Host = "no-such-host-" + pgtest.Random(3) + ".invalid"
	cfg.ConnectTimeout = 10 * time.Second
	_, err := Probe(ctxT(t), cfg)
	e := wantCode(t, err, "host_not_found")
	if !strings.Contains(e.Message, cfg.Host) || e.Hint == "" {
		t.Errorf("host_not_found %+v", e)
	}
}

func TestInvalidConfigFailsBeforeNetwork(t *testing.T) {
	cases := []struct {
		edit func(*Config)
		want string
	}{
		{func(c *Config) { c.Host = "" }, "host is required"},
		{func(c *Config) { c.Port = 0 }, "port 0 is out of range"},
		{func(c *Config) { c.User = "" }, "user is required"},
		{func(c *Config) { c.Database = "" }, "database is required"},
		{func(c *Config) { c.SSLMode = "prefer" }, `unknown SSL mode "prefer"`},
		{func(c *Config) { c.SSLMode, c.CAFile = "verify-full", "/nonexistent/ca.pem" }, "cannot read the CA file"},
	}
	for _, c := range cases {
		cfg := silentConfig(1)
		c.edit(&cfg)
		_, err := Probe(ctxT(t), cfg)
		if err == nil || !strings.Contains(apperr.As(err).Message, c.want) {
			t.Errorf("want %q, got %v", c.want, err)
		}
	}
}
