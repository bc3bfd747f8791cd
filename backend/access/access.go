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
	for _, g := range s.Grants.All() {
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
// memberships (transitively; PostgreSQL NOINHERIT stops inheritance, and the
// database owner is implicitly a member of pg_database_owner), groups of a
// user, and PUBLIC.
func Reach(s *model.Snapshot, p model.PrincipalRef) map[model.PrincipalRef]Path {
	return newEnv(s, nil).reach(p)
}

// ReachIn is Reach reading memberships and attributes through lk (the
// catalog index): it costs what it visits.
func ReachIn(s *model.Snapshot, lk Lookup, p model.PrincipalRef) map[model.PrincipalRef]Path {
	return newEnv(s, lk).reach(p)
}

func (e *env) reach(p model.PrincipalRef) map[model.PrincipalRef]Path {
	out := map[model.PrincipalRef]Path{p: {}}
	queue := []model.PrincipalRef{p}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, m := range e.parents(cur) {
			if _, seen := out[m.Of]; seen || !e.inherits(m) {
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

// Source is one reason a principal holds a privilege.
type Source struct {
	Via   Path        `json:"via"` // empty: granted directly
	Grant model.Grant `json:"grant"`
	// SetRole is the role to SET ROLE to for this source to apply; "" when
	// it applies in the login session. Via then starts with the path to it.
	SetRole string `json:"setRole,omitempty"`
	// Note explains a step no catalog row shows: "owner of the database, hence
	// pg_database_owner", "member of pg_read_all_data" (a predefined role's
	// privilege, which no ACL lists).
	Note string `json:"note,omitempty"`
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
	Scope       string `json:"scope,omitempty"`
	Direct      bool   `json:"direct"`      // held by the principal itself
	Inherited   bool   `json:"inherited"`   // held through a role, group or PUBLIC
	GrantOption bool   `json:"grantOption"` // some source carries WITH GRANT OPTION
	// SetRole is set when the privilege is not held in the login session but
	// one SET ROLE away (PostgreSQL): the nearest role to set. Direct and
	// Inherited are then false.
	SetRole string   `json:"setRole,omitempty"`
	Sources []Source `json:"sources"`
}

// Effective is a principal's effective privileges.
type Effective struct {
	Principal model.PrincipalRef `json:"principal"`
	// Superuser principals bypass every check: Cells then lists only explicit grants.
	Superuser bool `json:"superuser"`
	// SetRoleSuperuser names a superuser role it can SET ROLE to (then it
	// bypasses every check too); "" when none.
	SetRoleSuperuser string `json:"setRoleSuperuser,omitempty"`
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
	// Note explains an implicit step of Via (the database owner's pg_database_owner).
	Note string `json:"note,omitempty"`
}

// Sorted lists a Reach map except p itself, nearest first, then by name.
func Sorted(reach map[model.PrincipalRef]Path, p model.PrincipalRef) []Reached {
	out := []Reached{}
	for who, path := range reach {
		if who != p {
			out = append(out, Reached{From: who, Via: path, Note: pathNote(path)})
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

// Compute gathers the effective privileges of p on every object: those of
// its login session (direct and inherited, including the implicit ones of
// PostgreSQL's predefined roles), then those one SET ROLE away; Redshift's
// scoped permissions are kept apart from object privileges.
func Compute(s *model.Snapshot, grants GrantLookup, p model.PrincipalRef) Effective {
	return newEnv(s, grants).compute(p)
}

// ComputeIn is Compute limited to the objects of one schema, the schema
// itself, and the scoped permissions in it or database-wide (they cover it
// too). Through a Lookup it costs what that schema holds, not the catalog.
func ComputeIn(s *model.Snapshot, lk Lookup, p model.PrincipalRef, schema string) Effective {
	e := newEnv(s, lk)
	e.schema, e.limited = schema, true
	return e.compute(p)
}

func (e *env) compute(p model.PrincipalRef) Effective {
	reach := e.reach(p)
	eff := Effective{Principal: p, Superuser: e.superuser(p), Reach: Sorted(reach, p)}
	b := &builder{cells: map[cellKey]*Cell{}}
	for who, path := range reach {
		note := pathNote(path)
		for _, g := range e.grants(who) {
			b.add(g, path, "", note)
		}
		for _, g := range e.predefined(who) {
			b.add(g, path, "", joinNotes(note, notePredefined+who.Name))
		}
	}
	eff.SetRoleSuperuser = e.addSetRole(p, reach, b)
	eff.Cells, eff.Scoped = b.sorted()
	return eff
}

// builder collects cells. Session sources must all be added before SET ROLE
// ones: a privilege the session holds gains nothing from a SET ROLE.
type builder struct {
	cells map[cellKey]*Cell
	order []cellKey
}

func (b *builder) add(g model.Grant, path Path, setRole, note string) {
	k := cellKey{g.Object, g.Privilege, g.Scope}
	c := b.cells[k]
	if c == nil {
		c = &Cell{Object: g.Object, Privilege: g.Privilege, Scope: g.Scope}
		b.cells[k] = c
		b.order = append(b.order, k)
	}
	switch {
	case setRole != "":
		if c.Direct || c.Inherited {
			return
		}
		if c.SetRole == "" {
			c.SetRole = setRole
		}
	case len(path) == 0:
		c.Direct = true
	default:
		c.Inherited = true
	}
	c.GrantOption = c.GrantOption || g.GrantOption
	c.Sources = append(c.Sources, Source{Via: path, Grant: g, SetRole: setRole, Note: note})
}

// sorted returns the object-privilege cells and, apart, the scoped
// permissions, each in object order with its sources nearest first (session
// sources before SET ROLE ones).
func (b *builder) sorted() (cells, scoped []Cell) {
	sort.Slice(b.order, func(i, j int) bool { return lessKey(b.order[i], b.order[j]) })
	cells, scoped = make([]Cell, 0, len(b.order)), []Cell{}
	for _, k := range b.order {
		c := b.cells[k]
		sort.SliceStable(c.Sources, func(i, j int) bool {
			a, z := c.Sources[i], c.Sources[j]
			if (a.SetRole == "") != (z.SetRole == "") {
				return a.SetRole == ""
			}
			return len(a.Via) < len(z.Via)
		})
		if c.Scope != "" {
			scoped = append(scoped, *c)
		} else {
			cells = append(cells, *c)
		}
	}
	return cells, scoped
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
