package app

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/pgtest"
)

func createRolePlan(t *testing.T, a *testApp, sid, name string) PlanView {
	t.Helper()
	plan, err := a.Changes.Preview(sid, []change.Change{{Kind: change.CreateRole, Role: &change.RoleSpec{Name: name}}})
	if err != nil {
		t.Fatal(err)
	}
	return plan
}

// Eight Apply calls race for one plan: exactly one runs it, the others are
// told the preview is gone (before: every call that read the map ran it).
func TestConcurrentApplyRunsPlanExactlyOnce(t *testing.T) {
	a := newTestApp(t)
	sid, dsn := connectTestDB(t, a)
	name := pgtest.Prefix() + "once"
	t.Cleanup(func() { pgtest.Exec(t, pgtest.AdminDSN(t), "DROP ROLE IF EXISTS "+name) })
	plan := createRolePlan(t, a, sid, name)
	var wg sync.WaitGroup
	var mu sync.Mutex
	applied, expired := 0, 0
	start := make(chan struct{})
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			res, err := a.Changes.Apply(plan.ID)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil && res.Applied:
				applied++
			case apperr.As(err).Code == "plan_expired":
				expired++
			default:
				t.Errorf("unexpected result %+v, %v", res, err)
			}
		}()
	}
	close(start)
	wg.Wait()
	if applied != 1 || expired != 7 {
		t.Fatalf("applied %d, expired %d; want 1 and 7", applied, expired)
	}
	if !roleExists(t, dsn, name) {
		t.Fatal("the role is not there")
	}
}

// Switching database discards the pending plan: applying it afterwards is
// refused and nothing is created on either database.
func TestSwitchDatabaseDiscardsPendingPlan(t *testing.T) {
	a := newTestApp(t)
	sid, _ := connectTestDB(t, a)
	other := pgtest.NewDatabase(t)
	name := pgtest.Prefix() + "sw"
	plan := createRolePlan(t, a, sid, name)
	pc, _ := pgx.ParseConfig(other)
	if _, err := a.Catalog.SwitchDatabase(sid, pc.Database); err != nil {
		t.Fatal(err)
	}
	_, err := a.Changes.Apply(plan.ID)
	wantCode(t, err, "plan_expired")
	if roleExists(t, other, name) {
		t.Fatal("a plan previewed on the first database ran after the switch")
	}
}

// Even when a plan survives a database switch (a switch that bypasses the
// hook), Apply checks the database it was previewed on and refuses.
func TestApplyRefusesPlanPreviewedOnAnotherDatabase(t *testing.T) {
	a := newTestApp(t)
	sid, dsn := connectTestDB(t, a)
	other := pgtest.NewDatabase(t)
	name := pgtest.Prefix() + "db"
	plan := createRolePlan(t, a, sid, name)
	pc, _ := pgx.ParseConfig(other)
	if _, err := a.sessions.SwitchDatabase(context.Background(), sid, pc.Database); err != nil {
		t.Fatal(err)
	}
	_, err := a.Changes.Apply(plan.ID)
	e := wantCode(t, err, "plan_wrong_database")
	first, _ := pgx.ParseConfig(dsn)
	if !strings.Contains(e.Message, first.Database) || !strings.Contains(e.Message, pc.Database) {
		t.Fatalf("the error does not name both databases: %s", e.Message)
	}
	if roleExists(t, other, name) {
		t.Fatal("the plan ran on the other database")
	}
}

// A catalog read again after the preview makes the plan stale.
func TestApplyRefusesPlanAfterCatalogReload(t *testing.T) {
	a := newTestApp(t)
	sid, dsn := connectTestDB(t, a)
	name := pgtest.Prefix() + "st"
	plan := createRolePlan(t, a, sid, name)
	time.Sleep(2 * time.Millisecond) // LoadedAt must differ
	if _, err := a.Catalog.Load(sid, true); err != nil {
		t.Fatal(err)
	}
	_, err := a.Changes.Apply(plan.ID)
	wantCode(t, err, "plan_stale")
	if roleExists(t, dsn, name) {
		t.Fatal("a stale plan ran")
	}
}

