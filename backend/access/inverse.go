package access

import (
	"slices"

	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/vocab"
)

// ObjectGrants is the catalog lookup WhoCanAccess needs: the explicit grants
// on exactly one object. The catalog index implements it.
type ObjectGrants interface {
	GrantsOn(obj model.ObjectRef) []model.Grant
}

// Holder is one principal with access to an object, and why. Cells are what
// Compute(principal) holds on the object in the login session (direct or
// inherited), each with its sources; scoped permissions covering the object's
// schema or database are listed apart in Scoped, as Compute does.
type Holder struct {
	Principal model.PrincipalRef `json:"principal"`
	// Superuser principals pass every check: they have access whatever Cells say.
	Superuser bool `json:"superuser,omitempty"`
	// Owner is set for the object's owner itself (its members reach the
	// owner's implied privileges through Cells).
	Owner  bool   `json:"owner,omitempty"`
	Cells  []Cell `json:"cells"`
	Scoped []Cell `json:"scoped"`
}

// WhoCanAccess is the inverse of Compute: every principal with effective
// access to obj, through a direct grant, roles at any depth, groups, PUBLIC,
// PostgreSQL's predefined roles, ownership or superuser. It reads the
// object's grants once and walks the membership graph backwards from each
// grantee, so its cost is the object's grantees times the graph, never one
// Compute per principal.
//
// What a principal gains only after SET ROLE (PostgreSQL NOINHERIT
// memberships) is not listed: that is not access its session has.
func WhoCanAccess(s *model.Snapshot, grants ObjectGrants, obj model.ObjectRef) []Holder {
	return NewInverse(s, grants).WhoCanAccess(obj)
}

// Inverse answers WhoCanAccess for many objects of one snapshot: the view of
// the catalog, the backward membership graph and the superusers are made
// once (on a large catalog they cost more than one object's answer).
type Inverse struct {
	s        *model.Snapshot
	grants   ObjectGrants
	e        *env
	members  func(model.PrincipalRef) []model.Membership
	supers   map[model.PrincipalRef]bool
	everyone []model.PrincipalRef                        // made when PUBLIC first holds something
	reached  map[model.PrincipalRef][]model.PrincipalRef // Readers' backward walks, by grantee
}

// NewInverse prepares WhoCanAccess over one snapshot and its grants: through
// the catalog index when grants is one, else the snapshot indexed once (each
// helper indexing it anew cost more than the answer).
func NewInverse(s *model.Snapshot, grants ObjectGrants) *Inverse {
	lk, _ := grants.(GrantLookup)
	e := newEnv(s, lk)
	return &Inverse{s: s, grants: grants, e: e, members: e.membersOf(), supers: Superusers(s)}
}

// Superusers are the users and roles that bypass every privilege check.
func Superusers(s *model.Snapshot) map[model.PrincipalRef]bool {
	out := map[model.PrincipalRef]bool{}
	for _, u := range s.Users {
		if u.Superuser {
			out[model.UserRef(u.Name)] = true
		}
	}
	for _, r := range s.Roles {
		if r.Superuser {
			out[model.RoleRef(r.Name)] = true
		}
	}
	return out
}

