// Package buildinfo says which build this is. Version, Commit and Date are set
// at link time by scripts/build.sh:
//
//	-X github.com/redshiftmate/rsmate/backend/buildinfo.Version=$(git describe --tags --always --dirty)
//
// A plain `go build` leaves the defaults ("dev", "unknown").
package buildinfo

import (
	_ "embed"
	"runtime"
	"runtime/debug"
	"strings"
)

// Set with -ldflags -X (scripts/build.sh, scripts/package.sh).
var (
	Version = "dev"
	Commit  = "unknown"
	Date    = "unknown" // UTC, RFC 3339
)

// Info is the build's identity.
type Info struct {
	Version   string
	Commit    string
	Date      string
	GoVersion string
	Wails     string // the Wails module version linked in, "" when unknown
	Platform  string // GOOS/GOARCH
}

// Get reports this binary's build.
func Get() Info {
	return Info{Version: Version, Commit: Commit, Date: Date, GoVersion: runtime.Version(),
		Wails: moduleVersion("github.com/wailsapp/wails/v2"), Platform: runtime.GOOS + "/" + runtime.GOARCH}
}

func moduleVersion(path string) string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, m := range bi.Deps {
		if m.Path == path {
			if m.Replace != nil {
				return m.Replace.Version
			}
			return m.Version
		}
	}
	return ""
}

// NumericVersion turns a git-describe version ("v1.2.3", "v1.2.3-4-gabc-dirty",
// "abc1234") into the four dotted numbers Windows version resources need:
// major.minor.patch.commits-since-tag, 0.0.0.0 when there is no tag.
func NumericVersion(v string) string {
	v = strings.TrimPrefix(v, "v")
	nums := []string{"0", "0", "0", "0"}
	core, rest, _ := strings.Cut(v, "-")
	parts := strings.Split(core, ".")
	if len(parts) != 3 || !allDigits(parts...) {
		return strings.Join(nums, ".")
	}
	copy(nums, parts)
	if n, _, _ := strings.Cut(rest, "-"); allDigits(n) && n != "" {
		nums[3] = n
	}
	return strings.Join(nums, ".")
}

func allDigits(ss ...string) bool {
	for _, s := range ss {
		if s == "" {
			return false
		}
		for _, r := range s {
			if r < '0' || r > '9' {
				return false
			}
		}
	}
	return true
}
