package access_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/access"
	"github.com/redshiftmate/rsmate/backend/model"
)

// The bulk cross-check compares the app's effective privileges with
// PostgreSQL's has_*_privilege for every login user, object and privilege of
// a catalog too big for one row per cell (the synthetic catalog: 2,000 users
// × 22,000 objects × up to 7 privileges). The server still answers every
// cell, but it is told the app's answer and returns only the (user, object)
// pairs where it disagrees, and it needs one call per pair plus one per cell
// the app says is held:
//
//   - a has_*_privilege call given a comma-separated list is true when any of
//     them is held, so one call with every privilege the app says is NOT held
//     checks all those cells at once (most pairs: all privileges, one call);
//   - each privilege the app says is held is asked on its own.
//
// Users go to the server in batches, over several connections; the app's
// answer for a user is computed when its batch is sent and dropped after.

// bulkKind is one has_*_privilege function over one kind of object.
type bulkKind struct {
	name  string
	fn    string   // has_table_privilege …
	privs []string // the server's privilege names, bit i of a mask is privs[i]
	// objects lists the kind's objects: oid, sub (attnum for columns, else
	// 0), schema, name, args, col.
	objects string
	args    string // the function's object arguments, over "o"
}

// The objects of each kind: the same selection as the sandbox cross-check
// (server_test.go), columns optionally limited to those with a column ACL.
const bulkRelations = `SELECT c.oid, 0 AS sub, n.nspname::text, c.relname::text, ''::text, ''::text
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema' AND c.relkind IN `

func bulkKinds(version int, allColumns bool) []bulkKind {
	tablePrivs := []string{"SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"}
	if version >= 170000 {
		tablePrivs = append(tablePrivs, "MAINTAIN")
	}
	columnFilter := ""
	if !allColumns {
		columnFilter = " AND a.attacl IS NOT NULL"
	}
	return []bulkKind{
		{name: "database", fn: "has_database_privilege", privs: []string{"CONNECT", "CREATE", "TEMPORARY"}, args: "o.oid",
			objects: `SELECT d.oid, 0, ''::text, d.datname::text, ''::text, ''::text FROM pg_database d`},
		{name: "schema", fn: "has_schema_privilege", privs: []string{"USAGE", "CREATE"}, args: "o.oid",
			objects: `SELECT n.oid, 0, n.nspname::text, ''::text, ''::text, ''::text FROM pg_namespace n WHERE n.nspname !~ '^pg_(toast|temp_)'`},
		{name: "table", fn: "has_table_privilege", privs: tablePrivs, args: "o.oid",
			objects: bulkRelations + `('r', 'p', 'v', 'm', 'f')`},
		{name: "column", fn: "has_column_privilege", privs: []string{"SELECT", "INSERT", "UPDATE", "REFERENCES"}, args: "o.oid, o.sub::int2",
			objects: `SELECT c.oid, a.attnum::int, n.nspname::text, c.relname::text, ''::text, a.attname::text
			  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
			  WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')` + columnFilter},
		{name: "sequence", fn: "has_sequence_privilege", privs: []string{"USAGE", "SELECT", "UPDATE"}, args: "o.oid",
			objects: bulkRelations + `('S')`},
		{name: "function", fn: "has_function_privilege", privs: []string{"EXECUTE"}, args: "o.oid",
			objects: `SELECT p.oid, 0, n.nspname::text, p.proname::text, pg_get_function_identity_arguments(p.oid), ''::text
			  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
			  WHERE p.prokind IN ('f', 'p') AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'`},
		{name: "language", fn: "has_language_privilege", privs: []string{"USAGE"}, args: "o.oid",
			objects: `SELECT l.oid, 0, ''::text, l.lanname::text, ''::text, ''::text FROM pg_language l`},
	}
}

