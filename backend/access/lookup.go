package access

import (
	"slices"

	"github.com/redshiftmate/rsmate/backend/model"
)

// Lookup is what the computations read besides the snapshot, answered
// without scanning it: the catalog index implements it. Given only a
// GrantLookup, Compute and Reach index the snapshot themselves on each call.
type Lookup interface {
	GrantLookup
	// GrantsToIn lists p's grants on objects whose ObjectRef.Schema is schema.
	GrantsToIn(p model.PrincipalRef, schema string) []model.Grant
	// MemberOf lists the memberships where p is the member.
	MemberOf(p model.PrincipalRef) []model.Membership
	User(name string) (model.User, bool)
	Role(name string) (model.Role, bool)
	// Relations lists the relations of one schema.
	Relations(schema string) []model.Relation
}

// env is one computation's view of the catalog.
type env struct {
	s  *model.Snapshot
	lk Lookup
	// dbOwner is the database owner's implicit membership in
	// pg_database_owner, when there is one.
	dbOwner *model.Membership
	// schema limits grants and implicit privileges to one schema (and the
	// database-wide scoped permissions, which cover it) when limited.
	schema  string
	limited bool
}

func newEnv(s *model.Snapshot, grants GrantLookup) *env {
	lk, ok := grants.(Lookup)
	if !ok {
		lk = scanSnapshot(s, grants)
	}
	e := &env{s: s, lk: lk}
	if m, ok := e.databaseOwnerMembership(); ok {
		e.dbOwner = &m
	}
	return e
}

func (e *env) parents(p model.PrincipalRef) []model.Membership {
	ms := e.lk.MemberOf(p)
	if e.dbOwner != nil && e.dbOwner.Member == p {
		ms = append(slices.Clip(ms), *e.dbOwner)
	}
	return ms
}

// inherits says whether a membership passes privileges on. Redshift always
// inherits; PostgreSQL follows the membership's INHERIT option (16+) or the
// member's INHERIT attribute.
func (e *env) inherits(m model.Membership) bool {
	if e.s.Engine != "postgres" {
		return true
	}
	if m.InheritOption != nil {
		return *m.InheritOption
	}
	switch m.Member.Kind {
	case model.KindUser:
		if u, ok := e.lk.User(m.Member.Name); ok {
			return u.Inherit
		}
	case model.KindRole:
		if r, ok := e.lk.Role(m.Member.Name); ok {
			return r.Inherit
		}
	}
	return true
}

// superuser reports the principal's own SUPERUSER attribute. Membership in
// a superuser role does not count: PostgreSQL never inherits SUPERUSER (a
// member must SET ROLE to it; see Effective.SetRoleSuperuser).
func (e *env) superuser(p model.PrincipalRef) bool {
	switch p.Kind {
	case model.KindUser:
		u, _ := e.lk.User(p.Name)
		return u.Superuser
	case model.KindRole:
		r, _ := e.lk.Role(p.Name)
		return r.Superuser
	}
	return false
}

// grants lists who's explicit grants in scope of this computation.
func (e *env) grants(who model.PrincipalRef) []model.Grant {
	if !e.limited {
		return e.lk.GrantsTo(who)
	}
	out := e.lk.GrantsToIn(who, e.schema)
	if e.schema == "" {
		return out
	}
	for _, g := range e.lk.GrantsToIn(who, "") {
		if g.Scope != "" && g.Object.Kind == model.ObjDatabase {
			out = append(out, g)
		}
	}
	return out
}

// scan is a Lookup over a snapshot alone, indexed once per computation.
type scan struct {
	GrantLookup
	s         *model.Snapshot
	parents   map[model.PrincipalRef][]model.Membership
	users     map[string]int
	roles     map[string]int
	relations map[string][]model.Relation
}

func scanSnapshot(s *model.Snapshot, grants GrantLookup) *scan {
	if grants == nil {
		grants = tableGrants{s}
	}
	x := &scan{GrantLookup: grants, s: s, parents: map[model.PrincipalRef][]model.Membership{},
		users: map[string]int{}, roles: map[string]int{}, relations: map[string][]model.Relation{}}
	for _, m := range s.Memberships {
		x.parents[m.Member] = append(x.parents[m.Member], m)
	}
	for i, u := range s.Users {
		x.users[u.Name] = i
	}
	for i, r := range s.Roles {
		x.roles[r.Name] = i
	}
	for _, r := range s.Relations {
		x.relations[r.Schema] = append(x.relations[r.Schema], r)
	}
	return x
}

func (x *scan) GrantsToIn(p model.PrincipalRef, schema string) []model.Grant {
	var out []model.Grant
	for _, g := range x.GrantsTo(p) {
		if g.Object.Schema == schema {
			out = append(out, g)
		}
	}
	return out
}

func (x *scan) MemberOf(p model.PrincipalRef) []model.Membership { return x.parents[p] }

func (x *scan) User(name string) (model.User, bool) {
	i, ok := x.users[name]
	if !ok {
		return model.User{}, false
	}
	return x.s.Users[i], true
}

func (x *scan) Role(name string) (model.Role, bool) {
	i, ok := x.roles[name]
	if !ok {
		return model.Role{}, false
	}
	return x.s.Roles[i], true
}

func (x *scan) Relations(schema string) []model.Relation { return x.relations[schema] }

// tableGrants answers from the snapshot's grant table (indexed by the table).
type tableGrants struct{ s *model.Snapshot }

func (t tableGrants) GrantsTo(p model.PrincipalRef) []model.Grant { return t.s.Grants.To(p) }
