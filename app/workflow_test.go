package app

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/pgtest"
)

// connectTestDB saves a profile for a fresh test database, connects and loads
// its catalog. It returns the session id and a superuser DSN for checks.
func connectTestDB(t *testing.T, a *testApp, setup ...string) (string, string) {
	t.Helper()
	dsn := pgtest.NewDatabase(t)
	pgtest.Exec(t, dsn, setup...)
	pc, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	srv := pgServer{Host: pc.Host, Port: int(pc.Port), Database: pc.Database, User: pc.User, Password: pc.Password}
	return connectServer(t, a, srv, "Workflow "+pgtest.Random(3)), dsn
}

// connectServer saves a profile for srv with its password, connects and
// loads the catalog; it returns the session id.
func connectServer(t *testing.T, a *testApp, srv pgServer, name string) string {
	t.Helper()
	v, err := a.Profiles.Save(SaveProfileRequest{Profile: srv.profile(name), Password: srv.Password, SetPassword: true})
	if err != nil {
		t.Fatal(err)
	}
	s, err := a.Sessions.Connect(ConnectRequest{ProfileID: v.ID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Catalog.Load(s.ID, false); err != nil {
		t.Fatal(err)
	}
	return s.ID
}

// The whole product loop through the bound services: typed changes → preview
// (redacted SQL) → apply in a transaction → audit → refreshed catalog.
func TestCreateGrantRevokeDropWorkflow(t *testing.T) {
	// Capture the process log: the password must never reach it.
	var logged bytes.Buffer
	log.SetOutput(io.MultiWriter(&logged, os.Stderr))
	defer log.SetOutput(os.Stderr)
	a := newTestApp(t)
	p := pgtest.Prefix()
	user, role, schema := p+"alice", p+"analyst", p+"sales"
	sid, dsn := connectTestDB(t, a,
		"CREATE SCHEMA "+schema,
		"CREATE TABLE "+schema+".orders (id int)",
		"CREATE TABLE "+schema+".customers (id int)")
	password := "Str0ng-Passw0rd!" + pgtest.Random(2)
	pw := password
	roleRef := model.PrincipalRef{Kind: model.KindRole, Name: role}
	create := []change.Change{
		{Kind: change.CreateUser, User: &change.UserSpec{Name: user, Password: &pw}},
		{Kind: change.CreateRole, Role: &change.RoleSpec{Name: role}},
		{Kind: change.GrantRole, Member: &change.MemberSpec{Role: role, Member: model.PrincipalRef{Kind: model.KindUser, Name: user}}},
		{Kind: change.GrantPrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"USAGE"}, Target: change.TargetObjects,
			Objects: []model.ObjectRef{{Kind: model.ObjSchema, Schema: schema}}, Grantee: roleRef}},
		{Kind: change.GrantPrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"SELECT"}, Target: change.TargetAllInSchema, Kind: model.ObjTable,
			Schemas: []string{schema}, Grantee: roleRef}},
	}
	plan, err := a.Changes.Preview(sid, create)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plan.Script, password) || strings.Contains(plan.Script, "SCRAM-SHA-256$") {
		t.Fatalf("the preview leaks the password or its verifier:\n%s", plan.Script)
	}
	if !strings.Contains(plan.Script, `GRANT SELECT ON ALL TABLES IN SCHEMA "`+schema+`" TO "`+role+`"`) {
		t.Fatalf("preview lacks the bulk grant:\n%s", plan.Script)
	}
	res, err := a.Changes.Apply(plan.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Applied || res.Executed != len(plan.Statements) || res.Outcome != "applied" || len(res.Statements) != len(plan.Statements) {
		t.Fatalf("apply result %+v for %d statements", res, len(plan.Statements))
	}
	// Every statement's effect was checked in the catalog read after COMMIT:
	// the user, role, membership and schema grant are there; the bulk grant's
	// object set is the server's to decide, so it is not checked.
	for i, st := range res.Statements {
		want := change.OutcomeOK
		if plan.Statements[i].ChangeIndex == 4 {
			want = change.OutcomeUnverified
		}
		if st.Outcome != want {
			t.Fatalf("statement %d (%s): outcome %q (%s), want %q", i+1, plan.Statements[i].Summary, st.Outcome, st.Detail, want)
		}
	}
	if !pgtest.QueryValue[bool](t, dsn, "SELECT has_table_privilege($1, $2, 'SELECT')", user, schema+".orders") {
		t.Fatal("the user cannot SELECT through the role after apply")
	}
	// The new user logs in with the password it was given (SCRAM verifier path).
	pc, _ := pgx.ParseConfig(dsn)
	pc.User, pc.Password = user, password
	conn, err := pgx.ConnectConfig(context.Background(), pc)
	if err != nil {
		t.Fatalf("the new user cannot log in: %v", err)
	}
	conn.Close(context.Background())
	// The refreshed catalog shows the effective access with its path.
	eff, err := a.Catalog.Effective(sid, model.PrincipalRef{Kind: model.KindUser, Name: user}, schema)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range eff.Cells {
		if eff.Objects[c.Object].Name == "orders" && c.Privilege == "SELECT" && c.Inherited && !c.Direct {
			found = len(c.Sources) == 1 && reflect.DeepEqual(eff.Paths[c.Sources[0].Via], []model.PrincipalRef{roleRef})
		}
	}
	if !found {
		t.Fatalf("effective access lacks SELECT on orders via %s: %+v", role, eff.Cells)
	}
	// Audit: every statement, redacted, and the password nowhere in the config dir.
	page, err := a.Changes.Audit(0)
	if err != nil || len(page.Entries) != len(plan.Statements) || len(page.CorruptLines) != 0 {
		t.Fatalf("audit entries %d, corrupt %v (%v), want %d", len(page.Entries), page.CorruptLines, err, len(plan.Statements))
	}
	assertNotInDir(t, a.dir, password)
	if strings.Contains(logged.String(), password) {
		t.Fatal("the app's log contains the password")
	}

	// Revoke and drop: destructive, so confirmed through the dialog seam.
	drop := []change.Change{
		{Kind: change.RevokePrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"SELECT"}, Target: change.TargetAllInSchema, Kind: model.ObjTable,
			Schemas: []string{schema}, Grantee: roleRef}},
		{Kind: change.RevokePrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"USAGE"}, Target: change.TargetObjects,
			Objects: []model.ObjectRef{{Kind: model.ObjSchema, Schema: schema}}, Grantee: roleRef}},
		{Kind: change.DropUser, User: &change.UserSpec{Name: user}},
		{Kind: change.DropRole, Role: &change.RoleSpec{Name: role}},
	}
	plan, err = a.Changes.Preview(sid, drop)
	if err != nil {
		t.Fatal(err)
	}
	if !plan.Destructive {
		t.Fatal("a plan that drops a user is not marked destructive")
	}
	// A confirmation that could not be shown is an error, not "declined" and
	// not "yes"; the plan stays for another try.
	a.fake.Answer, a.fake.ConfirmErr = true, errors.New("the dialog process failed")
	if res, err := a.Changes.Apply(plan.ID); err == nil || res.Cancelled || res.Applied {
		t.Fatalf("confirmation that failed to show: %+v, %v; want an error", res, err)
	}
	a.fake.ConfirmErr = nil
	if !roleExists(t, dsn, user) {
		t.Fatal("an apply whose confirmation failed to show dropped the user")
	}
	a.fake.Answer = false
	if res, err := a.Changes.Apply(plan.ID); err != nil || !res.Cancelled {
		t.Fatalf("declined confirmation: %+v, %v", res, err)
	}
	if !roleExists(t, dsn, user) {
		t.Fatal("a declined apply dropped the user")
	}
	a.fake.Answer = true
	if _, err := a.Changes.Apply(plan.ID); err != nil {
		t.Fatal(err)
	}
	if !pgtest.QueryValue[bool](t, dsn, "SELECT count(*) = 0 FROM pg_roles WHERE rolname = ANY($1)", []string{user, role}) {
		t.Fatal("user or role still exists after drop")
	}
}

