package nativedialog

import (
	"os"
	"runtime"
	"syscall"
)

// The child must not outlive the app: SIGKILL when the starting thread (kept
// locked for the child's lifetime, see Runner.Run) or the whole app goes away.
func childSysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

// In a dialog child, keep the main goroutine on the main thread, where
// sqweek/dialog's init ran gtk_init (package inits run there), so every GTK
// call comes from that one thread.
func init() {
	if os.Getenv(ChildEnv) == "1" {
		runtime.LockOSThread()
	}
}
