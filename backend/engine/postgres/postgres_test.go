package postgres

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/engine"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// id quotes test-setup names.
func id(parts ...string) string { return pgx.Identifier(parts).Sanitize() }

// productDSN makes the test pool decode results the way the app's sessions do.
func productDSN(dsn string) string { return withExecMode(dsn, "cache_describe") }

// withExecMode sets pgx's query exec mode; "exec" and "simple_protocol" make
// the server send text instead of binary results.
func withExecMode(dsn, mode string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		panic(err)
	}
	q := u.Query()
	q.Set("default_query_exec_mode", mode)
	u.RawQuery = q.Encode()
	return u.String()
}

func dbName(t *testing.T, dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimPrefix(u.Path, "/")
}

type serverFacts struct {
	version    int    // server_version_num
	current    string // the setup superuser
	boot       string // bootstrap superuser (owns languages)
	validUntil string // '2031-01-01 00:00:00+00' as this server prints it
}

func facts(t *testing.T, dsn string) serverFacts {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var f serverFacts
	if err := conn.QueryRow(ctx, `SELECT current_setting('server_version_num')::int, current_user::text,
		(SELECT rolname::text FROM pg_roles WHERE oid = 10), $1::timestamptz::text`,
		"2031-01-01 00:00:00+00").Scan(&f.version, &f.current, &f.boot, &f.validUntil); err != nil {
		t.Fatal(err)
	}
	return f
}

// dropRoles removes a test's roles (cluster-wide) before its database is dropped.
func dropRoles(t *testing.T, dsn string, names ...string) {
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Logf("cleanup: %v", err)
			return
		}
		defer conn.Close(ctx)
		list := make([]string, len(names))
		for i, n := range names {
			list[i] = id(n)
		}
		all := strings.Join(list, ", ")
		stmts := []string{"REASSIGN OWNED BY " + all + " TO CURRENT_USER"}
		// One role at a time: PostgreSQL 15 fails when two listed roles share a default ACL entry.
		for _, r := range list {
			stmts = append(stmts, "DROP OWNED BY "+r)
		}
		for _, s := range append(stmts, "DROP ROLE "+all) {
			if _, err := conn.Exec(ctx, s); err != nil {
				t.Logf("cleanup %q: %v", s, err)
				return
			}
		}
	})
}

func loadTest(t *testing.T, dsn string) (*model.Snapshot, *pgtest.QueryCounter) {
	t.Helper()
	pool, counter := pgtest.CountingPool(t, productDSN(dsn))
	var steps []string
	snap, err := New().LoadCatalog(context.Background(), pool, func(step string, done, total int) {
		steps = append(steps, fmt.Sprintf("%s %d/%d", step, done, total))
	})
	if err != nil {
		t.Fatalf("LoadCatalog: %v", err)
	}
	want := []string{}
	for i, s := range CatalogSteps {
		want = append(want, fmt.Sprintf("%s %d/%d", s.Name, i, len(CatalogSteps)))
	}
	want = append(want, fmt.Sprintf("done %d/%d", len(CatalogSteps), len(CatalogSteps)))
	if !reflect.DeepEqual(steps, want) {
		t.Errorf("progress = %v, want %v", steps, want)
	}
	return snap, counter
}

// privilege letters as PostgreSQL prints ACLs.
var letters = map[rune]string{
	'r': model.PrivSelect, 'a': model.PrivInsert, 'w': model.PrivUpdate, 'd': model.PrivDelete,
	'D': model.PrivTruncate, 'x': model.PrivReferences, 't': model.PrivTrigger, 'm': model.PrivMaintain,
	'X': model.PrivExecute, 'U': model.PrivUsage, 'C': model.PrivCreate, 'c': model.PrivConnect, 'T': model.PrivTemp,
}

type grants []model.Grant

// add appends one row per letter; a trailing '*' after a letter means WITH GRANT OPTION.
func (g *grants) add(obj model.ObjectRef, to model.PrincipalRef, grantor, privs string, flags ...string) {
	rs := []rune(privs)
	for i, r := range rs {
		if r == '*' {
			continue
		}
		gr := model.Grant{Object: obj, Grantee: to, Privilege: letters[r], Grantor: grantor}
		if gr.Privilege == "" {
			panic("unknown privilege letter " + string(r))
		}
		gr.GrantOption = i+1 < len(rs) && rs[i+1] == '*'
		for _, f := range flags {
			switch f {
			case "implied":
				gr.Implied = true
			case "default":
				gr.Default = true
			}
		}
		*g = append(*g, gr)
	}
}

func key(v any) string { return fmt.Sprintf("%+v", v) }

// sameSet reports rows missing from got and rows got has in excess.
func sameSet[T any](t *testing.T, what string, got, want []T) {
	t.Helper()
	count := map[string]int{}
	for _, w := range want {
		count[key(w)]++
	}
	var extra []string
	for _, g := range got {
		k := key(g)
		if count[k] == 0 {
			extra = append(extra, k)
			continue
		}
		count[k]--
	}
	var missing []string
	for k, n := range count {
		for ; n > 0; n-- {
			missing = append(missing, k)
		}
	}
	sort.Strings(extra)
	sort.Strings(missing)
	if len(extra)+len(missing) > 0 {
		t.Errorf("%s differ:\n  missing: %s\n  unexpected: %s", what,
			strings.Join(missing, "\n           "), strings.Join(extra, "\n              "))
	}
}

