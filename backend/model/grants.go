package model

import (
	"encoding/json"
	"fmt"
	"iter"
	"maps"
	"slices"
	"sync"
)

// GrantTable holds a snapshot's grants compactly: millions of grants name a
// few thousand objects and principals and a dozen privileges, so each row is
// 16 bytes of indexes into interned tables, and a Grant value is built only
// when one is asked for (At, All, To, On …: the strings are shared, nothing is
// copied). It is generic over object kinds: an ObjectRef of any kind interns.
//
// The zero value is an empty table. Copying a GrantTable shares it (as copying
// a slice does); Clone before changing a copy. Reads are safe for concurrent
// use; writes are not, and must not run alongside reads.
type GrantTable struct{ s *grantStore }

// Row indexes: ObjectID, PrincipalID and NameID are positions in the
// table's interned objects, principals and names (grantors).
type (
	ObjectID    uint32
	PrincipalID uint32
	NameID      uint32
)

// GrantFlags are a row's booleans.
type GrantFlags uint8

const (
	FlagGrantOption GrantFlags = 1 << iota
	FlagImplied
	FlagDefault
)

// grantRow is one grant: 16 bytes.
type grantRow struct {
	obj     ObjectID
	grantee PrincipalID
	grantor NameID // 0 is "" (unknown grantor)
	priv    uint8
	scope   uint8 // 0 is "" (an object grant)
	flags   GrantFlags
}

const (
	chunkBits = 13
	chunkSize = 1 << chunkBits // rows per chunk: growing never copies rows
)

type grantStore struct {
	chunks [][]grantRow
	n      int

	objects []ObjectRef
	// objIdx finds an object's id; nil until an object is interned or
	// looked up (readers append objects they know to be new: AppendObject).
	objIdx     map[ObjectRef]ObjectID
	principals []PrincipalRef
	prinIdx    map[PrincipalRef]PrincipalID
	names      []string
	nameIdx    map[string]NameID
	privs      []string
	scopes     []string

	mu  sync.Mutex
	idx *grantIndex // built on the first indexed read, dropped by writes
}

func newStore() *grantStore {
	return &grantStore{
		prinIdx: map[PrincipalRef]PrincipalID{},
		names:   []string{""}, nameIdx: map[string]NameID{"": 0}, scopes: []string{""},
	}
}

// NewGrantTable makes a table holding gs, in order.
func NewGrantTable(gs ...Grant) GrantTable {
	var t GrantTable
	for _, g := range gs {
		t.Add(g)
	}
	return t
}

func (t *GrantTable) store() *grantStore {
	if t.s == nil {
		t.s = newStore()
	}
	return t.s
}

// Len is the number of grants.
func (t GrantTable) Len() int {
	if t.s == nil {
		return 0
	}
	return t.s.n
}

func (s *grantStore) row(i int) *grantRow { return &s.chunks[i>>chunkBits][i&(chunkSize-1)] }

func (s *grantStore) grant(r *grantRow) Grant {
	return Grant{
		Object: s.objects[r.obj], Grantee: s.principals[r.grantee], Privilege: s.privs[r.priv],
		GrantOption: r.flags&FlagGrantOption != 0, Grantor: s.names[r.grantor], Scope: s.scopes[r.scope],
		Implied: r.flags&FlagImplied != 0, Default: r.flags&FlagDefault != 0,
	}
}

// At returns grant i (0 ≤ i < Len).
func (t GrantTable) At(i int) Grant {
	if i < 0 || i >= t.Len() {
		panic(fmt.Sprintf("model: grant %d of %d", i, t.Len()))
	}
	return t.s.grant(t.s.row(i))
}

// All yields every grant with its position, in order.
func (t GrantTable) All() iter.Seq2[int, Grant] {
	return func(yield func(int, Grant) bool) {
		if t.s == nil {
			return
		}
		i := 0
		for _, c := range t.s.chunks {
			for j := range c {
				if !yield(i, t.s.grant(&c[j])) {
					return
				}
				i++
			}
		}
	}
}

// Slice returns every grant as a new slice (for tests and small tables).
func (t GrantTable) Slice() []Grant {
	out := make([]Grant, 0, t.Len())
	for _, g := range t.All() {
		out = append(out, g)
	}
	return out
}

