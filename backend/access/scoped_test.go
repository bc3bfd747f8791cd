package access

import (
	"reflect"
	"testing"

	"github.com/redshiftmate/rsmate/backend/model"
)

// TestScopedPermissionsKeptApartFromObjectPrivileges: a Redshift scoped
// permission never becomes (or merges into) an object privilege cell, even
// where it names the same object and privilege as an object grant.
func TestScopedPermissionsKeptApartFromObjectPrivileges(t *testing.T) {
	db := model.ObjectRef{Kind: model.ObjDatabase, Name: "dev"}
	sales := model.ObjectRef{Kind: model.ObjSchema, Schema: "sales"}
	createOnDB := model.Grant{Object: db, Grantee: user("alice"), Privilege: "CREATE"}
	scopedCreate := model.Grant{Object: db, Grantee: role("reader"), Privilege: "CREATE", Scope: "SCHEMAS"}
	scopedSelect := model.Grant{Object: sales, Grantee: user("alice"), Privilege: "SELECT", Scope: "TABLES"}
	usage := model.Grant{Object: sales, Grantee: user("alice"), Privilege: "USAGE"}
	s := &model.Snapshot{
		Engine:      "redshift",
		Users:       []model.User{{Name: "alice"}},
		Roles:       []model.Role{{Name: "reader"}},
		Memberships: []model.Membership{{Member: user("alice"), Of: role("reader")}},
		Grants:      model.NewGrantTable([]model.Grant{createOnDB, scopedCreate, scopedSelect, usage}...),
	}
	eff := Compute(s, IndexGrants(s), user("alice"))

	wantCells := []Cell{
		{Object: db, Privilege: "CREATE", Direct: true, Sources: []Source{{Via: Path{}, Grant: createOnDB}}},
		{Object: sales, Privilege: "USAGE", Direct: true, Sources: []Source{{Via: Path{}, Grant: usage}}},
	}
	wantScoped := []Cell{
		{Object: db, Privilege: "CREATE", Scope: "SCHEMAS", Inherited: true, Sources: []Source{{Via: Path{role("reader")}, Grant: scopedCreate}}},
		{Object: sales, Privilege: "SELECT", Scope: "TABLES", Direct: true, Sources: []Source{{Via: Path{}, Grant: scopedSelect}}},
	}
	if !reflect.DeepEqual(eff.Cells, wantCells) {
		t.Errorf("object privilege cells =\n%+v\nwant\n%+v", eff.Cells, wantCells)
	}
	if !reflect.DeepEqual(eff.Scoped, wantScoped) {
		t.Errorf("scoped cells =\n%+v\nwant\n%+v", eff.Scoped, wantScoped)
	}

	// Without scoped grants the list is empty, not null (the UI reads it as a list).
	plain := &model.Snapshot{Engine: "postgres", Users: []model.User{{Name: "alice"}}, Grants: model.NewGrantTable([]model.Grant{usage}...)}
	if got := Compute(plain, IndexGrants(plain), user("alice")).Scoped; got == nil || len(got) != 0 {
		t.Errorf("Scoped = %#v, want an empty list", got)
	}
}
