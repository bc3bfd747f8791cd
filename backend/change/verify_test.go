package change

import (
	"strings"
	"testing"

	"github.com/redshiftmate/rsmate/backend/model"
)

// Logic of the effect check on a hand-made Redshift-like snapshot, for the
// kinds the PostgreSQL exec tests cannot reach (groups, scoped and system
// permissions, password-disabled users).
func TestCheckEffectOnRedshiftSnapshot(t *testing.T) {
	f, tr := false, true
	snap := &model.Snapshot{Engine: "redshift",
		Users:       []model.User{{Name: "ann", PasswordDisabled: true, ConnectionLimit: -1}},
		Roles:       []model.Role{{Name: "analyst"}},
		Groups:      []model.Group{{Name: "etl"}},
		Memberships: []model.Membership{{Member: model.UserRef("ann"), Of: model.GroupRef("etl")}, {Member: model.UserRef("ann"), Of: model.RoleRef("analyst")}},
		Grants: model.NewGrantTable([]model.Grant{
			{Object: model.ObjectRef{Kind: model.ObjSchema, Schema: "sales"}, Grantee: model.RoleRef("analyst"), Privilege: "SELECT", Scope: "TABLES"},
			{Object: model.ObjectRef{Kind: model.ObjTable, Schema: "sales", Name: "orders"}, Grantee: model.GroupRef("etl"), Privilege: "INSERT"},
		}...),
		SystemPrivileges: []model.SystemPrivilege{{Privilege: "CREATE USER", Grantee: model.RoleRef("analyst")}},
	}
	orders := []model.ObjectRef{{Kind: model.ObjTable, Schema: "sales", Name: "orders"}}
	cases := []struct {
		name    string
		c       Change
		met     bool
		missing string
	}{
		{"password disabled seen", Change{Kind: AlterUser, User: &UserSpec{Name: "ann", PasswordDisabled: &tr}}, true, ""},
		{"superuser not seen", Change{Kind: AlterUser, User: &UserSpec{Name: "ann", Superuser: &tr}}, false, `user "ann" superuser = true`},
		{"createdb off seen", Change{Kind: AlterUser, User: &UserSpec{Name: "ann", CreateDB: &f}}, true, ""},
		{"group member added", Change{Kind: AlterGroup, Group: &GroupSpec{Name: "etl", AddUsers: []string{"ann"}}}, true, ""},
		{"group member not dropped", Change{Kind: AlterGroup, Group: &GroupSpec{Name: "etl", DropUsers: []string{"ann"}}}, false, `"ann" member of "etl" gone`},
		{"role revoke not seen", Change{Kind: RevokeRole, Member: &MemberSpec{Role: "analyst", Member: model.UserRef("ann")}}, false, "gone"},
		{"admin option revoke seen", Change{Kind: RevokeRole, Member: &MemberSpec{Role: "analyst", Member: model.UserRef("ann"), AdminOption: true}}, true, ""},
		{"scoped grant seen", Change{Kind: GrantPrivileges, Privilege: &PrivilegeSpec{Privileges: []string{"SELECT"}, Target: TargetScopedInSchema, Kind: model.ObjTable, Schemas: []string{"sales"}, Grantee: model.RoleRef("analyst")}}, true, ""},
		{"scoped grant missing", Change{Kind: GrantPrivileges, Privilege: &PrivilegeSpec{Privileges: []string{"UPDATE"}, Target: TargetScopedInSchema, Kind: model.ObjTable, Schemas: []string{"sales"}, Grantee: model.RoleRef("analyst")}}, false, "UPDATE FOR TABLES"},
		{"group grant seen", Change{Kind: GrantPrivileges, Privilege: &PrivilegeSpec{Privileges: []string{"INSERT"}, Target: TargetObjects, Objects: orders, Grantee: model.GroupRef("etl")}}, true, ""},
		{"grant option missing", Change{Kind: GrantPrivileges, Privilege: &PrivilegeSpec{Privileges: []string{"INSERT"}, Target: TargetObjects, Objects: orders, Grantee: model.GroupRef("etl"), GrantOption: true}}, false, "with grant option"},
		{"system permission seen", Change{Kind: GrantSystemPrivileges, System: &SystemSpec{Privileges: []string{"create user"}, Role: "analyst"}}, true, ""},
		{"system revoke not seen", Change{Kind: RevokeSystemPrivileges, System: &SystemSpec{Privileges: []string{"CREATE USER"}, Role: "analyst"}}, false, "gone"},
		{"drop group not seen", Change{Kind: DropGroup, Group: &GroupSpec{Name: "etl"}}, false, `group "etl" gone`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := CheckEffect(tc.c, snap)
			if !e.Checked || e.Met() != tc.met || (tc.missing != "" && !strings.Contains(strings.Join(e.Missing, "; "), tc.missing)) {
				t.Fatalf("effect %+v, want met=%v missing %q", e, tc.met, tc.missing)
			}
		})
	}
	// Bulk targets are the server's to expand: not checked.
	if e := CheckEffect(Change{Kind: GrantPrivileges, Privilege: &PrivilegeSpec{Privileges: []string{"SELECT"}, Target: TargetAllInSchema, Kind: model.ObjTable, Schemas: []string{"sales"}, Grantee: model.RoleRef("analyst")}}, snap); e.Checked {
		t.Fatalf("a bulk grant was checked: %+v", e)
	}
}

func TestSupersededMarksChangesALaterRenameOrDropHides(t *testing.T) {
	got := Superseded([]Change{
		{Kind: CreateUser, User: &UserSpec{Name: "dave"}},
		{Kind: GrantRole, Member: &MemberSpec{Role: "r", Member: model.UserRef("dave")}},
		{Kind: AlterUser, User: &UserSpec{Name: "dave", RenameTo: "dave2"}},
		{Kind: CreateRole, Role: &RoleSpec{Name: "keep"}},
		{Kind: DropRole, Role: &RoleSpec{Name: "r"}},
	})
	want := []bool{true, true, false, false, false}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Superseded = %v, want %v", got, want)
		}
	}
}
