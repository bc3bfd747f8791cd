package app

import (
	"path/filepath"
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