func TestCapabilities(t *testing.T) {
	e := New()
	if e.Name() != "postgres" {
		t.Fatalf("Name = %q", e.Name())
	}
	want := engine.Capabilities{Roles: true, NestedRoles: true, RoleAdminOption: true, ColumnPrivileges: true,
		Procedures: true, DefaultPrivileges: true, MaxIdentifierBytes: 63}
	if got := e.Capabilities(); got != want {
		t.Fatalf("Capabilities = %+v, want %+v", got, want)
	}
}

// TestLoadCatalogEqualsSeed creates every principal, membership, object and
// privilege kind with awkward names and checks the snapshot holds exactly that.
func TestLoadCatalogEqualsSeed(t *testing.T) {
	dsn := pgtest.NewDatabase(t)
	db := dbName(t, dsn)
	f := facts(t, dsn)
	P := pgtest.Prefix()

	// Principals. Awkward names: quotes, spaces, capitals, unicode, 63 bytes.
	alice, bob, super := P+"alice", P+"bob", P+"super"
	quote := P + `We"ird User`
	uni := P + "ünï_用户"
	reader, writer, admin := P+"reader", P+"Writer Role", P+"admin"
	long := P + strings.Repeat("r", 63-len(P))
	uniLong := P + strings.Repeat("é", (63-len(P))/2) + strings.Repeat("x", (63-len(P))%2)
	if len(long) != 63 || len(uniLong) != 63 {
		t.Fatalf("name lengths %d %d", len(long), len(uniLong))
	}
	dropRoles(t, dsn, alice, bob, super, quote, uni, reader, writer, admin, long, uniLong)

	sA := `Sales "Q1"`
	sU := "données_ü"
	sLong := "S" + strings.Repeat("ß", 31) // 63 bytes
	tLong := strings.Repeat("表", 21)       // 63 bytes
	if len(sLong) != 63 || len(tLong) != 63 {
		t.Fatalf("object name lengths %d %d", len(sLong), len(tLong))
	}

	pgtest.Exec(t, dsn,
		"CREATE ROLE "+id(alice)+" LOGIN CREATEDB CONNECTION LIMIT 5 VALID UNTIL '2031-01-01 00:00:00+00'",
		"ALTER ROLE "+id(alice)+" SET search_path = a, b",
		"ALTER ROLE "+id(alice)+" SET work_mem = '8MB'",
		"COMMENT ON ROLE "+id(alice)+" IS 'Analyst – ünïcode'",
		"CREATE ROLE "+id(bob)+" LOGIN NOINHERIT CREATEROLE BYPASSRLS REPLICATION",
		"CREATE ROLE "+id(super)+" LOGIN SUPERUSER",
		"CREATE ROLE "+id(quote)+" LOGIN",
		"CREATE ROLE "+id(uni)+" LOGIN",
		"CREATE ROLE "+id(reader),
		"COMMENT ON ROLE "+id(reader)+" IS 'reads'",
		"CREATE ROLE "+id(writer),
		"CREATE ROLE "+id(admin)+" CREATEDB",
		"CREATE ROLE "+id(long),
		"CREATE ROLE "+id(uniLong),

		// Memberships: user->role, role->role, admin option, a non-superuser grantor, a system role.
		"GRANT "+id(reader)+" TO "+id(alice)+" WITH ADMIN OPTION",
		"GRANT "+id(reader)+" TO "+id(writer),
		"GRANT "+id(writer)+" TO "+id(admin)+" WITH ADMIN OPTION",
		"GRANT "+id(admin)+" TO "+id(bob)+" WITH ADMIN OPTION",
		"GRANT "+id(long)+" TO "+id(quote),
		"GRANT "+id(uniLong)+" TO "+id(uni),
		"GRANT pg_read_all_data TO "+id(reader),
		"SET ROLE "+id(alice)+"; GRANT "+id(reader)+" TO "+id(bob)+"; RESET ROLE",

		// Database.
		"ALTER DATABASE "+id(db)+" OWNER TO "+id(admin),
		"GRANT CONNECT, TEMP ON DATABASE "+id(db)+" TO "+id(reader),
		"GRANT CREATE ON DATABASE "+id(db)+" TO "+id(alice)+" WITH GRANT OPTION",
		"REVOKE TEMP ON DATABASE "+id(db)+" FROM PUBLIC",

		// Schemas.
		"DROP SCHEMA public",
		"CREATE SCHEMA "+id(sA)+" AUTHORIZATION "+id(writer),
		"CREATE SCHEMA "+id(sU)+" AUTHORIZATION "+id(admin),
		"CREATE SCHEMA "+id(sLong)+" AUTHORIZATION "+id(admin),
		"GRANT USAGE ON SCHEMA "+id(sA)+" TO "+id(reader)+", PUBLIC",
		"GRANT CREATE ON SCHEMA "+id(sA)+" TO "+id(alice)+" WITH GRANT OPTION",

		// Relations of every kind.
		"CREATE TABLE "+id(sA, "Orders")+" (id int, "+id("Amount €")+" numeric, note text)",
		"ALTER TABLE "+id(sA, "Orders")+" OWNER TO "+id(writer),
		"GRANT SELECT ON "+id(sA, "Orders")+" TO "+id(reader)+", PUBLIC",
		"GRANT INSERT, UPDATE ON "+id(sA, "Orders")+" TO "+id(alice)+" WITH GRANT OPTION",
		"GRANT DELETE, TRUNCATE, REFERENCES, TRIGGER ON "+id(sA, "Orders")+" TO "+id(admin),
		"SET ROLE "+id(alice)+"; GRANT INSERT ON "+id(sA, "Orders")+" TO "+id(bob)+"; RESET ROLE",
		// Granted to the owner by someone else: explicit, not implied by ownership.
		"SET ROLE "+id(alice)+"; GRANT INSERT ON "+id(sA, "Orders")+" TO "+id(writer)+"; RESET ROLE",
		"GRANT SELECT (id, "+id("Amount €")+"), UPDATE (note) ON "+id(sA, "Orders")+" TO "+id(bob),
		"GRANT REFERENCES (id) ON "+id(sA, "Orders")+" TO "+id(quote),
		"GRANT INSERT (note) ON "+id(sA, "Orders")+" TO "+id(reader)+" WITH GRANT OPTION",
		"CREATE TABLE "+id(sA, "events")+" (d date) PARTITION BY RANGE (d)",
		"CREATE TABLE "+id(sA, "events_2024")+" PARTITION OF "+id(sA, "events")+" FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
		"ALTER TABLE "+id(sA, "events")+" OWNER TO "+id(writer),
		"ALTER TABLE "+id(sA, "events_2024")+" OWNER TO "+id(writer),
		"GRANT SELECT ON "+id(sA, "events")+" TO "+id(reader),
		"CREATE VIEW "+id(sA, "v_orders")+" AS SELECT id FROM "+id(sA, "Orders"),
		"ALTER VIEW "+id(sA, "v_orders")+" OWNER TO "+id(writer),
		"GRANT SELECT ON "+id(sA, "v_orders")+" TO "+id(uniLong),
		"CREATE MATERIALIZED VIEW "+id(sA, "mv")+" AS SELECT 1 AS one",
		"ALTER MATERIALIZED VIEW "+id(sA, "mv")+" OWNER TO "+id(admin),
		"GRANT SELECT ON "+id(sA, "mv")+" TO "+id(reader),
		"CREATE SEQUENCE "+id(sA, "seq"),
		"ALTER SEQUENCE "+id(sA, "seq")+" OWNER TO "+id(writer),
		"GRANT USAGE, SELECT, UPDATE ON SEQUENCE "+id(sA, "seq")+" TO "+id(alice),
		"CREATE FOREIGN DATA WRAPPER "+id(P+"fdw"),
		"CREATE SERVER "+id(P+"srv")+" FOREIGN DATA WRAPPER "+id(P+"fdw"),
		"CREATE FOREIGN TABLE "+id(sA, "ft")+" (x int) SERVER "+id(P+"srv"),
		"ALTER FOREIGN TABLE "+id(sA, "ft")+" OWNER TO "+id(admin),
		"CREATE TABLE "+id(sLong, tLong)+" (x int)",
		"ALTER TABLE "+id(sLong, tLong)+" OWNER TO "+id(admin),
		"GRANT SELECT ON "+id(sLong, tLong)+" TO "+id(uni),
		"CREATE TABLE "+id(sU, `Ta"ble x`)+" (x int)",
		"ALTER TABLE "+id(sU, `Ta"ble x`)+" OWNER TO "+id(admin),
		"CREATE TABLE "+id(sU, "no columns")+" ()",
		"ALTER TABLE "+id(sU, "no columns")+" OWNER TO "+id(admin),

		// Routines.
		"CREATE FUNCTION "+id(sA, "f")+"(a integer, b text) RETURNS integer LANGUAGE sql AS 'SELECT a'",
		"CREATE FUNCTION "+id(sA, "f")+"(a integer) RETURNS integer LANGUAGE sql AS 'SELECT a'",
		"ALTER FUNCTION "+id(sA, "f")+"(integer, text) OWNER TO "+id(writer),
		"ALTER FUNCTION "+id(sA, "f")+"(integer) OWNER TO "+id(writer),
		"REVOKE EXECUTE ON FUNCTION "+id(sA, "f")+"(integer) FROM PUBLIC",
		"GRANT EXECUTE ON FUNCTION "+id(sA, "f")+"(integer) TO "+id(reader)+" WITH GRANT OPTION",
		"CREATE PROCEDURE "+id(sA, "p")+"(x integer) LANGUAGE plpgsql AS 'BEGIN END'",
		"ALTER PROCEDURE "+id(sA, "p")+"(integer) OWNER TO "+id(admin),
		"GRANT EXECUTE ON PROCEDURE "+id(sA, "p")+"(integer) TO "+id(alice),
		"CREATE FUNCTION "+id(sU, `Weird "Fn"`)+"() RETURNS TABLE(x integer) LANGUAGE sql AS 'SELECT 1'",
		"ALTER FUNCTION "+id(sU, `Weird "Fn"`)+"() OWNER TO "+id(admin),

		// Languages.
		"GRANT USAGE ON LANGUAGE plpgsql TO "+id(reader),
		"REVOKE USAGE ON LANGUAGE sql FROM PUBLIC",

		// Default privileges: per schema, database-wide, FOR ROLE a role and a user, PUBLIC, revokes.
		"ALTER DEFAULT PRIVILEGES FOR ROLE "+id(writer)+" IN SCHEMA "+id(sA)+" GRANT SELECT ON TABLES TO "+id(reader),
		"ALTER DEFAULT PRIVILEGES FOR ROLE "+id(writer)+" IN SCHEMA "+id(sA)+" GRANT USAGE ON SEQUENCES TO "+id(alice)+" WITH GRANT OPTION",
		"ALTER DEFAULT PRIVILEGES FOR ROLE "+id(writer)+" GRANT SELECT ON TABLES TO PUBLIC",
		"ALTER DEFAULT PRIVILEGES FOR ROLE "+id(alice)+" GRANT EXECUTE ON FUNCTIONS TO "+id(bob),
		"ALTER DEFAULT PRIVILEGES FOR ROLE "+id(admin)+" REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC",
		"ALTER DEFAULT PRIVILEGES FOR ROLE "+id(admin)+" GRANT USAGE ON TYPES TO "+id(reader),
		"ALTER DEFAULT PRIVILEGES FOR ROLE "+id(admin)+" GRANT CREATE ON SCHEMAS TO "+id(quote),
	)

	snap, counter := loadTest(t, dsn)

	// Round trips: BEGIN, one statement per step, COMMIT.
	if want := len(CatalogSteps) + 2; snap.Queries != want || counter.StatementCount() != want {
		t.Errorf("queries: snapshot says %d, tracer saw %d, want %d: %q", snap.Queries, counter.StatementCount(), want, counter.Statements())
	}
	if snap.Engine != "postgres" || snap.Database != db || snap.Partial || len(snap.Warnings) != 0 {
		t.Errorf("header: engine %q database %q partial %v warnings %v", snap.Engine, snap.Database, snap.Partial, snap.Warnings)
	}
	if want := pgtest.QueryValue[string](t, dsn, "SHOW server_version_num"); strconv.Itoa(snap.ServerVersion) != want {
		t.Errorf("server version %d, server says %s", snap.ServerVersion, want)
	}
	if len(snap.Groups) != 0 || len(snap.SystemPrivileges) != 0 {
		t.Errorf("PostgreSQL has no groups or system privileges: %v %v", snap.Groups, snap.SystemPrivileges)
	}

	mine := func(name string) bool { return strings.HasPrefix(name, P) }
	U := func(n string) model.PrincipalRef { return model.PrincipalRef{Kind: model.KindUser, Name: n} }
	R := func(n string) model.PrincipalRef { return model.PrincipalRef{Kind: model.KindRole, Name: n} }

	// Users and roles.
	var users []model.User
	ids := map[int64]bool{}
	for _, u := range snap.Users {
		if mine(u.Name) {
			ids[u.ID] = true
			u.ID = 0
			users = append(users, u)
		}
	}
	local := func(u model.User) model.User {
		u.Identity, u.ConnectionLimit, u.Inherit = model.IdentityLocal, -1, true
		if u.Config == nil {
			u.Config = []string{}
		}
		return u
	}
	wantUsers := []model.User{
		local(model.User{Name: alice, CreateDB: true, ValidUntil: f.validUntil, Config: []string{"search_path=a, b", "work_mem=8MB"}, Comment: "Analyst – ünïcode"}),
		local(model.User{Name: bob, CreateRole: true, BypassRLS: true, Replication: true}),
		local(model.User{Name: super, Superuser: true}),
		local(model.User{Name: quote}),
		local(model.User{Name: uni}),
	}
	wantUsers[0].ConnectionLimit = 5
	wantUsers[1].Inherit = false
	sameSet(t, "users", users, wantUsers)

	var roles []model.Role
	for _, r := range snap.Roles {
		if r.System != strings.HasPrefix(r.Name, "pg_") {
			t.Errorf("role %q System = %v", r.Name, r.System)
		}
		if mine(r.Name) {
			ids[r.ID] = true
			r.ID = 0
			roles = append(roles, r)
		}
	}
	if len(ids) != 10 || ids[0] {
		t.Errorf("principal ids not distinct and non-zero: %v", ids)
	}
	sameSet(t, "roles", roles, []model.Role{
		{Name: reader, Inherit: true, Comment: "reads"},
		{Name: writer, Inherit: true},
		{Name: admin, Inherit: true, CreateDB: true},
		{Name: long, Inherit: true},
		{Name: uniLong, Inherit: true},
	})
	foundSystem := false
	for _, r := range snap.Roles {
		foundSystem = foundSystem || (r.Name == "pg_read_all_data" && r.System)
	}
	if !foundSystem {
		t.Error("system role pg_read_all_data missing or not flagged")
	}

	// Memberships.
	var members []model.Membership
	for _, m := range snap.Memberships {
		if mine(m.Member.Name) || mine(m.Of.Name) {
			members = append(members, m)
		}
	}
	superGrantor := f.current
	if f.version >= 160000 {
		superGrantor = f.boot
	}
	ms := func(member, of model.PrincipalRef, admin bool, grantor string, inherit bool) model.Membership {
		m := model.Membership{Member: member, Of: of, AdminOption: admin, Grantor: grantor}
		if f.version >= 160000 {
			yes := true
			m.InheritOption, m.SetOption = &inherit, &yes
		}
		return m
	}
	sameSet(t, "memberships", members, []model.Membership{
		ms(U(alice), R(reader), true, superGrantor, true),
		ms(R(writer), R(reader), false, superGrantor, true),
		ms(R(admin), R(writer), true, superGrantor, true),
		ms(U(bob), R(admin), true, superGrantor, false),
		ms(U(quote), R(long), false, superGrantor, true),
		ms(U(uni), R(uniLong), false, superGrantor, true),
		ms(R(reader), R("pg_read_all_data"), false, superGrantor, true),
		ms(U(bob), R(reader), false, alice, false),
	})

	// Objects.
	var dbFound bool
	for _, d := range snap.Databases {
		if d.Name == db {
			dbFound = d == model.Database{Name: db, Owner: admin}
		}
	}
	if !dbFound {
		t.Errorf("database %q owned by %q not in %+v", db, admin, snap.Databases)
	}
	sameSet(t, "schemas", snap.Schemas, []model.Schema{
		{Name: "information_schema", Owner: f.boot, Type: "local", System: true},
		{Name: "pg_catalog", Owner: f.boot, Type: "local", System: true},
		{Name: sA, Owner: writer, Type: "local"},
		{Name: sU, Owner: admin, Type: "local"},
		{Name: sLong, Owner: admin, Type: "local"},
	})
	sameSet(t, "relations", snap.Relations, []model.Relation{
		{Schema: sA, Name: "Orders", Kind: model.RelTable, Owner: writer},
		{Schema: sA, Name: "events", Kind: model.RelPartitionedTable, Owner: writer},
		{Schema: sA, Name: "events_2024", Kind: model.RelTable, Owner: writer},
		{Schema: sA, Name: "v_orders", Kind: model.RelView, Owner: writer},
		{Schema: sA, Name: "mv", Kind: model.RelMaterializedView, Owner: admin},
		{Schema: sA, Name: "seq", Kind: model.RelSequence, Owner: writer},
		{Schema: sA, Name: "ft", Kind: model.RelForeignTable, Owner: admin},
		{Schema: sLong, Name: tLong, Kind: model.RelTable, Owner: admin},
		{Schema: sU, Name: `Ta"ble x`, Kind: model.RelTable, Owner: admin},
		{Schema: sU, Name: "no columns", Kind: model.RelTable, Owner: admin},
	})
	sameSet(t, "routines", snap.Routines, []model.Routine{
		{Schema: sA, Name: "f", Args: "a integer, b text", Kind: model.ObjFunction, Owner: writer, Language: "sql", Result: "integer"},
		{Schema: sA, Name: "f", Args: "a integer", Kind: model.ObjFunction, Owner: writer, Language: "sql", Result: "integer"},
		{Schema: sA, Name: "p", Args: "IN x integer", Kind: model.ObjProcedure, Owner: admin, Language: "plpgsql"},
		{Schema: sU, Name: `Weird "Fn"`, Args: "", Kind: model.ObjFunction, Owner: admin, Language: "sql", Result: "TABLE(x integer)"},
	})
	sameSet(t, "languages", snap.Languages, []model.Language{
		{Name: "c", Owner: f.boot}, {Name: "internal", Owner: f.boot},
		{Name: "plpgsql", Owner: f.boot, Trusted: true}, {Name: "sql", Owner: f.boot, Trusted: true},
	})

	// Grants: every row on this database and its non-system objects.
	rel := "arwdDxt"
	if f.version >= 170000 {
		rel += "m"
	}
	obj := func(kind model.ObjectKind, schema, name string) model.ObjectRef {
		return model.ObjectRef{Kind: kind, Schema: schema, Name: name}
	}
	table := func(schema, name string) model.ObjectRef { return obj(model.ObjTable, schema, name) }
	col := func(schema, name, c string) model.ObjectRef {
		return model.ObjectRef{Kind: model.ObjColumn, Schema: schema, Name: name, Column: c}
	}
	routine := func(kind model.ObjectKind, schema, name, args string) model.ObjectRef {
		return model.ObjectRef{Kind: kind, Schema: schema, Name: name, Args: args}
	}
	pub := model.Public
	var want grants
	dbRef := obj(model.ObjDatabase, "", db)
	want.add(dbRef, R(admin), admin, "CTc", "implied")
	want.add(dbRef, pub, admin, "c")
	want.add(dbRef, R(reader), admin, "cT")
	want.add(dbRef, U(alice), admin, "C*")

	want.add(obj(model.ObjSchema, sA, ""), R(writer), writer, "UC", "implied")
	want.add(obj(model.ObjSchema, sA, ""), R(reader), writer, "U")
	want.add(obj(model.ObjSchema, sA, ""), pub, writer, "U")
	want.add(obj(model.ObjSchema, sA, ""), U(alice), writer, "C*")
	want.add(obj(model.ObjSchema, sU, ""), R(admin), admin, "UC", "implied", "default")
	want.add(obj(model.ObjSchema, sLong, ""), R(admin), admin, "UC", "implied", "default")

	orders := table(sA, "Orders")
	want.add(orders, R(writer), writer, rel, "implied")
	want.add(orders, R(reader), writer, "r")
	want.add(orders, pub, writer, "r")
	want.add(orders, U(alice), writer, "a*w*")
	want.add(orders, R(admin), writer, "dDxt")
	want.add(orders, U(bob), alice, "a")
	want.add(orders, R(writer), alice, "a")
	want.add(col(sA, "Orders", "id"), U(bob), writer, "r")
	want.add(col(sA, "Orders", "Amount €"), U(bob), writer, "r")
	want.add(col(sA, "Orders", "note"), U(bob), writer, "w")
	want.add(col(sA, "Orders", "id"), U(quote), writer, "x")
	want.add(col(sA, "Orders", "note"), R(reader), writer, "a*")
	want.add(table(sA, "events"), R(writer), writer, rel, "implied")
	want.add(table(sA, "events"), R(reader), writer, "r")
	want.add(table(sA, "events_2024"), R(writer), writer, rel, "implied", "default")
	want.add(table(sA, "v_orders"), R(writer), writer, rel, "implied")
	want.add(table(sA, "v_orders"), R(uniLong), writer, "r")
	want.add(table(sA, "mv"), R(admin), admin, rel, "implied")
	want.add(table(sA, "mv"), R(reader), admin, "r")
	want.add(obj(model.ObjSequence, sA, "seq"), R(writer), writer, "rwU", "implied")
	want.add(obj(model.ObjSequence, sA, "seq"), U(alice), writer, "rwU")
	want.add(table(sA, "ft"), R(admin), admin, rel, "implied", "default")
	want.add(table(sLong, tLong), R(admin), admin, rel, "implied")
	want.add(table(sLong, tLong), U(uni), admin, "r")
	want.add(table(sU, `Ta"ble x`), R(admin), admin, rel, "implied", "default")
	want.add(table(sU, "no columns"), R(admin), admin, rel, "implied", "default")

	f2 := routine(model.ObjFunction, sA, "f", "a integer, b text")
	want.add(f2, R(writer), writer, "X", "implied", "default")
	want.add(f2, pub, writer, "X", "default")
	f1 := routine(model.ObjFunction, sA, "f", "a integer")
	want.add(f1, R(writer), writer, "X", "implied")
	want.add(f1, R(reader), writer, "X*")
	// Procedures' identity arguments carry their mode.
	p := routine(model.ObjProcedure, sA, "p", "IN x integer")
	want.add(p, R(admin), admin, "X", "implied")
	want.add(p, pub, admin, "X")
	want.add(p, U(alice), admin, "X")
	weird := routine(model.ObjFunction, sU, `Weird "Fn"`, "")
	want.add(weird, R(admin), admin, "X", "implied", "default")
	want.add(weird, pub, admin, "X", "default")

	bootRef := U(f.boot)
	for _, lang := range []string{"c", "internal"} {
		want.add(obj(model.ObjLanguage, "", lang), bootRef, f.boot, "U", "implied", "default")
		want.add(obj(model.ObjLanguage, "", lang), pub, f.boot, "U", "default")
	}
	want.add(obj(model.ObjLanguage, "", "sql"), bootRef, f.boot, "U", "implied")
	want.add(obj(model.ObjLanguage, "", "plpgsql"), bootRef, f.boot, "U", "implied")
	want.add(obj(model.ObjLanguage, "", "plpgsql"), pub, f.boot, "U")
	want.add(obj(model.ObjLanguage, "", "plpgsql"), R(reader), f.boot, "U")

	var got []model.Grant
	sawCatalogUsage := false
	for _, g := range snap.Grants.All() {
		switch {
		case g.Object.Kind == model.ObjDatabase && g.Object.Name != db:
		case g.Object.Kind == model.ObjSchema && (g.Object.Schema == "pg_catalog" || g.Object.Schema == "information_schema"):
			sawCatalogUsage = sawCatalogUsage || (g.Object.Schema == "pg_catalog" && g.Grantee == pub && g.Privilege == model.PrivUsage)
		default:
			got = append(got, g)
		}
	}
	if !sawCatalogUsage {
		t.Error("PUBLIC USAGE on pg_catalog missing")
	}
	sameSet(t, "grants", got, want)

	// Default privileges.
	var wantDef []model.DefaultPrivilege
	def := func(creator model.PrincipalRef, schema string, typ model.DefaultObjectType, to model.PrincipalRef, privs string) {
		var g grants
		g.add(model.ObjectRef{}, to, "", privs)
		for _, x := range g {
			wantDef = append(wantDef, model.DefaultPrivilege{Creator: creator, Schema: schema, ObjectType: typ,
				Grantee: to, Privilege: x.Privilege, GrantOption: x.GrantOption, Implied: to == creator})
		}
	}
	def(R(writer), sA, model.DefTables, R(reader), "r")
	def(R(writer), sA, model.DefSequences, U(alice), "U*")
	def(R(writer), "", model.DefTables, R(writer), rel)
	def(R(writer), "", model.DefTables, pub, "r")
	def(U(alice), "", model.DefFunctions, U(alice), "X")
	def(U(alice), "", model.DefFunctions, pub, "X")
	def(U(alice), "", model.DefFunctions, U(bob), "X")
	def(R(admin), "", model.DefFunctions, R(admin), "X")
	def(R(admin), "", model.DefTypes, R(admin), "U")
	def(R(admin), "", model.DefTypes, pub, "U")
	def(R(admin), "", model.DefTypes, R(reader), "U")
	def(R(admin), "", model.DefSchemas, R(admin), "UC")
	def(R(admin), "", model.DefSchemas, U(quote), "C")
	sameSet(t, "default privileges", snap.DefaultPrivileges, wantDef)

	// Text-format results (other exec modes) decode to the same snapshot.
	for _, mode := range []string{"exec", "simple_protocol"} {
		pool, _ := pgtest.CountingPool(t, withExecMode(dsn, mode))
		other, err := New().LoadCatalog(context.Background(), pool, nil)
		if err != nil {
			t.Fatalf("%s: %v", mode, err)
		}
		sameSet(t, mode+" grants", other.Grants.Slice(), snap.Grants.Slice())
		sameSet(t, mode+" default privileges", other.DefaultPrivileges, snap.DefaultPrivileges)
		sameSet(t, mode+" users", other.Users, snap.Users)
		sameSet(t, mode+" memberships", other.Memberships, snap.Memberships)
	}

	// Columns, on demand.
	pool, counter := pgtest.CountingPool(t, productDSN(dsn))
	cols, err := New().Columns(context.Background(), pool, sA, "Orders")
	if err != nil {
		t.Fatal(err)
	}
	wantCols := []model.Column{{Name: "id", Position: 1, Type: "integer"}, {Name: "Amount €", Position: 2, Type: "numeric"}, {Name: "note", Position: 3, Type: "text"}}
	if !reflect.DeepEqual(cols, wantCols) || counter.StatementCount() != 1 {
		t.Errorf("Columns = %+v (%d queries), want %+v in 1", cols, counter.StatementCount(), wantCols)
	}
	cols, err = New().Columns(context.Background(), pool, sU, "no columns")
	if err != nil || cols == nil || len(cols) != 0 {
		t.Errorf("Columns(no columns) = %#v, %v; want empty", cols, err)
	}
	_, err = New().Columns(context.Background(), pool, sA, "missing")
	if e := apperr.As(err); e == nil || e.Code != "not_found" {
		t.Errorf("Columns(missing) err = %v, want not_found", err)
	}
}

