package rsrender

import (
	"slices"
	"strings"
	"testing"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/model"
)

// Drops clear what blocks them first. Sources: DG r_DROP_USER ("You can't
// drop a user if the user owns any database object … or if the user has any
// privileges on a database, table, column, or group"; "Amazon Redshift checks
// only the current database"), the knowledge-center page "How do I resolve the
// 'user cannot be dropped' error in Amazon Redshift?"
// (https://repost.aws/knowledge-center/redshift-user-cannot-be-dropped: the
// owner or target user of default privileges cannot be dropped either),
// DG r_REVOKE, r_ALTER_DEFAULT_PRIVILEGES, r_ALTER_GROUP, r_ALTER_SCHEMA,
// r_ALTER_TABLE, r_ALTER_FUNCTION, r_ALTER_PROCEDURE, r_ALTER_ROLE and r_DROP_ROLE.

func dropSnapshot() *model.Snapshot {
	mart := func(n string, k model.RelationKind) model.Relation {
		return model.Relation{Schema: "mart", Name: n, Kind: k, Owner: "alice"}
	}
	return &model.Snapshot{
		Engine: "redshift", Database: "dev",
		Databases: []model.Database{{Name: "dev", Owner: "rdsdb"}, {Name: "shop", Owner: "alice"}},
		Users:     []model.User{{Name: "alice"}, {Name: "bob"}, {Name: "admin", Superuser: true}},
		Roles:     []model.Role{{Name: "analyst", Owner: "admin"}, {Name: "parent", Owner: "admin"}, {Name: "owned role", Owner: "alice"}},
		Groups:    []model.Group{{Name: "staff"}},
		Memberships: []model.Membership{
			{Member: user("alice"), Of: role("analyst")},
			{Member: user("alice"), Of: group("staff")},
			{Member: role("analyst"), Of: role("parent")},
		},
		Schemas: []model.Schema{{Name: "sales", Owner: "admin"}, {Name: "mart", Owner: "alice"}, {Name: "pg_catalog", Owner: "rdsdb", System: true}},
		Relations: []model.Relation{
			{Schema: "sales", Name: "orders", Kind: model.RelTable, Owner: "admin"},
			{Schema: "sales", Name: "items", Kind: model.RelTable, Owner: "admin"},
			mart("t", model.RelTable), mart("v", model.RelView), mart("lbv", model.RelLateBindingView),
		},
		Routines: []model.Routine{
			{Schema: "mart", Name: "f", Args: "integer", Kind: model.ObjFunction, Owner: "alice"},
			{Schema: "mart", Name: "p", Args: "", Kind: model.ObjProcedure, Owner: "alice"},
		},
		Grants: model.NewGrantTable([]model.Grant{
			{Object: table("sales", "orders"), Grantee: user("alice"), Privilege: "SELECT"},
			{Object: table("sales", "orders"), Grantee: user("alice"), Privilege: "INSERT"},
			{Object: table("sales", "items"), Grantee: user("alice"), Privilege: "SELECT"},
			{Object: table("sales", "items"), Grantee: user("alice"), Privilege: "INSERT"},
			{Object: model.ObjectRef{Kind: model.ObjColumn, Schema: "sales", Name: "items", Column: "price"}, Grantee: user("alice"), Privilege: "UPDATE"},
			{Object: model.ObjectRef{Kind: model.ObjSchema, Schema: "sales"}, Grantee: user("alice"), Privilege: "USAGE"},
			{Object: model.ObjectRef{Kind: model.ObjSchema, Schema: "sales"}, Grantee: user("alice"), Privilege: "SELECT", Scope: "TABLES"},
			{Object: model.ObjectRef{Kind: model.ObjDatabase, Name: "dev"}, Grantee: user("alice"), Privilege: "TEMP"},
			// The owner's own privilege on what it owns moves with ownership.
			{Object: table("mart", "t"), Grantee: user("alice"), Privilege: "SELECT", Implied: true},
			{Object: table("sales", "orders"), Grantee: role("analyst"), Privilege: "SELECT"},
			{Object: model.ObjectRef{Kind: model.ObjSchema, Schema: "sales"}, Grantee: role("analyst"), Privilege: "USAGE"},
			{Object: table("sales", "orders"), Grantee: group("staff"), Privilege: "SELECT"},
		}...),
		DefaultPrivileges: []model.DefaultPrivilege{
			{Creator: user("bob"), Schema: "sales", ObjectType: model.DefTables, Grantee: user("alice"), Privilege: "SELECT"},
			{Creator: user("alice"), ObjectType: model.DefTables, Grantee: role("analyst"), Privilege: "SELECT"},
			{Creator: user("alice"), ObjectType: model.DefTables, Grantee: role("analyst"), Privilege: "DROP"},
			{Creator: user("alice"), ObjectType: model.DefTables, Grantee: user("alice"), Privilege: "SELECT", Implied: true},
			{Creator: user("alice"), ObjectType: model.DefTables, Grantee: user("alice"), Privilege: "INSERT", Implied: true},
			{Creator: user("alice"), ObjectType: model.DefTables, Grantee: user("alice"), Privilege: "UPDATE", Implied: true},
			{Creator: user("alice"), ObjectType: model.DefTables, Grantee: user("alice"), Privilege: "DELETE", Implied: true},
			{Creator: user("alice"), ObjectType: model.DefTables, Grantee: user("alice"), Privilege: "DROP", Implied: true},
			{Creator: user("alice"), ObjectType: model.DefTables, Grantee: user("alice"), Privilege: "REFERENCES", Implied: true},
			{Creator: user("alice"), ObjectType: model.DefTables, Grantee: user("alice"), Privilege: "TRUNCATE", Implied: true},
			{Creator: user("bob"), ObjectType: model.DefFunctions, Grantee: group("staff"), Privilege: "EXECUTE"},
		},
		SystemPrivileges: []model.SystemPrivilege{{Privilege: "CREATE USER", Grantee: role("analyst")}, {Privilege: "IGNORE RLS", Grantee: role("analyst")}},
	}
}

