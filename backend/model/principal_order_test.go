package model

import (
	"cmp"
	"strings"
	"testing"
)

// ComparePrincipals must order as the "kind:name" strings it replaces did.
func TestComparePrincipalsOrdersAsKindColonName(t *testing.T) {
	kinds := []PrincipalKind{KindUser, KindRole, KindGroup, KindPublic}
	names := []string{"", "a", "A", "a:b", "ab", "b", "user", "role:x", "z\u00e9"}
	var refs []PrincipalRef
	for _, k := range kinds {
		for _, n := range names {
			refs = append(refs, PrincipalRef{Kind: k, Name: n})
		}
	}
	for _, a := range refs {
		for _, b := range refs {
			want := cmp.Compare(strings.Compare(string(a.Kind)+":"+a.Name, string(b.Kind)+":"+b.Name), 0)
			if got := cmp.Compare(ComparePrincipals(a, b), 0); got != want {
				t.Errorf("ComparePrincipals(%v, %v) = %d, want %d", a, b, got, want)
			}
		}
	}
}
