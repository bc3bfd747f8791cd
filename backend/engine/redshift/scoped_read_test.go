package redshift

import (
	"slices"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/engine/redshift/rsfixture"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/pgtest"
)

// Every scoped form (DG r_GRANT scoped permissions) is read from the
// privilege_scope column of svv_schema_privileges (IN SCHEMA) and
// svv_database_privileges (IN DATABASE) as a scoped grant on the schema or
// database, never as an object privilege; the load keeps its statement count.
func TestLoadReadsEveryScopedFormFromThePrivilegeScopeColumns(t *testing.T) {
	w := newWorld(t)
	r, u := w.r1, w.plain
	pgtest.Exec(t, w.dsn, "CREATE ROLE "+qi(r), "CREATE ROLE "+qi(u)+" LOGIN", "CREATE SCHEMA "+qi(w.sales))
	type form struct {
		inDB             bool
		scope, privilege string
		identity         string
		admin            bool
	}
	forms := []form{
		{true, "SCHEMAS", "USAGE", r, false},
		{true, "TABLES", "SELECT", r, false},
		{true, "FUNCTIONS", "EXECUTE", r, false},
		{true, "PROCEDURES", "EXECUTE", u, true},
		{true, "LANGUAGES", "USAGE", r, false},
		{true, "COPY JOBS", "CREATE", r, false},
		{true, "COPY JOBS", "DROP", u, false},
		{false, "TABLES", "INSERT", u, true},
		{false, "FUNCTIONS", "EXECUTE", r, false},
		{false, "PROCEDURES", "EXECUTE", r, false},
	}
	for _, f := range forms {
		obj := w.sales
		if f.inDB {
			obj = w.db
		}
		rsfixture.GrantScoped(t, w.dsn, rsfixture.Scoped{InDatabase: f.inDB, Object: obj, Scope: f.scope, Privilege: f.privilege, Identity: f.identity, AdminOption: f.admin})
	}
	snap, counter := w.load(t, w.dsn, pgx.QueryExecModeExec)
	if counter.StatementCount() != loadStatements {
		t.Errorf("statements: %d, want %d", counter.StatementCount(), loadStatements)
	}
	var got []model.Grant
	for _, g := range snap.Grants.All() {
		if g.Scope != "" && (g.Grantee.Name == r || g.Grantee.Name == u) {
			got = append(got, g)
		}
	}
	for _, f := range forms {
		want := model.Grant{Object: model.ObjectRef{Kind: model.ObjSchema, Schema: w.sales}, Privilege: f.privilege, Scope: f.scope,
			Grantee: model.RoleRef(f.identity), GrantOption: f.admin}
		if f.inDB {
			want.Object = model.ObjectRef{Kind: model.ObjDatabase, Name: w.db}
		}
		if f.identity == u {
			want.Grantee = model.UserRef(u)
		}
		if !slices.Contains(got, want) {
			t.Errorf("missing scoped grant %+v\n got: %+v", want, got)
		}
	}
	if len(got) != len(forms) {
		t.Errorf("read %d scoped grants, want %d: %+v", len(got), len(forms), got)
	}
}

// DG r_SVV_USER_INFO: last_ddl_timestamp and external_user_id reach the user;
// session defaults come from useconfig (DG r_ALTER_USER: SET parameter).
func TestLoadReadsLastDDLExternalIDAndSessionDefaults(t *testing.T) {
	w := newWorld(t)
	pgtest.Exec(t, w.dsn,
		"CREATE ROLE "+qi(w.idc)+" LOGIN",
		"CREATE ROLE "+qi(w.plain)+" LOGIN PASSWORD 'pw'",
		"ALTER ROLE "+qi(w.plain)+" SET search_path = a, \"Odd, one\"",
		"ALTER ROLE "+qi(w.plain)+" SET statement_timeout = '5min'",
	)
	ddl := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	rsfixture.SetUser(t, w.dsn, w.idc, rsfixture.UserAttrs{ExternalID: "ABC123", LastDDL: ddl})
	snap, _ := w.load(t, w.dsn, pgx.QueryExecModeExec)
	var idc, plain *model.User
	for i := range snap.Users {
		switch snap.Users[i].Name {
		case w.idc:
			idc = &snap.Users[i]
		case w.plain:
			plain = &snap.Users[i]
		}
	}
	if idc == nil || plain == nil {
		t.Fatalf("users not read: %+v", snap.Users)
	}
	if idc.LastDDL != "2026-03-04T05:06:07Z" || idc.ExternalID != "ABC123" || !idc.PasswordDisabled {
		t.Errorf("idp user: lastDdl=%q externalId=%q passwordDisabled=%v", idc.LastDDL, idc.ExternalID, idc.PasswordDisabled)
	}
	if plain.LastDDL != "" {
		t.Errorf("user without DDL: lastDdl=%q, want empty", plain.LastDDL)
	}
	want := []string{`search_path=a, "Odd, one"`, "statement_timeout=5min"}
	if !slices.Equal(plain.Config, want) {
		t.Errorf("config %q, want %q", plain.Config, want)
	}
}

// The RLS and masking permissions are read, like every system permission,
// from svv_system_privileges (DG r_SVV_SYSTEM_PRIVILEGES); which view lists
// them on a live cluster is not documented (see FIXTURE.md).
func TestLoadReadsRLSAndMaskingPermissionsOfRoles(t *testing.T) {
	w := newWorld(t)
	pgtest.Exec(t, w.dsn, "CREATE ROLE "+qi(w.r1))
	for _, p := range []string{"IGNORE RLS", "EXPLAIN RLS", "EXPLAIN MASKING"} {
		rsfixture.GrantSystem(t, w.dsn, w.r1, p)
	}
	snap, _ := w.load(t, w.dsn, pgx.QueryExecModeExec)
	var got []string
	for _, p := range snap.SystemPrivileges {
		if p.Grantee == model.RoleRef(w.r1) {
			got = append(got, p.Privilege)
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, []string{"EXPLAIN MASKING", "EXPLAIN RLS", "IGNORE RLS"}) {
		t.Fatalf("system permissions of %s: %v", w.r1, got)
	}
}
