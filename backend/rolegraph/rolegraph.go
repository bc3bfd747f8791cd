// Package rolegraph builds the picture of who belongs to whom: users, roles
// and groups as nodes, memberships as edges. The whole-catalog view keeps
// roles and groups and folds users into a count per role (2,000 user nodes
// are not readable); focusing on one principal keeps it, every role it
// reaches (at any depth) and every member that reaches it, users included,
// up to a limit.
package rolegraph

import (
	"sort"

	"github.com/redshiftmate/rsmate/backend/access"
	"github.com/redshiftmate/rsmate/backend/model"
)

// Node is one principal in the picture.
type Node struct {
	Ref model.PrincipalRef `json:"ref"`
	// Superuser: the principal bypasses every privilege check.
	Superuser bool `json:"superuser,omitempty"`
	// System marks roles the server or service manages (pg_*, Redshift sys:*).
	System bool `json:"system,omitempty"`
	// Users counts the users that are direct members and are not drawn.
	Users int `json:"users,omitempty"`
	// Focus marks the principal the picture is centred on.
	Focus bool `json:"focus,omitempty"`
}

// Edge says Member belongs to Of.
type Edge struct {
	Member      model.PrincipalRef `json:"member"`
	Of          model.PrincipalRef `json:"of"`
	AdminOption bool               `json:"adminOption,omitempty"`
	// NoInherit: the member does not inherit Of's privileges (PostgreSQL
	// NOINHERIT or INHERIT FALSE); it must SET ROLE first.
	NoInherit bool `json:"noInherit,omitempty"`
}

// Graph is what one view draws.
type Graph struct {
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
	// Hidden counts members left out of a focused view beyond MaxMembers.
	Hidden int `json:"hidden"`
}

// MaxMembers bounds the members drawn around a focused principal.
const MaxMembers = 200

type graphBuilder struct {
	snap     *model.Snapshot
	inherits func(model.Membership) bool
	super    map[model.PrincipalRef]bool
	system   map[model.PrincipalRef]bool
}

func newBuilder(snap *model.Snapshot) *graphBuilder {
	b := &graphBuilder{snap: snap, inherits: access.Inherits(snap), super: access.Superusers(snap), system: map[model.PrincipalRef]bool{}}
	for _, r := range snap.Roles {
		if r.System {
			b.system[model.RoleRef(r.Name)] = true
		}
	}
	return b
}

// Whole draws every role and group with the memberships among them; users
// appear as a count on the roles and groups they belong to directly.
func Whole(snap *model.Snapshot) Graph { return whole(snap, access.Inherits(snap)) }

// WholeIn is Whole reading member attributes through the catalog index
// instead of indexing every user and membership of the snapshot first.
func WholeIn(snap *model.Snapshot, x access.Lookup) Graph {
	return whole(snap, access.InheritsIn(snap, x))
}

func whole(snap *model.Snapshot, inherits func(model.Membership) bool) Graph {
	g := Graph{Nodes: []Node{}, Edges: []Edge{}}
	users := map[model.PrincipalRef]int{}
	for _, m := range snap.Memberships {
		if m.Member.Kind == model.KindUser {
			users[m.Of]++
			continue
		}
		g.Edges = append(g.Edges, Edge{Member: m.Member, Of: m.Of, AdminOption: m.AdminOption, NoInherit: !inherits(m)})
	}
	for _, r := range snap.Roles {
		ref := model.RoleRef(r.Name)
		g.Nodes = append(g.Nodes, Node{Ref: ref, Superuser: r.Superuser, System: r.System, Users: users[ref]})
	}
	for _, gr := range snap.Groups {
		ref := model.PrincipalRef{Kind: model.KindGroup, Name: gr.Name}
		g.Nodes = append(g.Nodes, Node{Ref: ref, Users: users[ref]})
	}
	sortGraph(&g)
	return g
}

