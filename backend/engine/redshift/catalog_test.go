package redshift

// Integration tests: the unchanged Redshift reader against the Redshift-shaped
// catalog fixture (rsfixture) in a real PostgreSQL test database.

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/engine/redshift/rsfixture"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

func qi(s string) string         { return pgx.Identifier{s}.Sanitize() }
func qn(schema, s string) string { return pgx.Identifier{schema, s}.Sanitize() }

// world is a seeded catalog and the names it uses.
type world struct {
	dsn, db, admin, bootstrap                          string
	p                                                  string // unique prefix every name contains
	super, creator, iamr, mixed, uni, idc, plain, long string
	r1, r2, r3, sysRole, grp, grpEmpty                 string
	sales, odd, ext                                    string
	weird                                              string
}

func newWorld(t *testing.T) *world {
	t.Helper()
	p := pgtest.Prefix()
	w := &world{
		dsn: pgtest.NewDatabase(t), p: p,
		super: p + "super", creator: p + "creator", iamr: "IAMR:" + p + "my-role", mixed: p + "MixedCase",
		uni: p + "ünï_用户", idc: "aad:" + p + "bob", plain: p + "plain",
		long: p + strings.Repeat("x", 63-len(p)), // PostgreSQL keeps 63 bytes (Redshift: 127)
		r1:   p + "r1", r2: p + "r2", r3: p + "r3", sysRole: "sys:" + p + "monitor",
		grp: rsfixture.GroupPrefix + p + "analysts", grpEmpty: rsfixture.GroupPrefix + p + "empty",
		sales: p + "sales", odd: p + "Odd Schema", ext: p + "ext", weird: `Weird "Table"`,
	}
	u, _ := url.Parse(w.dsn)
	w.db = strings.TrimPrefix(u.Path, "/")
	rsfixture.Install(t, w.dsn)
	w.admin = pgtest.QueryValue[string](t, w.dsn, "SELECT current_user::text")
	w.bootstrap = pgtest.QueryValue[string](t, w.dsn, "SELECT rolname::text FROM pg_roles WHERE oid = 10")
	t.Cleanup(func() { dropRoles(t, w.dsn, p) })
	return w
}

// dropRoles removes the test's cluster-wide roles (the database goes with pgtest's cleanup).
func dropRoles(t *testing.T, dsn, prefix string) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Logf("cleanup: %v", err)
		return
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, `SELECT rolname::text FROM pg_roles WHERE strpos(rolname, $1) > 0`, prefix)
	if err != nil {
		t.Logf("cleanup: %v", err)
		return
	}
	names, _ := pgx.CollectRows(rows, pgx.RowTo[string])
	for _, n := range names {
		if _, err := conn.Exec(ctx, "DROP OWNED BY "+qi(n)+" CASCADE"); err != nil {
			t.Logf("cleanup: %v", err)
		}
	}
	for _, n := range names {
		if _, err := conn.Exec(ctx, "DROP ROLE IF EXISTS "+qi(n)); err != nil {
			t.Logf("cleanup: %v", err)
		}
	}
}

