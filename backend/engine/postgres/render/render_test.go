package pgrender

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/model"
)

// Expected statements follow the PostgreSQL reference pages CREATE ROLE,
// ALTER ROLE, DROP ROLE, GRANT, REVOKE and ALTER DEFAULT PRIVILEGES
// (https://www.postgresql.org/docs/current/sql-<command>.html).

func ptr[T any](v T) *T { return &v }

var user, role, group = model.UserRef, model.RoleRef, model.GroupRef

func table(s, n string) model.ObjectRef {
	return model.ObjectRef{Kind: model.ObjTable, Schema: s, Name: n}
}

// scramLiteral matches a verifier literal; its salt is random, so goldens say <scram>.
var scramLiteral = regexp.MustCompile(`'SCRAM-SHA-256\$4096:[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=:[A-Za-z0-9+/]{43}='`)

func maskSCRAM(s string) string { return scramLiteral.ReplaceAllString(s, "<scram>") }

var name63 = strings.Repeat("ß", 31) + "x" // 63 bytes

type golden struct {
	name    string
	c       change.Change
	sql     []string // with <scram> for the verifier literal
	display []string
	summary []string
}

func goldens() []golden {
	pw := ptr("Secret123")
	return []golden{
		{name: "create user with a SCRAM verifier (CREATE ROLE … LOGIN PASSWORD)",
			c:       change.Change{Kind: change.CreateUser, User: &change.UserSpec{Name: "alice", Password: pw}},
			sql:     []string{`CREATE ROLE "alice" LOGIN PASSWORD <scram>`},
			display: []string{`CREATE ROLE "alice" LOGIN PASSWORD <password redacted>`},
			summary: []string{"Create user alice"}},
		{name: "create user with every option; IN GROUP becomes IN ROLE",
			c: change.Change{Kind: change.CreateUser, User: &change.UserSpec{Name: "Alice Q", Password: pw, Superuser: ptr(true), CreateDB: ptr(true),
				CreateRole: ptr(true), ConnectionLimit: ptr(5), ValidUntil: "2030-06-10T12:00:00Z", InGroups: []string{"readers", `Wri"ters`}}},
			sql:     []string{`CREATE ROLE "Alice Q" LOGIN SUPERUSER CREATEDB CREATEROLE CONNECTION LIMIT 5 PASSWORD <scram> VALID UNTIL '2030-06-10T12:00:00Z' IN ROLE "readers", "Wri""ters"`},
			display: []string{`CREATE ROLE "Alice Q" LOGIN SUPERUSER CREATEDB CREATEROLE CONNECTION LIMIT 5 PASSWORD <password redacted> VALID UNTIL '2030-06-10T12:00:00Z' IN ROLE "readers", "Wri""ters"`},
			summary: []string{`Create user Alice Q: SUPERUSER, may create databases, may create roles, at most 5 connections, password valid until 2030-06-10T12:00:00Z, member of readers, Wri"ters`}},
		{name: "negative attributes and PASSWORD NULL",
			c: change.Change{Kind: change.CreateUser, User: &change.UserSpec{Name: "u", Superuser: ptr(false), CreateDB: ptr(false),
				CreateRole: ptr(false), ConnectionLimit: ptr(-1), PasswordDisabled: ptr(true), SessionTimeout: ptr(0)}},
			sql: []string{`CREATE ROLE "u" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE CONNECTION LIMIT -1 PASSWORD NULL`}},
		{name: "create user without a password",
			c:   change.Change{Kind: change.CreateUser, User: &change.UserSpec{Name: name63}},
			sql: []string{`CREATE ROLE "` + name63 + `" LOGIN`}},
		{name: "a backslash in a literal uses E'' with \\ doubled",
			c:   change.Change{Kind: change.CreateUser, User: &change.UserSpec{Name: "u", ValidUntil: `2030-01-01\'x`}},
			sql: []string{`CREATE ROLE "u" LOGIN VALID UNTIL E'2030-01-01\\''x'`}},
		{name: "rename then password (ALTER ROLE … RENAME TO; SCRAM survives a rename, a new password is still set when given)",
			c:       change.Change{Kind: change.AlterUser, User: &change.UserSpec{Name: "bob", RenameTo: "bob2", Password: pw}},
			sql:     []string{`ALTER ROLE "bob" RENAME TO "bob2"`, `ALTER ROLE "bob2" PASSWORD <scram>`},
			display: []string{`ALTER ROLE "bob" RENAME TO "bob2"`, `ALTER ROLE "bob2" PASSWORD <password redacted>`}},
		{name: "rename without a password",
			c:       change.Change{Kind: change.AlterUser, User: &change.UserSpec{Name: "bob", RenameTo: "Bob Two"}},
			sql:     []string{`ALTER ROLE "bob" RENAME TO "Bob Two"`},
			summary: []string{"Rename user bob to Bob Two (a SCRAM password is kept; an old MD5 password would be cleared)"}},
		{name: "attributes in one ALTER ROLE",
			c: change.Change{Kind: change.AlterUser, User: &change.UserSpec{Name: "u", Superuser: ptr(false), CreateDB: ptr(true),
				CreateRole: ptr(true), ConnectionLimit: ptr(3)}},
			sql: []string{`ALTER ROLE "u" WITH NOSUPERUSER CREATEDB CREATEROLE CONNECTION LIMIT 3`}},
		{name: "password with expiry",
			c:       change.Change{Kind: change.AlterUser, User: &change.UserSpec{Name: "u", Password: pw, ValidUntil: "infinity"}},
			sql:     []string{`ALTER ROLE "u" PASSWORD <scram> VALID UNTIL 'infinity'`},
			display: []string{`ALTER ROLE "u" PASSWORD <password redacted> VALID UNTIL 'infinity'`}},
		{name: "remove the password and expire",
			c:   change.Change{Kind: change.AlterUser, User: &change.UserSpec{Name: "u", PasswordDisabled: ptr(true), ValidUntil: "2030-01-01T00:00:00Z"}},
			sql: []string{`ALTER ROLE "u" PASSWORD NULL`, `ALTER ROLE "u" VALID UNTIL '2030-01-01T00:00:00Z'`}},
		{name: "drop user",
			c:   change.Change{Kind: change.DropUser, User: &change.UserSpec{Name: "u"}},
			sql: []string{`DROP ROLE "u"`}},
		{name: "create role NOLOGIN",
			c:   change.Change{Kind: change.CreateRole, Role: &change.RoleSpec{Name: "Analysts ☃"}},
			sql: []string{`CREATE ROLE "Analysts ☃" NOLOGIN`}},
		{name: "rename role",
			c:   change.Change{Kind: change.AlterRole, Role: &change.RoleSpec{Name: "r", RenameTo: "r2"}},
			sql: []string{`ALTER ROLE "r" RENAME TO "r2"`}},
		{name: "drop role (force: PostgreSQL drops memberships anyway)",
			c:   change.Change{Kind: change.DropRole, Role: &change.RoleSpec{Name: "r", Force: true}},
			sql: []string{`DROP ROLE "r"`}},
		{name: "grant role to a user with admin option",
			c:   change.Change{Kind: change.GrantRole, Member: &change.MemberSpec{Role: "r", Member: user("u"), AdminOption: true}},
			sql: []string{`GRANT "r" TO "u" WITH ADMIN OPTION`}},
		{name: "grant role to a role with admin option (allowed on PostgreSQL)",
			c:   change.Change{Kind: change.GrantRole, Member: &change.MemberSpec{Role: "r", Member: role("r2"), AdminOption: true}},
			sql: []string{`GRANT "r" TO "r2" WITH ADMIN OPTION`}},
		{name: "revoke admin option",
			c:   change.Change{Kind: change.RevokeRole, Member: &change.MemberSpec{Role: "r", Member: role("r2"), AdminOption: true}},
			sql: []string{`REVOKE ADMIN OPTION FOR "r" FROM "r2"`}},
		{name: "revoke role",
			c:   change.Change{Kind: change.RevokeRole, Member: &change.MemberSpec{Role: "r", Member: user("u")}},
			sql: []string{`REVOKE "r" FROM "u"`}},
		{name: "database privileges",
			c: change.Change{Kind: change.GrantPrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"temporary", "CONNECT", "CREATE"},
				Target: change.TargetObjects, Objects: []model.ObjectRef{{Kind: model.ObjDatabase, Name: "app"}}, Grantee: user("u")}},
			sql: []string{`GRANT CREATE, CONNECT, TEMP ON DATABASE "app" TO "u"`}},
		{name: "schema privileges with grant option to a role",
			c: change.Change{Kind: change.GrantPrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"CREATE", "USAGE"},
				Target: change.TargetObjects, Objects: []model.ObjectRef{{Kind: model.ObjSchema, Schema: "sales"}}, Grantee: role("r"), GrantOption: true}},
			sql: []string{`GRANT USAGE, CREATE ON SCHEMA "sales" TO "r" WITH GRANT OPTION`}},
		{name: "table privileges in order, to PUBLIC",
			c: change.Change{Kind: change.GrantPrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"TRIGGER", "REFERENCES", "TRUNCATE", "DELETE", "UPDATE", "INSERT", "SELECT"},
				Target: change.TargetObjects, Objects: []model.ObjectRef{table("sales", "orders"), table("sales", "items")}, Grantee: model.Public}},
			sql:     []string{`GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE "sales"."orders", "sales"."items" TO PUBLIC`},
			summary: []string{"Grant SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER on 2 tables in sales to PUBLIC"}},
		{name: "column privileges with grant option",
			c: change.Change{Kind: change.GrantPrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"REFERENCES", "UPDATE", "INSERT", "SELECT"},
				Target: change.TargetObjects, Objects: []model.ObjectRef{table("s", "t")}, Columns: []string{"a", "B col"}, Grantee: role("r"), GrantOption: true}},
			sql: []string{`GRANT SELECT ("a", "B col"), INSERT ("a", "B col"), UPDATE ("a", "B col"), REFERENCES ("a", "B col") ON TABLE "s"."t" TO "r" WITH GRANT OPTION`}},
		{name: "function and procedure",
			c: change.Change{Kind: change.GrantPrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"EXECUTE"},
				Target: change.TargetObjects, Objects: []model.ObjectRef{{Kind: model.ObjProcedure, Schema: "s", Name: "load", Args: "integer"}}, Grantee: user("u")}},
			sql: []string{`GRANT EXECUTE ON PROCEDURE "s"."load"(integer) TO "u"`}},
		{name: "MAINTAIN on a table (PostgreSQL 17)",
			c: change.Change{Kind: change.GrantPrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"MAINTAIN", "SELECT"},
				Target: change.TargetObjects, Objects: []model.ObjectRef{table("s", "t")}, Grantee: role("r")}},
			sql: []string{`GRANT SELECT, MAINTAIN ON TABLE "s"."t" TO "r"`}},
		{name: "default MAINTAIN on tables (PostgreSQL 17)",
			c: change.Change{Kind: change.GrantDefaultPrivileges, Default: &change.DefaultSpec{ObjectType: model.DefTables,
				Privileges: []string{"MAINTAIN"}, Grantee: role("r")}},
			sql: []string{`ALTER DEFAULT PRIVILEGES GRANT MAINTAIN ON TABLES TO "r"`}},
		{name: "sequence usage and select",
			c: change.Change{Kind: change.GrantPrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"select", "USAGE"},
				Target: change.TargetObjects, Objects: []model.ObjectRef{{Kind: model.ObjSequence, Schema: "s", Name: "order_no"}}, Grantee: role("r")}},
			sql:     []string{`GRANT USAGE, SELECT ON SEQUENCE "s"."order_no" TO "r"`},
			summary: []string{"Grant USAGE, SELECT on sequence s.order_no to role r"}},
		{name: "all sequences in schema",
			c: change.Change{Kind: change.RevokePrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"UPDATE"},
				Target: change.TargetAllInSchema, Kind: model.ObjSequence, Schemas: []string{"s", "t"}, Grantee: user("u")}},
			sql:     []string{`REVOKE UPDATE ON ALL SEQUENCES IN SCHEMA "s", "t" FROM "u"`},
			summary: []string{"Revoke UPDATE on all sequences in 2 schemas from user u"}},
		{name: "language usage",
			c: change.Change{Kind: change.RevokePrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"USAGE"},
				Target: change.TargetObjects, Objects: []model.ObjectRef{{Kind: model.ObjLanguage, Name: "plpgsql"}}, Grantee: model.Public}},
			sql: []string{`REVOKE USAGE ON LANGUAGE "plpgsql" FROM PUBLIC`}},
		{name: "all tables, functions, procedures in schema",
			c: change.Change{Kind: change.GrantPrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"EXECUTE"},
				Target: change.TargetAllInSchema, Kind: model.ObjProcedure, Schemas: []string{"a", "b"}, Grantee: role("r")}},
			sql: []string{`GRANT EXECUTE ON ALL PROCEDURES IN SCHEMA "a", "b" TO "r"`}},
		{name: "revoke grant option from a role",
			c: change.Change{Kind: change.RevokePrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"SELECT"},
				Target: change.TargetAllInSchema, Kind: model.ObjTable, Schemas: []string{"s"}, Grantee: role("r"), GrantOption: true}},
			sql: []string{`REVOKE GRANT OPTION FOR SELECT ON ALL TABLES IN SCHEMA "s" FROM "r"`}},
		{name: "default privileges for a creator role in a schema",
			c: change.Change{Kind: change.GrantDefaultPrivileges, Default: &change.DefaultSpec{Creator: role("etl"), Schema: "s",
				ObjectType: model.DefTables, Privileges: []string{"SELECT"}, Grantee: role("r")}},
			sql:     []string{`ALTER DEFAULT PRIVILEGES FOR ROLE "etl" IN SCHEMA "s" GRANT SELECT ON TABLES TO "r"`},
			summary: []string{"Grant SELECT on tables role etl creates in schema s to role r"}},
		{name: "default privileges on sequences, types and schemas",
			c: change.Change{Kind: change.GrantDefaultPrivileges, Default: &change.DefaultSpec{Creator: user("etl"),
				ObjectType: model.DefSchemas, Privileges: []string{"CREATE", "USAGE"}, Grantee: user("u"), GrantOption: true}},
			sql: []string{`ALTER DEFAULT PRIVILEGES FOR ROLE "etl" GRANT USAGE, CREATE ON SCHEMAS TO "u" WITH GRANT OPTION`}},
		{name: "revoke default usage on types from PUBLIC",
			c: change.Change{Kind: change.RevokeDefaultPrivileges, Default: &change.DefaultSpec{ObjectType: model.DefTypes,
				Privileges: []string{"USAGE"}, Grantee: model.Public}},
			sql: []string{`ALTER DEFAULT PRIVILEGES REVOKE USAGE ON TYPES FROM PUBLIC`}},
		{name: "default sequences",
			c: change.Change{Kind: change.GrantDefaultPrivileges, Default: &change.DefaultSpec{Schema: "s",
				ObjectType: model.DefSequences, Privileges: []string{"UPDATE", "SELECT", "USAGE"}, Grantee: role("r")}},
			sql: []string{`ALTER DEFAULT PRIVILEGES IN SCHEMA "s" GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO "r"`}},
	}
}

