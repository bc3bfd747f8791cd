package access

import "github.com/redshiftmate/rsmate/backend/model"

// Inherits says whether a membership passes its role's privileges on without
// SET ROLE (the rule effective access follows), for views that draw memberships.
func Inherits(s *model.Snapshot) func(model.Membership) bool { return newEnv(s, nil).inherits }

// InheritsIn is Inherits reading member attributes through lk (the catalog
// index): it costs one lookup per call, where Inherits indexes the snapshot.
func InheritsIn(s *model.Snapshot, lk Lookup) func(model.Membership) bool {
	return newEnv(s, lk).inherits
}
