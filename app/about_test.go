package app

import (
	"log"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/redshiftmate/rsmate/backend/buildinfo"
)

func TestAboutNamesTheFilesTheAppWritesAndTheBundledLicences(t *testing.T) {
	dir := t.TempDir()
	a := New(Options{ConfigDir: dir, LogPath: "/var/log/x/app.log", Secrets: newMemSecrets(), Platform: &FakePlatform{}})
	info, err := a.About.About()
	if err != nil {
		t.Fatal(err)
	}
	if info.Version != buildinfo.Version || info.GoVersion == "" || info.AppLog != "/var/log/x/app.log" || info.ConfigDir != dir {
		t.Fatalf("About() = %+v", info)
	}
	if want := filepath.Join(dir, "profiles.json"); info.ProfilesFile != want {
		t.Fatalf("profiles file %q, want %q", info.ProfilesFile, want)
	}
	if want := filepath.Join(dir, "audit.jsonl"); info.AuditLog != want {
		t.Fatalf("audit log %q, want %q", info.AuditLog, want)
	}
	total := 0
	for _, l := range info.Licenses {
		total += l.Count
	}
	if info.Packages < 20 || total != info.Packages {
		t.Fatalf("licence summary %v for %d packages", info.Licenses, info.Packages)
	}
	text, err := a.About.ThirdPartyLicenses()
	if err != nil || !strings.Contains(text, "Permission is hereby granted") {
		t.Fatalf("ThirdPartyLicenses: %v, %d chars", err, len(text))
	}
}

func TestSandboxInfoReportsTheBinariesRSMATE_PG_BINPointsAt(t *testing.T) {
	bin := t.TempDir()
	t.Setenv("RSMATE_PG_BIN", bin)
	a := New(Options{ConfigDir: t.TempDir(), Secrets: newMemSecrets(), Platform: &FakePlatform{}})
	info, err := a.About.Sandbox()
	if err != nil {
		t.Fatal(err)
	}
	if !info.Available || info.Running || info.BinDir != bin || info.Need != "" {
		t.Fatalf("Sandbox() = %+v", info)
	}
}

func TestPaintedAndInteractiveLogTheStartUpTimeOnceWithTheirMarkers(t *testing.T) {
	var logged strings.Builder
	log.SetOutput(&logged)
	defer log.SetOutput(os.Stderr)
	a := New(Options{ConfigDir: t.TempDir(), Secrets: newMemSecrets(), Platform: &FakePlatform{}})
	for range 2 {
		if err := a.About.Painted(true); err != nil {
			t.Fatal(err)
		}
		if err := a.About.Interactive(); err != nil {
			t.Fatal(err)
		}
	}
	if !strings.Contains(logged.String(), PaintedMarker+" ") || !strings.Contains(logged.String(), " ms after start "+SavedFirstScreenNote+"\n") {
		t.Fatalf("painted line without the saved first screen's note: %q", logged.String())
	}
	for _, marker := range []string{PaintedMarker, InteractiveMarker} {
		if n := strings.Count(logged.String(), marker); n != 1 {
			t.Fatalf("%d lines with %q, want 1:\n%s", n, marker, logged.String())
		}
		if !regexp.MustCompile(marker + ` \d+ ms after start`).MatchString(logged.String()) {
			t.Fatalf("no start-up time after %q in %q", marker, logged.String())
		}
	}
}