// Disconnect drops the pending plan and the password it holds.
func TestDisconnectDiscardsPendingPlanAndPassword(t *testing.T) {
	a := newTestApp(t)
	sid, _ := connectTestDB(t, a)
	pw := "Disc0nnect-Secret!"
	plan, err := a.Changes.Preview(sid, []change.Change{{Kind: change.CreateUser, User: &change.UserSpec{Name: pgtest.Prefix() + "u", Password: &pw}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Sessions.Disconnect(sid); err != nil {
		t.Fatal(err)
	}
	a.Changes.mu.Lock()
	left := len(a.Changes.plans)
	a.Changes.mu.Unlock()
	if left != 0 {
		t.Fatalf("%d plan(s) (with their passwords) kept after disconnect", left)
	}
	_, err = a.Changes.Apply(plan.ID)
	wantCode(t, err, "plan_expired")
}

// Through the real PostgreSQL renderer: GRANT INSERT on a sequence draws a
// WARNING; the apply fails before COMMIT and the table grant queued before it
// is rolled back.
func TestApplyFailsOnSequenceGrantWarningBeforeCommit(t *testing.T) {
	a := newTestApp(t)
	p := pgtest.Prefix()
	role := p + "seq"
	t.Cleanup(func() { pgtest.Exec(t, pgtest.AdminDSN(t), "DROP ROLE IF EXISTS "+role) })
	sid, dsn := connectTestDB(t, a, "CREATE TABLE t (id int)", "CREATE SEQUENCE s", "CREATE ROLE "+role)
	if _, err := a.Catalog.Load(sid, true); err != nil {
		t.Fatal(err)
	}
	grantee := model.RoleRef(role)
	plan, err := a.Changes.Preview(sid, []change.Change{
		{Kind: change.GrantPrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"SELECT"}, Target: change.TargetObjects,
			Objects: []model.ObjectRef{{Kind: model.ObjTable, Schema: "public", Name: "t"}}, Grantee: grantee}},
		{Kind: change.GrantPrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"INSERT"}, Target: change.TargetObjects,
			Objects: []model.ObjectRef{{Kind: model.ObjTable, Schema: "public", Name: "s"}}, Grantee: grantee}},
	})
	if err != nil {
		// Refusing it before any SQL is as good; this test is about the server's warning.
		t.Skipf("the preview already refuses INSERT on a sequence: %v", err)
	}
	_, err = a.Changes.Apply(plan.ID)
	e := wantCode(t, err, "apply_no_effect")
	if !strings.Contains(e.Message, "statement 2 of 2") || !strings.Contains(e.Message, "0LP01") {
		t.Fatalf("error %q does not name the statement and the warning", e.Message)
	}
	if pgtest.QueryValue[bool](t, dsn, "SELECT has_table_privilege($1, 'public.t', 'SELECT')", role) {
		t.Fatal("the grant before the warning was committed")
	}
}

