package compare

import (
	"strings"
	"testing"

	"github.com/redshiftmate/rsmate/backend/catalog"
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/model"
)

func redshiftSnapshot() *model.Snapshot {
	g := func(kind model.PrincipalKind, name, priv string, obj model.ObjectRef, scope string) model.Grant {
		return model.Grant{Object: obj, Grantee: model.PrincipalRef{Kind: kind, Name: name}, Privilege: priv, Scope: scope}
	}
	sales := model.ObjectRef{Kind: model.ObjSchema, Schema: "sales"}
	return &model.Snapshot{
		Engine: "redshift",
		Users:  []model.User{{Name: "ana"}, {Name: "bo"}},
		Roles:  []model.Role{{Name: "etl"}, {Name: "bi"}, {Name: "lead"}},
		Groups: []model.Group{{Name: "finance"}, {Name: "ops"}},
		Memberships: []model.Membership{
			{Member: model.UserRef("ana"), Of: model.PrincipalRef{Kind: model.KindGroup, Name: "finance"}},
			{Member: model.UserRef("bo"), Of: model.PrincipalRef{Kind: model.KindGroup, Name: "ops"}},
			{Member: model.UserRef("ana"), Of: model.RoleRef("lead"), AdminOption: true},
			{Member: model.UserRef("bo"), Of: model.RoleRef("lead")},
		},
		Grants: model.NewGrantTable(
			g(model.KindUser, "ana", "SELECT", sales, "TABLES"),
			g(model.KindRole, "etl", "USAGE", sales, ""),
		),
		SystemPrivileges: []model.SystemPrivilege{
			{Privilege: "CREATE USER", Grantee: model.RoleRef("etl")},
			{Privilege: "ACCESS SYSTEM TABLE", Grantee: model.RoleRef("etl")},
			{Privilege: "ACCESS SYSTEM TABLE", Grantee: model.RoleRef("bi")},
			{Privilege: "CANCEL", Grantee: model.RoleRef("bi")},
		},
	}
}

func kinds(cs []change.Change) string {
	var out []string
	for _, c := range cs {
		out = append(out, string(c.Kind))
	}
	return strings.Join(out, " ")
}

func TestRedshiftUsersGroupsMoveThroughAlterGroupAndAdminOptionIsGrantedAlone(t *testing.T) {
	x := catalog.NewIndex(redshiftSnapshot())
	c := Principals(x, model.UserRef("ana"), model.UserRef("bo"))
	var add, drop, admin bool
	for _, ch := range c.Changes {
		switch {
		case ch.Kind == change.AlterGroup && ch.Group.Name == "finance" && len(ch.Group.AddUsers) == 1 && ch.Group.AddUsers[0] == "bo":
			add = true
		case ch.Kind == change.AlterGroup && ch.Group.Name == "ops" && len(ch.Group.DropUsers) == 1:
			drop = true
		case ch.Kind == change.GrantRole && ch.Member.Role == "lead" && ch.Member.AdminOption:
			admin = true
		}
	}
	if !add || !drop || !admin {
		t.Errorf("changes %s: want bo added to finance, dropped from ops, and the admin option on lead", kinds(c.Changes))
	}
	if len(c.NotCopied) != 1 || !strings.Contains(c.NotCopied[0], "scoped") {
		t.Errorf("the scoped permission should be listed as not copied: %v", c.NotCopied)
	}
	for _, ch := range c.Changes {
		if ch.Privilege != nil && ch.Privilege.Target != change.TargetObjects {
			t.Errorf("a scoped permission was turned into a change: %+v", ch.Privilege)
		}
	}
}

func TestRolesSystemPermissionsAreGrantedAndRevokedToMatch(t *testing.T) {
	x := catalog.NewIndex(redshiftSnapshot())
	c := Principals(x, model.RoleRef("etl"), model.RoleRef("bi"))
	if got := kinds(c.Changes); got != "grant_privileges grant_system_privileges revoke_system_privileges" {
		t.Fatalf("changes: %s", got)
	}
	if p := c.Changes[1].System.Privileges; len(p) != 1 || p[0] != "CREATE USER" {
		t.Errorf("granted %v, want CREATE USER", p)
	}
	if p := c.Changes[2].System.Privileges; len(p) != 1 || p[0] != "CANCEL" {
		t.Errorf("revoked %v, want CANCEL", p)
	}
	// To a user they cannot go: said, not queued.
	c = Principals(x, model.RoleRef("etl"), model.UserRef("bo"))
	for _, ch := range c.Changes {
		if ch.System != nil {
			t.Errorf("system permissions queued for a user: %+v", ch.System)
		}
	}
	found := false
	for _, n := range c.NotCopied {
		found = found || strings.HasPrefix(n, "System permissions")
	}
	if !found {
		t.Errorf("not copied: %v, want a line on system permissions", c.NotCopied)
	}
}
