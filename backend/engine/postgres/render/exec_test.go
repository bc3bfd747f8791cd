package pgrender

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/engine/postgres"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/pgtest"
	"github.com/redshiftmate/rsmate/backend/sqltext"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// env is one test database with its counted pool and a unique prefix for
// the cluster-wide roles the test creates.
type env struct {
	t       *testing.T
	dsn     string
	pool    *pgxpool.Pool
	counter *pgtest.QueryCounter
	p       string
	audit   *change.AuditLog
}

func newEnv(t *testing.T) *env {
	t.Helper()
	p := pgtest.Prefix()
	admin := pgtest.AdminDSN(t)
	// Registered before the database so it runs after the database is
	// dropped: the roles then hold nothing and drop cleanly.
	t.Cleanup(func() { dropRoles(admin, p) })
	dsn := pgtest.NewDatabase(t)
	pool, counter := pgtest.CountingPool(t, dsn)
	audit, err := change.OpenAudit(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return &env{t: t, dsn: dsn, pool: pool, counter: counter, p: p, audit: audit}
}

func dropRoles(admin, prefix string) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		return
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, "SELECT rolname::text FROM pg_roles WHERE starts_with(rolname, $1)", prefix)
	if err != nil {
		return
	}
	names, _ := pgx.CollectRows(rows, pgx.RowTo[string])
	for _, n := range names {
		if id, err := sqltext.Postgres.Ident("role", n); err == nil {
			_, _ = conn.Exec(ctx, "DROP ROLE "+id)
		}
	}
}

func ident(name string) string {
	s, err := sqltext.Postgres.Ident("name", name)
	if err != nil {
		panic(err)
	}
	return s
}

func qual(parts ...string) string {
	s, err := sqltext.Postgres.Qualified(parts...)
	if err != nil {
		panic(err)
	}
	return s
}

const oddSchema = `Odd "Schema"`

// objects creates the schemas, tables and routines the grants act on.
func (e *env) objects() {
	pgtest.Exec(e.t, e.dsn,
		"CREATE SCHEMA "+ident("sales"),
		"CREATE SCHEMA "+ident(oddSchema),
		"CREATE TABLE "+qual("sales", "orders")+" (id integer, amount integer, "+ident("Note Col")+" text)",
		"CREATE TABLE "+qual("sales", "items")+" (id integer)",
		"CREATE TABLE "+qual(oddSchema, "Wide Table")+" (a integer)",
		"CREATE FUNCTION "+qual("sales", "add")+"(a integer, b integer) RETURNS integer LANGUAGE sql AS $$SELECT a + b$$",
		"CREATE PROCEDURE "+qual("sales", "load")+"(n integer) LANGUAGE plpgsql AS $$BEGIN NULL; END$$",
	)
}

func (e *env) ctx() context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	e.t.Cleanup(cancel)
	return ctx
}

// snapshot reloads the model through the PostgreSQL catalog reader.
func (e *env) snapshot() *model.Snapshot {
	e.t.Helper()
	snap, err := postgres.New().LoadCatalog(e.ctx(), e.pool, nil)
	if err != nil {
		e.t.Fatalf("load catalog: %v", err)
	}
	return snap
}

func (e *env) currentUser() change.CurrentUser {
	return change.CurrentUser{Name: e.pool.Config().ConnConfig.User}
}

// run is what the app does: build the plan (validation and rendering, no
// SQL), apply it in one transaction, and check each statement's effect in
// the catalog read afterwards. A statement the check reports without effect
// is an error here: either the renderer or the check is wrong.
func (e *env) run(snap *model.Snapshot, changes ...change.Change) error {
	plan, err := change.Build(changes, snap, New(), e.currentUser())
	if err != nil {
		return err
	}
	return e.applyChecked(plan, snap)
}

// applyChecked applies a plan built on snap as the app does and fails on any
// statement whose effect the catalog read afterwards does not show.
func (e *env) applyChecked(plan *change.Plan, snap *model.Snapshot) error {
	reload := func(ctx context.Context) (*model.Snapshot, error) {
		return postgres.New().LoadCatalog(ctx, e.pool, nil)
	}
	res, err := change.Apply(e.ctx(), e.pool, plan, change.ApplyTarget{ProfileName: "test", ServerUser: e.currentUser().Name}, e.audit,
		change.Options{Before: snap, Reload: reload})
	if err == nil && res.NoEffect() > 0 {
		for i, st := range res.Statements {
			if st.Outcome == change.OutcomeNoEffect {
				return fmt.Errorf("statement %d (%s) has no effect: %s", i+1, plan.Statements[i].Display, st.Detail)
			}
		}
	}
	return err
}