// AppendObject adds o, which the caller knows the table does not hold yet
// (a reader adding each catalog object once), and returns its id. It skips
// the lookup InternObject makes.
func (t *GrantTable) AppendObject(o ObjectRef) ObjectID {
	s := t.store()
	id := ObjectID(len(s.objects))
	s.objects = append(s.objects, o)
	if s.objIdx != nil {
		s.objIdx[o] = id
	}
	return id
}

func (s *grantStore) buildObjIdx() {
	if s.objIdx != nil {
		return
	}
	s.objIdx = make(map[ObjectRef]ObjectID, len(s.objects))
	for i, o := range s.objects {
		if _, dup := s.objIdx[o]; !dup {
			s.objIdx[o] = ObjectID(i)
		}
	}
}

// InternObject returns the id of o, adding it if new.
func (t *GrantTable) InternObject(o ObjectRef) ObjectID {
	s := t.store()
	s.buildObjIdx()
	return intern(&s.objects, s.objIdx, o)
}

// InternPrincipal returns the id of p, adding it if new.
func (t *GrantTable) InternPrincipal(p PrincipalRef) PrincipalID {
	s := t.store()
	return intern(&s.principals, s.prinIdx, p)
}

// InternName returns the id of a grantor's name ("" is 0), adding it if new.
func (t *GrantTable) InternName(name string) NameID {
	s := t.store()
	return intern(&s.names, s.nameIdx, name)
}

// intern returns the id of k in list (its position), appending it if new.
func intern[K comparable, ID ~uint32](list *[]K, idx map[K]ID, k K) ID {
	if id, ok := idx[k]; ok {
		return id
	}
	id := ID(len(*list))
	*list = append(*list, k)
	idx[k] = id
	return id
}

// InternPrivilege returns the id of a privilege keyword. A table holds at
// most 256 distinct privileges (engines have about twenty).
func (t *GrantTable) InternPrivilege(p string) uint8 {
	s := t.store()
	return intern8(&s.privs, p, "privileges")
}

// InternScope returns the id of a scope ("" is 0); at most 256 distinct.
func (t *GrantTable) InternScope(scope string) uint8 {
	s := t.store()
	return intern8(&s.scopes, scope, "scopes")
}

func intern8(tab *[]string, v, what string) uint8 {
	if i := slices.Index(*tab, v); i >= 0 {
		return uint8(i)
	}
	if len(*tab) == 256 {
		panic("model: a grant table holds at most 256 distinct " + what)
	}
	*tab = append(*tab, v)
	return uint8(len(*tab) - 1)
}

// AddRow appends a grant from interned ids (the readers' fast path).
func (t *GrantTable) AddRow(obj ObjectID, grantee PrincipalID, grantor NameID, priv, scope uint8, flags GrantFlags) {
	s := t.store()
	if int(obj) >= len(s.objects) || int(grantee) >= len(s.principals) || int(grantor) >= len(s.names) ||
		int(priv) >= len(s.privs) || int(scope) >= len(s.scopes) {
		panic("model: grant row names an id the table did not intern")
	}
	if n := len(s.chunks); n == 0 || len(s.chunks[n-1]) == chunkSize {
		s.chunks = append(s.chunks, make([]grantRow, 0, chunkSize))
	}
	last := &s.chunks[len(s.chunks)-1]
	*last = append(*last, grantRow{obj: obj, grantee: grantee, grantor: grantor, priv: priv, scope: scope, flags: flags})
	s.n++
	s.idx = nil
}

func flagsOf(g Grant) GrantFlags {
	var f GrantFlags
	if g.GrantOption {
		f |= FlagGrantOption
	}
	if g.Implied {
		f |= FlagImplied
	}
	if g.Default {
		f |= FlagDefault
	}
	return f
}

func (t *GrantTable) rowOf(g Grant) grantRow {
	return grantRow{obj: t.InternObject(g.Object), grantee: t.InternPrincipal(g.Grantee), grantor: t.InternName(g.Grantor),
		priv: t.InternPrivilege(g.Privilege), scope: t.InternScope(g.Scope), flags: flagsOf(g)}
}

