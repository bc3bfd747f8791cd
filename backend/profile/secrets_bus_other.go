//go:build !(linux || freebsd || openbsd || netbsd || dragonfly)

package profile

// sessionBusReachable: macOS and Windows keychains need no session bus.
func sessionBusReachable() error { return nil }
