package redshift

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redshiftmate/rsmate/backend/model"
)

var update = flag.Bool("update", false, "rewrite golden files")

func id(typ, name string, n int64) identityRow { return identityRow{id: n, name: name, typ: typ} }

// sampleRaw is a small catalog as Redshift would return it, including the
// awkward parts: padded char(128) columns, TEMP and TEMPORARY twins, a group
// member id without a user, an unknown identity type.
func sampleRaw(superuser bool) *rawCatalog {
	return &rawCatalog{
		session:   sessionRow{database: "dev", user: "alice", superuser: superuser},
		databases: []databaseRow{{"dev", "rdsdb"}, {"sales", "alice"}},
		users: []userRow{
			{id: 1, name: "rdsdb", superuser: true, createDB: true, validUntil: "infinity"},
			{id: 100, name: "alice", superuser: superuser, config: "search_path=a, b\x1fdatestyle=ISO, MDY", connLimit: "UNLIMITED"},
			{id: 101, name: "IAMR:etl-role", passwordDisabled: true, connLimit: "UNLIMITED"},
			{id: 102, name: "Bob Ü", createDB: true, validUntil: "2031-01-01 00:00:00+00", connLimit: "7"},
			{id: 103, name: "aad:carol", passwordDisabled: true},
		},
		userInfo: []userInfoRow{
			{id: 100, name: "alice", connLimit: "UNLIMITED", syslogAccess: "RESTRICTED"},
			{id: 102, name: "Bob Ü", connLimit: "5", syslogAccess: "UNRESTRICTED", sessionTimeout: 3600},
			{id: 103, name: "aad:carol", connLimit: "UNLIMITED", syslogAccess: "RESTRICTED", externalID: "ABC123"},
		},
		roles: []roleRow{
			{id: 200, name: "reader", owner: "alice"},
			{id: 201, name: "writer", owner: "alice", externalID: "ext-9"},
			{id: 202, name: "sys:monitor", owner: "rdsdb"},
		},
		groups: []groupRow{{id: 300, name: "analysts", members: "100,102,999"}, {id: 301, name: "empty", members: ""}},
		userGrants: []userGrantRow{
			{userID: 100, user: "alice", roleID: 201, role: "writer", admin: true},
			{userID: 102, user: "Bob Ü", roleID: 202, role: "sys:monitor"},
		},
		roleGrants: []roleGrantRow{{roleID: 201, role: "writer", grantedRoleID: 200, grantedRole: "reader"}},
		systemPrivs: []systemPrivRow{
			{"ACCESS SYSTEM TABLE", id("role", "sys:monitor", 202)},
			{"CREATE USER", id("role", "writer", 201)},
		},
		schemas: []schemaRow{{"public", 1, "local"}, {"Mart Data", 100, "local"}, {"spectrum", 100, "external"}, {"pg_catalog", 1, "local"}},
		relations: []relationRow{
			{"Mart Data", "orders", "r", 3, "alice"},
			{"Mart Data", "v_orders", "v", 2, "alice"},
			{"Mart Data", "lbv", "v", 0, "alice"},
			{"Mart Data", "mv_sum", "v", 2, "alice"},
			{"Mart Data", "seq", "S", 1, "alice"},
		},
		mvs: []mvRow{
			{padded("dev"), padded("Mart Data"), padded("mv_sum")},
			{padded("sales"), padded("Mart Data"), padded("orders")}, // other database: ignored
		},
		routines: []routineRow{
			{"Mart Data", "f_total", "integer, character varying", "f", "alice", "plpgsql", "integer"},
			{"Mart Data", "p_load", "integer", "p", "alice", "plpgsql", "void"},
		},
		languages: []string{"plpgsql", "sql"},
		relPrivs: []privRow{
			{object: "Mart Data", name: "orders", privilege: "SELECT", identity: id("user", "Bob Ü", 102), admin: true},
			{object: "Mart Data", name: "orders", privilege: "select", identity: id("group", "analysts", 300)},
			{object: "Mart Data", name: "orders", privilege: "DELETE", identity: id("public", "public", 0)},
			{object: "Mart Data", name: "orders", privilege: "SELECT", identity: id("datashare", "x", 5)},
			{object: "Mart Data", name: "orders", privilege: "INSERT", identity: id("datashare", "x", 5)},
		},
		colPrivs: []privRow{
			{object: "Mart Data", name: "orders", column: "amount", privilege: "UPDATE", identity: id("role", "reader", 200)},
		},
		schemaPrivs: []privRow{
			{object: "Mart Data", privilege: "USAGE", identity: id("role", "reader", 200), scope: "SCHEMA"},
			{object: "Mart Data", privilege: "SELECT", identity: id("role", "reader", 200), scope: "TABLES"},
			{object: "Mart Data", privilege: "EXECUTE", identity: id("user", "alice", 100), admin: true, scope: "FUNCTIONS"},
		},
		dbPrivs: []privRow{
			{object: "dev", privilege: "TEMPORARY", identity: id("public", "public", 0), scope: "DATABASE"},
			{object: "dev", privilege: "TEMP", identity: id("public", "public", 0), scope: "DATABASE"},
			{object: "dev", privilege: "CREATE", identity: id("user", "Bob Ü", 102), admin: true, scope: "DATABASE"},
			{object: "dev", privilege: "CREATE", identity: id("role", "writer", 201), scope: "SCHEMAS"},
			{object: "sales", privilege: "USAGE", identity: id("role", "reader", 200), scope: ""},
		},
		routinePrivs: []privRow{
			{object: "Mart Data", name: "f_total", args: "integer,character varying", privilege: "EXECUTE", identity: id("role", "reader", 200)},
			{object: "Mart Data", name: "p_load", args: "integer", privilege: "EXECUTE", identity: id("user", "alice", 100), admin: true},
			{object: "Mart Data", name: "gone", args: "", privilege: "EXECUTE", identity: id("public", "public", 0)},
		},
		langPrivs: []privRow{{object: "plpgsql", privilege: "USAGE", identity: id("role", "writer", 201)}},
		defaults: []defaultRow{
			{schema: "Mart Data", objectType: "RELATION", owner: id("user", "alice", 100), privilege: "SELECT", grantee: id("role", "reader", 200)},
			{schema: "", objectType: "FUNCTION", owner: id("user", "alice", 100), privilege: "EXECUTE", grantee: id("group", "analysts", 300)},
			{schema: "", objectType: "PROCEDURE", owner: id("user", "alice", 100), privilege: "EXECUTE", grantee: id("user", "Bob Ü", 102), admin: true},
		},
	}
}

