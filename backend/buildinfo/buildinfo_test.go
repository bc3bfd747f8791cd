package buildinfo

import (
	"strings"
	"testing"
)

func TestNumericVersionGivesFourNumbersForEveryGitDescribeShape(t *testing.T) {
	for in, want := range map[string]string{
		"v1.2.3":                 "1.2.3.0",
		"v1.2.3-4-gabc1234":      "1.2.3.4",
		"v1.2.3-4-gabc-dirty":    "1.2.3.4",
		"v1.2.3-dirty":           "1.2.3.0",
		"c96193e":                "0.0.0.0",
		"c96193e-dirty":          "0.0.0.0",
		"v1.2":                   "0.0.0.0",
		"dev":                    "0.0.0.0",
		"v10.20.30-117-g1-dirty": "10.20.30.117",
	} {
		if got := NumericVersion(in); got != want {
			t.Errorf("NumericVersion(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestGetReportsTheLinkedWailsVersionAndTheDefaults(t *testing.T) {
	i := Get()
	if i.Version != "dev" || i.Commit != "unknown" || i.GoVersion == "" || i.Platform == "" {
		t.Fatalf("Get() = %+v", i)
	}
}

func TestThirdPartyListNamesWailsReactAndTheGoStandardLibraryWithLicenceTexts(t *testing.T) {
	ps := ThirdParty()
	want := map[string]string{"github.com/wailsapp/wails/v2": "MIT", "react": "MIT", "Go standard library": "BSD-3-Clause", "github.com/jackc/pgx/v5": "MIT"}
	for _, p := range ps {
		if lic, ok := want[p.Name]; ok {
			if p.License != lic {
				t.Errorf("%s: licence %q, want %q", p.Name, p.License, lic)
			}
			if !strings.Contains(ThirdPartyLicenses(), p.Name+" "+p.Version) {
				t.Errorf("%s %s has no section in THIRD_PARTY_LICENSES.txt", p.Name, p.Version)
			}
			delete(want, p.Name)
		}
	}
	if len(want) > 0 {
		t.Fatalf("missing from third_party.json: %v", want)
	}
	sum, total := LicenseSummary(ps), 0
	for _, c := range sum {
		total += c.Count
	}
	if total != len(ps) || sum[0].License != "MIT" {
		t.Fatalf("summary %v does not add up to %d packages", sum, len(ps))
	}
}
