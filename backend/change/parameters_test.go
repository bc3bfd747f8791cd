package change

import (
	"strings"
	"testing"

	"github.com/redshiftmate/rsmate/backend/model"
)

// Session defaults are refused before any SQL when a name is not a
// parameter name, a parameter is set twice, or set and reset at once.
func TestValidateRefusesBadSessionDefaults(t *testing.T) {
	alter := func(u UserSpec) []Change { return []Change{{Kind: AlterUser, User: &u}} }
	for _, tc := range []struct {
		name    string
		changes []Change
		want    string
	}{
		{"empty parameter name", alter(UserSpec{Name: "u", SetParameters: []Parameter{{Name: " ", Value: "x"}}}), "parameter name is empty"},
		{"name with a semicolon", alter(UserSpec{Name: "u", ResetParameters: []string{"a;b"}}), "may hold only letters"},
		{"set twice", alter(UserSpec{Name: "u", SetParameters: []Parameter{{Name: "search_path", Value: "a"}, {Name: "SEARCH_PATH", Value: "b"}}}), "search_path is set twice"},
		{"set and reset", alter(UserSpec{Name: "u", SetParameters: []Parameter{{Name: "work_mem", Value: "8MB"}}, ResetParameters: []string{"work_mem"}}), "both set and reset"},
		{"reset twice", alter(UserSpec{Name: "u", ResetParameters: []string{"work_mem", "work_mem"}}), "reset twice"},
		{"value too long", alter(UserSpec{Name: "u", SetParameters: []Parameter{{Name: "search_path", Value: strings.Repeat("a", 5000)}}}), "parameter value is 5000 bytes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Validate(tc.changes, &model.Snapshot{}, CurrentUser{Name: "admin"})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to say %q", err, tc.want)
			}
		})
	}
	ok := alter(UserSpec{Name: "u", SetParameters: []Parameter{{Name: "search_path", Value: "a, b"}}, ResetParameters: []string{"statement_timeout"}})
	if err := Validate(ok, &model.Snapshot{}, CurrentUser{Name: "admin"}); err != nil {
		t.Fatalf("a set and a different reset: %v", err)
	}
}

// The effect check sees a set default in the user's config and a reset one gone.
func TestCheckEffectComparesSessionDefaultsAndExternalID(t *testing.T) {
	snap := &model.Snapshot{Users: []model.User{{Name: "u", ExternalID: "X1", Config: []string{"search_path=a, b"}}}}
	c := Change{Kind: AlterUser, User: &UserSpec{Name: "u", ExternalID: ptr("X1"),
		SetParameters: []Parameter{{Name: "search_path", Value: "a, b"}}, ResetParameters: []string{"work_mem"}}}
	if e := CheckEffect(c, snap); !e.Met() {
		t.Fatalf("effect not met: %+v", e)
	}
	c.User.ResetParameters = []string{"Search_Path"}
	c.User.SetParameters = nil
	if e := CheckEffect(c, snap); e.Met() || !strings.Contains(strings.Join(e.Missing, ";"), "session default Search_Path removed") {
		t.Fatalf("reset still present not reported: %+v", e)
	}
}