// WhoCanAccess lists every principal with effective access to obj (see the
// package function).
func (v *Inverse) WhoCanAccess(obj model.ObjectRef) []Holder {
	s, grants, e := v.s, v.grants, v.e
	byGrantee := map[model.PrincipalRef][]model.Grant{}
	var order []model.PrincipalRef
	add := func(g model.Grant) {
		if _, seen := byGrantee[g.Grantee]; !seen {
			order = append(order, g.Grantee)
		}
		byGrantee[g.Grantee] = append(byGrantee[g.Grantee], g)
	}
	for _, g := range grants.GrantsOn(obj) {
		add(g)
	}
	for _, g := range scopedCovering(s, grants, obj) {
		add(g)
	}
	predef := map[model.PrincipalRef]bool{}
	for _, g := range e.predefinedOn(obj) {
		predef[g.Grantee] = true
		add(g)
	}

	holders := map[model.PrincipalRef]*builder{}
	// A new holder gets room for the grants it is reached with (n): most are
	// reached through one grantee, and growing thousands of builders cell by
	// cell was most of the answer's garbage.
	holderOf := func(p model.PrincipalRef, n int) *builder {
		b := holders[p]
		if b == nil {
			b = newBuilder()
			if n > 0 {
				b.reserve(n)
			}
			holders[p] = b
		}
		return b
	}
	members, inherits, supers := v.members, e.inherits, v.supers
	for _, grantee := range order {
		gs := byGrantee[grantee]
		var reached map[model.PrincipalRef]Path
		if grantee.Kind == model.KindPublic {
			if v.everyone == nil {
				v.everyone = allPrincipals(s)
			}
			reached = make(map[model.PrincipalRef]Path, len(v.everyone)+1)
			reached[model.Public] = Path{}
			for _, p := range v.everyone {
				reached[p] = Path{model.Public}
			}
		} else {
			reached = reachedFrom(grantee, members, inherits)
		}
		for p, path := range reached {
			note := pathNote(path)
			if predef[grantee] {
				note = joinNotes(note, notePredefined+grantee.Name)
			}
			b := holderOf(p, len(gs))
			for _, g := range gs {
				b.add(g, path, "", note)
			}
		}
	}

	owner, hasOwner := e.ownerOf(obj)
	if hasOwner {
		holderOf(owner, 0)
	}
	for p := range supers {
		holderOf(p, 0)
	}

	out := make([]Holder, 0, len(holders))
	for p, b := range holders {
		h := Holder{Principal: p, Superuser: supers[p], Owner: hasOwner && p == owner}
		h.Cells, h.Scoped = b.sorted()
		out = append(out, h)
	}
	slices.SortFunc(out, func(a, b Holder) int { return model.ComparePrincipals(a.Principal, b.Principal) })
	return out
}

// membersLookup is the catalog index's backward membership lookup.
type membersLookup interface {
	Members(p model.PrincipalRef) []model.Membership
}

// membersOf is the membership graph backwards: the memberships of each role
// or group, with the database owner's implicit one. Through the catalog
// index it reads only the roles walked; otherwise it indexes every
// membership (at 100,000 users that was most of a who-can-access answer).
func (e *env) membersOf() func(model.PrincipalRef) []model.Membership {
	withOwner := func(p model.PrincipalRef, ms []model.Membership) []model.Membership {
		if e.dbOwner != nil && e.dbOwner.Of == p {
			return append(slices.Clip(ms), *e.dbOwner)
		}
		return ms
	}
	if x, ok := e.lk.(membersLookup); ok {
		return func(p model.PrincipalRef) []model.Membership { return withOwner(p, x.Members(p)) }
	}
	byRole := map[model.PrincipalRef][]model.Membership{}
	for _, m := range e.s.Memberships {
		byRole[m.Of] = append(byRole[m.Of], m)
	}
	return func(p model.PrincipalRef) []model.Membership { return withOwner(p, byRole[p]) }
}

// reachedFrom walks the membership graph backwards from a grantee: every
// principal whose session inherits the grantee's grants, with its shortest
// path to it (the grantee itself: empty). Reach is the same walk forwards.
func reachedFrom(grantee model.PrincipalRef, members func(model.PrincipalRef) []model.Membership, inherits func(model.Membership) bool) map[model.PrincipalRef]Path {
	out := map[model.PrincipalRef]Path{grantee: {}}
	queue := []model.PrincipalRef{grantee}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, m := range members(cur) {
			if _, seen := out[m.Member]; seen || !inherits(m) {
				continue
			}
			out[m.Member] = append(Path{cur}, out[cur]...)
			queue = append(queue, m.Member)
		}
	}
	return out
}

// allPrincipals lists every user, role and group (PUBLIC reaches them all).
func allPrincipals(s *model.Snapshot) []model.PrincipalRef {
	out := make([]model.PrincipalRef, 0, len(s.Users)+len(s.Roles)+len(s.Groups))
	for _, u := range s.Users {
		out = append(out, model.UserRef(u.Name))
	}
	for _, r := range s.Roles {
		out = append(out, model.RoleRef(r.Name))
	}
	for _, g := range s.Groups {
		out = append(out, model.GroupRef(g.Name))
	}
	return out
}

