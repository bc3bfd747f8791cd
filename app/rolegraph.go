package app

import (
	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/rolegraph"
)

// RoleGraph draws the membership hierarchy of the loaded catalog: every role
// and group, users as counts.
func (s *CatalogService) RoleGraph(sessionID string) (g rolegraph.Graph, err error) {
	defer guard(&err)
	x, err := s.index(sessionID)
	if err != nil {
		return g, err
	}
	return rolegraph.WholeIn(x.Snapshot(), x), nil
}

// RoleGraphAround draws everything around one principal: the roles and groups
// it reaches and the members that reach it.
func (s *CatalogService) RoleGraphAround(sessionID string, focus model.PrincipalRef) (g rolegraph.Graph, err error) {
	defer guard(&err)
	x, err := s.index(sessionID)
	if err != nil {
		return g, err
	}
	if !x.Exists(focus) {
		return g, apperr.NotFound(string(focus.Kind), focus.Name)
	}
	return rolegraph.FocusIn(x.Snapshot(), x, focus), nil
}