// query is the kind's check for one batch of users. Parameters: $1 the
// objects' oids and $2 their subs (an object is its position, from 1); $3
// the batch's user oids; the app's held cells as $4 users, $5 objects, $6
// masks and $7 the privileges it does not hold (comma-separated, "" for
// none); $8 every privilege (comma-separated), $9 the privileges in bit
// order. It returns user, object, the app's mask and the server's mask for
// each pair where they differ.
func (k bulkKind) query() string {
	call := func(priv string) string { return k.fn + "(s.u, " + k.args + ", " + priv + ")" }
	return `WITH o AS MATERIALIZED (SELECT * FROM unnest($1::oid[], $2::int[]) WITH ORDINALITY o(oid, sub, i)),
app AS MATERIALIZED (SELECT * FROM unnest($4::oid[], $5::int[], $6::int[], $7::text[]) a(u, i, m, missing))
SELECT s.u, o.i::int, coalesce(a.m, 0),
  (SELECT coalesce(bit_or(1 << (p.b - 1)::int), 0) FROM unnest($9::text[]) WITH ORDINALITY p(priv, b) WHERE ` + call("p.priv") + `)
FROM unnest($3::oid[]) s(u)
CROSS JOIN LATERAL (SELECT * FROM o) o
LEFT JOIN app a ON a.u = s.u AND a.i = o.i
WHERE CASE WHEN a.m IS NULL THEN ` + call("$8") + `
  ELSE (a.missing <> '' AND ` + call("a.missing") + `)
    OR EXISTS (SELECT FROM unnest($9::text[]) WITH ORDINALITY p(priv, b)
               WHERE a.m & (1 << (p.b - 1)::int) <> 0 AND NOT ` + call("p.priv") + `) END`
}

// bulkObjects is one kind's objects as the server lists them, and where the
// app's cells fall among them.
type bulkObjects struct {
	kind  bulkKind
	oids  []uint32
	subs  []int32
	refs  []model.ObjectRef
	index map[string]int32 // objectKey → position, from 1
	table []int32          // columns: the position of the column's table in the "table" kind
}

// objectKey names an object of a kind; functions and procedures share one
// (has_function_privilege answers both).
func objectKey(kind string, o model.ObjectRef) string {
	return strings.Join([]string{kind, o.Schema, o.Name, o.Args, o.Column}, "\x1f")
}

func kindOf(o model.ObjectRef) string {
	switch o.Kind {
	case model.ObjProcedure:
		return "function"
	case model.ObjTable:
		return "table"
	}
	return string(o.Kind)
}

// bulkResult is what a bulk cross-check found.
type bulkResult struct {
	Users, Objects int
	Cells          int            // (user, object, privilege) triples compared
	PerKind        map[string]int // cells per kind
	Held           int            // cells the server grants
	Superuser      int            // granted by the server to a superuser only: documented, not a difference
	Differences    []string       // every unexplained difference
	Unmatched      int            // app cells on objects the server does not list (none expected)
	Statements     int
}

