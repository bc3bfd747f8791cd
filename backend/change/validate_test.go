package change

import (
	"strings"
	"testing"
	"time"

	"github.com/redshiftmate/rsmate/backend/model"
)

func ptr[T any](v T) *T { return &v }

func roles(names ...string) []model.Role {
	out := make([]model.Role, len(names))
	for i, n := range names {
		out[i] = model.Role{Name: n}
	}
	return out
}

func TestValidateRejectsBadInput(t *testing.T) {
	now = func() time.Time { return time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC) }
	defer func() { now = time.Now }()
	snap := &model.Snapshot{Roles: roles("reader", "base", "writer", "x", "y", "r"), Memberships: []model.Membership{
		{Member: model.PrincipalRef{Kind: model.KindRole, Name: "reader"}, Of: model.PrincipalRef{Kind: model.KindRole, Name: "base"}},
		{Member: model.PrincipalRef{Kind: model.KindRole, Name: "writer"}, Of: model.PrincipalRef{Kind: model.KindRole, Name: "reader"}},
	}}
	role := func(n string) model.PrincipalRef { return model.PrincipalRef{Kind: model.KindRole, Name: n} }
	cases := []struct {
		name    string
		changes []Change
		want    string
	}{
		{"empty user name", []Change{{Kind: CreateUser, User: &UserSpec{Name: ""}}}, "user name is empty"},
		{"blank user name", []Change{{Kind: CreateUser, User: &UserSpec{Name: "   "}}}, "user name is empty"},
		{"NUL in user name", []Change{{Kind: CreateUser, User: &UserSpec{Name: "a\x00b"}}}, "NUL"},
		{"missing user payload", []Change{{Kind: CreateUser}}, "user is missing"},
		{"drop connected user", []Change{{Kind: DropUser, User: &UserSpec{Name: "admin"}}}, "logged in as"},
		{"negative connection limit", []Change{{Kind: CreateUser, User: &UserSpec{Name: "u", ConnectionLimit: ptr(-5)}}}, "negative"},
		{"valid until in the past", []Change{{Kind: CreateUser, User: &UserSpec{Name: "u", ValidUntil: "2020-01-01"}}}, "in the past"},
		{"valid until garbage", []Change{{Kind: CreateUser, User: &UserSpec{Name: "u", ValidUntil: "next tuesday"}}}, "not a date"},
		{"password and disable", []Change{{Kind: AlterUser, User: &UserSpec{Name: "u", Password: ptr("Abcdefg1"), PasswordDisabled: ptr(true)}}}, "set and disabled"},
		{"rename on create", []Change{{Kind: CreateUser, User: &UserSpec{Name: "u", RenameTo: "v"}}}, "only an existing user"},
		{"empty role", []Change{{Kind: CreateRole, Role: &RoleSpec{}}}, "role name is empty"},
		{"role granted to itself", []Change{{Kind: GrantRole, Member: &MemberSpec{Role: "r", Member: role("r")}}}, "to itself"},
		{"role cycle through catalog", []Change{{Kind: GrantRole, Member: &MemberSpec{Role: "writer", Member: role("base")}}}, "cycle"},
		{"role cycle within the set", []Change{
			{Kind: GrantRole, Member: &MemberSpec{Role: "x", Member: role("y")}},
			{Kind: GrantRole, Member: &MemberSpec{Role: "y", Member: role("x")}},
		}, "change 2 (grant role): granting \"y\" to \"x\" would make a cycle"},
		{"role to group", []Change{{Kind: GrantRole, Member: &MemberSpec{Role: "r", Member: model.PrincipalRef{Kind: model.KindGroup, Name: "g"}}}}, "not to a group"},
		{"no privileges", []Change{{Kind: GrantPrivileges, Privilege: &PrivilegeSpec{Target: TargetObjects, Grantee: role("r"),
			Objects: []model.ObjectRef{{Kind: model.ObjTable, Schema: "s", Name: "t"}}}}}, "at least one privilege"},
		{"no objects", []Change{{Kind: GrantPrivileges, Privilege: &PrivilegeSpec{Privileges: []string{"SELECT"}, Target: TargetObjects, Grantee: role("r")}}}, "at least one object"},
		{"mixed object kinds", []Change{{Kind: GrantPrivileges, Privilege: &PrivilegeSpec{Privileges: []string{"SELECT"}, Target: TargetObjects, Grantee: role("r"),
			Objects: []model.ObjectRef{{Kind: model.ObjTable, Schema: "s", Name: "t"}, {Kind: model.ObjSchema, Schema: "s"}}}}}, "one kind of object"},
		{"no grantee", []Change{{Kind: GrantPrivileges, Privilege: &PrivilegeSpec{Privileges: []string{"SELECT"}, Target: TargetAllInSchema, Kind: model.ObjTable, Schemas: []string{"s"}}}}, "who receives"},
		{"grant option to PUBLIC", []Change{{Kind: GrantPrivileges, Privilege: &PrivilegeSpec{Privileges: []string{"SELECT"}, Target: TargetAllInSchema, Kind: model.ObjTable,
			Schemas: []string{"s"}, Grantee: model.Public, GrantOption: true}}}, "GRANT OPTION cannot be given"},
		{"bulk without schema", []Change{{Kind: GrantPrivileges, Privilege: &PrivilegeSpec{Privileges: []string{"SELECT"}, Target: TargetAllInSchema, Kind: model.ObjTable, Grantee: role("r")}}}, "at least one schema"},
		{"columns on two tables", []Change{{Kind: GrantPrivileges, Privilege: &PrivilegeSpec{Privileges: []string{"SELECT"}, Target: TargetObjects, Grantee: role("r"),
			Columns: []string{"c"}, Objects: []model.ObjectRef{{Kind: model.ObjTable, Schema: "s", Name: "t"}, {Kind: model.ObjTable, Schema: "s", Name: "u"}}}}}, "exactly one table"},
		{"default without object type", []Change{{Kind: GrantDefaultPrivileges, Default: &DefaultSpec{Privileges: []string{"SELECT"}, Grantee: role("r")}}}, "kind of objects"},
		{"system without role", []Change{{Kind: GrantSystemPrivileges, System: &SystemSpec{Privileges: []string{"CREATE USER"}}}}, "role name is empty"},
		{"unknown kind", []Change{{Kind: "explode"}}, "unknown change kind"},
		{"group with empty member", []Change{{Kind: CreateGroup, Group: &GroupSpec{Name: "g", Users: []string{""}}}}, "user name is empty"},
	}
	if len(cases) < 20 {
		t.Fatalf("the bad-input table must cover at least 20 cases, has %d", len(cases))
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := Validate(tc.changes, snap, CurrentUser{Name: "admin"})
			if err == nil {
				t.Fatalf("accepted; want an error containing %q", tc.want)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %q does not contain %q", err, tc.want)
			}
		})
	}
}

func TestValidateAcceptsCycleFreeNesting(t *testing.T) {
	role := func(n string) model.PrincipalRef { return model.PrincipalRef{Kind: model.KindRole, Name: n} }
	changes := []Change{
		{Kind: GrantRole, Member: &MemberSpec{Role: "reader", Member: role("writer")}},
		{Kind: GrantRole, Member: &MemberSpec{Role: "writer", Member: role("admin_role")}},
		{Kind: RevokeRole, Member: &MemberSpec{Role: "writer", Member: role("admin_role")}},
		// after the revoke, admin_role no longer reaches writer, so this is fine
		{Kind: GrantRole, Member: &MemberSpec{Role: "admin_role", Member: role("writer")}},
	}
	if err := Validate(changes, &model.Snapshot{Roles: roles("reader", "writer", "admin_role")}, CurrentUser{}); err != nil {
		t.Fatal(err)
	}
}
