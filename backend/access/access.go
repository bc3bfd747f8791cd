// Package access computes effective privileges: what a principal can do through
// its own grants, the roles it belongs to (transitively), its groups and PUBLIC,
// and why. It is pure logic over a model.Snapshot.
package access

import (
	"sort"

	"github.com/redshiftmate/rsmate/backend/model"
)

// GrantLookup returns the explicit grants held by one grantee. The catalog
// index implements it; tests may use ByGrantee.
type GrantLookup interface {
	GrantsTo(p model.PrincipalRef) []model.Grant
}

// ByGrantee indexes a snapshot's grants by grantee.
type ByGrantee map[model.PrincipalRef][]model.Grant

// IndexGrants builds a ByGrantee from a snapshot.
func IndexGrants(s *model.Snapshot) ByGrantee {
	idx := ByGrantee{}
	for _, g := range s.Grants {
		idx[g.Grantee] = append(idx[g.Grantee], g)
	}
	return idx
}

func (b ByGrantee) GrantsTo(p model.PrincipalRef) []model.Grant { return b[p] }

// Path is how a principal reaches a grantee: the chain of memberships from the
// principal (exclusive) to the grantee (inclusive). An empty path is a direct grant.
type Path = []model.PrincipalRef

// Reach lists every principal whose grants apply to p, each with the shortest
// membership path: p itself (empty path), roles reached through role
// memberships (transitively; PostgreSQL NOINHERIT stops inheritance), groups of
// a user, and PUBLIC.
func Reach(s *model.Snapshot, p model.PrincipalRef) map[model.PrincipalRef]Path {
	parents := map[model.PrincipalRef][]model.Membership{}
	for _, m := range s.Memberships {
		parents[m.Member] = append(parents[m.Member], m)
	}
	inherits := inheritFunc(s)
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

// inheritFunc says whether a membership passes privileges on. Redshift always
// inherits; PostgreSQL follows the membership's INHERIT option (16+) or the
// member's INHERIT attribute.
func inheritFunc(s *model.Snapshot) func(model.Membership) bool {
	if s.Engine != "postgres" {
		return func(model.Membership) bool { return true }
	}
	attr := map[model.PrincipalRef]bool{}
	for _, u := range s.Users {
		attr[model.UserRef(u.Name)] = u.Inherit
	}
	for _, r := range s.Roles {
		attr[model.RoleRef(r.Name)] = r.Inherit
	}
	return func(m model.Membership) bool {
		if m.InheritOption != nil {
			return *m.InheritOption
		}
		inh, known := attr[m.Member]
		return inh || !known
	}
}

// Source is one reason a principal holds a privilege.
type Source struct {
	Via   Path        `json:"via"` // empty: granted directly
	Grant model.Grant `json:"grant"`
}

// Cell is the effective state of one privilege on one object, or (Scope set)
// of one Redshift scoped permission.
type Cell struct {
	Object    model.ObjectRef `json:"object"`
	Privilege string          `json:"privilege"`
	// Scope is "" for an object privilege. For a scoped permission it names
	// what the permission covers in Object (a schema or the database): every
	// current and future "TABLES", "FUNCTIONS", "SCHEMAS" … there. It is not an
	// ACL entry on those objects, nor a privilege on Object itself.
	Scope       string   `json:"scope,omitempty"`
	Direct      bool     `json:"direct"`      // held by the principal itself
	Inherited   bool     `json:"inherited"`   // held through a role, group or PUBLIC
	GrantOption bool     `json:"grantOption"` // some source carries WITH GRANT OPTION
	Sources     []Source `json:"sources"`
}

// Effective is a principal's effective privileges.
type Effective struct {
	Principal model.PrincipalRef `json:"principal"`
	// Superuser principals bypass every check: Cells then lists only explicit grants.
	Superuser bool `json:"superuser"`
	// Cells are object privileges (from grants with no Scope).
	Cells []Cell `json:"cells"`
	// Scoped are Redshift scoped permissions, kept apart from Cells: a scoped
	// SELECT FOR TABLES IN SCHEMA s is neither SELECT on the schema nor an
	// entry in each table's ACL.
	Scoped []Cell `json:"scoped"`
	// Reach is every other principal whose grants apply, nearest first.
	Reach []Reached `json:"reach"`
}

// Reached is one principal whose grants apply, and the membership path to it.
type Reached struct {
	From model.PrincipalRef   `json:"from"`
	Via  []model.PrincipalRef `json:"via"`
}

// Sorted lists a Reach map except p itself, nearest first, then by name.
func Sorted(reach map[model.PrincipalRef]Path, p model.PrincipalRef) []Reached {
	out := []Reached{}
	for who, path := range reach {
		if who != p {
			out = append(out, Reached{From: who, Via: path})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i].Via) != len(out[j].Via) {
			return len(out[i].Via) < len(out[j].Via)
		}
		return refKey(out[i].From) < refKey(out[j].From)
	})
	return out
}

