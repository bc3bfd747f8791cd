package access

import (
	"reflect"
	"testing"

	"github.com/redshiftmate/rsmate/backend/model"
)

var user, role, group = model.UserRef, model.RoleRef, model.GroupRef

var orders = model.ObjectRef{Kind: model.ObjTable, Schema: "sales", Name: "orders"}

func snapshot(engine string) *model.Snapshot {
	return &model.Snapshot{
		Engine: engine,
		Users:  []model.User{{Name: "alice", Inherit: true}, {Name: "bob", Inherit: false}, {Name: "root", Superuser: true}},
		Roles:  []model.Role{{Name: "reader", Inherit: true}, {Name: "analyst", Inherit: true}, {Name: "senior", Inherit: true}},
		Memberships: []model.Membership{
			{Member: user("alice"), Of: role("senior")},
			{Member: role("senior"), Of: role("analyst")},
			{Member: role("analyst"), Of: role("reader")},
			{Member: user("alice"), Of: group("bi")},
			{Member: user("bob"), Of: role("reader")},
		},
		Grants: model.NewGrantTable([]model.Grant{
			{Object: orders, Grantee: role("reader"), Privilege: "SELECT"},
			{Object: orders, Grantee: user("alice"), Privilege: "SELECT", GrantOption: true},
			{Object: orders, Grantee: group("bi"), Privilege: "INSERT"},
			{Object: orders, Grantee: model.Public, Privilege: "REFERENCES"},
			{Object: orders, Grantee: user("bob"), Privilege: "DELETE"},
		}...),
	}
}

func TestReachFollowsNestedRolesGroupsAndPublic(t *testing.T) {
	r := Reach(snapshot("redshift"), user("alice"))
	want := map[model.PrincipalRef]Path{
		user("alice"):   {},
		role("senior"):  {role("senior")},
		role("analyst"): {role("senior"), role("analyst")},
		role("reader"):  {role("senior"), role("analyst"), role("reader")},
		group("bi"):     {group("bi")},
		model.Public:    {model.Public},
	}
	if !reflect.DeepEqual(r, want) {
		t.Fatalf("reach = %v\nwant %v", r, want)
	}
}

func TestComputeMarksDirectAndInheritedWithSources(t *testing.T) {
	s := snapshot("redshift")
	eff := Compute(s, IndexGrants(s), user("alice"))
	got := map[string]Cell{}
	for _, c := range eff.Cells {
		got[c.Privilege] = c
	}
	if len(got) != 3 {
		t.Fatalf("alice has %d privileges on orders, want SELECT, INSERT, REFERENCES: %+v", len(got), eff.Cells)
	}
	sel := got["SELECT"]
	if !sel.Direct || !sel.Inherited || !sel.GrantOption || len(sel.Sources) != 2 {
		t.Fatalf("SELECT cell = %+v", sel)
	}
	if len(sel.Sources[0].Via) != 0 || len(sel.Sources[1].Via) != 3 {
		t.Fatalf("sources not ordered direct first: %+v", sel.Sources)
	}
	if ins := got["INSERT"]; ins.Direct || !ins.Inherited || ins.Sources[0].Via[0] != group("bi") {
		t.Fatalf("INSERT cell = %+v", ins)
	}
	if _, ok := got["DELETE"]; ok {
		t.Fatal("alice got bob's DELETE")
	}
}

func TestPostgresNoInheritStopsRoleInheritance(t *testing.T) {
	s := snapshot("postgres")
	eff := Compute(s, IndexGrants(s), user("bob"))
	for _, c := range eff.Cells {
		if c.Privilege == "SELECT" && (c.Direct || c.Inherited || c.SetRole != "reader") {
			t.Fatalf("bob is NOINHERIT: SELECT from reader must be one SET ROLE reader away, not held: %+v", c)
		}
	}
	// On Redshift the same membership always inherits.
	s = snapshot("redshift")
	found := false
	for _, c := range Compute(s, IndexGrants(s), user("bob")).Cells {
		found = found || c.Privilege == "SELECT"
	}
	if !found {
		t.Fatal("bob should inherit SELECT from reader on Redshift")
	}
}

func TestSuperuserFlag(t *testing.T) {
	s := snapshot("redshift")
	if !Compute(s, IndexGrants(s), user("root")).Superuser {
		t.Fatal("root is a superuser")
	}
	if Compute(s, IndexGrants(s), user("alice")).Superuser {
		t.Fatal("alice is not a superuser")
	}
}

func TestMembershipCycleDoesNotLoop(t *testing.T) {
	s := &model.Snapshot{Engine: "redshift", Memberships: []model.Membership{
		{Member: role("a"), Of: role("b")}, {Member: role("b"), Of: role("a")},
	}}
	if r := Reach(s, role("a")); len(r) != 3 {
		t.Fatalf("reach = %v", r)
	}
}
