// Package depends reads which views depend on which relations, so an admin
// sees what is built on a table (and who loses access when its grants
// change) and what a view is built from. One statement per call, on demand;
// the same catalog join works on PostgreSQL and Redshift (it is the one
// Redshift's admin views use: a view's rewrite rule depends internally on the
// view and normally on each relation it reads). Late-binding views record no
// dependencies, so they appear with none.
package depends

import (
	"context"
	"sort"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/engine"
)

// Rel names a relation.
type Rel struct {
	Schema string `json:"schema"`
	Name   string `json:"name"`
	// Kind is the catalog's relkind: r table, v view, m materialized view, p partitioned, f foreign.
	Kind string `json:"kind"`
	// SecurityInvoker marks a view that checks the privileges of whoever
	// queries it on what it reads (PostgreSQL 15+ security_invoker), instead
	// of its owner's. Read only where the server has the option.
	SecurityInvoker bool `json:"securityInvoker,omitempty"`
}

// Edge says View reads From.
type Edge struct {
	View Rel `json:"view"`
	From Rel `json:"from"`
}

const (
	columns = `SELECT DISTINCT vn.nspname::text, v.relname::text, v.relkind::text, tn.nspname::text, t.relname::text, t.relkind::text`
	// invokerColumn reads a view's security_invoker option (PostgreSQL 15+;
	// the cast accepts every spelling of a boolean the server stores).
	invokerColumn = `,
  COALESCE((SELECT o.option_value::bool FROM pg_options_to_table(v.reloptions) o WHERE o.option_name = 'security_invoker'), false)`
	from = `
FROM pg_depend vd
JOIN pg_depend td ON td.objid = vd.objid AND td.refobjid <> vd.refobjid
JOIN pg_class v ON v.oid = vd.refobjid
JOIN pg_namespace vn ON vn.oid = v.relnamespace
JOIN pg_class t ON t.oid = td.refobjid
JOIN pg_namespace tn ON tn.oid = t.relnamespace
WHERE vd.deptype = 'i' AND v.relkind IN ('v', 'm') AND td.deptype = 'n'
  AND t.relkind IN ('r', 'v', 'm', 'p', 'f')`
)

// Load reads every view-to-relation dependency of the connected database.
// withInvoker also reads each view's security_invoker option: pass it only
// for PostgreSQL 15 or later (older servers and Redshift have no such option).
func Load(ctx context.Context, q engine.Querier, withInvoker bool) ([]Edge, error) {
	query := columns + from
	if withInvoker {
		query = columns + invokerColumn + from
	}
	rows, err := q.Query(ctx, query)
	if err != nil {
		return nil, readErr(err)
	}
	defer rows.Close()
	var out []Edge
	for rows.Next() {
		var e Edge
		dest := []any{&e.View.Schema, &e.View.Name, &e.View.Kind, &e.From.Schema, &e.From.Name, &e.From.Kind}
		if withInvoker {
			dest = append(dest, &e.View.SecurityInvoker)
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, readErr(err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, readErr(err)
	}
	return out, nil
}

func readErr(err error) error {
	return &apperr.Error{Code: "catalog_load", Message: "Reading view dependencies failed", Detail: err.Error(), Err: err}
}

// Graph is what surrounds one relation.
type Graph struct {
	Root Rel `json:"root"`
	// Upstream: what the relation is built from, at any depth; Downstream:
	// the views built on it, at any depth. Edges connect them all.
	Upstream   []Rel  `json:"upstream"`
	Downstream []Rel  `json:"downstream"`
	Edges      []Edge `json:"edges"`
}

type key struct{ schema, name string }

func keyOf(r Rel) key { return key{r.Schema, r.Name} }

// Around walks the edges up and down from one relation.
func Around(edges []Edge, schema, name, kind string) Graph {
	root := Rel{Schema: schema, Name: name, Kind: kind}
	g := Graph{Root: root, Upstream: []Rel{}, Downstream: []Rel{}, Edges: []Edge{}}
	byView := map[key][]int{}
	byFrom := map[key][]int{}
	for i, e := range edges {
		byView[keyOf(e.View)] = append(byView[keyOf(e.View)], i)
		byFrom[keyOf(e.From)] = append(byFrom[keyOf(e.From)], i)
	}
	used := map[int]bool{}
	walk := func(start key, next map[key][]int, pick func(Edge) Rel) []Rel {
		seen := map[key]bool{start: true}
		var out []Rel
		for queue := []key{start}; len(queue) > 0; queue = queue[1:] {
			for _, i := range next[queue[0]] {
				used[i] = true
				r := pick(edges[i])
				if !seen[keyOf(r)] {
					seen[keyOf(r)] = true
					out = append(out, r)
					queue = append(queue, keyOf(r))
				}
			}
		}
		sort.Slice(out, func(i, j int) bool { return out[i].Schema+"."+out[i].Name < out[j].Schema+"."+out[j].Name })
		return out
	}
	if up := walk(keyOf(root), byView, func(e Edge) Rel { return e.From }); up != nil {
		g.Upstream = up
	}
	if down := walk(keyOf(root), byFrom, func(e Edge) Rel { return e.View }); down != nil {
		g.Downstream = down
	}
	for i, e := range edges {
		if used[i] {
			g.Edges = append(g.Edges, e)
		}
	}
	return g
}