func (w *world) seed(t *testing.T) {
	t.Helper()
	sales, odd := qi(w.sales), qi(w.odd)
	orders, weird := qn(w.sales, "orders"), qn(w.odd, w.weird)
	pgtest.Exec(t, w.dsn,
		// users
		"CREATE ROLE "+qi(w.super)+" LOGIN SUPERUSER PASSWORD 'pw-1'",
		"CREATE ROLE "+qi(w.creator)+" LOGIN CREATEDB CONNECTION LIMIT 5 PASSWORD 'pw-2' VALID UNTIL '2031-01-01 00:00:00+00'",
		"ALTER ROLE "+qi(w.creator)+" SET search_path = a, b",
		"CREATE ROLE "+qi(w.iamr)+" LOGIN",
		"CREATE ROLE "+qi(w.mixed)+" LOGIN PASSWORD 'pw-3'",
		"CREATE ROLE "+qi(w.uni)+" LOGIN PASSWORD 'pw-4'",
		"CREATE ROLE "+qi(w.idc)+" LOGIN",
		"CREATE ROLE "+qi(w.plain)+" LOGIN PASSWORD 'pw-5'",
		"CREATE ROLE "+qi(w.long)+" LOGIN PASSWORD 'pw-6'",
		// roles, nested three deep (r3 holds r2 holds r1), a system-like role, groups
		"CREATE ROLE "+qi(w.r1),
		"CREATE ROLE "+qi(w.r2),
		"CREATE ROLE "+qi(w.r3),
		"CREATE ROLE "+qi(w.sysRole),
		"CREATE ROLE "+qi(w.grp),
		"CREATE ROLE "+qi(w.grpEmpty),
		"GRANT "+qi(w.r1)+" TO "+qi(w.r2),
		"GRANT "+qi(w.r2)+" TO "+qi(w.r3),
		"GRANT "+qi(w.r3)+" TO "+qi(w.plain)+" WITH ADMIN OPTION",
		"GRANT "+qi(w.r1)+" TO "+qi(w.creator),
		"GRANT "+qi(w.sysRole)+" TO "+qi(w.mixed),
		"GRANT "+qi(w.grp)+" TO "+qi(w.plain)+", "+qi(w.creator)+", "+qi(w.uni),
		// objects
		"CREATE SCHEMA "+sales+" AUTHORIZATION "+qi(w.creator),
		"CREATE SCHEMA "+odd,
		"CREATE SCHEMA "+qi(w.ext),
		"CREATE TABLE "+orders+" (id integer, amount numeric(10,2), note varchar(50))",
		"CREATE TABLE "+weird+" (x integer)",
		"CREATE VIEW "+qn(w.sales, "v_orders")+" AS SELECT id, amount FROM "+orders,
		"ALTER VIEW "+qn(w.sales, "v_orders")+" OWNER TO "+qi(w.creator),
		// a view without columns is how a late-binding view looks in pg_class
		"CREATE VIEW "+qn(w.sales, "lbv")+" AS SELECT FROM "+orders,
		"CREATE MATERIALIZED VIEW "+qn(w.sales, "mv_totals")+" AS SELECT sum(amount) AS total FROM "+orders,
		"CREATE FUNCTION "+qn(w.sales, "f_total")+"(a integer, b character varying) RETURNS integer LANGUAGE sql AS 'SELECT 1'",
		"CREATE FUNCTION "+qn(w.sales, "f_total")+"(a integer) RETURNS integer LANGUAGE sql AS 'SELECT 2'",
		"CREATE PROCEDURE "+qn(w.sales, "p_load")+"(n integer) LANGUAGE plpgsql AS 'BEGIN NULL; END'",
		"ALTER PROCEDURE "+qn(w.sales, "p_load")+"(integer) OWNER TO "+qi(w.creator),
		// privileges of every kind
		"GRANT USAGE ON SCHEMA "+sales+" TO "+qi(w.r1),
		"GRANT CREATE ON SCHEMA "+sales+" TO "+qi(w.plain)+" WITH GRANT OPTION",
		"GRANT USAGE ON SCHEMA "+sales+" TO "+qi(w.grp),
		"GRANT USAGE ON SCHEMA "+odd+" TO PUBLIC",
		"GRANT SELECT, INSERT ON "+orders+" TO "+qi(w.plain)+" WITH GRANT OPTION",
		"GRANT SELECT ON "+orders+" TO "+qi(w.r2),
		"GRANT SELECT ON "+qn(w.sales, "v_orders")+" TO "+qi(w.grp),
		"GRANT DELETE ON "+weird+" TO PUBLIC",
		"GRANT REFERENCES, TRUNCATE ON "+weird+" TO "+qi(w.mixed),
		"GRANT SELECT ON "+qn(w.sales, "mv_totals")+" TO "+qi(w.r3),
		"GRANT SELECT (note), UPDATE (amount) ON "+orders+" TO "+qi(w.creator),
		"GRANT SELECT (id) ON "+orders+" TO "+qi(w.grp)+", PUBLIC",
		"REVOKE EXECUTE ON FUNCTION "+qn(w.sales, "f_total")+"(integer, character varying) FROM PUBLIC",
		"GRANT EXECUTE ON FUNCTION "+qn(w.sales, "f_total")+"(integer, character varying) TO "+qi(w.r1),
		"REVOKE EXECUTE ON PROCEDURE "+qn(w.sales, "p_load")+"(integer) FROM PUBLIC",
		"GRANT EXECUTE ON PROCEDURE "+qn(w.sales, "p_load")+"(integer) TO "+qi(w.plain)+" WITH GRANT OPTION",
		"GRANT USAGE ON LANGUAGE plpgsql TO "+qi(w.r2),
		"GRANT CREATE ON DATABASE "+qi(w.db)+" TO "+qi(w.r1),
		"GRANT TEMP ON DATABASE "+qi(w.db)+" TO "+qi(w.plain)+" WITH GRANT OPTION",
		// default privileges, per schema and database-wide
		"ALTER DEFAULT PRIVILEGES FOR ROLE "+qi(w.creator)+" IN SCHEMA "+sales+" GRANT SELECT ON TABLES TO "+qi(w.r1),
		"ALTER DEFAULT PRIVILEGES FOR ROLE "+qi(w.creator)+" IN SCHEMA "+sales+" GRANT EXECUTE ON FUNCTIONS TO "+qi(w.grp),
		"ALTER DEFAULT PRIVILEGES FOR ROLE "+qi(w.creator)+" GRANT INSERT ON TABLES TO "+qi(w.plain)+" WITH GRANT OPTION",
		"ALTER DEFAULT PRIVILEGES FOR ROLE "+qi(w.plain)+" GRANT SELECT ON TABLES TO PUBLIC",
	)
	// Redshift-only facts
	rsfixture.SetUser(t, w.dsn, w.creator, rsfixture.UserAttrs{SyslogUnrestricted: true, SessionTimeout: 3600})
	rsfixture.SetUser(t, w.dsn, w.idc, rsfixture.UserAttrs{ExternalID: "ABC123"})
	rsfixture.SetRole(t, w.dsn, w.r1, w.super, "ext-r1")
	rsfixture.GrantSystem(t, w.dsn, w.r1, "CREATE USER")
	rsfixture.GrantSystem(t, w.dsn, w.r1, "ACCESS SYSTEM TABLE")
	rsfixture.GrantSystem(t, w.dsn, w.sysRole, "ACCESS CATALOG")
	rsfixture.SetSchemaType(t, w.dsn, w.ext, "external", "spectrumdb")
	rsfixture.GrantScoped(t, w.dsn, rsfixture.Scoped{InDatabase: true, Object: w.db, Scope: "SCHEMAS", Privilege: "CREATE", Identity: w.r1})
	rsfixture.GrantScoped(t, w.dsn, rsfixture.Scoped{Object: w.sales, Scope: "TABLES", Privilege: "SELECT", Identity: w.r2})
	rsfixture.GrantScoped(t, w.dsn, rsfixture.Scoped{Object: w.sales, Scope: "FUNCTIONS", Privilege: "EXECUTE", Identity: w.plain, AdminOption: true})
}

