package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/pgtest"
)

func applyChanges(t *testing.T, a *testApp, sid string, cs []change.Change) string {
	t.Helper()
	plan, err := a.Changes.Preview(sid, cs)
	if err != nil {
		t.Fatal(err)
	}
	r, err := a.Changes.Apply(plan.ID)
	if err != nil || !r.Applied {
		t.Fatalf("apply: %+v, %v", r, err)
	}
	return plan.ID
}

func hasTablePrivilege(t *testing.T, dsn, who, table, priv string) bool {
	t.Helper()
	return pgtest.QueryValue[bool](t, dsn, "SELECT has_table_privilege($1, $2, $3)", who, table, priv)
}

// TestWhoCanAccessExportsHistoryAndRevertOnPostgres drives the insight
// service against a real server: who can access a table (through a role),
// exports through the save dialog, then an apply found in the history by
// principal, reverted through the previewed inverse, and a drop that says it
// cannot be undone.
func TestWhoCanAccessExportsHistoryAndRevertOnPostgres(t *testing.T) {
	a := newTestApp(t)
	p := pgtest.Prefix()
	alice, reader, victim := p+"alice", p+"reader", p+"victim"
	admin := pgtest.AdminDSN(t)
	pgtest.Exec(t, admin, `CREATE ROLE "`+alice+`" LOGIN; CREATE ROLE "`+reader+`"; CREATE ROLE "`+victim+`"; GRANT "`+reader+`" TO "`+alice+`"`)
	t.Cleanup(func() { pgtest.Exec(t, admin, `DROP ROLE IF EXISTS "`+alice+`", "`+reader+`", "`+victim+`"`) })
	sid, dsn := connectTestDB(t, a, "CREATE SCHEMA sales", "CREATE TABLE sales.orders (id int)",
		`GRANT USAGE ON SCHEMA sales TO "`+reader+`"`, `GRANT SELECT ON sales.orders TO "`+reader+`"`)
	orders := model.ObjectRef{Kind: model.ObjTable, Schema: "sales", Name: "orders"}

	holders, err := a.Insight.WhoCanAccess(sid, orders)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, h := range holders.Holders {
		if h.Principal == model.UserRef(alice) {
			for _, c := range holders.CellLists[h.Cells] {
				if c.Privilege == "SELECT" && c.Inherited && len(c.Sources) == 1 && holders.Paths[c.Sources[0].Via][0] == model.RoleRef(reader) {
					found = true
				}
			}
		}
	}
	if !found {
		t.Fatalf("alice's SELECT through %s is not listed: %+v", reader, holders)
	}
	_, err = a.Insight.WhoCanAccess(sid, model.ObjectRef{Kind: model.ObjTable, Schema: "sales", Name: "nope"})
	wantCode(t, err, "not_found")

	dir := t.TempDir()
	a.fake.SavePath = filepath.Join(dir, "who.csv")
	if path, err := a.Insight.ExportWhoCanAccess(sid, orders, "SELECT"); err != nil || path != a.fake.SavePath {
		t.Fatalf("export who = %q, %v", path, err)
	}
	if b, _ := os.ReadFile(a.fake.SavePath); !strings.Contains(string(b), "user "+alice+" > role "+reader) {
		t.Fatalf("who-can-access CSV lacks alice's path:\n%s", b)
	}
	ref := model.RoleRef(reader)
	a.fake.SavePath = filepath.Join(dir, "reader.sql")
	if _, err := a.Insight.ExportGrants(sid, GrantsScope{Principal: &ref}, FormatSQL); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(a.fake.SavePath); !strings.Contains(string(b), `GRANT SELECT ON TABLE "sales"."orders" TO "`+reader+`";`) {
		t.Fatalf("grants script lacks the SELECT:\n%s", b)
	}
	a.fake.SavePath = filepath.Join(dir, "review.html")
	if _, err := a.Insight.ExportReview(sid, FormatHTML); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(a.fake.SavePath); !strings.Contains(string(b), "<h1>Access review of ") {
		t.Fatalf("review is not the HTML report:\n%.300s", b)
	}
	a.fake.SavePath = ""
	if path, err := a.Insight.ExportReview(sid, FormatCSV); err != nil || path != "" {
		t.Fatalf("cancelled save = %q, %v", path, err)
	}

	// An apply: INSERT to alice, SELECT revoked from the role.
	planID := applyChanges(t, a, sid, []change.Change{
		{Kind: change.GrantPrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"INSERT"}, Target: change.TargetObjects,
			Objects: []model.ObjectRef{orders}, Grantee: model.UserRef(alice)}},
		{Kind: change.RevokePrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"SELECT"}, Target: change.TargetObjects,
			Objects: []model.ObjectRef{orders}, Grantee: ref}},
	})
	if hasTablePrivilege(t, dsn, alice, "sales.orders", "SELECT") || !hasTablePrivilege(t, dsn, alice, "sales.orders", "INSERT") {
		t.Fatal("the apply did not take effect")
	}
	page, err := a.Insight.History(HistoryFilter{Principal: strings.ToUpper(alice)})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Applies) != 1 || page.Applies[0].PlanID != planID || !page.Applies[0].Revertible || len(page.Applies[0].Statements) != 2 {
		t.Fatalf("history for %s = %+v", alice, page.Applies)
	}
	if page, _ := a.Insight.History(HistoryFilter{Principal: alice, To: "2000-01-01"}); len(page.Applies) != 0 {
		t.Fatalf("date filter kept %d applies", len(page.Applies))
	}
	_, err = a.Insight.History(HistoryFilter{From: "2026-12-01", To: "2026-11-01"})
	wantCode(t, err, "invalid_input")

	rev, err := a.Insight.Revert(sid, planID)
	if err != nil {
		t.Fatal(err)
	}
	if len(rev.Changes) != 2 || rev.Changes[0].Kind != change.GrantPrivileges || rev.Changes[1].Kind != change.RevokePrivileges {
		t.Fatalf("revert = %+v", rev)
	}
	applyChanges(t, a, sid, rev.Changes)
	if !hasTablePrivilege(t, dsn, alice, "sales.orders", "SELECT") || hasTablePrivilege(t, dsn, alice, "sales.orders", "INSERT") {
		t.Fatal("the revert did not restore SELECT through the role and remove INSERT")
	}

	// A drop cannot be undone: the revert says so.
	dropID := applyChanges(t, a, sid, []change.Change{{Kind: change.DropRole, Role: &change.RoleSpec{Name: victim}}})
	_, err = a.Insight.Revert(sid, dropID)
	if e := wantCode(t, err, "no_inverse"); !strings.Contains(e.Detail, "a drop cannot be undone") {
		t.Fatalf("drop revert detail = %q", e.Detail)
	}
}
