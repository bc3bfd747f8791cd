//go:build !unix

package session

import (
	"fmt"
	"os"
)

// openCAFile refuses what is not a regular file before opening it (Windows
// has no O_NONBLOCK open; named pipes live under \\.\pipe\ and are not files).
func openCAFile(file string) (*os.File, error) {
	fi, err := os.Stat(file)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file")
	}
	return os.Open(file)
}
