package change

import (
	"strings"
	"testing"

	"github.com/redshiftmate/rsmate/backend/model"
)

func rightsSnapshot(engine string) *model.Snapshot {
	return &model.Snapshot{
		Engine: engine,
		Users:  []model.User{{Name: "root", Superuser: true}, {Name: "dev"}, {Name: "ops"}},
		Roles:  []model.Role{{Name: "useradmin"}, {Name: "mine", Owner: "dev"}, {Name: "other", Owner: "root"}},
		Memberships: []model.Membership{
			{Member: model.UserRef("ops"), Of: model.RoleRef("useradmin")},
		},
		SystemPrivileges: []model.SystemPrivilege{{Privilege: "CREATE USER", Grantee: model.RoleRef("useradmin")}},
		Schemas:          []model.Schema{{Name: "s", Owner: "root"}},
		Relations:        []model.Relation{{Schema: "s", Name: "own", Owner: "dev"}, {Schema: "s", Name: "theirs", Owner: "root"}, {Schema: "s", Name: "shared", Owner: "root"}},
		Grants:           model.NewGrantTable([]model.Grant{{Object: model.ObjectRef{Kind: model.ObjTable, Schema: "s", Name: "shared"}, Grantee: model.UserRef("dev"), Privilege: "SELECT", GrantOption: true}}...),
	}
}

func TestRightsWarningsForNonSuperusers(t *testing.T) {
	tbl := func(n string) model.ObjectRef { return model.ObjectRef{Kind: model.ObjTable, Schema: "s", Name: n} }
	grant := func(objs ...model.ObjectRef) Change {
		return Change{Kind: GrantPrivileges, Privilege: &PrivilegeSpec{Privileges: []string{"SELECT"}, Target: TargetObjects, Objects: objs, Grantee: model.RoleRef("other")}}
	}
	createUser := Change{Kind: CreateUser, User: &UserSpec{Name: "new"}}
	cases := []struct {
		name, who string
		c         Change
		want      string // "" = no warning
	}{
		{"superuser: nothing", "root", createUser, ""},
		{"create user without the permission", "dev", createUser, "change 1 (create user): you are not a superuser and no role of yours has the CREATE USER permission"},
		{"create user through a role's system permission", "ops", createUser, ""},
		{"own password change", "dev", Change{Kind: AlterUser, User: &UserSpec{Name: "dev", Password: ptr("Secret123")}}, ""},
		{"superuser status", "ops", Change{Kind: CreateUser, User: &UserSpec{Name: "new", Superuser: ptr(true)}}, "only a superuser can grant or remove superuser status"},
		{"grant on an owned table", "dev", grant(tbl("own")), ""},
		{"grant with the grant option", "dev", grant(tbl("shared")), ""},
		{"grant on someone else's table", "dev", grant(tbl("own"), tbl("theirs")), "you neither own nor hold the grant option on table s.theirs"},
		{"membership of an owned role", "dev", Change{Kind: GrantRole, Member: &MemberSpec{Role: "mine", Member: model.UserRef("ops")}}, ""},
		{"membership of another role", "dev", Change{Kind: GrantRole, Member: &MemberSpec{Role: "other", Member: model.UserRef("ops")}}, "hold no admin option on role other"},
		{"groups", "dev", Change{Kind: CreateGroup, Group: &GroupSpec{Name: "g"}}, "only superusers create, change or drop groups"},
		{"defaults for another user", "dev", Change{Kind: GrantDefaultPrivileges, Default: &DefaultSpec{Creator: model.UserRef("root"), ObjectType: model.DefTables, Privileges: []string{"SELECT"}, Grantee: model.RoleRef("other")}}, "default privileges for objects root creates"},
		{"own defaults", "dev", Change{Kind: GrantDefaultPrivileges, Default: &DefaultSpec{Creator: model.UserRef("dev"), ObjectType: model.DefTables, Privileges: []string{"SELECT"}, Grantee: model.RoleRef("other")}}, ""},
		{"system permissions not held", "ops", Change{Kind: GrantSystemPrivileges, System: &SystemSpec{Role: "other", Privileges: []string{"CREATE USER", "DROP USER"}}}, "do not hold DROP USER yourself"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := RightsWarnings([]Change{tc.c}, rightsSnapshot("redshift"), CurrentUser{Name: tc.who})
			if tc.want == "" {
				if len(got) != 0 {
					t.Fatalf("warnings %q", got)
				}
				return
			}
			if len(got) != 1 || !strings.Contains(got[0], tc.want) {
				t.Fatalf("warnings %q, want one saying %q", got, tc.want)
			}
		})
	}
	// PostgreSQL: CREATEROLE is what user and role changes need.
	snap := rightsSnapshot("postgres")
	if got := RightsWarnings([]Change{createUser}, snap, CurrentUser{Name: "dev"}); len(got) != 1 || !strings.Contains(got[0], "have no CREATEROLE") {
		t.Fatalf("postgres without CREATEROLE: %q", got)
	}
	snap.Users[1].CreateRole = true
	if got := RightsWarnings([]Change{createUser}, snap, CurrentUser{Name: "dev"}); len(got) != 0 {
		t.Fatalf("postgres with CREATEROLE: %q", got)
	}
}
