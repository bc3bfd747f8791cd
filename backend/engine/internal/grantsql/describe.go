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

// words are the singular and plural words of a kind: the vocabulary's, and
// "column"/"columns" for columns (not a kind of their own in GRANT).
func (d *Dialect) words(k model.ObjectKind) (one, many string) {
	if k == model.ObjColumn {
		return "column", "columns"
	}
	if ki := d.Vocab.Kind(k); ki != nil {
		return ki.Noun, ki.Plural
	}
	return string(k), string(k) + "s"
}

// plural words a count of objects of kind k: "1 table", "3 tables".
func (d *Dialect) plural(k model.ObjectKind, n int) string {
	one, many := d.words(k)
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// objectName is an object's name in words.
func (d *Dialect) objectName(o model.ObjectRef) string {
	if o.Kind == model.ObjSchema {
		return o.Schema
	}
	ki := d.Vocab.Kind(o.Kind)
	switch {
	case ki != nil && ki.Routine:
		return o.Schema + "." + o.Name + "(" + o.Args + ")"
	case ki != nil && ki.Parent != model.ObjSchema:
		return o.Name
	}
	return o.Schema + "." + o.Name
}

// describeObjects words a list of objects of one kind: "table sales.orders",
// "3 tables in sales", "5 tables in 2 schemas", "2 schemas".
func (d *Dialect) describeObjects(objs []model.ObjectRef) string {
	k := objs[0].Kind
	if len(objs) == 1 {
		one, _ := d.words(k)
		return one + " " + d.objectName(objs[0])
	}
	if ki := d.Vocab.Kind(k); ki != nil && ki.Parent == model.ObjSchema {
		schemas := distinct(objs, func(o model.ObjectRef) string { return o.Schema })
		if len(schemas) == 1 {
			return d.plural(k, len(objs)) + " in " + schemas[0]
		}
		return d.plural(k, len(objs)) + " in " + d.plural(model.ObjSchema, len(schemas))
	}
	return d.plural(k, len(objs))
}

// inSchemas words "in sales" or "in 3 schemas".
func (d *Dialect) inSchemas(schemas []string) string {
	if len(schemas) == 1 {
		return "in " + schemas[0]
	}
	return "in " + d.plural(model.ObjSchema, len(schemas))
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
