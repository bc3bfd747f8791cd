//go:build !e2efakes

package app

// envPlatform: the release build always shows the real dialogs, whatever the
// environment says.
func envPlatform() Platform { return nil }
