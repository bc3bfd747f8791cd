package app

import (
	"testing"

	"github.com/redshiftmate/rsmate/backend/catalog"
	"github.com/redshiftmate/rsmate/backend/depends"
	"github.com/redshiftmate/rsmate/backend/synthetic"
)

// BenchmarkDependencyReaders200 times what the dependency graph adds to the
// one catalog statement: who can read each of a table and 200 views built on
// it, from the synthetic catalog (2,000 users, 300 roles, 50 groups).
//
//	go test -run '^$' -bench DependencyReaders ./app
func BenchmarkDependencyReaders200(b *testing.B) {
	x := catalog.NewIndex(synthetic.Snapshot(2000))
	rels := x.Snapshot().Relations
	if len(rels) < 201 {
		b.Fatalf("the synthetic catalog has %d relations, want 201", len(rels))
	}
	rel := func(i int) depends.Rel { return depends.Rel{Schema: rels[i].Schema, Name: rels[i].Name, Kind: "v"} }
	g := depends.Graph{Root: rel(0)}
	for i := 1; i <= 200; i++ {
		g.Downstream = append(g.Downstream, rel(i))
		g.Edges = append(g.Edges, depends.Edge{View: rel(i), From: g.Root})
	}
	var nodes []DependencyNode
	for b.Loop() {
		nodes = dependencyNodes(x, g)
	}
	if len(nodes) != 201 || nodes[0].Readers == 0 {
		b.Fatalf("%d nodes, the table read by %d", len(nodes), nodes[0].Readers)
	}
	b.ReportMetric(float64(nodes[0].Readers), "table-readers")
}