// Catalog dump: every row that describes this test's roles and this
// database's privileges, as sortable text, read straight from the catalogs.
const (
	dumpRoles = `SELECT format('role %s login=%s super=%s createdb=%s createrole=%s connlimit=%s until=%s pw=%s',
  rolname, rolcanlogin::text, rolsuper::text, rolcreatedb::text, rolcreaterole::text, rolconnlimit,
  CASE WHEN rolvaliduntil IS NULL THEN '-' WHEN rolvaliduntil = 'infinity' THEN 'infinity'
       ELSE to_char(rolvaliduntil AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') END,
  CASE WHEN rolpassword IS NULL THEN 'none' WHEN rolpassword LIKE 'SCRAM-SHA-256$%' THEN 'scram'
       WHEN rolpassword LIKE 'md5%' THEN 'md5' ELSE 'other' END)
FROM pg_authid WHERE starts_with(rolname, $1)`
	dumpMembers = `SELECT format('member %s of %s admin=%s', m.rolname, r.rolname, am.admin_option::text)
FROM pg_auth_members am JOIN pg_authid m ON m.oid = am.member JOIN pg_authid r ON r.oid = am.roleid
WHERE starts_with(m.rolname, $1) OR starts_with(r.rolname, $1)`
	// Objects' ACLs with the built-in defaults filled in (NULL = never
	// changed), without the owner's own entries.
	dumpACLs = `WITH objs(kind, name, owner, acl) AS (
  SELECT 'database', datname::text, datdba, coalesce(datacl, acldefault('d', datdba)) FROM pg_database WHERE datname = current_database()
  UNION ALL
  SELECT 'schema', nspname::text, nspowner, coalesce(nspacl, acldefault('n', nspowner)) FROM pg_namespace
   WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema'
  UNION ALL
  SELECT 'table', n.nspname || '.' || c.relname, c.relowner, coalesce(c.relacl, acldefault('r', c.relowner))
   FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f') AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  UNION ALL
  SELECT 'column', n.nspname || '.' || c.relname || '.' || a.attname, c.relowner, a.attacl
   FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  UNION ALL
  SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END,
         n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', p.proowner,
         coalesce(p.proacl, acldefault('f', p.proowner))
   FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
   WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  UNION ALL
  SELECT 'language', lanname::text, lanowner, coalesce(lanacl, acldefault('l', lanowner)) FROM pg_language
)
SELECT format('acl %s %s to %s %s%s', kind, name,
  CASE WHEN e.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(e.grantee) END,
  e.privilege_type, CASE WHEN e.is_grantable THEN ' grantable' ELSE '' END)
FROM objs CROSS JOIN LATERAL aclexplode(objs.acl) e
WHERE e.grantee <> objs.owner`
	// Default ACLs as the difference from the built-in defaults: "grant"
	// rows add to them, "no-builtin" rows take a built-in default away.
	dumpDefaults = `WITH d AS (
  SELECT defaclrole AS creator, defaclnamespace AS nsp, defaclobjtype AS t, defaclacl AS acl FROM pg_default_acl
), entry AS (
  SELECT d.creator, d.nsp, d.t, e.grantee, e.privilege_type, e.is_grantable FROM d, aclexplode(d.acl) e
), builtin AS (
  SELECT d.creator, d.nsp, d.t, e.grantee, e.privilege_type, e.is_grantable
  FROM d, aclexplode(acldefault(d.t, d.creator)) e WHERE d.nsp = 0
), diff AS (
  (SELECT 'grant' AS sign, * FROM entry EXCEPT SELECT 'grant', * FROM builtin)
  UNION ALL
  (SELECT 'no-builtin', * FROM builtin EXCEPT SELECT 'no-builtin', * FROM entry)
)
SELECT format('default for %s in %s on %s: %s %s %s%s', pg_get_userbyid(creator),
  CASE WHEN nsp = 0 THEN '*' ELSE (SELECT nspname::text FROM pg_namespace WHERE oid = nsp) END,
  CASE t WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences' WHEN 'f' THEN 'functions' WHEN 'T' THEN 'types' WHEN 'n' THEN 'schemas' END,
  sign, CASE WHEN grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(grantee) END, privilege_type,
  CASE WHEN is_grantable THEN ' grantable' ELSE '' END)
FROM diff WHERE grantee <> creator`
)

// dump reads the catalog rows this test can change, sorted.
func (e *env) dump() []string {
	e.t.Helper()
	var out []string
	for _, q := range []struct {
		sql  string
		args []any
	}{{dumpRoles, []any{e.p}}, {dumpMembers, []any{e.p}}, {dumpACLs, nil}, {dumpDefaults, nil}} {
		rows, err := e.pool.Query(e.ctx(), q.sql, q.args...)
		if err != nil {
			e.t.Fatalf("dump: %v", err)
		}
		lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			e.t.Fatalf("dump: %v", err)
		}
		out = append(out, lines...)
	}
	slices.Sort(out)
	return out
}

// diff returns the lines only in after (added) and only in before (removed).
func diff(before, after []string) (added, removed []string) {
	for _, l := range after {
		if !slices.Contains(before, l) {
			added = append(added, l)
		}
	}
	for _, l := range before {
		if !slices.Contains(after, l) {
			removed = append(removed, l)
		}
	}
	return added, removed
}

func sorted(xs []string) []string {
	out := append([]string(nil), xs...)
	slices.Sort(out)
	return out
}

// login connects as name with password, proving the stored verifier.
func (e *env) login(name, password string) error {
	u, err := url.Parse(e.dsn)
	if err != nil {
		return err
	}
	u.User = url.UserPassword(name, password)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, u.String())
	if err != nil {
		return err
	}
	var who string
	err = conn.QueryRow(ctx, "SELECT current_user::text").Scan(&who)
	conn.Close(ctx)
	if err == nil && who != name {
		err = fmt.Errorf("logged in as %q, want %q", who, name)
	}
	return err
}

func authFailed(err error) bool {
	var pg *pgconn.PgError
	return errors.As(err, &pg) && pg.Code == "28P01"
}

