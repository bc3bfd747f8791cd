//go:build linux

package nativedialog

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The test binary doubles as the dialog child (and as an "app" for the
// parent-death test): TESTCHILD_MODE picks what it does instead of a GTK dialog.
func TestMain(m *testing.M) {
	if os.Getenv(ChildEnv) == "1" {
		os.Exit(serve(os.Stdin, os.Stdout, testShow))
	}
	if os.Getenv("TESTCHILD_APP") == "1" {
		// An "app" showing a dialog that never ends, killed by the test.
		_, err := (&Runner{Exe: os.Args[0]}).Run(context.Background(), Request{Kind: KindConfirm})
		fmt.Fprintln(os.Stderr, "dialog ended:", err)
		os.Exit(3)
	}
	os.Exit(m.Run())
}

func testShow(req Request) Response {
	switch os.Getenv("TESTCHILD_MODE") {
	case "echo":
		fmt.Println("GTK noise on stdout")
		return Response{Yes: req.Kind == KindConfirm, Path: strings.Join([]string{string(req.Kind), req.Title, req.StartDir, req.StartFile,
			fmt.Sprint(req.Filters), os.Getenv("DISPLAY"), os.Getenv("WAYLAND_DISPLAY")}, "|")}
	case "abort": // what a GTK assertion does
		fmt.Fprintln(os.Stderr, "Gtk:ERROR:gtkpathbar.c:1754: assertion failed")
		_ = syscall.Kill(os.Getpid(), syscall.SIGABRT)
		time.Sleep(time.Minute)
	case "silent":
		os.Exit(0)
	case "error":
		return Response{Error: "gtk initialisation failed; presumably no X server is available"}
	case "overlap": // fails if another dialog child is showing at the same time
		lock := os.Getenv("TESTCHILD_LOCK")
		f, err := os.OpenFile(lock, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil {
			return Response{Error: "two dialogs at once"}
		}
		f.Close()
		time.Sleep(150 * time.Millisecond)
		os.Remove(lock)
		return Response{Path: "/done"}
	case "block":
		_ = os.WriteFile(os.Getenv("TESTCHILD_PIDFILE"), []byte(strconv.Itoa(os.Getpid())), 0o600)
		time.Sleep(time.Hour)
	}
	return Response{Error: "unknown TESTCHILD_MODE"}
}

func runner() *Runner { return &Runner{Exe: os.Args[0]} }

func TestChildReceivesTheRequestAndTheDisplayAndAnswers(t *testing.T) {
	t.Setenv("TESTCHILD_MODE", "echo")
	t.Setenv("DISPLAY", ":42")
	t.Setenv("WAYLAND_DISPLAY", "wayland-7")
	res, err := runner().Run(context.Background(), Request{Kind: KindSave, Title: "Save SQL script", StartDir: "/home/u/sql",
		StartFile: "changes.sql", Filters: []Filter{{Name: "SQL scripts", Extensions: []string{"sql"}}}})
	if err != nil {
		t.Fatal(err)
	}
	want := "save|Save SQL script|/home/u/sql|changes.sql|[{SQL scripts [sql]}]|:42|wayland-7"
	if res.Path != want || res.Yes {
		t.Fatalf("answer = %+v, want path %q", res, want)
	}
	res, err = runner().Run(context.Background(), Request{Kind: KindConfirm, Title: "Apply?"})
	if err != nil || !res.Yes {
		t.Fatalf("confirm answer = %+v, %v; want yes", res, err)
	}
}

func TestCrashingChildIsAnErrorForTheCaller(t *testing.T) {
	t.Setenv("TESTCHILD_MODE", "abort")
	_, err := runner().Run(context.Background(), Request{Kind: KindOpen})
	if err == nil || !strings.Contains(err.Error(), "the dialog process failed") || !strings.Contains(err.Error(), "gtkpathbar.c:1754") {
		t.Fatalf("err = %v, want the dialog process failure with GTK's message", err)
	}
}

func TestChildWithoutAnswerIsAnError(t *testing.T) {
	t.Setenv("TESTCHILD_MODE", "silent")
	if _, err := runner().Run(context.Background(), Request{Kind: KindOpen}); err == nil || !strings.Contains(err.Error(), "without an answer") {
		t.Fatalf("err = %v, want 'exited without an answer'", err)
	}
}

func TestChildReportedErrorReachesTheCaller(t *testing.T) {
	t.Setenv("TESTCHILD_MODE", "error")
	if _, err := runner().Run(context.Background(), Request{Kind: KindOpen}); err == nil || !strings.Contains(err.Error(), "no X server") {
		t.Fatalf("err = %v, want the child's error", err)
	}
}

func TestConcurrentDialogsAreShownOneAtATime(t *testing.T) {
	t.Setenv("TESTCHILD_MODE", "overlap")
	t.Setenv("TESTCHILD_LOCK", t.TempDir()+"/showing")
	r := runner()
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = r.Run(context.Background(), Request{Kind: KindOpen})
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
}

func TestCancelledContextKillsTheChild(t *testing.T) {
	t.Setenv("TESTCHILD_MODE", "block")
	pidfile := t.TempDir() + "/pid"
	t.Setenv("TESTCHILD_PIDFILE", pidfile)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { _, err := runner().Run(ctx, Request{Kind: KindOpen}); done <- err }()
	pid := waitPid(t, pidfile)
	cancel()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("a killed dialog returned no error")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after its context was cancelled")
	}
	waitGone(t, pid)
}

func TestDialogChildIsKilledWhenTheAppDies(t *testing.T) {
	pidfile := t.TempDir() + "/pid"
	app := exec.Command(os.Args[0])
	app.Env = append(os.Environ(), "TESTCHILD_APP=1", "TESTCHILD_MODE=block", "TESTCHILD_PIDFILE="+pidfile)
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	pid := waitPid(t, pidfile)
	if err := app.Process.Kill(); err != nil { // SIGKILL: no cleanup code runs in the app
		t.Fatal(err)
	}
	_ = app.Wait()
	waitGone(t, pid)
}

func waitPid(t *testing.T, pidfile string) int {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(pidfile); err == nil && len(b) > 0 {
			pid, err := strconv.Atoi(string(b))
			if err != nil {
				t.Fatal(err)
			}
			return pid
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("the dialog child did not start")
	return 0
}

// waitGone waits until pid has exited (a zombie not yet reaped by init counts).
func waitGone(t *testing.T, pid int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			return
		}
		if f := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:])); len(f) > 0 && f[0] == "Z" {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("the dialog child (pid %d) is still running", pid)
}