// The saved PostgreSQL script with a password fails when run unedited and
// sets no password; it never carries the quoted asterisks placeholder.
func TestSavedScriptWithRedactedPasswordFailsWhenRun(t *testing.T) {
	a := newTestApp(t)
	sid, dsn := connectTestDB(t, a)
	name := pgtest.Prefix() + "scr"
	t.Cleanup(func() { pgtest.Exec(t, pgtest.AdminDSN(t), "DROP ROLE IF EXISTS "+name) })
	pw := "Scr1pt-Secret!"
	plan, err := a.Changes.Preview(sid, []change.Change{{Kind: change.CreateUser, User: &change.UserSpec{Name: name, Password: &pw}}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plan.Script, "'********'") || !strings.Contains(plan.Script, change.RedactedPassword) ||
		!strings.Contains(plan.Script, "-- Passwords are not in this script") {
		t.Fatalf("script:\n%s", plan.Script)
	}
	conn, err := pgx.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	_, err = conn.Exec(context.Background(), plan.Script) // simple protocol: the whole script, as psql would send it
	if err == nil || !strings.Contains(err.Error(), "syntax error") {
		t.Fatalf("running the unedited script: %v, want a syntax error", err)
	}
	if roleExists(t, dsn, name) {
		t.Fatal("the unedited script created the user")
	}
}

// A REVOKE the server accepts silently but that removes nothing: the grant
// was made by another grantor, and a superuser revokes as the table's owner.
// The catalog read after COMMIT still shows the privilege, so the statement
// is reported "no effect", not "applied".
func TestApplyReportsRevokeOfAnotherGrantorsGrantAsNoEffect(t *testing.T) {
	a := newTestApp(t)
	p := pgtest.Prefix()
	grantor, target := p+"grantor", p+"target"
	t.Cleanup(func() {
		pgtest.Exec(t, pgtest.AdminDSN(t), "DROP ROLE IF EXISTS "+target, "DROP ROLE IF EXISTS "+grantor)
	})
	sid, dsn := connectTestDB(t, a, "CREATE TABLE t (id int)", "CREATE ROLE "+grantor, "CREATE ROLE "+target,
		"GRANT SELECT ON t TO "+grantor+" WITH GRANT OPTION",
		"SET ROLE "+grantor+"; GRANT SELECT ON t TO "+target+"; RESET ROLE")
	t.Cleanup(func() { pgtest.Exec(t, dsn, "DROP TABLE t") })
	if _, err := a.Catalog.Load(sid, true); err != nil {
		t.Fatal(err)
	}
	plan, err := a.Changes.Preview(sid, []change.Change{{Kind: change.RevokePrivileges, Privilege: &change.PrivilegeSpec{
		Privileges: []string{"SELECT"}, Target: change.TargetObjects,
		Objects: []model.ObjectRef{{Kind: model.ObjTable, Schema: "public", Name: "t"}}, Grantee: model.RoleRef(target)}}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := a.Changes.Apply(plan.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Applied || res.NoEffect != 1 || res.Statements[0].Outcome != change.OutcomeNoEffect ||
		!strings.Contains(res.Statements[0].Detail, "SELECT on table public.t to role \""+target+"\" gone") {
		t.Fatalf("result %+v", res)
	}
	if !pgtest.QueryValue[bool](t, dsn, "SELECT has_table_privilege($1, 'public.t', 'SELECT')", target) {
		t.Fatal("the privilege is gone: the test's premise (REVOKE removes nothing) does not hold")
	}
}

// A dialog's Render shows what a change would queue without keeping a plan:
// the plan under review stays applicable, and Render's own id applies nothing.
func TestRenderKeepsThePlanUnderReview(t *testing.T) {
	a := newTestApp(t)
	sid, dsn := connectTestDB(t, a)
	name := pgtest.Prefix() + "reviewed"
	t.Cleanup(func() { pgtest.Exec(t, pgtest.AdminDSN(t), "DROP ROLE IF EXISTS "+name) })
	plan := createRolePlan(t, a, sid, name)
	v, err := a.Changes.Render(sid, []change.Change{{Kind: change.CreateRole, Role: &change.RoleSpec{Name: name + "_other"}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Statements) != 1 || !strings.Contains(v.Statements[0].Display, name+"_other") {
		t.Fatalf("render: %+v", v.Statements)
	}
	if _, err := a.Changes.Apply(v.ID); apperr.As(err).Code != "plan_expired" {
		t.Fatalf("applying a rendered-only plan: %v, want plan_expired", err)
	}
	if res, err := a.Changes.Apply(plan.ID); err != nil || !res.Applied {
		t.Fatalf("the reviewed plan after a render: %+v, %v", res, err)
	}
	if !roleExists(t, dsn, name) {
		t.Fatal("the reviewed plan's role is not there")
	}
	if roleExists(t, dsn, name+"_other") {
		t.Fatal("the rendered change was applied")
	}
}
