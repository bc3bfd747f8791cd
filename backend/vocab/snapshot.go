package vocab

import (
	"slices"

	"github.com/redshiftmate/rsmate/backend/model"
)

// Of is the vocabulary of a snapshot's engine.
func Of(s *model.Snapshot) *Vocabulary {
	if s == nil {
		return Postgres
	}
	return For(s.Engine)
}

// RelationRef is the object reference a catalog relation is granted as: its
// kind is the one whose Relations cover it (the table kind when none does).
func (v *Vocabulary) RelationRef(r model.Relation) model.ObjectRef {
	k := v.KindOfRelation(r.Kind)
	if k == "" {
		k = model.ObjTable
	}
	return model.ObjectRef{Kind: k, Schema: r.Schema, Name: r.Name}
}

// InSchemas lists the snapshot's objects of kind k in the schemas: what
// "ALL <kind> IN SCHEMA" covers today.
func (v *Vocabulary) InSchemas(s *model.Snapshot, k model.ObjectKind, schemas []string) []model.ObjectRef {
	ki := v.Kind(k)
	if s == nil || ki == nil {
		return nil
	}
	var out []model.ObjectRef
	for _, r := range s.Relations {
		if ref := v.RelationRef(r); ref.Kind == k && slices.Contains(schemas, r.Schema) {
			out = append(out, ref)
		}
	}
	if ki.Routine {
		for _, r := range s.Routines {
			if r.Kind == k && slices.Contains(schemas, r.Schema) {
				out = append(out, model.ObjectRef{Kind: k, Schema: r.Schema, Name: r.Name, Args: r.Args})
			}
		}
	}
	return out
}

// KindOfScope is the kind whose scoped form uses keyword (TABLES, SCHEMAS …), or nil.
func (v *Vocabulary) KindOfScope(keyword string) *Kind {
	for i := range v.Kinds {
		if sc := v.Kinds[i].Scoped; sc != nil && sc.Keyword == keyword {
			return &v.Kinds[i]
		}
	}
	return nil
}

// Words names one object for people: "table sales.orders", "schema sales",
// "function s.f(integer)", "database dev".
func (v *Vocabulary) Words(o model.ObjectRef) string {
	noun := string(o.Kind)
	ki := v.Kind(o.Kind)
	if ki != nil {
		noun = ki.Noun
	}
	switch {
	case o.Kind == model.ObjSchema:
		return noun + " " + o.Schema
	case o.Kind == model.ObjColumn:
		return "column " + o.Schema + "." + o.Name + "." + o.Column
	case ki != nil && ki.Routine:
		return noun + " " + o.Schema + "." + o.Name + "(" + o.Args + ")"
	case ki != nil && ki.Parent != model.ObjSchema:
		return noun + " " + o.Name
	}
	return noun + " " + o.Schema + "." + o.Name
}
