package grantsql

import (
	"fmt"
	"strings"

	"github.com/redshiftmate/rsmate/backend/model"
)

// Principal words a principal for summaries: "user alice", "role analyst", "PUBLIC".
func Principal(p model.PrincipalRef) string {
	if p.Kind == model.KindPublic {
		return "PUBLIC"
	}
	return string(p.Kind) + " " + p.Name
}

// kindInfo is how an object kind is spelled in SQL (ON …) and in words.
type kindInfo struct{ on, one, many string }

var kinds = map[model.ObjectKind]kindInfo{
	model.ObjDatabase:  {"DATABASE", "database", "databases"},
	model.ObjSchema:    {"SCHEMA", "schema", "schemas"},
	model.ObjTable:     {"TABLE", "table", "tables"},
	model.ObjFunction:  {"FUNCTION", "function", "functions"},
	model.ObjProcedure: {"PROCEDURE", "procedure", "procedures"},
	model.ObjLanguage:  {"LANGUAGE", "language", "languages"},
	model.ObjColumn:    {"TABLE", "column", "columns"},
}

// Plural words a count of objects of kind k: "1 table", "3 tables".
func Plural(k model.ObjectKind, n int) string {
	ki := kinds[k]
	if n == 1 {
		return "1 " + ki.one
	}
	return fmt.Sprintf("%d %s", n, ki.many)
}

// objectName is an object's name in words.
func objectName(o model.ObjectRef) string {
	switch o.Kind {
	case model.ObjDatabase, model.ObjLanguage:
		return o.Name
	case model.ObjSchema:
		return o.Schema
	case model.ObjFunction, model.ObjProcedure:
		return o.Schema + "." + o.Name + "(" + o.Args + ")"
	}
	return o.Schema + "." + o.Name
}

// describeObjects words a list of objects of one kind: "table sales.orders",
// "3 tables in sales", "5 tables in 2 schemas", "2 schemas".
func describeObjects(objs []model.ObjectRef) string {
	k := objs[0].Kind
	if len(objs) == 1 {
		return kinds[k].one + " " + objectName(objs[0])
	}
	if k == model.ObjTable || k == model.ObjFunction || k == model.ObjProcedure {
		schemas := distinct(objs, func(o model.ObjectRef) string { return o.Schema })
		if len(schemas) == 1 {
			return Plural(k, len(objs)) + " in " + schemas[0]
		}
		return Plural(k, len(objs)) + " in " + Plural(model.ObjSchema, len(schemas))
	}
	return Plural(k, len(objs))
}

// inSchemas words "in sales" or "in 3 schemas".
func inSchemas(schemas []string) string {
	if len(schemas) == 1 {
		return "in " + schemas[0]
	}
	return "in " + Plural(model.ObjSchema, len(schemas))
}

func distinct[T any](xs []T, key func(T) string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		k := key(x)
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// privText words a privilege list: "SELECT, INSERT" or "ALL privileges".
func privText(privs []string) string {
	if len(privs) == 1 && privs[0] == "ALL" {
		return "ALL privileges"
	}
	return strings.Join(privs, ", ")
}

// privSummary words a grant or revoke: "Grant SELECT on … to role r",
// "Revoke the grant option for SELECT on … from user u".
func privSummary(grant, option bool, privs []string, on string, to model.PrincipalRef) string {
	switch {
	case grant && option:
		return "Grant " + privText(privs) + " on " + on + " to " + Principal(to) + " with grant option"
	case grant:
		return "Grant " + privText(privs) + " on " + on + " to " + Principal(to)
	case option:
		return "Revoke the grant option for " + privText(privs) + " on " + on + " from " + Principal(to)
	}
	return "Revoke " + privText(privs) + " on " + on + " from " + Principal(to)
}

// part words a chunk: "" for a single statement, " (part 2 of 3)" otherwise.
func part(i, n int) string {
	if n == 1 {
		return ""
	}
	return fmt.Sprintf(" (part %d of %d)", i+1, n)
}

// Uniq drops repeated strings, keeping the first occurrence's order.
func Uniq(xs []string) []string { return distinct(xs, func(s string) string { return s }) }
