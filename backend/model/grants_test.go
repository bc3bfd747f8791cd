package model

import (
	"cmp"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unsafe"
)

func tbl(schema, name string) ObjectRef { return ObjectRef{Kind: ObjTable, Schema: schema, Name: name} }

// sample mixes kinds, including one no constant names (tables are generic).
func sample() []Grant {
	return []Grant{
		{Object: tbl("s1", "a"), Grantee: UserRef("ann"), Privilege: PrivSelect, Grantor: "own"},
		{Object: ObjectRef{Kind: ObjSchema, Schema: "s1"}, Grantee: RoleRef("r"), Privilege: PrivUsage, GrantOption: true},
		{Object: tbl("s2", "b"), Grantee: UserRef("ann"), Privilege: PrivInsert, Implied: true, Grantor: "ann"},
		{Object: ObjectRef{Kind: ObjDatabase, Name: "db"}, Grantee: RoleRef("r"), Privilege: PrivSelect, Scope: "TABLES"},
		{Object: ObjectRef{Kind: "datashare", Name: "share1"}, Grantee: Public, Privilege: PrivUsage, Default: true},
		{Object: ObjectRef{Kind: ObjColumn, Schema: "s1", Name: "a", Column: "c1"}, Grantee: UserRef("ann"), Privilege: PrivUpdate},
		{Object: tbl("s1", "a"), Grantee: RoleRef("r"), Privilege: PrivSelect},
		{Object: ObjectRef{Kind: ObjColumn, Schema: "s1", Name: "a", Column: "c2"}, Grantee: RoleRef("r"), Privilege: PrivSelect},
	}
}

func TestGrantRowIs16Bytes(t *testing.T) {
	if n := unsafe.Sizeof(grantRow{}); n != 16 {
		t.Fatalf("a grant row takes %d bytes, want 16", n)
	}
}

func TestGrantTableKeepsEveryFieldAndOrder(t *testing.T) {
	want := sample()
	tb := NewGrantTable(want...)
	if tb.Len() != len(want) {
		t.Fatalf("Len = %d, want %d", tb.Len(), len(want))
	}
	if got := tb.Slice(); !reflect.DeepEqual(got, want) {
		t.Fatalf("Slice = %+v\nwant %+v", got, want)
	}
	for i, g := range tb.All() {
		if g != want[i] || tb.At(i) != want[i] {
			t.Fatalf("grant %d = %+v / %+v, want %+v", i, g, tb.At(i), want[i])
		}
	}
	var empty GrantTable
	if empty.Len() != 0 || len(empty.Slice()) != 0 || empty.To(Public) == nil || len(empty.On(tbl("s", "t"))) != 0 {
		t.Fatal("the zero table must read as empty, with non-nil results")
	}
}

func TestGrantTableIndexedReads(t *testing.T) {
	gs := sample()
	tb := NewGrantTable(gs...)
	pick := func(idx ...int) []Grant {
		out := []Grant{}
		for _, i := range idx {
			out = append(out, gs[i])
		}
		return out
	}
	check := func(what string, got, want []Grant) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %+v\nwant %+v", what, got, want)
		}
	}
	check("To(ann)", tb.To(UserRef("ann")), pick(0, 2, 5))
	check("To(r)", tb.To(RoleRef("r")), pick(1, 3, 6, 7))
	check("To(user r)", tb.To(UserRef("r")), pick())
	check("ToInSchema(r, s1)", tb.ToInSchema(RoleRef("r"), "s1"), pick(1, 6, 7))
	check("ToInSchema(r, \"\")", tb.ToInSchema(RoleRef("r"), ""), pick(3))
	check("ToInSchema(ann, s2)", tb.ToInSchema(UserRef("ann"), "s2"), pick(2))
	check("ToInSchema(ann, none)", tb.ToInSchema(UserRef("ann"), "none"), pick())
	check("On(s1.a)", tb.On(tbl("s1", "a")), pick(0, 6))
	check("On(datashare)", tb.On(ObjectRef{Kind: "datashare", Name: "share1"}), pick(4))
	check("OnColumns(s1.a)", tb.OnColumns("s1", "a"), pick(5, 7))
	if all, explicit := tb.Count(UserRef("ann")); all != 3 || explicit != 2 {
		t.Errorf("Count(ann) = %d, %d; want 3, 2 (one implied)", all, explicit)
	}
	if got := tb.Grantees(); len(got) != 3 {
		t.Errorf("Grantees = %v, want ann, r and PUBLIC", got)
	}
	// A write drops the index; the next read sees the new row.
	tb.Add(Grant{Object: tbl("s2", "b"), Grantee: RoleRef("r"), Privilege: PrivDelete})
	check("To(r) after Add", tb.To(RoleRef("r")), append(pick(1, 3, 6, 7), tb.At(8)))
}

