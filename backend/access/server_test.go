package access_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/access"
	"github.com/redshiftmate/rsmate/backend/engine/postgres"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/sandbox"
)

// TestEffectiveMatchesServerPrivilegeFunctions seeds the Local sandbox and
// compares, for every login user, object and privilege, the app's effective
// access with PostgreSQL's own has_*_privilege answers: one query per object
// kind (users × objects × privileges cross-joined in SQL).
//
// has_*_privilege answers for the login session, so the comparison uses the
// cells held in the session (direct or inherited). What SET ROLE unlocks is
// compared apart: the server's answer for the roles the user may SET ROLE to
// (pg_has_role … 'MEMBER' before 16, 'SET' from 16), less the session's.
//
// Documented engine differences, counted and not failed:
//   - a superuser passes every check, while the app lists only its grants;
//   - has_column_privilege is true when the table-level privilege is held: the
//     app's answer for a column is its column cell or its table's cell.
//
// Not compared: the columns of sequences. has_column_privilege answers INSERT
// on them for pg_write_all_data members (its mask ignores the relation kind),
// a privilege sequences do not have; the sequence check covers their USAGE,
// SELECT and UPDATE.
//
// It runs on every PostgreSQL whose server binaries are installed (15, 16, 17).
func TestEffectiveMatchesServerPrivilegeFunctions(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a PostgreSQL cluster per version")
	}
	for _, v := range []int{15, 16, 17} {
		t.Run(fmt.Sprintf("PostgreSQL %d", v), func(t *testing.T) {
			bin := fmt.Sprintf("/usr/lib/postgresql/%d/bin", v)
			if _, err := os.Stat(filepath.Join(bin, "initdb")); err != nil {
				t.Skipf("PostgreSQL %d server binaries are not installed (no %s/initdb): not compared", v, bin)
			}
			t.Setenv("RSMATE_PG_BIN", bin)
			crossCheck(t)
		})
	}
}

// kindCheck is one has_*_privilege function over one kind of object. The
// query takes the privileges as $1 and the SET ROLE membership test as $2,
// and returns: user, schema, name, args, column, privilege, session answer,
// and the roles the user may SET ROLE to that hold the privilege.
type kindCheck struct {
	name  string
	privs []string
	sql   string
	ref   func(schema, name, args, column string) model.ObjectRef
}

// The login users, the roles each may SET ROLE to (not superusers: those pass
// every check, see Effective.SetRoleSuperuser), and the privileges to test.
const crossPrefix = `WITH users AS (SELECT oid, rolname FROM pg_roles WHERE rolcanlogin),
settable AS (SELECT u.oid AS uid, r.oid AS rid, r.rolname FROM users u
  JOIN pg_roles r ON r.oid <> u.oid AND NOT r.rolsuper AND pg_has_role(u.oid, r.oid, $2)),
privs AS (SELECT unnest($1::text[]) AS priv)
`

// crossSelect builds the select of one kind from its check function and its
// objects (a FROM item "o" with columns oid, schema, name, args, col).
func crossSelect(fn, objects, args string) string {
	return crossPrefix + `SELECT u.rolname::text, o.schema, o.name, o.args, o.col, p.priv,
  ` + fn + `(u.oid, ` + args + `, p.priv),
  ARRAY(SELECT s.rolname::text FROM settable s WHERE s.uid = u.oid AND ` + fn + `(s.rid, ` + args + `, p.priv) ORDER BY 1)
FROM users u CROSS JOIN (` + objects + `) o CROSS JOIN privs p`
}

const userRelations = `SELECT c.oid, n.nspname::text AS schema, c.relname::text AS name, ''::text AS args, ''::text AS col, c.relkind
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'`

