package pgrender

import (
	"net/url"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/engine/postgres"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/pgtest"
)

// A session of a non-superuser without CREATEROLE: the preview warns about
// the change it lacks the rights for (and the server does refuse it), and
// says nothing about a grant on a table it owns (which applies).
func TestNonSuperuserPreviewWarnsAboutMissingRights(t *testing.T) {
	e := newEnv(t)
	p := e.p
	dev := p + "dev"
	pgtest.Exec(t, e.dsn,
		"CREATE ROLE "+ident(dev)+" LOGIN PASSWORD 'Dev-secret-1'",
		"CREATE ROLE "+ident(p+"reader")+" NOLOGIN",
		"CREATE SCHEMA "+ident(p+"s")+" AUTHORIZATION "+ident(dev),
		"CREATE TABLE "+qual(p+"s", "mine")+" (id integer)", "ALTER TABLE "+qual(p+"s", "mine")+" OWNER TO "+ident(dev),
		"CREATE TABLE "+qual(p+"s", "theirs")+" (id integer)",
	)
	u, err := url.Parse(e.dsn)
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword(dev, "Dev-secret-1")
	pool, err := pgxpool.New(e.ctx(), u.String())
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	snap, err := postgres.New().LoadCatalog(e.ctx(), pool, nil)
	if err != nil {
		t.Fatal(err)
	}
	who := change.CurrentUser{Name: dev}
	grant := func(name string) change.Change {
		return change.Change{Kind: change.GrantPrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"SELECT"}, Target: change.TargetObjects,
			Objects: []model.ObjectRef{table(p+"s", name)}, Grantee: role(p + "reader")}}
	}
	plan, err := change.Build([]change.Change{{Kind: change.CreateRole, Role: &change.RoleSpec{Name: p + "new"}}, grant("theirs")}, snap, New(), who)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Warnings) != 2 || !strings.Contains(plan.Warnings[0], "change 1 (create role): you are not a superuser and have no CREATEROLE") ||
		!strings.Contains(plan.Warnings[1], "change 2 (grant privileges): you are not a superuser and you neither own nor hold the grant option on table "+p+"s.theirs") {
		t.Fatalf("warnings %q", plan.Warnings)
	}
	target := change.ApplyTarget{ProfileName: "test", ServerUser: dev}
	if _, err := change.Apply(e.ctx(), pool, plan, target, e.audit, change.Options{}); err == nil || !strings.Contains(err.Error(), "permission denied to create role") {
		t.Fatalf("the server accepted what the preview warned about: %v", err)
	}
	plan, err = change.Build([]change.Change{grant("mine")}, snap, New(), who)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Warnings) != 0 {
		t.Fatalf("warnings for a grant on an owned table: %q", plan.Warnings)
	}
	if _, err := change.Apply(e.ctx(), pool, plan, target, e.audit, change.Options{}); err != nil {
		t.Fatal(err)
	}
}
