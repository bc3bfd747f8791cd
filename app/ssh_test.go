package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/redshiftmate/rsmate/backend/profile"
	"github.com/redshiftmate/rsmate/backend/sshtunnel/sshdtest"
)

// sshProfile is a profile of the test PostgreSQL reached through srv with
// the encrypted key (its passphrase goes to the keychain on save).
func sshProfile(t *testing.T, srv *sshdtest.Server, name string) (profile.Profile, string) {
	t.Helper()
	t.Setenv("HOME", t.TempDir()) // no known_hosts of the machine's user
	db := newPGServer(t)
	p := db.profile(name)
	p.SSH = &profile.SSHTunnel{Host: srv.Host, Port: srv.Port, User: srv.User, Auth: profile.SSHAuthKey, KeyFile: srv.EncryptedKeyFile}
	return p, db.Password
}

func TestSSHProfileConnectsWithKeychainPassphraseAndTrustsHostKeyOnFirstUse(t *testing.T) {
	srv := sshdtest.Start(t, sshdtest.Options{})
	a := newTestApp(t)
	p, dbPassword := sshProfile(t, srv, "Through bastion")
	v, err := a.Profiles.Save(SaveProfileRequest{Profile: p, Password: dbPassword, SetPassword: true,
		SSHSecret: srv.Passphrase, SetSSHSecret: true})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := a.secrets.Get(v.ID + ":ssh-passphrase"); got != srv.Passphrase {
		t.Fatalf("keychain entry %s:ssh-passphrase does not hold the passphrase", v.ID)
	}
	assertNotInDir(t, a.dir, srv.Passphrase)

	si, err := a.Sessions.Connect(ConnectRequest{ProfileID: v.ID})
	if err != nil {
		t.Fatalf("connect through the tunnel: %v", err)
	}
	if si.Server.Host != p.Host || si.Server.Database != p.Database {
		t.Errorf("server %+v, want the database host %s", si.Server, p.Host)
	}
	if len(a.fake.Confirms) != 1 || !strings.Contains(a.fake.Confirms[0], srv.Addr()) {
		t.Fatalf("confirmations %q, want one naming %s", a.fake.Confirms, srv.Addr())
	}
	kh, err := os.ReadFile(filepath.Join(a.dir, "known_hosts"))
	if err != nil || strings.TrimSpace(string(kh)) != srv.KnownHostsLine() {
		t.Fatalf("app known_hosts %q, %v; want %q", kh, err, srv.KnownHostsLine())
	}
	if err := a.Sessions.Disconnect(si.ID); err != nil {
		t.Fatal(err)
	}
	srv.WaitSessionsClosed(t, 1, 15*time.Second)

	// The accepted key is trusted from now on.
	si, err = a.Sessions.Connect(ConnectRequest{ProfileID: v.ID})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Sessions.Disconnect(si.ID)
	if len(a.fake.Confirms) != 1 {
		t.Errorf("asked again about a remembered host key: %q", a.fake.Confirms)
	}
}

func TestSSHHostKeyDeclinedRefusesConnect(t *testing.T) {
	srv := sshdtest.Start(t, sshdtest.Options{})
	a := newTestApp(t)
	a.fake.Answer = false
	p, dbPassword := sshProfile(t, srv, "Declined")
	v, err := a.Profiles.Save(SaveProfileRequest{Profile: p, Password: dbPassword, SetPassword: true,
		SSHSecret: srv.Passphrase, SetSSHSecret: true})
	if err != nil {
		t.Fatal(err)
	}
	_, err = a.Sessions.Connect(ConnectRequest{ProfileID: v.ID})
	wantCode(t, err, "ssh_host_key_rejected")
	if n := len(a.sessions.List()); n != 0 {
		t.Errorf("%d sessions open after a refused host key", n)
	}
	if n := srv.CountLog("Accepted publickey"); n != 0 {
		t.Errorf("authenticated to an untrusted host (%d logins)", n)
	}
}

// Without the passphrase in the keychain the connect says so; a test with
// the passphrase typed in the form works before anything is saved.
func TestSSHPassphraseMissingIsNamedAndTypedOneTests(t *testing.T) {
	srv := sshdtest.Start(t, sshdtest.Options{})
	a := newTestApp(t)
	p, dbPassword := sshProfile(t, srv, "No passphrase")
	if _, err := a.Sessions.Test(TestRequest{Profile: p, Password: dbPassword, SSHSecret: srv.Passphrase}); err != nil {
		t.Fatalf("test with a typed passphrase: %v", err)
	}
	v, err := a.Profiles.Save(SaveProfileRequest{Profile: p, Password: dbPassword, SetPassword: true})
	if err != nil {
		t.Fatal(err)
	}
	_, err = a.Sessions.Connect(ConnectRequest{ProfileID: v.ID})
	wantCode(t, err, "ssh_key_passphrase_required")
}

