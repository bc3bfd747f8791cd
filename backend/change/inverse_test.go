package change

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/redshiftmate/rsmate/backend/model"
)

func revertSnapshot() *model.Snapshot {
	orders := model.ObjectRef{Kind: model.ObjTable, Schema: "sales", Name: "orders"}
	return &model.Snapshot{
		Engine:    "postgres",
		Users:     []model.User{{Name: "alice", ConnectionLimit: -1, ValidUntil: ""}, {Name: "bob", ConnectionLimit: 5}},
		Roles:     []model.Role{{Name: "reader"}},
		Schemas:   []model.Schema{{Name: "sales"}},
		Relations: []model.Relation{{Schema: "sales", Name: "orders", Kind: model.RelTable}, {Schema: "sales", Name: "items", Kind: model.RelTable}},
		Memberships: []model.Membership{
			{Member: model.UserRef("bob"), Of: model.RoleRef("reader"), AdminOption: true},
		},
		Grants: model.NewGrantTable(
			model.Grant{Object: orders, Grantee: model.UserRef("alice"), Privilege: "SELECT"},
			model.Grant{Object: orders, Grantee: model.UserRef("bob"), Privilege: "DELETE", GrantOption: true},
		),
	}
}

func asJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestRevertsUndoOnlyWhatEachChangeAltered: privileges held before a grant
// stay, a revoke grants back with the grant option it had, memberships and
// attributes return to their earlier values, and later changes see earlier ones.
func TestRevertsUndoOnlyWhatEachChangeAltered(t *testing.T) {
	orders := model.ObjectRef{Kind: model.ObjTable, Schema: "sales", Name: "orders"}
	limit := 10
	changes := []Change{
		{Kind: GrantPrivileges, Privilege: &PrivilegeSpec{Privileges: []string{"SELECT", "INSERT"}, Target: TargetObjects, Objects: []model.ObjectRef{orders}, Grantee: model.UserRef("alice")}},
		{Kind: RevokePrivileges, Privilege: &PrivilegeSpec{Privileges: []string{"DELETE", "UPDATE"}, Target: TargetObjects, Objects: []model.ObjectRef{orders}, Grantee: model.UserRef("bob")}},
		{Kind: GrantRole, Member: &MemberSpec{Role: "reader", Member: model.UserRef("alice")}},
		{Kind: RevokeRole, Member: &MemberSpec{Role: "reader", Member: model.UserRef("bob")}},
		{Kind: AlterUser, User: &UserSpec{Name: "bob", ConnectionLimit: &limit, ValidUntil: "2027-01-01"}},
		{Kind: CreateRole, Role: &RoleSpec{Name: "writer"}},
		// Alice holds INSERT since change 0: granting it again alters nothing.
		{Kind: GrantPrivileges, Privilege: &PrivilegeSpec{Privileges: []string{"INSERT"}, Target: TargetAllInSchema, Kind: model.ObjTable, Schemas: []string{"sales"}, Grantee: model.UserRef("alice")}},
	}
	got := Reverts(changes, revertSnapshot())
	want := []string{
		`[{"kind":"revoke_privileges","privilege":{"privileges":["INSERT"],"target":"objects","objects":[{"kind":"table","schema":"sales","name":"orders"}],"grantee":{"kind":"user","name":"alice"}}}]`,
		`[{"kind":"grant_privileges","privilege":{"privileges":["DELETE"],"target":"objects","objects":[{"kind":"table","schema":"sales","name":"orders"}],"grantee":{"kind":"user","name":"bob"},"grantOption":true}}]`,
		`[{"kind":"revoke_role","member":{"role":"reader","member":{"kind":"user","name":"alice"}}}]`,
		`[{"kind":"grant_role","member":{"role":"reader","member":{"kind":"user","name":"bob"},"adminOption":true}}]`,
		`[{"kind":"alter_user","user":{"name":"bob","connectionLimit":5,"validUntil":"infinity"}}]`,
		`[{"kind":"drop_role","role":{"name":"writer"}}]`,
		`[{"kind":"revoke_privileges","privilege":{"privileges":["INSERT"],"target":"objects","objects":[{"kind":"table","schema":"sales","name":"items"}],"grantee":{"kind":"user","name":"alice"}}}]`,
	}
	for i, r := range got {
		if r.Reason != "" {
			t.Errorf("change %d: no inverse: %s", i, r.Reason)
		}
		if g := asJSON(t, r.Changes); g != want[i] {
			t.Errorf("change %d revert =\n%s\nwant\n%s", i, g, want[i])
		}
	}
}

func TestRevertExplainsWhatCannotBeUndone(t *testing.T) {
	pw := "s3cret-Password"
	changes := []Change{
		{Kind: DropUser, User: &UserSpec{Name: "bob"}},
		{Kind: AlterUser, User: &UserSpec{Name: "alice", Password: &pw}},
	}
	got := Reverts(changes, revertSnapshot())
	if !strings.Contains(got[0].Reason, "a drop cannot be undone") || got[0].Changes != nil {
		t.Errorf("drop revert = %+v", got[0])
	}
	if !strings.Contains(got[1].Reason, "password change cannot be undone") {
		t.Errorf("password revert = %+v", got[1])
	}
	if strings.Contains(asJSON(t, got), pw) {
		t.Fatal("a revert carries the password")
	}
}
