// Package access computes effective privileges: what a principal can do through
// its own grants, the roles it belongs to (transitively), its groups and PUBLIC,
// and why. It is pure logic over a model.Snapshot.
package access

import (
	"slices"
	"sort"
	"strings"

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
	// System are Redshift system permissions (IGNORE RLS, EXPLAIN MASKING, …)
	// held directly (roles) or through roles.
	System []SystemCell `json:"system,omitempty"`
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
		return model.ComparePrincipals(out[i].From, out[j].From) < 0
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
	// The grants first, so the builder is sized once: a whole database's
	// access is tens of thousands of cells, and growing to it copied them
	// several times over.
	type part struct {
		gs   []model.Grant
		path Path
		note string
	}
	var parts []part
	total := 0
	for who, path := range reach {
		note := pathNote(path)
		if gs := e.grants(who); len(gs) > 0 {
			parts = append(parts, part{gs, path, note})
			total += len(gs)
		}
		if gs := e.predefined(who); len(gs) > 0 {
			parts = append(parts, part{gs, path, joinNotes(note, notePredefined+who.Name)})
			total += len(gs)
		}
	}
	b := newBuilder()
	b.reserve(total)
	for _, pt := range parts {
		for _, g := range pt.gs {
			b.add(g, pt.path, "", pt.note)
		}
	}
	eff.SetRoleSuperuser = e.addSetRole(p, reach, b)
	eff.Cells, eff.Scoped = b.sorted()
	eff.System = systemCells(e.s, reach)
	return eff
}

// builder collects cells. Session sources must all be added before SET ROLE
// ones: a privilege the session holds gains nothing from a SET ROLE.
//
// Cells live in one slice and first sources in shared chunks: a whole
// database's access is tens of thousands of cells, and one allocation per
// cell made the garbage collector (scanning the loaded catalog) the main cost.
// They are found, and sorted, by object: an object has a few cells (one per
// privilege), and a principal's grants come grouped by object, so most adds
// compare with the last object instead of hashing one.
type builder struct {
	objAt map[model.ObjectRef]int32 // index into objs and heads
	objs  []model.ObjectRef
	heads []int32 // each object's first cell
	last  int32   // the object of the last add, -1 before any
	cells []Cell
	next  []int32  // the next cell of the same object, -1 at the end
	chunk []Source // free room for first sources
}

// newBuilder starts without an object map: who-can-access makes a builder
// per holder (thousands at 100,000 users), each with an object or two,
// found by a scan until there are more (see object).
func newBuilder() *builder { return &builder{last: -1} }

// reserve makes room for n grants' cells and first sources.
func (b *builder) reserve(n int) {
	b.cells, b.next = make([]Cell, 0, n), make([]int32, 0, n)
	b.chunk = make([]Source, 0, min(512, n))
	if n > smallBuilder {
		b.objAt = make(map[model.ObjectRef]int32, n/2)
	}
}

// smallBuilder is how many objects a builder scans before it maps them.
const smallBuilder = 8

func (b *builder) object(o model.ObjectRef) int32 {
	if b.last >= 0 && b.objs[b.last] == o {
		return b.last
	}
	var oi int32
	ok := false
	if b.objAt == nil {
		for i := range b.objs {
			if b.objs[i] == o {
				oi, ok = int32(i), true
				break
			}
		}
		if !ok && len(b.objs) >= smallBuilder {
			b.objAt = make(map[model.ObjectRef]int32, 2*len(b.objs))
			for i, x := range b.objs {
				b.objAt[x] = int32(i)
			}
		}
	} else {
		oi, ok = b.objAt[o]
	}
	if !ok {
		oi = int32(len(b.objs))
		if b.objAt != nil {
			b.objAt[o] = oi
		}
		b.objs, b.heads = append(b.objs, o), append(b.heads, -1)
	}
	b.last = oi
	return oi
}

