package app

import (
	"context"
	"errors"
	"io/fs"
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
)

// memSecrets is an in-memory profile.Secrets for service tests; the real
// keychain is covered by the keychain integration test.
type memSecrets struct {
	mu    sync.Mutex
	m     map[string]string
	unavl error
}

func newMemSecrets() *memSecrets { return &memSecrets{m: map[string]string{}} }

func (s *memSecrets) Available() error { return s.unavl }

func (s *memSecrets) Set(id, pw string) error {
	if s.unavl != nil {
		return s.unavl
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[id] = pw
	return nil
}

func (s *memSecrets) Get(id string) (string, error) {
	if s.unavl != nil {
		return "", s.unavl
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	pw, ok := s.m[id]
	if !ok {
		return "", profile.ErrNoSecret
	}
	return pw, nil
}

func (s *memSecrets) Delete(id string) error {
	if s.unavl != nil {
		return s.unavl
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.m[id]; !ok {
		return profile.ErrNoSecret
	}
	delete(s.m, id)
	return nil
}

func (s *memSecrets) has(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.m[id]
	return ok
}

type testApp struct {
	*App
	fake    *FakePlatform
	secrets *memSecrets
	dir     string
}

func newTestApp(t *testing.T) *testApp {
	t.Helper()
	fake := &FakePlatform{Answer: true}
	sec := newMemSecrets()
	dir := filepath.Join(t.TempDir(), "config")
	a := New(Options{Platform: fake, ConfigDir: dir, Secrets: sec})
	t.Cleanup(func() { a.Shutdown(context.Background()) })
	return &testApp{App: a, fake: fake, secrets: sec, dir: dir}
}

// pgServer describes the test PostgreSQL for a fresh database.
type pgServer struct {
	Host     string
	Port     int
	Database string
	User     string
	Password string
}

func newPGServer(t *testing.T) pgServer {
	t.Helper()
	pc, err := pgx.ParseConfig(pgtest.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	return pgServer{Host: pc.Host, Port: int(pc.Port), Database: pc.Database, User: pc.User, Password: pc.Password}
}

func (s pgServer) profile(name string) profile.Profile {
	return profile.Profile{Name: name, Engine: profile.EnginePostgres, Host: s.Host, Port: s.Port,
		Database: s.Database, User: s.User, SSLMode: profile.SSLDisable, ConnectTimeoutSec: 10}
}

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
	return ae
}

// assertNotInDir fails when any file under dir contains secret.
func assertNotInDir(t *testing.T, dir, secret string) {
	t.Helper()
	files := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.Contains(string(b), secret) {
			t.Errorf("%s contains the password", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files == 0 {
		t.Fatalf("no files under %s: nothing was checked", dir)
	}
}

func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// roleExists reports whether a role (or user) of that name exists on the server.
func roleExists(t *testing.T, dsn, name string) bool {
	t.Helper()
	return pgtest.QueryValue[bool](t, dsn, "SELECT count(*) = 1 FROM pg_roles WHERE rolname = $1", name)
}
