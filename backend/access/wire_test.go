package access

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"github.com/redshiftmate/rsmate/backend/model"
)

// wideSnapshot is a fixed catalog shaped like the benchmark's: 10 schemas of
// 40 tables; each of 20 roles holds SELECT and INSERT (SELECT with grant
// option) on the tables of two schemas; alice is a member of roles r00–r09
// through a chain of two, holds UPDATE on schema s0's tables herself, and
// PUBLIC holds USAGE on every schema.
func wideSnapshot() *model.Snapshot {
	s := &model.Snapshot{Engine: "redshift", Database: "dev", Users: []model.User{{Name: "alice", Inherit: true}}}
	var gs []model.Grant
	for sc := range 10 {
		schema := fmt.Sprintf("s%d", sc)
		gs = append(gs, model.Grant{Object: model.ObjectRef{Kind: model.ObjSchema, Schema: schema}, Grantee: model.Public, Privilege: "USAGE", Grantor: "admin"})
		for t := range 40 {
			obj := model.ObjectRef{Kind: model.ObjTable, Schema: schema, Name: fmt.Sprintf("table_%02d", t)}
			if sc == 0 {
				gs = append(gs, model.Grant{Object: obj, Grantee: user("alice"), Privilege: "UPDATE", Grantor: "admin"})
			}
			for _, r := range []int{2 * sc, 2*sc + 1} {
				gs = append(gs,
					model.Grant{Object: obj, Grantee: role(fmt.Sprintf("r%02d", r)), Privilege: "SELECT", GrantOption: true, Grantor: "admin"},
					model.Grant{Object: obj, Grantee: role(fmt.Sprintf("r%02d", r)), Privilege: "INSERT", Grantor: "admin"})
			}
		}
	}
	s.Roles = append(s.Roles, model.Role{Name: "hub", Inherit: true})
	s.Memberships = append(s.Memberships, model.Membership{Member: user("alice"), Of: role("hub")})
	for r := range 20 {
		s.Roles = append(s.Roles, model.Role{Name: fmt.Sprintf("r%02d", r), Inherit: true})
		if r < 10 {
			s.Memberships = append(s.Memberships, model.Membership{Member: role("hub"), Of: role(fmt.Sprintf("r%02d", r))})
		}
	}
	s.Grants = model.NewGrantTable(gs...)
	return s
}

// fromWire decodes wire cells back to Cells, the grant rebuilt from the cell
// and the path (its grantee the path's end, else the principal).
func fromWire(t Tables, self model.PrincipalRef, ws []WireCell) []Cell {
	out := []Cell{}
	for _, w := range ws {
		c := Cell{Object: t.Objects[w.Object], Privilege: w.Privilege, Scope: w.Scope, Direct: w.Direct, Inherited: w.Inherited,
			GrantOption: w.GrantOption, SetRole: w.SetRole}
		for _, s := range w.Sources {
			via := t.Paths[s.Via]
			grantee := self
			if len(via) > 0 {
				grantee = via[len(via)-1]
			}
			c.Sources = append(c.Sources, Source{Via: via, SetRole: s.SetRole, Note: s.Note, Grant: model.Grant{
				Object: c.Object, Grantee: grantee, Privilege: c.Privilege, Scope: c.Scope, GrantOption: s.GrantOption, Grantor: t.Grantors[s.Grantor]}})
		}
		out = append(out, c)
	}
	return out
}

func TestWireEffectiveDecodesToTheSameCells(t *testing.T) {
	s := wideSnapshot()
	eff := Compute(s, IndexGrants(s), user("alice"))
	w := eff.ToWire()
	if got := fromWire(w.Tables, eff.Principal, w.Cells); !reflect.DeepEqual(got, eff.Cells) {
		t.Fatalf("wire cells decode to\n%+v\nwant\n%+v", got[:3], eff.Cells[:3])
	}
	if !reflect.DeepEqual(w.Grantors, []string{"", "admin"}) {
		t.Fatalf("grantors table is %q, want none recorded and admin", w.Grantors)
	}
	if len(w.Objects) != 210 || len(w.Paths) != 12 {
		// The 200 tables of s0–s4 and 10 schemas; paths: direct, PUBLIC, hub → r00…r09.
		t.Fatalf("tables hold %d objects and %d paths, want each object and path once: 210 and 12", len(w.Objects), len(w.Paths))
	}
}

