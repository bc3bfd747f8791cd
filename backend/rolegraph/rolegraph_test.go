package rolegraph

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/redshiftmate/rsmate/backend/catalog"
	"github.com/redshiftmate/rsmate/backend/model"
)

func member(m, of model.PrincipalRef) model.Membership { return model.Membership{Member: m, Of: of} }

var (
	ana     = model.UserRef("ana")
	bo      = model.UserRef("bo")
	reader  = model.RoleRef("reader")
	analyst = model.RoleRef("analyst")
	admin   = model.RoleRef("admin")
	ops     = model.PrincipalRef{Kind: model.KindGroup, Name: "ops"}
)

func sample(engine string) *model.Snapshot {
	return &model.Snapshot{
		Engine: engine,
		Users:  []model.User{{Name: "ana", Inherit: true}, {Name: "bo", Inherit: false}},
		Roles:  []model.Role{{Name: "reader", Inherit: true}, {Name: "analyst", Inherit: true}, {Name: "admin", Superuser: true, Inherit: true}, {Name: "pg_monitor", System: true}},
		Groups: []model.Group{{Name: "ops"}},
		Memberships: []model.Membership{
			member(reader, analyst), // analyst ⊂ … reader belongs to analyst
			member(analyst, admin),
			member(ana, reader),
			member(bo, reader),
			member(bo, ops),
		},
	}
}

func names(g Graph) []string {
	var out []string
	for _, n := range g.Nodes {
		out = append(out, fmt.Sprintf("%s:%s", n.Ref.Kind, n.Ref.Name))
	}
	return out
}

func TestWholeGraphDrawsRolesAndGroupsAndCountsUsers(t *testing.T) {
	g := Whole(sample("postgres"))
	if got := fmt.Sprint(names(g)); got != "[group:ops role:admin role:analyst role:pg_monitor role:reader]" {
		t.Fatalf("nodes: %s", got)
	}
	users := map[string]int{}
	for _, n := range g.Nodes {
		users[n.Ref.Name] = n.Users
	}
	if users["reader"] != 2 || users["ops"] != 1 || users["admin"] != 0 {
		t.Errorf("user counts: %v, want reader 2, ops 1, admin 0", users)
	}
	if len(g.Edges) != 2 {
		t.Errorf("edges: %+v, want reader→analyst and analyst→admin only", g.Edges)
	}
	for _, n := range g.Nodes {
		if n.Ref == admin && !n.Superuser {
			t.Error("admin should be marked superuser")
		}
		if (n.Ref.Name == "pg_monitor") != n.System {
			t.Errorf("%s: system %v", n.Ref.Name, n.System)
		}
	}
}

func TestFocusOnAUserDrawsEveryRoleItReachesAndWhichMembershipsDoNotInherit(t *testing.T) {
	g := Focus(sample("postgres"), bo)
	if got := fmt.Sprint(names(g)); got != "[group:ops role:admin role:analyst role:reader user:bo]" {
		t.Fatalf("nodes: %s", got)
	}
	for _, e := range g.Edges {
		if e.Member == bo && !e.NoInherit {
			t.Errorf("bo is NOINHERIT on PostgreSQL: edge %+v should say so", e)
		}
		if e.Member == reader && e.NoInherit {
			t.Errorf("reader inherits: edge %+v", e)
		}
	}
	for _, n := range g.Nodes {
		if n.Focus != (n.Ref == bo) {
			t.Errorf("focus flag on %v: %v", n.Ref, n.Focus)
		}
	}
	// Redshift: every membership inherits.
	for _, e := range Focus(sample("redshift"), bo).Edges {
		if e.NoInherit {
			t.Errorf("Redshift membership %+v marked as not inheriting", e)
		}
	}
}

