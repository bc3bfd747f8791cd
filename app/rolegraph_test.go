package app

import (
	"testing"

	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/pgtest"
)

// The role graph of a real server: nested roles with a NOINHERIT member, the
// whole view (users as counts) and the view around one user.
func TestRoleGraphOfARealServer(t *testing.T) {
	a := newTestApp(t)
	p := pgtest.Prefix()
	reader, analyst, ana, bo := p+"reader", p+"analyst", p+"ana", p+"bo"
	sid, _ := connectTestDB(t, a,
		"CREATE ROLE "+analyst+" NOLOGIN",
		"CREATE ROLE "+reader+" NOLOGIN IN ROLE "+analyst,
		"CREATE ROLE "+ana+" LOGIN IN ROLE "+reader,
		"CREATE ROLE "+bo+" LOGIN NOINHERIT IN ROLE "+reader)
	if _, err := a.Catalog.Load(sid, true); err != nil {
		t.Fatal(err)
	}
	whole, err := a.Catalog.RoleGraph(sid)
	if err != nil {
		t.Fatal(err)
	}
	var users int
	for _, n := range whole.Nodes {
		if n.Ref.Kind == model.KindUser {
			t.Errorf("the whole view draws user %s; users are counts there", n.Ref.Name)
		}
		if n.Ref.Name == reader {
			users = n.Users
		}
	}
	if users != 2 {
		t.Errorf("%s has %d users counted, want 2", reader, users)
	}

	g, err := a.Catalog.RoleGraphAround(sid, model.PrincipalRef{Kind: model.KindUser, Name: bo})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, n := range g.Nodes {
		got[n.Ref.Name] = true
	}
	if len(g.Nodes) != 3 || !got[bo] || !got[reader] || !got[analyst] {
		t.Fatalf("around %s: nodes %+v, want %s, %s and %s", bo, g.Nodes, bo, reader, analyst)
	}
	for _, e := range g.Edges {
		if want := e.Member.Name == bo; e.NoInherit != want {
			t.Errorf("edge %s → %s: NoInherit %v, want %v", e.Member.Name, e.Of.Name, e.NoInherit, want)
		}
	}
	if _, err := a.Catalog.RoleGraphAround(sid, model.PrincipalRef{Kind: model.KindUser, Name: p + "nobody"}); err == nil {
		t.Error("a graph around an unknown user should be an error")
	}
}
