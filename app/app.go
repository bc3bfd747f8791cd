// Package app holds the services bound to the frontend. They are thin: validate,
// recover, map DTOs, emit events and ask dialogs; SQL lives under backend/.
package app

import (
	"context"
	"log"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/catalog"
	"github.com/redshiftmate/rsmate/backend/profile"
	"github.com/redshiftmate/rsmate/backend/sandbox"
	"github.com/redshiftmate/rsmate/backend/session"
)

// KeychainService is the keychain "service" name: the app's id.
const KeychainService = "com.redshiftmate.app"

// Options configure an App. Zero values mean "the real thing".
type Options struct {
	Platform  Platform
	ConfigDir string          // default: profile.DefaultDir()
	Secrets   profile.Secrets // default: the OS keychain
	// Sandbox starts a throwaway local PostgreSQL at startup and offers it as
	// the "Local sandbox" profile (make run).
	Sandbox bool
	// LogPath is the app log file main opened ("" when logs go to stderr only).
	LogPath string
}

// App wires the services. New has no side effects: binding generation runs main.
type App struct {
	opts     Options
	platform Platform
	secrets  profile.Secrets
	sessions *session.Manager

	storeOnce sync.Once
	st        *profile.Store
	stErr     error

	// sandbox is the running Local sandbox: started by Startup (Options.Sandbox)
	// or on request (SandboxService.Start); sandboxMu serialises starts and stops.
	sandbox   atomic.Pointer[sandbox.Sandbox]
	sandboxMu sync.Mutex
	// emulated is the Local sandbox's "Redshift (emulated)", started on
	// request only (startEmulated); sandboxMu serialises it too.
	emulated atomic.Pointer[sandbox.Sandbox]
	// sandboxReady is closed once Startup has started (or failed to start) the
	// sandbox: on Linux and Windows Wails runs Startup concurrently with the
	// page's first calls, so readers wait for it.
	sandboxReady chan struct{}

	Profiles *ProfilesService
	Sessions *SessionsService
	Catalog  *CatalogService
	Changes  *ChangesService
	Insight  *InsightService
	About    *AboutService
	Offboard *OffboardService
}

// New builds the app. Nothing touches disk, network or keychain until used.
func New(opts Options) *App {
	a := &App{opts: opts, platform: opts.Platform, secrets: opts.Secrets, sessions: session.NewManager()}
	if opts.Sandbox {
		a.sandboxReady = make(chan struct{})
	}
	if a.platform == nil {
		a.platform = NewDesktopPlatform()
	}
	if a.secrets == nil {
		a.secrets = profile.NewKeyringSecrets(KeychainService)
	}
	a.Profiles = &ProfilesService{app: a}
	a.Sessions = &SessionsService{app: a}
	a.Catalog = &CatalogService{app: a, cache: catalog.NewCache(), engines: engineFor}
	// A closed session's snapshots and index go with it; its loads stop.
	a.sessions.OnClose(a.Catalog.cache.Close)
	a.Changes = &ChangesService{app: a}
	a.Insight = &InsightService{app: a}
	a.About = &AboutService{app: a}
	a.Offboard = &OffboardService{app: a}
	return a
}

// OptionsFromEnv reads the switches `make run` and the end-to-end tests use.
func OptionsFromEnv() Options {
	// envPlatform is nil except in e2efakes builds (platform_fake_env.go).
	return Options{ConfigDir: os.Getenv("RSMATE_CONFIG_DIR"), Sandbox: os.Getenv("RSMATE_SANDBOX") == "1", Platform: envPlatform()}
}

// Bindings lists the services the frontend may call.
func (a *App) Bindings() []any {
	return []any{a.Profiles, a.Sessions, a.Catalog, a.Changes, a.Insight, a.About, a.Offboard}
}

