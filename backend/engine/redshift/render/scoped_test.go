package rsrender

import (
	"slices"
	"testing"

	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/model"
)

// Every scoped form of DG r_GRANT ("Scoped permissions" syntax) and r_REVOKE:
//
//	GRANT … FOR SCHEMAS IN DATABASE db_name TO { username [ WITH GRANT OPTION ] | ROLE role_name }
//	GRANT … FOR TABLES IN { SCHEMA schema_name [ DATABASE db_name ] | DATABASE db_name } TO …
//	GRANT { EXECUTE | ALL } FOR FUNCTIONS IN { SCHEMA … | DATABASE … } TO …
//	GRANT { EXECUTE | ALL } FOR PROCEDURES IN { SCHEMA … | DATABASE … } TO …
//	GRANT USAGE FOR LANGUAGES IN { DATABASE db_name } TO …
//	GRANT { { CREATE | ALTER | DROP } [,...] | ALL } FOR COPY JOBS IN DATABASE db_name TO …
func scopedGoldens() []golden {
	g := func(name string, grant bool, p change.PrivilegeSpec, sql, summary string) golden {
		kind := change.GrantPrivileges
		if !grant {
			kind = change.RevokePrivileges
		}
		return golden{name: name, c: change.Change{Kind: kind, Privilege: &p}, sql: []string{sql}, summary: []string{summary}, destructive: []bool{!grant}}
	}
	return []golden{
		g("DG r_GRANT scoped permissions: FOR FUNCTIONS IN DATABASE", true,
			change.PrivilegeSpec{Privileges: []string{"EXECUTE"}, Target: change.TargetScopedInDatabase, Kind: model.ObjFunction, Database: "dev", Grantee: role("r")},
			`GRANT EXECUTE FOR FUNCTIONS IN DATABASE "dev" TO ROLE "r"`,
			"Grant EXECUTE on all current and future functions in database dev to role r"),
		g("DG r_GRANT scoped permissions: FOR PROCEDURES IN SCHEMA, to a user with the grant option", true,
			change.PrivilegeSpec{Privileges: []string{"ALL"}, Target: change.TargetScopedInSchema, Kind: model.ObjProcedure, Schemas: []string{"etl"}, Grantee: user("u"), GrantOption: true},
			`GRANT ALL FOR PROCEDURES IN SCHEMA "etl" TO "u" WITH GRANT OPTION`,
			"Grant ALL privileges on all current and future procedures in schema etl to user u with grant option"),
		g("DG r_GRANT scoped permissions: FOR PROCEDURES IN DATABASE", true,
			change.PrivilegeSpec{Privileges: []string{"execute"}, Target: change.TargetScopedInDatabase, Kind: model.ObjProcedure, Database: "Dev DB", Grantee: role("ops")},
			`GRANT EXECUTE FOR PROCEDURES IN DATABASE "Dev DB" TO ROLE "ops"`,
			"Grant EXECUTE on all current and future procedures in database Dev DB to role ops"),
		g("DG r_GRANT scoped permissions: USAGE FOR LANGUAGES IN DATABASE", true,
			change.PrivilegeSpec{Privileges: []string{"USAGE"}, Target: change.TargetScopedInDatabase, Kind: model.ObjLanguage, Database: "dev", Grantee: role("udf_authors")},
			`GRANT USAGE FOR LANGUAGES IN DATABASE "dev" TO ROLE "udf_authors"`,
			"Grant USAGE on all current and future languages in database dev to role udf_authors"),
		g("DG r_GRANT scoped permissions: FOR COPY JOBS IN DATABASE, privileges in the grammar's order", true,
			change.PrivilegeSpec{Privileges: []string{"DROP", "CREATE", "ALTER"}, Target: change.TargetScopedInDatabase, Kind: model.ObjCopyJob, Database: "dev", Grantee: role("loaders")},
			`GRANT CREATE, ALTER, DROP FOR COPY JOBS IN DATABASE "dev" TO ROLE "loaders"`,
			"Grant CREATE, ALTER, DROP on all current and future copy jobs in database dev to role loaders"),
		g("DG r_REVOKE scoped permissions: FOR COPY JOBS IN DATABASE … FROM user", false,
			change.PrivilegeSpec{Privileges: []string{"ALTER"}, Target: change.TargetScopedInDatabase, Kind: model.ObjCopyJob, Database: "dev", Grantee: user("u")},
			`REVOKE ALTER FOR COPY JOBS IN DATABASE "dev" FROM "u"`,
			"Revoke ALTER on all current and future copy jobs in database dev from user u"),
		g("DG r_REVOKE scoped permissions: FOR LANGUAGES IN DATABASE … FROM ROLE", false,
			change.PrivilegeSpec{Privileges: []string{"USAGE"}, Target: change.TargetScopedInDatabase, Kind: model.ObjLanguage, Database: "dev", Grantee: role("r")},
			`REVOKE USAGE FOR LANGUAGES IN DATABASE "dev" FROM ROLE "r"`,
			"Revoke USAGE on all current and future languages in database dev from role r"),
		g("DG r_REVOKE scoped permissions: FOR FUNCTIONS IN DATABASE … FROM ROLE", false,
			change.PrivilegeSpec{Privileges: []string{"EXECUTE"}, Target: change.TargetScopedInDatabase, Kind: model.ObjFunction, Database: "dev", Grantee: role("r")},
			`REVOKE EXECUTE FOR FUNCTIONS IN DATABASE "dev" FROM ROLE "r"`,
			"Revoke EXECUTE on all current and future functions in database dev from role r"),
	}
}