func TestPostgresGolden(t *testing.T) {
	r := New()
	for _, g := range goldens() {
		t.Run(g.name, func(t *testing.T) {
			got, err := r.Render(g.c, nil)
			if err != nil {
				t.Fatalf("render: %v", err)
			}
			var sqls, displays []string
			for _, s := range got {
				sqls = append(sqls, maskSCRAM(s.SQL))
				displays = append(displays, s.Display)
				if s.Summary == "" || s.OutsideTransaction {
					t.Errorf("%q: summary %q, outside transaction %v", s.Display, s.Summary, s.OutsideTransaction)
				}
			}
			if !slices.Equal(sqls, g.sql) {
				t.Fatalf("SQL\n got: %q\nwant: %q", sqls, g.sql)
			}
			want := g.display
			if want == nil {
				want = g.sql
			}
			if !slices.Equal(displays, want) {
				t.Fatalf("Display\n got: %q\nwant: %q", displays, want)
			}
			for i, s := range g.summary {
				if got[i].Summary != s {
					t.Errorf("summary %d\n got: %q\nwant: %q", i, got[i].Summary, s)
				}
			}
		})
	}
}

// MAINTAIN exists from PostgreSQL 17: on an older server it is refused
// before any SQL, on 17 it is rendered.
func TestMaintainOnlyFromPostgres17(t *testing.T) {
	c := change.Change{Kind: change.GrantPrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"MAINTAIN"},
		Target: change.TargetObjects, Objects: []model.ObjectRef{table("s", "t")}, Grantee: role("r")}}
	_, err := New().Render(c, &model.Snapshot{Engine: "postgres", ServerVersion: 160004})
	if err == nil || !strings.Contains(err.Error(), "PostgreSQL has no privilege “MAINTAIN” on tables") {
		t.Errorf("PostgreSQL 16: got %v, want a refusal of MAINTAIN", err)
	}
	got, err := New().Render(c, &model.Snapshot{Engine: "postgres", ServerVersion: 170002})
	if err != nil || len(got) != 1 || got[0].SQL != `GRANT MAINTAIN ON TABLE "s"."t" TO "r"` {
		t.Errorf("PostgreSQL 17: got %+v, %v", got, err)
	}
}

