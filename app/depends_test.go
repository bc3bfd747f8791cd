package app

import (
	"context"
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/depends"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/pgtest"
)

// Views over views over a table, a materialized view and a view joining two
// tables, on a real server: the table's downstream is every view built on it
// at any depth, a top view's upstream everything below it; each node carries
// its catalog kind, its owner, how many principals can SELECT it and whether
// it is a security_invoker view (PostgreSQL 15+).
func TestDependenciesOfARelationAtAnyDepth(t *testing.T) {
	a := newTestApp(t)
	p := pgtest.Prefix()
	s := p + "dw"
	sid, dsn := connectTestDB(t, a,
		"CREATE SCHEMA "+s,
		"CREATE TABLE "+s+".orders (id int, cust int)",
		"CREATE TABLE "+s+".customers (id int)",
		"CREATE VIEW "+s+".v_orders AS SELECT id, cust FROM "+s+".orders",
		"CREATE VIEW "+s+".v_big AS SELECT o.id FROM "+s+".v_orders o JOIN "+s+".customers c ON c.id = o.cust",
		"CREATE MATERIALIZED VIEW "+s+".mv_count AS SELECT count(*) FROM "+s+".v_big",
		"CREATE VIEW "+s+".v_alone AS SELECT 1 AS one",
		"CREATE VIEW "+s+".v_invoker WITH (security_invoker = on) AS SELECT id FROM "+s+".orders",
		"CREATE ROLE "+p+"dep_reader",
		"CREATE ROLE "+p+"dep_member IN ROLE "+p+"dep_reader",
		"GRANT SELECT ON "+s+".v_orders TO "+p+"dep_reader",
		"GRANT SELECT ON "+s+".v_big TO PUBLIC")
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
	dg, err := a.Catalog.Dependencies(sid, s, "orders")
	if err != nil {
		t.Fatal(err)
	}
	if got := names(dg.Graph.Downstream); got != "[mv_count(m) v_big(v) v_invoker(v) v_orders(v)]" {
		t.Errorf("downstream of orders: %s", got)
	}
	if len(dg.Graph.Upstream) != 0 || len(dg.Graph.Edges) != 4 {
		t.Errorf("orders: upstream %v, %d edges (want none, 4)", dg.Graph.Upstream, len(dg.Graph.Edges))
	}
	nodes := map[string]DependencyNode{}
	for _, n := range dg.Nodes {
		nodes[n.Name] = n
	}
	if len(dg.Nodes) != 5 || dg.Nodes[0].Name != "orders" {
		t.Fatalf("nodes: %+v, want orders first and its 4 views", dg.Nodes)
	}
	if n := nodes["mv_count"]; n.Kind != model.RelMaterializedView || n.Owner == "" {
		t.Errorf("mv_count node: %+v, want a materialized view with its owner", n)
	}
	// Readers of v_orders: those of orders (owner, superusers) plus dep_reader
	// and its member dep_member; v_big is readable by PUBLIC.
	if got, want := nodes["v_orders"].Readers, nodes["orders"].Readers+2; got != want {
		t.Errorf("v_orders readers %d, want %d (the table's plus dep_reader and dep_member)", got, want)
	}
	if nodes["v_orders"].Public || !nodes["v_big"].Public {
		t.Errorf("PUBLIC reads v_big, not v_orders: %+v %+v", nodes["v_orders"], nodes["v_big"])
	}
	if !nodes["v_invoker"].SecurityInvoker || nodes["v_orders"].SecurityInvoker {
		t.Errorf("security_invoker: v_invoker %v, v_orders %v", nodes["v_invoker"].SecurityInvoker, nodes["v_orders"].SecurityInvoker)
	}
	dg, err = a.Catalog.Dependencies(sid, s, "mv_count")
	if err != nil {
		t.Fatal(err)
	}
	if got := names(dg.Graph.Upstream); got != "[customers(r) orders(r) v_big(v) v_orders(v)]" {
		t.Errorf("upstream of mv_count: %s", got)
	}
	dg, err = a.Catalog.Dependencies(sid, s, "v_alone")
	if g := dg.Graph; err != nil || len(g.Upstream)+len(g.Downstream) != 0 {
		t.Errorf("v_alone: %+v, %v; want nothing around it", dg, err)
	}
	// Without the security_invoker column (the statement Redshift and
	// PostgreSQL before 15 get): the same edges, no view marked.
	conn, err := pgx.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	plain, err := depends.Load(context.Background(), conn, false)
	if err != nil {
		t.Fatal(err)
	}
	withInvoker, err := depends.Load(context.Background(), conn, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(plain) != len(withInvoker) {
		t.Errorf("%d edges without the option column, %d with it", len(plain), len(withInvoker))
	}
	for _, e := range plain {
		if e.View.SecurityInvoker {
			t.Errorf("%s marked security_invoker without reading the option", e.View.Name)
		}
	}
	if _, err := a.Catalog.Dependencies(sid, s, "missing"); err == nil {
		t.Error("an unknown relation should be not found")
	}
}
