package app

import (
	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/compare"
	"github.com/redshiftmate/rsmate/backend/model"
)

// Compare sets two principals side by side and returns the change set that
// makes b like a (queued and previewed by the UI like any other change).
func (s *CatalogService) Compare(sessionID string, a, b model.PrincipalRef) (c compare.Comparison, err error) {
	defer guard(&err)
	x, err := s.index(sessionID)
	if err != nil {
		return c, err
	}
	for _, p := range []model.PrincipalRef{a, b} {
		if p.Kind == model.KindPublic {
			return c, apperr.Invalid("PUBLIC cannot be compared: it has no attributes or memberships; open its page to see its grants")
		}
		if !x.Exists(p) {
			return c, apperr.NotFound(string(p.Kind), p.Name)
		}
	}
	if a == b {
		return c, apperr.Invalid("choose two different principals to compare")
	}
	return compare.Principals(x, a, b), nil
}