// TestLoadAsNonSuperuser: an ordinary login reads the same catalog (PostgreSQL
// catalogs are world-readable), so the snapshot is complete, not partial.
func TestLoadAsNonSuperuser(t *testing.T) {
	dsn := pgtest.NewDatabase(t)
	P := pgtest.Prefix()
	user := P + "plain"
	dropRoles(t, dsn, user)
	pgtest.Exec(t, dsn,
		"CREATE ROLE "+id(user)+" LOGIN PASSWORD 'plain-pw-1'",
		"CREATE TABLE t (x int)",
		"GRANT SELECT ON t TO "+id(user))
	asSuper, _ := loadTest(t, dsn)
	u, _ := url.Parse(dsn)
	u.User = url.UserPassword(user, "plain-pw-1")
	asUser, _ := loadTest(t, u.String())
	if asUser.Grants.Len() != asSuper.Grants.Len() || len(asUser.Users) != len(asSuper.Users) || asUser.Partial {
		t.Errorf("non-superuser sees %d grants / %d users, superuser %d / %d",
			asUser.Grants.Len(), len(asUser.Users), asSuper.Grants.Len(), len(asSuper.Users))
	}
}

// TestLoadStatementsAndRoundTripsSameFor10And1000Principals loads the same
// database three times: before the test adds anyone (the baseline), with 10
// principals of its own, and, after adding 990 more with 300 tables, column
// grants and default privileges, with 1,000. Each load runs on a fresh
// connection; the statements (same texts), prepares and wire round trips are
// the same for all three, and each snapshot holds exactly baseline+10 and
// baseline+1,000 principals.
func TestLoadStatementsAndRoundTripsSameFor10And1000Principals(t *testing.T) {
	dsn := pgtest.NewDatabase(t)
	P := pgtest.Prefix()
	var roles []string
	for i := 0; i < 1000; i++ {
		roles = append(roles, fmt.Sprintf("%sr%d", P, i))
	}
	dropRoles(t, dsn, roles...)
	principals := func(s *model.Snapshot) int { return len(s.Users) + len(s.Roles) + len(s.Groups) }

	snapBase, cBase := loadTest(t, dsn)
	base := principals(snapBase)

	for i, r := range roles[:10] {
		login := ""
		if i%2 == 0 {
			login = " LOGIN"
		}
		pgtest.Exec(t, dsn, "CREATE ROLE "+id(r)+login)
	}
	pgtest.Exec(t, dsn, "CREATE TABLE t1 (x int)", "GRANT SELECT ON t1 TO "+id(roles[1]))
	snapSmall, cSmall := loadTest(t, dsn)

	// Synthetic bulk data: set-based, names from format('%I').
	pgtest.Exec(t, dsn, `DO $$
DECLARE p text := `+"'"+P+"'"+`;
BEGIN
  FOR i IN 10..999 LOOP
    EXECUTE format('CREATE ROLE %I %s', p || 'r' || i, CASE WHEN i % 2 = 0 THEN 'LOGIN' ELSE 'NOLOGIN' END);
  END LOOP;
  FOR i IN 1..999 LOOP
    IF i % 2 = 1 THEN EXECUTE format('GRANT %I TO %I', p || 'r' || i, p || 'r' || (i - 1)); END IF;
  END LOOP;
  FOR s IN 1..10 LOOP
    EXECUTE format('CREATE SCHEMA s%s', s);
    FOR t IN 1..30 LOOP
      EXECUTE format('CREATE TABLE s%s.t%s (a int, b text)', s, t);
      EXECUTE format('GRANT SELECT ON s%s.t%s TO %s', s, t,
        (SELECT string_agg(quote_ident(p || 'r' || ((s * 31 + t * 7 + k) % 1000)), ', ') FROM generate_series(1, 20) k));
      EXECUTE format('GRANT UPDATE (b) ON s%s.t%s TO %I', s, t, p || 'r' || t);
    END LOOP;
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA s%s GRANT SELECT ON TABLES TO %I', s, p || 'r' || s);
  END LOOP;
END $$`)
	snapBig, cBig := loadTest(t, dsn)

	if got := principals(snapSmall); got != base+10 {
		t.Fatalf("small snapshot: %d principals, want %d (baseline) + 10", got, base)
	}
	if got := principals(snapBig); got != base+1000 {
		t.Fatalf("big snapshot: %d principals, want %d (baseline) + 1000", got, base)
	}
	var explicit int
	for _, g := range snapBig.Grants.All() {
		if !g.Implied && g.Object.Kind != model.ObjDatabase {
			explicit++
		}
	}
	if len(snapBig.Relations) != 301 || explicit < 300*20 || len(snapBig.DefaultPrivileges) != 10 {
		t.Fatalf("big catalog: %d relations, %d explicit grants, %d default privileges",
			len(snapBig.Relations), explicit, len(snapBig.DefaultPrivileges))
	}

	want := len(CatalogSteps) + 2 // the steps inside BEGIN … COMMIT
	for _, c := range []struct {
		name    string
		snap    *model.Snapshot
		counter *pgtest.QueryCounter
	}{{"baseline", snapBase, cBase}, {"10 principals", snapSmall, cSmall}, {"1,000 principals", snapBig, cBig}} {
		if c.counter.StatementCount() != want || c.snap.Queries != want {
			t.Errorf("%s: %d statements (snapshot says %d), want %d", c.name, c.counter.StatementCount(), c.snap.Queries, want)
		}
		if !reflect.DeepEqual(c.counter.Statements(), cBase.Statements()) {
			t.Errorf("%s: statement texts differ from the baseline's:\n%q\n%q", c.name, c.counter.Statements(), cBase.Statements())
		}
		// cache_describe (the app's mode) describes each parameterised
		// statement once per connection: one more round trip for each.
		if c.counter.Prepares() != cBase.Prepares() || c.counter.RoundTrips() != want+c.counter.Prepares() {
			t.Errorf("%s: %d prepares, %d round trips; want %d prepares and %d statements + prepares",
				c.name, c.counter.Prepares(), c.counter.RoundTrips(), cBase.Prepares(), want)
		}
	}
	t.Logf("each load: %d statements, %d prepares, %d round trips; principals %d (baseline), %d, %d; big: %d grants",
		cBig.StatementCount(), cBig.Prepares(), cBig.RoundTrips(), base, principals(snapSmall), principals(snapBig), snapBig.Grants.Len())
}

