package catalog

import (
	"reflect"
	"testing"

	"github.com/redshiftmate/rsmate/backend/model"
)

var (
	alice   = model.PrincipalRef{Kind: model.KindUser, Name: "alice"}
	bob     = model.PrincipalRef{Kind: model.KindUser, Name: "bob"}
	reader  = model.PrincipalRef{Kind: model.KindRole, Name: "reader"}
	writer  = model.PrincipalRef{Kind: model.KindRole, Name: "writer"}
	ops     = model.PrincipalRef{Kind: model.KindGroup, Name: "ops"}
	opsRole = model.PrincipalRef{Kind: model.KindRole, Name: "ops"} // same name, other kind

	sales   = model.ObjectRef{Kind: model.ObjSchema, Schema: "sales"}
	orders  = model.ObjectRef{Kind: model.ObjTable, Schema: "sales", Name: "orders"}
	ordersA = model.ObjectRef{Kind: model.ObjColumn, Schema: "sales", Name: "orders", Column: "amount"}
	ordersB = model.ObjectRef{Kind: model.ObjColumn, Schema: "sales", Name: "orders", Column: "b"}
	fn      = model.ObjectRef{Kind: model.ObjFunction, Schema: "sales", Name: "f", Args: "integer"}
)

func sampleSnapshot() *model.Snapshot {
	return &model.Snapshot{
		Users:  []model.User{{ID: 1, Name: "alice"}, {ID: 2, Name: "bob"}},
		Roles:  []model.Role{{ID: 3, Name: "reader"}, {ID: 4, Name: "writer"}, {ID: 6, Name: "ops"}},
		Groups: []model.Group{{ID: 5, Name: "ops"}},
		Memberships: []model.Membership{
			{Member: alice, Of: reader},
			{Member: writer, Of: reader, AdminOption: true},
			{Member: bob, Of: writer},
			{Member: alice, Of: ops},
		},
		Schemas: []model.Schema{{Name: "sales", Owner: "writer"}, {Name: "hr", Owner: "bob"}},
		Relations: []model.Relation{
			{Schema: "sales", Name: "orders", Kind: model.RelTable},
			{Schema: "hr", Name: "people", Kind: model.RelView},
			{Schema: "sales", Name: "items", Kind: model.RelTable},
		},
		Routines: []model.Routine{{Schema: "sales", Name: "f", Args: "integer", Kind: model.ObjFunction}},
		Grants: model.NewGrantTable([]model.Grant{
			{Object: sales, Grantee: reader, Privilege: model.PrivUsage},
			{Object: orders, Grantee: reader, Privilege: model.PrivSelect},
			{Object: orders, Grantee: alice, Privilege: model.PrivInsert, GrantOption: true},
			{Object: ordersA, Grantee: bob, Privilege: model.PrivUpdate},
			{Object: fn, Grantee: model.Public, Privilege: model.PrivExecute, Default: true},
			{Object: ordersB, Grantee: alice, Privilege: model.PrivSelect},
			{Object: orders, Grantee: ops, Privilege: model.PrivDelete},
		}...),
		DefaultPrivileges: []model.DefaultPrivilege{
			{Creator: writer, Schema: "sales", ObjectType: model.DefTables, Grantee: reader, Privilege: model.PrivSelect},
			{Creator: bob, ObjectType: model.DefFunctions, Grantee: model.Public, Privilege: model.PrivExecute},
		},
	}
}