// A save that moves the tunnel to another bastion forgets the saved secret,
// and deleting the profile removes it from the keychain.
func TestSSHSecretForgottenOnRetargetAndDelete(t *testing.T) {
	a := newTestApp(t)
	p := profile.Profile{Name: "Retarget", Engine: profile.EnginePostgres, Host: "db.internal", Database: "dev", User: "u",
		SSH: &profile.SSHTunnel{Host: "bastion-a", User: "ops", Auth: profile.SSHAuthPassword}}
	v, err := a.Profiles.Save(SaveProfileRequest{Profile: p, SSHSecret: "ssh-pw", SetSSHSecret: true})
	if err != nil {
		t.Fatal(err)
	}
	key := v.ID + ":ssh-password"
	if !a.secrets.has(key) {
		t.Fatalf("no keychain entry %s", key)
	}
	v.Profile.SSH.Host = "bastion-b"
	if _, err := a.Profiles.Save(SaveProfileRequest{Profile: v.Profile}); err != nil {
		t.Fatal(err)
	}
	if a.secrets.has(key) {
		t.Error("the SSH password saved for bastion-a is kept for bastion-b")
	}
	if _, err := a.Profiles.Save(SaveProfileRequest{Profile: v.Profile, SSHSecret: "ssh-pw-2", SetSSHSecret: true}); err != nil {
		t.Fatal(err)
	}
	if ok, err := a.Profiles.Delete(v.ID); err != nil || !ok {
		t.Fatal(ok, err)
	}
	if a.secrets.has(key) {
		t.Error("deleting the profile left its SSH password in the keychain")
	}
}

func TestSSHSettingsSurviveExportImportWithoutSecrets(t *testing.T) {
	a := newTestApp(t)
	p := profile.Profile{Name: "Exported", Engine: profile.EnginePostgres, Host: "db.internal", Database: "dev", User: "u",
		SSH: &profile.SSHTunnel{Host: "bastion", Port: 2222, User: "ops", Auth: profile.SSHAuthKey, KeyFile: "/home/ops/.ssh/id_ed25519",
			JumpHosts: []profile.SSHHop{{Host: "jump1", Port: 22, User: "j"}}}}
	if _, err := a.Profiles.Save(SaveProfileRequest{Profile: p, SSHSecret: "key-passphrase-X", SetSSHSecret: true}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "export.json")
	a.fake.SavePath = out
	if _, err := a.Profiles.Export(); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(out)
	if strings.Contains(string(data), "key-passphrase-X") {
		t.Fatal("the export holds the SSH passphrase")
	}
	b := newTestApp(t)
	b.fake.OpenPath = out
	if res, err := b.Profiles.Import(); err != nil || len(res.Added) != 1 {
		t.Fatalf("import: %+v, %v", res, err)
	}
	list, _ := b.Profiles.List()
	got := list[len(list)-1].SSH
	if got == nil || got.Host != "bastion" || got.Port != 2222 || got.User != "ops" || got.Auth != "key" ||
		got.KeyFile != p.SSH.KeyFile || len(got.JumpHosts) != 1 || got.JumpHosts[0] != p.SSH.JumpHosts[0] {
		t.Fatalf("imported tunnel %+v, want %+v", got, p.SSH)
	}
}

// Under a real Secret Service: the passphrase saved with the profile is read
// back from the keychain to open the key at connect time.
func TestSSHKeychainIntegration(t *testing.T) {
	if os.Getenv("RSMATE_KEYCHAIN_TEST") != "1" {
		t.Skip("set RSMATE_KEYCHAIN_TEST=1 inside a D-Bus session with an unlocked Secret Service")
	}
	srv := sshdtest.Start(t, sshdtest.Options{})
	dir := t.TempDir()
	a := New(Options{Platform: &FakePlatform{Answer: true}, ConfigDir: dir})
	defer a.Shutdown(context.Background())
	p, dbPassword := sshProfile(t, srv, "Keychain SSH")
	v, err := a.Profiles.Save(SaveProfileRequest{Profile: p, Password: dbPassword, SetPassword: true,
		SSHSecret: srv.Passphrase, SetSSHSecret: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = keyring.Delete(KeychainService, v.ID)
		_ = keyring.Delete(KeychainService, v.ID+":ssh-passphrase")
	})
	if got, err := keyring.Get(KeychainService, v.ID+":ssh-passphrase"); err != nil || got != srv.Passphrase {
		t.Fatalf("keychain entry: %v, matches %v", err, got == srv.Passphrase)
	}
	assertNotInDir(t, dir, srv.Passphrase)
	si, err := a.Sessions.Connect(ConnectRequest{ProfileID: v.ID})
	if err != nil {
		t.Fatalf("connect with the keychain's passphrase: %v", err)
	}
	_ = a.Sessions.Disconnect(si.ID)
}

// A passphrase the keychain does not hold can come with the connect request
// (the app asks for it), as the database password can.
func TestSSHPassphraseTypedAtConnect(t *testing.T) {
	srv := sshdtest.Start(t, sshdtest.Options{})
	a := newTestApp(t)
	p, dbPassword := sshProfile(t, srv, "Typed passphrase")
	v, err := a.Profiles.Save(SaveProfileRequest{Profile: p, Password: dbPassword, SetPassword: true})
	if err != nil {
		t.Fatal(err)
	}
	_, err = a.Sessions.Connect(ConnectRequest{ProfileID: v.ID, SSHSecret: "wrong"})
	wantCode(t, err, "ssh_key_passphrase_wrong")
	si, err := a.Sessions.Connect(ConnectRequest{ProfileID: v.ID, SSHSecret: srv.Passphrase})
	if err != nil {
		t.Fatalf("connect with a typed passphrase: %v", err)
	}
	_ = a.Sessions.Disconnect(si.ID)
	if a.secrets.has(v.ID + ":ssh-passphrase") {
		t.Error("a passphrase typed at connect was saved without being asked to")
	}
}
