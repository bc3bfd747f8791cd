//go:build unix

package profile

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// outsideFile is a file the store must never read, chmod or write: the target
// a planted symbolic link points at.
func outsideFile(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "outside.json")
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func assertUntouched(t *testing.T, path, content string, mode os.FileMode) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != mode {
		t.Errorf("%s mode %v, want %v: a chmod went through the link", path, fi.Mode().Perm(), mode)
	}
	if b, _ := os.ReadFile(path); string(b) != content {
		t.Errorf("%s changed to %q", path, b)
	}
}

func TestSymlinkedProfilesFileIsSetAsideNotFollowed(t *testing.T) {
	const content = `{"version":1,"profiles":[{"id":"aaaa","name":"Planted","engine":"postgres","host":"evil.example.com","database":"d","user":"u"}]}`
	target := outsideFile(t, content)
	dir := filepath.Join(t.TempDir(), "cfg")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, fileName)
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}

	s := openStore(t, dir)
	if got := s.List(); len(got) != 0 {
		t.Fatalf("profiles read through the link: %+v", got)
	}
	w := s.Warning()
	if !strings.Contains(w, "symbolic link") || !strings.Contains(w, target) || !strings.Contains(w, "never followed") {
		t.Errorf("warning %q does not say the file was a link and where it pointed", w)
	}
	assertUntouched(t, target, content, 0o644)
	// The link itself was renamed aside, still a link; profiles.json is gone.
	if _, err := os.Lstat(link); !os.IsNotExist(err) {
		t.Errorf("the link is still at %s: %v", link, err)
	}
	asides, _ := filepath.Glob(link + ".damaged-*")
	if len(asides) != 1 {
		t.Fatalf("set-aside files %v, want one", asides)
	}
	if fi, err := os.Lstat(asides[0]); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("set-aside %s is not the link itself: %v %v", asides[0], fi.Mode(), err)
	}

	// Saving writes a real file in the directory, never through to the target.
	mustSave(t, s, sample("Mine"))
	assertUntouched(t, target, content, 0o644)
	if fi, err := os.Lstat(link); err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm() != 0o600 {
		t.Errorf("profiles.json after save: %v %v, want a regular 0600 file", fi.Mode(), err)
	}
}

func TestLinkPlantedAfterOpenIsRefusedOnWrite(t *testing.T) {
	const content = "do not overwrite\n"
	target := outsideFile(t, content)
	dir := filepath.Join(t.TempDir(), "cfg")
	s := openStore(t, dir)
	mustSave(t, s, sample("A"))
	link := filepath.Join(dir, fileName)
	if err := os.Remove(link); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	_, err := s.Save(sample("B"))
	if code(err) != "write_failed" || !strings.Contains(errText(err), "symbolic link") {
		t.Fatalf("save over a planted link: %v, want write_failed naming the link", err)
	}
	assertUntouched(t, target, content, 0o644)
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced silently")
	}
	if names := names(s.List()); len(names) != 1 {
		t.Errorf("in-memory list changed despite the failed write: %v", names)
	}
}

func TestSymlinkedConfigDirIsRefused(t *testing.T) {
	real := t.TempDir()
	if err := os.Chmod(real, 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "cfg")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	_, err := Open(link)
	if code(err) != "config_dir_symlink" {
		t.Fatalf("Open(symlinked dir) = %v, want config_dir_symlink", err)
	}
	if fi, _ := os.Stat(real); fi.Mode().Perm() != 0o755 {
		t.Errorf("the link's target was chmodded to %v", fi.Mode().Perm())
	}
}

func TestProfilesFileThatIsAFIFOOrDirectoryIsSetAside(t *testing.T) {
	for _, kind := range []string{"fifo", "directory"} {
		t.Run(kind, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "cfg")
			if err := os.MkdirAll(dir, 0o700); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, fileName)
			var err error
			if kind == "fifo" {
				err = syscall.Mkfifo(path, 0o600)
			} else {
				err = os.Mkdir(path, 0o700)
			}
			if err != nil {
				t.Fatal(err)
			}
			// A FIFO without a writer would block a plain open forever.
			done := make(chan *Store, 1)
			go func() { done <- openStore(t, dir) }()
			var s *Store
			select {
			case s = <-done:
			case <-timeoutC():
				t.Fatal("Open hung on the " + kind)
			}
			if w := s.Warning(); !strings.Contains(w, "not a regular file") {
				t.Errorf("warning %q", w)
			}
			mustSave(t, s, sample("After"))
		})
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func timeoutC() <-chan time.Time { return time.After(5 * time.Second) }
