package app

import (
	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/depends"
	"github.com/redshiftmate/rsmate/backend/model"
)

// relkind is the catalog letter the dependency graph uses for a relation kind.
var relkind = map[model.RelationKind]string{
	model.RelTable: "r", model.RelView: "v", model.RelLateBindingView: "v", model.RelMaterializedView: "m",
	model.RelPartitionedTable: "p", model.RelForeignTable: "f", model.RelExternalTable: "r",
}

// Dependencies lists the views built on a relation and what it is built from,
// at any depth (one statement, on demand).
func (s *CatalogService) Dependencies(sessionID, schema, relation string) (g depends.Graph, err error) {
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
	edges, err := depends.Load(sess.Context(), sess.Pool)
	if err != nil {
		return g, err
	}
	return depends.Around(edges, schema, relation, relkind[rel.Kind]), nil
}
