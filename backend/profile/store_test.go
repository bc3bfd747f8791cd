package profile

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/redshiftmate/rsmate/backend/apperr"
)

func sample(name string) Profile {
	return Profile{Name: name, Engine: EngineRedshift, Host: "c1.abc123.us-east-1.redshift.amazonaws.com",
		Database: "dev", User: "admin"}
}

func openStore(t *testing.T, dir string) *Store {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

func mustSave(t *testing.T, s *Store, p Profile) Profile {
	t.Helper()
	saved, err := s.Save(p)
	if err != nil {
		t.Fatalf("Save(%q): %v", p.Name, err)
	}
	return saved
}

func code(err error) string {
	if err == nil {
		return ""
	}
	return apperr.As(err).Code
}

func names(ps []Profile) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Name
	}
	return out
}

func TestSaveFillsDefaultsAndRoundTrips(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cfg")
	s := openStore(t, dir)
	rs := mustSave(t, s, sample("Prod"))
	if len(rs.ID) != 24 {
		t.Errorf("id %q: want 24 hex characters", rs.ID)
	}
	if rs.Port != 5439 || rs.SSLMode != SSLVerifyFull || rs.ConnectTimeoutSec != 15 {
		t.Errorf("redshift defaults: port %d ssl %q timeout %d", rs.Port, rs.SSLMode, rs.ConnectTimeoutSec)
	}
	pg := mustSave(t, s, Profile{Name: " Local ", Engine: EnginePostgres, Host: "localhost", Database: "postgres",
		User: "me", ReadOnly: true, Color: "#3b5bdb"})
	if pg.Name != "Local" || pg.Port != 5432 || pg.SSLMode != SSLDisable {
		t.Errorf("postgres localhost defaults: %+v", pg)
	}
	remote := mustSave(t, s, Profile{Name: "RDS", Engine: EnginePostgres, Host: "db.example.com", Database: "app", User: "me"})
	if remote.SSLMode != SSLRequire {
		t.Errorf("remote postgres sslMode = %q, want require", remote.SSLMode)
	}
	if rs.ID == pg.ID || pg.ID == remote.ID {
		t.Error("ids are not unique")
	}

	// Update keeps position and id.
	rs.Port = 5440
	rs.Name = "Production"
	if _, err := s.Save(rs); err != nil {
		t.Fatal(err)
	}

	re := openStore(t, dir)
	got := re.List()
	if want := []string{"Production", "Local", "RDS"}; strings.Join(names(got), ",") != strings.Join(want, ",") {
		t.Fatalf("reopened names %v, want %v", names(got), want)
	}
	if got[0] != (Profile{ID: rs.ID, Name: "Production", Engine: EngineRedshift, Host: rs.Host, Port: 5440,
		Database: "dev", User: "admin", SSLMode: SSLVerifyFull, ConnectTimeoutSec: 15}) {
		t.Errorf("reopened %+v", got[0])
	}
	if got[1] != pg {
		t.Errorf("reopened %+v, want %+v", got[1], pg)
	}
	one, err := re.Get(pg.ID)
	if err != nil || one != pg {
		t.Errorf("Get = %+v, %v", one, err)
	}
	if _, err := re.Get("nope"); code(err) != "not_found" {
		t.Errorf("Get unknown: %v", err)
	}
	if re.Warning() != "" {
		t.Errorf("warning %q on a good file", re.Warning())
	}
}

