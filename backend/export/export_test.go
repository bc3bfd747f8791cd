package export_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/redshiftmate/rsmate/backend/access"
	"github.com/redshiftmate/rsmate/backend/catalog"
	rsrender "github.com/redshiftmate/rsmate/backend/engine/redshift/render"
	"github.com/redshiftmate/rsmate/backend/export"
	"github.com/redshiftmate/rsmate/backend/model"
)

var (
	orders = model.ObjectRef{Kind: model.ObjTable, Schema: "sales", Name: "orders"}
	sales  = model.ObjectRef{Kind: model.ObjSchema, Schema: "sales"}
)

func redshiftIndex() *catalog.Index {
	return catalog.NewIndex(&model.Snapshot{
		Engine: "redshift", Database: "dev",
		Databases: []model.Database{{Name: "dev", Owner: "admin"}},
		Users: []model.User{
			{Name: "admin", Superuser: true, Identity: model.IdentityLocal, ValidUntil: "infinity"},
			{Name: "alice", Identity: model.IdentityLocal, ValidUntil: "2030-01-01 00:00:00+00", SyslogAccess: "UNRESTRICTED"},
			{Name: "bob", Identity: model.IdentityLocal, PasswordDisabled: true},
		},
		Roles:       []model.Role{{Name: "reader"}, {Name: "admins"}},
		Groups:      []model.Group{{Name: "bi"}},
		Memberships: []model.Membership{{Member: model.UserRef("alice"), Of: model.RoleRef("reader")}, {Member: model.UserRef("alice"), Of: model.GroupRef("bi")}},
		Schemas:     []model.Schema{{Name: "sales", Owner: "admin", Type: "local"}},
		Relations:   []model.Relation{{Schema: "sales", Name: "orders", Kind: model.RelTable, Owner: "admin"}},
		Grants: model.NewGrantTable(
			model.Grant{Object: sales, Grantee: model.RoleRef("reader"), Privilege: "USAGE"},
			model.Grant{Object: orders, Grantee: model.RoleRef("reader"), Privilege: "SELECT"},
			model.Grant{Object: orders, Grantee: model.UserRef("bob"), Privilege: "DELETE", GrantOption: true},
			model.Grant{Object: orders, Grantee: model.Public, Privilege: "REFERENCES"},
			model.Grant{Object: orders, Grantee: model.UserRef("admin"), Privilege: "SELECT", Implied: true},
			model.Grant{Object: sales, Grantee: model.RoleRef("reader"), Privilege: "SELECT", Scope: "TABLES"},
		),
		SystemPrivileges: []model.SystemPrivilege{{Privilege: "CREATE USER", Grantee: model.RoleRef("admins")}},
	})
}

// TestPrincipalScriptRendersMembershipsGrantsAndScopedThroughRedshiftRenderer
// checks the replay order and that every statement comes from the renderer.
func TestPrincipalScriptRendersMembershipsGrantsAndScopedThroughRedshiftRenderer(t *testing.T) {
	x := redshiftIndex()
	alice := model.UserRef("alice")
	script, skipped := export.Script(export.Changes(export.Collect(x, export.Scope{Principal: &alice}), x.Snapshot()), x.Snapshot(), rsrender.New(), "alice", true)
	if skipped != 0 {
		t.Fatalf("skipped %d:\n%s", skipped, script)
	}
	want := []string{
		"SET enable_case_sensitive_identifier TO true;",
		`GRANT ROLE "reader" TO "alice";`,
		`ALTER GROUP "bi" ADD USER "alice";`,
	}
	last := -1
	for _, w := range want {
		i := strings.Index(script, w)
		if i < 0 || i < last {
			t.Fatalf("script lacks %q in order:\n%s", w, script)
		}
		last = i
	}

	reader := model.RoleRef("reader")
	script, _ = export.Script(export.Changes(export.Collect(x, export.Scope{Principal: &reader}), x.Snapshot()), x.Snapshot(), rsrender.New(), "reader", true)
	for _, w := range []string{`GRANT USAGE ON SCHEMA "sales" TO ROLE "reader";`, `GRANT SELECT ON TABLE "sales"."orders" TO ROLE "reader";`,
		`GRANT SELECT FOR TABLES IN SCHEMA "sales" TO ROLE "reader";`} {
		if !strings.Contains(script, w) {
			t.Errorf("reader's script lacks %q:\n%s", w, script)
		}
	}
	if strings.Index(script, "ON SCHEMA") > strings.Index(script, "ON TABLE") {
		t.Errorf("schema grant after table grant:\n%s", script)
	}
}

