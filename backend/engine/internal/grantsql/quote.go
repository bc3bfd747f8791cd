// Package grantsql is the part of statement rendering both engines share:
// quoting through sqltext, grantee and privilege-list checks, GRANT/REVOKE
// assembly for objects, default privileges and role membership, chunking of
// long object lists and the human summaries. The engine renderers pass their
// differences in a Dialect.
package grantsql

import (
	"strings"

	"github.com/redshiftmate/rsmate/backend/sqltext"
)

// Q quotes names and values through sqltext and keeps the first error, so a
// statement can be assembled in one expression and checked once.
type Q struct {
	D   sqltext.Dialect
	err error
}

// NewQ returns a quoter for dialect d.
func NewQ(d sqltext.Dialect) *Q { return &Q{D: d} }

// Err is the first quoting error, if any.
func (q *Q) Err() error { return q.err }

func (q *Q) keep(s string, err error) string {
	if err != nil {
		if q.err == nil {
			q.err = err
		}
		return ""
	}
	return s
}

// Ident quotes one name; kind words the error ("user", "schema", …).
func (q *Q) Ident(kind, name string) string { return q.keep(q.D.Ident(kind, name)) }

// Idents quotes names and joins them with ", ".
func (q *Q) Idents(kind string, names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = q.Ident(kind, n)
	}
	return strings.Join(out, ", ")
}

// Qualified quotes "schema"."name".
func (q *Q) Qualified(parts ...string) string { return q.keep(q.D.Qualified(parts...)) }

// Literal quotes a string value for the dialect.
func (q *Q) Literal(s string) string { return q.keep(q.D.Literal(s)) }

// FuncSig quotes a routine with its argument list.
func (q *Q) FuncSig(schema, name, args string) string { return q.keep(q.D.FuncSig(schema, name, args)) }

// Int renders an integer.
func (q *Q) Int(n int) string { return sqltext.Int(int64(n)) }
