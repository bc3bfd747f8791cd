package profile

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"
)

// These unit tests use go-keyring's in-memory mock; the real Secret Service is
// exercised by the keychain integration test in app/.

// mockSecrets skips the session-bus check, which looks at the real environment.
func mockSecrets() Secrets {
	k := NewKeyringSecrets("com.example.test").(*keyringSecrets)
	k.preflight = nil
	return k
}

func TestKeyringSecretsRoundTrip(t *testing.T) {
	keyring.MockInit()
	s := mockSecrets()
	if err := s.Available(); err != nil {
		t.Fatalf("Available: %v", err)
	}
	if _, err := s.Get("p1"); !errors.Is(err, ErrNoSecret) {
		t.Errorf("Get before Set: %v, want ErrNoSecret", err)
	}
	if err := s.Set("p1", "pw-one"); err != nil {
		t.Fatal(err)
	}
	if err := s.Set("p2", "pw-two"); err != nil {
		t.Fatal(err)
	}
	if err := s.Set("p1", "pw-one-b"); err != nil { // replace
		t.Fatal(err)
	}
	if got, err := s.Get("p1"); err != nil || got != "pw-one-b" {
		t.Errorf("Get p1 = %q, %v", got, err)
	}
	// Stored under service = the app id, user = the profile id.
	if got, err := keyring.Get("com.example.test", "p2"); err != nil || got != "pw-two" {
		t.Errorf("keyring entry for p2 = %q, %v", got, err)
	}
	if err := s.Delete("p1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get("p1"); !errors.Is(err, ErrNoSecret) {
		t.Errorf("Get after Delete: %v", err)
	}
	if err := s.Delete("p1"); !errors.Is(err, ErrNoSecret) {
		t.Errorf("second Delete: %v, want ErrNoSecret", err)
	}
	if got, _ := s.Get("p2"); got != "pw-two" {
		t.Errorf("Delete of p1 touched p2: %q", got)
	}
}

func TestKeyringSecretsUnavailable(t *testing.T) {
	keyring.MockInitWithError(errors.New("org.freedesktop.DBus.Error.ServiceUnknown: no secret service"))
	t.Cleanup(keyring.MockInit)
	s := mockSecrets()
	err := s.Available()
	if !errors.Is(err, ErrKeychainUnavailable) || !strings.Contains(err.Error(), "ServiceUnknown") {
		t.Fatalf("Available: %v", err)
	}
	err = s.Set("p1", "Very-Secret-9")
	if !errors.Is(err, ErrKeychainUnavailable) {
		t.Errorf("Set: %v", err)
	}
	if strings.Contains(err.Error(), "Very-Secret-9") {
		t.Errorf("error holds the password: %v", err)
	}
	if _, err := s.Get("p1"); !errors.Is(err, ErrKeychainUnavailable) {
		t.Errorf("Get: %v", err)
	}
	if err := s.Delete("p1"); !errors.Is(err, ErrKeychainUnavailable) {
		t.Errorf("Delete: %v", err)
	}
}

func TestKeyringAvailabilityIsProbedOnce(t *testing.T) {
	keyring.MockInit()
	s := mockSecrets()
	if err := s.Available(); err != nil {
		t.Fatal(err)
	}
	keyring.MockInitWithError(errors.New("gone"))
	t.Cleanup(keyring.MockInit)
	if err := s.Available(); err != nil {
		t.Errorf("second Available probed again: %v", err)
	}
	// Later failures are reported by the call itself, without the password.
	err := s.Set("p1", "Very-Secret-9")
	if err == nil || errors.Is(err, ErrKeychainUnavailable) || strings.Contains(err.Error(), "Very-Secret-9") {
		t.Errorf("Set after the keychain went away: %v", err)
	}
}

func TestNoSessionBusMeansUnavailableWithoutAutolaunch(t *testing.T) {
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		t.Skip("no D-Bus on this system")
	}
	keyring.MockInit() // would answer "available" if it were asked
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	s := NewKeyringSecrets("com.example.test")
	err := s.Available()
	if !errors.Is(err, ErrKeychainUnavailable) || !strings.Contains(err.Error(), "D-Bus") {
		t.Fatalf("Available without a session bus: %v", err)
	}
	if err := s.Set("p1", "pw"); !errors.Is(err, ErrKeychainUnavailable) {
		t.Errorf("Set: %v", err)
	}

	// A bus socket at $XDG_RUNTIME_DIR/bus counts as a session bus.
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bus"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_RUNTIME_DIR", dir)
	if err := NewKeyringSecrets("com.example.test").Available(); err != nil {
		t.Errorf("Available with $XDG_RUNTIME_DIR/bus: %v", err)
	}
}
