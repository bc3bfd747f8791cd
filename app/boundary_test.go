package app

import (
	"errors"
	"net"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/redshiftmate/rsmate/backend/profile"
)

// countingListener accepts TCP connections on addr and counts them: a Test
// that sends a stored password anywhere must dial first.
func countingListener(t *testing.T, addr string) (port int, accepted *atomic.Int32) {
	t.Helper()
	port, accepted, err := tryCountingListener(t, addr)
	if err != nil {
		t.Fatalf("cannot listen on %s: %v", addr, err)
	}
	return port, accepted
}

// tryCountingListener is countingListener for an address that may not exist
// on every system (127.0.0.2 is not configured on macOS).
func tryCountingListener(t *testing.T, addr string) (port int, accepted *atomic.Int32, err error) {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return 0, nil, err
	}
	t.Cleanup(func() { ln.Close() })
	accepted = &atomic.Int32{}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			accepted.Add(1)
			c.Close()
		}
	}()
	return ln.Addr().(*net.TCPAddr).Port, accepted, nil
}

// A stored password goes only to the saved server: a Test that changes where
// or how it connects is refused before any dial, naming the changed fields
// (never their values), while the unchanged profile connects to the real
// server with the keychain's password.
func TestTestSendsStoredPasswordOnlyToTheSavedServer(t *testing.T) {
	a := newTestApp(t)
	srv := newPGServer(t)
	v, err := a.Profiles.Save(SaveProfileRequest{Profile: srv.profile("Saved"), Password: srv.Password, SetPassword: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Sessions.Test(TestRequest{Profile: v.Profile, UseStoredPassword: true}); err != nil {
		t.Fatalf("the saved profile itself: %v", err)
	}

	otherPort, portHits := countingListener(t, "127.0.0.1:0")
	// The same port on another loopback address: only the host differs.
	_, hostHits, hostErr := tryCountingListener(t, "127.0.0.2:"+strconv.Itoa(srv.Port))

	cases := []struct {
		name    string
		edit    func(*profile.Profile)
		changed string
		hits    *atomic.Int32
	}{
		{"host", func(p *profile.Profile) { p.Host = "127.0.0.2" }, "host", hostHits},
		{"port", func(p *profile.Profile) { p.Port = otherPort }, "port", portHits},
		{"host and port", func(p *profile.Profile) { p.Host, p.Port = "localhost", otherPort }, "host, port", portHits},
		{"user", func(p *profile.Profile) { p.User = "someone_else" }, "user", nil},
		{"database", func(p *profile.Profile) { p.Database = "postgres" }, "database", nil},
		{"SSL mode", func(p *profile.Profile) { p.SSLMode = profile.SSLRequire }, "SSL mode", nil},
		{"CA file", func(p *profile.Profile) { p.SSLMode, p.CAFile = profile.SSLVerifyCA, "/tmp/ca.pem" }, "SSL mode, CA file", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.name == "host" && hostErr != nil {
				t.Skipf("no second loopback address here: %v", hostErr)
			}
			p := v.Profile
			c.edit(&p)
			_, err := a.Sessions.Test(TestRequest{Profile: p, UseStoredPassword: true})
			e := wantCode(t, err, "password_required")
			if !strings.HasSuffix(e.Message, "this test changes the "+c.changed) {
				t.Errorf("message %q does not name exactly %q", e.Message, c.changed)
			}
			if strings.Contains(e.Message+e.Hint, "127.0.0.2") || strings.Contains(e.Message+e.Hint, "someone_else") {
				t.Errorf("message echoes the new value: %q", e.Message)
			}
			if c.hits != nil && c.hits.Load() != 0 {
				t.Errorf("%d connection(s) reached the changed target", c.hits.Load())
			}
		})
	}

	// The same changes with a typed password are the user's to make.
	p := v.Profile
	p.Port = otherPort
	p.ConnectTimeoutSec = 2
	_, _ = a.Sessions.Test(TestRequest{Profile: p, Password: "typed"})
	if portHits.Load() == 0 {
		t.Error("a typed password did not reach the changed port: the listener proves nothing")
	}
	// A host differing only in letter case is the same server.
	p = v.Profile
	p.Host = strings.ToUpper(srv.Host)
	if _, err := a.Sessions.Test(TestRequest{Profile: p, UseStoredPassword: true}); err != nil && strings.Contains(err.Error(), "changes the") {
		t.Errorf("case-only host change refused: %v", err)
	}
}

// Neither an unsaved profile nor a forged sandbox flag unlocks a stored password.
func TestTestStoredPasswordNeedsASavedProfile(t *testing.T) {
	a := newTestApp(t)
	port, hits := countingListener(t, "127.0.0.1:0")
	p := profile.Profile{Name: "x", Engine: profile.EnginePostgres, Host: "127.0.0.1", Port: port,
		Database: "d", User: "u", SSLMode: profile.SSLDisable, Sandbox: true}
	_, err := a.Sessions.Test(TestRequest{Profile: p, UseStoredPassword: true})
	wantCode(t, err, "password_required")
	p.ID = "sandbox"
	_, err = a.Sessions.Test(TestRequest{Profile: p, UseStoredPassword: true})
	wantCode(t, err, "not_found")
	if hits.Load() != 0 {
		t.Errorf("%d connection(s) made", hits.Load())
	}
}

// Oversized request strings are refused before use, without being echoed.
func TestSessionRequestsRefuseOversizedText(t *testing.T) {
	a := newTestApp(t)
	port, hits := countingListener(t, "127.0.0.1:0")
	p := profile.Profile{Name: "x", Engine: profile.EnginePostgres, Host: "127.0.0.1", Port: port,
		Database: "d", User: "u", SSLMode: profile.SSLDisable}
	huge := "Qx7" + strings.Repeat("p", profile.PasswordMaxBytes)
	_, err := a.Sessions.Test(TestRequest{Profile: p, Password: huge})
	e := wantCode(t, err, profile.CodeTooLong)
	if !strings.Contains(e.Message, "password") || strings.Contains(e.Error(), "Qx7") {
		t.Errorf("message %q", e.Message)
	}
	big := p
	big.Database = strings.Repeat("d", profile.DatabaseMaxBytes+1)
	_, err = a.Sessions.Test(TestRequest{Profile: big, Password: "pw"})
	wantCode(t, err, profile.CodeTooLong)
	_, err = a.Sessions.Test(TestRequest{Profile: p, Password: "pw", AttemptID: strings.Repeat("a", 65)})
	wantCode(t, err, profile.CodeTooLong)
	if hits.Load() != 0 {
		t.Errorf("%d connection(s) made", hits.Load())
	}
	_, err = a.Sessions.Connect(ConnectRequest{ProfileID: strings.Repeat("i", 65)})
	wantCode(t, err, profile.CodeTooLong)
	_, err = a.Sessions.Connect(ConnectRequest{ProfileID: "x", Password: huge})
	wantCode(t, err, profile.CodeTooLong)
	_, err = a.Profiles.Save(SaveProfileRequest{Profile: p, Password: huge, SetPassword: true})
	wantCode(t, err, profile.CodeTooLong)
	_, err = a.Profiles.Delete(strings.Repeat("i", 65))
	wantCode(t, err, profile.CodeTooLong)
}

// countingSecrets counts the secret reads that pass through it.
type countingSecrets struct {
	profile.Secrets
	gets atomic.Int32
}

func (c *countingSecrets) Get(id string) (string, error) {
	c.gets.Add(1)
	return c.Secrets.Get(id)
}

// Listing profiles reads no secret: whether a password is saved comes from
// the store's flag, written when the password is saved or forgotten.
func TestProfilesListReadsNoSecrets(t *testing.T) {
	sec := &countingSecrets{Secrets: newMemSecrets()}
	a := New(Options{Platform: &FakePlatform{Answer: true}, ConfigDir: t.TempDir(), Secrets: sec})
	defer a.Shutdown(t.Context())
	const n = 6
	ids := make([]string, n)
	for i := range n {
		pw := ""
		if i%2 == 0 {
			pw = "pw-" + strconv.Itoa(i)
		}
		v, err := a.Profiles.Save(SaveProfileRequest{Profile: rsProfile("P" + strconv.Itoa(i)), Password: pw, SetPassword: pw != ""})
		if err != nil {
			t.Fatal(err)
		}
		ids[i] = v.ID
	}
	sec.gets.Store(0)
	list, err := a.Profiles.List()
	if err != nil || len(list) != n {
		t.Fatalf("List = %d profiles, %v", len(list), err)
	}
	if got := sec.gets.Load(); got != 0 {
		t.Errorf("List read %d secrets from the keychain, want 0", got)
	}
	for i, v := range list {
		if v.HasPassword != (i%2 == 0) {
			t.Errorf("%s: hasPassword %v", v.Name, v.HasPassword)
		}
	}
}

// A save that points a profile at another server without typing a password
// forgets the saved one, so a later Connect cannot carry it there; a save that
// changes only the name keeps it.
func TestSaveToAnotherServerForgetsTheSavedPassword(t *testing.T) {
	sec := newMemSecrets()
	a := New(Options{Platform: &FakePlatform{Answer: true}, ConfigDir: t.TempDir(), Secrets: sec})
	defer a.Shutdown(t.Context())
	v, err := a.Profiles.Save(SaveProfileRequest{Profile: rsProfile("Prod"), Password: "s3cret", SetPassword: true})
	if err != nil || !v.HasPassword {
		t.Fatalf("save with password: %+v, %v", v, err)
	}
	renamed := v.Profile
	renamed.Name = "Production"
	if v, err = a.Profiles.Save(SaveProfileRequest{Profile: renamed}); err != nil || !v.HasPassword || v.PasswordForgotten {
		t.Fatalf("rename only: %+v, %v; want the password kept", v, err)
	}
	if pw, err := sec.Get(v.ID); err != nil || pw != "s3cret" {
		t.Fatalf("keychain after a rename: %q, %v", pw, err)
	}
	moved := v.Profile
	moved.Host = "attacker.example.com"
	if v, err = a.Profiles.Save(SaveProfileRequest{Profile: moved}); err != nil || v.HasPassword || !v.PasswordForgotten {
		t.Fatalf("save to another host: %+v, %v; want the password forgotten", v, err)
	}
	if _, err := sec.Get(v.ID); !errors.Is(err, profile.ErrNoSecret) {
		t.Fatalf("keychain still holds the password after the host changed: %v", err)
	}
	// Connect now has no password to send and says so before dialling.
	if _, err := a.Sessions.Connect(ConnectRequest{ProfileID: v.ID}); err == nil || !strings.Contains(strings.ToLower(err.Error()), "password") {
		t.Fatalf("connect after the retarget: %v; want a password request", err)
	}
}
