// Command versiontool turns the app's version string (git describe) into the
// forms packaging formats need, and stamps it into the Windows resources:
//
//	versiontool numeric VERSION   a.b.c.d (Windows VERSIONINFO)
//	versiontool debian VERSION    a Debian version that sorts right (also the RPM Version+Release)
//	versiontool rpm VERSION       "VERSION RELEASE" for an RPM spec
//	versiontool stamp VERSION     writes the version into wails.json and build/windows/info.json
//
// scripts/package.sh restores the stamped files after the Windows build.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/redshiftmate/rsmate/backend/buildinfo"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: versiontool numeric|debian|rpm|stamp VERSION")
		os.Exit(2)
	}
	v := os.Args[2]
	switch os.Args[1] {
	case "numeric":
		fmt.Println(buildinfo.NumericVersion(v))
	case "debian":
		fmt.Println(debian(v))
	case "rpm":
		ver, rel, ok := strings.Cut(debian(v), "+")
		if !ok {
			rel = "1"
		}
		fmt.Println(ver, rel)
	case "stamp":
		if err := stamp(v); err != nil {
			fmt.Fprintln(os.Stderr, "versiontool:", err)
			os.Exit(1)
		}
	default:
		fmt.Fprintln(os.Stderr, "versiontool: unknown command", os.Args[1])
		os.Exit(2)
	}
}

// debian maps v1.2.3 → 1.2.3, v1.2.3-4-gabc → 1.2.3+4.gabc,
// abc1234-dirty (no tag) → 0.0.0+gabc1234.dirty.
func debian(v string) string {
	n := strings.Split(buildinfo.NumericVersion(v), ".")
	base := strings.Join(n[:3], ".")
	v = strings.TrimPrefix(v, "v")
	var extra []string
	if strings.HasPrefix(v, base) {
		rest := strings.TrimPrefix(strings.TrimPrefix(v, base), "-")
		if rest != "" {
			extra = strings.Split(rest, "-")
		}
	} else {
		extra = strings.Split(v, "-")
		if len(extra) > 0 && !strings.HasPrefix(extra[0], "g") {
			extra[0] = "g" + extra[0]
		}
	}
	if len(extra) == 0 {
		return base
	}
	return base + "+" + strings.Join(extra, ".")
}

// stamp writes the version: wails.json's productVersion (a.b.c, what the macOS
// Info.plist and the NSIS defaults read) and build/windows/info.json (numeric
// fixed versions, the version string as the text ProductVersion/FileVersion).
func stamp(v string) error {
	num := buildinfo.NumericVersion(v)
	var w map[string]any
	if err := readJSON("wails.json", &w); err != nil {
		return err
	}
	info, _ := w["info"].(map[string]any)
	if info == nil {
		return fmt.Errorf("wails.json has no info object")
	}
	info["productVersion"] = strings.Join(strings.Split(num, ".")[:3], ".")
	if err := writeJSON("wails.json", w); err != nil {
		return err
	}
	var wi map[string]any
	if err := readJSON("build/windows/info.json", &wi); err != nil {
		return err
	}
	wi["fixed"] = map[string]any{"file_version": num, "product_version": num}
	strs, _ := wi["info"].(map[string]any)
	if strs == nil {
		return fmt.Errorf("build/windows/info.json has no info object")
	}
	for _, lang := range strs {
		if m, ok := lang.(map[string]any); ok {
			m["ProductVersion"] = v
			m["FileVersion"] = v
		}
	}
	return writeJSON("build/windows/info.json", wi)
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}