// scopedCovering lists the Redshift scoped permissions that cover obj: those
// for its kind in its schema and in the database. They stay scoped grants on
// the schema or database (as in Compute), listed because they reach obj.
func scopedCovering(s *model.Snapshot, grants ObjectGrants, obj model.ObjectRef) []model.Grant {
	k := vocab.Of(s).Kind(obj.Kind)
	if k == nil || k.Scoped == nil {
		return nil
	}
	scope := k.Scoped.Keyword
	var out []model.Grant
	pick := func(on model.ObjectRef) {
		for _, g := range grants.GrantsOn(on) {
			if g.Scope == scope {
				out = append(out, g)
			}
		}
	}
	if obj.Kind != model.ObjSchema && obj.Schema != "" {
		pick(model.ObjectRef{Kind: model.ObjSchema, Schema: obj.Schema})
	}
	if s.Database != "" {
		pick(model.ObjectRef{Kind: model.ObjDatabase, Name: s.Database})
	}
	return out
}

// predefinedOn lists the privileges PostgreSQL's predefined roles hold on obj
// outside its ACL (see predefinedGrants), for the roles the snapshot has.
func (e *env) predefinedOn(obj model.ObjectRef) []model.Grant {
	s := e.s
	if s.Engine != "postgres" {
		return nil
	}
	k := vocab.Of(s).Kind(obj.Kind)
	relation := k != nil && len(k.Relations) > 0
	if obj.Kind != model.ObjSchema && !relation {
		return nil
	}
	if relation {
		if _, ok := e.relationOf(obj); !ok {
			return nil
		}
	}
	var out []model.Grant
	for _, name := range []string{RoleReadAllData, RoleWriteAllData, RoleMaintain} {
		if _, ok := e.lk.Role(name); !ok {
			continue
		}
		schemaPrivs, relPrivs, _ := predefinedPrivileges(name)
		privs := schemaPrivs
		if relation {
			// Those of the role's privileges the kind has: a sequence's UPDATE
			// is what nextval/setval need (see predefinedGrants).
			names := k.PrivilegeNames()
			privs = slices.DeleteFunc(slices.Clone(relPrivs), func(p string) bool { return !slices.Contains(names, p) })
		}
		for _, p := range privs {
			out = append(out, model.Grant{Object: obj, Grantee: model.RoleRef(name), Privilege: p})
		}
	}
	return out
}

func (e *env) relationOf(obj model.ObjectRef) (model.Relation, bool) {
	for _, r := range e.lk.Relations(obj.Schema) {
		if r.Name == obj.Name {
			return r, true
		}
	}
	return model.Relation{}, false
}

// ownerOf finds the principal that owns obj (columns: their relation's owner).
func (e *env) ownerOf(obj model.ObjectRef) (model.PrincipalRef, bool) {
	s := e.s
	name := ""
	switch obj.Kind {
	case model.ObjDatabase:
		for _, d := range s.Databases {
			if d.Name == obj.Name {
				name = d.Owner
			}
		}
	case model.ObjSchema:
		for _, sc := range s.Schemas {
			if sc.Name == obj.Schema {
				name = sc.Owner
			}
		}
	case model.ObjTable, model.ObjSequence, model.ObjColumn:
		if r, ok := e.relationOf(obj); ok {
			name = r.Owner
		}
	case model.ObjFunction, model.ObjProcedure:
		for _, r := range s.Routines {
			if r.Schema == obj.Schema && r.Name == obj.Name && r.Args == obj.Args {
				name = r.Owner
			}
		}
	case model.ObjLanguage:
		for _, l := range s.Languages {
			if l.Name == obj.Name {
				name = l.Owner
			}
		}
	}
	if name == "" {
		return model.PrincipalRef{}, false
	}
	return e.principalNamed(name)
}