func TestDatabaseExportLeavesOutOwnersImpliedRights(t *testing.T) {
	set := export.Collect(redshiftIndex(), export.Scope{})
	for _, g := range set.Grants {
		if g.Implied {
			t.Fatalf("implied grant exported: %+v", g)
		}
	}
	if len(set.Grants) != 5 {
		t.Fatalf("exported %d grants, want 5: %+v", len(set.Grants), set.Grants)
	}
	var buf bytes.Buffer
	if err := export.GrantsCSV(&buf, set); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil || len(rows) != 6 || rows[0][0] != "type" {
		t.Fatalf("CSV rows = %d, %v: %q", len(rows), err, rows)
	}
}

func TestReviewFlagsEachRisk(t *testing.T) {
	r := export.Review(redshiftIndex(), time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC))
	got := map[string]bool{}
	for _, f := range r.Findings {
		got[string(f.Risk)+" "+export.PrincipalText(f.Principal)] = true
	}
	for _, want := range []string{
		"superuser user admin", "password_never_expires user admin", "syslog_unrestricted user alice",
		"grant_to_public PUBLIC", "with_grant_option user bob", "direct_user_grant user bob", "create_user role admins",
	} {
		if !got[want] {
			t.Errorf("no finding %q in %v", want, got)
		}
	}
	for _, unwanted := range []string{"password_never_expires user alice", "password_never_expires user bob", "direct_user_grant user admin"} {
		if got[unwanted] {
			t.Errorf("unexpected finding %q", unwanted)
		}
	}
	var alice export.PrincipalReview
	for _, p := range r.Principals {
		if p.Principal == model.UserRef("alice") {
			alice = p
		}
	}
	// USAGE on sales, SELECT and REFERENCES on orders (through reader and PUBLIC).
	if alice.Privileges != 3 || alice.Objects != 2 || alice.Schemas != 1 {
		t.Errorf("alice = %+v", alice)
	}

	var html bytes.Buffer
	if err := export.ReviewHTML(&html, r); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"<title>Access review of dev</title>", "syslog_unrestricted", "user alice"} {
		if !strings.Contains(html.String(), w) {
			t.Errorf("HTML lacks %q", w)
		}
	}
	var csvBuf bytes.Buffer
	if err := export.ReviewCSV(&csvBuf, r); err != nil {
		t.Fatal(err)
	}
	rows, _ := csv.NewReader(&csvBuf).ReadAll()
	if len(rows) != 1+len(r.Principals)+len(r.Findings) {
		t.Errorf("review CSV has %d rows, want %d", len(rows), 1+len(r.Principals)+len(r.Findings))
	}
}

func TestReviewHTMLEscapesNames(t *testing.T) {
	x := catalog.NewIndex(&model.Snapshot{Engine: "postgres", Database: "d", Users: []model.User{{Name: "<script>x</script>", Superuser: true}}})
	var buf bytes.Buffer
	if err := export.ReviewHTML(&buf, export.Review(x, time.Now())); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "<script>x") {
		t.Fatal("a principal name reached the HTML unescaped")
	}
}

func TestWhoCanAccessCSVListsPathAndFiltersByPrivilege(t *testing.T) {
	x := redshiftIndex()
	holders := access.WhoCanAccess(x.Snapshot(), x, orders)
	var buf bytes.Buffer
	if err := export.WhoCanAccessCSV(&buf, orders, holders, "SELECT"); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	if !strings.Contains(text, "table sales.orders,user,alice,SELECT,,inherited,false,user alice > role reader,") {
		t.Errorf("no inherited SELECT row for alice:\n%s", text)
	}
	if strings.Contains(text, "REFERENCES") || strings.Contains(text, "DELETE") {
		t.Errorf("privilege filter let other privileges through:\n%s", text)
	}
	if !strings.Contains(text, "user,admin,ALL,,superuser") {
		t.Errorf("superuser admin missing:\n%s", text)
	}
}
