package app

import (
	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/rolegraph"
)

// RoleGraph draws the membership hierarchy of the loaded catalog: every role
// and group (users as counts) when focus is nil, or everything around one
// principal — the roles it reaches and the members that reach it.
func (s *CatalogService) RoleGraph(sessionID string, focus *model.PrincipalRef) (g rolegraph.Graph, err error) {
	defer guard(&err)
	x, err := s.index(sessionID)
	if err != nil {
		return g, err
	}
	if focus == nil {
		return rolegraph.Whole(x.Snapshot()), nil
	}
	if !x.Exists(*focus) {
		return g, apperr.NotFound(string(focus.Kind), focus.Name)
	}
	return rolegraph.Focus(x.Snapshot(), *focus), nil
}
