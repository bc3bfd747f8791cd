package pgrender

import (
	"slices"
	"strings"
	"testing"

	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/pgtest"
)

// execErr runs one statement outside any plan and returns its error.
func (e *env) execErr(sql string) error {
	_, err := e.pool.Exec(e.ctx(), sql)
	return err
}

func (e *env) roleExists(name string) bool {
	return pgtest.QueryValue[bool](e.t, e.dsn, "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)", name)
}

// plan builds (validates and renders) without applying.
func (e *env) plan(snap *model.Snapshot, changes ...change.Change) *change.Plan {
	e.t.Helper()
	p, err := change.Build(changes, snap, New(), e.currentUser())
	if err != nil {
		e.t.Fatalf("build: %v", err)
	}
	return p
}

func displays(p *change.Plan) []string {
	out := make([]string, len(p.Statements))
	for i, s := range p.Statements {
		out[i] = s.Display
	}
	return out
}

func summaries(p *change.Plan) string {
	var b strings.Builder
	for _, s := range p.Statements {
		b.WriteString(s.Summary + "\n")
	}
	return b.String()
}

// A user holding every kind of privilege in the database — table, column,
// schema, function, database, a privilege it passed on with its grant option,
// default privileges granted to it and default privileges it set as creator
// (including PUBLIC's EXECUTE it took away), role memberships both ways — is
// dropped by one queued drop_user: the plan revokes each, and the user is gone.
func TestDropUserWithPrivilegesRevokesThemAndDrops(t *testing.T) {
	e := newEnv(t)
	e.objects()
	p := e.p
	u, other, team, creator := p+"u", p+"other", p+"team", p+"creator"
	db := pgtest.QueryValue[string](t, e.dsn, "SELECT current_database()::text")
	pgtest.Exec(t, e.dsn,
		"CREATE ROLE "+ident(u)+" LOGIN", "CREATE ROLE "+ident(other)+" LOGIN",
		"CREATE ROLE "+ident(team)+" NOLOGIN", "CREATE ROLE "+ident(creator)+" NOLOGIN",
		"GRANT SELECT, INSERT ON "+qual("sales", "orders")+" TO "+ident(u),
		"GRANT UPDATE ("+ident("Note Col")+", amount) ON "+qual("sales", "orders")+" TO "+ident(u),
		"GRANT USAGE ON SCHEMA sales TO "+ident(u),
		"GRANT EXECUTE ON FUNCTION "+qual("sales", "add")+"(integer, integer) TO "+ident(u),
		"GRANT CREATE ON DATABASE "+ident(db)+" TO "+ident(u),
		// u passes SELECT on items on to other: revoking u's needs CASCADE.
		"GRANT SELECT ON "+qual("sales", "items")+" TO "+ident(u)+" WITH GRANT OPTION",
		"SET ROLE "+ident(u), "GRANT SELECT ON "+qual("sales", "items")+" TO "+ident(other), "RESET ROLE",
		"ALTER DEFAULT PRIVILEGES FOR ROLE "+ident(creator)+" IN SCHEMA sales GRANT SELECT ON TABLES TO "+ident(u),
		"ALTER DEFAULT PRIVILEGES FOR ROLE "+ident(creator)+" GRANT EXECUTE ON FUNCTIONS TO "+ident(u),
		"ALTER DEFAULT PRIVILEGES FOR ROLE "+ident(u)+" GRANT SELECT ON TABLES TO "+ident(other),
		"ALTER DEFAULT PRIVILEGES FOR ROLE "+ident(u)+" IN SCHEMA sales GRANT INSERT ON TABLES TO "+ident(other),
		"ALTER DEFAULT PRIVILEGES FOR ROLE "+ident(u)+" REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC",
		"GRANT "+ident(team)+" TO "+ident(u), "GRANT "+ident(u)+" TO "+ident(other),
	)
	// Before this change the plan was the DROP alone, and the server refused it.
	if err := e.execErr("DROP ROLE " + ident(u)); err == nil || !strings.Contains(err.Error(), "cannot be dropped because some objects depend on it") {
		t.Fatalf("a bare DROP ROLE: %v", err)
	}
	snap := e.snapshot()
	plan := e.plan(snap, change.Change{Kind: change.DropUser, User: &change.UserSpec{Name: u}})
	got := displays(plan)
	for _, want := range []string{
		`REVOKE SELECT, INSERT ON TABLE "sales"."orders" FROM "` + u + `"`,
		`REVOKE UPDATE ("amount", "Note Col") ON TABLE "sales"."orders" FROM "` + u + `"`,
		`REVOKE USAGE ON SCHEMA "sales" FROM "` + u + `"`,
		`REVOKE EXECUTE ON FUNCTION "sales"."add"(a integer, b integer) FROM "` + u + `"`,
		`REVOKE CREATE ON DATABASE "` + db + `" FROM "` + u + `"`,
		`REVOKE SELECT ON TABLE "sales"."items" FROM "` + u + `" CASCADE`,
		`ALTER DEFAULT PRIVILEGES FOR ROLE "` + creator + `" IN SCHEMA "sales" REVOKE SELECT ON TABLES FROM "` + u + `"`,
		`ALTER DEFAULT PRIVILEGES FOR ROLE "` + creator + `" REVOKE EXECUTE ON FUNCTIONS FROM "` + u + `"`,
		`ALTER DEFAULT PRIVILEGES FOR ROLE "` + u + `" REVOKE SELECT ON TABLES FROM "` + other + `"`,
		`ALTER DEFAULT PRIVILEGES FOR ROLE "` + u + `" IN SCHEMA "sales" REVOKE INSERT ON TABLES FROM "` + other + `"`,
		`ALTER DEFAULT PRIVILEGES FOR ROLE "` + u + `" GRANT EXECUTE ON FUNCTIONS TO PUBLIC`,
		`DROP ROLE "` + u + `"`,
	} {
		if !slices.Contains(got, want) {
			t.Errorf("plan lacks %s\nplan:\n%s", want, strings.Join(got, "\n"))
		}
	}
	if last := got[len(got)-1]; last != `DROP ROLE "`+u+`"` {
		t.Fatalf("the drop is not last: %s", last)
	}
	sums := summaries(plan)
	for _, want := range []string{"and what " + u + " granted from it (CASCADE): SELECT to user " + other,
		"its membership in role " + team + " goes with it", "user " + other + " lose their membership in it"} {
		if !strings.Contains(sums, want) {
			t.Errorf("summaries lack %q:\n%s", want, sums)
		}
	}
	if err := e.applyChecked(plan, snap); err != nil {
		t.Fatalf("apply: %v", err)
	}
	if e.roleExists(u) {
		t.Fatal("the user still exists")
	}
	if !e.roleExists(other) || !e.roleExists(team) {
		t.Fatal("a role the user was related to was dropped")
	}
	// other's SELECT on items came from u's grant option: gone with it.
	if pgtest.QueryValue[bool](t, e.dsn, "SELECT has_table_privilege($1, 'sales.items', 'SELECT')", other) {
		t.Fatal("the privilege u passed on survived")
	}
}

