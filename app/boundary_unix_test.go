//go:build unix

package app

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Import refuses a chosen file that is not a regular file: /dev/zero would be
// read until memory runs out and a FIFO would block the read forever.
func TestImportRefusesDevicesAndFIFOs(t *testing.T) {
	a := newTestApp(t)
	fifo := filepath.Join(t.TempDir(), "profiles.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/dev/zero", fifo, t.TempDir()} {
		a.fake.OpenPath = path
		done := make(chan error, 1)
		go func() { _, err := a.Profiles.Import(); done <- err }()
		select {
		case err := <-done:
			e := wantCode(t, err, "read_failed")
			if !strings.Contains(e.Message, "is not a regular file") {
				t.Errorf("%s: %q", path, e.Message)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("Import hung on %s", path)
		}
	}
}