// Many rows cross chunk boundaries: deletes, sets and the index must agree
// with a plain slice doing the same.
func TestGrantTableMatchesASliceAcrossChunks(t *testing.T) {
	var tb GrantTable
	var want []Grant
	for i := 0; i < 3*chunkSize+17; i++ {
		g := Grant{Object: tbl(fmt.Sprintf("s%d", i%7), fmt.Sprintf("t%d", i%101)), Grantee: UserRef(fmt.Sprintf("u%d", i%13)),
			Privilege: []string{PrivSelect, PrivInsert, PrivUpdate}[i%3], GrantOption: i%5 == 0}
		tb.Add(g)
		want = append(want, g)
	}
	del := func(g Grant) bool { return g.Grantee.Name == "u3" || g.Object.Name == "t7" }
	tb.DeleteFunc(del)
	want = slices.DeleteFunc(want, del)
	tb.Set(5, Grant{Object: tbl("x", "y"), Grantee: RoleRef("new"), Privilege: PrivTrigger})
	want[5] = Grant{Object: tbl("x", "y"), Grantee: RoleRef("new"), Privilege: PrivTrigger}
	if got := tb.Slice(); !reflect.DeepEqual(got, want) {
		t.Fatalf("after DeleteFunc and Set: %d grants, want %d (first difference matters)", len(got), len(want))
	}
	var to []Grant
	for _, g := range want {
		if g.Grantee == UserRef("u4") && g.Object.Schema == "s2" {
			to = append(to, g)
		}
	}
	if got := tb.ToInSchema(UserRef("u4"), "s2"); !reflect.DeepEqual(got, to) {
		t.Fatalf("ToInSchema(u4, s2): %d grants, want %d", len(got), len(to))
	}
}

func TestGrantTableCloneIsIndependent(t *testing.T) {
	a := NewGrantTable(sample()...)
	b := a.Clone()
	b.Add(Grant{Object: tbl("new", "t"), Grantee: UserRef("zed"), Privilege: PrivSelect})
	b.DeleteFunc(func(g Grant) bool { return g.Grantee == UserRef("ann") })
	if !reflect.DeepEqual(a.Slice(), sample()) {
		t.Fatalf("changing the clone changed the original: %+v", a.Slice())
	}
	if len(a.To(UserRef("zed"))) != 0 || len(b.To(UserRef("zed"))) != 1 || len(b.To(UserRef("ann"))) != 0 {
		t.Fatal("the clone's index and the original's disagree with their rows")
	}
}

func TestGrantTableMapPrincipalsRenamesAndMerges(t *testing.T) {
	tb := NewGrantTable(sample()...)
	// Renaming ann to r's name as a role merges the two grantees.
	tb.MapPrincipals(func(p PrincipalRef) PrincipalRef {
		if p == UserRef("ann") {
			return RoleRef("r")
		}
		return p
	})
	if n := len(tb.To(RoleRef("r"))); n != 7 {
		t.Fatalf("To(r) after the merge: %d grants, want 7", n)
	}
	if n := len(tb.To(UserRef("ann"))); n != 0 {
		t.Fatalf("ann still holds %d grants", n)
	}
}

func TestGrantTableJSONIsAnArrayOfGrant(t *testing.T) {
	s := Snapshot{Grants: NewGrantTable(sample()...)}
	data, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var plain struct {
		Grants []Grant `json:"grants"`
	}
	if err := json.Unmarshal(data, &plain); err != nil || !reflect.DeepEqual(plain.Grants, sample()) {
		t.Fatalf("grants encode as %s (err %v)", data, err)
	}
	var back Snapshot
	if err := json.Unmarshal(data, &back); err != nil || !reflect.DeepEqual(back.Grants.Slice(), sample()) {
		t.Fatalf("decoding back: %+v (err %v)", back.Grants.Slice(), err)
	}
	if data, _ := json.Marshal(Snapshot{}); !json.Valid(data) || !strings.Contains(string(data), `"grants":[]`) {
		t.Fatalf("an empty table encodes as %s, want []", data)
	}
}

func TestGrantTableSortFuncIsStable(t *testing.T) {
	tb := NewGrantTable(sample()...)
	tb.SortFunc(func(a, b Grant) int { return cmp.Compare(a.Privilege, b.Privilege) })
	var got []string
	for _, g := range tb.All() {
		got = append(got, g.Privilege+":"+g.Grantee.Name)
	}
	want := []string{"INSERT:ann", "SELECT:ann", "SELECT:r", "SELECT:r", "SELECT:r", "UPDATE:ann", "USAGE:r", "USAGE:"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("sorted: %v, want %v", got, want)
	}
	if n := len(tb.To(RoleRef("r"))); n != 4 {
		t.Fatalf("index after sort: To(r) has %d grants, want 4", n)
	}
}
