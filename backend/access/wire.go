package access

import (
	"encoding/json"
	"strings"

	"github.com/redshiftmate/rsmate/backend/model"
)

// The UI receives effective access in a wire form that says each thing once.
// A whole database's access is tens of thousands of cells: as Cells, each
// repeated its object and each source a whole model.Grant (object, grantee,
// privilege, grantor) and its path — 8 MB for 18,000 cells, most of the
// screen's time spent encoding, sending and parsing it. In the wire form a
// cell names its object and each source its path and grantor by index into tables sent
// once per answer, and a source keeps only what its cell does not already
// say: the grant's object, privilege and scope are the cell's, and its
// grantee is the last principal of the path (the principal itself when the
// path is empty).

// Tables are the objects, membership paths and grantors an answer's cells
// refer to.
type Tables struct {
	Objects []model.ObjectRef `json:"objects"`
	// Paths are membership paths as in Source.Via ([] is a direct grant).
	Paths []Path `json:"paths"`
	// Grantors are the grants' grantors; the first is "" (none recorded), so
	// a source without one leaves its index out.
	Grantors []string `json:"grantors"`
}

// WireCell is a Cell in wire form.
type WireCell struct {
	Object      int    `json:"object"` // index into Tables.Objects
	Privilege   string `json:"privilege"`
	Scope       string `json:"scope,omitempty"`
	Direct      bool   `json:"direct,omitempty"`
	Inherited   bool   `json:"inherited,omitempty"`
	GrantOption bool   `json:"grantOption,omitempty"`
	SetRole     string `json:"setRole,omitempty"`
	// Sources are in the cell's order (see Cell.Sources).
	Sources []WireSource `json:"sources"`
}

// WireSource is a Source in wire form: the grant of the cell's privilege on
// the cell's object to the last principal of its path.
type WireSource struct {
	Via         int    `json:"via"` // index into Tables.Paths
	GrantOption bool   `json:"grantOption,omitempty"`
	Grantor     int    `json:"grantor,omitempty"` // index into Tables.Grantors
	SetRole     string `json:"setRole,omitempty"`
	Note        string `json:"note,omitempty"`
}

// WireEffective is an Effective in wire form.
type WireEffective struct {
	Principal        model.PrincipalRef `json:"principal"`
	Superuser        bool               `json:"superuser"`
	SetRoleSuperuser string             `json:"setRoleSuperuser,omitempty"`
	Tables
	Cells  []WireCell   `json:"cells"`
	Scoped []WireCell   `json:"scoped"`
	System []SystemCell `json:"system,omitempty"`
	Reach  []Reached    `json:"reach"`
}

// WireHolder is a Holder in wire form: its cells and scoped permissions are
// lists of WireHolders.CellLists.
type WireHolder struct {
	Principal model.PrincipalRef `json:"principal"`
	Superuser bool               `json:"superuser,omitempty"`
	Owner     bool               `json:"owner,omitempty"`
	Cells     int                `json:"cells"`  // index into CellLists
	Scoped    int                `json:"scoped"` // index into CellLists
}

// WireHolders is a who-can-access answer in wire form. Holders share the
// tables and their cell lists: thousands of members of one role reach the
// object through the same path to it, so hold the same cells.
type WireHolders struct {
	Tables
	// CellLists are the holders' distinct cell lists; the first is empty.
	CellLists [][]WireCell `json:"cellLists"`
	Holders   []WireHolder `json:"holders"`
}

// ToWire encodes a principal's effective access in wire form.
func (e Effective) ToWire() WireEffective {
	t := newTabler()
	w := WireEffective{Principal: e.Principal, Superuser: e.Superuser, SetRoleSuperuser: e.SetRoleSuperuser,
		System: e.System, Reach: e.Reach}
	if w.Reach == nil {
		w.Reach = []Reached{}
	}
	w.Cells, w.Scoped = t.cells(e.Cells), t.cells(e.Scoped)
	w.Tables = t.Tables
	return w
}

// HoldersToWire encodes a who-can-access answer in wire form.
func HoldersToWire(hs []Holder) WireHolders {
	t := newTabler()
	w := WireHolders{CellLists: [][]WireCell{{}}, Holders: make([]WireHolder, len(hs))}
	listAt := map[string]int{"[]": 0}
	list := func(cs []Cell) int {
		wc := t.cells(cs)
		key, _ := json.Marshal(wc) // a few cells: cheaper than the bytes it saves
		i, ok := listAt[string(key)]
		if !ok {
			i = len(w.CellLists)
			listAt[string(key)] = i
			w.CellLists = append(w.CellLists, wc)
		}
		return i
	}
	for i, h := range hs {
		w.Holders[i] = WireHolder{Principal: h.Principal, Superuser: h.Superuser, Owner: h.Owner, Cells: list(h.Cells), Scoped: list(h.Scoped)}
	}
	w.Tables = t.Tables
	return w
}

func newTabler() *tabler {
	return &tabler{Tables: Tables{Objects: []model.ObjectRef{}, Paths: []Path{}, Grantors: []string{""}},
		objAt: map[model.ObjectRef]int{}, pathAt: map[string]int{}, grantorAt: map[string]int{"": 0}}
}

// tabler numbers objects and paths as an answer's cells name them.
type tabler struct {
	Tables
	objAt     map[model.ObjectRef]int
	pathAt    map[string]int
	grantorAt map[string]int
	key       strings.Builder
}

// intern is v's index in list (under key k), appending it the first time.
func intern[K comparable, V any](at map[K]int, list *[]V, k K, v V) int {
	i, ok := at[k]
	if !ok {
		i = len(*list)
		at[k] = i
		*list = append(*list, v)
	}
	return i
}

func (t *tabler) grantor(name string) int { return intern(t.grantorAt, &t.Grantors, name, name) }

func (t *tabler) object(o model.ObjectRef) int {
	// Cells come sorted by object: most repeat the last one.
	if n := len(t.Objects); n > 0 && t.Objects[n-1] == o {
		return n - 1
	}
	return intern(t.objAt, &t.Objects, o, o)
}

func (t *tabler) path(p Path) int {
	t.key.Reset()
	for _, r := range p {
		t.key.WriteString(string(r.Kind))
		t.key.WriteByte(0)
		t.key.WriteString(r.Name)
		t.key.WriteByte(0)
	}
	if p == nil {
		p = Path{} // listed as [], not null
	}
	return intern(t.pathAt, &t.Paths, t.key.String(), p)
}

func (t *tabler) cells(cs []Cell) []WireCell {
	out := make([]WireCell, len(cs))
	n := 0
	for _, c := range cs {
		n += len(c.Sources)
	}
	srcs := make([]WireSource, n) // one allocation for every cell's sources
	for i, c := range cs {
		w := WireCell{Object: t.object(c.Object), Privilege: c.Privilege, Scope: c.Scope, Direct: c.Direct,
			Inherited: c.Inherited, GrantOption: c.GrantOption, SetRole: c.SetRole}
		w.Sources, srcs = srcs[:len(c.Sources):len(c.Sources)], srcs[len(c.Sources):]
		for j, s := range c.Sources {
			w.Sources[j] = WireSource{Via: t.path(s.Via), GrantOption: s.Grant.GrantOption, Grantor: t.grantor(s.Grant.Grantor), SetRole: s.SetRole, Note: s.Note}
		}
		out[i] = w
	}
	return out
}