// Focus draws p, every role or group p reaches through memberships, and every
// principal that reaches p (members at any depth), nearest first, at most
// MaxMembers of them; Hidden counts the rest. It indexes the whole snapshot
// first; FocusIn reads through the catalog index instead.
func Focus(snap *model.Snapshot, p model.PrincipalRef) Graph {
	b := newBuilder(snap)
	// Memberships by member and by role or group (Whole needs neither: at
	// 100,000 users indexing them cost more than its answer).
	memberOf, members := map[model.PrincipalRef][]int{}, map[model.PrincipalRef][]int{}
	for i, m := range snap.Memberships {
		memberOf[m.Member] = append(memberOf[m.Member], i)
		members[m.Of] = append(members[m.Of], i)
	}
	at := func(idx map[model.PrincipalRef][]int) func(model.PrincipalRef) []model.Membership {
		return func(r model.PrincipalRef) []model.Membership {
			out := make([]model.Membership, len(idx[r]))
			for i, j := range idx[r] {
				out[i] = snap.Memberships[j]
			}
			return out
		}
	}
	return focus(p, at(memberOf), at(members), b.inherits, func(r model.PrincipalRef) (bool, bool) { return b.super[r], b.system[r] })
}

// Index is what FocusIn reads: the catalog index implements it.
type Index interface {
	access.Lookup
	// Members lists the memberships of a role or group.
	Members(p model.PrincipalRef) []model.Membership
}

// FocusIn is Focus reading memberships and attributes through the catalog
// index: it costs what it draws, not the catalog (at 100,000 users, indexing
// the snapshot on each call was most of the answer's time).
func FocusIn(snap *model.Snapshot, x Index, p model.PrincipalRef) Graph {
	attrs := func(r model.PrincipalRef) (super, system bool) {
		switch r.Kind {
		case model.KindUser:
			u, _ := x.User(r.Name)
			return u.Superuser, false
		case model.KindRole:
			ro, _ := x.Role(r.Name)
			return ro.Superuser, ro.System
		}
		return false, false
	}
	return focus(p, x.MemberOf, x.Members, access.InheritsIn(snap, x), attrs)
}

func focus(p model.PrincipalRef, memberOf, members func(model.PrincipalRef) []model.Membership,
	inherits func(model.Membership) bool, attrs func(model.PrincipalRef) (super, system bool)) Graph {
	g := Graph{Nodes: []Node{}, Edges: []Edge{}}
	in := map[model.PrincipalRef]bool{p: true}
	edges := map[[2]model.PrincipalRef]bool{}
	addEdge := func(m model.Membership) {
		k := [2]model.PrincipalRef{m.Member, m.Of}
		if !edges[k] {
			edges[k] = true
			g.Edges = append(g.Edges, Edge{Member: m.Member, Of: m.Of, AdminOption: m.AdminOption, NoInherit: !inherits(m)})
		}
	}
	// Upwards: every role or group p belongs to, at any depth (never bounded:
	// this is what p's access comes from).
	for queue := []model.PrincipalRef{p}; len(queue) > 0; queue = queue[1:] {
		for _, m := range memberOf(queue[0]) {
			addEdge(m)
			if !in[m.Of] {
				in[m.Of] = true
				queue = append(queue, m.Of)
			}
		}
	}
	// Downwards: members of p at any depth, breadth first, bounded.
	drawn := 0
	for queue := []model.PrincipalRef{p}; len(queue) > 0; queue = queue[1:] {
		for _, m := range members(queue[0]) {
			mem := m.Member
			if in[mem] {
				addEdge(m)
				continue
			}
			if drawn >= MaxMembers {
				g.Hidden++
				continue
			}
			drawn++
			in[mem] = true
			addEdge(m)
			queue = append(queue, mem)
		}
	}
	for ref := range in {
		super, system := attrs(ref)
		g.Nodes = append(g.Nodes, Node{Ref: ref, Superuser: super, System: system, Focus: ref == p})
	}
	sortGraph(&g)
	return g
}

func refLess(a, b model.PrincipalRef) bool {
	if a.Kind != b.Kind {
		return a.Kind < b.Kind
	}
	return a.Name < b.Name
}

// sortGraph gives a stable order, so the layout does not move between loads.
func sortGraph(g *Graph) {
	sort.Slice(g.Nodes, func(i, j int) bool { return refLess(g.Nodes[i].Ref, g.Nodes[j].Ref) })
	sort.Slice(g.Edges, func(i, j int) bool {
		if g.Edges[i].Member != g.Edges[j].Member {
			return refLess(g.Edges[i].Member, g.Edges[j].Member)
		}
		return refLess(g.Edges[i].Of, g.Edges[j].Of)
	})
}
