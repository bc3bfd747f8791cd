package sshtunnel_test

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/pgtest"
	"github.com/redshiftmate/rsmate/backend/session"
	"github.com/redshiftmate/rsmate/backend/sshtunnel"
	"github.com/redshiftmate/rsmate/backend/sshtunnel/sshdtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// dbConfig is a session config for a fresh test database, to be reached
// through a tunnel opened with tc.
func dbConfig(t *testing.T, tc sshtunnel.Config) session.Config {
	t.Helper()
	pc, err := pgx.ParseConfig(pgtest.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	return session.Config{Host: pc.Host, Port: int(pc.Port), Database: pc.Database, User: pc.User, Password: pc.Password,
		SSLMode: "disable", ConnectTimeout: 10 * time.Second, ProfileID: "p-ssh",
		OpenTunnel: func(ctx context.Context) (session.Tunnel, error) { return sshtunnel.Open(ctx, tc) }}
}

// trusting returns host keys that already know srv (a known_hosts file of the user's).
func trusting(t *testing.T, srvs ...*sshdtest.Server) sshtunnel.HostKeys {
	f := filepath.Join(t.TempDir(), "known_hosts")
	var lines []string
	for _, s := range srvs {
		lines = append(lines, s.KnownHostsLine())
	}
	if err := os.WriteFile(f, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return sshtunnel.HostKeys{Files: []string{f}, AppFile: filepath.Join(t.TempDir(), "app_known_hosts"),
		Confirm: func(host, _, _ string) (bool, error) {
			t.Errorf("asked to confirm %s, a known host", host)
			return false, nil
		}}
}

func hop(s *sshdtest.Server) sshtunnel.Hop {
	return sshtunnel.Hop{Host: s.Host, Port: s.Port, User: s.User}
}

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// connectAndCount opens a session through the tunnel, checks that queries
// run, and returns how many connections sshd accepted with method.
func openQueryClose(t *testing.T, cfg session.Config) {
	t.Helper()
	m := session.NewManager()
	s, err := m.Open(ctxT(t), cfg)
	if err != nil {
		t.Fatalf("open through the tunnel: %v", err)
	}
	var db string
	if err := s.Pool.QueryRow(ctxT(t), "SELECT current_database()::text").Scan(&db); err != nil || db != cfg.Database {
		t.Fatalf("query through the tunnel: %q, %v; want %q", db, err, cfg.Database)
	}
	m.Close(s.ID)
}

func wantCode(t *testing.T, err error, code string) *apperr.Error {
	t.Helper()
	var ae *apperr.Error
	if !errors.As(err, &ae) || ae.Code != code {
		t.Fatalf("error %v (%T), want code %s", err, err, code)
	}
	if ae.Message == "" || ae.Hint == "" && !strings.HasPrefix(code, "ssh_host_key_changed") {
		t.Errorf("error %s lacks a message or hint: %+v", code, ae)
	}
	return ae
}

func TestKeyFileTunnelCarriesPostgresSession(t *testing.T) {
	srv := sshdtest.Start(t, sshdtest.Options{})
	openQueryClose(t, dbConfig(t, sshtunnel.Config{Hops: []sshtunnel.Hop{hop(srv)}, Auth: sshtunnel.AuthKey,
		KeyFile: srv.KeyFile, HostKeys: trusting(t, srv)}))
	srv.WaitLog(t, "Accepted publickey for "+srv.User, 1, 5*time.Second)
}

func TestEncryptedKeyOpensOnlyWithItsPassphrase(t *testing.T) {
	srv := sshdtest.Start(t, sshdtest.Options{})
	base := sshtunnel.Config{Hops: []sshtunnel.Hop{hop(srv)}, Auth: sshtunnel.AuthKey, KeyFile: srv.EncryptedKeyFile, HostKeys: trusting(t, srv)}

	_, err := sshtunnel.Open(ctxT(t), base)
	ae := wantCode(t, err, "ssh_key_passphrase_required")
	if !strings.Contains(ae.Message, srv.EncryptedKeyFile) {
		t.Errorf("message %q does not name the key file", ae.Message)
	}
	wrong := base
	wrong.Passphrase = "not it"
	_, err = sshtunnel.Open(ctxT(t), wrong)
	ae = wantCode(t, err, "ssh_key_passphrase_wrong")
	if strings.Contains(ae.Error(), "not it") {
		t.Errorf("the error echoes the passphrase: %v", ae)
	}
	right := base
	right.Passphrase = srv.Passphrase
	openQueryClose(t, dbConfig(t, right))
}

// serveAgent serves an in-process agent keyring on a unix socket.
func serveAgent(t *testing.T, keyring agent.Agent) string {
	t.Helper()
	sock := filepath.Join(t.TempDir(), "agent.sock")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	t.Cleanup(func() { ln.Close(); wg.Wait() })
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() { defer wg.Done(); _ = agent.ServeAgent(keyring, c); c.Close() }()
		}
	}()
	return sock
}