func TestReadOnlyProfileRefusesApplyInBackend(t *testing.T) {
	a := newTestApp(t)
	p := pgtest.Prefix()
	dsn := pgtest.NewDatabase(t)
	pc, _ := pgx.ParseConfig(dsn)
	srv := pgServer{Host: pc.Host, Port: int(pc.Port), Database: pc.Database, User: pc.User, Password: pc.Password}
	prof := srv.profile("Production")
	prof.ReadOnly = true
	v, err := a.Profiles.Save(SaveProfileRequest{Profile: prof, Password: srv.Password, SetPassword: true})
	if err != nil {
		t.Fatal(err)
	}
	s, err := a.Sessions.Connect(ConnectRequest{ProfileID: v.ID})
	if err != nil {
		t.Fatal(err)
	}
	plan, err := a.Changes.Preview(s.ID, []change.Change{{Kind: change.CreateRole, Role: &change.RoleSpec{Name: p + "nope"}}})
	if err != nil {
		t.Fatal(err)
	}
	if !plan.ReadOnly {
		t.Fatal("preview does not say the connection is read-only")
	}
	_, err = a.Changes.Apply(plan.ID)
	wantCode(t, err, "read_only")
	if roleExists(t, dsn, p+"nope") {
		t.Fatal("a read-only profile changed the server")
	}
}