func padded(s string) string { return s + strings.Repeat(" ", 128-len(s)) }

func TestBuildGolden(t *testing.T) {
	for _, c := range []struct {
		name      string
		superuser bool
	}{{"superuser", true}, {"regular_user", false}} {
		t.Run(c.name, func(t *testing.T) {
			snap := build(sampleRaw(c.superuser))
			got, err := json.MarshalIndent(snap, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", "build_"+c.name+".golden.json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -run TestBuildGolden -update once to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("snapshot differs from %s; got:\n%s", path, got)
			}
		})
	}
}

// The facts the golden files encode, asserted one by one so a careless -update cannot hide a regression.
func TestBuildFacts(t *testing.T) {
	s := build(sampleRaw(true))
	user := func(name string) model.User {
		for _, u := range s.Users {
			if u.Name == name {
				return u
			}
		}
		t.Fatalf("no user %q", name)
		return model.User{}
	}
	if u := user("Bob Ü"); u.ConnectionLimit != 5 || u.SessionTimeout != 3600 || u.SyslogAccess != "UNRESTRICTED" ||
		u.ValidUntil != "2031-01-01 00:00:00+00" || !u.CreateDB || u.Identity != model.IdentityLocal {
		t.Errorf("Bob Ü = %+v", u)
	}
	if u := user("IAMR:etl-role"); u.Identity != model.IdentityIAMRole || !u.PasswordDisabled || u.ConnectionLimit != -1 {
		t.Errorf("IAMR:etl-role = %+v", u)
	}
	if u := user("aad:carol"); u.Identity != model.IdentityIdC || u.ExternalID != "ABC123" {
		t.Errorf("aad:carol = %+v", u)
	}
	if u := user("rdsdb"); u.Identity != model.IdentitySystem || u.ValidUntil != "" {
		t.Errorf("rdsdb = %+v", u)
	}
	if got := user("alice").Config; len(got) != 2 || got[0] != "search_path=a, b" {
		t.Errorf("alice config = %q", got)
	}

	has := func(m model.Membership) bool {
		for _, x := range s.Memberships {
			if x == m {
				return true
			}
		}
		return false
	}
	u := func(n string) model.PrincipalRef { return model.PrincipalRef{Kind: model.KindUser, Name: n} }
	r := func(n string) model.PrincipalRef { return model.PrincipalRef{Kind: model.KindRole, Name: n} }
	g := func(n string) model.PrincipalRef { return model.PrincipalRef{Kind: model.KindGroup, Name: n} }
	for _, m := range []model.Membership{
		{Member: u("alice"), Of: g("analysts")},
		{Member: u("Bob Ü"), Of: g("analysts")},
		{Member: u("alice"), Of: r("writer"), AdminOption: true},
		{Member: r("writer"), Of: r("reader")}, // svv_role_grants (role_name=writer, granted_role_name=reader)
	} {
		if !has(m) {
			t.Errorf("missing membership %+v", m)
		}
	}
	if len(s.Memberships) != 5 {
		t.Errorf("memberships = %+v, want 5 (member id 999 has no user)", s.Memberships)
	}

	kinds := map[string]model.RelationKind{}
	for _, rel := range s.Relations {
		kinds[rel.Name] = rel.Kind
	}
	want := map[string]model.RelationKind{"orders": model.RelTable, "v_orders": model.RelView,
		"lbv": model.RelLateBindingView, "mv_sum": model.RelMaterializedView}
	if len(kinds) != len(want) {
		t.Errorf("relations = %v", kinds)
	}
	for n, k := range want {
		if kinds[n] != k {
			t.Errorf("relation %s kind = %q, want %q", n, kinds[n], k)
		}
	}

	grant := func(want model.Grant) {
		t.Helper()
		for _, x := range s.Grants.All() {
			if x == want {
				return
			}
		}
		t.Errorf("missing grant %+v", want)
	}
	grant(model.Grant{Object: model.ObjectRef{Kind: model.ObjProcedure, Schema: "Mart Data", Name: "p_load", Args: "integer"},
		Grantee: u("alice"), Privilege: "EXECUTE", GrantOption: true})
	grant(model.Grant{Object: model.ObjectRef{Kind: model.ObjFunction, Schema: "Mart Data", Name: "f_total", Args: "integer, character varying"},
		Grantee: r("reader"), Privilege: "EXECUTE"})
	grant(model.Grant{Object: model.ObjectRef{Kind: model.ObjSchema, Schema: "Mart Data"}, Grantee: r("reader"), Privilege: "SELECT", Scope: "TABLES"})
	grant(model.Grant{Object: model.ObjectRef{Kind: model.ObjSchema, Schema: "Mart Data"}, Grantee: r("reader"), Privilege: "USAGE"})
	grant(model.Grant{Object: model.ObjectRef{Kind: model.ObjDatabase, Name: "dev"}, Grantee: r("writer"), Privilege: "CREATE", Scope: "SCHEMAS"})
	grant(model.Grant{Object: model.ObjectRef{Kind: model.ObjDatabase, Name: "dev"}, Grantee: model.Public, Privilege: "TEMP"})
	grant(model.Grant{Object: model.ObjectRef{Kind: model.ObjTable, Schema: "Mart Data", Name: "orders"}, Grantee: g("analysts"), Privilege: "SELECT"})
	temps := 0
	for _, x := range s.Grants.All() {
		if x.Privilege == "TEMP" {
			temps++
		}
	}
	if temps != 1 {
		t.Errorf("TEMP and TEMPORARY should merge into one grant, got %d", temps)
	}
	if s.Partial || len(s.Warnings) != 1 || !strings.Contains(s.Warnings[0], `table privilege: unknown identity type "datashare" (2 rows)`) {
		t.Errorf("superuser load: partial=%v warnings=%q", s.Partial, s.Warnings)
	}
}

