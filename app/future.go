package app

import (
	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/future"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/vocab"
)

// FutureObject answers "what will an object of type t, created by creator in
// schema tomorrow, get — and for whom?" from the loaded catalog.
func (s *CatalogService) FutureObject(sessionID string, creator model.PrincipalRef, schema string, t model.DefaultObjectType) (a future.Answer, err error) {
	defer guard(&err)
	x, err := s.index(sessionID)
	if err != nil {
		return a, err
	}
	snap := x.Snapshot()
	v := vocab.Of(snap).ForVersion(vocab.MajorVersion(snap.ServerVersion)) // no MAINTAIN before PostgreSQL 17
	if v.Default(t) == nil {
		return a, apperr.Invalid("%s has no default privileges on %s", snap.Engine, t)
	}
	if !x.Exists(creator) || creator.Kind == model.KindPublic {
		return a, apperr.NotFound(string(creator.Kind), creator.Name)
	}
	if _, ok := x.Schema(schema); !ok {
		return a, apperr.NotFound("schema", schema)
	}
	var owner []string
	for _, k := range v.Kinds {
		if k.Default == t {
			owner = k.PrivilegeNames()
		}
	}
	if owner == nil {
		owner = v.Default(t).Privileges // types, schemas, sequences: what defaults can give is what the owner holds
	}
	return future.Simulate(snap, creator, schema, t, owner), nil
}