// Each step applies its changes through Build and Apply, then compares the
// catalog rows before and after: exactly the expected rows appear and
// disappear, nothing else moves.
func TestApplyEveryChangeKind(t *testing.T) {
	e := newEnv(t)
	e.objects()
	p := e.p
	alice, bob, bob2, carol, dave, dave2 := p+"alice", p+`Bob "Q"`, p+`Bob "Q" 2`, p+"carol", p+"dave", p+"dave2"
	analyst, ro := p+"analyst", p+"Read Only ☃"
	tmp, tmp2, zed, yuri := p+"tmp", p+"tmp renamed", p+"zed", p+"yuri"
	db := e.pool.Config().ConnConfig.Database
	const pw1, pw2 = "Secret-123", "Other-Pass-456"

	roleLine := func(name string, login, super, createdb, createrole bool, conn int, until, pw string) string {
		return fmt.Sprintf("role %s login=%t super=%t createdb=%t createrole=%t connlimit=%d until=%s pw=%s",
			name, login, super, createdb, createrole, conn, until, pw)
	}
	member := func(m, r string, admin bool) string { return fmt.Sprintf("member %s of %s admin=%t", m, r, admin) }
	acl := func(kind, name, grantee, priv string, grantable bool) string {
		s := fmt.Sprintf("acl %s %s to %s %s", kind, name, grantee, priv)
		if grantable {
			s += " grantable"
		}
		return s
	}
	def := func(creator, schema, typ, sign, grantee, priv string, grantable bool) string {
		s := fmt.Sprintf("default for %s in %s on %s: %s %s %s", creator, schema, typ, sign, grantee, priv)
		if grantable {
			s += " grantable"
		}
		return s
	}
	orders, items := table("sales", "orders"), table("sales", "items")
	addFn := model.ObjectRef{Kind: model.ObjFunction, Schema: "sales", Name: "add", Args: "integer, integer"}
	loadProc := model.ObjectRef{Kind: model.ObjProcedure, Schema: "sales", Name: "load", Args: "IN n integer"}
	privs := func(grant bool, ps change.PrivilegeSpec) change.Change {
		k := change.RevokePrivileges
		if grant {
			k = change.GrantPrivileges
		}
		return change.Change{Kind: k, Privilege: &ps}
	}
	defaults := func(grant bool, d change.DefaultSpec) change.Change {
		k := change.RevokeDefaultPrivileges
		if grant {
			k = change.GrantDefaultPrivileges
		}
		return change.Change{Kind: k, Default: &d}
	}

	steps := []struct {
		name           string
		changes        []change.Change
		added, removed []string
		check          func(t *testing.T)
	}{
		{name: "create user with password and options",
			changes: []change.Change{{Kind: change.CreateUser, User: &change.UserSpec{Name: alice, Password: ptr(pw1), CreateDB: ptr(true),
				ConnectionLimit: ptr(5), ValidUntil: "2030-06-10T12:00:00Z"}}},
			added: []string{roleLine(alice, true, false, true, false, 5, "2030-06-10 12:00:00", "scram")},
			check: func(t *testing.T) {
				if err := e.login(alice, pw1); err != nil {
					t.Fatalf("login with the new password: %v", err)
				}
				if err := e.login(alice, pw2); !authFailed(err) {
					t.Fatalf("login with a wrong password: %v, want 28P01", err)
				}
			}},
		{name: "create user with an awkward name and no password",
			changes: []change.Change{{Kind: change.CreateUser, User: &change.UserSpec{Name: bob}}},
			added:   []string{roleLine(bob, true, false, false, false, -1, "-", "none")}},
		{name: "create roles",
			changes: []change.Change{{Kind: change.CreateRole, Role: &change.RoleSpec{Name: analyst}}, {Kind: change.CreateRole, Role: &change.RoleSpec{Name: ro}}},
			added:   []string{roleLine(analyst, false, false, false, false, -1, "-", "none"), roleLine(ro, false, false, false, false, -1, "-", "none")}},
		{name: "create user in a role with password disabled",
			changes: []change.Change{{Kind: change.CreateUser, User: &change.UserSpec{Name: carol, PasswordDisabled: ptr(true), InGroups: []string{analyst}}}},
			added:   []string{roleLine(carol, true, false, false, false, -1, "-", "none"), member(carol, analyst, false)}},
		{name: "grant roles to a user with admin option and to a role",
			changes: []change.Change{
				{Kind: change.GrantRole, Member: &change.MemberSpec{Role: analyst, Member: user(alice), AdminOption: true}},
				{Kind: change.GrantRole, Member: &change.MemberSpec{Role: ro, Member: role(analyst)}}},
			added: []string{member(alice, analyst, true), member(analyst, ro, false)}},
		{name: "alter user attributes",
			changes: []change.Change{{Kind: change.AlterUser, User: &change.UserSpec{Name: alice, Superuser: ptr(true), CreateDB: ptr(false),
				CreateRole: ptr(true), ConnectionLimit: ptr(-1)}}},
			removed: []string{roleLine(alice, true, false, true, false, 5, "2030-06-10 12:00:00", "scram")},
			added:   []string{roleLine(alice, true, true, false, true, -1, "2030-06-10 12:00:00", "scram")}},
		{name: "new password that never expires",
			changes: []change.Change{{Kind: change.AlterUser, User: &change.UserSpec{Name: alice, Password: ptr(pw2), ValidUntil: "infinity"}}},
			removed: []string{roleLine(alice, true, true, false, true, -1, "2030-06-10 12:00:00", "scram")},
			added:   []string{roleLine(alice, true, true, false, true, -1, "infinity", "scram")},
			check: func(t *testing.T) {
				if err := e.login(alice, pw2); err != nil {
					t.Fatalf("login with the new password: %v", err)
				}
				if err := e.login(alice, pw1); !authFailed(err) {
					t.Fatalf("the old password still works: %v", err)
				}
			}},
		{name: "remove the password",
			changes: []change.Change{{Kind: change.AlterUser, User: &change.UserSpec{Name: alice, PasswordDisabled: ptr(true)}}},
			removed: []string{roleLine(alice, true, true, false, true, -1, "infinity", "scram")},
			added:   []string{roleLine(alice, true, true, false, true, -1, "infinity", "none")}},
		{name: "expire a password without changing it",
			changes: []change.Change{{Kind: change.AlterUser, User: &change.UserSpec{Name: carol, ValidUntil: "2031-01-02T03:04:05Z"}}},
			removed: []string{roleLine(carol, true, false, false, false, -1, "-", "none")},
			added:   []string{roleLine(carol, true, false, false, false, -1, "2031-01-02 03:04:05", "none")}},
		{name: "rename a user without a password",
			changes: []change.Change{{Kind: change.AlterUser, User: &change.UserSpec{Name: bob, RenameTo: bob2}}},
			removed: []string{roleLine(bob, true, false, false, false, -1, "-", "none")},
			added:   []string{roleLine(bob2, true, false, false, false, -1, "-", "none")}},
		{name: "a SCRAM password survives a rename",
			changes: []change.Change{
				{Kind: change.CreateUser, User: &change.UserSpec{Name: dave, Password: ptr(pw1)}},
				{Kind: change.AlterUser, User: &change.UserSpec{Name: dave, RenameTo: dave2}}},
			added: []string{roleLine(dave2, true, false, false, false, -1, "-", "scram")},
			check: func(t *testing.T) {
				if err := e.login(dave2, pw1); err != nil {
					t.Fatalf("login under the new name with the old password: %v", err)
				}
			}},
		{name: "rename with a new password",
			changes: []change.Change{{Kind: change.AlterUser, User: &change.UserSpec{Name: dave2, RenameTo: dave, Password: ptr(pw2)}}},
			removed: []string{roleLine(dave2, true, false, false, false, -1, "-", "scram")},
			added:   []string{roleLine(dave, true, false, false, false, -1, "-", "scram")},
			check: func(t *testing.T) {
				if err := e.login(dave, pw2); err != nil {
					t.Fatalf("login: %v", err)
				}
			}},
		{name: "database privileges",
			changes: []change.Change{privs(true, change.PrivilegeSpec{Privileges: []string{"CREATE", "CONNECT", "TEMPORARY"}, Target: change.TargetObjects,
				Objects: []model.ObjectRef{{Kind: model.ObjDatabase, Name: db}}, Grantee: user(alice)})},
			added: []string{acl("database", db, alice, "CREATE", false), acl("database", db, alice, "CONNECT", false), acl("database", db, alice, "TEMPORARY", false)}},
		{name: "schema privileges with grant option, and to PUBLIC",
			changes: []change.Change{
				privs(true, change.PrivilegeSpec{Privileges: []string{"USAGE", "CREATE"}, Target: change.TargetObjects,
					Objects: []model.ObjectRef{{Kind: model.ObjSchema, Schema: "sales"}}, Grantee: role(analyst), GrantOption: true}),
				privs(true, change.PrivilegeSpec{Privileges: []string{"USAGE"}, Target: change.TargetObjects,
					Objects: []model.ObjectRef{{Kind: model.ObjSchema, Schema: oddSchema}}, Grantee: model.Public})},
			added: []string{acl("schema", "sales", analyst, "USAGE", true), acl("schema", "sales", analyst, "CREATE", true),
				acl("schema", oddSchema, "PUBLIC", "USAGE", false)}},
		{name: "table privileges on several tables",
			changes: []change.Change{privs(true, change.PrivilegeSpec{Privileges: []string{"SELECT", "INSERT"}, Target: change.TargetObjects,
				Objects: []model.ObjectRef{orders, items}, Grantee: role(analyst)})},
			added: []string{acl("table", "sales.orders", analyst, "SELECT", false), acl("table", "sales.orders", analyst, "INSERT", false),
				acl("table", "sales.items", analyst, "SELECT", false), acl("table", "sales.items", analyst, "INSERT", false)},
			check: func(t *testing.T) {
				// carol is in analyst: the grant reaches her through the role.
				var ok bool
				if err := e.pool.QueryRow(e.ctx(), "SELECT has_table_privilege($1, 'sales.orders', 'SELECT')", carol).Scan(&ok); err != nil || !ok {
					t.Fatalf("carol has SELECT through analyst: %v %v", ok, err)
				}
			}},
		{name: "column privileges",
			changes: []change.Change{privs(true, change.PrivilegeSpec{Privileges: []string{"SELECT", "UPDATE"}, Target: change.TargetObjects,
				Objects: []model.ObjectRef{orders}, Columns: []string{"amount", "Note Col"}, Grantee: user(bob2)})},
			added: []string{acl("column", "sales.orders.amount", bob2, "SELECT", false), acl("column", "sales.orders.amount", bob2, "UPDATE", false),
				acl("column", "sales.orders.Note Col", bob2, "SELECT", false), acl("column", "sales.orders.Note Col", bob2, "UPDATE", false)}},
		{name: "function, procedure and language",
			changes: []change.Change{
				privs(true, change.PrivilegeSpec{Privileges: []string{"EXECUTE"}, Target: change.TargetObjects, Objects: []model.ObjectRef{addFn}, Grantee: role(ro)}),
				privs(true, change.PrivilegeSpec{Privileges: []string{"EXECUTE"}, Target: change.TargetObjects, Objects: []model.ObjectRef{loadProc}, Grantee: user(carol)}),
				privs(true, change.PrivilegeSpec{Privileges: []string{"USAGE"}, Target: change.TargetObjects, Objects: []model.ObjectRef{{Kind: model.ObjLanguage, Name: "plpgsql"}}, Grantee: role(analyst)})},
			added: []string{acl("function", "sales.add(a integer, b integer)", ro, "EXECUTE", false),
				acl("procedure", "sales.load(IN n integer)", carol, "EXECUTE", false), acl("language", "plpgsql", analyst, "USAGE", false)}},
		{name: "all tables, functions and procedures in a schema",
			changes: []change.Change{
				privs(true, change.PrivilegeSpec{Privileges: []string{"SELECT"}, Target: change.TargetAllInSchema, Kind: model.ObjTable, Schemas: []string{"sales", oddSchema}, Grantee: user(carol)}),
				privs(true, change.PrivilegeSpec{Privileges: []string{"EXECUTE"}, Target: change.TargetAllInSchema, Kind: model.ObjFunction, Schemas: []string{"sales"}, Grantee: user(carol)}),
				privs(true, change.PrivilegeSpec{Privileges: []string{"EXECUTE"}, Target: change.TargetAllInSchema, Kind: model.ObjProcedure, Schemas: []string{"sales"}, Grantee: user(alice)})},
			added: []string{acl("table", "sales.orders", carol, "SELECT", false), acl("table", "sales.items", carol, "SELECT", false),
				acl("table", oddSchema+".Wide Table", carol, "SELECT", false), acl("function", "sales.add(a integer, b integer)", carol, "EXECUTE", false),
				acl("procedure", "sales.load(IN n integer)", alice, "EXECUTE", false)}},
		{name: "revoke a privilege, a grant option and a column privilege",
			changes: []change.Change{
				privs(false, change.PrivilegeSpec{Privileges: []string{"INSERT"}, Target: change.TargetObjects, Objects: []model.ObjectRef{orders}, Grantee: role(analyst)}),
				privs(false, change.PrivilegeSpec{Privileges: []string{"USAGE"}, Target: change.TargetObjects, Objects: []model.ObjectRef{{Kind: model.ObjSchema, Schema: "sales"}},
					Grantee: role(analyst), GrantOption: true}),
				privs(false, change.PrivilegeSpec{Privileges: []string{"UPDATE"}, Target: change.TargetObjects,
					Objects: []model.ObjectRef{{Kind: model.ObjColumn, Schema: "sales", Name: "orders", Column: "amount"}}, Grantee: user(bob2)})},
			removed: []string{acl("table", "sales.orders", analyst, "INSERT", false), acl("schema", "sales", analyst, "USAGE", true),
				acl("column", "sales.orders.amount", bob2, "UPDATE", false)},
			added: []string{acl("schema", "sales", analyst, "USAGE", false)}},
		{name: "revoke all tables in a schema",
			changes: []change.Change{privs(false, change.PrivilegeSpec{Privileges: []string{"ALL"}, Target: change.TargetAllInSchema, Kind: model.ObjTable, Schemas: []string{oddSchema}, Grantee: user(carol)})},
			removed: []string{acl("table", oddSchema+".Wide Table", carol, "SELECT", false)}},
		{name: "default privileges of every object type",
			changes: []change.Change{
				defaults(true, change.DefaultSpec{Creator: user(alice), Schema: "sales", ObjectType: model.DefTables, Privileges: []string{"SELECT"}, Grantee: role(analyst)}),
				defaults(true, change.DefaultSpec{Creator: user(alice), ObjectType: model.DefSequences, Privileges: []string{"USAGE"}, Grantee: user(carol)}),
				defaults(true, change.DefaultSpec{Creator: user(alice), ObjectType: model.DefFunctions, Privileges: []string{"EXECUTE"}, Grantee: role(ro)}),
				defaults(false, change.DefaultSpec{Creator: role(analyst), ObjectType: model.DefTypes, Privileges: []string{"USAGE"}, Grantee: model.Public}),
				defaults(true, change.DefaultSpec{Creator: user(alice), ObjectType: model.DefSchemas, Privileges: []string{"USAGE", "CREATE"}, Grantee: user(carol), GrantOption: true})},
			added: []string{
				def(alice, "sales", "tables", "grant", analyst, "SELECT", false),
				def(alice, "*", "sequences", "grant", carol, "USAGE", false),
				def(alice, "*", "functions", "grant", ro, "EXECUTE", false),
				def(analyst, "*", "types", "no-builtin", "PUBLIC", "USAGE", false),
				def(alice, "*", "schemas", "grant", carol, "USAGE", true), def(alice, "*", "schemas", "grant", carol, "CREATE", true)},
			check: func(t *testing.T) {
				// The default applies to a table alice creates later.
				pgtest.Exec(t, e.dsn, "SET ROLE "+ident(alice), "CREATE TABLE "+qual("sales", "later")+" (x integer)", "RESET ROLE")
				var ok bool
				if err := e.pool.QueryRow(e.ctx(), "SELECT has_table_privilege($1, 'sales.later', 'SELECT')", analyst).Scan(&ok); err != nil || !ok {
					t.Fatalf("default privilege did not reach the new table: %v %v", ok, err)
				}
				pgtest.Exec(t, e.dsn, "DROP TABLE "+qual("sales", "later"))
			}},
		{name: "revoke default privileges",
			changes: []change.Change{
				defaults(false, change.DefaultSpec{Creator: user(alice), Schema: "sales", ObjectType: model.DefTables, Privileges: []string{"SELECT"}, Grantee: role(analyst)}),
				defaults(false, change.DefaultSpec{Creator: user(alice), ObjectType: model.DefSchemas, Privileges: []string{"CREATE"}, Grantee: user(carol), GrantOption: true})},
			removed: []string{def(alice, "sales", "tables", "grant", analyst, "SELECT", false), def(alice, "*", "schemas", "grant", carol, "CREATE", true)},
			added:   []string{def(alice, "*", "schemas", "grant", carol, "CREATE", false)}},
		{name: "revoke the admin option, then a role from a role",
			changes: []change.Change{
				{Kind: change.RevokeRole, Member: &change.MemberSpec{Role: analyst, Member: user(alice), AdminOption: true}},
				{Kind: change.RevokeRole, Member: &change.MemberSpec{Role: ro, Member: role(analyst)}}},
			removed: []string{member(alice, analyst, true), member(analyst, ro, false)},
			added:   []string{member(alice, analyst, false)}},
		{name: "grant a role to a role with admin option",
			changes: []change.Change{{Kind: change.GrantRole, Member: &change.MemberSpec{Role: ro, Member: role(analyst), AdminOption: true}}},
			added:   []string{member(analyst, ro, true)}},
		{name: "create and rename a role",
			changes: []change.Change{{Kind: change.CreateRole, Role: &change.RoleSpec{Name: tmp}}, {Kind: change.AlterRole, Role: &change.RoleSpec{Name: tmp, RenameTo: tmp2}}},
			added:   []string{roleLine(tmp2, false, false, false, false, -1, "-", "none")}},
		{name: "drop a role with its memberships (force)",
			changes: []change.Change{{Kind: change.CreateRole, Role: &change.RoleSpec{Name: zed}},
				{Kind: change.GrantRole, Member: &change.MemberSpec{Role: zed, Member: user(carol)}}},
			added: []string{roleLine(zed, false, false, false, false, -1, "-", "none"), member(carol, zed, false)}},
		{name: "drop role and drop user",
			changes: []change.Change{{Kind: change.DropRole, Role: &change.RoleSpec{Name: zed, Force: true}},
				{Kind: change.DropRole, Role: &change.RoleSpec{Name: tmp2}},
				{Kind: change.CreateUser, User: &change.UserSpec{Name: yuri}}, {Kind: change.DropUser, User: &change.UserSpec{Name: yuri}}},
			removed: []string{roleLine(zed, false, false, false, false, -1, "-", "none"), member(carol, zed, false), roleLine(tmp2, false, false, false, false, -1, "-", "none")}},
	}
	for _, st := range steps {
		ok := t.Run(st.name, func(t *testing.T) {
			before := e.dump()
			// The snapshot comes from the catalog reader, as in the app.
			if err := e.run(e.snapshot(), st.changes...); err != nil {
				t.Fatalf("apply: %v", err)
			}
			added, removed := diff(before, e.dump())
			if !slices.Equal(sorted(added), sorted(st.added)) {
				t.Errorf("added rows\n got: %q\nwant: %q", added, sorted(st.added))
			}
			if !slices.Equal(sorted(removed), sorted(st.removed)) {
				t.Errorf("removed rows\n got: %q\nwant: %q", removed, sorted(st.removed))
			}
			if st.check != nil && !t.Failed() {
				st.check(t)
			}
		})
		if !ok {
			break
		}
	}
	// The audit log holds every statement, redacted.
	page, err := e.audit.Read(0)
	if err != nil {
		t.Fatal(err)
	}
	for _, en := range page.Entries {
		for _, secret := range []string{pw1, pw2, "SCRAM-SHA-256$"} {
			if strings.Contains(en.Statement, secret) {
				t.Fatalf("audit entry leaks a secret: %q", en.Statement)
			}
		}
	}
}