func TestAccessNotes(t *testing.T) {
	raw := sampleRaw(false)
	partial, w := accessNotes(raw)
	if !partial || len(w) != 3 {
		t.Fatalf("regular user without ACCESS SYSTEM TABLE: partial=%v warnings=%q", partial, w)
	}
	for i, must := range []string{"not a superuser", "GRANT ACCESS SYSTEM TABLE TO ROLE", "SYSLOG ACCESS UNRESTRICTED"} {
		if !strings.Contains(w[i], must) || !strings.Contains(w[i], `"alice"`) {
			t.Errorf("warning %d = %q, want it to mention %q and the user", i, w[i], must)
		}
	}

	// ACCESS SYSTEM TABLE through a nested role: alice -> writer -> reader, granted to reader.
	raw.systemPrivs = append(raw.systemPrivs, systemPrivRow{"ACCESS SYSTEM TABLE", id("role", "reader", 200)})
	raw.userInfo[0].syslogAccess = "UNRESTRICTED"
	partial, w = accessNotes(raw)
	if !partial || len(w) != 1 || !strings.Contains(w[0], "not a superuser") {
		t.Errorf("regular user with ACCESS SYSTEM TABLE and SYSLOG UNRESTRICTED: partial=%v warnings=%q", partial, w)
	}

	raw.session.superuser = true
	if partial, w = accessNotes(raw); partial || len(w) != 0 {
		t.Errorf("superuser: partial=%v warnings=%q", partial, w)
	}
}