// A user who owns a schema, a table, a view, a sequence, a function and a
// procedure: without a successor the drop is refused with the list and no
// statement reaches the server; with one, every object moves to the
// successor (grants the owner made stay, now from the successor) and the
// user is gone.
func TestDropOwnerMovesObjectsToSuccessor(t *testing.T) {
	e := newEnv(t)
	p := e.p
	owner, succ, reader := p+"owner", p+"succ", p+"reader"
	s := p + "own"
	pgtest.Exec(t, e.dsn,
		"CREATE ROLE "+ident(owner)+" LOGIN", "CREATE ROLE "+ident(succ)+" LOGIN", "CREATE ROLE "+ident(reader)+" NOLOGIN",
		"CREATE SCHEMA "+ident(s)+" AUTHORIZATION "+ident(owner),
		"CREATE TABLE "+qual(s, "t")+" (id integer)",
		"CREATE VIEW "+qual(s, "v")+" AS SELECT 1 AS one",
		"CREATE SEQUENCE "+qual(s, "seq"),
		"CREATE FUNCTION "+qual(s, "f")+"(a integer) RETURNS integer LANGUAGE sql AS $$SELECT a$$",
		"CREATE PROCEDURE "+qual(s, "pr")+"() LANGUAGE sql AS $$SELECT 1$$",
		"ALTER TABLE "+qual(s, "t")+" OWNER TO "+ident(owner),
		"ALTER VIEW "+qual(s, "v")+" OWNER TO "+ident(owner),
		"ALTER SEQUENCE "+qual(s, "seq")+" OWNER TO "+ident(owner),
		"ALTER FUNCTION "+qual(s, "f")+"(integer) OWNER TO "+ident(owner),
		"ALTER PROCEDURE "+qual(s, "pr")+"() OWNER TO "+ident(owner),
		"SET ROLE "+ident(owner), "GRANT SELECT ON "+qual(s, "t")+" TO "+ident(reader), "RESET ROLE",
	)
	snap := e.snapshot()
	e.counter.Reset()
	err := e.run(snap, change.Change{Kind: change.DropUser, User: &change.UserSpec{Name: owner}})
	if err == nil || !strings.Contains(err.Error(), "user "+owner+" owns 6 objects in database") ||
		!strings.Contains(err.Error(), "schema "+s) || !strings.Contains(err.Error(), "view "+s+".v") ||
		!strings.Contains(err.Error(), "choose who takes them over") {
		t.Fatalf("drop without successor: %v", err)
	}
	if n := e.counter.StatementCount(); n != 0 {
		t.Fatalf("%d statements reached the server: %q", n, e.counter.Statements())
	}
	e.counter.Reset()
	err = e.run(snap, change.Change{Kind: change.DropUser, User: &change.UserSpec{Name: owner, Successor: p + "nobody"}})
	if err == nil || !strings.Contains(err.Error(), "there is no user or role named "+p+"nobody to take over what "+owner+" owns") || e.counter.StatementCount() != 0 {
		t.Fatalf("unknown successor: %v (%d statements)", err, e.counter.StatementCount())
	}

	plan := e.plan(snap, change.Change{Kind: change.DropUser, User: &change.UserSpec{Name: owner, Successor: succ}})
	got := displays(plan)
	to := ` OWNER TO "` + succ + `"`
	for _, want := range []string{
		`ALTER SCHEMA "` + s + `"` + to, `ALTER TABLE "` + s + `"."t"` + to, `ALTER VIEW "` + s + `"."v"` + to,
		`ALTER SEQUENCE "` + s + `"."seq"` + to, `ALTER FUNCTION "` + s + `"."f"(a integer)` + to, `ALTER PROCEDURE "` + s + `"."pr"()` + to,
	} {
		if !slices.Contains(got, want) {
			t.Errorf("plan lacks %s\nplan:\n%s", want, strings.Join(got, "\n"))
		}
	}
	if err := e.applyChecked(plan, snap); err != nil {
		t.Fatalf("apply: %v", err)
	}
	if e.roleExists(owner) {
		t.Fatal("the owner still exists")
	}
	owners := pgtest.QueryValue[[]string](t, e.dsn, `SELECT array_agg(DISTINCT o ORDER BY o) FROM (
  SELECT pg_get_userbyid(nspowner)::text o FROM pg_namespace WHERE nspname = $1
  UNION ALL SELECT pg_get_userbyid(relowner)::text FROM pg_class WHERE relnamespace = $1::regnamespace
  UNION ALL SELECT pg_get_userbyid(proowner)::text FROM pg_proc WHERE pronamespace = $1::regnamespace) x`, s)
	if !slices.Equal(owners, []string{succ}) {
		t.Fatalf("owners after the drop: %v", owners)
	}
	if !pgtest.QueryValue[bool](t, e.dsn, "SELECT has_table_privilege($1, $2, 'SELECT')", reader, qual(s, "t")) {
		t.Fatal("the grant the owner made was lost")
	}
}