// A set whose middle statement fails rolls back: the catalog rows are
// byte-identical afterwards.
func TestFailingStatementRollsBackEverything(t *testing.T) {
	e := newEnv(t)
	e.objects()
	before := e.dump()
	err := e.run(e.snapshot(),
		change.Change{Kind: change.CreateUser, User: &change.UserSpec{Name: e.p + "first", Password: ptr("Secret-123")}},
		change.Change{Kind: change.CreateRole, Role: &change.RoleSpec{Name: e.p + "second"}},
		change.Change{Kind: change.GrantPrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"SELECT"}, Target: change.TargetObjects,
			Objects: []model.ObjectRef{table("sales", "orders")}, Grantee: role(e.p + "second")}},
		change.Change{Kind: change.GrantPrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"SELECT"}, Target: change.TargetObjects,
			Objects: []model.ObjectRef{table("sales", "no such table")}, Grantee: role(e.p + "second")}},
		change.Change{Kind: change.CreateRole, Role: &change.RoleSpec{Name: e.p + "last"}},
	)
	if err == nil || !strings.Contains(err.Error(), "statement 4 of 5 failed") || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("err = %v; want statement 4 named with the server's message", err)
	}
	if after := e.dump(); strings.Join(after, "\n") != strings.Join(before, "\n") {
		added, removed := diff(before, after)
		t.Fatalf("catalog changed after a rollback: added %q removed %q", added, removed)
	}
}