func TestPostgresRejects(t *testing.T) {
	tbl := []model.ObjectRef{table("s", "t")}
	grant := func(p change.PrivilegeSpec) change.Change {
		return change.Change{Kind: change.GrantPrivileges, Privilege: &p}
	}
	for _, tc := range []struct {
		name string
		c    change.Change
		snap *model.Snapshot
		want string
	}{
		{"create group", change.Change{Kind: change.CreateGroup, Group: &change.GroupSpec{Name: "g"}}, nil, "PostgreSQL has no groups; use a role"},
		{"alter group", change.Change{Kind: change.AlterGroup, Group: &change.GroupSpec{Name: "g", AddUsers: []string{"u"}}}, nil, "PostgreSQL has no groups"},
		{"drop group", change.Change{Kind: change.DropGroup, Group: &change.GroupSpec{Name: "g"}}, nil, "PostgreSQL has no groups"},
		{"grant to a group", grant(change.PrivilegeSpec{Privileges: []string{"SELECT"}, Target: change.TargetObjects, Objects: tbl, Grantee: group("g")}), nil, "PostgreSQL has no groups"},
		{"INSERT on a sequence", grant(change.PrivilegeSpec{Privileges: []string{"INSERT"}, Target: change.TargetObjects,
			Objects: []model.ObjectRef{{Kind: model.ObjSequence, Schema: "s", Name: "q"}}, Grantee: role("r")}), nil,
			"PostgreSQL has no privilege “INSERT” on sequences; choose from USAGE, SELECT, UPDATE"},
		{"system permissions", change.Change{Kind: change.GrantSystemPrivileges, System: &change.SystemSpec{Role: "r", Privileges: []string{"CREATE USER"}}}, nil, "PostgreSQL has no system permissions"},
		{"scoped permissions", grant(change.PrivilegeSpec{Privileges: []string{"SELECT"}, Target: change.TargetScopedInSchema, Kind: model.ObjTable, Schemas: []string{"s"}, Grantee: role("r")}), nil, "PostgreSQL has no scoped permissions"},
		{"revoke grant option from PUBLIC", change.Change{Kind: change.RevokePrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"SELECT"}, Target: change.TargetObjects, Objects: tbl, Grantee: model.Public, GrantOption: true}}, nil, "GRANT OPTION FOR cannot be revoked from PUBLIC"},
		{"ALTER on a table", grant(change.PrivilegeSpec{Privileges: []string{"ALTER"}, Target: change.TargetObjects, Objects: tbl, Grantee: role("r")}), nil, "PostgreSQL has no privilege “ALTER” on tables"},
		{"USAGE on a database", grant(change.PrivilegeSpec{Privileges: []string{"USAGE"}, Target: change.TargetObjects, Objects: []model.ObjectRef{{Kind: model.ObjDatabase, Name: "d"}}, Grantee: role("r")}), nil, "choose from CREATE, CONNECT, TEMP"},
		{"DELETE on columns", grant(change.PrivilegeSpec{Privileges: []string{"DELETE"}, Target: change.TargetObjects, Objects: tbl, Columns: []string{"a"}, Grantee: role("r")}), nil, "no privilege “DELETE” on columns"},
		{"defaults for a group", change.Change{Kind: change.GrantDefaultPrivileges, Default: &change.DefaultSpec{Creator: group("g"), ObjectType: model.DefTables, Privileges: []string{"SELECT"}, Grantee: model.Public}}, nil, "PostgreSQL has no groups"},
		{"defaults for procedures", change.Change{Kind: change.GrantDefaultPrivileges, Default: &change.DefaultSpec{ObjectType: model.DefProcedures, Privileges: []string{"EXECUTE"}, Grantee: model.Public}}, nil, "also cover procedures; choose functions"},
		{"defaults on schemas inside a schema", change.Change{Kind: change.GrantDefaultPrivileges, Default: &change.DefaultSpec{Schema: "s", ObjectType: model.DefSchemas, Privileges: []string{"USAGE"}, Grantee: model.Public}}, nil, "database-wide only"},
		{"SYSLOG ACCESS", change.Change{Kind: change.AlterUser, User: &change.UserSpec{Name: "u", SyslogAccess: ptr("UNRESTRICTED")}}, nil, "SYSLOG ACCESS is a Redshift setting"},
		{"session timeout", change.Change{Kind: change.CreateUser, User: &change.UserSpec{Name: "u", SessionTimeout: ptr(600)}}, nil, "SESSION TIMEOUT is a Redshift setting"},
		{"role owner", change.Change{Kind: change.AlterRole, Role: &change.RoleSpec{Name: "r", Owner: "u"}}, nil, "PostgreSQL roles have no owner"},
		{"external id", change.Change{Kind: change.CreateRole, Role: &change.RoleSpec{Name: "r", ExternalID: "x"}}, nil, "external id is a Redshift"},
		{"pg_ name", change.Change{Kind: change.CreateRole, Role: &change.RoleSpec{Name: "pg_mine"}}, nil, "starting with pg_ are reserved"},
		{"alter a predefined role", change.Change{Kind: change.AlterRole, Role: &change.RoleSpec{Name: "pg_monitor", RenameTo: "x"}}, nil, "predefined PostgreSQL role"},
		{"user named public", change.Change{Kind: change.CreateUser, User: &change.UserSpec{Name: "PUBLIC"}}, nil, "reserved by PostgreSQL"},
		{"role named like a user", change.Change{Kind: change.CreateRole, Role: &change.RoleSpec{Name: "alice"}}, &model.Snapshot{Users: []model.User{{Name: "alice"}}}, "share one namespace"},
		{"64-byte name", change.Change{Kind: change.CreateRole, Role: &change.RoleSpec{Name: name63 + "y"}}, nil, "is 64 bytes; PostgreSQL allows at most 63"},
		{"short password", change.Change{Kind: change.CreateUser, User: &change.UserSpec{Name: "u", Password: ptr("short")}}, nil, "at least 8"},
		{"invisible character in a password", change.Change{Kind: change.AlterUser, User: &change.UserSpec{Name: "u", Password: ptr("pass\u200bword123")}}, nil, "invisible character"},
		{"enable password without one", change.Change{Kind: change.AlterUser, User: &change.UserSpec{Name: "u", PasswordDisabled: ptr(false)}}, nil, "give a new password"},
		{"nothing to alter", change.Change{Kind: change.AlterUser, User: &change.UserSpec{Name: "u"}}, nil, "nothing to change for user u"},
		{"nothing to alter on a role", change.Change{Kind: change.AlterRole, Role: &change.RoleSpec{Name: "r"}}, nil, "nothing to change for role r"},
		{"role granted to PUBLIC", change.Change{Kind: change.GrantRole, Member: &change.MemberSpec{Role: "r", Member: model.Public}}, nil, "not to PUBLIC"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stmts, err := New().Render(tc.c, tc.snap)
			if err == nil {
				t.Fatalf("accepted: %+v", stmts)
			}
			if e := apperr.As(err); !strings.Contains(e.Message, tc.want) {
				t.Fatalf("message %q does not say %q", e.Message, tc.want)
			}
		})
	}
}
