// Package nativedialog shows the OS's own confirm, open and save dialogs
// through github.com/sqweek/dialog, and can run each of them in a short-lived
// child process of the same binary.
//
// Why a child process on Linux: sqweek/dialog drives GTK on the calling
// goroutine's OS thread (gtk_dialog_run), while Wails runs its GTK main loop on
// the process's main thread. GTK is not thread-safe, and a dialog run from a
// bound method's goroutine aborts the app (e.g. the assertion in
// gtkpathbar.c). In a child process sqweek/dialog is the only GTK user, so it is
// safe, and a crash there is an error for the caller instead of the app's end.
//
// What the library does elsewhere (read in its source, version pinned in
// go.mod):
//   - macOS (cocoa/dlg.m): every alert and panel checks [NSThread isMainThread]
//     and otherwise re-runs itself with performSelectorOnMainThread:
//     waitUntilDone:YES, i.e. on the AppKit main thread that Wails runs. That is
//     safe from a bound method's goroutine (never the main thread), so macOS
//     shows dialogs in-process: a child would be a second Dock application.
//   - Windows (dlgs_windows.go): MessageBox, GetOpenFileName and
//     GetSaveFileName with no owner window run their own modal message loop on
//     the calling thread. Win32 windows belong to the thread that creates them,
//     so any thread may do this; the call is kept on one locked OS thread.
//     Windows also shows dialogs in-process (not exercised by our tests: no
//     Windows machine in CI).
//
// The Linux file chooser titles are always "Open File" / "Save File": the
// library ignores the title there.
package nativedialog

import (
	"errors"
	"fmt"

	"github.com/sqweek/dialog"
)

// Kind names a dialog.
type Kind string

const (
	KindConfirm Kind = "confirm" // yes/no question
	KindOpen    Kind = "open"    // choose an existing file
	KindSave    Kind = "save"    // choose a path to write
)

// Filter narrows a file dialog to some extensions ("*" for every file).
type Filter struct {
	Name       string   `json:"name"`
	Extensions []string `json:"extensions"`
}

// Request describes one dialog.
type Request struct {
	Kind      Kind     `json:"kind"`
	Title     string   `json:"title"`
	Message   string   `json:"message,omitempty"`   // confirm
	StartDir  string   `json:"startDir,omitempty"`  // open, save
	StartFile string   `json:"startFile,omitempty"` // save: the proposed file name
	Filters   []Filter `json:"filters,omitempty"`
}

// Response is the user's answer.
type Response struct {
	Yes   bool   `json:"yes,omitempty"`   // confirm: "Yes" was chosen
	Path  string `json:"path,omitempty"`  // open, save: "" means cancelled
	Error string `json:"error,omitempty"` // the dialog could not be shown
}

// Show runs the dialog in this process, on the calling thread.
func Show(req Request) (res Response) {
	defer func() {
		// sqweek/dialog panics when GTK could not initialise (no display).
		if r := recover(); r != nil {
			res = Response{Error: fmt.Sprint(r)}
		}
	}()
	switch req.Kind {
	case KindConfirm:
		return Response{Yes: dialog.Message("%s", req.Message).Title(req.Title).YesNo()}
	case KindOpen, KindSave:
		b := dialog.File().Title(req.Title).SetStartDir(req.StartDir)
		for _, f := range req.Filters {
			b = b.Filter(f.Name, f.Extensions...)
		}
		var path string
		var err error
		if req.Kind == KindOpen {
			path, err = b.Load()
		} else {
			path, err = b.SetStartFile(req.StartFile).Save()
		}
		if err != nil && !errors.Is(err, dialog.ErrCancelled) {
			return Response{Error: err.Error()}
		}
		return Response{Path: path}
	default:
		return Response{Error: fmt.Sprintf("unknown dialog kind %q", req.Kind)}
	}
}
