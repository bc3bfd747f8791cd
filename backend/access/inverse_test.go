package access

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/vocab"
)

// byObject is the ObjectGrants of a snapshot for tests.
type byObject map[model.ObjectRef][]model.Grant

func (b byObject) GrantsOn(o model.ObjectRef) []model.Grant { return b[o] }

func indexByObject(s *model.Snapshot) byObject {
	out := byObject{}
	for _, g := range s.Grants.All() {
		out[g.Object] = append(out[g.Object], g)
	}
	return out
}

// cellSummary is a cell in a comparable form: flags, and each source's
// grantee with its path length and note (ties between equally short paths
// may pick different intermediate roles).
func cellSummary(c Cell) string {
	var src []string
	for _, s := range c.Sources {
		src = append(src, fmt.Sprintf("%s:%s/%d/%s", s.Grant.Grantee.Kind, s.Grant.Grantee.Name, len(s.Via), s.Note))
	}
	sort.Strings(src)
	return fmt.Sprintf("%s %s %s d=%v i=%v go=%v [%s]", objectKey(c.Object), c.Scope, c.Privilege, c.Direct, c.Inherited, c.GrantOption, strings.Join(src, " "))
}

func objectKey(o model.ObjectRef) string {
	return fmt.Sprintf("%s:%s.%s(%s).%s", o.Kind, o.Schema, o.Name, o.Args, o.Column)
}

// sessionCellsOn lists what Compute gives p on obj in its login session,
// including the scoped permissions WhoCanAccess reports for obj: those that
// cover it and those granted on it (a schema's … FOR TABLES IN SCHEMA).
func sessionCellsOn(s *model.Snapshot, p model.PrincipalRef, obj model.ObjectRef) []string {
	eff := Compute(s, IndexGrants(s), p)
	scopes := map[string]bool{}
	for _, g := range scopedCovering(s, indexByObject(s), obj) {
		scopes[objectKey(g.Object)+" "+g.Scope] = true
	}
	var out []string
	keep := func(c Cell) {
		if !c.Direct && !c.Inherited {
			return // only after SET ROLE
		}
		var ss []Source
		for _, src := range c.Sources {
			if src.SetRole == "" {
				ss = append(ss, src)
			}
		}
		c.Sources = ss
		out = append(out, cellSummary(c))
	}
	for _, c := range eff.Cells {
		if c.Object == obj {
			keep(c)
		}
	}
	for _, c := range eff.Scoped {
		if c.Object == obj || scopes[objectKey(c.Object)+" "+c.Scope] {
			keep(c)
		}
	}
	sort.Strings(out)
	return out
}

// TestWhoCanAccessEqualsComputeForEveryPrincipalAndObject is the inverse's
// contract: for every object of each test snapshot, the holders WhoCanAccess
// lists, with their cells and sources, are exactly the principals whose
// Compute holds something on that object in the login session.
func TestWhoCanAccessEqualsComputeForEveryPrincipalAndObject(t *testing.T) {
	withGroup := func(s *model.Snapshot) *model.Snapshot {
		s.Groups = []model.Group{{Name: "bi"}}
		return s
	}
	scoped := withGroup(snapshot("redshift"))
	scoped.Database = "dev"
	scoped.Grants = scoped.Grants.Clone()
	scoped.Grants.Add(model.Grant{Object: model.ObjectRef{Kind: model.ObjSchema, Schema: "sales"}, Grantee: role("analyst"), Privilege: "SELECT", Scope: "TABLES"})
	scoped.Grants.Add(model.Grant{Object: model.ObjectRef{Kind: model.ObjDatabase, Name: "dev"}, Grantee: group("bi"), Privilege: "UPDATE", Scope: "TABLES"})
	cases := map[string]*model.Snapshot{
		"redshift": withGroup(snapshot("redshift")), "postgres": snapshot("postgres"), "redshift scoped": scoped,
		"postgres 15": pgSnapshot(150000), "postgres 16": pgSnapshot(160000),
	}
	for name, s := range cases {
		t.Run(name, func(t *testing.T) {
			objects := map[model.ObjectRef]bool{}
			for _, g := range s.Grants.All() {
				objects[g.Object] = true
			}
			for _, sc := range s.Schemas {
				objects[model.ObjectRef{Kind: model.ObjSchema, Schema: sc.Name}] = true
			}
			for _, r := range s.Relations {
				objects[vocab.Of(s).RelationRef(r)] = true
			}
			everyone := append(allPrincipals(s), model.Public)
			for obj := range objects {
				got := map[model.PrincipalRef][]string{}
				for _, h := range WhoCanAccess(s, indexByObject(s), obj) {
					var cs []string
					for _, c := range append(append([]Cell{}, h.Cells...), h.Scoped...) {
						cs = append(cs, cellSummary(c))
					}
					sort.Strings(cs)
					got[h.Principal] = cs
				}
				for _, p := range everyone {
					want := sessionCellsOn(s, p, obj)
					if strings.Join(got[p], "\n") != strings.Join(want, "\n") {
						t.Errorf("%s on %s:\n got  %v\n want %v", string(p.Kind)+":"+p.Name, objectKey(obj), got[p], want)
					}
				}
			}
		})
	}
}