func TestAgentKeysAuthenticate(t *testing.T) {
	srv := sshdtest.Start(t, sshdtest.Options{})
	keyring := agent.NewKeyring()
	sock := serveAgent(t, keyring)
	cfg := sshtunnel.Config{Hops: []sshtunnel.Hop{hop(srv)}, Auth: sshtunnel.AuthAgent, AgentSocket: sock, HostKeys: trusting(t, srv)}

	// An empty agent has nothing the server accepts.
	_, err := sshtunnel.Open(ctxT(t), cfg)
	ae := wantCode(t, err, "ssh_auth_failed")
	if !strings.Contains(ae.Message, srv.Addr()) || !strings.Contains(ae.Message, srv.User) {
		t.Errorf("message %q does not name the server and user", ae.Message)
	}
	raw, err := ssh.ParseRawPrivateKey(mustRead(t, srv.KeyFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := keyring.Add(agent.AddedKey{PrivateKey: raw}); err != nil {
		t.Fatal(err)
	}
	openQueryClose(t, dbConfig(t, cfg))
	srv.WaitLog(t, "Accepted publickey for "+srv.User, 1, 5*time.Second)
}

func TestAgentMissingIsNamed(t *testing.T) {
	t.Setenv("SSH_AUTH_SOCK", "")
	_, err := sshtunnel.Open(ctxT(t), sshtunnel.Config{Hops: []sshtunnel.Hop{{Host: "127.0.0.1", Port: 1, User: "x"}}, Auth: sshtunnel.AuthAgent})
	wantCode(t, err, "ssh_agent_unavailable")
}

func TestPasswordAuthentication(t *testing.T) {
	const user, pw = "rsmate_sshtest", "tunnel-pw-Q7"
	srv := sshdtest.Start(t, sshdtest.Options{PasswordUser: user, Password: pw})
	h := sshtunnel.Hop{Host: srv.Host, Port: srv.Port, User: user}
	cfg := sshtunnel.Config{Hops: []sshtunnel.Hop{h}, Auth: sshtunnel.AuthPassword, Password: "wrong", HostKeys: trusting(t, srv)}
	_, err := sshtunnel.Open(ctxT(t), cfg)
	ae := wantCode(t, err, "ssh_auth_failed")
	if !strings.Contains(ae.Message, "password") || strings.Contains(ae.Error(), "wrong") {
		t.Errorf("message %q should say the password was refused, without it", ae.Error())
	}
	cfg.Password = pw
	openQueryClose(t, dbConfig(t, cfg))
	srv.WaitLog(t, "Accepted password for "+user, 1, 5*time.Second)
}

// A chain: the first sshd is the jump host, the second the bastion, reached
// from the first (both on loopback).
func TestJumpHostChainReachesBastion(t *testing.T) {
	jump := sshdtest.Start(t, sshdtest.Options{})
	bastion := sshdtest.Start(t, sshdtest.Options{})
	// Both accept the jump host's user key, as they would with one key deployed.
	bastion.AuthorizeAlso(t, jump.Signer.PublicKey())
	cfg := sshtunnel.Config{Hops: []sshtunnel.Hop{hop(jump), hop(bastion)}, Auth: sshtunnel.AuthKey, KeyFile: jump.KeyFile,
		HostKeys: trusting(t, jump, bastion)}
	db := dbConfig(t, cfg)
	openQueryClose(t, db)
	jump.WaitLog(t, "Accepted publickey", 1, 5*time.Second)
	bastion.WaitLog(t, "Accepted publickey", 1, 5*time.Second)
	// The jump host forwarded to the bastion, the bastion to PostgreSQL.
	jump.WaitLog(t, "target 127.0.0.1 port "+itoa(bastion.Port), 1, 5*time.Second)
	bastion.WaitLog(t, "target "+db.Host+" port "+itoa(db.Port), 1, 5*time.Second)
}

func TestChangedHostKeyIsRefusedNamingBothFingerprints(t *testing.T) {
	srv := sshdtest.Start(t, sshdtest.Options{})
	other, _ := sshdtest.NewKey(t)
	kh := filepath.Join(t.TempDir(), "known_hosts")
	line := strings.Replace(srv.KnownHostsLine(), strings.TrimSpace(string(ssh.MarshalAuthorizedKey(srv.HostKey))),
		strings.TrimSpace(string(ssh.MarshalAuthorizedKey(other))), 1)
	if err := os.WriteFile(kh, []byte(line+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	asked := 0
	hk := sshtunnel.HostKeys{Files: []string{kh}, AppFile: filepath.Join(t.TempDir(), "app_known_hosts"),
		Confirm: func(string, string, string) (bool, error) { asked++; return true, nil }}
	_, err := sshtunnel.Open(ctxT(t), sshtunnel.Config{Hops: []sshtunnel.Hop{hop(srv)}, Auth: sshtunnel.AuthKey, KeyFile: srv.KeyFile, HostKeys: hk})
	ae := wantCode(t, err, "ssh_host_key_changed")
	for _, want := range []string{srv.Addr(), ssh.FingerprintSHA256(srv.HostKey), ssh.FingerprintSHA256(other)} {
		if !strings.Contains(ae.Message, want) {
			t.Errorf("message %q does not name %s", ae.Message, want)
		}
	}
	if asked != 0 {
		t.Errorf("a changed key was offered for confirmation %d times; it must be refused outright", asked)
	}
	if _, err := os.Stat(hk.AppFile); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the app known_hosts was written after a refusal: %v", err)
	}
	if n := srv.CountLog("Accepted"); n != 0 {
		t.Errorf("the client authenticated to a host with a changed key (%d logins)", n)
	}
}

func TestFirstUseAsksAndSavesAcceptedKey(t *testing.T) {
	srv := sshdtest.Start(t, sshdtest.Options{})
	app := filepath.Join(t.TempDir(), "cfg", "known_hosts")
	var asked []string
	hk := sshtunnel.HostKeys{Files: []string{filepath.Join(t.TempDir(), "missing_known_hosts")}, AppFile: app,
		Confirm: func(host, typ, fp string) (bool, error) { asked = append(asked, host+" "+typ+" "+fp); return true, nil }}
	cfg := sshtunnel.Config{Hops: []sshtunnel.Hop{hop(srv)}, Auth: sshtunnel.AuthKey, KeyFile: srv.KeyFile, HostKeys: hk}
	openQueryClose(t, dbConfig(t, cfg))
	want := srv.Addr() + " ssh-ed25519 " + ssh.FingerprintSHA256(srv.HostKey)
	if len(asked) != 1 || asked[0] != want {
		t.Fatalf("confirmations %q, want one for %q", asked, want)
	}
	data := string(mustRead(t, app))
	if strings.TrimSpace(data) != srv.KnownHostsLine() {
		t.Errorf("app known_hosts = %q, want %q", data, srv.KnownHostsLine())
	}
	// The saved key is trusted next time without asking.
	openQueryClose(t, dbConfig(t, cfg))
	if len(asked) != 1 {
		t.Errorf("asked again for a saved key: %q", asked)
	}
}

func TestFirstUseDeclinedIsRefused(t *testing.T) {
	srv := sshdtest.Start(t, sshdtest.Options{})
	app := filepath.Join(t.TempDir(), "known_hosts")
	hk := sshtunnel.HostKeys{AppFile: app, Confirm: func(string, string, string) (bool, error) { return false, nil }}
	_, err := sshtunnel.Open(ctxT(t), sshtunnel.Config{Hops: []sshtunnel.Hop{hop(srv)}, Auth: sshtunnel.AuthKey, KeyFile: srv.KeyFile, HostKeys: hk})
	ae := wantCode(t, err, "ssh_host_key_rejected")
	if !strings.Contains(ae.Message, srv.Addr()) || !strings.Contains(ae.Message, ssh.FingerprintSHA256(srv.HostKey)) {
		t.Errorf("message %q does not name the host and fingerprint", ae.Message)
	}
	if _, err := os.Stat(app); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a declined key was saved: %v", err)
	}
	// Without a way to ask, an unknown key is refused too.
	hk.Confirm = nil
	_, err = sshtunnel.Open(ctxT(t), sshtunnel.Config{Hops: []sshtunnel.Hop{hop(srv)}, Auth: sshtunnel.AuthKey, KeyFile: srv.KeyFile, HostKeys: hk})
	wantCode(t, err, "ssh_host_key_rejected")
}

func TestUnauthorizedKeyIsRefused(t *testing.T) {
	srv := sshdtest.Start(t, sshdtest.Options{})
	_, pem := sshdtest.NewKey(t)
	kf := filepath.Join(t.TempDir(), "id")
	if err := os.WriteFile(kf, pem, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := sshtunnel.Open(ctxT(t), sshtunnel.Config{Hops: []sshtunnel.Hop{hop(srv)}, Auth: sshtunnel.AuthKey, KeyFile: kf, HostKeys: trusting(t, srv)})
	ae := wantCode(t, err, "ssh_auth_failed")
	if !strings.Contains(ae.Message, "the key") || !strings.Contains(ae.Message, srv.User) {
		t.Errorf("message %q", ae.Message)
	}
}

func TestUnreachableBastionIsNamed(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().(*net.TCPAddr)
	ln.Close() // nothing listens there now
	kf := sshdtest.Start(t, sshdtest.Options{}).KeyFile
	_, err = sshtunnel.Open(ctxT(t), sshtunnel.Config{Hops: []sshtunnel.Hop{{Host: "127.0.0.1", Port: addr.Port, User: "u"}},
		Auth: sshtunnel.AuthKey, KeyFile: kf})
	ae := wantCode(t, err, "ssh_unreachable")
	if !strings.Contains(ae.Message, addr.String()) {
		t.Errorf("message %q does not name %s", ae.Message, addr)
	}
}

func TestUnreadableKeyFileIsNamed(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no_such_key")
	_, err := sshtunnel.Open(ctxT(t), sshtunnel.Config{Hops: []sshtunnel.Hop{{Host: "127.0.0.1", Port: 22, User: "u"}},
		Auth: sshtunnel.AuthKey, KeyFile: missing})
	ae := wantCode(t, err, "ssh_key_unreadable")
	if !strings.Contains(ae.Message, missing) {
		t.Errorf("message %q does not name the file", ae.Message)
	}
}

func TestForwardToClosedPortIsNamed(t *testing.T) {
	srv := sshdtest.Start(t, sshdtest.Options{})
	cfg := dbConfig(t, sshtunnel.Config{Hops: []sshtunnel.Hop{hop(srv)}, Auth: sshtunnel.AuthKey, KeyFile: srv.KeyFile, HostKeys: trusting(t, srv)})
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	cfg.Port = ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	_, err := session.NewManager().Open(ctxT(t), cfg)
	ae := wantCode(t, err, "ssh_forward_failed")
	if !strings.Contains(ae.Message, srv.Addr()) || !strings.Contains(ae.Message, itoa(cfg.Port)) {
		t.Errorf("message %q does not name the bastion and the database address", ae.Message)
	}
}

// Closing the session closes its tunnel: the goroutines end, sshd logs the
// disconnect, and nothing more can be dialed through it.
func TestTunnelClosesWithSession(t *testing.T) {
	srv := sshdtest.Start(t, sshdtest.Options{})
	tc := sshtunnel.Config{Hops: []sshtunnel.Hop{hop(srv)}, Auth: sshtunnel.AuthKey, KeyFile: srv.KeyFile, HostKeys: trusting(t, srv),
		Keepalive: 50 * time.Millisecond}
	var tun *sshtunnel.Tunnel
	cfg := dbConfig(t, tc)
	cfg.OpenTunnel = func(ctx context.Context) (session.Tunnel, error) {
		var err error
		tun, err = sshtunnel.Open(ctx, tc)
		return tun, err
	}
	before := runtime.NumGoroutine()
	m := session.NewManager()
	s, err := m.Open(ctxT(t), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Pool.Ping(ctxT(t)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond) // a few keepalives go by
	srv.WaitLog(t, "Accepted publickey", 1, 5*time.Second)
	if srv.CountLog("Closing connection to") != 0 {
		t.Fatalf("sshd saw a disconnect while the session was open:\n%s", srv.Log())
	}
	m.Close(s.ID)
	srv.WaitSessionsClosed(t, 1, 15*time.Second)
	if _, err := tun.DialContext(ctxT(t), "tcp", "127.0.0.1:1"); err == nil {
		t.Error("the tunnel still dials after the session closed")
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines before the session, %d after it closed:\n%s", before, n, buf[:runtime.Stack(buf, true)])
	}
}

func mustRead(t *testing.T, p string) []byte {
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func itoa(n int) string { return strconv.Itoa(n) }

// The user may take longer to compare a fingerprint than a handshake may
// last: the question is asked outside the hop's timeout. Without an app
// known_hosts the accepted key holds for this tunnel only.
func TestFirstUseQuestionMayOutlastTheHandshakeTimeout(t *testing.T) {
	srv := sshdtest.Start(t, sshdtest.Options{})
	hk := sshtunnel.HostKeys{Confirm: func(string, string, string) (bool, error) {
		time.Sleep(1500 * time.Millisecond)
		return true, nil
	}}
	tun, err := sshtunnel.Open(ctxT(t), sshtunnel.Config{Hops: []sshtunnel.Hop{hop(srv)}, Auth: sshtunnel.AuthKey, KeyFile: srv.KeyFile,
		HostKeys: hk, Timeout: time.Second})
	if err != nil {
		t.Fatalf("open after a slow answer: %v", err)
	}
	tun.Close()
}

// A database switch keeps the session's tunnel (one SSH login for both
// pools); closing the switched session closes it.
func TestDatabaseSwitchReusesTheTunnelAndCloseEndsIt(t *testing.T) {
	srv := sshdtest.Start(t, sshdtest.Options{})
	cfg := dbConfig(t, sshtunnel.Config{Hops: []sshtunnel.Hop{hop(srv)}, Auth: sshtunnel.AuthKey, KeyFile: srv.KeyFile, HostKeys: trusting(t, srv)})
	other, err := pgx.ParseConfig(pgtest.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	m := session.NewManager()
	s, err := m.Open(ctxT(t), cfg)
	if err != nil {
		t.Fatal(err)
	}
	s, err = m.SwitchDatabase(ctxT(t), s.ID, other.Database)
	if err != nil {
		t.Fatalf("switch through the tunnel: %v", err)
	}
	var db string
	if err := s.Pool.QueryRow(ctxT(t), "SELECT current_database()::text").Scan(&db); err != nil || db != other.Database {
		t.Fatalf("after the switch: %q, %v; want %q", db, err, other.Database)
	}
	if n := srv.CountLog("Accepted publickey"); n != 1 {
		t.Errorf("%d SSH logins for one session, want 1", n)
	}
	m.Close(s.ID)
	srv.WaitSessionsClosed(t, 1, 15*time.Second)
}
