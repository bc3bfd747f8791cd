package access

import "github.com/redshiftmate/rsmate/backend/model"

// Readers answers, for one relation, what counting WhoCanAccess's SELECT
// holders answers: how many principals can read obj (SELECT on it, not only
// on some of its columns; superusers and its owner included) and whether
// PUBLIC can. It builds no cells and no paths, and each grantee's backward
// reach is walked once per Inverse, so a dependency graph of hundreds of
// views costs their grants, not hundreds of who-can-access answers.
func (v *Inverse) Readers(obj model.ObjectRef) (n int, public bool) {
	grantees := map[model.PrincipalRef]bool{}
	consider := func(gs []model.Grant) {
		for _, g := range gs {
			if g.Privilege == "SELECT" && g.Object.Kind != model.ObjColumn {
				grantees[g.Grantee] = true
			}
		}
	}
	consider(v.grants.GrantsOn(obj))
	consider(scopedCovering(v.s, v.grants, obj))
	consider(v.e.predefinedOn(obj))

	if grantees[model.Public] {
		// PUBLIC reaches every user, role and group; superusers and the owner are among them.
		if v.everyone == nil {
			v.everyone = allPrincipals(v.s)
		}
		return len(v.everyone), true
	}
	read := map[model.PrincipalRef]bool{}
	for g := range grantees {
		for _, p := range v.reach(g) {
			read[p] = true
		}
	}
	if owner, ok := v.e.ownerOf(obj); ok {
		read[owner] = true
	}
	for p := range v.supers {
		read[p] = true
	}
	return len(read), false
}

// reach is every principal whose session inherits grantee's grants (the
// grantee included), walked once per Inverse.
func (v *Inverse) reach(grantee model.PrincipalRef) []model.PrincipalRef {
	if ps, ok := v.reached[grantee]; ok {
		return ps
	}
	if v.reached == nil {
		v.reached = map[model.PrincipalRef][]model.PrincipalRef{}
	}
	walked := reachedFrom(grantee, v.members, v.e.inherits)
	ps := make([]model.PrincipalRef, 0, len(walked))
	for p := range walked {
		ps = append(ps, p)
	}
	v.reached[grantee] = ps
	return ps
}