func kindChecks(version int) []kindCheck {
	tablePrivs := []string{"SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"}
	if version >= 170000 {
		tablePrivs = append(tablePrivs, "MAINTAIN")
	}
	return []kindCheck{
		{
			name: "database", privs: []string{"CONNECT", "CREATE", "TEMPORARY"},
			sql: crossSelect("has_database_privilege",
				`SELECT d.oid, ''::text AS schema, d.datname::text AS name, ''::text AS args, ''::text AS col FROM pg_database d`, "o.oid"),
			ref: func(_, name, _, _ string) model.ObjectRef {
				return model.ObjectRef{Kind: model.ObjDatabase, Name: name}
			},
		},
		{
			name: "schema", privs: []string{"USAGE", "CREATE"},
			sql: crossSelect("has_schema_privilege",
				`SELECT n.oid, n.nspname::text AS schema, ''::text AS name, ''::text AS args, ''::text AS col
				 FROM pg_namespace n WHERE n.nspname !~ '^pg_(toast|temp_)'`, "o.oid"),
			ref: func(schema, _, _, _ string) model.ObjectRef {
				return model.ObjectRef{Kind: model.ObjSchema, Schema: schema}
			},
		},
		{
			name: "table", privs: tablePrivs,
			sql: crossSelect("has_table_privilege", `SELECT * FROM (`+userRelations+`) r WHERE r.relkind IN ('r', 'p', 'v', 'm', 'f')`, "o.oid"),
			ref: relationRef,
		},
		{
			name: "column", privs: []string{"SELECT", "INSERT", "UPDATE", "REFERENCES"},
			sql: crossSelect("has_column_privilege",
				`SELECT r.oid, r.schema, r.name, r.args, a.attname::text AS col, a.attnum
				 FROM (`+userRelations+`) r JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
				 WHERE r.relkind IN ('r', 'p', 'v', 'm', 'f')`, "o.oid, o.attnum"),
			ref: func(schema, name, _, col string) model.ObjectRef {
				return model.ObjectRef{Kind: model.ObjColumn, Schema: schema, Name: name, Column: col}
			},
		},
		{
			name: "sequence", privs: []string{"USAGE", "SELECT", "UPDATE"},
			sql: crossSelect("has_sequence_privilege", `SELECT * FROM (`+userRelations+`) r WHERE r.relkind = 'S'`, "o.oid"),
			ref: func(schema, name, _, _ string) model.ObjectRef {
				return model.ObjectRef{Kind: model.ObjSequence, Schema: schema, Name: name}
			},
		},
		{
			name: "function", privs: []string{"EXECUTE"},
			sql: crossSelect("has_function_privilege",
				`SELECT p.oid, n.nspname::text AS schema, p.proname::text AS name,
				   pg_get_function_identity_arguments(p.oid) AS args, ''::text AS col, p.prokind
				 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
				 WHERE p.prokind IN ('f', 'p') AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'`, "o.oid"),
			ref: nil, // set in crossCheck: function or procedure, from the snapshot
		},
		{
			name: "language", privs: []string{"USAGE"},
			sql: crossSelect("has_language_privilege",
				`SELECT l.oid, ''::text AS schema, l.lanname::text AS name, ''::text AS args, ''::text AS col FROM pg_language l`, "o.oid"),
			ref: func(_, name, _, _ string) model.ObjectRef {
				return model.ObjectRef{Kind: model.ObjLanguage, Name: name}
			},
		},
	}
}

func relationRef(schema, name, _, _ string) model.ObjectRef {
	return model.ObjectRef{Kind: model.ObjTable, Schema: schema, Name: name}
}

// appPrivilege maps the server's privilege names to the model's.
func appPrivilege(p string) string {
	if p == "TEMPORARY" {
		return model.PrivTemp
	}
	return p
}

type cellState struct {
	session bool   // held in the login session
	setRole string // else: the role to SET ROLE to, "" when not reachable
}

func cellID(o model.ObjectRef, priv string) string {
	return strings.Join([]string{string(o.Kind), o.Schema, o.Name, o.Args, o.Column, priv}, "\x1f")
}