// The model read back through the catalog reader changes exactly as the
// changes say, and in nothing else.
func TestReloadedModelMatches(t *testing.T) {
	e := newEnv(t)
	e.objects()
	p := e.p
	before := modelFacts(e.snapshot(), p)
	err := e.run(e.snapshot(),
		change.Change{Kind: change.CreateUser, User: &change.UserSpec{Name: p + "u", Password: ptr("Secret-123"), CreateDB: ptr(true), ConnectionLimit: ptr(7)}},
		change.Change{Kind: change.CreateRole, Role: &change.RoleSpec{Name: p + "r"}},
		change.Change{Kind: change.GrantRole, Member: &change.MemberSpec{Role: p + "r", Member: user(p + "u"), AdminOption: true}},
		change.Change{Kind: change.GrantPrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"SELECT", "UPDATE"}, Target: change.TargetObjects,
			Objects: []model.ObjectRef{table("sales", "orders")}, Grantee: role(p + "r"), GrantOption: true}},
		change.Change{Kind: change.GrantPrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"USAGE"}, Target: change.TargetObjects,
			Objects: []model.ObjectRef{{Kind: model.ObjSchema, Schema: "sales"}}, Grantee: role(p + "r")}},
		change.Change{Kind: change.GrantDefaultPrivileges, Default: &change.DefaultSpec{Creator: user(p + "u"), Schema: "sales",
			ObjectType: model.DefTables, Privileges: []string{"SELECT"}, Grantee: role(p + "r")}},
	)
	if err != nil {
		t.Fatal(err)
	}
	added, removed := diff(before, modelFacts(e.snapshot(), p))
	want := []string{
		"user " + p + "u super=false createdb=true createrole=false connlimit=7",
		"role " + p + "r",
		"member " + p + "u of " + p + "r admin=true",
		"grant SELECT on table sales.orders to role " + p + "r option=true",
		"grant UPDATE on table sales.orders to role " + p + "r option=true",
		"grant USAGE on schema sales. to role " + p + "r option=false",
		"default " + p + "u sales tables SELECT to role " + p + "r option=false",
	}
	if !slices.Equal(sorted(added), sorted(want)) || len(removed) != 0 {
		t.Fatalf("model changed by\n added %q\nremoved %q\n want added %q", sorted(added), removed, sorted(want))
	}
}

