package app

import "context"

// Dialogs is the seam for native dialogs: sqweek/dialog in the desktop app, a
// scripted fake in tests and end-to-end runs.
type Dialogs interface {
	// Confirm asks a yes/no question; true means "yes". An error means the
	// question could not be shown: it is neither yes nor no.
	Confirm(title, message string) (bool, error)
	// OpenFile asks for an existing file; "" means cancelled.
	OpenFile(title string, filters ...FileFilter) (string, error)
	// SaveFile asks for a path to write; "" means cancelled.
	SaveFile(title, defaultName string, filters ...FileFilter) (string, error)
}

// FileFilter narrows a file dialog, e.g. {"PEM certificates", []string{"pem","crt"}}.
type FileFilter struct {
	Name       string
	Extensions []string
}

// Events is the seam for pushing events to the frontend. Services never call
// the Wails runtime directly: doing so with a non-Wails context exits the process.
type Events interface {
	Emit(name string, data any)
}

// Browser is the seam for showing a web page in the user's browser (the IAM
// Identity Center sign-in page).
type Browser interface {
	OpenURL(url string) error
}

// Platform bundles the seams and is given the Wails context at startup.
type Platform interface {
	Dialogs
	Events
	Browser
	Startup(ctx context.Context)
}
