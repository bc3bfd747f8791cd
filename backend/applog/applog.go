// Package applog keeps the app's log in a file as well as on stderr: a desktop
// app started from a menu has no terminal, so stderr is lost.
package applog

import (
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
)

// maxKept is the size above which the previous log is rotated away at start.
const maxKept = 4 << 20

// DefaultPath is os.UserCacheDir()/redshift-mate/logs/app.log.
func DefaultPath() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("locating the cache folder: %w", err)
	}
	return filepath.Join(base, "redshift-mate", "logs", "app.log"), nil
}

// Open appends the standard logger's output to the file at path (the previous
// run's file moves to app.log.1 once it is over maxKept) and keeps stderr.
// It returns a function that closes the file.
func Open(path string) (func(), error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	if fi, err := os.Stat(path); err == nil && fi.Size() > maxKept {
		_ = os.Rename(path, path+".1")
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, err
	}
	log.SetOutput(io.MultiWriter(os.Stderr, f))
	return func() { log.SetOutput(os.Stderr); _ = f.Close() }, nil
}