// load runs the reader through a counting connection with the fixture's search_path.
func (w *world) load(t *testing.T, dsn string, mode pgx.QueryExecMode) (*model.Snapshot, *pgtest.QueryCounter) {
	t.Helper()
	cfg := rsfixture.Config(t, dsn, mode)
	cfg.RuntimeParams["timezone"] = "UTC"
	counter := &pgtest.QueryCounter{}
	counter.Attach(cfg)
	conn := rsfixture.Connect(t, cfg)
	snap, err := New().LoadCatalog(context.Background(), conn, nil)
	if err != nil {
		t.Fatalf("LoadCatalog: %v", err)
	}
	return snap, counter
}

func (w *world) oids(t *testing.T) map[string]int64 {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, w.dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, `SELECT rolname::text, oid::int8 FROM pg_roles WHERE strpos(rolname, $1) > 0`, w.p)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for rows.Next() {
		var n string
		var id int64
		if err := rows.Scan(&n, &id); err != nil {
			t.Fatal(err)
		}
		out[n] = id
	}
	return out
}

func (w *world) has(s string) bool { return strings.Contains(s, w.p) }

// mine keeps the parts of a snapshot this test created.
func (w *world) mine(s *model.Snapshot) *model.Snapshot {
	out := &model.Snapshot{}
	for _, u := range s.Users {
		if w.has(u.Name) {
			out.Users = append(out.Users, u)
		}
	}
	for _, r := range s.Roles {
		if w.has(r.Name) {
			out.Roles = append(out.Roles, r)
		}
	}
	for _, g := range s.Groups {
		if w.has(g.Name) {
			out.Groups = append(out.Groups, g)
		}
	}
	for _, m := range s.Memberships {
		if w.has(m.Member.Name) && w.has(m.Of.Name) {
			out.Memberships = append(out.Memberships, m)
		}
	}
	for _, x := range s.Schemas {
		if w.has(x.Name) {
			out.Schemas = append(out.Schemas, x)
		}
	}
	for _, x := range s.Relations {
		if w.has(x.Schema) {
			out.Relations = append(out.Relations, x)
		}
	}
	for _, x := range s.Routines {
		if w.has(x.Schema) {
			out.Routines = append(out.Routines, x)
		}
	}
	for _, g := range s.Grants.All() {
		// the test database is new, so every grant on it and on its languages is the test's
		if w.has(g.Object.Schema) || (g.Object.Kind == model.ObjDatabase && g.Object.Name == w.db) || g.Object.Kind == model.ObjLanguage {
			out.Grants.Add(g)
		}
	}
	for _, d := range s.DefaultPrivileges {
		if w.has(d.Creator.Name) {
			out.DefaultPrivileges = append(out.DefaultPrivileges, d)
		}
	}
	for _, p := range s.SystemPrivileges {
		if w.has(p.Grantee.Name) {
			out.SystemPrivileges = append(out.SystemPrivileges, p)
		}
	}
	out.Languages = s.Languages
	return out
}

