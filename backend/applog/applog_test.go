package applog

import (
	"log"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpenWritesLogLinesToTheFileAndRotatesABigOldLog(t *testing.T) {
	path := filepath.Join(t.TempDir(), "logs", "app.log")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, make([]byte, maxKept+1), 0o600); err != nil {
		t.Fatal(err)
	}
	closeLog, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	log.Printf("hello from the test")
	closeLog()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(got), "hello from the test") || len(got) > 200 {
		t.Fatalf("app.log = %q, want only the new line", got)
	}
	if fi, err := os.Stat(path + ".1"); err != nil || fi.Size() != maxKept+1 {
		t.Fatalf("rotated log: %v, %v", fi, err)
	}
}
