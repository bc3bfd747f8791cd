package app

import (
	"github.com/redshiftmate/rsmate/backend/access"
	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/catalog"
	"github.com/redshiftmate/rsmate/backend/depends"
	"github.com/redshiftmate/rsmate/backend/model"
)

// relkind is the catalog letter the dependency graph uses for a relation kind.
var relkind = map[model.RelationKind]string{
	model.RelTable: "r", model.RelView: "v", model.RelLateBindingView: "v", model.RelMaterializedView: "m",
	model.RelPartitionedTable: "p", model.RelForeignTable: "f", model.RelExternalTable: "r",
}

// DependencyNode is what the graph says about one relation around the one
// asked for: its kind as the loaded catalog knows it (a late-binding view on
// Redshift), its owner (a view reads its tables with its owner's privileges)
// and how many principals can read it, so an admin sees who is affected when
// the grants below it change.
type DependencyNode struct {
	Schema string             `json:"schema"`
	Name   string             `json:"name"`
	Kind   model.RelationKind `json:"kind" ts_type:"'table' | 'view' | 'materialized_view' | 'late_binding_view' | 'external_table' | 'partitioned_table' | 'foreign_table' | 'sequence'"`
	Owner  string             `json:"owner"`
	// Readers counts the users, roles and groups that can SELECT it (through
	// roles at any depth, ownership or superuser); PUBLIC is not counted.
	Readers int `json:"readers"`
	// Public: PUBLIC can SELECT it, so every user can.
	Public bool `json:"public"`
	// SecurityInvoker: a view that checks the reader's own privileges on what
	// it reads (PostgreSQL 15+), not its owner's.
	SecurityInvoker bool `json:"securityInvoker"`
}

// DependencyGraph is the graph around one relation with a node for the
// relation itself and each relation in Upstream and Downstream.
type DependencyGraph struct {
	Graph depends.Graph    `json:"graph"`
	Nodes []DependencyNode `json:"nodes"`
}

// Dependencies lists the views built on a relation and what it is built from,
// at any depth (one statement, on demand), with who can read each of them
// (from the loaded catalog).
func (s *CatalogService) Dependencies(sessionID, schema, relation string) (g DependencyGraph, err error) {
	defer guard(&err)
	sess, err := s.app.sessions.Get(sessionID)
	if err != nil {
		return g, err
	}
	x, err := s.index(sessionID)
	if err != nil {
		return g, err
	}
	rel, ok := x.Relation(schema, relation)
	if !ok {
		return g, apperr.NotFound("relation", schema+"."+relation)
	}
	edges, err := depends.Load(sess.Context(), sess.Pool, x.Snapshot().ServerVersion >= 150000)
	if err != nil {
		return g, err
	}
	around := depends.Around(edges, schema, relation, relkind[rel.Kind])
	return DependencyGraph{Graph: around, Nodes: dependencyNodes(x, around)}, nil
}

// dependencyNodes describes the root and every relation around it; the
// reader counts come from one Inverse, which walks each grantee's reach once.
func dependencyNodes(x *catalog.Index, g depends.Graph) []DependencyNode {
	invoker := map[[2]string]bool{}
	for _, e := range g.Edges {
		if e.View.SecurityInvoker {
			invoker[[2]string{e.View.Schema, e.View.Name}] = true
		}
	}
	rels := append(append([]depends.Rel{g.Root}, g.Upstream...), g.Downstream...)
	inv := access.NewInverse(x.Snapshot(), x)
	out := make([]DependencyNode, 0, len(rels))
	for _, r := range rels {
		n := DependencyNode{Schema: r.Schema, Name: r.Name, Kind: model.RelTable, SecurityInvoker: invoker[[2]string{r.Schema, r.Name}]}
		if c, ok := x.Relation(r.Schema, r.Name); ok {
			n.Kind, n.Owner = c.Kind, c.Owner
		} else if r.Kind == "v" {
			n.Kind = model.RelView
		} else if r.Kind == "m" {
			n.Kind = model.RelMaterializedView
		}
		n.Readers, n.Public = inv.Readers(model.ObjectRef{Kind: model.ObjTable, Schema: r.Schema, Name: r.Name})
		out = append(out, n)
	}
	return out
}
