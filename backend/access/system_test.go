package access

import (
	"slices"
	"testing"

	"github.com/redshiftmate/rsmate/backend/model"
)

// A user holds the RLS and masking permissions of the roles it is granted
// (DG r_GRANT: GRANT IGNORE RLS TO ROLE, GRANT EXPLAIN { RLS | MASKING } TO ROLE),
// each with the path to the role; a role holds its own directly.
func TestEffectiveListsSystemPermissionsThroughRoles(t *testing.T) {
	sec, auditor := model.RoleRef("sec"), model.RoleRef("auditor")
	s := &model.Snapshot{Engine: "redshift",
		Users: []model.User{{Name: "ann"}}, Roles: []model.Role{{Name: "sec"}, {Name: "auditor"}},
		Memberships: []model.Membership{
			{Member: model.UserRef("ann"), Of: auditor},
			{Member: auditor, Of: sec},
		},
		SystemPrivileges: []model.SystemPrivilege{
			{Privilege: "IGNORE RLS", Grantee: sec},
			{Privilege: "EXPLAIN MASKING", Grantee: auditor},
			{Privilege: "EXPLAIN RLS", Grantee: sec},
			{Privilege: "EXPLAIN RLS", Grantee: auditor},
		}}
	eff := Compute(s, IndexGrants(s), model.UserRef("ann"))
	var names []string
	for _, c := range eff.System {
		names = append(names, c.Privilege)
		if c.Direct || !c.Inherited {
			t.Errorf("%s: direct=%v inherited=%v, want inherited only", c.Privilege, c.Direct, c.Inherited)
		}
	}
	if !slices.Equal(names, []string{"EXPLAIN MASKING", "EXPLAIN RLS", "IGNORE RLS"}) {
		t.Fatalf("system permissions %v", names)
	}
	if via := eff.System[1].Via; len(via) != 2 || !slices.Equal(via[0], Path{auditor}) || !slices.Equal(via[1], Path{auditor, sec}) {
		t.Errorf("EXPLAIN RLS via %v, want [auditor] then [auditor sec]", via)
	}
	role := Compute(s, IndexGrants(s), sec)
	if len(role.System) != 2 || !role.System[0].Direct || role.System[0].Inherited {
		t.Errorf("role sec: %+v", role.System)
	}
	if got := Compute(s, IndexGrants(s), model.UserRef("nobody")).System; len(got) != 0 {
		t.Errorf("a user without roles holds %+v", got)
	}
}