func (b *builder) add(g model.Grant, path Path, setRole, note string) {
	oi := b.object(g.Object)
	i := b.heads[oi]
	for i >= 0 && (b.cells[i].Privilege != g.Privilege || b.cells[i].Scope != g.Scope) {
		i = b.next[i]
	}
	if i < 0 {
		i = int32(len(b.cells))
		b.cells = append(b.cells, Cell{Object: g.Object, Privilege: g.Privilege, Scope: g.Scope})
		b.next = append(b.next, b.heads[oi])
		b.heads[oi] = i
	}
	c := &b.cells[i]
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
	src := Source{Via: path, Grant: g, SetRole: setRole, Note: note}
	if c.Sources != nil {
		c.Sources = append(c.Sources, src) // capacity 1: a second source moves the cell's own
		return
	}
	if len(b.chunk) == cap(b.chunk) {
		// Grow with the builder: who-can-access makes one per holder, most
		// with a cell or two.
		b.chunk = make([]Source, 0, min(512, max(2, 2*cap(b.chunk))))
	}
	b.chunk = append(b.chunk, src)
	n := len(b.chunk)
	c.Sources = b.chunk[n-1 : n : n]
}

// sorted returns the object-privilege cells and, apart, the scoped
// permissions, each in object order (then scope and privilege) with its
// sources nearest first (session sources before SET ROLE ones; PUBLIC after
// other equally near grantees).
func (b *builder) sorted() (cells, scoped []Cell) {
	// Sort the objects, then each object's few cells: a third of the
	// comparisons of sorting every cell by its whole key.
	// One object without scoped permissions (who can access it: thousands of
	// builders): its cells, sorted where they are, are the answer.
	if len(b.objs) == 1 && !slices.ContainsFunc(b.cells, func(c Cell) bool { return c.Scope != "" }) {
		slices.SortFunc(b.cells, func(x, y Cell) int { return strings.Compare(x.Privilege, y.Privilege) })
		for i := range b.cells {
			if len(b.cells[i].Sources) > 1 {
				sortSources(b.cells[i].Sources)
			}
		}
		return b.cells, []Cell{}
	}
	order := make([]int32, len(b.objs))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(i, j int32) int { return compareObject(b.objs[i], b.objs[j]) })
	cells, scoped = make([]Cell, 0, len(b.cells)), []Cell{}
	var group []int32
	for _, oi := range order {
		group = group[:0]
		for i := b.heads[oi]; i >= 0; i = b.next[i] {
			group = append(group, i)
		}
		if len(group) > 1 {
			slices.SortFunc(group, func(i, j int32) int {
				x, y := &b.cells[i], &b.cells[j]
				if c := strings.Compare(x.Scope, y.Scope); c != 0 {
					return c
				}
				return strings.Compare(x.Privilege, y.Privilege)
			})
		}
		for _, i := range group {
			c := b.cells[i]
			if len(c.Sources) > 1 { // most cells have one source: skip the sort's setup
				sortSources(c.Sources)
			}
			if c.Scope != "" {
				scoped = append(scoped, c)
			} else {
				cells = append(cells, c)
			}
		}
	}
	return cells, scoped
}

// sortSources orders a cell's sources: session ones before SET ROLE ones,
// nearest first, PUBLIC after other equally near grantees, then by grantee.
func sortSources(srcs []Source) {
	slices.SortStableFunc(srcs, func(a, z Source) int {
		if (a.SetRole == "") != (z.SetRole == "") {
			if a.SetRole == "" {
				return -1
			}
			return 1
		}
		if d := len(a.Via) - len(z.Via); d != 0 {
			return d
		}
		// Equally near: PUBLIC (the least specific) last, then by
		// grantee, so the order never depends on map iteration.
		if pa, pz := a.Grant.Grantee.Kind == model.KindPublic, z.Grant.Grantee.Kind == model.KindPublic; pa != pz {
			if pz {
				return -1
			}
			return 1
		}
		return model.ComparePrincipals(a.Grant.Grantee, z.Grant.Grantee)
	})
}

// compareObject orders objects by kind, schema, name, arguments, column.
func compareObject(a, b model.ObjectRef) int {
	if a.Kind != b.Kind {
		return strings.Compare(string(a.Kind), string(b.Kind))
	}
	if c := strings.Compare(a.Schema, b.Schema); c != 0 {
		return c
	}
	if c := strings.Compare(a.Name, b.Name); c != 0 {
		return c
	}
	if c := strings.Compare(a.Args, b.Args); c != 0 {
		return c
	}
	return strings.Compare(a.Column, b.Column)
}
