package access_test

import (
	"reflect"
	"testing"

	"github.com/redshiftmate/rsmate/backend/access"
	"github.com/redshiftmate/rsmate/backend/catalog"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/synthetic"
)

// grantsOnOnly hides the catalog index's other lookups: WhoCanAccess then
// indexes the snapshot itself.
type grantsOnOnly struct{ x *catalog.Index }

func (g grantsOnOnly) GrantsOn(o model.ObjectRef) []model.Grant { return g.x.GrantsOn(o) }

// TestWhoCanAccessThroughTheIndexMatchesTheSnapshot: on the in-memory
// synthetic catalog (roles in chains, groups, PUBLIC on functions), who can
// access a table, a column, a function and a schema is the same
// answer read through the catalog index as from the snapshot alone.
func TestWhoCanAccessThroughTheIndexMatchesTheSnapshot(t *testing.T) {
	s := synthetic.Snapshot(300)
	x := catalog.NewIndex(s)
	for _, obj := range []model.ObjectRef{
		{Kind: model.ObjTable, Schema: "bench_s001", Name: "t010"},
		{Kind: model.ObjColumn, Schema: "bench_s001", Name: "t010", Column: "a"},
		{Kind: model.ObjFunction, Schema: "bench_s002", Name: "f1", Args: "integer"},
		{Kind: model.ObjSchema, Schema: "bench_s003"},
	} {
		viaIndex, viaSnapshot := access.WhoCanAccess(s, x, obj), access.WhoCanAccess(s, grantsOnOnly{x}, obj)
		if len(viaIndex) < 2 {
			t.Errorf("%s: only %d holders: the catalog lost its grants", objectText(obj), len(viaIndex))
		}
		if !reflect.DeepEqual(viaIndex, viaSnapshot) {
			t.Errorf("%s: %d holders through the index, %d from the snapshot, or their paths differ", objectText(obj), len(viaIndex), len(viaSnapshot))
		}
	}
}
