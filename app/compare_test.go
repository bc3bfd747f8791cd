package app

import (
	"strings"
	"testing"

	"github.com/redshiftmate/rsmate/backend/compare"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/pgtest"
)

// "Make B like A" on a real server: the change set is previewed and applied,
// and after a reload the two principals have the same memberships, grants
// (with and without grant option, on tables, columns, schemas and functions)
// and default privileges; only what is documented as not copied differs.
func TestCompareAndMakeLikeOnARealServer(t *testing.T) {
	a := newTestApp(t)
	p := pgtest.Prefix()
	s, reader, writer := p+"shop", p+"reader", p+"writer"
	ana, bo := p+"ana", p+"bo"
	sid, _ := connectTestDB(t, a,
		"CREATE SCHEMA "+s,
		"CREATE TABLE "+s+".orders (id int, note text, total numeric)",
		"CREATE TABLE "+s+".items (id int)",
		"CREATE FUNCTION "+s+".f(x int) RETURNS int LANGUAGE sql AS 'SELECT x'",
		"CREATE ROLE "+reader+" NOLOGIN",
		"CREATE ROLE "+writer+" NOLOGIN",
		"CREATE ROLE "+ana+" LOGIN CREATEDB CONNECTION LIMIT 5 IN ROLE "+reader,
		"CREATE ROLE "+bo+" LOGIN IN ROLE "+writer,
		"GRANT USAGE ON SCHEMA "+s+" TO "+ana,
		"GRANT SELECT ON "+s+".orders TO "+ana+" WITH GRANT OPTION",
		"GRANT SELECT (note), UPDATE (note) ON "+s+".orders TO "+ana,
		"GRANT EXECUTE ON FUNCTION "+s+".f(int) TO "+ana,
		"GRANT INSERT, DELETE ON "+s+".items TO "+bo,
		"GRANT SELECT ON "+s+".orders TO "+bo,
		"ALTER DEFAULT PRIVILEGES FOR ROLE "+writer+" IN SCHEMA "+s+" GRANT SELECT ON TABLES TO "+ana,
	)
	if _, err := a.Catalog.Load(sid, true); err != nil {
		t.Fatal(err)
	}
	A, B := model.UserRef(ana), model.UserRef(bo)
	c, err := a.Catalog.Compare(sid, A, B)
	if err != nil {
		t.Fatal(err)
	}
	if c.Differences == 0 || len(c.Changes) == 0 {
		t.Fatalf("no differences found: %+v", c)
	}
	want := map[string][2]string{
		"role " + reader:                         {"✓", ""},
		"role " + writer:                         {"", "✓"},
		"SELECT on table " + s + ".orders":       {"✓ with grant option", "✓"},
		"INSERT on table " + s + ".items":        {"", "✓"},
		"Create databases":                       {"yes", "no"},
		"Connection limit":                       {"5", "unlimited"},
		"UPDATE on column " + s + ".orders.note": {"✓", ""},
	}
	for _, r := range c.Rows {
		if w, ok := want[r.Label]; ok {
			if r.A != w[0] || r.B != w[1] {
				t.Errorf("row %q: A %q B %q, want %q %q", r.Label, r.A, r.B, w[0], w[1])
			}
			delete(want, r.Label)
		}
	}
	for l := range want {
		t.Errorf("no row %q among %d rows", l, len(c.Rows))
	}

	plan, err := a.Changes.Preview(sid, c.Changes)
	if err != nil {
		t.Fatal(err)
	}
	var sql []string
	for _, st := range plan.Statements {
		sql = append(sql, st.SQL)
	}
	joined := strings.Join(sql, "\n")
	q := func(n string) string { return `"` + n + `"` }
	for _, w := range []string{"GRANT " + q(reader) + " TO " + q(bo), "REVOKE " + q(writer) + " FROM " + q(bo),
		"REVOKE INSERT, DELETE ON TABLE " + q(s) + ".\"items\" FROM " + q(bo),
		"GRANT SELECT ON TABLE " + q(s) + ".\"orders\" TO " + q(bo) + " WITH GRANT OPTION",
		"GRANT SELECT (\"note\"), UPDATE (\"note\") ON TABLE", "CREATEDB CONNECTION LIMIT 5"} {
		if !strings.Contains(joined, w) {
			t.Errorf("plan lacks %q:\n%s", w, joined)
		}
	}
	res, err := a.Changes.Apply(plan.ID)
	if err != nil || !res.Applied {
		t.Fatalf("apply: %+v, %v", res, err)
	}

	after, err := a.Catalog.Compare(sid, A, B)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range after.Rows {
		if !r.Same && r.Section != compare.SecAttributes {
			t.Errorf("still differs after make-like: %+v", r)
		}
	}
	if len(after.Changes) != 0 {
		t.Errorf("a second make-like would still change: %+v", after.Changes)
	}
	if _, err := a.Catalog.Compare(sid, A, A); err == nil {
		t.Error("comparing a principal with itself should be refused")
	}
}
