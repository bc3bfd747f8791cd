package app

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/sandbox"
	"github.com/redshiftmate/rsmate/backend/session"
)

// openEmulated starts the emulated Redshift through the bound About service
// and connects to its profile as the frontend does.
func openEmulated(t *testing.T, a *testApp) (SessionInfo, string) {
	t.Helper()
	info, err := a.About.StartEmulatedSandbox()
	if err != nil {
		t.Fatal(err)
	}
	if !info.EmulatedRunning || info.Running {
		t.Fatalf("StartEmulatedSandbox() = %+v, want only the emulated Redshift running", info)
	}
	views, err := a.Profiles.List()
	if err != nil || len(views) != 1 || views[0].ID != sandbox.EmulatedProfileID {
		t.Fatalf("Profiles.List() = %+v, %v; want the emulated Redshift's profile", views, err)
	}
	p := views[0].Profile
	si, err := a.Sessions.Connect(ConnectRequest{ProfileID: p.ID})
	if err != nil {
		t.Fatal(err)
	}
	dsn := fmt.Sprintf("postgres://%s:%s@%s:%d/%s?sslmode=disable", url.PathEscape(p.User),
		url.PathEscape(a.sandboxPassword(p.ID)), p.Host, p.Port, p.Database)
	return si, dsn
}

// The emulated Redshift's session is a Redshift session marked emulated: the
// Redshift reader loads its catalog (groups and all), and only its own
// database is offered or can be switched to.
func TestEmulatedSandboxSessionIsRedshiftMarkedEmulatedOnItsOwnDatabase(t *testing.T) {
	a := newTestApp(t)
	si, _ := openEmulated(t, a)
	if si.Server.Engine != session.Redshift || !si.Server.Emulated || si.ProfileName != "Redshift (emulated)" ||
		!strings.HasPrefix(si.Server.Version, "Emulated Redshift on PostgreSQL ") {
		t.Fatalf("session = %+v, want an emulated Redshift", si)
	}
	sum, err := a.Catalog.Load(si.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Engine != "redshift" || sum.Counts.Groups != 5 || sum.Capabilities != engineFor(session.Redshift).Capabilities() {
		t.Fatalf("catalog = %+v, want Redshift's with 5 groups", sum)
	}
	if len(sum.Databases) != 1 || sum.Databases[0] != "dev" {
		t.Fatalf("databases = %q, want only dev (the catalog views exist there only)", sum.Databases)
	}
	groups, err := a.Catalog.Groups(si.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range groups {
		if g.Name == "grp_analysts" && g.Members != 4 {
			t.Fatalf("grp_analysts has %d members, want 4", g.Members)
		}
	}
	_, err = a.Catalog.SwitchDatabase(si.ID, "postgres")
	wantCode(t, err, "invalid_input")
}

// The emulated Redshift is no connection to keep: Duplicate refuses it (a
// copy would be plain PostgreSQL under a Redshift profile), and it stops with
// the app as the Local sandbox does.
func TestEmulatedSandboxCannotBeDuplicatedAndStopsWithTheApp(t *testing.T) {
	a := newTestApp(t)
	si, _ := openEmulated(t, a)
	_, err := a.Profiles.Duplicate(sandbox.EmulatedProfileID)
	wantCode(t, err, "invalid_input")
	if st, err := a.store(); err != nil || len(st.List()) != 0 {
		t.Fatalf("saved connections after the refused Duplicate: %v, %v", st.List(), err)
	}
	a.Shutdown(context.Background())
	waitPortClosed(t, si.Server.Port)
}

// Apply is refused on the emulated Redshift with the reason, nothing runs, and
// the previewed Redshift SQL stays available to copy or save.
func TestEmulatedSandboxRefusesApplyAndKeepsThePlan(t *testing.T) {
	a := newTestApp(t)
	si, dsn := openEmulated(t, a)
	changes := []change.Change{
		{Kind: change.CreateGroup, Group: &change.GroupSpec{Name: "grp_emulated_probe", Users: []string{"anna.schmidt"}}},
		{Kind: change.GrantRole, Member: &change.MemberSpec{Role: "analyst", Member: model.UserRef("daniel.kim")}},
	}
	plan, err := a.Changes.Preview(si.ID, changes)
	if err != nil {
		t.Fatal(err)
	}
	if plan.ApplyRefusal != emulatedRefusal {
		t.Fatalf("ApplyRefusal = %q, want %q", plan.ApplyRefusal, emulatedRefusal)
	}
	var sql []string
	for _, st := range plan.Statements {
		sql = append(sql, st.SQL)
	}
	// Redshift SQL: PostgreSQL has no CREATE GROUP … WITH USER of this form nor GRANT ROLE.
	if want := []string{`CREATE GROUP "grp_emulated_probe" WITH USER "anna.schmidt"`, `GRANT ROLE "analyst" TO "daniel.kim"`}; strings.Join(sql, "\n") != strings.Join(want, "\n") {
		t.Fatalf("statements = %q, want %q", sql, want)
	}

	_, err = a.Changes.Apply(plan.ID)
	ae := wantCode(t, err, "emulated_redshift")
	if !strings.Contains(ae.Message, "PostgreSQL dressed as Redshift") || ae.Hint != "Copy or save them to run on a cluster." {
		t.Fatalf("refusal = %q / %q", ae.Message, ae.Hint)
	}
	if roleExists(t, dsn, "grp_emulated_probe") {
		t.Fatal("the refused apply created the group")
	}
	if len(a.fake.Confirms) != 0 {
		t.Fatalf("asked %d confirmations before refusing", len(a.fake.Confirms))
	}
	// The plan is still there to save as a script.
	a.fake.SavePath = t.TempDir() + "/emulated.sql"
	path, err := a.Changes.SaveScript(plan.ID)
	if err != nil || path != a.fake.SavePath {
		t.Fatalf("SaveScript = %q, %v", path, err)
	}
	// A second Apply of the same plan is refused the same way (not "expired").
	_, err = a.Changes.Apply(plan.ID)
	wantCode(t, err, "emulated_redshift")
}
