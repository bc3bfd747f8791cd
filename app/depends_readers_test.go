package app

import (
	"testing"

	"github.com/redshiftmate/rsmate/backend/access"
	"github.com/redshiftmate/rsmate/backend/catalog"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/synthetic"
)

// selectHolders is the reference Inverse.Readers must match: who-can-access
// in full, then the holders that can SELECT the relation itself counted.
func selectHolders(hs []access.Holder) (n int, public bool) {
	for _, h := range hs {
		selects := h.Superuser || h.Owner
		for _, cells := range [][]access.Cell{h.Cells, h.Scoped} {
			for _, c := range cells {
				if c.Privilege == "SELECT" && c.Object.Kind != model.ObjColumn {
					selects = true
				}
			}
		}
		switch {
		case !selects:
		case h.Principal.Kind == model.KindPublic:
			public = true
		default:
			n++
		}
	}
	return n, public
}

// The dependency graph's reader counts come from Inverse.Readers; on every
// relation of the synthetic catalog, as a Redshift and as a PostgreSQL
// catalog (predefined roles, pg_read_all_data held through a role), with one
// relation readable by PUBLIC and one owned by a user holding no grant on it, they equal counting who-can-access's holders.
func TestReadersEqualsCountingWhoCanAccess(t *testing.T) {
	for _, engine := range []string{"redshift", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			s := synthetic.Snapshot(300)
			s.Engine = engine
			rels := s.Relations
			s.Grants.Add(model.Grant{Object: model.ObjectRef{Kind: model.ObjTable, Schema: rels[1].Schema, Name: rels[1].Name}, Grantee: model.Public, Privilege: "SELECT"})
			// An owner with no grant of its own on what it owns still reads it.
			s.Users = append(s.Users, model.User{Name: "lonely_owner"})
			rels[2].Owner = "lonely_owner"
			if engine == "postgres" {
				s.Roles = append(s.Roles, model.Role{Name: "pg_read_all_data"})
				s.Memberships = append(s.Memberships, model.Membership{Of: model.RoleRef("pg_read_all_data"), Member: model.UserRef(s.Users[0].Name)})
			}
			x := catalog.NewIndex(s)
			inv := access.NewInverse(x.Snapshot(), x)
			publicSeen, compared := false, 0
			for _, r := range rels {
				obj := model.ObjectRef{Kind: model.ObjTable, Schema: r.Schema, Name: r.Name}
				wantN, wantPublic := selectHolders(access.WhoCanAccess(x.Snapshot(), x, obj))
				gotN, gotPublic := inv.Readers(obj)
				if gotN != wantN || gotPublic != wantPublic {
					t.Fatalf("%s.%s: Readers = %d, PUBLIC %v; counting who-can-access gives %d, PUBLIC %v", r.Schema, r.Name, gotN, gotPublic, wantN, wantPublic)
				}
				publicSeen = publicSeen || gotPublic
				compared++
			}
			if !publicSeen || compared < 100 {
				t.Fatalf("compared %d relations, PUBLIC seen %v: the check did not cover what it claims", compared, publicSeen)
			}
		})
	}
}