func (w *world) expected(t *testing.T) *model.Snapshot {
	id := w.oids(t)
	user := func(name string, edit func(*model.User)) model.User {
		u := model.User{ID: id[name], Name: name, ConnectionLimit: -1, SyslogAccess: "RESTRICTED",
			Config: []string{}, Identity: model.IdentityLocal}
		if edit != nil {
			edit(&u)
		}
		return u
	}
	U := func(n string) model.PrincipalRef { return model.PrincipalRef{Kind: model.KindUser, Name: n} }
	R := func(n string) model.PrincipalRef { return model.PrincipalRef{Kind: model.KindRole, Name: n} }
	G := func(n string) model.PrincipalRef { return model.PrincipalRef{Kind: model.KindGroup, Name: n} }
	schema := func(s string) model.ObjectRef { return model.ObjectRef{Kind: model.ObjSchema, Schema: s} }
	table := func(s, n string) model.ObjectRef { return model.ObjectRef{Kind: model.ObjTable, Schema: s, Name: n} }
	column := func(c string) model.ObjectRef {
		return model.ObjectRef{Kind: model.ObjColumn, Schema: w.sales, Name: "orders", Column: c}
	}
	db := model.ObjectRef{Kind: model.ObjDatabase, Name: w.db}
	lang := model.ObjectRef{Kind: model.ObjLanguage, Name: "plpgsql"}

	s := &model.Snapshot{
		Users: []model.User{
			user(w.super, func(u *model.User) { u.Superuser = true }),
			user(w.creator, func(u *model.User) {
				u.CreateDB, u.ConnectionLimit, u.SyslogAccess, u.SessionTimeout = true, 5, "UNRESTRICTED", 3600
				u.ValidUntil, u.Config = "2031-01-01 00:00:00+00", []string{"search_path=a, b"}
			}),
			user(w.iamr, func(u *model.User) { u.Identity, u.PasswordDisabled = model.IdentityIAMRole, true }),
			user(w.mixed, nil),
			user(w.uni, nil),
			user(w.idc, func(u *model.User) { u.Identity, u.ExternalID, u.PasswordDisabled = model.IdentityIdC, "ABC123", true }),
			user(w.plain, nil),
			user(w.long, nil),
		},
		Roles: []model.Role{
			{ID: id[w.r1], Name: w.r1, Owner: w.super, ExternalID: "ext-r1"},
			{ID: id[w.r2], Name: w.r2, Owner: w.bootstrap},
			{ID: id[w.r3], Name: w.r3, Owner: w.bootstrap},
			{ID: id[w.sysRole], Name: w.sysRole, Owner: w.bootstrap, System: true},
		},
		Groups: []model.Group{{ID: id[w.grp], Name: w.grp}, {ID: id[w.grpEmpty], Name: w.grpEmpty}},
		Memberships: []model.Membership{
			{Member: R(w.r2), Of: R(w.r1)},
			{Member: R(w.r3), Of: R(w.r2)},
			{Member: U(w.plain), Of: R(w.r3), AdminOption: true},
			{Member: U(w.creator), Of: R(w.r1)},
			{Member: U(w.mixed), Of: R(w.sysRole)},
			{Member: U(w.plain), Of: G(w.grp)},
			{Member: U(w.creator), Of: G(w.grp)},
			{Member: U(w.uni), Of: G(w.grp)},
		},
		Schemas: []model.Schema{
			{Name: w.sales, Owner: w.creator, Type: "local"},
			{Name: w.odd, Owner: w.admin, Type: "local"},
			{Name: w.ext, Owner: w.admin, Type: "external"},
		},
		Relations: []model.Relation{
			{Schema: w.sales, Name: "orders", Kind: model.RelTable, Owner: w.admin},
			{Schema: w.sales, Name: "v_orders", Kind: model.RelView, Owner: w.creator},
			{Schema: w.sales, Name: "lbv", Kind: model.RelLateBindingView, Owner: w.admin},
			{Schema: w.sales, Name: "mv_totals", Kind: model.RelMaterializedView, Owner: w.admin},
			{Schema: w.odd, Name: w.weird, Kind: model.RelTable, Owner: w.admin},
		},
		Routines: []model.Routine{
			{Schema: w.sales, Name: "f_total", Args: "integer, character varying", Kind: model.ObjFunction, Owner: w.admin, Language: "sql", Result: "integer"},
			{Schema: w.sales, Name: "f_total", Args: "integer", Kind: model.ObjFunction, Owner: w.admin, Language: "sql", Result: "integer"},
			{Schema: w.sales, Name: "p_load", Args: "integer", Kind: model.ObjProcedure, Owner: w.creator, Language: "plpgsql"},
		},
		Languages: []model.Language{{Name: "plpgsql", Trusted: true}, {Name: "sql", Trusted: true}},
		Grants: model.NewGrantTable([]model.Grant{
			{Object: schema(w.sales), Grantee: R(w.r1), Privilege: "USAGE"},
			{Object: schema(w.sales), Grantee: U(w.plain), Privilege: "CREATE", GrantOption: true},
			{Object: schema(w.sales), Grantee: G(w.grp), Privilege: "USAGE"},
			{Object: schema(w.sales), Grantee: R(w.r2), Privilege: "SELECT", Scope: "TABLES"},
			{Object: schema(w.sales), Grantee: U(w.plain), Privilege: "EXECUTE", GrantOption: true, Scope: "FUNCTIONS"},
			{Object: schema(w.odd), Grantee: model.Public, Privilege: "USAGE"},
			{Object: table(w.sales, "orders"), Grantee: U(w.plain), Privilege: "SELECT", GrantOption: true},
			{Object: table(w.sales, "orders"), Grantee: U(w.plain), Privilege: "INSERT", GrantOption: true},
			{Object: table(w.sales, "orders"), Grantee: R(w.r2), Privilege: "SELECT"},
			{Object: table(w.sales, "v_orders"), Grantee: G(w.grp), Privilege: "SELECT"},
			{Object: table(w.sales, "mv_totals"), Grantee: R(w.r3), Privilege: "SELECT"},
			{Object: table(w.odd, w.weird), Grantee: model.Public, Privilege: "DELETE"},
			{Object: table(w.odd, w.weird), Grantee: U(w.mixed), Privilege: "REFERENCES"},
			{Object: table(w.odd, w.weird), Grantee: U(w.mixed), Privilege: "TRUNCATE"},
			{Object: column("note"), Grantee: U(w.creator), Privilege: "SELECT"},
			{Object: column("amount"), Grantee: U(w.creator), Privilege: "UPDATE"},
			{Object: column("id"), Grantee: G(w.grp), Privilege: "SELECT"},
			{Object: column("id"), Grantee: model.Public, Privilege: "SELECT"},
			{Object: model.ObjectRef{Kind: model.ObjFunction, Schema: w.sales, Name: "f_total", Args: "integer, character varying"},
				Grantee: R(w.r1), Privilege: "EXECUTE"},
			{Object: model.ObjectRef{Kind: model.ObjProcedure, Schema: w.sales, Name: "p_load", Args: "integer"},
				Grantee: U(w.plain), Privilege: "EXECUTE", GrantOption: true},
			// GRANT on a language writes out its implicit PUBLIC USAGE too
			{Object: lang, Grantee: model.Public, Privilege: "USAGE"},
			{Object: lang, Grantee: R(w.r2), Privilege: "USAGE"},
			// likewise the database's implicit PUBLIC TEMP
			{Object: db, Grantee: model.Public, Privilege: "TEMP"},
			{Object: db, Grantee: R(w.r1), Privilege: "CREATE"},
			{Object: db, Grantee: U(w.plain), Privilege: "TEMP", GrantOption: true},
			{Object: db, Grantee: R(w.r1), Privilege: "CREATE", Scope: "SCHEMAS"},
		}...),
		DefaultPrivileges: []model.DefaultPrivilege{
			{Creator: U(w.creator), Schema: w.sales, ObjectType: model.DefTables, Grantee: R(w.r1), Privilege: "SELECT"},
			{Creator: U(w.creator), Schema: w.sales, ObjectType: model.DefFunctions, Grantee: G(w.grp), Privilege: "EXECUTE"},
			{Creator: U(w.creator), ObjectType: model.DefTables, Grantee: U(w.plain), Privilege: "INSERT", GrantOption: true},
			{Creator: U(w.plain), ObjectType: model.DefTables, Grantee: model.Public, Privilege: "SELECT"},
		},
		SystemPrivileges: []model.SystemPrivilege{
			{Privilege: "CREATE USER", Grantee: R(w.r1)},
			{Privilege: "ACCESS SYSTEM TABLE", Grantee: R(w.r1)},
			{Privilege: "ACCESS CATALOG", Grantee: R(w.sysRole)},
		},
	}
	sortSnapshot(s)
	return s
}

