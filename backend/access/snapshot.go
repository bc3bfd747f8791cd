package access

import "github.com/redshiftmate/rsmate/backend/model"

// Snapshot-level forms of the env's rules, for callers holding only a
// snapshot.

func predefinedGrants(s *model.Snapshot, who model.PrincipalRef) []model.Grant {
	return newEnv(s, nil).predefined(who)
}

func isSuperuser(s *model.Snapshot, p model.PrincipalRef) bool { return newEnv(s, nil).superuser(p) }
