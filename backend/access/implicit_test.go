package access

import (
	"slices"
	"testing"

	"github.com/redshiftmate/rsmate/backend/model"
)

var (
	publicSchema = model.ObjectRef{Kind: model.ObjSchema, Schema: "public"}
	salesSchema  = model.ObjectRef{Kind: model.ObjSchema, Schema: "sales"}
	ordersSeq    = model.ObjectRef{Kind: model.ObjSequence, Schema: "sales", Name: "orders_id_seq"}
)

func boolp(b bool) *bool { return &b }

// pgSnapshot is a PostgreSQL database "shop" owned by the non-superuser
// "owner", with schema public owned by pg_database_owner (PostgreSQL 15+).
func pgSnapshot(version int) *model.Snapshot {
	return &model.Snapshot{
		Engine: "postgres", Database: "shop", ServerVersion: version,
		Databases: []model.Database{{Name: "postgres", Owner: "admin"}, {Name: "shop", Owner: "owner"}},
		Users: []model.User{
			{Name: "owner", Inherit: true}, {Name: "noinherit_owner", Inherit: false},
			{Name: "reader_all", Inherit: true}, {Name: "writer_all", Inherit: true}, {Name: "maint", Inherit: true},
			{Name: "dave", Inherit: true}, {Name: "erin", Inherit: false}, {Name: "admin", Superuser: true},
		},
		Roles: []model.Role{
			{Name: RoleDatabaseOwner, System: true, Inherit: true}, {Name: RoleReadAllData, System: true, Inherit: true},
			{Name: RoleWriteAllData, System: true, Inherit: true}, {Name: RoleMaintain, System: true, Inherit: true},
			{Name: "reader", Inherit: true}, {Name: "analyst", Inherit: true}, {Name: "root_role", Superuser: true, Inherit: true},
		},
		Memberships: []model.Membership{
			{Member: user("reader_all"), Of: role(RoleReadAllData)},
			{Member: user("writer_all"), Of: role(RoleWriteAllData)},
			{Member: user("maint"), Of: role(RoleMaintain)},
			{Member: role("analyst"), Of: role("reader")},
			{Member: user("erin"), Of: role("analyst")},
			{Member: user("erin"), Of: role("root_role")},
		},
		Schemas: []model.Schema{{Name: "public", Owner: RoleDatabaseOwner}, {Name: "sales", Owner: "admin"}},
		Relations: []model.Relation{
			{Schema: "sales", Name: "orders", Kind: model.RelTable, Owner: "admin"},
			{Schema: "sales", Name: "orders_id_seq", Kind: model.RelSequence, Owner: "admin"},
		},
		Grants: model.NewGrantTable([]model.Grant{
			{Object: publicSchema, Grantee: role(RoleDatabaseOwner), Privilege: "USAGE", Implied: true},
			{Object: publicSchema, Grantee: role(RoleDatabaseOwner), Privilege: "CREATE", Implied: true},
			{Object: publicSchema, Grantee: model.Public, Privilege: "USAGE"},
			{Object: orders, Grantee: role("reader"), Privilege: "SELECT"},
			{Object: salesSchema, Grantee: role("analyst"), Privilege: "USAGE"},
		}...),
	}
}

// cellsOf indexes cells by "object/privilege" for assertions.
func cellsOf(e Effective) map[string]Cell {
	out := map[string]Cell{}
	for _, c := range e.Cells {
		k := c.Object.Schema + "." + c.Object.Name + "/" + c.Privilege
		out[k] = c
	}
	return out
}