func TestWhoCanAccessListsPathsOwnerAndSuperusers(t *testing.T) {
	s := snapshot("redshift")
	s.Groups = []model.Group{{Name: "bi"}}
	s.Relations = []model.Relation{{Schema: "sales", Name: "orders", Kind: model.RelTable, Owner: "bob"}}
	holders := map[model.PrincipalRef]Holder{}
	for _, h := range WhoCanAccess(s, indexByObject(s), orders) {
		holders[h.Principal] = h
	}
	alice := holders[user("alice")]
	var selectVia []string
	for _, c := range alice.Cells {
		if c.Privilege == "SELECT" {
			for _, src := range c.Sources {
				var names []string
				for _, p := range src.Via {
					names = append(names, p.Name)
				}
				selectVia = append(selectVia, strings.Join(names, ">"))
			}
		}
	}
	if strings.Join(selectVia, "|") != "|senior>analyst>reader" {
		t.Errorf("alice's SELECT sources = %q, want direct then senior>analyst>reader", selectVia)
	}
	if h := holders[user("root")]; !h.Superuser || len(h.Cells) != 1 || h.Cells[0].Privilege != "REFERENCES" {
		t.Errorf("root = %+v, want a superuser holding only PUBLIC's REFERENCES", h)
	}
	if h := holders[user("bob")]; !h.Owner {
		t.Errorf("bob = %+v, want the owner", h)
	}
	if h := holders[group("bi")]; len(h.Cells) != 2 {
		t.Errorf("group bi = %+v, want INSERT and PUBLIC's REFERENCES", h)
	}
}

// TestSummariesCountWhatComputeHoldsInTheSession: the review's numbers equal
// a count over Compute's session cells, for every principal of each snapshot.
func TestSummariesCountWhatComputeHoldsInTheSession(t *testing.T) {
	for name, s := range map[string]*model.Snapshot{"redshift": snapshot("redshift"), "postgres 16": pgSnapshot(160000), "postgres 15": pgSnapshot(150000)} {
		who := append(allPrincipals(s), model.Public)
		got := Summaries(s, IndexGrants(s), who)
		for i, p := range who {
			var want Summary
			objects, schemas := map[model.ObjectRef]bool{}, map[string]bool{}
			for _, c := range Compute(s, IndexGrants(s), p).Cells {
				if c.Direct || c.Inherited {
					want.Privileges++
					objects[c.Object] = true
					if c.Object.Schema != "" {
						schemas[c.Object.Schema] = true
					}
				}
			}
			want.Objects, want.Schemas = len(objects), len(schemas)
			if got[i] != want {
				t.Errorf("%s: %s = %+v, want %+v", name, string(p.Kind)+":"+p.Name, got[i], want)
			}
		}
	}
}
