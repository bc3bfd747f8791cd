package rsrender

import (
	"strings"
	"testing"

	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/model"
)

// Offboarding in a database other than the DROP's: the same clearing as
// before DROP USER (DG r_DROP_USER, "Amazon Redshift checks only the current
// database"), without the cluster-wide memberships; login is disabled with
// PASSWORD DISABLE (DG r_ALTER_USER).
func TestOffboardClearsADatabaseWithoutTouchingMemberships(t *testing.T) {
	r := renderer{}
	clear, err := r.ClearInDatabase("alice", "bob", dropSnapshot())
	if err != nil {
		t.Fatal(err)
	}
	drop, err := r.Render(change.Change{Kind: change.DropUser, User: &change.UserSpec{Name: "alice", Successor: "bob"}}, dropSnapshot())
	if err != nil {
		t.Fatal(err)
	}
	sql := func(st []change.Statement) string {
		var out []string
		for _, s := range st {
			out = append(out, s.SQL)
		}
		return strings.Join(out, "\n")
	}
	got := sql(clear)
	for _, s := range []string{`ALTER SCHEMA "mart" OWNER TO "bob"`, `REVOKE`} {
		if !strings.Contains(got, s) {
			t.Errorf("clear lacks %q:\n%s", s, got)
		}
	}
	if strings.Contains(got, "GROUP \"staff\" DROP USER") || strings.Contains(got, `REVOKE ROLE "analyst"`) || strings.Contains(got, "DROP USER \"alice\"") {
		t.Errorf("clear touches memberships or drops:\n%s", got)
	}
	// Everything the clear does is also what the DROP's own plan does first.
	if !strings.HasPrefix(sql(drop), got) {
		t.Errorf("the clear is not the start of the DROP's plan:\nclear:\n%s\ndrop:\n%s", got, sql(drop))
	}
	if _, err := r.ClearInDatabase("alice", "", dropSnapshot()); err == nil {
		t.Error("alice owns objects: clearing without a successor should be refused")
	}
	dis, err := r.DisableLogin("alice")
	if err != nil || len(dis) != 1 || dis[0].SQL != `ALTER USER "alice" PASSWORD DISABLE` {
		t.Errorf("disable login: %+v, %v", dis, err)
	}
}

// In a database other than the DROP's, a user's privileges on models and
// datashares are revoked there (they are that database's objects); its
// ASSUMEROLE grants are cluster-wide and wait for the DROP.
func TestOffboardClearRevokesModelGrantsAndLeavesAssumeRoleToTheDrop(t *testing.T) {
	snap := dropSnapshot()
	snap.Models = []model.Model{{Schema: "mart", Name: "churn", Owner: "bob"}}
	snap.Grants.Add(model.Grant{Object: model.ObjectRef{Kind: model.ObjModel, Schema: "mart", Name: "churn"}, Grantee: user("alice"), Privilege: "EXECUTE"})
	snap.AssumeRoles = []model.AssumeRoleGrant{{IAMRole: "arn:aws:iam::123456789012:role/Copy", Command: "COPY", Grantee: user("alice")}}
	clear, err := renderer{}.ClearInDatabase("alice", "bob", snap)
	if err != nil {
		t.Fatal(err)
	}
	var sql []string
	for _, s := range clear {
		sql = append(sql, s.SQL)
	}
	got := strings.Join(sql, "\n")
	if !strings.Contains(got, "ON MODEL") || strings.Contains(got, "ASSUMEROLE") {
		t.Errorf("want the model's EXECUTE revoked and ASSUMEROLE left for the DROP:\n%s", got)
	}
	drop, err := renderer{}.Render(change.Change{Kind: change.DropUser, User: &change.UserSpec{Name: "alice", Successor: "bob"}}, snap)
	if err != nil {
		t.Fatal(err)
	}
	if d := drop[0].SQL; !strings.Contains(d, "REVOKE ASSUMEROLE") {
		t.Errorf("the DROP's plan should start by revoking ASSUMEROLE, starts with %q", d)
	}
}
