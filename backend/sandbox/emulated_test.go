package sandbox

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/redshiftmate/rsmate/backend/engine/redshift"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/profile"
)

// The emulated Redshift sandbox starts, and the unchanged Redshift reader
// reads its seed (redshift_seed.sql) through the Redshift-shaped views: the
// Redshift-only facts arrive as Redshift facts.
func TestEmulatedSandboxSeedReadsThroughTheRedshiftReader(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	sb, err := StartEmulated(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Stop()

	p := sb.Profile()
	want := profile.Profile{ID: EmulatedProfileID, Name: "Redshift (emulated)", Engine: profile.EngineRedshift, Host: "127.0.0.1",
		Port: p.Port, Database: "dev", User: SuperUser, SSLMode: profile.SSLDisable, ConnectTimeoutSec: 10,
		Color: "#e8590c", Sandbox: true}
	if p != want || !sb.Emulated() {
		t.Fatalf("Profile() = %+v, Emulated() = %v\nwant %+v, true", p, sb.Emulated(), want)
	}

	// A plain connection: the database's own search_path makes the fixture shadow pg_catalog.
	conn := connect(t, ctx, p, sb.Password())
	defer conn.Close(ctx)
	snap, err := redshift.New().LoadCatalog(ctx, conn, nil)
	if err != nil {
		t.Fatalf("LoadCatalog: %v", err)
	}
	if snap.Engine != "redshift" || snap.Database != "dev" || snap.Partial || len(snap.Warnings) != 0 {
		t.Fatalf("snapshot engine %q database %q partial %v warnings %q; want redshift, dev, complete, none",
			snap.Engine, snap.Database, snap.Partial, snap.Warnings)
	}

	t.Run("groups and their members", func(t *testing.T) {
		var groups []string
		for _, g := range snap.Groups {
			groups = append(groups, g.Name)
		}
		slices.Sort(groups)
		if want := []string{"grp_analysts", "grp_etl", "grp_finance", "grp_legacy_reports", "grp_marketing"}; !slices.Equal(groups, want) {
			t.Errorf("groups = %q, want %q", groups, want)
		}
		members := membersOf(snap, model.GroupRef("grp_analysts"))
		if want := []string{"Mixed.Case User", "anna.schmidt", "ben.carter", "daniel.kim"}; !slices.Equal(members, want) {
			t.Errorf("grp_analysts members = %q, want %q", members, want)
		}
		if m := membersOf(snap, model.GroupRef("grp_legacy_reports")); len(m) != 0 {
			t.Errorf("grp_legacy_reports members = %q, want none", m)
		}
	})

	t.Run("system permissions held by roles", func(t *testing.T) {
		got := map[string][]string{}
		for _, sp := range snap.SystemPrivileges {
			if sp.Grantee.Kind != model.KindRole {
				t.Errorf("system permission %s held by %+v, want roles only", sp.Privilege, sp.Grantee)
			}
			got[sp.Grantee.Name] = append(got[sp.Grantee.Name], sp.Privilege)
		}
		for role, want := range map[string][]string{
			"platform_admin": {"ALTER USER", "CREATE ROLE", "CREATE USER", "DROP ROLE", "DROP USER"},
			"security_admin": {"ACCESS SYSTEM TABLE", "ALTER DEFAULT PRIVILEGES"},
			"auditor":        {"ACCESS CATALOG"},
			"data_engineer":  {"ANALYZE", "CREATE SCHEMA", "TRUNCATE TABLE", "VACUUM"},
		} {
			slices.Sort(got[role])
			if !slices.Equal(got[role], want) {
				t.Errorf("%s holds %q, want %q", role, got[role], want)
			}
		}
	})

	t.Run("syslog access, session timeouts and other user attributes", func(t *testing.T) {
		users := map[string]model.User{}
		for _, u := range snap.Users {
			users[u.Name] = u
		}
		for name, check := range map[string]func(u model.User) bool{
			"marcus.webb": func(u model.User) bool { return u.SyslogAccess == "UNRESTRICTED" && u.SessionTimeout == 3600 },
			"etl_loader":  func(u model.User) bool { return u.SyslogAccess == "UNRESTRICTED" && u.SessionTimeout == 0 },
			"contractor.jlee": func(u model.User) bool {
				return u.SyslogAccess == "RESTRICTED" && u.SessionTimeout == 900 && u.ConnectionLimit == 2 && u.ValidUntil != ""
			},
			"looker_svc":     func(u model.User) bool { return u.SessionTimeout == 7200 && u.ConnectionLimit == 10 },
			"priya.raman":    func(u model.User) bool { return u.Superuser },
			"olivia.bennett": func(u model.User) bool { return u.CreateDB && !u.Superuser },
			"dbt_runner":     func(u model.User) bool { return slices.Contains(u.Config, "search_path=staging, reporting") },
			"AWSIDC:wei.zhang@example.com": func(u model.User) bool {
				return u.ExternalID == "f8e1c2a4-5b6d-4e7f-9a0b-1c2d3e4f5a6b" && u.PasswordDisabled
			},
			"IAMR:quicksight-reader": func(u model.User) bool { return u.Identity == model.IdentityIAMRole && u.PasswordDisabled },
			"anna.schmidt":           func(u model.User) bool { return u.SyslogAccess == "RESTRICTED" && !u.PasswordDisabled },
		} {
			u, ok := users[name]
			if !ok {
				t.Errorf("user %s missing", name)
				continue
			}
			if !check(u) {
				t.Errorf("user %s = %+v", name, u)
			}
		}
	})

	t.Run("nested roles, role owners and external ids", func(t *testing.T) {
		if m := membersOf(snap, model.RoleRef("data_engineer")); !slices.Contains(m, "platform_admin") {
			t.Errorf("data_engineer members = %q, want platform_admin among them", m)
		}
		if m := membersOf(snap, model.RoleRef("reader")); !slices.Contains(m, "writer") {
			t.Errorf("reader members = %q, want writer among them", m)
		}
		var analyst model.Role
		for _, r := range snap.Roles {
			if r.Name == "analyst" {
				analyst = r
			}
		}
		if analyst.Owner != "marcus.webb" || analyst.ExternalID != "a3f5b7c9-analysts" {
			t.Errorf("role analyst = %+v, want owner marcus.webb and external id a3f5b7c9-analysts", analyst)
		}
	})

	t.Run("ASSUMEROLE, datashares and ML models", func(t *testing.T) {
		var publicAll, etlCopy bool
		for _, g := range snap.AssumeRoles {
			publicAll = publicAll || g.Grantee.Kind == model.KindPublic
			etlCopy = etlCopy || (g.Grantee.Name == "etl_loader" && g.Command == "COPY" && strings.HasSuffix(g.IAMRole, "role/RedshiftCopyUnload"))
		}
		if !publicAll || !etlCopy {
			t.Errorf("ASSUMEROLE grants %+v: want PUBLIC's and etl_loader's COPY", snap.AssumeRoles)
		}
		shares := map[string]model.Datashare{}
		for _, d := range snap.Datashares {
			shares[d.Name] = d
		}
		if shares["sales_share"].Type != "OUTBOUND" || len(shares["sales_share"].Consumers) != 2 || shares["partner_catalog"].Type != "INBOUND" {
			t.Errorf("datashares %+v: want sales_share outbound with 2 consumers and partner_catalog inbound", snap.Datashares)
		}
		if len(snap.Models) != 1 || snap.Models[0].Name != "customer_churn" || snap.Models[0].Owner != "dbt_runner" {
			t.Errorf("models %+v: want sales.customer_churn owned by dbt_runner", snap.Models)
		}
	})

	t.Run("objects, scoped permissions and default privileges", func(t *testing.T) {
		types := map[string]string{}
		for _, s := range snap.Schemas {
			types[s.Name] = s.Type
		}
		if types["spectrum"] != "external" || types["partner_share"] != "shared" || types["sales"] != "local" {
			t.Errorf("schema types = %v", types)
		}
		if _, ok := types["rsfixture"]; ok {
			t.Error("the fixture's own schema is listed")
		}
		kinds := map[string]model.RelationKind{}
		for _, r := range snap.Relations {
			kinds[r.Schema+"."+r.Name] = r.Kind
		}
		if kinds["reporting.lbv_customer_orders"] != model.RelLateBindingView || kinds["reporting.mv_revenue_by_region"] != model.RelMaterializedView ||
			kinds["sales.orders"] != model.RelTable || kinds["reporting.v_daily_sales"] != model.RelView {
			t.Errorf("relation kinds = %v", kinds)
		}
		var procs int
		for _, r := range snap.Routines {
			if r.Kind == model.ObjProcedure {
				procs++
			}
		}
		if procs != 2 {
			t.Errorf("%d procedures, want 2", procs)
		}
		var scoped []model.Grant
		for _, g := range snap.Grants.All() {
			if g.Scope != "" {
				scoped = append(scoped, g)
			}
		}
		salesTables := model.Grant{Object: model.ObjectRef{Kind: model.ObjSchema, Schema: "sales"}, Grantee: model.RoleRef("analyst"),
			Privilege: "SELECT", Scope: "TABLES"}
		if len(scoped) != 6 || !slices.Contains(scoped, salesTables) {
			t.Errorf("scoped permissions = %+v, want 6 with SELECT FOR TABLES IN SCHEMA sales TO ROLE analyst", scoped)
		}
		found := false
		for _, d := range snap.DefaultPrivileges {
			if d.Creator == model.UserRef("etl_loader") && d.Schema == "finance" && d.Grantee == model.GroupRef("grp_finance") && d.Privilege == "SELECT" {
				found = true
			}
		}
		if !found {
			t.Errorf("no default SELECT for grp_finance on etl_loader's tables in finance among %+v", snap.DefaultPrivileges)
		}
	})
}

func membersOf(snap *model.Snapshot, of model.PrincipalRef) []string {
	var out []string
	for _, m := range snap.Memberships {
		if m.Of == of {
			out = append(out, m.Member.Name)
		}
	}
	slices.Sort(out)
	return out
}
