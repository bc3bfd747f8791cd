package access

import "github.com/redshiftmate/rsmate/backend/model"

// Snapshot-level forms of the env's rules, for computations that walk many
// principals at once (who can access an object, the access review): they
// build their membership graph and inheritance rule once and reuse them.

// memberships indexes the snapshot's memberships by member, with the
// database owner's implicit membership in pg_database_owner.
func memberships(s *model.Snapshot) map[model.PrincipalRef][]model.Membership {
	e := newEnv(s, nil)
	parents := map[model.PrincipalRef][]model.Membership{}
	for _, m := range s.Memberships {
		parents[m.Member] = append(parents[m.Member], m)
	}
	if e.dbOwner != nil {
		parents[e.dbOwner.Member] = append(parents[e.dbOwner.Member], *e.dbOwner)
	}
	return parents
}

// inheritFunc is env.inherits over the whole snapshot.
func inheritFunc(s *model.Snapshot) func(model.Membership) bool { return newEnv(s, nil).inherits }

// reachWith is Reach over a membership graph and inheritance rule built once.
func reachWith(p model.PrincipalRef, parents map[model.PrincipalRef][]model.Membership, inherits func(model.Membership) bool) map[model.PrincipalRef]Path {
	out := map[model.PrincipalRef]Path{p: {}}
	queue := []model.PrincipalRef{p}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, m := range parents[cur] {
			if _, seen := out[m.Of]; seen || !inherits(m) {
				continue
			}
			out[m.Of] = append(append(Path{}, out[cur]...), m.Of)
			queue = append(queue, m.Of)
		}
	}
	if p.Kind != model.KindPublic {
		out[model.Public] = Path{model.Public}
	}
	return out
}

func predefinedGrants(s *model.Snapshot, who model.PrincipalRef) []model.Grant {
	return newEnv(s, nil).predefined(who)
}

func isSuperuser(s *model.Snapshot, p model.PrincipalRef) bool { return newEnv(s, nil).superuser(p) }
