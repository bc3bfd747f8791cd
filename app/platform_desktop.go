package app

import (
	"context"
	"errors"
	"sync"

	"github.com/sqweek/dialog"
	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// desktopPlatform shows GTK/Cocoa/Win32 dialogs through sqweek/dialog and emits
// events through the Wails runtime once it has a Wails context.
type desktopPlatform struct {
	mu  sync.Mutex
	ctx context.Context
}

func NewDesktopPlatform() Platform { return &desktopPlatform{} }

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

func (p *desktopPlatform) Confirm(title, message string) bool {
	return dialog.Message("%s", message).Title(title).YesNo()
}

func (p *desktopPlatform) OpenFile(title string, filters ...FileFilter) (string, error) {
	b := dialog.File().Title(title)
	for _, f := range filters {
		b = b.Filter(f.Name, f.Extensions...)
	}
	path, err := b.Load()
	if errors.Is(err, dialog.ErrCancelled) {
		return "", nil
	}
	return path, err
}

func (p *desktopPlatform) SaveFile(title, defaultName string, filters ...FileFilter) (string, error) {
	b := dialog.File().Title(title).SetStartFile(defaultName)
	for _, f := range filters {
		b = b.Filter(f.Name, f.Extensions...)
	}
	path, err := b.Save()
	if errors.Is(err, dialog.ErrCancelled) {
		return "", nil
	}
	return path, err
}