// equalSets compares two lists regardless of order and reports missing and extra items.
func equalSets[T any](t *testing.T, what string, got, want []T) {
	t.Helper()
	key := func(x T) string { return fmt.Sprintf("%+v", x) }
	g, w := map[string]int{}, map[string]int{}
	for _, x := range got {
		g[key(x)]++
	}
	for _, x := range want {
		w[key(x)]++
	}
	var missing, extra []string
	for k, n := range w {
		if g[k] < n {
			missing = append(missing, k)
		}
	}
	for k, n := range g {
		if w[k] < n {
			extra = append(extra, k)
		}
	}
	slices.Sort(missing)
	slices.Sort(extra)
	for _, m := range missing {
		t.Errorf("%s: missing %s", what, m)
	}
	for _, e := range extra {
		t.Errorf("%s: unexpected %s", what, e)
	}
}

func compare(t *testing.T, got, want *model.Snapshot) {
	t.Helper()
	equalSets(t, "users", got.Users, want.Users)
	equalSets(t, "roles", got.Roles, want.Roles)
	equalSets(t, "groups", got.Groups, want.Groups)
	equalSets(t, "memberships", got.Memberships, want.Memberships)
	equalSets(t, "schemas", got.Schemas, want.Schemas)
	equalSets(t, "relations", got.Relations, want.Relations)
	equalSets(t, "routines", got.Routines, want.Routines)
	equalSets(t, "languages", got.Languages, want.Languages)
	equalSets(t, "grants", got.Grants.Slice(), want.Grants.Slice())
	equalSets(t, "default privileges", got.DefaultPrivileges, want.DefaultPrivileges)
	equalSets(t, "system privileges", got.SystemPrivileges, want.SystemPrivileges)
}

func TestLoadCatalogEqualsWhatWasCreated(t *testing.T) {
	w := newWorld(t)
	w.seed(t)
	want := w.expected(t)
	for _, mode := range []pgx.QueryExecMode{pgx.QueryExecModeExec, pgx.QueryExecModeCacheDescribe, pgx.QueryExecModeCacheStatement} {
		t.Run(mode.String(), func(t *testing.T) {
			snap, counter := w.load(t, w.dsn, mode)
			if snap.Engine != "redshift" || snap.Database != w.db || snap.Partial || len(snap.Warnings) != 0 {
				t.Errorf("engine=%q database=%q partial=%v warnings=%q", snap.Engine, snap.Database, snap.Partial, snap.Warnings)
			}
			if snap.Queries != loadStatements || counter.StatementCount() != loadStatements {
				t.Errorf("queries: snapshot says %d, tracer counted %d, want %d", snap.Queries, counter.StatementCount(), loadStatements)
			}
			if !slices.Contains(snap.Databases, model.Database{Name: w.db, Owner: w.admin}) {
				t.Errorf("databases %+v lack %s", snap.Databases, w.db)
			}
			compare(t, w.mine(snap), want)
			// every statement actually sent keeps leader-node catalogs and svv_* views apart
			for _, sql := range counter.Statements() {
				if pgName.MatchString(sql) && svvName.MatchString(sql) {
					t.Errorf("sent a statement mixing pg_* and svv_*:\n%s", sql)
				}
			}
		})
	}
}

