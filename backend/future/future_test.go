package future

import (
	"strings"
	"testing"

	"github.com/redshiftmate/rsmate/backend/model"
)

// Redshift: scoped permissions cover tables anyone creates, in the schema or
// the whole database; default privileges only those of their creator; no
// built-in PUBLIC grant is assumed.
func TestRedshiftScopedPermissionsAndCreatorDefaults(t *testing.T) {
	snap := &model.Snapshot{
		Engine: "redshift",
		Grants: model.NewGrantTable(
			model.Grant{Object: model.ObjectRef{Kind: model.ObjSchema, Schema: "mart"}, Grantee: model.RoleRef("bi"), Privilege: "SELECT", Scope: "TABLES"},
			model.Grant{Object: model.ObjectRef{Kind: model.ObjSchema, Schema: "other"}, Grantee: model.RoleRef("ops"), Privilege: "SELECT", Scope: "TABLES"},
			model.Grant{Object: model.ObjectRef{Kind: model.ObjDatabase, Name: "dev"}, Grantee: model.UserRef("auditor"), Privilege: "SELECT", Scope: "TABLES"},
			model.Grant{Object: model.ObjectRef{Kind: model.ObjSchema, Schema: "mart"}, Grantee: model.RoleRef("fn"), Privilege: "EXECUTE", Scope: "FUNCTIONS"},
		),
		DefaultPrivileges: []model.DefaultPrivilege{
			{Creator: model.UserRef("etl"), Schema: "mart", ObjectType: model.DefTables, Grantee: model.Public, Privilege: "SELECT"},
			{Creator: model.UserRef("someone"), Schema: "mart", ObjectType: model.DefTables, Grantee: model.UserRef("x"), Privilege: "SELECT"},
		},
	}
	a := Simulate(snap, model.UserRef("etl"), "mart", model.DefTables, []string{"SELECT", "INSERT"})
	var got []string
	for _, e := range a.Entries {
		got = append(got, e.Grantee.Name+":"+strings.Join(e.Privileges, ",")+":"+e.Sources[0].Kind)
	}
	want := "etl:SELECT,INSERT:owner :SELECT:default_schema bi:SELECT:scoped_schema auditor:SELECT:scoped_database"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}
