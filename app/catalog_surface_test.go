package app

import (
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/engine"
	"github.com/redshiftmate/rsmate/backend/engine/redshift"
	"github.com/redshiftmate/rsmate/backend/engine/redshift/rsfixture"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/pgtest"
	"github.com/redshiftmate/rsmate/backend/session"
)

// The bound methods behind the IAM roles tab and the overview's Redshift
// section, over the Redshift reader and the Redshift-shaped fixture on a
// real PostgreSQL database.
// surfaceWorld is a Redshift-shaped database with ASSUMEROLE grants, a
// datashare and an ML model, loaded through the Redshift reader.
type surfaceWorld struct {
	a              *testApp
	sid            string
	p, loader, grp string
	arn            string
	snap           *model.Snapshot
}

func newSurfaceWorld(t *testing.T) *surfaceWorld {
	t.Helper()
	a := newTestApp(t)
	p := pgtest.Prefix()
	loader, grp := p+"loader", rsfixture.GroupPrefix+p+"etl"
	dsn := pgtest.NewDatabase(t)
	pgtest.Exec(t, dsn, "CREATE ROLE "+pgx.Identifier{loader}.Sanitize()+" LOGIN",
		"CREATE ROLE "+pgx.Identifier{grp}.Sanitize()+" NOLOGIN",
		"GRANT "+pgx.Identifier{grp}.Sanitize()+" TO "+pgx.Identifier{loader}.Sanitize())
	t.Cleanup(func() {
		pgtest.Exec(t, pgtest.AdminDSN(t), "DROP ROLE IF EXISTS "+pgx.Identifier{loader}.Sanitize(),
			"DROP ROLE IF EXISTS "+pgx.Identifier{grp}.Sanitize())
	})
	rsfixture.Install(t, dsn)
	pc, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	pgtest.Exec(t, dsn, "ALTER DATABASE "+pgx.Identifier{pc.Database}.Sanitize()+" SET search_path = "+rsfixture.SearchPath)
	arn := "arn:aws:iam::123456789012:role/" + p + "S3"
	rsfixture.GrantAssumeRole(t, dsn, arn, "COPY", loader)
	rsfixture.GrantAssumeRole(t, dsn, arn, "UNLOAD", grp)
	rsfixture.GrantAssumeRole(t, dsn, "ALL", "ALL", "public")
	rsfixture.CreateDatashare(t, dsn, rsfixture.Datashare{Name: p + "share", Owner: loader, SourceDatabase: pc.Database})
	rsfixture.AddDatashareConsumer(t, dsn, p+"share", "123456789012", "")
	rsfixture.AddDatashareConsumer(t, dsn, p+"share", "", "86b5169f-01dc-4a6f-9fbb-e2e24359e9a8")
	rsfixture.CreateDatashare(t, dsn, rsfixture.Datashare{Name: p + "from_prod", Inbound: true, ConsumerDatabase: "prod_copy", ProducerAccount: "210987654321"})
	rsfixture.GrantDatashare(t, dsn, p+"share", "SHARE", grp, false)
	rsfixture.CreateModel(t, dsn, "public", p+"churn", loader, "")
	rsfixture.GrantModel(t, dsn, "public", p+"churn", loader, true)

	a.Catalog.engines = func(session.Engine) engine.Engine { return redshift.New() }
	srv := pgServer{Host: pc.Host, Port: int(pc.Port), Database: pc.Database, User: pc.User, Password: pc.Password}
	v, err := a.Profiles.Save(SaveProfileRequest{Profile: srv.profile("Surface " + pgtest.Random(3)), Password: srv.Password, SetPassword: true})
	if err != nil {
		t.Fatal(err)
	}
	s, err := a.Sessions.Connect(ConnectRequest{ProfileID: v.ID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Catalog.Load(s.ID, true); err != nil {
		t.Fatal(err)
	}

	x, err := a.Catalog.index(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	return &surfaceWorld{a: a, sid: s.ID, p: p, loader: loader, grp: grp, arn: arn, snap: x.Snapshot()}
}

func TestSurfaceAndAssumeRolesThroughBoundMethods(t *testing.T) {
	w := newSurfaceWorld(t)
	a, s, p, loader, grp, arn := w.a, struct{ ID string }{w.sid}, w.p, w.loader, w.grp, w.arn
	ar, err := a.Catalog.AssumeRoles(s.ID, model.UserRef(loader))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range ar.Rows {
		got = append(got, r.IAMRole+" "+r.Command+" via "+string(r.Grantee.Kind))
	}
	want := []string{arn + " COPY via user", arn + " UNLOAD via group", "ALL ALL via public"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Fatalf("rows %q, want %q", got, want)
	}
	if ar.Superuser || ar.Vocabulary == nil || len(ar.Vocabulary.Commands) != 4 || ar.Vocabulary.MaxChain != 10 {
		t.Fatalf("superuser %v, vocabulary %+v", ar.Superuser, ar.Vocabulary)
	}

	o, err := a.Catalog.Surface(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !o.Supported || !o.PublicAssumesAll {
		t.Errorf("supported %v, PUBLIC assumes all %v; want both", o.Supported, o.PublicAssumesAll)
	}
	var share *DatashareView
	for i := range o.Datashares {
		if o.Datashares[i].Share.Name == p+"share" {
			share = &o.Datashares[i]
		}
	}
	if share == nil || share.Share.Owner != loader || len(share.Share.Consumers) != 2 || share.Share.Consumers[0].Account != "123456789012" ||
		len(share.Grants) != 1 || share.Grants[0].Grantee != model.GroupRef(grp) || share.Grants[0].Privilege != "SHARE" {
		t.Fatalf("datashare %+v", share)
	}
	var churn *ModelView
	for i := range o.Models {
		if o.Models[i].Model.Name == p+"churn" {
			churn = &o.Models[i]
		}
	}
	if churn == nil || churn.Model.Owner != loader || len(churn.Grants) != 1 || !churn.Grants[0].GrantOption {
		t.Fatalf("model %+v", churn)
	}

	// The object browser lists the model in its schema, with who holds EXECUTE.
	objs, err := a.Catalog.SchemaObjects(s.ID, "public")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, o := range objs {
		if o.Ref == (model.ObjectRef{Kind: model.ObjModel, Schema: "public", Name: p + "churn"}) {
			found = o.Kind == "model" && o.Owner == loader && len(o.Grantees) == 1 && o.Grantees[0] == model.UserRef(loader)
		}
	}
	if !found {
		t.Errorf("schema objects %+v lack the model with its grantee", objs)
	}
}
