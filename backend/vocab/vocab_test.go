package vocab

import (
	"slices"
	"testing"

	"github.com/redshiftmate/rsmate/backend/model"
)

func TestEveryKindIsDescribedCompletely(t *testing.T) {
	for _, v := range []*Vocabulary{Postgres, Redshift} {
		seenRel := map[model.RelationKind]model.ObjectKind{}
		for _, k := range v.Kinds {
			if k.Kind == "" || k.Keyword == "" || k.Noun == "" || k.Plural == "" || len(k.Privileges) == 0 {
				t.Errorf("%s: kind %+v is missing its kind, keyword, words or privileges", v.Engine, k)
			}
			for _, p := range k.Privileges {
				if p.Help == "" {
					t.Errorf("%s %s: privilege %s has no help text", v.Engine, k.Kind, p.Name)
				}
			}
			if k.Parent != "" && v.Kind(k.Parent) == nil {
				t.Errorf("%s %s: parent %s is not a kind of the engine", v.Engine, k.Kind, k.Parent)
			}
			for _, r := range k.Relations {
				if other, dup := seenRel[r]; dup {
					t.Errorf("%s: relation kind %s belongs to both %s and %s", v.Engine, r, other, k.Kind)
				}
				seenRel[r] = k.Kind
			}
			if k.Default != "" && v.Default(k.Default) == nil {
				t.Errorf("%s %s: default type %s is not described", v.Engine, k.Kind, k.Default)
			}
		}
	}
}

func TestForVersionDropsPrivilegesTheServerLacks(t *testing.T) {
	v := &Vocabulary{Kinds: []Kind{{Kind: model.ObjTable, Privileges: []Privilege{
		{Name: "SELECT"}, {Name: "MAINTAIN", MinVersion: 17}}}},
		Defaults: []DefaultType{{Type: model.DefTables, Privileges: []string{"SELECT", "MAINTAIN"}, MinVersion: map[string]int{"MAINTAIN": 17}}}}
	if got := v.ForVersion(16).Default(model.DefTables).Privileges; !slices.Equal(got, []string{"SELECT"}) {
		t.Errorf("default tables, version 16: got %v, want [SELECT]", got)
	}
	if got := v.ForVersion(17).Default(model.DefTables).Privileges; !slices.Equal(got, []string{"SELECT", "MAINTAIN"}) {
		t.Errorf("default tables, version 17: got %v, want [SELECT MAINTAIN]", got)
	}
	if got := v.ForVersion(16).Kind(model.ObjTable).PrivilegeNames(); !slices.Equal(got, []string{"SELECT"}) {
		t.Errorf("version 16: got %v, want [SELECT]", got)
	}
	if got := v.ForVersion(17).Kind(model.ObjTable).PrivilegeNames(); !slices.Equal(got, []string{"SELECT", "MAINTAIN"}) {
		t.Errorf("version 17: got %v, want [SELECT MAINTAIN]", got)
	}
	if got := v.Kind(model.ObjTable).PrivilegeNames(); len(got) != 2 {
		t.Errorf("ForVersion changed the original: %v", got)
	}
}

func TestPostgresMaintainOnlyFrom17(t *testing.T) {
	for _, tc := range []struct {
		version int
		want    bool
	}{{15, false}, {16, false}, {17, true}, {0, true}} {
		v := Postgres.ForVersion(tc.version)
		onTables := slices.Contains(v.Kind(model.ObjTable).PrivilegeNames(), "MAINTAIN")
		inDefaults := slices.Contains(v.Default(model.DefTables).Privileges, "MAINTAIN")
		if onTables != tc.want || inDefaults != tc.want {
			t.Errorf("version %d: MAINTAIN on tables %v, in default tables %v; want %v", tc.version, onTables, inDefaults, tc.want)
		}
	}
	if slices.Contains(Postgres.ForVersion(17).Kind(model.ObjSequence).PrivilegeNames(), "MAINTAIN") {
		t.Error("sequences have no MAINTAIN")
	}
}

func TestRelationKindsMapToTheirGrantKind(t *testing.T) {
	if got := Redshift.KindOfRelation(model.RelLateBindingView); got != model.ObjTable {
		t.Errorf("Redshift late-binding view: got %q, want table", got)
	}
	if got := Postgres.KindOfRelation(model.RelSequence); got != model.ObjSequence {
		t.Errorf("PostgreSQL sequence: got %q, want sequence", got)
	}
	if got := Postgres.KindOfRelation("no_such_kind"); got != "" {
		t.Errorf("unknown relation kind: got %q, want none", got)
	}
}

func TestInSchemasListsTheObjectsOfOneKind(t *testing.T) {
	s := &model.Snapshot{
		Relations: []model.Relation{{Schema: "a", Name: "t", Kind: model.RelTable}, {Schema: "a", Name: "v", Kind: model.RelView},
			{Schema: "b", Name: "t", Kind: model.RelTable}},
		Routines: []model.Routine{{Schema: "a", Name: "f", Args: "integer", Kind: model.ObjFunction},
			{Schema: "a", Name: "p", Kind: model.ObjProcedure}},
	}
	got := Postgres.InSchemas(s, model.ObjTable, []string{"a"})
	want := []model.ObjectRef{{Kind: model.ObjTable, Schema: "a", Name: "t"}, {Kind: model.ObjTable, Schema: "a", Name: "v"}}
	if !slices.Equal(got, want) {
		t.Errorf("tables in a: got %v, want %v", got, want)
	}
	got = Postgres.InSchemas(s, model.ObjFunction, []string{"a", "b"})
	want = []model.ObjectRef{{Kind: model.ObjFunction, Schema: "a", Name: "f", Args: "integer"}}
	if !slices.Equal(got, want) {
		t.Errorf("functions in a and b: got %v, want %v (procedures are their own kind)", got, want)
	}
}

func TestScopeKeywordsNameTheirKind(t *testing.T) {
	for scope, want := range map[string]model.ObjectKind{"TABLES": model.ObjTable, "FUNCTIONS": model.ObjFunction, "SCHEMAS": model.ObjSchema} {
		if k := Redshift.KindOfScope(scope); k == nil || k.Kind != want {
			t.Errorf("Redshift scope %s: got %+v, want kind %s", scope, k, want)
		}
	}
	if k := Postgres.KindOfScope("TABLES"); k != nil {
		t.Errorf("PostgreSQL has no scoped permissions, got %+v", k)
	}
}
