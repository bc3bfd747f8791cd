package model

import (
	"slices"
	"sort"
)

// grantIndex answers "grants to p", "grants on o" and "grants to p in schema
// s" without scanning: positions grouped by grantee and by object (4 bytes
// per grant each), built in O(grants) on the first such question.
type grantIndex struct {
	// byGrantee[granteeOff[p]:granteeOff[p+1]] are the positions of p's
	// grants, ordered by their object's schema id (then by object).
	byGrantee  []uint32
	granteeOff []uint32
	explicit   []uint32 // per principal: grants not Implied
	// byObject[objectOff[o]:objectOff[o+1]] are o's grants, in table order.
	byObject  []uint32
	objectOff []uint32
	objSchema []uint32          // per object: its schema's id ("" is 0)
	schemaID  map[string]uint32 // schema name -> id
	columns   map[[2]string][]ObjectID
}

func (s *grantStore) index() *grantIndex {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.idx == nil {
		s.idx = s.buildIndex()
	}
	return s.idx
}

func (s *grantStore) buildIndex() *grantIndex {
	s.buildObjIdx()
	x := &grantIndex{
		objSchema: make([]uint32, len(s.objects)),
		schemaID:  map[string]uint32{"": 0},
		columns:   map[[2]string][]ObjectID{},
	}
	// Objects ordered by schema id (a counting sort: schemas are few).
	for o, ref := range s.objects {
		id, ok := x.schemaID[ref.Schema]
		if !ok {
			id = uint32(len(x.schemaID))
			x.schemaID[ref.Schema] = id
		}
		x.objSchema[o] = id
		if ref.Kind == ObjColumn {
			k := [2]string{ref.Schema, ref.Name}
			x.columns[k] = append(x.columns[k], ObjectID(o))
		}
	}
	perSchema := make([]uint32, len(x.schemaID)+1)
	for _, id := range x.objSchema {
		perSchema[id+1]++
	}
	for i := 1; i < len(perSchema); i++ {
		perSchema[i] += perSchema[i-1]
	}
	objOrder := make([]uint32, len(s.objects))
	for o, id := range x.objSchema {
		objOrder[perSchema[id]] = uint32(o)
		perSchema[id]++
	}

	x.objectOff = make([]uint32, len(s.objects)+1)
	x.granteeOff = make([]uint32, len(s.principals)+1)
	x.explicit = make([]uint32, len(s.principals))
	for _, c := range s.chunks {
		for j := range c {
			x.objectOff[c[j].obj+1]++
			x.granteeOff[c[j].grantee+1]++
			if c[j].flags&FlagImplied == 0 {
				x.explicit[c[j].grantee]++
			}
		}
	}
	for i := 1; i < len(x.objectOff); i++ {
		x.objectOff[i] += x.objectOff[i-1]
	}
	for i := 1; i < len(x.granteeOff); i++ {
		x.granteeOff[i] += x.granteeOff[i-1]
	}
	x.byObject = make([]uint32, s.n)
	next := slices.Clone(x.objectOff[:len(s.objects)])
	pos := uint32(0)
	for _, c := range s.chunks {
		for j := range c {
			o := c[j].obj
			x.byObject[next[o]] = pos
			next[o]++
			pos++
		}
	}
	x.byGrantee = make([]uint32, s.n)
	nextG := slices.Clone(x.granteeOff[:len(s.principals)])
	for _, o := range objOrder {
		for _, p := range x.byObject[x.objectOff[o]:x.objectOff[o+1]] {
			g := s.row(int(p)).grantee
			x.byGrantee[nextG[g]] = p
			nextG[g]++
		}
	}
	return x
}

// materialize builds the grants at positions, in table order.
func (s *grantStore) materialize(pos []uint32) []Grant {
	if !slices.IsSorted(pos) {
		pos = slices.Clone(pos)
		slices.Sort(pos)
	}
	out := make([]Grant, len(pos))
	for i, p := range pos {
		out[i] = s.grant(s.row(int(p)))
	}
	return out
}

// The indexed reads return a non-nil slice (JSON "[]" when empty).

// To lists the grants held by p, in table order.
func (t GrantTable) To(p PrincipalRef) []Grant {
	if t.s == nil {
		return []Grant{}
	}
	id, ok := t.s.prinIdx[p]
	if !ok {
		return []Grant{}
	}
	x := t.s.index()
	return t.s.materialize(x.byGrantee[x.granteeOff[id]:x.granteeOff[id+1]])
}

// ToInSchema lists the grants held by p on objects whose ObjectRef.Schema is
// schema ("" : the database, languages and other objects outside schemas),
// in table order. It costs what it returns.
func (t GrantTable) ToInSchema(p PrincipalRef, schema string) []Grant {
	if t.s == nil {
		return []Grant{}
	}
	id, ok := t.s.prinIdx[p]
	if !ok {
		return []Grant{}
	}
	x := t.s.index()
	sid, ok := x.schemaID[schema]
	if !ok {
		return []Grant{}
	}
	group := x.byGrantee[x.granteeOff[id]:x.granteeOff[id+1]]
	schemaOf := func(i int) uint32 { return x.objSchema[t.s.row(int(group[i])).obj] }
	lo := sort.Search(len(group), func(i int) bool { return schemaOf(i) >= sid })
	hi := lo + sort.Search(len(group)-lo, func(i int) bool { return schemaOf(lo+i) > sid })
	return t.s.materialize(group[lo:hi])
}

// Count returns how many grants p holds, and how many of them are explicit
// (not the owner's implied ones), without building any Grant.
func (t GrantTable) Count(p PrincipalRef) (all, explicit int) {
	if t.s == nil {
		return 0, 0
	}
	id, ok := t.s.prinIdx[p]
	if !ok {
		return 0, 0
	}
	x := t.s.index()
	return int(x.granteeOff[id+1] - x.granteeOff[id]), int(x.explicit[id])
}

// On lists the grants on exactly o (for a column, that column), in table order.
func (t GrantTable) On(o ObjectRef) []Grant {
	if t.s == nil {
		return []Grant{}
	}
	x := t.s.index() // first: it builds objIdx
	id, ok := t.s.objIdx[o]
	if !ok {
		return []Grant{}
	}
	return t.s.materialize(x.byObject[x.objectOff[id]:x.objectOff[id+1]])
}

// OnColumns lists the column grants on every column of a relation, in table order.
func (t GrantTable) OnColumns(schema, relation string) []Grant {
	if t.s == nil {
		return []Grant{}
	}
	x := t.s.index()
	var pos []uint32
	for _, o := range x.columns[[2]string{schema, relation}] {
		pos = append(pos, x.byObject[x.objectOff[o]:x.objectOff[o+1]]...)
	}
	return t.s.materialize(pos)
}

// Grantees lists every principal that holds at least one grant.
func (t GrantTable) Grantees() []PrincipalRef {
	if t.s == nil {
		return nil
	}
	x := t.s.index()
	var out []PrincipalRef
	for id, p := range t.s.principals {
		if x.granteeOff[id+1] > x.granteeOff[id] {
			out = append(out, p)
		}
	}
	return out
}
