//go:build e2efakes

package app

import (
	"os"
	"strings"
)

// envPlatform selects the scripted fake when RSMATE_FAKE_DIALOGS=1. Only
// builds with the e2efakes tag (scripts/e2e.sh) have it.
func envPlatform() Platform {
	if os.Getenv("RSMATE_FAKE_DIALOGS") != "1" {
		return nil
	}
	return NewFakePlatformFromEnv()
}

// NewFakePlatformFromEnv reads RSMATE_FAKE_CONFIRM (default yes),
// RSMATE_FAKE_OPEN_FILE and RSMATE_FAKE_SAVE_FILE.
func NewFakePlatformFromEnv() *FakePlatform {
	return &FakePlatform{
		Answer:   !strings.EqualFold(os.Getenv("RSMATE_FAKE_CONFIRM"), "no"),
		OpenPath: os.Getenv("RSMATE_FAKE_OPEN_FILE"),
		SavePath: os.Getenv("RSMATE_FAKE_SAVE_FILE"),
		Forward:  NewDesktopPlatform(),
	}
}
