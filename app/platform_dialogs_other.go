//go:build !linux

package app

import (
	"context"
	"errors"
	"runtime"
	"sync"

	"github.com/redshiftmate/rsmate/app/nativedialog"
)

var dialogMu sync.Mutex

// On macOS sqweek/dialog hops to the AppKit main thread itself, and on Windows
// a dialog may run its own modal loop on any thread (see app/nativedialog), so
// they are shown in-process, one at a time, on one locked OS thread.
func showDialog(ctx context.Context, req nativedialog.Request) (nativedialog.Response, error) {
	dialogMu.Lock()
	defer dialogMu.Unlock()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	res := nativedialog.Show(req)
	if res.Error != "" {
		return res, errors.New(res.Error)
	}
	return res, ctx.Err()
}
