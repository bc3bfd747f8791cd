package app

import (
	"context"
	"net"
	"strconv"
	"testing"
	"time"
)

// Wails runs Startup concurrently with the page's first calls (Linux, Windows):
// a List that arrives while the sandbox is still starting must wait for it, and
// Shutdown must stop it.
func TestSandboxProfileListedWhenStartupRunsConcurrently(t *testing.T) {
	a := New(Options{Platform: &FakePlatform{}, ConfigDir: t.TempDir(), Secrets: newMemSecrets(), Sandbox: true})
	go a.Startup(context.Background())

	views, err := a.Profiles.List() // races with Startup on purpose
	if err != nil {
		t.Fatal(err)
	}
	if len(views) == 0 || views[0].ID != "sandbox" || !views[0].Sandbox {
		t.Fatalf("List() = %+v, want the Local sandbox first", views)
	}
	port := views[0].Port
	if a.sandboxPassword("sandbox") == "" {
		t.Fatal("no sandbox password")
	}

	a.Shutdown(context.Background())
	waitPortClosed(t, port)
}

// The packaged app runs without RSMATE_SANDBOX: the welcome screen starts the
// sandbox on request, after which it is listed like the one Startup starts.
func TestStartSandboxOnRequestListsItAndShutdownStopsIt(t *testing.T) {
	a := New(Options{Platform: &FakePlatform{}, ConfigDir: t.TempDir(), Secrets: newMemSecrets()})
	a.Startup(context.Background())
	if views, err := a.Profiles.List(); err != nil || len(views) != 0 {
		t.Fatalf("before the start: List() = %+v, %v; want no profiles", views, err)
	}
	info, err := a.About.StartSandbox()
	if err != nil {
		t.Fatal(err)
	}
	if !info.Running || !info.Available {
		t.Fatalf("StartSandbox() = %+v", info)
	}
	again, err := a.About.StartSandbox() // a second request reuses the running one
	if err != nil || !again.Running {
		t.Fatalf("second StartSandbox() = %+v, %v", again, err)
	}
	views, err := a.Profiles.List()
	if err != nil || len(views) != 1 || views[0].ID != "sandbox" {
		t.Fatalf("after the start: List() = %+v, %v; want the Local sandbox", views, err)
	}
	port := views[0].Port
	a.Shutdown(context.Background())
	waitPortClosed(t, port)
}

// waitPortClosed fails unless nothing listens on 127.0.0.1:port within 10 s
// (the sandbox stops with the app).
func waitPortClosed(t *testing.T, port int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), time.Second)
		if err != nil {
			return
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatalf("sandbox still listening on %d after Shutdown", port)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
