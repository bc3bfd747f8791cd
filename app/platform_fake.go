package app

import (
	"context"
	"sync"
)

// FakePlatform answers dialogs from a script and records events. Unit tests
// build it directly; builds with the e2efakes tag select it from the
// environment (platform_fake_env.go). The release binary never refers to it,
// so the linker leaves it out: scripts/realdialogs.sh checks the built binary.
type FakePlatform struct {
	mu         sync.Mutex
	Answer     bool               // what Confirm returns
	ConfirmErr error              // what Confirm returns as its error (a dialog that failed)
	OpenPath   string             // what OpenFile returns
	SavePath   string             // what SaveFile returns
	Confirms   []string           // titles of every Confirm call
	Emitted    []EmittedEvent     // every event, in order
	OpenedURLs []string           // every OpenURL, in order
	OnOpenURL  func(url string)   // optional hook (tests "confirm" a sign-in there)
	OnEmit     func(EmittedEvent) // optional hook for tests that wait on events
	// Forward also receives every event and the startup context: end-to-end
	// runs fake the dialogs but still push events to the real window.
	Forward Platform
}

// EmittedEvent is one recorded event.
type EmittedEvent struct {
	Name string
	Data any
}

func (f *FakePlatform) Startup(ctx context.Context) {
	if f.Forward != nil {
		f.Forward.Startup(ctx)
	}
}

func (f *FakePlatform) Emit(name string, data any) {
	f.mu.Lock()
	ev := EmittedEvent{name, data}
	f.Emitted = append(f.Emitted, ev)
	hook, fwd := f.OnEmit, f.Forward
	f.mu.Unlock()
	if hook != nil {
		hook(ev)
	}
	if fwd != nil {
		fwd.Emit(name, data)
	}
}

func (f *FakePlatform) Confirm(title, _ string) (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.Confirms = append(f.Confirms, title)
	return f.Answer, f.ConfirmErr
}

// OpenURL records the URL; no browser is opened.
func (f *FakePlatform) OpenURL(url string) error {
	f.mu.Lock()
	f.OpenedURLs = append(f.OpenedURLs, url)
	hook := f.OnOpenURL
	f.mu.Unlock()
	if hook != nil {
		hook(url)
	}
	return nil
}

func (f *FakePlatform) OpenFile(string, ...FileFilter) (string, error) { return f.OpenPath, nil }

func (f *FakePlatform) SaveFile(string, string, ...FileFilter) (string, error) {
	return f.SavePath, nil
}

// Events returns a copy of the recorded events.
func (f *FakePlatform) Events() []EmittedEvent {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]EmittedEvent(nil), f.Emitted...)
}