// Add appends g.
func (t *GrantTable) Add(g Grant) {
	r := t.rowOf(g)
	t.AddRow(r.obj, r.grantee, r.grantor, r.priv, r.scope, r.flags)
}

// Set replaces grant i.
func (t *GrantTable) Set(i int, g Grant) {
	if i < 0 || i >= t.Len() {
		panic(fmt.Sprintf("model: grant %d of %d", i, t.Len()))
	}
	r := t.rowOf(g)
	*t.s.row(i) = r
	t.s.idx = nil
}

// DeleteFunc removes the grants del reports, keeping the others in order.
func (t *GrantTable) DeleteFunc(del func(Grant) bool) {
	if t.s == nil {
		return
	}
	s := t.s
	w := 0
	for i := 0; i < s.n; i++ {
		r := s.row(i)
		if del(s.grant(r)) {
			continue
		}
		*s.row(w) = *r
		w++
	}
	for len(s.chunks) > 0 && (len(s.chunks)-1)<<chunkBits >= w {
		s.chunks[len(s.chunks)-1] = nil
		s.chunks = s.chunks[:len(s.chunks)-1]
	}
	if len(s.chunks) > 0 {
		s.chunks[len(s.chunks)-1] = s.chunks[len(s.chunks)-1][:w-(len(s.chunks)-1)<<chunkBits]
	}
	s.n = w
	s.idx = nil
}

// MapPrincipals replaces every grantee p by f(p) (a rename).
func (t *GrantTable) MapPrincipals(f func(PrincipalRef) PrincipalRef) {
	if t.s == nil {
		return
	}
	s := t.s
	for i, p := range s.principals {
		s.principals[i] = f(p)
	}
	// Two ids may now name one principal: re-point rows at the first.
	s.prinIdx = make(map[PrincipalRef]PrincipalID, len(s.principals))
	remap := make([]PrincipalID, len(s.principals))
	for i, p := range s.principals {
		id, ok := s.prinIdx[p]
		if !ok {
			id = PrincipalID(i)
			s.prinIdx[p] = id
		}
		remap[i] = id
	}
	for _, c := range s.chunks {
		for j := range c {
			c[j].grantee = remap[c[j].grantee]
		}
	}
	s.idx = nil
}

// Clone returns an independent copy.
func (t GrantTable) Clone() GrantTable {
	if t.s == nil {
		return GrantTable{}
	}
	s := t.s
	c := &grantStore{
		n:       s.n,
		objects: slices.Clone(s.objects), objIdx: maps.Clone(s.objIdx),
		principals: slices.Clone(s.principals), prinIdx: maps.Clone(s.prinIdx),
		names: slices.Clone(s.names), nameIdx: maps.Clone(s.nameIdx),
		privs: slices.Clone(s.privs), scopes: slices.Clone(s.scopes),
		chunks: make([][]grantRow, len(s.chunks)),
	}
	for i, ch := range s.chunks {
		c.chunks[i] = append(make([]grantRow, 0, chunkSize), ch...)
	}
	return GrantTable{c}
}

// MarshalJSON writes the grants as a JSON array of Grant.
func (t GrantTable) MarshalJSON() ([]byte, error) { return json.Marshal(t.Slice()) }

// UnmarshalJSON reads a JSON array of Grant.
func (t *GrantTable) UnmarshalJSON(data []byte) error {
	var gs []Grant
	if err := json.Unmarshal(data, &gs); err != nil {
		return err
	}
	*t = NewGrantTable(gs...)
	return nil
}

// SortFunc sorts the grants by cmp (stable: equal grants keep their order).
func (t *GrantTable) SortFunc(cmp func(a, b Grant) int) {
	if t.s == nil {
		return
	}
	s := t.s
	rows := make([]grantRow, 0, s.n)
	for _, c := range s.chunks {
		rows = append(rows, c...)
	}
	slices.SortStableFunc(rows, func(a, b grantRow) int { return cmp(s.grant(&a), s.grant(&b)) })
	for i, c := range s.chunks {
		copy(c, rows[i<<chunkBits:])
	}
	s.idx = nil
}
