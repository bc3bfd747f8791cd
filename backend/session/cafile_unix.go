//go:build unix

package session

import (
	"os"
	"syscall"
)

// openCAFile opens without blocking: opening a FIFO for reading would
// otherwise wait for a writer forever.
func openCAFile(file string) (*os.File, error) {
	return os.OpenFile(file, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
