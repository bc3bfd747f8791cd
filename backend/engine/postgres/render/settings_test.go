package pgrender

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/model"
)

// PostgreSQL ALTER ROLE name SET configuration_parameter { TO | = } value /
// RESET configuration_parameter (docs: sql-alterrole).
func TestPostgresSessionDefaultsGolden(t *testing.T) {
	c := change.Change{Kind: change.AlterUser, User: &change.UserSpec{Name: "Ann",
		SetParameters:   []change.Parameter{{Name: "search_path", Value: `"$user", "Odd, one"`}, {Name: "application_name", Value: `C:\app`}},
		ResetParameters: []string{"work_mem"}}}
	got, err := New().Render(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	var sqls []string
	for _, s := range got {
		sqls = append(sqls, s.SQL)
	}
	want := []string{`ALTER ROLE "Ann" SET search_path TO '$user', 'Odd, one'`,
		`ALTER ROLE "Ann" SET application_name TO E'C:\\app'`,
		`ALTER ROLE "Ann" RESET work_mem`}
	if !slices.Equal(sqls, want) {
		t.Fatalf("SQL\n got: %q\nwant: %q", sqls, want)
	}
}

func TestPostgresRefusesExternalID(t *testing.T) {
	for _, k := range []change.Kind{change.CreateUser, change.AlterUser} {
		_, err := New().Render(change.Change{Kind: k, User: &change.UserSpec{Name: "u", ExternalID: ptr("X")}}, nil)
		if e := apperr.As(err); e == nil || !strings.Contains(e.Message, "EXTERNALID) is a Redshift identity-provider setting") {
			t.Fatalf("%s: err = %v", k, err)
		}
	}
}

// Applied on a real PostgreSQL: CREATE ROLE then ALTER ROLE … SET; a later
// change sets one default and resets another. The catalog and a fresh login
// of the user both show the result.
func TestApplySessionDefaultsOnPostgres(t *testing.T) {
	e := newEnv(t)
	u := e.p + "sessions"
	schema := e.p + "Odd, one"
	const pw = "Secret-123"
	if err := e.run(e.snapshot(), change.Change{Kind: change.CreateUser, User: &change.UserSpec{Name: u, Password: ptr(pw),
		SetParameters: []change.Parameter{{Name: "statement_timeout", Value: "5min"}, {Name: "work_mem", Value: "8MB"}}}}); err != nil {
		t.Fatalf("create: %v", err)
	}
	if err := e.run(e.snapshot(), change.Change{Kind: change.AlterUser, User: &change.UserSpec{Name: u,
		SetParameters:   []change.Parameter{{Name: "search_path", Value: `public, "` + strings.ReplaceAll(schema, `"`, `""`) + `"`}},
		ResetParameters: []string{"work_mem"}}}); err != nil {
		t.Fatalf("alter: %v", err)
	}
	var got []string
	for _, x := range e.snapshot().Users {
		if x.Name == u {
			got = x.Config
		}
	}
	want := []string{"statement_timeout=5min", `search_path=public, "` + schema + `"`}
	if !slices.Equal(got, want) {
		t.Fatalf("config %q, want %q", got, want)
	}
	// A new session of the user starts with the defaults.
	dsn, _ := url.Parse(e.dsn)
	dsn.User = url.UserPassword(u, pw)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn.String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var sp, st, wm string
	if err := conn.QueryRow(ctx, "SELECT current_setting('search_path'), current_setting('statement_timeout'), current_setting('work_mem')").Scan(&sp, &st, &wm); err != nil {
		t.Fatal(err)
	}
	if sp != `public, "`+schema+`"` || st != "5min" || wm == "8MB" {
		t.Fatalf("session: search_path=%q statement_timeout=%q work_mem=%q", sp, st, wm)
	}
}

// PostgreSQL has no scoped permissions: every Redshift scoped form is refused by name.
func TestPostgresRefusesEveryScopedForm(t *testing.T) {
	type form struct {
		target change.Target
		kind   model.ObjectKind
	}
	for _, f := range []form{{change.TargetScopedInDatabase, model.ObjFunction}, {change.TargetScopedInSchema, model.ObjProcedure},
		{change.TargetScopedInDatabase, model.ObjProcedure}, {change.TargetScopedInDatabase, model.ObjLanguage},
		{change.TargetScopedInDatabase, model.ObjCopyJob}, {change.TargetScopedInSchema, model.ObjTable}} {
		_, err := New().Render(change.Change{Kind: change.GrantPrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"USAGE"},
			Target: f.target, Kind: f.kind, Schemas: []string{"s"}, Database: "d", Grantee: role("r")}}, nil)
		if e := apperr.As(err); e == nil || !strings.Contains(e.Message, "PostgreSQL has no scoped permissions") {
			t.Errorf("%s %s: err = %v", f.target, f.kind, err)
		}
	}
}
