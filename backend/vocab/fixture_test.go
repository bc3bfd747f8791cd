package vocab

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the frontend's vocabulary fixture")

// fixturePath is the frontend tests' copy of the vocabularies as the catalog
// summary sends them for the test sessions (PostgreSQL 15, Redshift), so the
// UI's tests run on the real descriptors.
const fixturePath = "../../frontend/src/testdata/vocabulary.json"

func TestFrontendVocabularyFixtureIsCurrent(t *testing.T) {
	want, err := json.MarshalIndent(map[string]*Vocabulary{"postgres": Postgres.ForVersion(15), "redshift": Redshift}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	want = append(want, '\n')
	if *update {
		if err := os.WriteFile(fixturePath, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(fixturePath)
	if err != nil {
		t.Fatalf("%v (run go test ./backend/vocab -run Fixture -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from backend/vocab; run go test ./backend/vocab -run Fixture -update", fixturePath)
	}
}