func TestColumns(t *testing.T) {
	w := newWorld(t)
	w.seed(t)
	cfg := rsfixture.Config(t, w.dsn, pgx.QueryExecModeExec)
	counter := &pgtest.QueryCounter{}
	counter.Attach(cfg)
	conn := rsfixture.Connect(t, cfg)
	cols, err := New().Columns(context.Background(), conn, w.sales, "orders")
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Column{
		{Name: "id", Position: 1, Type: "integer"},
		{Name: "amount", Position: 2, Type: "numeric(10,2)"},
		{Name: "note", Position: 3, Type: "character varying(50)"},
	}
	if !reflect.DeepEqual(cols, want) || counter.StatementCount() != 1 {
		t.Errorf("Columns = %+v in %d statements, want %+v in 1", cols, counter.StatementCount(), want)
	}
	cols, err = New().Columns(context.Background(), conn, w.odd, w.weird)
	if err != nil || !reflect.DeepEqual(cols, []model.Column{{Name: "x", Position: 1, Type: "integer"}}) {
		t.Errorf("Columns(odd) = %+v, %v", cols, err)
	}
	cols, err = New().Columns(context.Background(), conn, w.sales, "missing")
	if err != nil || cols == nil || len(cols) != 0 {
		t.Errorf("Columns(missing) = %#v, %v; want an empty list", cols, err)
	}
}