func TestDatabaseOwnerInheritsPgDatabaseOwnerWithPathNote(t *testing.T) {
	s := pgSnapshot(150004)
	eff := Compute(s, IndexGrants(s), user("owner"))
	c, ok := cellsOf(eff)["public./CREATE"]
	if !ok || !c.Inherited || c.Direct || c.SetRole != "" {
		t.Fatalf("owner of shop must inherit CREATE on public through pg_database_owner: %+v", eff.Cells)
	}
	src := c.Sources[0]
	if len(src.Via) != 1 || src.Via[0] != role(RoleDatabaseOwner) || src.Note != "owner of the database, hence pg_database_owner" {
		t.Fatalf("CREATE on public source = %+v", src)
	}
	reached := false
	for _, r := range eff.Reach {
		if r.From == role(RoleDatabaseOwner) {
			reached = r.Note == NoteDatabaseOwner
		}
	}
	if !reached {
		t.Fatalf("reach lacks pg_database_owner with its note: %+v", eff.Reach)
	}
	// The owner of another database gets nothing from pg_database_owner here.
	if _, ok := cellsOf(Compute(s, IndexGrants(s), user("dave")))["public./CREATE"]; ok {
		t.Fatal("dave owns no database but got CREATE on public")
	}
}

func TestNoInheritDatabaseOwnerDependsOnVersion(t *testing.T) {
	for _, tc := range []struct {
		version     int
		inherited   bool
		wantSetRole string
	}{
		// PostgreSQL 14/15: the implicit membership follows the owner's NOINHERIT.
		{150004, false, RoleDatabaseOwner},
		// PostgreSQL 16+: it always inherits.
		{160002, true, ""},
	} {
		s := pgSnapshot(tc.version)
		s.Databases[1].Owner = "noinherit_owner"
		c, ok := cellsOf(Compute(s, IndexGrants(s), user("noinherit_owner")))["public./CREATE"]
		if !ok || c.Inherited != tc.inherited || c.SetRole != tc.wantSetRole {
			t.Fatalf("version %d: CREATE on public = %+v (present %v), want inherited %v, set role %q",
				tc.version, c, ok, tc.inherited, tc.wantSetRole)
		}
	}
}

func TestPredefinedRolesGrantOutsideACLs(t *testing.T) {
	s := pgSnapshot(170000)
	read := cellsOf(Compute(s, IndexGrants(s), user("reader_all")))
	for _, k := range []string{"public./USAGE", "sales./USAGE", "sales.orders/SELECT", "sales.orders_id_seq/SELECT"} {
		c, ok := read[k]
		// public's USAGE also comes from PUBLIC: the sources' order is not the claim.
		viaRole := ok && slices.ContainsFunc(c.Sources, func(x Source) bool {
			return x.Note == "member of pg_read_all_data" && len(x.Via) > 0 && x.Via[0] == role(RoleReadAllData)
		})
		if !ok || !c.Inherited || !viaRole {
			t.Errorf("pg_read_all_data member: %s = %+v (present %v)", k, c, ok)
		}
	}
	if _, ok := read["sales.orders/INSERT"]; ok {
		t.Error("pg_read_all_data must not give INSERT")
	}
	write := cellsOf(Compute(s, IndexGrants(s), user("writer_all")))
	for _, k := range []string{"sales./USAGE", "sales.orders/INSERT", "sales.orders/UPDATE", "sales.orders/DELETE", "sales.orders_id_seq/UPDATE"} {
		if c, ok := write[k]; !ok || c.Sources[0].Note != "member of pg_write_all_data" {
			t.Errorf("pg_write_all_data member: %s = %+v (present %v)", k, c, ok)
		}
	}
	// A sequence has no INSERT or DELETE: pg_write_all_data gives it UPDATE only (nextval, setval).
	for _, k := range []string{"sales.orders/SELECT", "sales.orders/TRUNCATE", "sales.orders_id_seq/INSERT", "sales.orders_id_seq/DELETE"} {
		if _, ok := write[k]; ok {
			t.Errorf("pg_write_all_data must not give %s", k)
		}
	}
	maint := cellsOf(Compute(s, IndexGrants(s), user("maint")))
	if c, ok := maint["sales.orders/MAINTAIN"]; !ok || c.Sources[0].Note != "member of pg_maintain" {
		t.Errorf("pg_maintain member: MAINTAIN on orders = %+v (present %v)", c, ok)
	}
	if _, ok := maint["sales.orders_id_seq/MAINTAIN"]; ok {
		t.Error("pg_maintain gives MAINTAIN on a sequence, which has none")
	}
	// Redshift has no such roles: the same names grant nothing there.
	s.Engine = "redshift"
	if _, ok := cellsOf(Compute(s, IndexGrants(s), user("reader_all")))["sales.orders/SELECT"]; ok {
		t.Error("pg_read_all_data applied on Redshift")
	}
}

