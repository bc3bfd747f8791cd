package access

import "github.com/redshiftmate/rsmate/backend/model"

// Inherits says whether a membership passes its role's privileges on without
// SET ROLE (the rule effective access follows), for views that draw memberships.
func Inherits(s *model.Snapshot) func(model.Membership) bool { return inheritFunc(s) }
