package change

import (
	"slices"
	"testing"

	"github.com/redshiftmate/rsmate/backend/model"
)

// seen records the snapshot each change is rendered against, as it is then.
type seen struct {
	snaps []*model.Snapshot
	ptrs  []*model.Snapshot
}

func (s *seen) Render(c Change, snap *model.Snapshot) ([]Statement, error) {
	cp := *snap
	cp.Users, cp.Grants, cp.Memberships, cp.Schemas = slices.Clone(snap.Users), snap.Grants.Clone(), slices.Clone(snap.Memberships), slices.Clone(snap.Schemas)
	s.snaps, s.ptrs = append(s.snaps, &cp), append(s.ptrs, snap)
	return []Statement{{SQL: string(c.Kind)}}, nil
}

// In a set with a drop, each change sees the catalog after the changes
// before it; the loaded snapshot itself is never modified.
func TestChangesBeforeADropAreVisibleToIt(t *testing.T) {
	orders := model.ObjectRef{Kind: model.ObjTable, Schema: "s", Name: "orders"}
	items := model.ObjectRef{Kind: model.ObjTable, Schema: "s", Name: "items"}
	snap := &model.Snapshot{
		Users:     []model.User{{Name: "admin", Superuser: true}, {Name: "bob"}},
		Roles:     roles("r", "team"),
		Relations: []model.Relation{{Schema: "s", Name: "orders"}, {Schema: "s", Name: "items"}},
		Schemas:   []model.Schema{{Name: "own", Owner: "bob"}},
		Grants: model.NewGrantTable([]model.Grant{
			{Object: orders, Grantee: model.RoleRef("r"), Privilege: "SELECT"},
			{Object: items, Grantee: model.RoleRef("r"), Privilege: "SELECT"},
		}...),
		Memberships: []model.Membership{{Member: model.UserRef("bob"), Of: model.RoleRef("r")}},
	}
	before := snap.Grants.Len()
	rec := &seen{}
	changes := []Change{
		{Kind: RevokePrivileges, Privilege: &PrivilegeSpec{Privileges: []string{"select"}, Target: TargetAllInSchema, Kind: model.ObjTable, Schemas: []string{"s"}, Grantee: model.RoleRef("r")}},
		{Kind: GrantPrivileges, Privilege: &PrivilegeSpec{Privileges: []string{"INSERT"}, Target: TargetObjects, Objects: []model.ObjectRef{items}, Grantee: model.RoleRef("r")}},
		{Kind: GrantRole, Member: &MemberSpec{Role: "team", Member: model.RoleRef("r")}},
		{Kind: AlterUser, User: &UserSpec{Name: "bob", RenameTo: "robert"}},
		{Kind: DropUser, User: &UserSpec{Name: "robert", Successor: "admin"}},
		{Kind: DropRole, Role: &RoleSpec{Name: "r"}},
	}
	if _, err := Build(changes, snap, rec, CurrentUser{Name: "admin"}); err != nil {
		t.Fatal(err)
	}
	atDropRole := rec.snaps[5]
	if want := []model.Grant{{Object: items, Grantee: model.RoleRef("r"), Privilege: "INSERT"}}; !slices.Equal(atDropRole.Grants.Slice(), want) {
		t.Errorf("grants the role drop sees: %+v", atDropRole.Grants.Slice())
	}
	if want := []model.Membership{{Member: model.RoleRef("r"), Of: model.RoleRef("team")}}; !slices.Equal(atDropRole.Memberships, want) {
		t.Errorf("memberships the role drop sees: %+v", atDropRole.Memberships)
	}
	if atDropRole.Schemas[0].Owner != "admin" {
		t.Errorf("the dropped user's schema is owned by %q, want its successor", atDropRole.Schemas[0].Owner)
	}
	if atDropUser := rec.snaps[4]; !slices.ContainsFunc(atDropUser.Users, func(u model.User) bool { return u.Name == "robert" }) || atDropUser.Schemas[0].Owner != "robert" {
		t.Errorf("the user drop does not see the rename: %+v %+v", atDropUser.Users, atDropUser.Schemas)
	}
	if snap.Grants.Len() != before || snap.Users[1].Name != "bob" || snap.Schemas[0].Owner != "bob" {
		t.Fatal("the loaded snapshot was modified")
	}
	// Without a drop, every change sees the loaded snapshot itself.
	rec = &seen{}
	if _, err := Build(changes[:3], snap, rec, CurrentUser{Name: "admin"}); err != nil {
		t.Fatal(err)
	}
	for i, s := range rec.ptrs {
		if s != snap {
			t.Errorf("change %d rendered against a copy in a set without a drop", i+1)
		}
	}
}