// bulkCrossCheck compares, for every login user of the cluster, the app's
// answer (compute) with the server's over conns connections. It fails (error)
// when the catalog has privileges reachable only by SET ROLE: those need the
// sandbox check's per-role answers (server_test.go), which this one does not
// make.
func bulkCrossCheck(ctx context.Context, dsn string, s *model.Snapshot, compute func(model.PrincipalRef) access.Effective,
	conns, batch int, allColumns bool) (bulkResult, error) {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return bulkResult{}, err
	}
	defer conn.Close(ctx)
	res := bulkResult{PerKind: map[string]int{}}

	setMode := "MEMBER"
	if s.ServerVersion >= 160000 {
		setMode = "SET"
	}
	var setOnly int
	// User outer, role inner: the server caches one role's memberships at a
	// time, and a plan with roles outer recomputes them on every call.
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM (SELECT oid FROM pg_roles WHERE rolcanlogin) u
		CROSS JOIN LATERAL (SELECT FROM pg_roles r WHERE r.oid <> u.oid AND NOT r.rolsuper
		  AND pg_has_role(u.oid, r.oid, $1) AND NOT pg_has_role(u.oid, r.oid, 'USAGE') OFFSET 0) r`, setMode).Scan(&setOnly); err != nil {
		return res, err
	}
	if setOnly > 0 {
		return res, fmt.Errorf("%d (user, role) pairs allow SET ROLE without inheriting: the bulk check does not compare SET ROLE access", setOnly)
	}
	res.Statements++

	var users []batchUser
	rows, err := conn.Query(ctx, `SELECT oid, rolname::text, rolsuper FROM pg_roles WHERE rolcanlogin ORDER BY rolname`)
	if err != nil {
		return res, err
	}
	for rows.Next() {
		var u batchUser
		if err := rows.Scan(&u.oid, &u.name, &u.super); err != nil {
			return res, err
		}
		users = append(users, u)
	}
	if err := rows.Err(); err != nil {
		return res, err
	}
	res.Statements++
	res.Users = len(users)

	routineKind := map[string]model.ObjectKind{}
	for _, r := range s.Routines {
		routineKind[r.Schema+"\x1f"+r.Name+"\x1f"+r.Args] = r.Kind
	}
	kinds := bulkKinds(s.ServerVersion, allColumns)
	objs := map[string]*bulkObjects{}
	for _, k := range kinds {
		bo := &bulkObjects{kind: k, index: map[string]int32{}}
		rows, err := conn.Query(ctx, k.objects)
		if err != nil {
			return res, fmt.Errorf("%s objects: %w", k.name, err)
		}
		for rows.Next() {
			var oid uint32
			var sub int32
			var schema, name, args, col string
			if err := rows.Scan(&oid, &sub, &schema, &name, &args, &col); err != nil {
				return res, err
			}
			ref := model.ObjectRef{Kind: model.ObjectKind(k.name), Schema: schema, Name: name, Args: args, Column: col}
			switch k.name {
			case "table":
				ref.Kind = model.ObjTable
			case "function":
				ref.Kind = routineKind[schema+"\x1f"+name+"\x1f"+args]
			}
			bo.oids, bo.subs, bo.refs = append(bo.oids, oid), append(bo.subs, sub), append(bo.refs, ref)
			bo.index[objectKey(k.name, ref)] = int32(len(bo.oids))
		}
		if err := rows.Err(); err != nil {
			return res, err
		}
		res.Statements++
		res.Objects += len(bo.oids)
		res.PerKind[k.name] = len(users) * len(bo.oids) * len(k.privs)
		res.Cells += res.PerKind[k.name]
		objs[k.name] = bo
	}
	if t, c := objs["table"], objs["column"]; t != nil && c != nil {
		for _, ref := range c.refs {
			c.table = append(c.table, t.index[objectKey("table", model.ObjectRef{Schema: ref.Schema, Name: ref.Name})])
		}
	}

	// Batches of users, each sent by one worker with its own connection.
	var mu sync.Mutex
	batches := make(chan []batchUser)
	errs := make(chan error, conns)
	for w := 0; w < conns; w++ {
		go func() {
			c, err := pgx.Connect(ctx, dsn)
			if err != nil {
				errs <- err
				for range batches {
				}
				return
			}
			defer c.Close(ctx)
			for b := range batches {
				if err := checkBatch(ctx, c, b, kinds, objs, compute, &res, &mu); err != nil {
					errs <- err
					for range batches {
					}
					return
				}
			}
			errs <- nil
		}()
	}
	for i := 0; i < len(users); i += batch {
		batches <- users[i:min(i+batch, len(users))]
	}
	close(batches)
	for w := 0; w < conns; w++ {
		if e := <-errs; e != nil && err == nil {
			err = e
		}
	}
	sort.Strings(res.Differences)
	return res, err
}

// batchUser is a login user as the server lists it.
type batchUser struct {
	oid   uint32
	name  string
	super bool
}

// checkBatch computes the app's answer for a batch of users and sends it to
// the server kind by kind.
func checkBatch(ctx context.Context, c *pgx.Conn, users []batchUser, kinds []bulkKind, objs map[string]*bulkObjects,
	compute func(model.PrincipalRef) access.Effective, res *bulkResult, mu *sync.Mutex) error {
	type pair struct {
		user uint32
		obj  int32
	}
	// masks[kind][pair] is the app's session answer.
	masks := map[string]map[pair]int{}
	for _, k := range kinds {
		masks[k.name] = map[pair]int{}
	}
	bit := map[string]map[string]int{}
	for _, k := range kinds {
		bit[k.name] = map[string]int{}
		for i, p := range k.privs {
			bit[k.name][appPrivilege(p)] = 1 << i
		}
	}
	unmatched := 0
	names := map[uint32]batchUser{}
	for _, u := range users {
		names[u.oid] = u
		eff := compute(model.UserRef(u.name))
		for _, cell := range eff.Cells {
			if cell.SetRole != "" {
				return fmt.Errorf("%s: %s on %s is one SET ROLE away, which the catalog's memberships do not allow", u.name, cell.Privilege, objectText(cell.Object))
			}
			if !cell.Direct && !cell.Inherited {
				continue
			}
			kind := kindOf(cell.Object)
			bo := objs[kind]
			if bo == nil {
				unmatched++
				continue
			}
			i, ok := bo.index[objectKey(kind, cell.Object)]
			b := bit[kind][cell.Privilege]
			if !ok || b == 0 {
				// A column without a column ACL (not listed when only those
				// are compared) holds its table's answer; the table is
				// compared. Anything else is an object the server lacks.
				if kind != "column" || len(bo.table) == 0 {
					unmatched++
				}
				continue
			}
			masks[kind][pair{u.oid, i}] |= b
		}
	}
	// A column holds what its table holds (has_column_privilege counts the
	// table-level privilege), so the app's column answer is its column cells
	// and its table's.
	if col, table := objs["column"], objs["table"]; col != nil && table != nil {
		colBit := bit["column"]
		for _, u := range users {
			for i, t := range col.table {
				tm := masks["table"][pair{u.oid, t}]
				if tm == 0 {
					continue
				}
				for priv, b := range colBit {
					if tm&bit["table"][priv] != 0 {
						masks["column"][pair{u.oid, int32(i + 1)}] |= b
					}
				}
			}
		}
	}

	oids := make([]uint32, len(users))
	for i, u := range users {
		oids[i] = u.oid
	}
	for _, k := range kinds {
		bo := objs[k.name]
		var au []uint32
		var ao, am []int32
		var missing []string
		for p, m := range masks[k.name] {
			au, ao, am = append(au, p.user), append(ao, p.obj), append(am, int32(m))
			var not []string
			for i, priv := range k.privs {
				if m&(1<<i) == 0 {
					not = append(not, priv)
				}
			}
			missing = append(missing, strings.Join(not, ","))
		}
		rows, err := c.Query(ctx, k.query(), bo.oids, bo.subs, oids, au, ao, am, missing, strings.Join(k.privs, ","), k.privs)
		if err != nil {
			return fmt.Errorf("%s: %w", k.name, err)
		}
		var found []string
		var superCells, held int
		for rows.Next() {
			var uoid uint32
			var obj, appMask, serverMask int32
			if err := rows.Scan(&uoid, &obj, &appMask, &serverMask); err != nil {
				return err
			}
			u := names[uoid]
			if u.super && appMask&^serverMask == 0 {
				superCells += popcount(int(serverMask &^ appMask))
				continue
			}
			for i, priv := range k.privs {
				b := int32(1) << i
				if appMask&b != serverMask&b {
					found = append(found, fmt.Sprintf("%s %s on %s: server %v, app %v", u.name, appPrivilege(priv),
						objectText(bo.refs[obj-1]), serverMask&b != 0, appMask&b != 0))
				}
			}
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("%s: %w", k.name, err)
		}
		for _, m := range masks[k.name] {
			held += popcount(m)
		}
		mu.Lock()
		res.Statements++
		res.Superuser += superCells
		res.Held += held + superCells
		res.Differences = append(res.Differences, found...)
		mu.Unlock()
	}
	mu.Lock()
	res.Unmatched += unmatched
	mu.Unlock()
	return nil
}

func popcount(m int) int {
	n := 0
	for ; m != 0; m &= m - 1 {
		n++
	}
	return n
}
