package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/redshiftmate/rsmate/backend/offboard"
	"github.com/redshiftmate/rsmate/backend/pgcluster"
	"github.com/redshiftmate/rsmate/backend/pgtest"
)

// Offboarding on a cluster of its own with three databases of ours (plus
// "postgres"): the leaver owns a table in one, holds grants in another and
// default privileges and a membership where the session is. The scan finds
// each, the plans run database by database, and afterwards the role is gone
// and the table belongs to the successor.
func TestOffboardAcrossThreeDatabases(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c, err := pgcluster.Start(ctx, pgcluster.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Stop)
	admin := c.DSN("postgres")
	pgtest.Exec(t, admin,
		"CREATE DATABASE hq", "CREATE DATABASE sales", "CREATE DATABASE ops",
		"CREATE ROLE analysts NOLOGIN", "CREATE ROLE heir LOGIN",
		"CREATE ROLE leaver LOGIN PASSWORD 'Leaver-Pass-1' IN ROLE analysts")
	pgtest.Exec(t, c.DSN("sales"),
		"CREATE SCHEMA crm", "CREATE TABLE crm.deals (id int)", "ALTER TABLE crm.deals OWNER TO leaver",
		"GRANT SELECT ON crm.deals TO analysts")
	pgtest.Exec(t, c.DSN("ops"),
		"CREATE TABLE runbook (id int)", "GRANT SELECT, UPDATE ON runbook TO leaver")
	pgtest.Exec(t, c.DSN("hq"),
		"CREATE SCHEMA plans", "ALTER DEFAULT PRIVILEGES IN SCHEMA plans GRANT SELECT ON TABLES TO leaver",
		"GRANT USAGE ON SCHEMA plans TO leaver")

	a := newTestApp(t)
	sid := connectServer(t, a, pgServer{Host: c.Host, Port: c.Port, Database: "hq", User: c.SuperUser, Password: c.Password}, "Offboard cluster")

	if _, err := a.Offboard.Scan(sid, offboard.Request{User: "leaver"}); err != nil {
		t.Fatal(err)
	}
	scan, err := a.Offboard.Scan(sid, offboard.Request{User: "leaver", Successor: "heir", DisableLogin: true})
	if err != nil {
		t.Fatal(err)
	}
	if !scan.Scan.Ready {
		t.Fatalf("scan not ready: %+v", scan.Scan.Steps)
	}
	steps := map[string]offboard.Step{}
	var order []string
	for _, st := range scan.Scan.Steps {
		steps[st.Kind+":"+st.Database] = st
		order = append(order, st.Kind+":"+st.Database)
	}
	if got := strings.Join(order, " "); got != "disable_login:hq clear:ops clear:postgres clear:sales drop:hq" {
		t.Fatalf("steps: %s", got)
	}
	if b := steps["clear:sales"].Blockers; len(b.Owned) != 1 || b.Owned[0] != "table crm.deals" {
		t.Errorf("sales blockers: %+v, want the table crm.deals owned", b)
	}
	if b := steps["clear:ops"].Blockers; b.Grants != 2 {
		t.Errorf("ops blockers: %+v, want 2 grants (SELECT, UPDATE)", b)
	}
	if b := steps["drop:hq"].Blockers; b.DefaultsAsGrantee != 1 || b.Grants != 1 {
		t.Errorf("hq blockers: %+v, want 1 default privilege received and 1 grant", b)
	}
	if len(steps["clear:postgres"].Statements) != 0 {
		t.Errorf("nothing to do in postgres, yet: %+v", steps["clear:postgres"].Statements)
	}
	sales := steps["clear:sales"].Statements
	if len(sales) != 2 || sales[0].SQL != `REASSIGN OWNED BY "leaver" TO "heir"` || sales[1].SQL != `DROP OWNED BY "leaver"` {
		t.Errorf("sales statements: %+v", sales)
	}
	if m := scan.Scan.Memberships; len(m) != 1 || m[0] != "role analysts" {
		t.Errorf("memberships: %v", m)
	}

	var progress []string
	a.fake.OnEmit = func(e EmittedEvent) {
		if p, ok := e.Data.(OffboardProgress); ok && e.Name == "offboard:progress" {
			progress = append(progress, p.Result.Database+"="+p.Result.State)
		}
	}
	res, err := a.Offboard.Apply(sid, scan.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Completed {
		t.Fatalf("not completed: %+v", res.Steps)
	}
	if want := "hq=running hq=done ops=running ops=done postgres=nothing sales=running sales=done hq=running hq=done"; strings.Join(progress, " ") != want {
		t.Errorf("progress %v\nwant %s", progress, want)
	}
	if n := pgtest.QueryValue[int](t, admin, "SELECT count(*)::int FROM pg_roles WHERE rolname = 'leaver'"); n != 0 {
		t.Error("leaver still exists")
	}
	if o := pgtest.QueryValue[string](t, c.DSN("sales"), "SELECT tableowner::text FROM pg_tables WHERE tablename = 'deals'"); o != "heir" {
		t.Errorf("crm.deals belongs to %s, want heir", o)
	}
	if _, err := a.Offboard.Apply(sid, scan.ID); err == nil {
		t.Error("applying the same offboarding twice should be refused")
	}
}