// TestLoadStatementsAndRoundTripsSameFor10And1000Principals loads the
// database before the test adds anyone (the baseline), with 10 principals of
// its own, and after adding 990 more with memberships, tables, grants and
// system permissions: each snapshot holds exactly baseline+10 and
// baseline+1,000 principals, and each load sends the same statements in the
// same round trips (the exec mode: one round trip per statement, nothing
// prepared).
func TestLoadStatementsAndRoundTripsSameFor10And1000Principals(t *testing.T) {
	w := newWorld(t)
	principals := func(s *model.Snapshot) int { return len(s.Users) + len(s.Roles) + len(s.Groups) }
	baseSnap, c0 := w.load(t, w.dsn, pgx.QueryExecModeExec)
	base := principals(baseSnap)

	ddl := []string{}
	for i := 0; i < 5; i++ {
		ddl = append(ddl, "CREATE ROLE "+qi(fmt.Sprintf("%su%d", w.p, i))+" LOGIN",
			"CREATE ROLE "+qi(fmt.Sprintf("%sr%d", w.p, i)))
	}
	pgtest.Exec(t, w.dsn, strings.Join(ddl, ";\n"))
	small, c1 := w.load(t, w.dsn, pgx.QueryExecModeExec)

	// 330 more of each kind: 1,000 principals, with memberships, tables and grants.
	ddl = ddl[:0]
	schema := qi(w.p + "bulk")
	ddl = append(ddl, "CREATE SCHEMA "+schema)
	for i := 5; i < 335; i++ {
		u, r := qi(fmt.Sprintf("%su%d", w.p, i)), qi(fmt.Sprintf("%sr%d", w.p, i))
		g := qi(fmt.Sprintf("%s%sg%d", rsfixture.GroupPrefix, w.p, i))
		tbl := pgx.Identifier{w.p + "bulk", fmt.Sprintf("t%d", i)}.Sanitize()
		ddl = append(ddl,
			"CREATE ROLE "+u+" LOGIN", "CREATE ROLE "+r, "CREATE ROLE "+g,
			"GRANT "+r+" TO "+u, "GRANT "+g+" TO "+u,
			"CREATE TABLE "+tbl+" (a int, b text)",
			"GRANT SELECT ON "+tbl+" TO "+r, "GRANT INSERT ON "+tbl+" TO "+u, "GRANT SELECT (a) ON "+tbl+" TO "+g)
	}
	pgtest.Exec(t, w.dsn, strings.Join(ddl, ";\n"))
	setup, err := pgx.Connect(context.Background(), w.dsn)
	if err != nil {
		t.Fatal(err)
	}
	_, err = setup.Exec(context.Background(), `INSERT INTO rsfixture.system_privileges (identity_name, system_privilege)
SELECT $1 || 'r' || i, 'CREATE USER' FROM generate_series(5, 334) AS i`, w.p)
	setup.Close(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	big, c2 := w.load(t, w.dsn, pgx.QueryExecModeExec)

	if principals(small) != base+10 || principals(big) != base+1000 {
		t.Fatalf("principals: %d (baseline), %d, %d; want baseline+10 and baseline+1000", base, principals(small), principals(big))
	}
	if w.mine(big).Grants.Len() != 990 || len(w.mine(big).SystemPrivileges) != 330 {
		t.Fatalf("seeding went wrong: %d grants, %d system permissions", w.mine(big).Grants.Len(), len(w.mine(big).SystemPrivileges))
	}
	for _, c := range []struct {
		name    string
		counter *pgtest.QueryCounter
	}{{"baseline", c0}, {"10 principals", c1}, {"1,000 principals", c2}} {
		if c.counter.StatementCount() != loadStatements || c.counter.Prepares() != 0 || c.counter.RoundTrips() != loadStatements {
			t.Errorf("%s: %d statements, %d prepares, %d round trips; want %d, 0, %d", c.name,
				c.counter.StatementCount(), c.counter.Prepares(), c.counter.RoundTrips(), loadStatements, loadStatements)
		}
		if !reflect.DeepEqual(c.counter.Statements(), c0.Statements()) {
			t.Errorf("%s: statement texts differ from the baseline's", c.name)
		}
	}
	t.Logf("each load: %d statements, %d prepares, %d round trips; principals %d (baseline), %d, %d",
		c2.StatementCount(), c2.Prepares(), c2.RoundTrips(), base, principals(small), principals(big))
}

// A regular user sees fewer rows without an error; the snapshot says so.
func TestRegularUserGetsPartialSnapshot(t *testing.T) {
	w := newWorld(t)
	w.seed(t)
	full, _ := w.load(t, w.dsn, pgx.QueryExecModeExec)

	viewer := w.p + "viewer"
	pgtest.Exec(t, w.dsn, "CREATE ROLE "+qi(viewer)+" LOGIN PASSWORD 'viewer-pw-1'")
	u, _ := url.Parse(w.dsn)
	u.User = url.UserPassword(viewer, "viewer-pw-1")
	viewerDSN := u.String()

	snap, counter := w.load(t, viewerDSN, pgx.QueryExecModeExec)
	if counter.StatementCount() != loadStatements {
		t.Errorf("regular user load sent %d statements, want %d", counter.StatementCount(), loadStatements)
	}
	if !snap.Partial || len(snap.Warnings) != 3 {
		t.Fatalf("partial=%v warnings=%q, want partial with 3 warnings", snap.Partial, snap.Warnings)
	}
	for i, must := range []string{"not a superuser", "ACCESS SYSTEM TABLE", "SYSLOG ACCESS UNRESTRICTED"} {
		if !strings.Contains(snap.Warnings[i], must) || !strings.Contains(snap.Warnings[i], viewer) {
			t.Errorf("warning %d = %q; want it to name %q and the user", i, snap.Warnings[i], must)
		}
	}
	mine := w.mine(snap)
	// pg_user lists everyone; svv_user_info only the viewer; pg_user_info not at all.
	if len(mine.Users) != 9 {
		t.Errorf("users = %d, want all 9", len(mine.Users))
	}
	for _, u := range mine.Users {
		if (u.SyslogAccess != "") != (u.Name == viewer) || u.PasswordDisabled {
			t.Errorf("user %s seen by a regular user: %+v", u.Name, u)
		}
	}
	if n := mine.Grants.Len(); n == 0 || n >= w.mine(full).Grants.Len() {
		t.Errorf("regular user sees %d grants, superuser %d: want some but fewer", n, w.mine(full).Grants.Len())
	}

	// ACCESS SYSTEM TABLE through a role the viewer holds, plus SYSLOG ACCESS UNRESTRICTED:
	// privileges and memberships are complete again; only user attributes stay partial.
	pgtest.Exec(t, w.dsn, "GRANT "+qi(w.r1)+" TO "+qi(viewer))
	rsfixture.SetUser(t, w.dsn, viewer, rsfixture.UserAttrs{SyslogUnrestricted: true})
	snap, _ = w.load(t, viewerDSN, pgx.QueryExecModeExec)
	if !snap.Partial || len(snap.Warnings) != 1 || !strings.Contains(snap.Warnings[0], "not a superuser") {
		t.Fatalf("with ACCESS SYSTEM TABLE: partial=%v warnings=%q", snap.Partial, snap.Warnings)
	}
	got, want := w.mine(snap), w.mine(full)
	equalSets(t, "grants", got.Grants.Slice(), want.Grants.Slice())
	equalSets(t, "default privileges", got.DefaultPrivileges, want.DefaultPrivileges)
	equalSets(t, "system privileges", got.SystemPrivileges, want.SystemPrivileges)
	wantMemberships := append(slices.Clone(want.Memberships),
		model.Membership{Member: model.PrincipalRef{Kind: model.KindUser, Name: viewer}, Of: model.PrincipalRef{Kind: model.KindRole, Name: w.r1}})
	equalSets(t, "memberships", got.Memberships, wantMemberships)
}

func TestLoadReportsProgressAndStopsOnCancel(t *testing.T) {
	w := newWorld(t)
	cfg := rsfixture.Config(t, w.dsn, pgx.QueryExecModeExec)
	conn := rsfixture.Connect(t, cfg)

	var seen []string
	_, err := New().LoadCatalog(context.Background(), conn, func(step string, done, total int) {
		if total != len(steps) {
			t.Errorf("progress total = %d", total)
		}
		seen = append(seen, fmt.Sprintf("%d:%s", done, step))
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != len(steps)+1 || seen[0] != "0:session" || seen[len(seen)-1] != fmt.Sprintf("%d:done", len(steps)) {
		t.Errorf("progress = %q", seen)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cfg = rsfixture.Config(t, w.dsn, pgx.QueryExecModeExec)
	counter := &pgtest.QueryCounter{OnQuery: func(n int, _ string) {
		if n == 5 {
			cancel()
		}
	}}
	counter.Attach(cfg)
	conn = rsfixture.Connect(t, cfg)
	snap, err := New().LoadCatalog(ctx, conn, nil)
	if !errors.Is(err, context.Canceled) || snap != nil {
		t.Fatalf("cancelled load = %v, %v; want context.Canceled", snap, err)
	}
	// Statement 5 was cancelled; after it only the transaction may end.
	if sent := counter.Statements(); len(sent) < 5 || len(sent) > 6 || (len(sent) == 6 && sent[5] != "rollback") {
		t.Errorf("load went on after cancel: sent %q", sent)
	}
}

// loadStatements is what one load sends: BEGIN, the steps, COMMIT.
var loadStatements = len(steps) + 2

// txTracer records each statement with the connection's transaction status
// when it was sent ('I' idle, 'T' in a transaction, 'E' failed transaction).
type txTracer struct{ sent, sqls []string }

func (tr *txTracer) TraceQueryStart(ctx context.Context, c *pgx.Conn, d pgx.TraceQueryStartData) context.Context {
	tr.sqls = append(tr.sqls, d.SQL)
	tr.sent = append(tr.sent, fmt.Sprintf("%c %s", c.PgConn().TxStatus(), strings.Fields(d.SQL)[0]+" "+firstName(d.SQL)))
	return ctx
}
func (tr *txTracer) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

// firstName is the catalog or view a statement reads ("" for BEGIN/COMMIT).
func firstName(sql string) string {
	if m := catalogName.FindString(sql); m != "" {
		return m
	}
	return ""
}

var catalogName = regexp.MustCompile(`\b(pg|svv)_\w+`)

func TestLoadRunsInOneReadOnlyTransaction(t *testing.T) {
	w := newWorld(t)
	w.seed(t)
	cfg := rsfixture.Config(t, w.dsn, pgx.QueryExecModeExec)
	tr := &txTracer{}
	cfg.Tracer = tr
	conn := rsfixture.Connect(t, cfg)
	snap, err := New().LoadCatalog(context.Background(), conn, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.sent) != loadStatements || snap.Queries != loadStatements {
		t.Fatalf("sent %d statements (snapshot says %d), want %d: %q", len(tr.sent), snap.Queries, loadStatements, tr.sent)
	}
	if tr.sent[0] != "I BEGIN " || tr.sqls[0] != "BEGIN READ ONLY" {
		t.Errorf("first statement = %q (%q), want BEGIN READ ONLY sent outside a transaction", tr.sqls[0], tr.sent[0])
	}
	for i, st := range tr.sent[1 : len(tr.sent)-1] {
		if !strings.HasPrefix(st, "T SELECT ") {
			t.Errorf("step %d (%s) was not sent inside the open transaction: %q", i, steps[i].name, st)
		}
	}
	if last := tr.sent[len(tr.sent)-1]; last != "T commit " {
		t.Errorf("last statement = %q, want commit of the open transaction", last)
	}
	if st := conn.PgConn().TxStatus(); st != 'I' {
		t.Errorf("connection left in transaction status %c", st)
	}
}

// A step that fails (here: pg_user_info, which PostgreSQL lacks, read by a
// superuser without the fixture's search_path) rolls the transaction back and
// leaves the connection usable.
func TestFailedLoadRollsBackItsTransaction(t *testing.T) {
	w := newWorld(t)
	cfg, err := pgx.ParseConfig(w.dsn)
	if err != nil {
		t.Fatal(err)
	}
	tr := &txTracer{}
	cfg.Tracer = tr
	conn := rsfixture.Connect(t, cfg)
	snap, err := New().LoadCatalog(context.Background(), conn, nil)
	if err == nil || snap != nil || !strings.Contains(err.Error(), "reading users") {
		t.Fatalf("load without the fixture = %v, %v; want the users step to fail", snap, err)
	}
	want := []string{"I BEGIN ", "T SELECT pg_user", "T SELECT pg_get_userbyid", "T SELECT pg_user_info", "E rollback "}
	if !reflect.DeepEqual(tr.sent, want) {
		t.Errorf("sent %q, want %q", tr.sent, want)
	}
	var one int
	if err := conn.QueryRow(context.Background(), "SELECT 1").Scan(&one); err != nil || conn.PgConn().TxStatus() != 'I' {
		t.Errorf("connection after a failed load: %v, status %c", err, conn.PgConn().TxStatus())
	}
}

// Given an open transaction, the reader reads through it: no BEGIN, no COMMIT.
func TestLoadInsideOpenTransactionSendsNoBeginOrCommit(t *testing.T) {
	w := newWorld(t)
	w.seed(t)
	cfg := rsfixture.Config(t, w.dsn, pgx.QueryExecModeExec)
	counter := &pgtest.QueryCounter{}
	cfg.Tracer = counter
	conn := rsfixture.Connect(t, cfg)
	ctx := context.Background()
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	counter.Reset()
	snap, err := New().LoadCatalog(ctx, tx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if counter.StatementCount() != len(steps) || snap.Queries != len(steps) {
		t.Errorf("sent %d statements (snapshot says %d), want the %d steps only: %q", counter.StatementCount(), snap.Queries, len(steps), counter.Statements())
	}
	if conn.PgConn().TxStatus() != 'T' {
		t.Error("the reader ended the caller's transaction")
	}
}