func renderSQL(t *testing.T, c change.Change, snap *model.Snapshot) ([]string, []change.Statement) {
	t.Helper()
	got, err := New().Render(c, snap)
	if err != nil {
		t.Fatalf("render: %v", err)
	}
	var sqls []string
	for _, s := range got {
		sqls = append(sqls, s.SQL)
		if strings.Contains(s.SQL, "CASCADE") {
			t.Errorf("%q says CASCADE, which Redshift refuses", s.SQL)
		}
	}
	return sqls, got
}

func TestDropUserClearsOwnershipPrivilegesDefaultsAndMemberships(t *testing.T) {
	sqls, stmts := renderSQL(t, change.Change{Kind: change.DropUser, User: &change.UserSpec{Name: "alice", Successor: "bob"}}, dropSnapshot())
	want := []string{
		// r_ALTER_DATABASE, r_ALTER_SCHEMA, r_ALTER_TABLE (tables and views), r_ALTER_FUNCTION, r_ALTER_PROCEDURE: OWNER TO.
		`ALTER DATABASE "shop" OWNER TO "bob"`,
		`ALTER SCHEMA "mart" OWNER TO "bob"`,
		`ALTER TABLE "mart"."t" OWNER TO "bob"`,
		`ALTER TABLE "mart"."v" OWNER TO "bob"`,
		`ALTER TABLE "mart"."lbv" OWNER TO "bob"`,
		`ALTER FUNCTION "mart"."f"(integer) OWNER TO "bob"`,
		`ALTER PROCEDURE "mart"."p"() OWNER TO "bob"`,
		// r_ALTER_ROLE: ALTER ROLE … WITH OWNER TO.
		`ALTER ROLE "owned role" WITH OWNER TO "bob"`,
		// r_REVOKE: objects with the same privileges share one statement.
		`REVOKE SELECT, INSERT ON TABLE "sales"."orders", "sales"."items" FROM "alice"`,
		`REVOKE USAGE ON SCHEMA "sales" FROM "alice"`,
		`REVOKE TEMP ON DATABASE "dev" FROM "alice"`,
		// r_REVOKE: column-level privileges.
		`REVOKE UPDATE ("price") ON TABLE "sales"."items" FROM "alice"`,
		// r_REVOKE: scoped permissions.
		`REVOKE SELECT FOR TABLES IN SCHEMA "sales" FROM "alice"`,
		// r_ALTER_DEFAULT_PRIVILEGES: as target, then as owner (the REVOKE form lists no DROP, so ALL).
		`ALTER DEFAULT PRIVILEGES FOR USER "bob" IN SCHEMA "sales" REVOKE SELECT ON TABLES FROM "alice"`,
		`ALTER DEFAULT PRIVILEGES FOR USER "alice" REVOKE ALL ON TABLES FROM ROLE "analyst"`,
		// r_REVOKE (REVOKE ROLE) and r_ALTER_GROUP (DROP USER).
		`REVOKE ROLE "analyst" FROM "alice"`,
		`ALTER GROUP "staff" DROP USER "alice"`,
		`DROP USER "alice"`,
	}
	if !slices.Equal(sqls, want) {
		t.Fatalf("SQL\n got: %q\nwant: %q", sqls, want)
	}
	last := stmts[len(stmts)-1]
	if !strings.Contains(last.Summary, "objects it owns in another database are left with an unknown owner") || !last.Destructive {
		t.Fatalf("drop summary %q destructive=%v", last.Summary, last.Destructive)
	}
	if s := stmts[0].Summary; s != "Make bob the owner of database shop (owned by alice)" {
		t.Fatalf("ownership summary %q", s)
	}
}