func TestFileIsVersionedJSONWithoutPassword(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	mustSave(t, s, sample("A"))
	data, err := os.ReadFile(filepath.Join(dir, "profiles.json"))
	if err != nil {
		t.Fatal(err)
	}
	var raw struct {
		Version  int              `json:"version"`
		Profiles []map[string]any `json:"profiles"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	if raw.Version != 1 || len(raw.Profiles) != 1 {
		t.Fatalf("file %s", data)
	}
	for k := range raw.Profiles[0] {
		if strings.Contains(strings.ToLower(k), "pass") || strings.Contains(strings.ToLower(k), "secret") {
			t.Errorf("file has field %q", k)
		}
	}
	if raw.Profiles[0]["name"] != "A" || raw.Profiles[0]["port"] != float64(5439) {
		t.Errorf("profile in file: %v", raw.Profiles[0])
	}
}

func TestPermissions(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("POSIX permissions")
	}
	parent := t.TempDir()
	dir := filepath.Join(parent, "new")
	s := openStore(t, dir)
	mustSave(t, s, sample("A"))
	assertMode(t, dir, 0o700)
	assertMode(t, filepath.Join(dir, "profiles.json"), 0o600)

	// An existing, too open directory and file are tightened on open.
	loose := filepath.Join(parent, "loose")
	if err := os.Mkdir(loose, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(loose, "profiles.json"), []byte(`{"version":1,"profiles":[]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	openStore(t, loose)
	assertMode(t, loose, 0o700)
	assertMode(t, filepath.Join(loose, "profiles.json"), 0o600)
}

func assertMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != want {
		t.Errorf("%s: mode %o, want %o", path, got, want)
	}
}

func TestAtomicWriteLeavesNoTempFiles(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	for _, n := range []string{"A", "B", "C"} {
		p := mustSave(t, s, sample(n))
		if _, err := s.Duplicate(p.ID); err != nil {
			t.Fatal(err)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "profiles.json" {
		var ns []string
		for _, e := range entries {
			ns = append(ns, e.Name())
		}
		t.Fatalf("dir holds %v, want only profiles.json", ns)
	}
}

func TestFailedWriteKeepsOldState(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	a := mustSave(t, s, sample("A"))
	// Replace the file by a non-empty directory: the rename must fail, even
	// as root (who ignores permissions).
	path := filepath.Join(dir, "profiles.json")
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(path, "block"), 0o700); err != nil {
		t.Fatal(err)
	}
	_, err := s.Save(sample("B"))
	if code(err) != "write_failed" {
		t.Fatalf("Save with unwritable file: %v", err)
	}
	if got := names(s.List()); len(got) != 1 || got[0] != "A" {
		t.Errorf("memory changed after failed write: %v", got)
	}
	if err := s.Delete(a.ID); code(err) != "write_failed" {
		t.Errorf("Delete with unwritable file: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temp file left behind: %d entries", len(entries))
	}
}

func TestDamagedFileIsSetAside(t *testing.T) {
	cases := map[string]string{
		"syntax":     `{"version":1,"profiles":[{"name":`,
		"empty":      "",
		"no version": `{"profiles":[]}`,
		"wrong type": `{"version":1,"profiles":{"a":1}}`,
		"version 0":  `{"version":0,"profiles":[]}`,
	}
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "profiles.json")
			if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
				t.Fatal(err)
			}
			s := openStore(t, dir)
			if len(s.List()) != 0 {
				t.Errorf("list not empty: %v", s.List())
			}
			matches, _ := filepath.Glob(path + ".damaged-*")
			if len(matches) != 1 {
				t.Fatalf("set-aside files: %v", matches)
			}
			kept, _ := os.ReadFile(matches[0])
			if string(kept) != content {
				t.Errorf("set-aside file content %q, want the original %q", kept, content)
			}
			w := s.Warning()
			if !strings.Contains(w, matches[0]) || !strings.Contains(w, "could not be read") {
				t.Errorf("warning %q does not say what happened and where the file went", w)
			}
			if _, err := os.Stat(path); !os.IsNotExist(err) {
				t.Errorf("damaged file still in place: %v", err)
			}
			// The store works on afterwards.
			mustSave(t, s, sample("Fresh"))
			if got := names(openStore(t, dir).List()); len(got) != 1 || got[0] != "Fresh" {
				t.Errorf("after recovery: %v", got)
			}
		})
	}
}

func TestDamagedFileTwiceInOneSecondKeepsBoth(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "profiles.json")
	for i := 0; i < 2; i++ {
		if err := os.WriteFile(path, []byte("garbage"), 0o600); err != nil {
			t.Fatal(err)
		}
		openStore(t, dir)
	}
	matches, _ := filepath.Glob(path + ".damaged-*")
	if len(matches) != 2 {
		t.Errorf("set-aside files: %v", matches)
	}
}

func TestNewerFormatIsNotOverwritten(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "profiles.json")
	content := `{"version":2,"profiles":[{"id":"x1","name":"Future","engine":"redshift","host":"h","port":5439,"database":"dev","user":"u","sslMode":"require","connectTimeoutSec":15,"newField":true}]}`
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	s := openStore(t, dir)
	if got := names(s.List()); len(got) != 1 || got[0] != "Future" {
		t.Errorf("list %v", got)
	}
	if !strings.Contains(s.Warning(), "newer version") || !strings.Contains(s.Warning(), path) {
		t.Errorf("warning %q", s.Warning())
	}
	if _, err := s.Save(sample("New")); code(err) != "profiles_read_only" {
		t.Errorf("Save: %v", err)
	}
	if err := s.Delete("x1"); code(err) != "profiles_read_only" {
		t.Errorf("Delete: %v", err)
	}
	if _, err := s.Import([]byte(`[]`)); code(err) != "profiles_read_only" {
		t.Errorf("Import: %v", err)
	}
	after, _ := os.ReadFile(path)
	if string(after) != content {
		t.Errorf("file changed:\n%s", after)
	}
}

