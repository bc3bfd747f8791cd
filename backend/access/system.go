package access

import (
	"sort"

	"github.com/redshiftmate/rsmate/backend/model"
)

// SystemCell is one Redshift system permission (CREATE USER, IGNORE RLS,
// EXPLAIN MASKING …) a principal holds. System permissions go only to roles
// (DG r_GRANT), so a user holds them through the roles it is granted.
type SystemCell struct {
	Privilege string `json:"privilege"`
	Direct    bool   `json:"direct"`    // granted to the principal itself (a role)
	Inherited bool   `json:"inherited"` // held through a role
	// Via lists the membership path to each role that holds it (empty path: directly).
	Via []Path `json:"via"`
}

// systemCells lists the system permissions of every principal in reach,
// sorted by name, each with the paths it comes through (nearest first).
func systemCells(s *model.Snapshot, reach map[model.PrincipalRef]Path) []SystemCell {
	by := map[string]*SystemCell{}
	for _, sp := range s.SystemPrivileges {
		path, ok := reach[sp.Grantee]
		if !ok {
			continue
		}
		c := by[sp.Privilege]
		if c == nil {
			c = &SystemCell{Privilege: sp.Privilege}
			by[sp.Privilege] = c
		}
		if len(path) == 0 {
			c.Direct = true
		} else {
			c.Inherited = true
		}
		c.Via = append(c.Via, path)
	}
	out := make([]SystemCell, 0, len(by))
	for _, c := range by {
		sort.SliceStable(c.Via, func(i, j int) bool { return len(c.Via[i]) < len(c.Via[j]) })
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Privilege < out[j].Privilege })
	return out
}
