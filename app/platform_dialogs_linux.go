package app

import "github.com/redshiftmate/rsmate/app/nativedialog"

// On Linux every dialog runs in a child process of this binary: GTK is driven
// by Wails on the main thread and must not be touched from a bound method's
// goroutine (see app/nativedialog). The runner shows one dialog at a time.
// /proc/self/exe is this very binary even when its file was replaced or
// removed since the app started (an upgrade while it runs).
var showDialog = (&nativedialog.Runner{Exe: "/proc/self/exe"}).Run
