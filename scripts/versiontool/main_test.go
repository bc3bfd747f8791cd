package main

import "testing"

func TestDebianVersionSortsTaggedUntaggedAndDirtyBuilds(t *testing.T) {
	for in, want := range map[string]string{
		"v1.2.3":              "1.2.3",
		"v1.2.3-4-gabc1234":   "1.2.3+4.gabc1234",
		"v1.2.3-dirty":        "1.2.3+dirty",
		"c96193e":             "0.0.0+gc96193e",
		"c96193e-dirty":       "0.0.0+gc96193e.dirty",
		"v1.2.3-4-gabc-dirty": "1.2.3+4.gabc.dirty",
	} {
		if got := debian(in); got != want {
			t.Errorf("debian(%q) = %q, want %q", in, got, want)
		}
	}
}