type cellKey struct {
	obj   model.ObjectRef
	priv  string
	scope string
}

// Compute gathers the effective privileges of p on every object, and its
// scoped permissions apart.
func Compute(s *model.Snapshot, grants GrantLookup, p model.PrincipalRef) Effective {
	reach := Reach(s, p)
	eff := Effective{Principal: p, Superuser: isSuperuser(s, p, reach), Reach: Sorted(reach, p), Scoped: []Cell{}}
	cells := map[cellKey]*Cell{}
	var order []cellKey
	for who, path := range reach {
		for _, g := range grants.GrantsTo(who) {
			k := cellKey{g.Object, g.Privilege, g.Scope}
			c := cells[k]
			if c == nil {
				c = &Cell{Object: g.Object, Privilege: g.Privilege, Scope: g.Scope}
				cells[k] = c
				order = append(order, k)
			}
			if len(path) == 0 {
				c.Direct = true
			} else {
				c.Inherited = true
			}
			c.GrantOption = c.GrantOption || g.GrantOption
			c.Sources = append(c.Sources, Source{Via: path, Grant: g})
		}
	}
	sort.Slice(order, func(i, j int) bool { return lessKey(order[i], order[j]) })
	for _, k := range order {
		c := cells[k]
		sort.SliceStable(c.Sources, func(i, j int) bool { return len(c.Sources[i].Via) < len(c.Sources[j].Via) })
		if c.Scope != "" {
			eff.Scoped = append(eff.Scoped, *c)
		} else {
			eff.Cells = append(eff.Cells, *c)
		}
	}
	return eff
}

// isSuperuser is true for a superuser user, or (PostgreSQL) a member of a
// superuser role with inheritance — PostgreSQL does not inherit SUPERUSER, so
// only the principal's own attribute counts.
func isSuperuser(s *model.Snapshot, p model.PrincipalRef, _ map[model.PrincipalRef]Path) bool {
	switch p.Kind {
	case model.KindUser:
		for _, u := range s.Users {
			if u.Name == p.Name {
				return u.Superuser
			}
		}
	case model.KindRole:
		for _, r := range s.Roles {
			if r.Name == p.Name {
				return r.Superuser
			}
		}
	}
	return false
}

func refKey(p model.PrincipalRef) string { return string(p.Kind) + ":" + p.Name }

func lessKey(a, b cellKey) bool {
	if a.obj.Kind != b.obj.Kind {
		return a.obj.Kind < b.obj.Kind
	}
	if a.obj.Schema != b.obj.Schema {
		return a.obj.Schema < b.obj.Schema
	}
	if a.obj.Name != b.obj.Name {
		return a.obj.Name < b.obj.Name
	}
	if a.obj.Args != b.obj.Args {
		return a.obj.Args < b.obj.Args
	}
	if a.obj.Column != b.obj.Column {
		return a.obj.Column < b.obj.Column
	}
	if a.scope != b.scope {
		return a.scope < b.scope
	}
	return a.priv < b.priv
}