func TestFocusOnARoleDrawsItsMembersAtAnyDepthUpToTheLimit(t *testing.T) {
	g := Focus(sample("postgres"), admin)
	if got := fmt.Sprint(names(g)); got != "[role:admin role:analyst role:reader user:ana user:bo]" {
		t.Fatalf("nodes: %s", got)
	}
	snap := &model.Snapshot{Engine: "redshift", Roles: []model.Role{{Name: "big"}}}
	for i := 0; i < MaxMembers+37; i++ {
		u := fmt.Sprintf("u%04d", i)
		snap.Users = append(snap.Users, model.User{Name: u})
		snap.Memberships = append(snap.Memberships, member(model.UserRef(u), model.RoleRef("big")))
	}
	g = Focus(snap, model.RoleRef("big"))
	if len(g.Nodes) != MaxMembers+1 || g.Hidden != 37 || len(g.Edges) != MaxMembers {
		t.Errorf("got %d nodes, %d edges, %d hidden; want %d, %d, 37", len(g.Nodes), len(g.Edges), g.Hidden, MaxMembers+1, MaxMembers)
	}
}

// benchSnapshot: 300 roles in a 4-level hierarchy and 2,000 users, each in 3 roles.
func benchSnapshot() *model.Snapshot {
	s := &model.Snapshot{Engine: "redshift"}
	for i := 0; i < 300; i++ {
		s.Roles = append(s.Roles, model.Role{Name: fmt.Sprintf("r%03d", i)})
		if i >= 10 {
			s.Memberships = append(s.Memberships, member(model.RoleRef(fmt.Sprintf("r%03d", i)), model.RoleRef(fmt.Sprintf("r%03d", i/4))))
		}
	}
	for i := 0; i < 2000; i++ {
		u := fmt.Sprintf("u%04d", i)
		s.Users = append(s.Users, model.User{Name: u})
		for k := 0; k < 3; k++ {
			s.Memberships = append(s.Memberships, member(model.UserRef(u), model.RoleRef(fmt.Sprintf("r%03d", (i*7+k*101)%300))))
		}
	}
	return s
}

func BenchmarkWholeGraph300Roles2000Users(b *testing.B) {
	s := benchSnapshot()
	for b.Loop() {
		Whole(s)
	}
}

func BenchmarkFocusOnARootRole300Roles2000Users(b *testing.B) {
	s := benchSnapshot()
	for b.Loop() {
		Focus(s, model.RoleRef("r001"))
	}
}

// TestFocusInMatchesFocus: read through the catalog index, the picture around
// every principal is the one Focus draws from the snapshot (PostgreSQL rules:
// bo does not inherit; admin is a superuser, pg_monitor a system role).
func TestFocusInMatchesFocus(t *testing.T) {
	for _, engine := range []string{"postgres", "redshift"} {
		s := sample(engine)
		x := catalog.NewIndex(s)
		for _, p := range []model.PrincipalRef{ana, bo, reader, analyst, admin, ops, model.RoleRef("pg_monitor")} {
			want, got := Focus(s, p), FocusIn(s, x, p)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s, around %s: FocusIn gives %+v, Focus %+v", engine, p.Name, got, want)
			}
		}
	}
	s := benchSnapshot()
	x := catalog.NewIndex(s)
	for _, p := range []model.PrincipalRef{model.RoleRef("r001"), model.UserRef("u0042")} {
		if want, got := Focus(s, p), FocusIn(s, x, p); !reflect.DeepEqual(got, want) || len(got.Nodes) < 2 {
			t.Errorf("around %s: FocusIn gives %d nodes, %d hidden; Focus %d nodes, %d hidden", p.Name, len(got.Nodes), got.Hidden, len(want.Nodes), want.Hidden)
		}
	}
}

func BenchmarkFocusInOnARootRole300Roles2000Users(b *testing.B) {
	s := benchSnapshot()
	x := catalog.NewIndex(s)
	for b.Loop() {
		FocusIn(s, x, model.RoleRef("r001"))
	}
}

// TestWholeInMatchesWhole: read through the catalog index, the whole picture
// is the one Whole draws from the snapshot (bo's NOINHERIT edge included).
func TestWholeInMatchesWhole(t *testing.T) {
	for _, engine := range []string{"postgres", "redshift"} {
		s := sample(engine)
		want, got := Whole(s), WholeIn(s, catalog.NewIndex(s))
		if !reflect.DeepEqual(got, want) || len(got.Edges) == 0 {
			t.Errorf("%s: WholeIn gives %+v, Whole %+v", engine, got, want)
		}
	}
}