// On wideSnapshot with bob and carol, members of hub like alice: who can
// access s0.table_00.
func TestWireHoldersDecodeToTheSameCellsAndShareEqualLists(t *testing.T) {
	s := wideSnapshot()
	for _, name := range []string{"bob", "carol"} {
		s.Users = append(s.Users, model.User{Name: name, Inherit: true})
		s.Memberships = append(s.Memberships, model.Membership{Member: user(name), Of: role("hub")})
	}
	hs := WhoCanAccess(s, indexByObject(s), model.ObjectRef{Kind: model.ObjTable, Schema: "s0", Name: "table_00"})
	w := HoldersToWire(hs)
	if len(w.Holders) != len(hs) {
		t.Fatalf("%d wire holders, want %d", len(w.Holders), len(hs))
	}
	at := map[model.PrincipalRef]WireHolder{}
	for i, h := range hs {
		wh := w.Holders[i]
		at[h.Principal] = wh
		if wh.Principal != h.Principal || wh.Owner != h.Owner || wh.Superuser != h.Superuser {
			t.Fatalf("holder %d is %+v, want %+v", i, wh, h)
		}
		if got := fromWire(w.Tables, h.Principal, w.CellLists[wh.Cells]); !reflect.DeepEqual(got, h.Cells) {
			t.Fatalf("holder %v: wire cells decode to %+v, want %+v", h.Principal, got, h.Cells)
		}
		if len(h.Scoped) != 0 || wh.Scoped != 0 {
			t.Fatalf("holder %v: scoped list %d, want the empty list 0 (no scoped permissions here)", h.Principal, wh.Scoped)
		}
	}
	// bob and carol hold the same cells through hub; alice has her own UPDATE too.
	bob, carol, alice := at[user("bob")], at[user("carol")], at[user("alice")]
	if bob.Cells != carol.Cells || bob.Cells == alice.Cells {
		t.Fatalf("cell lists: bob %d, carol %d, alice %d; want bob's and carol's one list, alice's another", bob.Cells, carol.Cells, alice.Cells)
	}
	// r00 and r01 hold the same grants directly.
	if at[role("r00")].Cells != at[role("r01")].Cells {
		t.Fatalf("r00 and r01 hold the same cells but have lists %d and %d", at[role("r00")].Cells, at[role("r01")].Cells)
	}
	// The empty list; alice's; bob's and carol's; hub's; r00's and r01's.
	if len(hs) != 6 || len(w.CellLists) != 5 {
		t.Fatalf("%d cell lists for %d holders, want 5 for 6", len(w.CellLists), len(hs))
	}
}

// The whole-database answer's JSON, per cell, on wideSnapshot: alice's 450
// cells (UPDATE on s0's 40 tables, SELECT and INSERT on the 200 tables of
// s0–s4 through two roles each, USAGE on 10 schemas through PUBLIC) as
// Effective encodes them and in wire form.
func TestWireEffectiveJSONBytesPerCellAtMostAThirdOfEffective(t *testing.T) {
	s := wideSnapshot()
	eff := Compute(s, IndexGrants(s), user("alice"))
	if len(eff.Cells) != 450 {
		t.Fatalf("alice has %d cells, want 450 (UPDATE on 40 tables, SELECT and INSERT on 200, USAGE on 10 schemas)", len(eff.Cells))
	}
	full, err := json.Marshal(eff)
	if err != nil {
		t.Fatal(err)
	}
	slim, err := json.Marshal(eff.ToWire())
	if err != nil {
		t.Fatal(err)
	}
	perFull, perSlim := len(full)/len(eff.Cells), len(slim)/len(eff.Cells)
	t.Logf("JSON bytes per cell: Effective %d, wire %d (%d → %d bytes)", perFull, perSlim, len(full), len(slim))
	if perSlim*3 > perFull {
		t.Fatalf("wire form takes %d JSON bytes per cell, Effective %d: want at most a third", perSlim, perFull)
	}
}
