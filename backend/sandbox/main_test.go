package sandbox

import (
	"fmt"
	"os"
	"testing"
)

// TestMain keeps the sandbox registry (under the user's cache directory) out
// of the real one: every test process of this package, the helper child
// included, shares one throwaway XDG_CACHE_HOME.
func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "" {
		dir, err := os.MkdirTemp("", "rsmate-sandbox-cache-")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Setenv("XDG_CACHE_HOME", dir)
		code := m.Run()
		os.RemoveAll(dir)
		os.Exit(code)
	}
	os.Exit(m.Run())
}
