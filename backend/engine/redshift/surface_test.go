package redshift

import (
	"slices"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/engine/redshift/rsfixture"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/pgtest"
)

// The unchanged reader over the fixture's svv_iam_privileges, svv_datashares,
// svv_datashare_consumers, svv_datashare_privileges, svv_ml_model_info and
// svv_ml_model_privileges, in the same fixed number of statements.
func TestLoadReadsAssumeRoleDatasharesAndModels(t *testing.T) {
	w := newWorld(t)
	w.seed(t)
	arn := "arn:aws:iam::123456789012:role/" + w.p + "S3-Read"
	chain := arn + ",arn:aws:iam::210987654321:role/" + w.p + "Other"
	rsfixture.GrantAssumeRole(t, w.dsn, arn, "COPY", w.plain)
	rsfixture.GrantAssumeRole(t, w.dsn, chain, "UNLOAD", w.grp)
	rsfixture.GrantAssumeRole(t, w.dsn, "default-aws-iam-role", "EXFUNC", w.r1)
	rsfixture.GrantAssumeRole(t, w.dsn, "ALL", "CREATE MODEL", "public")

	share := w.p + "salesshare"
	inbound := w.p + "from prod"
	rsfixture.CreateDatashare(t, w.dsn, rsfixture.Datashare{Name: share, Owner: w.creator, SourceDatabase: w.db, PublicAccessible: true,
		ProducerAccount: "123456789012", ProducerNamespace: "86b5169f-01dc-4a6f-9fbb-e2e24359e9a8"})
	rsfixture.CreateDatashare(t, w.dsn, rsfixture.Datashare{Name: inbound, Inbound: true, ConsumerDatabase: "prod_copy",
		ProducerAccount: "210987654321"})
	rsfixture.AddDatashareConsumer(t, w.dsn, share, "210987654321", "")
	rsfixture.AddDatashareConsumer(t, w.dsn, share, "", "13b8833d-17c6-4f16-8fe4-1a018f5ed00d")
	rsfixture.GrantDatashare(t, w.dsn, share, "ALTER", w.plain, true)
	rsfixture.GrantDatashare(t, w.dsn, share, "SHARE", w.r2, true) // admin_option is always false for roles
	rsfixture.GrantDatashare(t, w.dsn, share, "SHARE", "public", false)

	rsfixture.CreateModel(t, w.dsn, w.sales, "churn", w.creator, "")
	rsfixture.GrantModel(t, w.dsn, w.sales, "churn", w.grp, false)
	rsfixture.GrantModel(t, w.dsn, w.sales, "churn", w.plain, true)

	snap, counter := w.load(t, w.dsn, pgx.QueryExecModeExec)
	if counter.StatementCount() != loadStatements || len(snap.Warnings) != 0 {
		t.Fatalf("statements %d (want %d), warnings %q", counter.StatementCount(), loadStatements, snap.Warnings)
	}

	var assume []model.AssumeRoleGrant
	for _, a := range snap.AssumeRoles {
		if w.has(a.IAMRole) || w.has(a.Grantee.Name) || a.Grantee.Kind == model.KindPublic {
			assume = append(assume, a)
		}
	}
	equalSets(t, "assume roles", assume, []model.AssumeRoleGrant{
		{IAMRole: arn, Command: "COPY", Grantee: model.UserRef(w.plain)},
		{IAMRole: chain, Command: "UNLOAD", Grantee: model.GroupRef(w.grp)},
		{IAMRole: model.IAMRoleDefault, Command: "EXTERNAL FUNCTION", Grantee: model.RoleRef(w.r1)},
		{IAMRole: model.IAMRoleAll, Command: "CREATE MODEL", Grantee: model.Public},
	})

	var shares []model.Datashare
	for _, d := range snap.Datashares {
		if w.has(d.Name) {
			d.Consumers = slices.Clone(d.Consumers)
			for i := range d.Consumers {
				d.Consumers[i].SharedAt = "" // now() at insert
			}
			shares = append(shares, d)
		}
	}
	equalSets(t, "datashares", shares, []model.Datashare{
		{Name: share, Owner: w.creator, Type: "OUTBOUND", SourceDatabase: w.db, PublicAccessible: true,
			ProducerAccount: "123456789012", ProducerNamespace: "86b5169f-01dc-4a6f-9fbb-e2e24359e9a8",
			Consumers: []model.DatashareConsumer{{Account: "210987654321"}, {Namespace: "13b8833d-17c6-4f16-8fe4-1a018f5ed00d"}}},
		{Name: inbound, Type: "INBOUND", ConsumerDatabase: "prod_copy", ProducerAccount: "210987654321", Consumers: []model.DatashareConsumer{}},
	})

	var models []model.Model
	for _, m := range snap.Models {
		if w.has(m.Schema) {
			models = append(models, m)
		}
	}
	equalSets(t, "models", models, []model.Model{{Schema: w.sales, Name: "churn", Owner: w.creator, State: "Model is Ready"}})

	var grants []model.Grant
	for _, g := range snap.Grants.All() {
		if g.Object.Kind == model.ObjDatashare || g.Object.Kind == model.ObjModel {
			if w.has(g.Object.Name) || w.has(g.Object.Schema) {
				grants = append(grants, g)
			}
		}
	}
	equalSets(t, "datashare and model grants", grants, []model.Grant{
		{Object: model.ObjectRef{Kind: model.ObjDatashare, Name: share}, Grantee: model.UserRef(w.plain), Privilege: "ALTER", GrantOption: true},
		{Object: model.ObjectRef{Kind: model.ObjDatashare, Name: share}, Grantee: model.RoleRef(w.r2), Privilege: "SHARE"},
		{Object: model.ObjectRef{Kind: model.ObjDatashare, Name: share}, Grantee: model.Public, Privilege: "SHARE"},
		{Object: model.ObjectRef{Kind: model.ObjModel, Schema: w.sales, Name: "churn"}, Grantee: model.GroupRef(w.grp), Privilege: "EXECUTE"},
		{Object: model.ObjectRef{Kind: model.ObjModel, Schema: w.sales, Name: "churn"}, Grantee: model.UserRef(w.plain), Privilege: "EXECUTE", GrantOption: true},
	})
}

// A cluster that refuses the surface views still loads: the rest of the
// catalog is read and each missing view is named in a warning.
func TestLoadWarnsWhenSurfaceViewsAreMissing(t *testing.T) {
	w := newWorld(t)
	w.seed(t)
	pgtest.Exec(t, w.dsn, `DROP VIEW rsfixture.svv_iam_privileges`)
	snap, _ := w.load(t, w.dsn, pgx.QueryExecModeExec)
	if len(snap.Users) == 0 {
		t.Fatal("no users: the load did not survive the missing view")
	}
	want := []string{
		"ASSUMEROLE privileges could not be read (svv_iam_privileges)",
		"Datashares could not be read (svv_datashares): skipped after an earlier step failed.",
	}
	for _, wnt := range want {
		if !slices.ContainsFunc(snap.Warnings, func(s string) bool { return len(s) >= len(wnt) && s[:len(wnt)] == wnt }) {
			t.Errorf("warnings %q lack %q", snap.Warnings, wnt)
		}
	}
}