// What the scoped grammar forbids, refused before any SQL.
func scopedRejections() []rejected {
	grant := func(p change.PrivilegeSpec) change.Change {
		return change.Change{Kind: change.GrantPrivileges, Privilege: &p}
	}
	return []rejected{
		{"scoped languages to a group (t_scoped-permissions: not to groups)", grant(change.PrivilegeSpec{Privileges: []string{"USAGE"},
			Target: change.TargetScopedInDatabase, Kind: model.ObjLanguage, Database: "dev", Grantee: group("g")}), nil, "go to users and roles only, not to group g"},
		{"scoped copy jobs to PUBLIC", grant(change.PrivilegeSpec{Privileges: []string{"CREATE"},
			Target: change.TargetScopedInDatabase, Kind: model.ObjCopyJob, Database: "dev", Grantee: model.Public}), nil, "go to users and roles only, not to PUBLIC"},
		{"scoped procedures with the grant option to a role", grant(change.PrivilegeSpec{Privileges: []string{"EXECUTE"},
			Target: change.TargetScopedInSchema, Kind: model.ObjProcedure, Schemas: []string{"s"}, Grantee: role("r"), GrantOption: true}), nil, "WITH GRANT OPTION cannot be given to role r"},
		{"SELECT for copy jobs", grant(change.PrivilegeSpec{Privileges: []string{"SELECT"},
			Target: change.TargetScopedInDatabase, Kind: model.ObjCopyJob, Database: "dev", Grantee: role("r")}), nil, "no privilege “SELECT” on copy jobs; choose from CREATE, ALTER, DROP"},
		{"EXECUTE for languages", grant(change.PrivilegeSpec{Privileges: []string{"EXECUTE"},
			Target: change.TargetScopedInDatabase, Kind: model.ObjLanguage, Database: "dev", Grantee: role("r")}), nil, "no privilege “EXECUTE” on languages; choose from USAGE"},
		{"scoped procedures without a schema", grant(change.PrivilegeSpec{Privileges: []string{"EXECUTE"},
			Target: change.TargetScopedInSchema, Kind: model.ObjProcedure, Grantee: role("r")}), nil, "choose at least one schema"},
		{"scoped functions in a database with an empty name", grant(change.PrivilegeSpec{Privileges: []string{"EXECUTE"},
			Target: change.TargetScopedInDatabase, Kind: model.ObjFunction, Database: "", Grantee: role("r")}), nil, "database"},
	}
}

// DG r_DROP_ROLE / r_REVOKE: a role's scoped permissions of every form are
// revoked before the drop, each with its own FOR clause.
func TestDropRoleRevokesEveryScopedForm(t *testing.T) {
	r := model.RoleRef("loader")
	db := model.ObjectRef{Kind: model.ObjDatabase, Name: "dev"}
	etl := model.ObjectRef{Kind: model.ObjSchema, Schema: "etl"}
	snap := &model.Snapshot{Database: "dev", Roles: []model.Role{{Name: "loader"}}, Grants: model.NewGrantTable(
		model.Grant{Object: db, Grantee: r, Privilege: "CREATE", Scope: "COPY JOBS"},
		model.Grant{Object: db, Grantee: r, Privilege: "USAGE", Scope: "LANGUAGES"},
		model.Grant{Object: db, Grantee: r, Privilege: "EXECUTE", Scope: "FUNCTIONS"},
		model.Grant{Object: etl, Grantee: r, Privilege: "EXECUTE", Scope: "PROCEDURES"},
		model.Grant{Object: db, Grantee: r, Privilege: "EXECUTE", Scope: "PROCEDURES"},
	)}
	sqls, _ := renderSQL(t, change.Change{Kind: change.DropRole, Role: &change.RoleSpec{Name: "loader"}}, snap)
	want := []string{
		`REVOKE CREATE FOR COPY JOBS IN DATABASE "dev" FROM ROLE "loader"`,
		`REVOKE USAGE FOR LANGUAGES IN DATABASE "dev" FROM ROLE "loader"`,
		`REVOKE EXECUTE FOR FUNCTIONS IN DATABASE "dev" FROM ROLE "loader"`,
		`REVOKE EXECUTE FOR PROCEDURES IN SCHEMA "etl" FROM ROLE "loader"`,
		`REVOKE EXECUTE FOR PROCEDURES IN DATABASE "dev" FROM ROLE "loader"`,
		`DROP ROLE "loader"`,
	}
	if !slices.Equal(sqls, want) {
		t.Fatalf("SQL\n got: %q\nwant: %q", sqls, want)
	}
}
