package app

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/pgtest"
)

// The future-object simulator against what PostgreSQL really does: a table
// and a function are created by the creator afterwards, and the privileges
// they got (read from their ACLs) must be what the simulator said.
func TestFutureObjectMatchesWhatTheServerGivesANewObject(t *testing.T) {
	a := newTestApp(t)
	p := pgtest.Prefix()
	s, maker, reader, auditor := p+"lab", p+"maker", p+"reader", p+"auditor"
	sid, dsn := connectTestDB(t, a,
		"CREATE ROLE "+maker+" LOGIN", "CREATE ROLE "+reader+" NOLOGIN", "CREATE ROLE "+auditor+" NOLOGIN",
		"CREATE SCHEMA "+s, "GRANT USAGE, CREATE ON SCHEMA "+s+" TO "+maker,
		"ALTER DEFAULT PRIVILEGES FOR ROLE "+maker+" IN SCHEMA "+s+" GRANT SELECT ON TABLES TO "+reader,
		"ALTER DEFAULT PRIVILEGES FOR ROLE "+maker+" GRANT INSERT ON TABLES TO "+auditor+" WITH GRANT OPTION",
		"ALTER DEFAULT PRIVILEGES FOR ROLE "+maker+" IN SCHEMA "+s+" GRANT EXECUTE ON FUNCTIONS TO "+reader)
	if _, err := a.Catalog.Load(sid, true); err != nil {
		t.Fatal(err)
	}
	creator := model.UserRef(maker)
	simulated := func(typ model.DefaultObjectType) map[string]string {
		ans, err := a.Catalog.FutureObject(sid, creator, s, typ)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, e := range ans.Entries {
			name := e.Grantee.Name
			if e.Grantee.Kind == model.KindPublic {
				name = "PUBLIC"
			}
			var privs []string
			for _, pr := range e.Privileges {
				if slices.Contains(e.GrantOption, pr) {
					pr += "*"
				}
				privs = append(privs, pr)
			}
			slices.Sort(privs)
			out[name] = strings.Join(privs, ",")
		}
		return out
	}
	actual := func(createSQL, aclSQL string) map[string]string {
		pgtest.Exec(t, dsn, "SET ROLE "+maker+";\n"+createSQL)
		ctx := context.Background()
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		rows, err := conn.Query(ctx, `SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee)::text END,
			string_agg(a.privilege_type || CASE WHEN a.is_grantable AND a.grantee <> a.grantor THEN '*' ELSE '' END, ',' ORDER BY a.privilege_type || CASE WHEN a.is_grantable AND a.grantee <> a.grantor THEN '*' ELSE '' END)
			FROM (`+aclSQL+`) o, aclexplode(o.acl) a GROUP BY 1`)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for rows.Next() {
			var who, privs string
			if err := rows.Scan(&who, &privs); err != nil {
				t.Fatal(err)
			}
			out[who] = privs
		}
		return out
	}
	for _, c := range []struct {
		typ      model.DefaultObjectType
		create   string
		aclQuery string
	}{
		{model.DefTables, "CREATE TABLE " + s + ".tomorrow (id int)",
			"SELECT coalesce(relacl, acldefault('r', relowner)) AS acl FROM pg_class WHERE oid = '" + s + ".tomorrow'::regclass"},
		{model.DefFunctions, "CREATE FUNCTION " + s + ".tomorrow_fn() RETURNS int LANGUAGE sql AS 'SELECT 1'",
			"SELECT coalesce(proacl, acldefault('f', proowner)) AS acl FROM pg_proc WHERE oid = '" + s + ".tomorrow_fn()'::regprocedure"},
	} {
		want, got := actual(c.create, c.aclQuery), simulated(c.typ)
		if len(want) != len(got) {
			t.Errorf("%s: server gave %v, simulator said %v", c.typ, want, got)
			continue
		}
		for who, privs := range want {
			if got[who] != privs {
				t.Errorf("%s: %s got %q on the server, simulator said %q (all: %v vs %v)", c.typ, who, privs, got[who], want, got)
			}
		}
	}
}