func TestSaveScriptRedactsSecrets(t *testing.T) {
	a := newTestApp(t)
	sid, _ := connectTestDB(t, a)
	pw := "An0ther-Secret!"
	plan, err := a.Changes.Preview(sid, []change.Change{{Kind: change.CreateUser, User: &change.UserSpec{Name: pgtest.Prefix() + "u", Password: &pw}}})
	if err != nil {
		t.Fatal(err)
	}
	a.fake.SavePath = t.TempDir() + "/out.sql"
	path, err := a.Changes.SaveScript(plan.ID)
	if err != nil || path != a.fake.SavePath {
		t.Fatalf("SaveScript = %q, %v", path, err)
	}
	b, _ := os.ReadFile(path)
	if strings.Contains(string(b), pw) || strings.Contains(string(b), "SCRAM-SHA-256$") || !strings.Contains(string(b), "CREATE ROLE") {
		t.Fatalf("script:\n%s", b)
	}
}

// A drop warns about what the principal owns: the detail lists it.
func TestPrincipalListsOwnedObjects(t *testing.T) {
	a := newTestApp(t)
	p := pgtest.Prefix()
	owner := p + "owner"
	sid, dsn := connectTestDB(t, a,
		"CREATE ROLE "+owner+" LOGIN",
		"CREATE SCHEMA "+p+"s AUTHORIZATION "+owner,
		"CREATE TABLE "+p+"s.t (id int)",
		"ALTER TABLE "+p+"s.t OWNER TO "+owner,
		"CREATE FUNCTION "+p+"s.f(x int) RETURNS int LANGUAGE sql AS 'SELECT x'",
		"ALTER FUNCTION "+p+"s.f(int) OWNER TO "+owner)
	t.Cleanup(func() { pgtest.Exec(t, dsn, "DROP OWNED BY "+owner, "DROP ROLE IF EXISTS "+owner) })
	d, err := a.Catalog.Principal(sid, model.PrincipalRef{Kind: model.KindUser, Name: owner})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, o := range d.Owned {
		got[string(o.Ref.Kind)+":"+o.Ref.Schema+"."+o.Ref.Name] = true
	}
	for _, want := range []string{"schema:" + p + "s.", "table:" + p + "s.t", "function:" + p + "s.f"} {
		if !got[want] {
			t.Errorf("owned objects %v lack %s", got, want)
		}
	}
	if len(d.Owned) != 3 {
		t.Errorf("owned = %+v, want exactly the schema, the table and the function", d.Owned)
	}
}