// modelFacts lists what the snapshot says about the test's principals.
func modelFacts(s *model.Snapshot, p string) []string {
	var out []string
	mine := func(r model.PrincipalRef) bool { return strings.HasPrefix(r.Name, p) }
	for _, u := range s.Users {
		if strings.HasPrefix(u.Name, p) {
			out = append(out, fmt.Sprintf("user %s super=%t createdb=%t createrole=%t connlimit=%d", u.Name, u.Superuser, u.CreateDB, u.CreateRole, u.ConnectionLimit))
		}
	}
	for _, r := range s.Roles {
		if strings.HasPrefix(r.Name, p) {
			out = append(out, "role "+r.Name)
		}
	}
	for _, m := range s.Memberships {
		if mine(m.Member) || mine(m.Of) {
			out = append(out, fmt.Sprintf("member %s of %s admin=%t", m.Member.Name, m.Of.Name, m.AdminOption))
		}
	}
	for _, g := range s.Grants.All() {
		if mine(g.Grantee) {
			out = append(out, fmt.Sprintf("grant %s on %s %s.%s to %s %s option=%t", g.Privilege, g.Object.Kind, g.Object.Schema, g.Object.Name, g.Grantee.Kind, g.Grantee.Name, g.GrantOption))
		}
	}
	for _, d := range s.DefaultPrivileges {
		if (mine(d.Creator) || mine(d.Grantee)) && !d.Implied {
			out = append(out, fmt.Sprintf("default %s %s %s %s to %s %s option=%t", d.Creator.Name, d.Schema, d.ObjectType, d.Privilege, d.Grantee.Kind, d.Grantee.Name, d.GrantOption))
		}
	}
	slices.Sort(out)
	return out
}

