package app

import (
	"context"
	"log"
	"sync"
	"time"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/buildinfo"
	"github.com/redshiftmate/rsmate/backend/pgcluster"
	"github.com/redshiftmate/rsmate/backend/profile"
)

// AboutService answers the About dialog and the welcome screen's question of
// whether a Local sandbox can run here.
type AboutService struct{ app *App }

// LicenseCount is one line of the About dialog's licence summary.
type LicenseCount struct {
	License string `json:"license"`
	Count   int    `json:"count"`
}

// SandboxInfo says whether the Local sandbox runs, could run, and what it needs.
type SandboxInfo struct {
	Running bool `json:"running"`
	// EmulatedRunning: the "Redshift (emulated)" sandbox runs (StartEmulatedSandbox).
	EmulatedRunning bool   `json:"emulatedRunning"`
	Available       bool   `json:"available"` // PostgreSQL server binaries were found
	BinDir          string `json:"binDir"`
	Need            string `json:"need"` // what is missing, when not available
}

// AboutInfo is the build, where the app keeps its files, and what it bundles.
type AboutInfo struct {
	Version   string `json:"version"`
	Commit    string `json:"commit"`
	BuildDate string `json:"buildDate"`
	GoVersion string `json:"goVersion"`
	Wails     string `json:"wails"`
	Platform  string `json:"platform"`

	ConfigDir    string `json:"configDir"`
	ProfilesFile string `json:"profilesFile"`
	AuditLog     string `json:"auditLog"`
	AppLog       string `json:"appLog"` // "" when the log goes to stderr only

	Packages int            `json:"packages"`
	Licenses []LicenseCount `json:"licenses"`

	Sandbox SandboxInfo `json:"sandbox"`
}

// About describes this build.
func (s *AboutService) About() (info AboutInfo, err error) {
	defer guard(&err)
	b := buildinfo.Get()
	info = AboutInfo{Version: b.Version, Commit: b.Commit, BuildDate: b.Date, GoVersion: b.GoVersion, Wails: b.Wails,
		Platform: b.Platform, AppLog: s.app.opts.LogPath, Sandbox: s.sandbox()}
	dir := s.app.opts.ConfigDir
	if dir == "" {
		if dir, err = profile.DefaultDir(); err != nil {
			return info, err
		}
	}
	info.ConfigDir = dir
	// Ask the stores themselves, so the dialog names the files really written.
	if st, err := s.app.store(); err == nil {
		info.ProfilesFile = st.Path()
	}
	if audit, err := s.app.Changes.auditLog(); err == nil {
		info.AuditLog = audit.Path()
	}
	ps := buildinfo.ThirdParty()
	info.Packages = len(ps)
	for _, c := range buildinfo.LicenseSummary(ps) {
		info.Licenses = append(info.Licenses, LicenseCount{c.License, c.Count})
	}
	return info, nil
}

// ThirdPartyLicenses is the full text of every bundled licence.
func (s *AboutService) ThirdPartyLicenses() (text string, err error) {
	defer guard(&err)
	return buildinfo.ThirdPartyLicenses(), nil
}

// Sandbox reports the Local sandbox's state (the welcome screen asks).
func (s *AboutService) Sandbox() (info SandboxInfo, err error) {
	defer guard(&err)
	return s.sandbox(), nil
}

// StartSandbox starts the Local sandbox (a throwaway PostgreSQL seeded with a
// realistic access model, stopped when the app closes) so the packaged app can
// offer it without a terminal; it then appears in the connections list.
func (s *AboutService) StartSandbox() (info SandboxInfo, err error) {
	defer guard(&err)
	if info = s.sandbox(); !info.Available {
		return info, &apperr.Error{Code: "sandbox_unavailable", Message: "the Local sandbox needs PostgreSQL server binaries", Detail: info.Need,
			Hint: "Install the 'postgresql' package, or set RSMATE_PG_BIN to the folder that holds initdb and pg_ctl."}
	}
	if err := s.app.startSandbox(context.Background()); err != nil {
		return info, &apperr.Error{Code: "sandbox_failed", Message: "the Local sandbox did not start", Detail: err.Error(), Err: err}
	}
	return s.sandbox(), nil
}

// StartEmulatedSandbox starts the Local sandbox as "Redshift (emulated)": a
// throwaway PostgreSQL holding Redshift-shaped catalog views and a small
// Redshift warehouse, browsed with the Redshift reader. Its profile then
// appears in the connections list; nothing can be applied on it.
func (s *AboutService) StartEmulatedSandbox() (info SandboxInfo, err error) {
	defer guard(&err)
	if info = s.sandbox(); !info.Available {
		return info, &apperr.Error{Code: "sandbox_unavailable", Message: "the emulated Redshift needs PostgreSQL server binaries", Detail: info.Need,
			Hint: "Install the 'postgresql' package, or set RSMATE_PG_BIN to the folder that holds initdb and pg_ctl."}
	}
	if err := s.app.startEmulated(context.Background()); err != nil {
		return info, &apperr.Error{Code: "sandbox_failed", Message: "the emulated Redshift did not start", Detail: err.Error(), Err: err}
	}
	return s.sandbox(), nil
}

func (s *AboutService) sandbox() SandboxInfo {
	info := SandboxInfo{Running: s.app.waitSandbox() != nil, EmulatedRunning: s.app.emulated.Load() != nil}
	dir, err := pgcluster.FindBinaries()
	if err != nil {
		info.Need = err.Error()
		return info
	}
	info.Available, info.BinDir = true, dir
	return info
}

// processStart is when the app package was initialised: just after exec.
var processStart = time.Now()

// PaintedMarker starts the log line Painted writes; the start-up benchmark
// (scripts/bench-startup.sh) waits for it.
const PaintedMarker = "window: content painted"

// InteractiveMarker starts the log line Interactive writes.
const InteractiveMarker = "window: interactive"

// SavedFirstScreenNote ends Painted's line when the page showed the first
// screen saved at the last start (the benchmark tells the two starts apart).
const SavedFirstScreenNote = "(the first screen saved at the last start)"

// Painted is called once by the frontend when the welcome screen (the
// connection list, loaded) has been painted: by the page itself when it showed
// the first screen saved at the last start (saved; frontend/index.html), else by
// the app's code. It logs how long start-up took, so a slow start can be told
// from the app log.
func (s *AboutService) Painted(saved bool) (err error) {
	defer guard(&err)
	paintedOnce.Do(func() {
		note := ""
		if saved {
			note = " " + SavedFirstScreenNote
		}
		log.Printf("%s %d ms after start%s", PaintedMarker, time.Since(processStart).Milliseconds(), note)
	})
	return nil
}

// Interactive is called once by the frontend when the app's code has rendered
// the welcome screen and it has been painted: from then on the window answers
// clicks and keys. Without a saved first screen it follows Painted at once.
func (s *AboutService) Interactive() (err error) {
	defer guard(&err)
	interactiveOnce.Do(func() {
		log.Printf("%s %d ms after start", InteractiveMarker, time.Since(processStart).Milliseconds())
	})
	return nil
}

var paintedOnce, interactiveOnce sync.Once
