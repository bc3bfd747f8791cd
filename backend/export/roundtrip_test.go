package export_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/catalog"
	"github.com/redshiftmate/rsmate/backend/engine/postgres"
	pgrender "github.com/redshiftmate/rsmate/backend/engine/postgres/render"
	"github.com/redshiftmate/rsmate/backend/export"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

func load(t *testing.T, dsn string) *catalog.Index {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	snap, err := postgres.New().LoadCatalog(ctx, conn, nil)
	if err != nil {
		t.Fatal(err)
	}
	return catalog.NewIndex(snap)
}

// modelOf is the exported set as comparable lines, without what differs
// between two databases by design: the grantor (whoever ran the script) and
// grants on the database object itself (they name the source database).
func modelOf(set export.Set, prefix string) []string {
	var out []string
	for _, g := range set.Grants {
		if g.Object.Kind == model.ObjDatabase {
			continue
		}
		out = append(out, fmt.Sprintf("grant %s:%s %s %s.%s(%s).%s %s option=%v scope=%s", g.Grantee.Kind, g.Grantee.Name,
			g.Object.Kind, g.Object.Schema, g.Object.Name, g.Object.Args, g.Object.Column, g.Privilege, g.GrantOption, g.Scope))
	}
	for _, d := range set.Defaults {
		out = append(out, fmt.Sprintf("default %s %s %s %s %s option=%v", d.Creator.Name, d.Schema, d.ObjectType, d.Grantee.Name, d.Privilege, d.GrantOption))
	}
	for _, g := range set.Revoked {
		if g.Object.Kind != model.ObjDatabase {
			out = append(out, fmt.Sprintf("revoked %s %s.%s(%s) %s", g.Object.Kind, g.Object.Schema, g.Object.Name, g.Object.Args, g.Privilege))
		}
	}
	for _, d := range set.RevokedDefaults {
		out = append(out, fmt.Sprintf("revoked default %s %s %s", d.Creator.Name, d.ObjectType, d.Privilege))
	}
	for _, m := range set.Memberships {
		out = append(out, fmt.Sprintf("member %s of %s admin=%v", m.Member.Name, m.Of.Name, m.AdminOption))
	}
	sort.Strings(out)
	var mine []string
	for _, l := range out {
		if strings.Contains(l, prefix) || strings.Contains(l, "public:") || strings.HasPrefix(l, "revoked ") {
			mine = append(mine, l)
		}
	}
	return mine
}

// TestGrantsScriptRoundTripsThroughPostgres exports the grants of a
// database, a schema and a principal as SQL scripts, replays each on a fresh
// database holding the same objects and no grants, reads that database back
// and expects the same grants, default privileges and memberships, and the
// same built-in rights of PUBLIC taken away (a function's EXECUTE, a
// creator's future functions).
func TestGrantsScriptRoundTripsThroughPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("needs PostgreSQL")
	}
	p := pgtest.Prefix()
	admin := pgtest.AdminDSN(t)
	reader, writer, analyst, alice := p+"reader", p+"writer", p+"Analyst Team", p+"alice"
	pgtest.Exec(t, admin,
		fmt.Sprintf(`CREATE ROLE %q; CREATE ROLE %q; CREATE ROLE %q; CREATE ROLE %q LOGIN`, reader, writer, analyst, alice),
		fmt.Sprintf(`GRANT %q TO %q; GRANT %q TO %q WITH ADMIN OPTION`, reader, analyst, analyst, alice))
	t.Cleanup(func() {
		pgtest.Exec(t, admin, fmt.Sprintf(`DROP ROLE IF EXISTS %q, %q, %q, %q`, alice, analyst, writer, reader))
	})
	objects := fmt.Sprintf(`CREATE SCHEMA sales;
CREATE SCHEMA "Odd ""Schema""";
CREATE TABLE sales.orders (id int, amount numeric, note text);
CREATE VIEW sales.big_orders AS SELECT id FROM sales.orders;
CREATE TABLE "Odd ""Schema""".t (x int);
CREATE FUNCTION sales.total(integer, text) RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION sales.close_period() RETURNS int LANGUAGE sql AS 'SELECT 1';`)
	grants := fmt.Sprintf(`GRANT USAGE ON SCHEMA sales TO %[1]q;
GRANT USAGE, CREATE ON SCHEMA "Odd ""Schema""" TO %[3]q;
GRANT SELECT ON sales.orders, sales.big_orders TO %[1]q;
GRANT SELECT, INSERT, UPDATE ON sales.orders TO %[2]q WITH GRANT OPTION;
GRANT SELECT (id, amount), UPDATE (note) ON sales.orders TO %[4]q;
GRANT SELECT ON "Odd ""Schema""".t TO PUBLIC;
GRANT EXECUTE ON FUNCTION sales.total(integer, text) TO %[3]q;
ALTER DEFAULT PRIVILEGES IN SCHEMA sales GRANT SELECT ON TABLES TO %[1]q;
ALTER DEFAULT PRIVILEGES FOR ROLE %[2]q GRANT EXECUTE ON FUNCTIONS TO %[3]q WITH GRANT OPTION;
GRANT CONNECT ON DATABASE %[5]s TO %[4]q;
REVOKE EXECUTE ON FUNCTION sales.close_period() FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE %[1]q REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;`, reader, writer, analyst, alice, "%s")

	src := pgtest.NewDatabase(t)
	srcName := src[strings.LastIndex(src, "/")+1:]
	if i := strings.Index(srcName, "?"); i >= 0 {
		srcName = srcName[:i]
	}
	pgtest.Exec(t, src, objects, fmt.Sprintf(grants, srcName))
	x := load(t, src)

	principal := model.UserRef(alice)
	for name, sc := range map[string]export.Scope{"database": {}, "schema sales": {Schema: "sales"}, "user alice": {Principal: &principal}} {
		t.Run(name, func(t *testing.T) {
			want := export.Collect(x, sc)
			script, skipped := export.Script(export.Changes(want, x.Snapshot()), x.Snapshot(), pgrender.New(), "round trip", false)
			if skipped != 0 {
				t.Fatalf("%d changes not exported:\n%s", skipped, script)
			}
			if !strings.Contains(script, "BEGIN;\n") || !strings.HasSuffix(script, "COMMIT;\n") {
				t.Fatalf("script is not one transaction:\n%s", script)
			}
			dst := pgtest.NewDatabase(t)
			pgtest.Exec(t, dst, objects, script)
			got := export.Collect(load(t, dst), sc)
			w, g := modelOf(want, p), modelOf(got, p)
			if len(w) == 0 {
				t.Fatal("nothing exported")
			}
			if name != "user alice" && !strings.Contains(script, `REVOKE EXECUTE ON FUNCTION "sales"."close_period"() FROM PUBLIC;`) {
				t.Errorf("the script does not take PUBLIC's EXECUTE on sales.close_period away:\n%s", script)
			}
			if strings.Join(w, "\n") != strings.Join(g, "\n") {
				t.Errorf("replayed grants differ\nscript:\n%s\nwant:\n%s\ngot:\n%s", script, strings.Join(w, "\n"), strings.Join(g, "\n"))
			}
		})
	}
}