func TestSetRoleUnlocksNonInheritedMemberships(t *testing.T) {
	s := pgSnapshot(150004)
	eff := Compute(s, IndexGrants(s), user("erin")) // NOINHERIT member of analyst -> reader
	got := cellsOf(eff)
	sel, ok := got["sales.orders/SELECT"]
	if !ok || sel.Direct || sel.Inherited || sel.SetRole != "analyst" {
		t.Fatalf("erin's SELECT on orders must be one SET ROLE analyst away: %+v", sel)
	}
	if src := sel.Sources[0]; src.SetRole != "analyst" || len(src.Via) != 2 || src.Via[1] != role("reader") {
		t.Fatalf("source = %+v, want SET ROLE analyst via analyst -> reader", src)
	}
	if use := got["public./USAGE"]; !use.Inherited || use.SetRole != "" || len(use.Sources) != 1 {
		t.Fatalf("USAGE on public comes from PUBLIC in the session; SET ROLE adds no source: %+v", use)
	}
	if eff.SetRoleSuperuser != "root_role" {
		t.Fatalf("erin can SET ROLE root_role (a superuser): got %q", eff.SetRoleSuperuser)
	}
	if eff.Superuser {
		t.Fatal("membership in a superuser role must not make erin a superuser")
	}
	// SET ROLE checks the session user's memberships: a role has no session.
	s.Roles = append(s.Roles, model.Role{Name: "noinherit_role", Inherit: false})
	s.Memberships = append(s.Memberships, model.Membership{Member: role("noinherit_role"), Of: role("reader")})
	for _, c := range Compute(s, IndexGrants(s), role("noinherit_role")).Cells {
		if c.SetRole != "" {
			t.Fatalf("a role got a SET ROLE state: %+v", c)
		}
	}
}

func TestSetRoleFollowsPostgres16MembershipOptions(t *testing.T) {
	s := pgSnapshot(160002)
	s.Memberships = []model.Membership{
		{Member: user("dave"), Of: role("analyst"), InheritOption: boolp(false), SetOption: boolp(true)},
		{Member: role("analyst"), Of: role("reader"), InheritOption: boolp(true), SetOption: boolp(true)},
	}
	if c := cellsOf(Compute(s, IndexGrants(s), user("dave")))["sales.orders/SELECT"]; c.SetRole != "analyst" || c.Inherited {
		t.Fatalf("INHERIT FALSE, SET TRUE: want SET ROLE analyst, got %+v", c)
	}
	s.Memberships[0].SetOption = boolp(false)
	if c, ok := cellsOf(Compute(s, IndexGrants(s), user("dave")))["sales.orders/SELECT"]; ok {
		t.Fatalf("INHERIT FALSE, SET FALSE: nothing is reachable, got %+v", c)
	}
	// A SET FALSE but inheriting membership still passes privileges on.
	s.Memberships[0].InheritOption = boolp(true)
	if c := cellsOf(Compute(s, IndexGrants(s), user("dave")))["sales.orders/SELECT"]; !c.Inherited || c.SetRole != "" {
		t.Fatalf("INHERIT TRUE, SET FALSE: want inherited, got %+v", c)
	}
}

func TestRedshiftHasNoSetRoleState(t *testing.T) {
	s := snapshot("redshift")
	for _, c := range Compute(s, IndexGrants(s), user("bob")).Cells {
		if c.SetRole != "" {
			t.Fatalf("Redshift cell with a SET ROLE state: %+v", c)
		}
	}
}