func TestNamesAreUniqueIgnoringCase(t *testing.T) {
	s := openStore(t, t.TempDir())
	a := mustSave(t, s, sample("Prod"))
	_, err := s.Save(sample("pROD"))
	var ae *apperr.Error
	if !errors.As(err, &ae) || ae.Code != "name_taken" || !strings.Contains(ae.Message, `"Prod"`) {
		t.Fatalf("duplicate name: %#v", err)
	}
	// Renaming a profile to its own name in another case is fine.
	a.Name = "PROD"
	if _, err := s.Save(a); err != nil {
		t.Errorf("rename to own name: %v", err)
	}
	b := mustSave(t, s, sample("Other"))
	b.Name = "prod"
	if _, err := s.Save(b); code(err) != "name_taken" {
		t.Errorf("rename onto another's name: %v", err)
	}
}

func TestSaveRejects(t *testing.T) {
	s := openStore(t, t.TempDir())
	if _, err := s.Save(Profile{Name: "x"}); code(err) != "invalid_input" {
		t.Errorf("invalid profile: %v", err)
	}
	sb := sample("Sandbox")
	sb.Sandbox = true
	if _, err := s.Save(sb); code(err) != "invalid_input" {
		t.Errorf("sandbox profile: %v", err)
	}
	ghost := sample("Ghost")
	ghost.ID = "doesnotexist"
	if _, err := s.Save(ghost); code(err) != "not_found" {
		t.Errorf("update of unknown id: %v", err)
	}
	if len(s.List()) != 0 {
		t.Errorf("rejected saves changed the list: %v", s.List())
	}
}