// Bad input is refused with a specific message before any SQL reaches the
// server: the query tracer sees nothing between Build and the error.
func TestRejectedChangesSendNoSQL(t *testing.T) {
	e := newEnv(t)
	e.objects()
	p := e.p
	pgtest.Exec(t, e.dsn, "CREATE ROLE "+ident(p+"cyc_a")+" NOLOGIN", "CREATE ROLE "+ident(p+"cyc_b")+" NOLOGIN",
		"GRANT "+ident(p+"cyc_a")+" TO "+ident(p+"cyc_b"),
		"CREATE ROLE "+ident(p+"m1")+" NOLOGIN", "CREATE ROLE "+ident(p+"m2")+" NOLOGIN", "CREATE ROLE "+ident(p+"r")+" NOLOGIN",
		"CREATE ROLE "+ident(p+"login")+" LOGIN")
	me := e.currentUser().Name
	grantTbl := func(ps change.PrivilegeSpec) change.Change {
		return change.Change{Kind: change.GrantPrivileges, Privilege: &ps}
	}
	cases := []struct {
		name    string
		changes []change.Change
		want    string
	}{
		{"empty set", nil, "there are no changes"},
		{"empty name", []change.Change{{Kind: change.CreateUser, User: &change.UserSpec{Name: " "}}}, "the user name is empty"},
		{"NUL in a name", []change.Change{{Kind: change.CreateRole, Role: &change.RoleSpec{Name: "a\x00b"}}}, "NUL"},
		{"overlong name", []change.Change{{Kind: change.CreateRole, Role: &change.RoleSpec{Name: p + strings.Repeat("x", 60)}}}, "PostgreSQL allows at most 63"},
		{"weak password", []change.Change{{Kind: change.CreateUser, User: &change.UserSpec{Name: p + "w", Password: ptr("abc")}}}, "at least 8 are required"},
		{"NUL in a password", []change.Change{{Kind: change.CreateUser, User: &change.UserSpec{Name: p + "w", Password: ptr("Secret-12\x003")}}}, "NUL"},
		{"role granted to itself", []change.Change{{Kind: change.GrantRole, Member: &change.MemberSpec{Role: p + "x", Member: role(p + "x")}}}, "cannot be granted to itself"},
		{"cycle with the catalog", []change.Change{{Kind: change.GrantRole, Member: &change.MemberSpec{Role: p + "cyc_b", Member: role(p + "cyc_a")}}}, "would make a cycle"},
		{"cycle within the set", []change.Change{
			{Kind: change.GrantRole, Member: &change.MemberSpec{Role: p + "m1", Member: role(p + "m2")}},
			{Kind: change.GrantRole, Member: &change.MemberSpec{Role: p + "m2", Member: role(p + "m1")}}}, "would make a cycle"},
		{"dropping the connected user", []change.Change{{Kind: change.DropUser, User: &change.UserSpec{Name: me}}}, "it is the user this connection is logged in as"},
		{"negative connection limit", []change.Change{{Kind: change.AlterUser, User: &change.UserSpec{Name: p + "w", ConnectionLimit: ptr(-5)}}}, "connection limit -5 is negative"},
		{"valid until in the past", []change.Change{{Kind: change.AlterUser, User: &change.UserSpec{Name: p + "w", ValidUntil: "2001-01-01"}}}, "is in the past"},
		{"valid until not a date", []change.Change{{Kind: change.AlterUser, User: &change.UserSpec{Name: p + "w", ValidUntil: "soon'; DROP ROLE x; --"}}}, "is not a date and time"},
		{"password set and disabled", []change.Change{{Kind: change.AlterUser, User: &change.UserSpec{Name: p + "w", Password: ptr("Secret-123"), PasswordDisabled: ptr(true)}}}, "set and disabled"},
		{"group on PostgreSQL", []change.Change{{Kind: change.CreateGroup, Group: &change.GroupSpec{Name: p + "g"}}}, "PostgreSQL has no groups"},
		{"system permissions on PostgreSQL", []change.Change{{Kind: change.GrantSystemPrivileges, System: &change.SystemSpec{Role: p + "r", Privileges: []string{"CREATE USER"}}}}, "no system permissions"},
		{"scoped permissions on PostgreSQL", []change.Change{grantTbl(change.PrivilegeSpec{Privileges: []string{"SELECT"}, Target: change.TargetScopedInSchema, Kind: model.ObjTable, Schemas: []string{"sales"}, Grantee: role(p + "r")})}, "no scoped permissions"},
		{"grant option to PUBLIC", []change.Change{grantTbl(change.PrivilegeSpec{Privileges: []string{"SELECT"}, Target: change.TargetObjects, Objects: []model.ObjectRef{table("sales", "orders")}, Grantee: model.Public, GrantOption: true})}, "cannot be given to a group or PUBLIC"},
		{"unknown privilege", []change.Change{grantTbl(change.PrivilegeSpec{Privileges: []string{"SELECT; DROP TABLE x"}, Target: change.TargetObjects, Objects: []model.ObjectRef{table("sales", "orders")}, Grantee: role(p + "r")})}, "has no privilege"},
		{"function arguments that end the statement", []change.Change{grantTbl(change.PrivilegeSpec{Privileges: []string{"EXECUTE"}, Target: change.TargetObjects,
			Objects: []model.ObjectRef{{Kind: model.ObjFunction, Schema: "sales", Name: "add", Args: "integer); DROP TABLE x; --"}}, Grantee: role(p + "r")})}, "argument list"},
		{"reserved pg_ name", []change.Change{{Kind: change.CreateRole, Role: &change.RoleSpec{Name: "pg_" + p}}}, "reserved by PostgreSQL"},
		{"Redshift-only session timeout", []change.Change{{Kind: change.CreateUser, User: &change.UserSpec{Name: p + "w", SessionTimeout: ptr(600)}}}, "SESSION TIMEOUT is a Redshift setting"},
		// Against the loaded catalog (issue 7 §6) and the size limits (§4).
		{"a user named as an existing role", []change.Change{{Kind: change.CreateUser, User: &change.UserSpec{Name: p + "r"}}}, "a role named " + p + "r already exists; user and role names must differ"},
		{"a role that exists", []change.Change{{Kind: change.CreateRole, Role: &change.RoleSpec{Name: p + "m1"}}}, "a role named " + p + "m1 already exists"},
		{"renaming a user to a role's name", []change.Change{{Kind: change.AlterUser, User: &change.UserSpec{Name: p + "login", RenameTo: p + "m2"}}}, "user and role names must differ"},
		{"renaming the connected user", []change.Change{{Kind: change.AlterUser, User: &change.UserSpec{Name: me, RenameTo: p + "me2"}}}, "you cannot rename"},
		{"a member of the wrong kind", []change.Change{{Kind: change.GrantRole, Member: &change.MemberSpec{Role: p + "m1", Member: model.UserRef(p + "m2")}}}, p + "m2 is a role, not a user"},
		{"IN ROLE naming a missing role", []change.Change{{Kind: change.CreateUser, User: &change.UserSpec{Name: p + "new", InGroups: []string{p + "ghost"}}}}, "there is no role named " + p + "ghost"},
		{"FOR ROLE naming a user", []change.Change{{Kind: change.GrantDefaultPrivileges, Default: &change.DefaultSpec{Creator: role(p + "login"), ObjectType: model.DefTables, Privileges: []string{"SELECT"}, Grantee: role(p + "r")}}}, p + "login is a user, not a role"},
		{"a connection limit beyond int4", []change.Change{{Kind: change.AlterUser, User: &change.UserSpec{Name: p + "login", ConnectionLimit: ptr(1 << 40)}}}, "larger than the server accepts"},
		{"an oversized password", []change.Change{{Kind: change.CreateUser, User: &change.UserSpec{Name: p + "big", Password: ptr(strings.Repeat("Pw1-", 50000))}}}, "the password is 200000 bytes long"},
		{"an oversized name", []change.Change{{Kind: change.CreateRole, Role: &change.RoleSpec{Name: strings.Repeat("n", 100000)}}}, "the role name is 100000 bytes long"},
		{"dropping a user that does not exist", []change.Change{{Kind: change.DropUser, User: &change.UserSpec{Name: p + "ghost"}}}, "there is no user named " + p + "ghost"},
		{"a good change before a bad one", []change.Change{
			{Kind: change.CreateRole, Role: &change.RoleSpec{Name: p + "good"}},
			{Kind: change.CreateRole, Role: &change.RoleSpec{Name: p + "bad", ExternalID: "x"}}}, "change 2 (create role)"},
	}
	if len(cases) < 20 {
		t.Fatalf("only %d bad-input cases", len(cases))
	}
	before := e.dump()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			snap := e.snapshot()
			e.counter.Reset()
			err := e.run(snap, tc.changes...)
			if err == nil {
				t.Fatal("accepted")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %q does not say %q", err, tc.want)
			}
			if n := e.counter.StatementCount(); n != 0 {
				t.Fatalf("%d statements reached the server: %q", n, e.counter.Statements())
			}
		})
	}
	if after := e.dump(); !slices.Equal(before, after) {
		t.Fatalf("catalog changed")
	}
	// The tracer does see a plan that is applied: BEGIN, the transaction's two
	// timeouts, the statement, COMMIT (then the catalog read that checks it).
	snap := e.snapshot()
	e.counter.Reset()
	if err := e.run(snap, change.Change{Kind: change.CreateRole, Role: &change.RoleSpec{Name: p + "fine"}}); err != nil {
		t.Fatal(err)
	}
	if got := e.counter.Statements(); len(got) < 5 || got[0] != "BEGIN" || got[3] != `CREATE ROLE "`+p+`fine" NOLOGIN` || got[4] != "COMMIT" {
		t.Fatalf("traced %q", got)
	}
}