func TestLoadCancel(t *testing.T) {
	dsn := pgtest.NewDatabase(t)
	pool, counter := pgtest.CountingPool(t, productDSN(dsn))

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := New().LoadCatalog(ctx, pool, nil); !errors.Is(err, context.Canceled) || counter.StatementCount() != 0 {
		t.Fatalf("canceled before start: err %v, %d statements", err, counter.StatementCount())
	}

	// Cancel while the grants query is about to run.
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	counter.OnQuery = func(n int, sql string) {
		if sql == QueryGrants {
			cancel()
		}
	}
	start := time.Now()
	snap, err := New().LoadCatalog(ctx, pool, nil)
	if snap != nil || !errors.Is(err, context.Canceled) {
		t.Fatalf("LoadCatalog = %v, %v; want context.Canceled", snap, err)
	}
	if e := apperr.As(err); e.Code != "canceled" {
		t.Errorf("code = %q, want canceled", e.Code)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("cancel took %v", d)
	}
	// The pool still works afterwards.
	counter.OnQuery = nil
	if _, err := New().LoadCatalog(context.Background(), pool, nil); err != nil {
		t.Fatalf("load after cancel: %v", err)
	}
}

// TestLoadOnConnAndTx: readers accept a plain connection (own transaction) and
// an open transaction (used as is, no BEGIN/COMMIT).
func TestLoadOnConnAndTx(t *testing.T) {
	dsn := pgtest.NewDatabase(t)
	conn, counter := pgtest.CountingConn(t, productDSN(dsn))
	ctx := context.Background()
	snap, err := New().LoadCatalog(ctx, conn, nil)
	if err != nil || snap.Queries != len(CatalogSteps)+2 || counter.StatementCount() != snap.Queries {
		t.Fatalf("conn: %v, queries %v, counted %d", err, snap, counter.StatementCount())
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	counter.Reset()
	snap, err = New().LoadCatalog(ctx, tx, nil)
	if err != nil || snap.Queries != len(CatalogSteps) || counter.StatementCount() != len(CatalogSteps) {
		t.Fatalf("tx: %v, counted %d", err, counter.StatementCount())
	}
}