// Startup runs when the window exists: the place for side effects.
func (a *App) Startup(ctx context.Context) {
	a.platform.Startup(ctx)
	// The first profile list waits for the keychain probe when a profile has a
	// saved password: start it now, while the page loads, not after.
	go func() { _ = a.secrets.Available() }()
	if a.opts.Sandbox {
		defer close(a.sandboxReady)
		sb, err := sandbox.Start(context.Background())
		if err != nil {
			log.Printf("sandbox: %v", err)
			return
		}
		a.sandbox.Store(sb)
	}
}

// Shutdown closes every session and stops the sandbox.
func (a *App) Shutdown(context.Context) {
	a.sessions.CloseAll()
	sb := a.waitSandbox()
	a.sandboxMu.Lock() // a start in progress finishes first
	defer a.sandboxMu.Unlock()
	if sb = a.sandbox.Swap(nil); sb != nil {
		sb.Stop()
	}
	if em := a.emulated.Swap(nil); em != nil {
		em.Stop()
	}
}

func (a *App) store() (*profile.Store, error) {
	a.storeOnce.Do(func() {
		dir := a.opts.ConfigDir
		if dir == "" {
			if dir, a.stErr = profile.DefaultDir(); a.stErr != nil {
				return
			}
		}
		a.st, a.stErr = profile.Open(dir)
	})
	if a.stErr != nil {
		return nil, &apperr.Error{Code: "profile_store", Message: "cannot open the connection profiles", Detail: a.stErr.Error(), Err: a.stErr}
	}
	return a.st, nil
}

// waitSandbox returns the running sandbox, if any, once Startup is done with it.
func (a *App) waitSandbox() *sandbox.Sandbox {
	if a.sandboxReady == nil {
		return a.sandbox.Load()
	}
	select {
	case <-a.sandboxReady:
		return a.sandbox.Load()
	case <-time.After(2 * time.Minute):
		return nil
	}
}

// startSandbox starts the Local sandbox unless one runs already.
func (a *App) startSandbox(ctx context.Context) error {
	if a.waitSandbox() != nil {
		return nil
	}
	a.sandboxMu.Lock()
	defer a.sandboxMu.Unlock()
	if a.sandbox.Load() != nil {
		return nil
	}
	sb, err := sandbox.Start(ctx)
	if err != nil {
		return err
	}
	a.sandbox.Store(sb)
	return nil
}

// startEmulated starts the Local sandbox's emulated Redshift unless it runs already.
func (a *App) startEmulated(ctx context.Context) error {
	a.sandboxMu.Lock()
	defer a.sandboxMu.Unlock()
	if a.emulated.Load() != nil {
		return nil
	}
	sb, err := sandbox.StartEmulated(ctx)
	if err != nil {
		return err
	}
	a.emulated.Store(sb)
	return nil
}

// sandboxes returns the running sandboxes: the Local sandbox first, then its
// emulated Redshift.
func (a *App) sandboxes() []*sandbox.Sandbox {
	var out []*sandbox.Sandbox
	if sb := a.waitSandbox(); sb != nil {
		out = append(out, sb)
	}
	if em := a.emulated.Load(); em != nil {
		out = append(out, em)
	}
	return out
}

// sandboxProfile returns the running Local sandbox's profile (nil if none).
func (a *App) sandboxProfile() *profile.Profile {
	sb := a.waitSandbox()
	if sb == nil {
		return nil
	}
	p := sb.Profile()
	return &p
}

// sandboxByID returns the running sandbox whose profile has this id.
func (a *App) sandboxByID(id string) *sandbox.Sandbox {
	for _, sb := range a.sandboxes() {
		if sb.Profile().ID == id {
			return sb
		}
	}
	return nil
}

func (a *App) sandboxPassword(id string) string {
	if sb := a.sandboxByID(id); sb != nil {
		return sb.Password()
	}
	return ""
}

func (a *App) profileByID(id string) (profile.Profile, error) {
	if sb := a.sandboxByID(id); sb != nil {
		return sb.Profile(), nil
	}
	st, err := a.store()
	if err != nil {
		return profile.Profile{}, err
	}
	return st.Get(id)
}
