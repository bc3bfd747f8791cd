//go:build linux || freebsd || openbsd || netbsd || dragonfly

package profile

import (
	"errors"
	"os"
	"path/filepath"
)

// sessionBusReachable checks for a D-Bus session bus before go-keyring looks
// for one: without it, godbus "autolaunches" a private bus (dbus-launch) that
// activates a locked keyring daemon and outlives the app.
func sessionBusReachable() error {
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") != "" {
		return nil
	}
	if dir := os.Getenv("XDG_RUNTIME_DIR"); dir != "" {
		if _, err := os.Stat(filepath.Join(dir, "bus")); err == nil {
			return nil
		}
	}
	return errors.New("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set), so no Secret Service can be reached")
}
