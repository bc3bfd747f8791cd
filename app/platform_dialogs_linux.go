package app

import "github.com/redshiftmate/rsmate/app/nativedialog"

// On Linux every dialog runs in a child process of this binary: GTK is driven
// by Wails on the main thread and must not be touched from a bound method's
// goroutine (see app/nativedialog). The runner shows one dialog at a time.
var showDialog = (&nativedialog.Runner{}).Run
