package app

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/redshiftmate/rsmate/backend/profile"
)

func rsProfile(name string) profile.Profile {
	return profile.Profile{Name: name, Engine: profile.EngineRedshift,
		Host: "c1.abc123.us-east-1.redshift.amazonaws.com", Database: "dev", User: "admin"}
}

func listNames(t *testing.T, a *testApp) []string {
	t.Helper()
	vs, err := a.Profiles.List()
	if err != nil {
		t.Fatal(err)
	}
	out := []string{}
	for _, v := range vs {
		out = append(out, v.Name)
	}
	return out
}

func TestProfilesSaveListWithPassword(t *testing.T) {
	a := newTestApp(t)
	const pw = "Pw-in-keychain-only-1"
	v, err := a.Profiles.Save(SaveProfileRequest{Profile: rsProfile("Prod"), Password: pw, SetPassword: true})
	if err != nil {
		t.Fatal(err)
	}
	if v.ID == "" || !v.HasPassword || v.Port != 5439 || v.SSLMode != "verify-full" {
		t.Errorf("saved view %+v", v)
	}
	if got, _ := a.secrets.Get(v.ID); got != pw {
		t.Errorf("keychain holds %q", got)
	}
	assertNotInDir(t, a.dir, pw)
	b, _ := json.Marshal(v)
	if strings.Contains(string(b), pw) {
		t.Error("the view sent to the frontend holds the password")
	}

	// An edit without SetPassword that keeps the server keeps the stored
	// password (one that changes the server forgets it:
	// TestSaveToAnotherServerForgetsTheSavedPassword).
	v.Profile.ReadOnly = true
	v2, err := a.Profiles.Save(SaveProfileRequest{Profile: v.Profile, Password: "ignored", SetPassword: false})
	if err != nil {
		t.Fatal(err)
	}
	if !v2.HasPassword || !v2.ReadOnly {
		t.Errorf("after edit %+v", v2)
	}
	if got, _ := a.secrets.Get(v.ID); got != pw {
		t.Errorf("edit changed the password to %q", got)
	}
	// SetPassword with an empty password forgets it.
	v3, err := a.Profiles.Save(SaveProfileRequest{Profile: v2.Profile, SetPassword: true})
	if err != nil {
		t.Fatal(err)
	}
	if v3.HasPassword || a.secrets.has(v.ID) {
		t.Error("password not forgotten")
	}
	// Forgetting twice is fine.
	if _, err := a.Profiles.Save(SaveProfileRequest{Profile: v2.Profile, SetPassword: true}); err != nil {
		t.Errorf("forget without a stored password: %v", err)
	}

	list, err := a.Profiles.List()
	if err != nil || len(list) != 1 || !list[0].ReadOnly || list[0].HasPassword {
		t.Errorf("List = %+v, %v", list, err)
	}
}

func TestProfilesSaveRejects(t *testing.T) {
	a := newTestApp(t)
	bad := rsProfile("")
	if _, err := a.Profiles.Save(SaveProfileRequest{Profile: bad}); wantCode(t, err, "invalid_input").Message != "name is required" {
		t.Errorf("message %q", err)
	}
	sb := rsProfile("Sandbox")
	sb.Sandbox = true
	wantCode(t, func() error { _, err := a.Profiles.Save(SaveProfileRequest{Profile: sb}); return err }(), "invalid_input")
	if _, err := a.Profiles.Save(SaveProfileRequest{Profile: rsProfile("Prod")}); err != nil {
		t.Fatal(err)
	}
	_, err := a.Profiles.Save(SaveProfileRequest{Profile: rsProfile("PROD")})
	wantCode(t, err, "name_taken")

	// No keychain: saving with a password fails and saves nothing.
	a.secrets.unavl = profile.ErrKeychainUnavailable
	_, err = a.Profiles.Save(SaveProfileRequest{Profile: rsProfile("Other"), Password: "x", SetPassword: true})
	wantCode(t, err, "keychain_unavailable")
	if got := listNames(t, a); !slices.Equal(got, []string{"Prod"}) {
		t.Errorf("profiles after refused saves: %v", got)
	}
	// Without a password it still saves.
	if _, err := a.Profiles.Save(SaveProfileRequest{Profile: rsProfile("Other")}); err != nil {
		t.Errorf("save without keychain and password: %v", err)
	}
}