// A role with privileges, default privileges, members and a membership of
// its own is dropped by one drop_role.
func TestDropRoleWithPrivilegesRevokesThemAndDrops(t *testing.T) {
	e := newEnv(t)
	e.objects()
	p := e.p
	r, member, parent, creator := p+"r", p+"member", p+"parent", p+"creator"
	pgtest.Exec(t, e.dsn,
		"CREATE ROLE "+ident(r)+" NOLOGIN", "CREATE ROLE "+ident(member)+" LOGIN",
		"CREATE ROLE "+ident(parent)+" NOLOGIN", "CREATE ROLE "+ident(creator)+" NOLOGIN",
		"GRANT USAGE ON SCHEMA sales TO "+ident(r),
		"GRANT SELECT ON ALL TABLES IN SCHEMA sales TO "+ident(r),
		"GRANT EXECUTE ON PROCEDURE "+qual("sales", "load")+"(integer) TO "+ident(r),
		"ALTER DEFAULT PRIVILEGES FOR ROLE "+ident(creator)+" GRANT SELECT ON TABLES TO "+ident(r),
		"GRANT "+ident(r)+" TO "+ident(member), "GRANT "+ident(parent)+" TO "+ident(r),
	)
	if err := e.execErr("DROP ROLE " + ident(r)); err == nil {
		t.Fatal("a bare DROP ROLE succeeded")
	}
	snap := e.snapshot()
	plan := e.plan(snap, change.Change{Kind: change.DropRole, Role: &change.RoleSpec{Name: r}})
	got := displays(plan)
	for _, want := range []string{
		`REVOKE USAGE ON SCHEMA "sales" FROM "` + r + `"`,
		`REVOKE SELECT ON TABLE "sales"."orders", "sales"."items" FROM "` + r + `"`,
		`REVOKE EXECUTE ON PROCEDURE "sales"."load"(IN n integer) FROM "` + r + `"`,
		`ALTER DEFAULT PRIVILEGES FOR ROLE "` + creator + `" REVOKE SELECT ON TABLES FROM "` + r + `"`,
		`DROP ROLE "` + r + `"`,
	} {
		if !slices.Contains(got, want) {
			t.Errorf("plan lacks %s\nplan:\n%s", want, strings.Join(got, "\n"))
		}
	}
	if err := e.applyChecked(plan, snap); err != nil {
		t.Fatalf("apply: %v", err)
	}
	if e.roleExists(r) {
		t.Fatal("the role still exists")
	}
	if !e.roleExists(member) || !e.roleExists(parent) {
		t.Fatal("a related role was dropped")
	}
}

