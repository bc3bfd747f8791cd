//go:build !unix

package profile

import "os"

// openNoFollow opens path for reading unless it is a symbolic link. Without
// O_NOFOLLOW the check is a separate Lstat; creating links needs privileges
// on Windows, which narrows the window this leaves.
func openNoFollow(path string) (*os.File, error) {
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		return nil, errSymlink
	}
	return os.Open(path)
}
