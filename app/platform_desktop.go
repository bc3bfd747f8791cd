package app

import (
	"context"
	"log"
	"os"
	"path/filepath"
	"sync"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/redshiftmate/rsmate/app/nativedialog"
	"github.com/redshiftmate/rsmate/backend/apperr"
)

// desktopPlatform shows the OS's dialogs through app/nativedialog (a child
// process on Linux, in-process on macOS and Windows: see showDialog) and emits
// events through the Wails runtime once it has a Wails context.
type desktopPlatform struct {
	mu  sync.Mutex
	ctx context.Context

	show    func(context.Context, nativedialog.Request) (nativedialog.Response, error)
	dirMu   sync.Mutex
	lastDir string // folder of the last file chosen; file dialogs start there
}

func NewDesktopPlatform() Platform { return &desktopPlatform{show: showDialog} }

func (p *desktopPlatform) Startup(ctx context.Context) {
	p.mu.Lock()
	p.ctx = ctx
	p.mu.Unlock()
}

func (p *desktopPlatform) Emit(name string, data any) {
	p.mu.Lock()
	ctx := p.ctx
	p.mu.Unlock()
	if ctx == nil {
		return // before startup there is no window to tell
	}
	runtime.EventsEmit(ctx, name, data)
}

// OpenURL opens url in the default browser through the Wails runtime; before
// startup there is no Wails context, and calling the runtime without one
// would end the process.
func (p *desktopPlatform) OpenURL(url string) error {
	p.mu.Lock()
	ctx := p.ctx
	p.mu.Unlock()
	if ctx == nil {
		return apperr.New("no_window", "the browser cannot be opened before the window is up", "")
	}
	runtime.BrowserOpenURL(ctx, url)
	return nil
}

// Confirm reports a dialog that could not be shown as an error, so callers
// neither act on a question nobody saw nor say the user declined it.
func (p *desktopPlatform) Confirm(title, message string) (bool, error) {
	res, err := p.show(context.Background(), nativedialog.Request{Kind: nativedialog.KindConfirm, Title: title, Message: message})
	if err != nil {
		log.Printf("confirmation dialog %q failed: %v", title, err)
		return false, &apperr.Error{Code: "dialog_failed", Message: "the confirmation dialog could not be shown", Detail: err.Error(),
			Hint: "Nothing was changed. Try again; if it keeps failing, the app's log says why.", Err: err}
	}
	return res.Yes, nil
}

func (p *desktopPlatform) OpenFile(title string, filters ...FileFilter) (string, error) {
	return p.file(nativedialog.Request{Kind: nativedialog.KindOpen, Title: title}, filters)
}

func (p *desktopPlatform) SaveFile(title, defaultName string, filters ...FileFilter) (string, error) {
	return p.file(nativedialog.Request{Kind: nativedialog.KindSave, Title: title, StartFile: defaultName}, filters)
}

func (p *desktopPlatform) file(req nativedialog.Request, filters []FileFilter) (string, error) {
	req.StartDir = p.startDir()
	for _, f := range filters {
		req.Filters = append(req.Filters, nativedialog.Filter{Name: f.Name, Extensions: f.Extensions})
	}
	res, err := p.show(context.Background(), req)
	if err != nil {
		log.Printf("file dialog %q failed: %v", req.Title, err)
		return "", dialogError(err)
	}
	if res.Path != "" {
		p.dirMu.Lock()
		p.lastDir = filepath.Dir(res.Path)
		p.dirMu.Unlock()
	}
	return res.Path, nil
}

// startDir is the folder of the last file chosen while it still exists, else
// the user's home.
func (p *desktopPlatform) startDir() string {
	p.dirMu.Lock()
	dir := p.lastDir
	p.dirMu.Unlock()
	if dir != "" {
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			return dir
		}
	}
	home, _ := os.UserHomeDir()
	return home
}

func dialogError(err error) error {
	return &apperr.Error{Code: "dialog_failed", Message: "the file dialog could not be shown", Detail: err.Error(),
		Hint: "Nothing was read or written. Try again; if it keeps failing, the app's log says why.", Err: err}
}
