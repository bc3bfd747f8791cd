package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/zalando/go-keyring"

	"github.com/redshiftmate/rsmate/backend/pgtest"
	"github.com/redshiftmate/rsmate/backend/profile"
	"github.com/redshiftmate/rsmate/backend/session"
)

// TestKeychainIntegration runs against a real Secret Service. The test script
// runs it inside `dbus-run-session` after unlocking gnome-keyring-daemon:
//
//	dbus-run-session -- bash -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null;
//	  RSMATE_KEYCHAIN_TEST=1 go test ./app/ -run Keychain'
func TestKeychainIntegration(t *testing.T) {
	if os.Getenv("RSMATE_KEYCHAIN_TEST") != "1" {
		t.Skip("set RSMATE_KEYCHAIN_TEST=1 inside a D-Bus session with an unlocked Secret Service")
	}
	srv := newPGServer(t)
	role := pgtest.Prefix() + "login"
	password := "Kc-" + pgtest.Random(12) + "-'quote"
	createLoginRole(t, role, password)

	dir := t.TempDir()
	a := New(Options{Platform: &FakePlatform{Answer: true}, ConfigDir: dir})
	if err := a.secrets.Available(); err != nil {
		t.Fatalf("the real keychain is not available: %v", err)
	}
	ks, err := a.Profiles.Keychain()
	if err != nil || !ks.Available {
		t.Fatalf("Keychain status %+v, %v", ks, err)
	}
	p := srv.profile("Keychain test")
	p.User = role
	v, err := a.Profiles.Save(SaveProfileRequest{Profile: p, Password: password, SetPassword: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = keyring.Delete(KeychainService, v.ID) })
	if !v.HasPassword {
		t.Error("saved profile reports no password")
	}
	a.Shutdown(context.Background())

	// The password is in no file of the config directory.
	assertNotInDir(t, dir, password)
	if stored, err := keyring.Get(KeychainService, v.ID); err != nil || stored != password {
		t.Fatalf("keychain entry (service %s, key %s): err %v, matches %v", KeychainService, v.ID, err, stored == password)
	}

	// A new app on the same directory reopens the store and uses the keychain,
	// through a wrapper that counts secret reads.
	counted := &countingSecrets{Secrets: profile.NewKeyringSecrets(KeychainService)}
	b := New(Options{Platform: &FakePlatform{Answer: true}, ConfigDir: dir, Secrets: counted})
	defer b.Shutdown(context.Background())
	// More profiles, some with a password in the real keychain, some without.
	const extra = 4
	for i := range extra {
		req := SaveProfileRequest{Profile: srv.profile(fmt.Sprintf("Extra %d", i))}
		if i%2 == 0 {
			req.Password, req.SetPassword = password+strconv.Itoa(i), true
		}
		ev, err := b.Profiles.Save(req)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = keyring.Delete(KeychainService, ev.ID) })
	}
	counted.gets.Store(0)
	list, err := b.Profiles.List()
	if err != nil || len(list) != 1+extra || list[0].ID != v.ID || !list[0].HasPassword || list[0].User != role {
		t.Fatalf("reopened list %+v, %v", list, err)
	}
	for i, p := range list[1:] {
		if p.HasPassword != (i%2 == 0) {
			t.Errorf("%s: hasPassword %v", p.Name, p.HasPassword)
		}
	}
	if n := counted.gets.Load(); n != 0 {
		t.Errorf("listing %d profiles read %d secrets from the keychain, want 0", len(list), n)
	}
	si, err := b.Sessions.Connect(ConnectRequest{ProfileID: v.ID})
	if err != nil {
		t.Fatalf("connect with the keychain's password: %v", err)
	}
	if n := counted.gets.Load(); n != 1 {
		t.Errorf("connect read %d secrets, want 1", n)
	}
	if si.Server.Engine != session.Postgres || si.Server.User != role || si.Server.Database != srv.Database || si.Server.Superuser {
		t.Errorf("server info %+v", si.Server)
	}
	if err := b.Sessions.Disconnect(si.ID); err != nil {
		t.Fatal(err)
	}

	deleted, err := b.Profiles.Delete(v.ID)
	if err != nil || !deleted {
		t.Fatalf("Delete = %v, %v", deleted, err)
	}
	if _, err := keyring.Get(KeychainService, v.ID); !errors.Is(err, keyring.ErrNotFound) {
		t.Errorf("keychain entry after delete: %v, want not found", err)
	}
	if _, err := b.secrets.Get(v.ID); !errors.Is(err, profile.ErrNoSecret) {
		t.Errorf("Secrets.Get after delete: %v, want ErrNoSecret", err)
	}
}

// createLoginRole adds a login role with a password to the test cluster.
// CREATE ROLE takes no bind parameters, so the password literal is built by
// doubling single quotes (standard_conforming_strings is on); backend/sqltext
// replaces this once it is the project's quoting module.
func createLoginRole(t *testing.T, role, password string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	admin := pgtest.AdminDSN(t)
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	ident := pgx.Identifier{role}.Sanitize()
	lit := "'" + strings.ReplaceAll(password, "'", "''") + "'"
	if _, err := conn.Exec(ctx, "CREATE ROLE "+ident+" LOGIN PASSWORD "+lit); err != nil {
		t.Fatalf("create role %s: %v", role, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if c, err := pgx.Connect(ctx, admin); err == nil {
			_, _ = c.Exec(ctx, "DROP ROLE IF EXISTS "+ident)
			c.Close(ctx)
		}
	})
}
