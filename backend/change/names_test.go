package change

import (
	"math"
	"strings"
	"testing"

	"github.com/redshiftmate/rsmate/backend/model"
)

func catalogSnapshot(engine string) *model.Snapshot {
	return &model.Snapshot{
		Engine: engine,
		Users:  []model.User{{Name: "alice"}, {Name: "admin", Superuser: true}},
		Roles:  roles("analyst", "etl"),
		Groups: []model.Group{{Name: "staff"}},
	}
}

// Each change is refused against the loaded catalog with the reason the
// server would give, before any SQL exists.
func TestValidateRefusesWhatTheCatalogContradicts(t *testing.T) {
	user, role := model.UserRef, model.RoleRef
	sys := func(r string) Change {
		return Change{Kind: GrantSystemPrivileges, System: &SystemSpec{Role: r, Privileges: []string{"CREATE USER"}}}
	}
	def := func(creator model.PrincipalRef) Change {
		return Change{Kind: GrantDefaultPrivileges, Default: &DefaultSpec{Creator: creator, ObjectType: model.DefTables, Privileges: []string{"SELECT"}, Grantee: role("analyst")}}
	}
	member := func(r string, m model.PrincipalRef) Change {
		return Change{Kind: GrantRole, Member: &MemberSpec{Role: r, Member: m}}
	}
	cases := []struct {
		name    string
		engine  string
		changes []Change
		want    string
	}{
		{"create a user that exists", "redshift", []Change{{Kind: CreateUser, User: &UserSpec{Name: "alice", Password: ptr("Secret123")}}}, "a user named alice already exists"},
		{"create a user named as a role", "redshift", []Change{{Kind: CreateUser, User: &UserSpec{Name: "analyst", Password: ptr("Secret123")}}}, "a role named analyst already exists; user and role names must differ"},
		{"rename a user to a role's name", "postgres", []Change{{Kind: AlterUser, User: &UserSpec{Name: "alice", RenameTo: "etl"}}}, "a role named etl already exists; user and role names must differ"},
		{"create a role that exists", "redshift", []Change{{Kind: CreateRole, Role: &RoleSpec{Name: "etl"}}}, "a role named etl already exists"},
		{"create a role named as a user", "redshift", []Change{{Kind: CreateRole, Role: &RoleSpec{Name: "alice"}}}, "a user named alice already exists; user and role names must differ"},
		{"rename a role to a user's name", "redshift", []Change{{Kind: AlterRole, Role: &RoleSpec{Name: "etl", RenameTo: "admin"}}}, "a user named admin already exists; user and role names must differ"},
		{"a user created earlier in the set", "redshift", []Change{
			{Kind: CreateUser, User: &UserSpec{Name: "bob", Password: ptr("Secret123")}},
			{Kind: CreateRole, Role: &RoleSpec{Name: "bob"}}}, "change 2 (create role): a user named bob already exists"},
		{"create a group that exists", "redshift", []Change{{Kind: CreateGroup, Group: &GroupSpec{Name: "staff"}}}, "a group named staff already exists"},
		{"rename a group to an existing group", "redshift", []Change{{Kind: CreateGroup, Group: &GroupSpec{Name: "ops"}}, {Kind: AlterGroup, Group: &GroupSpec{Name: "ops", RenameTo: "staff"}}}, "a group named staff already exists"},
		{"system permissions to a user", "redshift", []Change{sys("alice")}, "alice is a user, not a role: system permissions go only to roles"},
		{"system permissions to a group", "redshift", []Change{sys("staff")}, "staff is a group, not a role"},
		{"system permissions to a missing role", "redshift", []Change{sys("ghost")}, "there is no role named ghost"},
		{"FOR USER naming a role", "redshift", []Change{def(user("etl"))}, "etl is a role, not a user: FOR USER names the user who creates the objects"},
		{"FOR USER naming nobody", "redshift", []Change{def(user("ghost"))}, "there is no user named ghost"},
		{"FOR ROLE naming a user", "postgres", []Change{def(role("alice"))}, "alice is a user, not a role"},
		{"IN GROUP naming a missing group", "redshift", []Change{{Kind: CreateUser, User: &UserSpec{Name: "bob", Password: ptr("Secret123"), InGroups: []string{"staff", "ghosts"}}}}, "there is no group named ghosts: IN GROUP names existing groups"},
		{"IN GROUP naming a role", "redshift", []Change{{Kind: CreateUser, User: &UserSpec{Name: "bob", Password: ptr("Secret123"), InGroups: []string{"analyst"}}}}, "analyst is a role, not a group"},
		{"IN ROLE naming a missing role", "postgres", []Change{{Kind: CreateUser, User: &UserSpec{Name: "bob", InGroups: []string{"ghost"}}}}, "there is no role named ghost: IN ROLE"},
		{"membership member said to be a user but a role", "redshift", []Change{member("analyst", user("etl"))}, "etl is a role, not a user"},
		{"membership member said to be a role but a user", "redshift", []Change{member("analyst", role("alice"))}, "alice is a user, not a role"},
		{"membership of a user", "redshift", []Change{member("alice", user("admin"))}, "alice is a user, not a role: only roles are granted"},
		{"membership of a group", "redshift", []Change{member("staff", user("alice"))}, "staff is a group, not a role"},
		{"a role in a group", "redshift", []Change{{Kind: AlterGroup, Group: &GroupSpec{Name: "staff", AddUsers: []string{"etl"}}}}, "etl is a role, not a user: groups hold users"},
		{"role owner that is a role", "redshift", []Change{{Kind: AlterRole, Role: &RoleSpec{Name: "etl", Owner: "analyst"}}}, "analyst is a role, not a user"},
		{"drop a user that does not exist", "redshift", []Change{{Kind: DropUser, User: &UserSpec{Name: "ghost"}}}, "there is no user named ghost: only an existing user can be dropped"},
		{"drop a role as a user", "redshift", []Change{{Kind: DropUser, User: &UserSpec{Name: "etl"}}}, "etl is a role, not a user"},
		{"drop with a missing successor", "redshift", []Change{{Kind: DropUser, User: &UserSpec{Name: "alice", Successor: "ghost"}}}, "there is no user or role named ghost to take over what alice owns"},
		{"alter a group that does not exist", "redshift", []Change{{Kind: AlterGroup, Group: &GroupSpec{Name: "ghosts", AddUsers: []string{"alice"}}}}, "there is no group named ghosts"},
		{"rename the connected user", "postgres", []Change{{Kind: AlterUser, User: &UserSpec{Name: "admin", RenameTo: "root"}}}, "you cannot rename admin"},
		{"drop the connected user", "redshift", []Change{{Kind: DropUser, User: &UserSpec{Name: "admin"}}}, "you cannot drop \"admin\""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := Validate(tc.changes, catalogSnapshot(tc.engine), CurrentUser{Name: "admin"})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

// What the catalog does contradict is accepted: names freed earlier in the
// set, principals created earlier, and (on a partial snapshot) names the
// connected user cannot see.
func TestValidateFollowsTheSetAndTrustsOnlyWhatItSees(t *testing.T) {
	ok := [][]Change{
		{{Kind: DropRole, Role: &RoleSpec{Name: "etl"}}, {Kind: CreateUser, User: &UserSpec{Name: "etl", Password: ptr("Secret123")}}},
		{{Kind: AlterUser, User: &UserSpec{Name: "alice", RenameTo: "alice2", Password: ptr("Secret123")}}, {Kind: CreateRole, Role: &RoleSpec{Name: "alice"}}},
		{{Kind: CreateRole, Role: &RoleSpec{Name: "ops"}}, {Kind: GrantSystemPrivileges, System: &SystemSpec{Role: "ops", Privileges: []string{"CREATE USER"}}}},
		{{Kind: CreateGroup, Group: &GroupSpec{Name: "ops"}}, {Kind: CreateUser, User: &UserSpec{Name: "bob", Password: ptr("Secret123"), InGroups: []string{"ops"}}}},
	}
	for i, set := range ok {
		if err := Validate(set, catalogSnapshot("redshift"), CurrentUser{Name: "admin"}); err != nil {
			t.Errorf("set %d: %v", i, err)
		}
	}
	partial := catalogSnapshot("redshift")
	partial.Partial = true
	if err := Validate([]Change{{Kind: GrantSystemPrivileges, System: &SystemSpec{Role: "hidden", Privileges: []string{"CREATE USER"}}}}, partial, CurrentUser{}); err != nil {
		t.Errorf("a role a partial snapshot does not show was refused: %v", err)
	}
	if err := Validate([]Change{{Kind: GrantSystemPrivileges, System: &SystemSpec{Role: "alice", Privileges: []string{"CREATE USER"}}}}, partial, CurrentUser{}); err == nil {
		t.Error("a partial snapshot still shows alice is a user; accepted")
	}
}

// Oversized strings are refused by size, never echoed; integers beyond the
// servers' range are refused.
func TestValidateRefusesOversizedInputWithoutEchoingIt(t *testing.T) {
	huge := "Q" + strings.Repeat("z", 200000)
	marker := strings.Repeat("z", 200)
	role := model.RoleRef
	cases := []struct {
		name string
		c    Change
		want string
	}{
		{"user name", Change{Kind: CreateUser, User: &UserSpec{Name: huge}}, "the user name is 200001 bytes long; at most 127"},
		{"password", Change{Kind: CreateUser, User: &UserSpec{Name: "u", Password: ptr(huge)}}, "the password is 200001 bytes long; at most 1024"},
		{"external id", Change{Kind: CreateRole, Role: &RoleSpec{Name: "r", ExternalID: huge}}, "the external id is 200001 bytes long"},
		{"successor", Change{Kind: DropUser, User: &UserSpec{Name: "u", Successor: huge}}, "the successor name is"},
		{"valid until", Change{Kind: AlterUser, User: &UserSpec{Name: "u", ValidUntil: huge}}, "the valid-until time is"},
		{"syslog", Change{Kind: AlterUser, User: &UserSpec{Name: "u", SyslogAccess: ptr(huge)}}, "the SYSLOG ACCESS value is"},
		{"group member", Change{Kind: AlterGroup, Group: &GroupSpec{Name: "g", AddUsers: []string{"a", huge}}}, "the user name is"},
		{"privilege keyword", Change{Kind: GrantPrivileges, Privilege: &PrivilegeSpec{Privileges: []string{huge}, Target: TargetAllInSchema, Kind: model.ObjTable, Schemas: []string{"s"}, Grantee: role("r")}}, "the privilege is"},
		{"routine arguments", Change{Kind: GrantPrivileges, Privilege: &PrivilegeSpec{Privileges: []string{"EXECUTE"}, Target: TargetObjects,
			Objects: []model.ObjectRef{{Kind: model.ObjFunction, Schema: "s", Name: "f", Args: huge}}, Grantee: role("r")}}, "the argument list is"},
		{"column", Change{Kind: GrantPrivileges, Privilege: &PrivilegeSpec{Privileges: []string{"SELECT"}, Target: TargetObjects,
			Objects: []model.ObjectRef{{Kind: model.ObjTable, Schema: "s", Name: "t"}}, Columns: []string{huge}, Grantee: role("r")}}, "the column name is"},
		{"default creator", Change{Kind: GrantDefaultPrivileges, Default: &DefaultSpec{Creator: model.UserRef(huge), ObjectType: model.DefTables, Privileges: []string{"SELECT"}, Grantee: role("r")}}, "the creator name is"},
		{"system role", Change{Kind: GrantSystemPrivileges, System: &SystemSpec{Role: huge, Privileges: []string{"CREATE USER"}}}, "the role name is"},
		{"member", Change{Kind: GrantRole, Member: &MemberSpec{Role: "r", Member: model.UserRef(huge)}}, "the member name is"},
		{"change kind", Change{Kind: Kind(huge)}, "unknown change kind (200001 bytes)"},
		{"connection limit", Change{Kind: AlterUser, User: &UserSpec{Name: "u", ConnectionLimit: ptr(math.MaxInt32 + 1)}}, "connection limit is larger than the server accepts (at most 2147483647)"},
		{"session timeout", Change{Kind: AlterUser, User: &UserSpec{Name: "u", SessionTimeout: ptr(math.MaxInt32 + 1)}}, "session timeout must be between 0 and 2147483647"},
		{"negative session timeout", Change{Kind: AlterUser, User: &UserSpec{Name: "u", SessionTimeout: ptr(-1)}}, "session timeout must be between 0"},
	}
	many := make([]Change, maxChanges+1)
	for i := range many {
		many[i] = Change{Kind: CreateRole, Role: &RoleSpec{Name: "r"}}
	}
	if err := Validate(many, catalogSnapshot("redshift"), CurrentUser{}); err == nil || !strings.Contains(err.Error(), "a change set holds 10001 changes; at most 10000") {
		t.Fatalf("too many changes: %v", err)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := Validate([]Change{tc.c}, catalogSnapshot("redshift"), CurrentUser{Name: "admin"})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
			if strings.Contains(err.Error(), marker) {
				t.Fatalf("the error echoes the oversized input (%d bytes)", len(err.Error()))
			}
		})
	}
}