func TestIndexLookups(t *testing.T) {
	s := sampleSnapshot()
	x := NewIndex(s)
	eq := func(what string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %+v, want %+v", what, got, want)
		}
	}
	u, ok := x.User("bob")
	eq("User(bob)", u, s.Users[1])
	eq("User(bob) found", ok, true)
	_, ok = x.User("reader")
	eq("User(reader) found", ok, false)
	r, _ := x.Role("writer")
	eq("Role(writer)", r, s.Roles[1])
	g, ok := x.Group("ops")
	eq("Group(ops)", g, s.Groups[0])
	eq("Group(ops) found", ok, true)
	eq("Exists(PUBLIC)", x.Exists(model.Public), true)
	eq("Exists(user reader)", x.Exists(model.PrincipalRef{Kind: model.KindUser, Name: "reader"}), false)
	eq("Exists(group ops)", x.Exists(ops), true)

	eq("GrantsTo(reader)", x.GrantsTo(reader), []model.Grant{s.Grants.At(0), s.Grants.At(1)})
	eq("GrantsTo(alice)", x.GrantsTo(alice), []model.Grant{s.Grants.At(2), s.Grants.At(5)})
	eq("GrantsTo(PUBLIC)", x.GrantsTo(model.Public), []model.Grant{s.Grants.At(4)})
	// A group and a role with one name are different grantees.
	eq("GrantsTo(group ops)", x.GrantsTo(ops), []model.Grant{s.Grants.At(6)})
	eq("GrantsTo(role ops)", x.GrantsTo(opsRole), []model.Grant{})
	eq("GrantsOn(orders)", x.GrantsOn(orders), []model.Grant{s.Grants.At(1), s.Grants.At(2), s.Grants.At(6)})
	eq("GrantsOn(orders.amount)", x.GrantsOn(ordersA), []model.Grant{s.Grants.At(3)})
	eq("ColumnGrants(orders)", x.ColumnGrants("sales", "orders"), []model.Grant{s.Grants.At(3), s.Grants.At(5)})
	eq("GrantsOn(f(integer))", x.GrantsOn(fn), []model.Grant{s.Grants.At(4)})
	eq("GrantsOn(f())", x.GrantsOn(model.ObjectRef{Kind: model.ObjFunction, Schema: "sales", Name: "f"}), []model.Grant{})

	eq("MemberOf(alice)", x.MemberOf(alice), []model.Membership{s.Memberships[0], s.Memberships[3]})
	eq("Members(reader)", x.Members(reader), []model.Membership{s.Memberships[0], s.Memberships[1]})
	eq("Members(writer)", x.Members(writer), []model.Membership{s.Memberships[2]})
	eq("MemberOf(writer)", x.MemberOf(writer), []model.Membership{s.Memberships[1]})
	eq("Members(group ops)", x.Members(ops), []model.Membership{s.Memberships[3]})
	eq("Members(role ops)", x.Members(opsRole), []model.Membership{})

	eq("DefaultsBy(writer)", x.DefaultsBy(writer), []model.DefaultPrivilege{s.DefaultPrivileges[0]})
	eq("DefaultsFor(reader)", x.DefaultsFor(reader), []model.DefaultPrivilege{s.DefaultPrivileges[0]})
	eq("DefaultsFor(PUBLIC)", x.DefaultsFor(model.Public), []model.DefaultPrivilege{s.DefaultPrivileges[1]})

	sc, ok := x.Schema("hr")
	eq("Schema(hr)", sc, s.Schemas[1])
	rel, ok := x.Relation("sales", "items")
	eq("Relation(sales.items)", rel, s.Relations[2])
	_, ok = x.Relation("hr", "orders")
	eq("Relation(hr.orders) found", ok, false)
	eq("Relations(sales)", x.Relations("sales"), []model.Relation{s.Relations[0], s.Relations[2]})
	eq("Routines(sales)", x.Routines("sales"), s.Routines)
	eq("Routines(hr)", x.Routines("hr"), []model.Routine{})
	if x.Snapshot() != s {
		t.Error("Snapshot() is not the indexed snapshot")
	}
}

// Results are copies: editing one does not change the snapshot.
func TestIndexResultsAreCopies(t *testing.T) {
	s := sampleSnapshot()
	x := NewIndex(s)
	got := x.GrantsTo(reader)
	got[0].Privilege = "CHANGED"
	if s.Grants.At(0).Privilege != model.PrivUsage {
		t.Fatal("GrantsTo returned a view into the snapshot")
	}
}

func TestIndexEmptySnapshot(t *testing.T) {
	x := NewIndex(&model.Snapshot{})
	if len(x.GrantsTo(alice)) != 0 || len(x.Members(reader)) != 0 || x.Exists(alice) {
		t.Fatal("empty snapshot answered something")
	}
}
