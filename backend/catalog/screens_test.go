package catalog

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"github.com/redshiftmate/rsmate/backend/access"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/synthetic"
)

func TestListRowsCountMembershipsAndExplicitGrants(t *testing.T) {
	s := sampleSnapshot()
	s.Users[0].Identity, s.Users[0].ConnectionLimit = model.IdentityLocal, -1
	s.Grants.Add(model.Grant{Object: sales, Grantee: writer, Privilege: model.PrivCreate, Implied: true})
	s.SystemPrivileges = []model.SystemPrivilege{{Privilege: "CREATE USER", Grantee: reader}}
	x := NewIndex(s)

	wantUsers := []UserRow{
		{Name: "alice", Identity: model.IdentityLocal, ConnectionLimit: -1, Roles: 1, Groups: 1, Grants: 2},
		{Name: "bob", Roles: 1, Grants: 1},
	}
	if got := x.UserRows(); !reflect.DeepEqual(got, wantUsers) {
		t.Errorf("UserRows = %+v\nwant %+v", got, wantUsers)
	}
	wantRoles := []RoleRow{
		{Name: "reader", Members: 2, Grants: 2, SystemPrivileges: []string{"CREATE USER"}},
		{Name: "writer", Members: 1, MemberOf: 1}, // its implied CREATE is not counted
		{Name: "ops"},
	}
	if got := x.RoleRows(); !reflect.DeepEqual(got, wantRoles) {
		t.Errorf("RoleRows = %+v\nwant %+v", got, wantRoles)
	}
	if got, want := x.GroupRows(), []GroupRow{{Name: "ops", Members: 1, Grants: 1}}; !reflect.DeepEqual(got, want) {
		t.Errorf("GroupRows = %+v, want %+v", got, want)
	}
}

// The list rows leave zero values out: a plain user's row is its name,
// identity, connection limit and three counts.
func TestUserRowJSONLeavesZeroAttributesOut(t *testing.T) {
	data, err := json.Marshal(UserRow{Name: "u", Identity: model.IdentityLocal, ConnectionLimit: -1, Roles: 2, Groups: 1, Grants: 40})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"name":"u","identity":"local","connectionLimit":-1,"roles":2,"groups":1,"grants":40}`; string(data) != want {
		t.Fatalf("row JSON = %s, want %s", data, want)
	}
}

// On the benchmark's 100,000-user catalog the Users answer stays under 100
// bytes of JSON per row.
func TestUsersListUnder100BytesPerRowAt100kUsers(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 100,000-user snapshot")
	}
	x := NewIndex(synthetic.Snapshot(100_000))
	rows := x.UserRows()
	data, err := json.Marshal(rows)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 100_000 || len(data) > 100*len(rows) {
		t.Fatalf("%d rows in %d bytes of JSON (%.1f per row), want 100000 rows at ≤ 100 bytes each",
			len(rows), len(data), float64(len(data))/float64(len(rows)))
	}
}

func TestDetailListsOwnedObjectsFromTheIndex(t *testing.T) {
	x := NewIndex(sampleSnapshot())
	d, err := x.Detail(bob)
	if err != nil {
		t.Fatal(err)
	}
	want := []ObjectRow{{Ref: model.ObjectRef{Kind: model.ObjSchema, Schema: "hr"}, Kind: "schema", Owner: "bob", Grantees: []model.PrincipalRef{}}}
	if !reflect.DeepEqual(d.Owned, want) {
		t.Errorf("bob owns %+v, want %+v", d.Owned, want)
	}
}

// Limited to one schema, effective access holds exactly the unlimited
// answer's cells in that schema.
func TestEffectiveInOneSchemaMatchesTheFilteredWhole(t *testing.T) {
	x := NewIndex(synthetic.Snapshot(500))
	for _, ref := range []model.PrincipalRef{model.UserRef("bench_u000042"), model.RoleRef("bench_r006"), model.GroupRef("bench_grp_07")} {
		whole := x.Effective(ref, "")
		part := x.Effective(ref, "bench_s017")
		var want []string
		for _, c := range whole.Cells {
			if c.Object.Schema == "bench_s017" {
				want = append(want, c.Object.Name+"/"+c.Privilege)
			}
		}
		var got []string
		for _, c := range part.Cells {
			got = append(got, c.Object.Name+"/"+c.Privilege)
		}
		if len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("%v in bench_s017: %v\nwant %v", ref, got, want)
		}
	}
}

// Through the index (memberships, attributes and grants looked up) effective
// access is what the snapshot-scanning computation gives.
func TestEffectiveThroughTheIndexEqualsTheScan(t *testing.T) {
	snap := synthetic.Snapshot(300)
	x := NewIndex(snap)
	for _, ref := range []model.PrincipalRef{model.UserRef("bench_u000007"), model.RoleRef("bench_r012"), model.GroupRef("bench_grp_03")} {
		got, want := cells(access.Compute(snap, x, ref)), cells(access.Compute(snap, access.IndexGrants(snap), ref))
		if len(got) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("%v: %d cells through the index, %d by scanning, or they differ", ref, len(got), len(want))
		}
	}
}

// cells summarizes each cell: sources of equal distance come in map order,
// so they are counted, not listed.
func cells(e access.Effective) []string {
	var out []string
	for _, c := range append(e.Cells, e.Scoped...) {
		out = append(out, fmt.Sprintf("%v %s %s direct=%v inherited=%v option=%v setrole=%s sources=%d",
			c.Object, c.Privilege, c.Scope, c.Direct, c.Inherited, c.GrantOption, c.SetRole, len(c.Sources)))
	}
	return append(out, fmt.Sprint(e.Reach, e.Superuser, e.SetRoleSuperuser))
}