func crossCheck(t *testing.T) {
	t.Setenv("RSMATE_SANDBOX_PORT", "")
	t.Setenv("RSMATE_SANDBOX_SCALE", "")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	sb, err := sandbox.Start(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Stop()
	p := sb.Profile()
	cfg, err := pgx.ParseConfig("")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Host, cfg.Port, cfg.Database, cfg.User, cfg.Password = p.Host, uint16(p.Port), p.Database, p.User, sb.Password()
	cfg.TLSConfig, cfg.Fallbacks = nil, nil
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)

	snap, err := postgres.New().LoadCatalog(ctx, conn, nil)
	if err != nil {
		t.Fatal(err)
	}
	var version string
	if err := conn.QueryRow(ctx, "SHOW server_version").Scan(&version); err != nil {
		t.Fatal(err)
	}
	t.Logf("sandbox on PostgreSQL %s (server_version_num %d)", version, snap.ServerVersion)

	// The app's answer for every login user.
	grants := access.IndexGrants(snap)
	app := map[string]map[string]cellState{}
	superusers := map[string]bool{}
	setRoleSupers := 0
	for _, u := range snap.Users {
		eff := access.Compute(snap, grants, model.UserRef(u.Name))
		superusers[u.Name] = eff.Superuser
		if eff.SetRoleSuperuser != "" {
			setRoleSupers++
		}
		m := map[string]cellState{}
		for _, c := range eff.Cells {
			m[cellID(c.Object, c.Privilege)] = cellState{session: c.Direct || c.Inherited, setRole: c.SetRole}
		}
		app[u.Name] = m
	}
	routineKind := map[string]model.ObjectKind{}
	for _, r := range snap.Routines {
		routineKind[r.Schema+"\x1f"+r.Name+"\x1f"+r.Args] = r.Kind
	}

	setMode := "MEMBER"
	if snap.ServerVersion >= 160000 {
		setMode = "SET"
	}
	var total, setRoleCells, unexplained int
	for _, k := range kindChecks(snap.ServerVersion) {
		if k.ref == nil {
			k.ref = func(schema, name, args, _ string) model.ObjectRef {
				return model.ObjectRef{Kind: routineKind[schema+"\x1f"+name+"\x1f"+args], Schema: schema, Name: name, Args: args}
			}
		}
		stats := struct{ cells, granted, superuser, tableForColumn, setRole int }{}
		var diffs []string
		rows, err := conn.Query(ctx, k.sql, k.privs, setMode)
		if err != nil {
			t.Fatalf("%s: %v", k.name, err)
		}
		for rows.Next() {
			var user, schema, name, args, col, priv string
			var server bool
			var settable []string
			if err := rows.Scan(&user, &schema, &name, &args, &col, &priv, &server, &settable); err != nil {
				t.Fatalf("%s: %v", k.name, err)
			}
			stats.cells++
			obj := k.ref(schema, name, args, col)
			priv = appPrivilege(priv)
			got := app[user][cellID(obj, priv)]
			if k.name == "column" && !got.session {
				// has_column_privilege counts the table-level privilege.
				table := app[user][cellID(relationRef(schema, name, "", ""), priv)]
				if table.session {
					stats.tableForColumn++
					got = table
				} else if got.setRole == "" {
					got.setRole = table.setRole
				}
			}
			if server {
				stats.granted++
			}
			where := fmt.Sprintf("%s %s on %s", user, priv, objectText(obj))
			switch {
			case server != got.session && superusers[user]:
				stats.superuser++
			case server != got.session:
				diffs = append(diffs, fmt.Sprintf("%s: server %v, app %v", where, server, got.session))
			case !server && (got.setRole != "") != (len(settable) > 0):
				diffs = append(diffs, fmt.Sprintf("%s after SET ROLE: server through %v, app through %q", where, settable, got.setRole))
			case !server && got.setRole != "":
				stats.setRole++
				if !contains(settable, got.setRole) {
					diffs = append(diffs, fmt.Sprintf("%s: app says SET ROLE %s, server grants it after SET ROLE %v", where, got.setRole, settable))
				}
			}
		}
		if err := rows.Err(); err != nil {
			t.Fatalf("%s: %v", k.name, err)
		}
		sort.Strings(diffs)
		t.Logf("%-8s %6d cells (%d granted in session, %d after SET ROLE): %d superuser-only, %d columns through their table, %d unexplained differences",
			k.name, stats.cells, stats.granted, stats.setRole, stats.superuser, stats.tableForColumn, len(diffs))
		for i, d := range diffs {
			if i == 20 {
				t.Errorf("%s: … and %d more", k.name, len(diffs)-20)
				break
			}
			t.Errorf("%s: %s", k.name, d)
		}
		if stats.cells == 0 {
			t.Errorf("%s: the server returned no cells to compare", k.name)
		}
		total += stats.cells
		setRoleCells += stats.setRole
		unexplained += len(diffs)
	}
	t.Logf("total %d cells, %d one SET ROLE away, %d users with a superuser role to SET, %d unexplained differences",
		total, setRoleCells, setRoleSupers, unexplained)
	if setRoleCells == 0 {
		t.Error("the sandbox has no privilege one SET ROLE away: the non-inheriting membership is missing")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func objectText(o model.ObjectRef) string {
	s := string(o.Kind) + " "
	switch {
	case o.Schema == "":
		return s + o.Name
	case o.Name == "":
		return s + o.Schema
	case o.Column != "":
		return s + o.Schema + "." + o.Name + "." + o.Column
	case o.Args != "" || o.Kind == model.ObjFunction || o.Kind == model.ObjProcedure:
		return s + o.Schema + "." + o.Name + "(" + o.Args + ")"
	}
	return s + o.Schema + "." + o.Name
}
