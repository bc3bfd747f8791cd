//go:build !e2efakes

package app

import "testing"

// The release build must show real dialogs even when the environment asks for
// fakes (RSMATE_FAKE_DIALOGS=1 used to answer "yes" to every confirmation).
func TestReleaseBuildIgnoresRSMATE_FAKE_DIALOGS(t *testing.T) {
	t.Setenv("RSMATE_FAKE_DIALOGS", "1")
	if p := OptionsFromEnv().Platform; p != nil {
		t.Fatalf("OptionsFromEnv().Platform = %T, want nil (the real dialogs)", p)
	}
	if _, ok := New(OptionsFromEnv()).platform.(*desktopPlatform); !ok {
		t.Fatalf("the app's platform is %T, want the desktop platform", New(OptionsFromEnv()).platform)
	}
}