// A drop in a set clears what is there when it runs: a revoke queued before
// it is not repeated (it would change nothing), a grant queued before it is
// revoked, and a member dropped before it is not named.
func TestDropFollowsTheChangesBeforeIt(t *testing.T) {
	e := newEnv(t)
	e.objects()
	p := e.p
	r, member := p+"r", p+"member"
	pgtest.Exec(t, e.dsn,
		"CREATE ROLE "+ident(r)+" NOLOGIN", "CREATE ROLE "+ident(member)+" LOGIN",
		"GRANT SELECT ON "+qual("sales", "orders")+" TO "+ident(r),
		"GRANT USAGE ON SCHEMA sales TO "+ident(r),
		"GRANT "+ident(r)+" TO "+ident(member),
	)
	snap := e.snapshot()
	plan := e.plan(snap,
		change.Change{Kind: change.RevokePrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"SELECT"}, Target: change.TargetAllInSchema, Kind: model.ObjTable, Schemas: []string{"sales"}, Grantee: role(r)}},
		change.Change{Kind: change.GrantPrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"INSERT"}, Target: change.TargetObjects, Objects: []model.ObjectRef{table("sales", "items")}, Grantee: role(r)}},
		change.Change{Kind: change.DropUser, User: &change.UserSpec{Name: member}},
		change.Change{Kind: change.DropRole, Role: &change.RoleSpec{Name: r}},
	)
	got := displays(plan)
	want := []string{
		`REVOKE SELECT ON ALL TABLES IN SCHEMA "sales" FROM "` + r + `"`,
		`GRANT INSERT ON TABLE "sales"."items" TO "` + r + `"`,
		`DROP ROLE "` + member + `"`,
		`REVOKE USAGE ON SCHEMA "sales" FROM "` + r + `"`,
		`REVOKE INSERT ON TABLE "sales"."items" FROM "` + r + `"`,
		`DROP ROLE "` + r + `"`,
	}
	if !slices.Equal(got, want) {
		t.Fatalf("plan:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if last := plan.Statements[len(plan.Statements)-1].Summary; strings.Contains(last, member) {
		t.Fatalf("the role's drop names a member dropped before it: %s", last)
	}
	if err := e.applyChecked(plan, snap); err != nil {
		t.Fatalf("apply: %v", err)
	}
	if e.roleExists(r) || e.roleExists(member) {
		t.Fatal("a dropped role still exists")
	}
}