func TestDelete(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	a := mustSave(t, s, sample("A"))
	mustSave(t, s, sample("B"))
	if err := s.Delete(a.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(a.ID); code(err) != "not_found" {
		t.Errorf("second delete: %v", err)
	}
	if got := names(openStore(t, dir).List()); len(got) != 1 || got[0] != "B" {
		t.Errorf("after delete: %v", got)
	}
}

func TestDuplicate(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	a := mustSave(t, s, sample("Prod"))
	mustSave(t, s, sample("Dev"))
	c1, err := s.Duplicate(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	c2, err := s.Duplicate(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	c3, err := s.Duplicate(c1.ID) // a copy of a copy counts from the base name
	if err != nil {
		t.Fatal(err)
	}
	if c1.Name != "Prod (copy)" || c2.Name != "Prod (copy 2)" || c3.Name != "Prod (copy 3)" {
		t.Errorf("copy names %q %q %q", c1.Name, c2.Name, c3.Name)
	}
	if c1.ID == a.ID || c1.ID == c2.ID {
		t.Error("copy reuses an id")
	}
	want := a
	want.ID, want.Name = c1.ID, c1.Name
	if c1 != want {
		t.Errorf("copy %+v, want %+v", c1, want)
	}
	got := names(openStore(t, dir).List())
	if strings.Join(got, "|") != "Prod|Prod (copy 2)|Prod (copy)|Prod (copy 3)|Dev" {
		t.Errorf("order after duplicates (each copy right after its source): %v", got)
	}
	if _, err := s.Duplicate("nope"); code(err) != "not_found" {
		t.Errorf("duplicate unknown: %v", err)
	}

	long := mustSave(t, s, sample(strings.Repeat("é", NameMaxLen)))
	lc, err := s.Duplicate(long.ID)
	if err != nil {
		t.Fatalf("duplicate of a 100-character name: %v", err)
	}
	if n := len([]rune(lc.Name)); n != NameMaxLen || !strings.HasSuffix(lc.Name, " (copy)") {
		t.Errorf("long copy name has %d runes: %q", n, lc.Name)
	}
}

func TestReorder(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	a := mustSave(t, s, sample("A"))
	b := mustSave(t, s, sample("B"))
	c := mustSave(t, s, sample("C"))
	if err := s.Reorder([]string{c.ID, a.ID, b.ID}); err != nil {
		t.Fatal(err)
	}
	if got := names(openStore(t, dir).List()); strings.Join(got, "") != "CAB" {
		t.Errorf("order %v", got)
	}
	bad := map[string][]string{
		"missing":   {c.ID, a.ID},
		"extra":     {c.ID, a.ID, b.ID, "x"},
		"unknown":   {c.ID, a.ID, "x"},
		"duplicate": {c.ID, a.ID, a.ID},
	}
	for name, ids := range bad {
		if err := s.Reorder(ids); code(err) != "invalid_input" {
			t.Errorf("%s: %v", name, err)
		}
	}
	if got := names(s.List()); strings.Join(got, "") != "CAB" {
		t.Errorf("order changed by rejected reorders: %v", got)
	}
}

func TestListReturnsACopy(t *testing.T) {
	s := openStore(t, t.TempDir())
	mustSave(t, s, sample("A"))
	l := s.List()
	l[0].Name = "changed"
	if s.List()[0].Name != "A" {
		t.Error("List exposes the store's slice")
	}
}

func TestConcurrentSaves(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			p := sample("P" + string(rune('a'+i)))
			if _, err := s.Save(p); err != nil {
				t.Error(err)
			}
			_ = s.List()
		}(i)
	}
	wg.Wait()
	if n := len(openStore(t, dir).List()); n != 20 {
		t.Errorf("%d profiles on disk, want 20", n)
	}
}

func TestRepairsHandEditedIDs(t *testing.T) {
	dir := t.TempDir()
	content := `{"version":1,"profiles":[
	 {"id":"","name":"A","engine":"postgres","host":"h","port":5432,"database":"d","user":"u","sslMode":"disable","connectTimeoutSec":15},
	 {"id":"same","name":"B","engine":"postgres","host":"h","port":5432,"database":"d","user":"u","sslMode":"disable","connectTimeoutSec":15},
	 {"id":"same","name":"C","engine":"postgres","host":"h","port":5432,"database":"d","user":"u","sslMode":"disable","connectTimeoutSec":15,"sandbox":true}]}`
	if err := os.WriteFile(filepath.Join(dir, "profiles.json"), []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	ps := openStore(t, dir).List()
	if len(ps) != 3 || ps[0].ID == "" || ps[1].ID != "same" || ps[2].ID == "same" || ps[2].Sandbox {
		t.Errorf("repaired %+v", ps)
	}
}

func TestDefaultDir(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", "/tmp/xdg-test")
	t.Setenv("HOME", "/tmp/home-test")
	got, err := DefaultDir()
	if err != nil {
		t.Fatal(err)
	}
	base, _ := os.UserConfigDir()
	if got != filepath.Join(base, "redshift-mate") {
		t.Errorf("DefaultDir = %q", got)
	}
	if runtime.GOOS == "linux" && got != "/tmp/xdg-test/redshift-mate" {
		t.Errorf("DefaultDir on Linux = %q", got)
	}
}

// PasswordSaved is the store's record of what the keychain holds, so that a
// list needs no keychain read. A caller's value is ignored; only
// SetPasswordSaved changes it, and it survives updates and reopening.
func TestPasswordSavedFlagIsOnlySetByTheStore(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	forged := sample("A")
	forged.PasswordSaved = true
	a := mustSave(t, s, forged)
	if a.PasswordSaved {
		t.Fatal("Save took PasswordSaved from the caller")
	}
	if err := s.SetPasswordSaved(a.ID, true); err != nil {
		t.Fatal(err)
	}
	a.Port = 6000
	a.PasswordSaved = false // an edit from the form does not know the flag
	if got := mustSave(t, s, a); !got.PasswordSaved {
		t.Error("an update dropped the flag")
	}
	if got, _ := openStore(t, dir).Get(a.ID); !got.PasswordSaved || got.Port != 6000 {
		t.Errorf("reopened %+v, want PasswordSaved and port 6000", got)
	}
	cp, err := s.Duplicate(a.ID)
	if err != nil || cp.PasswordSaved {
		t.Errorf("duplicate %+v %v: the password is not copied, so neither is the flag", cp, err)
	}
	data, err := s.Export()
	if err != nil || strings.Contains(string(data), "passwordSaved") {
		t.Errorf("export carries the flag: %s %v", data, err)
	}
	if err := s.SetPasswordSaved(a.ID, false); err != nil {
		t.Fatal(err)
	}
	if got, _ := openStore(t, dir).Get(a.ID); got.PasswordSaved {
		t.Error("cleared flag not written")
	}
	if err := s.SetPasswordSaved("nope", true); code(err) != "not_found" {
		t.Errorf("unknown id: %v", err)
	}
}
