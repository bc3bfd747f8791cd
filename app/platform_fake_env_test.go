//go:build e2efakes

package app

import "testing"

// End-to-end runs fake the dialogs but must still deliver events to the window.
func TestE2EFakePlatformForwardsEventsToTheWindow(t *testing.T) {
	t.Setenv("RSMATE_FAKE_DIALOGS", "1")
	f, ok := OptionsFromEnv().Platform.(*FakePlatform)
	if !ok {
		t.Fatalf("RSMATE_FAKE_DIALOGS=1 in an e2efakes build gives %T, want *FakePlatform", OptionsFromEnv().Platform)
	}
	if f.Forward == nil {
		t.Fatal("the end-to-end fake does not forward events to the window")
	}
}