func TestProfilesDuplicateReorderDelete(t *testing.T) {
	a := newTestApp(t)
	p, err := a.Profiles.Save(SaveProfileRequest{Profile: rsProfile("Prod"), Password: "pw", SetPassword: true})
	if err != nil {
		t.Fatal(err)
	}
	q, err := a.Profiles.Save(SaveProfileRequest{Profile: rsProfile("Dev")})
	if err != nil {
		t.Fatal(err)
	}
	c, err := a.Profiles.Duplicate(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "Prod (copy)" || c.ID == p.ID || c.HasPassword || c.Host != p.Host {
		t.Errorf("copy %+v", c)
	}
	if got := listNames(t, a); !slices.Equal(got, []string{"Prod", "Prod (copy)", "Dev"}) {
		t.Errorf("after duplicate %v", got)
	}
	if err := a.Profiles.Reorder([]string{q.ID, c.ID, p.ID}); err != nil {
		t.Fatal(err)
	}
	if got := listNames(t, a); !slices.Equal(got, []string{"Dev", "Prod (copy)", "Prod"}) {
		t.Errorf("after reorder %v", got)
	}
	wantCode(t, a.Profiles.Reorder([]string{q.ID, p.ID}), "invalid_input")

	// The user says no: nothing is deleted.
	a.fake.Answer = false
	deleted, err := a.Profiles.Delete(p.ID)
	if err != nil || deleted {
		t.Fatalf("Delete answered no = %v, %v", deleted, err)
	}
	if !a.secrets.has(p.ID) || len(listNames(t, a)) != 3 {
		t.Error("a refused delete removed something")
	}
	// Yes: the profile and its password go.
	a.fake.Answer = true
	deleted, err = a.Profiles.Delete(p.ID)
	if err != nil || !deleted {
		t.Fatalf("Delete answered yes = %v, %v", deleted, err)
	}
	if a.secrets.has(p.ID) {
		t.Error("password left in the keychain")
	}
	if got := listNames(t, a); !slices.Equal(got, []string{"Dev", "Prod (copy)"}) {
		t.Errorf("after delete %v", got)
	}
	if n := len(a.fake.Confirms); n != 2 || a.fake.Confirms[0] != "Delete connection" {
		t.Errorf("confirmations %v", a.fake.Confirms)
	}
	// A profile without a stored password deletes cleanly too.
	if ok, err := a.Profiles.Delete(q.ID); err != nil || !ok {
		t.Errorf("delete without password: %v %v", ok, err)
	}
	_, err = a.Profiles.Delete("nope")
	wantCode(t, err, "not_found")
}

func TestProfilesExportImport(t *testing.T) {
	a := newTestApp(t)
	const pw = "Export-Must-Not-Hold-This"
	if _, err := a.Profiles.Save(SaveProfileRequest{Profile: rsProfile("Prod"), Password: pw, SetPassword: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Profiles.Save(SaveProfileRequest{Profile: rsProfile("Dev")}); err != nil {
		t.Fatal(err)
	}
	// Cancelled dialog: nothing written.
	path, err := a.Profiles.Export()
	if err != nil || path != "" {
		t.Fatalf("cancelled export = %q, %v", path, err)
	}
	out := filepath.Join(t.TempDir(), "connections.json")
	a.fake.SavePath = out
	path, err = a.Profiles.Export()
	if err != nil || path != out {
		t.Fatalf("export = %q, %v", path, err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), pw) || !strings.Contains(string(data), `"Prod"`) {
		t.Errorf("export file:\n%s", data)
	}

	b := newTestApp(t)
	if _, err := b.Profiles.Save(SaveProfileRequest{Profile: rsProfile("dev")}); err != nil {
		t.Fatal(err)
	}
	if res, err := b.Profiles.Import(); err != nil || len(res.Added) != 0 {
		t.Fatalf("cancelled import = %+v, %v", res, err)
	}
	b.fake.OpenPath = out
	res, err := b.Profiles.Import()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Added, []string{"Prod"}) || !slices.Equal(res.Skipped, []string{"Dev"}) {
		t.Errorf("import result %+v", res)
	}
	vs, _ := b.Profiles.List()
	if len(vs) != 2 || vs[1].Name != "Prod" || vs[1].HasPassword {
		t.Errorf("after import %+v", vs)
	}

	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte("{nope"), 0o600); err != nil {
		t.Fatal(err)
	}
	b.fake.OpenPath = bad
	_, err = b.Profiles.Import()
	wantCode(t, err, "import_invalid")
	b.fake.OpenPath = filepath.Join(t.TempDir(), "missing.json")
	_, err = b.Profiles.Import()
	wantCode(t, err, "read_failed")
}

func TestProfilesKeychainStatusAndStoreWarning(t *testing.T) {
	a := newTestApp(t)
	if err := os.MkdirAll(a.dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(a.dir, "profiles.json"), []byte("not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	ks, err := a.Profiles.Keychain()
	if err != nil {
		t.Fatal(err)
	}
	if !ks.Available || ks.Message != "" {
		t.Errorf("status %+v", ks)
	}
	if !strings.Contains(ks.StoreWarning, "profiles.json.damaged-") {
		t.Errorf("store warning %q", ks.StoreWarning)
	}
	if names := listNames(t, a); len(names) != 0 {
		t.Errorf("damaged file gave profiles %v", names)
	}

	b := newTestApp(t)
	b.secrets.unavl = errors.Join(profile.ErrKeychainUnavailable, errors.New("no secret service"))
	ks, err = b.Profiles.Keychain()
	if err != nil || ks.Available || !strings.Contains(ks.Message, "asked for the password") || ks.StoreWarning != "" {
		t.Errorf("status without keychain %+v, %v", ks, err)
	}
}

func TestProfilesParseURL(t *testing.T) {
	a := newTestApp(t)
	p, err := a.Profiles.ParseURL("jdbc:redshift://c1.abc.us-east-1.redshift.amazonaws.com:5439/dev;UID=u;PWD=secret")
	if err != nil {
		t.Fatal(err)
	}
	if p.Engine != profile.EngineRedshift || p.User != "u" || p.Port != 5439 {
		t.Errorf("parsed %+v", p)
	}
	_, err = a.Profiles.ParseURL("mysql://h/db")
	wantCode(t, err, "invalid_input")
}

func TestProfilesPickCAFile(t *testing.T) {
	a := newTestApp(t)
	a.fake.OpenPath = "/etc/ssl/ca.pem"
	if p, err := a.Profiles.PickCAFile(); err != nil || p != "/etc/ssl/ca.pem" {
		t.Errorf("PickCAFile = %q, %v", p, err)
	}
}

// Without a session bus the real keychain reports itself unavailable at once,
// and the app asks for passwords at connect time instead of storing them.
func TestKeychainUnavailableWithoutSessionBus(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	dir := t.TempDir()
	a := New(Options{Platform: &FakePlatform{Answer: true}, ConfigDir: dir})
	ks, err := a.Profiles.Keychain()
	if err != nil || ks.Available || ks.Message == "" {
		t.Fatalf("status %+v, %v", ks, err)
	}
	_, err = a.Profiles.Save(SaveProfileRequest{Profile: rsProfile("P"), Password: "pw", SetPassword: true})
	wantCode(t, err, "keychain_unavailable")
	v, err := a.Profiles.Save(SaveProfileRequest{Profile: rsProfile("P")})
	if err != nil || v.HasPassword {
		t.Fatalf("save without password: %+v, %v", v, err)
	}
	_, err = a.Sessions.Connect(ConnectRequest{ProfileID: v.ID})
	wantCode(t, err, "password_required")
}

// Exporting no profiles says so and never opens the save dialog.
func TestProfilesExportOfZeroProfilesIsRefusedBeforeTheDialog(t *testing.T) {
	a := newTestApp(t)
	out := filepath.Join(t.TempDir(), "connections.json")
	a.fake.SavePath = out
	path, err := a.Profiles.Export()
	wantCode(t, err, "nothing_to_export")
	if path != "" {
		t.Errorf("path = %q, want none", path)
	}
	if _, statErr := os.Stat(out); !os.IsNotExist(statErr) {
		t.Errorf("an export file was written: %v", statErr)
	}
}