func TestDropRoleRevokesMembersPermissionsAndPrivilegesWithoutForce(t *testing.T) {
	sqls, _ := renderSQL(t, change.Change{Kind: change.DropRole, Role: &change.RoleSpec{Name: "analyst"}}, dropSnapshot())
	want := []string{
		`REVOKE SELECT ON TABLE "sales"."orders" FROM ROLE "analyst"`,
		`REVOKE USAGE ON SCHEMA "sales" FROM ROLE "analyst"`,
		`ALTER DEFAULT PRIVILEGES FOR USER "alice" REVOKE ALL ON TABLES FROM ROLE "analyst"`,
		// r_REVOKE: REVOKE ROLE … FROM user / FROM ROLE.
		`REVOKE ROLE "analyst" FROM "alice"`,
		`REVOKE ROLE "parent" FROM ROLE "analyst"`,
		// r_REVOKE: system permissions; IGNORE RLS has its own form.
		`REVOKE CREATE USER FROM ROLE "analyst"`,
		`REVOKE IGNORE RLS FROM ROLE "analyst"`,
		// r_DROP_ROLE: RESTRICT (the default) succeeds once nothing is assigned.
		`DROP ROLE "analyst"`,
	}
	if !slices.Equal(sqls, want) {
		t.Fatalf("SQL\n got: %q\nwant: %q", sqls, want)
	}
}

func TestDropGroupRevokesItsPrivilegesAndKeepsItsUsers(t *testing.T) {
	sqls, _ := renderSQL(t, change.Change{Kind: change.DropGroup, Group: &change.GroupSpec{Name: "staff"}}, dropSnapshot())
	want := []string{
		`REVOKE SELECT ON TABLE "sales"."orders" FROM GROUP "staff"`,
		`ALTER DEFAULT PRIVILEGES FOR USER "bob" REVOKE EXECUTE ON FUNCTIONS FROM GROUP "staff"`,
		`DROP GROUP "staff"`,
	}
	if !slices.Equal(sqls, want) {
		t.Fatalf("SQL\n got: %q\nwant: %q", sqls, want)
	}
}

func TestDropOwnerWithoutSuccessorIsRefusedWithTheList(t *testing.T) {
	snap := dropSnapshot()
	for _, tc := range []struct {
		name      string
		successor string
		want      string
	}{
		{"no successor", "", "user alice owns 8 objects in database dev (database shop, schema mart, table mart.t, view mart.v, late binding view mart.lbv, function mart.f(integer) and 2 more); choose who takes them over"},
		{"successor is a role", "analyst", "the successor analyst is not an existing user"},
		{"successor is the user itself", "alice", "user alice cannot take over its own objects"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New().Render(change.Change{Kind: change.DropUser, User: &change.UserSpec{Name: "alice", Successor: tc.successor}}, snap)
			if err == nil || !strings.Contains(apperr.As(err).Message, tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

// A user who holds nothing drops with the DROP alone, as before.
func TestDropUserWithNothingIsTheDropAlone(t *testing.T) {
	sqls, _ := renderSQL(t, change.Change{Kind: change.DropUser, User: &change.UserSpec{Name: "bob"}},
		&model.Snapshot{Database: "dev", Users: []model.User{{Name: "bob"}}})
	if !slices.Equal(sqls, []string{`DROP USER "bob"`}) {
		t.Fatalf("SQL %q", sqls)
	}
}
