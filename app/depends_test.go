package app

import (
	"fmt"
	"testing"

	"github.com/redshiftmate/rsmate/backend/depends"
	"github.com/redshiftmate/rsmate/backend/pgtest"
)

// Views over views over a table, a materialized view and a view joining two
// tables, on a real server: the table's downstream is every view built on it
// at any depth, a top view's upstream everything below it.
func TestDependenciesOfARelationAtAnyDepth(t *testing.T) {
	a := newTestApp(t)
	p := pgtest.Prefix()
	s := p + "dw"
	sid, _ := connectTestDB(t, a,
		"CREATE SCHEMA "+s,
		"CREATE TABLE "+s+".orders (id int, cust int)",
		"CREATE TABLE "+s+".customers (id int)",
		"CREATE VIEW "+s+".v_orders AS SELECT id, cust FROM "+s+".orders",
		"CREATE VIEW "+s+".v_big AS SELECT o.id FROM "+s+".v_orders o JOIN "+s+".customers c ON c.id = o.cust",
		"CREATE MATERIALIZED VIEW "+s+".mv_count AS SELECT count(*) FROM "+s+".v_big",
		"CREATE VIEW "+s+".v_alone AS SELECT 1 AS one")
	if _, err := a.Catalog.Load(sid, true); err != nil {
		t.Fatal(err)
	}
	names := func(rs []depends.Rel) string {
		var out []string
		for _, r := range rs {
			out = append(out, r.Name+"("+r.Kind+")")
		}
		return fmt.Sprint(out)
	}
	g, err := a.Catalog.Dependencies(sid, s, "orders")
	if err != nil {
		t.Fatal(err)
	}
	if got := names(g.Downstream); got != "[mv_count(m) v_big(v) v_orders(v)]" {
		t.Errorf("downstream of orders: %s", got)
	}
	if len(g.Upstream) != 0 || len(g.Edges) != 3 {
		t.Errorf("orders: upstream %v, %d edges (want none, 3)", g.Upstream, len(g.Edges))
	}
	g, err = a.Catalog.Dependencies(sid, s, "mv_count")
	if err != nil {
		t.Fatal(err)
	}
	if got := names(g.Upstream); got != "[customers(r) orders(r) v_big(v) v_orders(v)]" {
		t.Errorf("upstream of mv_count: %s", got)
	}
	g, err = a.Catalog.Dependencies(sid, s, "v_alone")
	if err != nil || len(g.Upstream)+len(g.Downstream) != 0 {
		t.Errorf("v_alone: %+v, %v; want nothing around it", g, err)
	}
	if _, err := a.Catalog.Dependencies(sid, s, "missing"); err == nil {
		t.Error("an unknown relation should be not found")
	}
}
