// Package redshift is the Amazon Redshift engine: capabilities and a catalog
// reader over Redshift's system catalogs and svv_* views.
package redshift

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/engine"
	"github.com/redshiftmate/rsmate/backend/model"
)

const engineName = "redshift"

type rsEngine struct{}

// New returns the Redshift engine.
func New() engine.Engine { return rsEngine{} }

func (rsEngine) Name() string { return engineName }

func (rsEngine) Capabilities() engine.Capabilities {
	return engine.Capabilities{
		Groups:             true,
		Roles:              true,
		NestedRoles:        true,
		RoleAdminOption:    true, // WITH ADMIN OPTION exists for grants to users only
		SystemPrivileges:   true,
		ScopedPermissions:  true,
		ColumnPrivileges:   true,
		Procedures:         true,
		DefaultPrivileges:  true,
		SessionTimeout:     true,
		SyslogAccess:       true,
		MaxIdentifierBytes: 127,
	}
}

// step is one statement of a load and how its rows land in rawCatalog.
type step struct {
	name string
	sql  func(raw *rawCatalog) string
	args func(raw *rawCatalog) []any
	row  func(raw *rawCatalog, r pgx.Rows) error
	// optional: when the statement fails, the load goes on without its rows
	// and warns with this text instead of failing.
	optional string
	// reset forgets rows an optional step read before it failed.
	reset func(raw *rawCatalog)
}

func fixed(sql string) func(*rawCatalog) string { return func(*rawCatalog) string { return sql } }

// steps is the fixed sequence of a load: every load issues exactly len(steps)
// statements, whatever the size of the catalog.
// The surface steps (build_surface.go) and the materialized-view step are
// optional and come last; mvStep is last so a cluster that refuses
// svv_mv_info still reads everything else.
var steps = append(append(coreSteps, surfaceSteps...), mvStep)

var coreSteps = []step{
	{name: "session", sql: fixed(sqlSession), row: func(raw *rawCatalog, r pgx.Rows) error {
		return r.Scan(&raw.session.database, &raw.session.user, &raw.session.superuser)
	}},
	{name: "databases", sql: fixed(sqlDatabases), row: func(raw *rawCatalog, r pgx.Rows) error {
		var d databaseRow
		err := r.Scan(&d.name, &d.owner)
		raw.databases = append(raw.databases, d)
		return err
	}},
	// pg_user_info (password state) is for superusers only; others read pg_user.
	{name: "users", sql: func(raw *rawCatalog) string {
		if raw.session.superuser {
			return sqlUsersSuper
		}
		return sqlUsersPlain
	}, row: func(raw *rawCatalog, r pgx.Rows) error {
		var u userRow
		err := r.Scan(&u.id, &u.name, &u.superuser, &u.createDB, &u.validUntil, &u.config, &u.passwordDisabled, &u.connLimit)
		raw.users = append(raw.users, u)
		return err
	}},
	{name: "user attributes", sql: fixed(sqlUserInfo), row: func(raw *rawCatalog, r pgx.Rows) error {
		var u userInfoRow
		err := r.Scan(&u.id, &u.name, &u.connLimit, &u.syslogAccess, &u.sessionTimeout, &u.externalID, &u.lastDDL)
		raw.userInfo = append(raw.userInfo, u)
		return err
	}},
	{name: "roles", sql: fixed(sqlRoles), row: func(raw *rawCatalog, r pgx.Rows) error {
		var x roleRow
		err := r.Scan(&x.id, &x.name, &x.owner, &x.externalID)
		raw.roles = append(raw.roles, x)
		return err
	}},
	{name: "groups", sql: fixed(sqlGroups), row: func(raw *rawCatalog, r pgx.Rows) error {
		var g groupRow
		err := r.Scan(&g.id, &g.name, &g.members)
		raw.groups = append(raw.groups, g)
		return err
	}},
	{name: "user roles", sql: fixed(sqlUserGrants), row: func(raw *rawCatalog, r pgx.Rows) error {
		var g userGrantRow
		err := r.Scan(&g.userID, &g.user, &g.roleID, &g.role, &g.admin)
		raw.userGrants = append(raw.userGrants, g)
		return err
	}},
	{name: "nested roles", sql: fixed(sqlRoleGrants), row: func(raw *rawCatalog, r pgx.Rows) error {
		var g roleGrantRow
		err := r.Scan(&g.roleID, &g.role, &g.grantedRoleID, &g.grantedRole)
		raw.roleGrants = append(raw.roleGrants, g)
		return err
	}},
	{name: "system permissions", sql: fixed(sqlSystemPrivileges), row: func(raw *rawCatalog, r pgx.Rows) error {
		var p systemPrivRow
		err := r.Scan(&p.privilege, &p.identity.id, &p.identity.name, &p.identity.typ)
		raw.systemPrivs = append(raw.systemPrivs, p)
		return err
	}},
	{name: "schemas", sql: fixed(sqlSchemas),
		args: func(raw *rawCatalog) []any { return []any{raw.session.database} },
		row: func(raw *rawCatalog, r pgx.Rows) error {
			var x schemaRow
			err := r.Scan(&x.name, &x.ownerID, &x.typ)
			raw.schemas = append(raw.schemas, x)
			return err
		}},
	{name: "relations", sql: fixed(sqlRelations), row: func(raw *rawCatalog, r pgx.Rows) error {
		var x relationRow
		err := r.Scan(&x.schema, &x.name, &x.relkind, &x.natts, &x.owner)
		raw.relations = append(raw.relations, x)
		return err
	}},
	{name: "routines", sql: fixed(sqlRoutines), row: func(raw *rawCatalog, r pgx.Rows) error {
		var x routineRow
		err := r.Scan(&x.schema, &x.name, &x.args, &x.kind, &x.owner, &x.language, &x.result)
		raw.routines = append(raw.routines, x)
		return err
	}},
	{name: "languages", sql: fixed(sqlLanguages), row: func(raw *rawCatalog, r pgx.Rows) error {
		var name string
		err := r.Scan(&name)
		raw.languages = append(raw.languages, name)
		return err
	}},
	{name: "table privileges", sql: fixed(sqlRelationPrivileges), row: func(raw *rawCatalog, r pgx.Rows) error {
		var p privRow
		err := r.Scan(&p.object, &p.name, &p.privilege, &p.identity.id, &p.identity.name, &p.identity.typ, &p.admin)
		raw.relPrivs = append(raw.relPrivs, p)
		return err
	}},
	{name: "column privileges", sql: fixed(sqlColumnPrivileges), row: func(raw *rawCatalog, r pgx.Rows) error {
		var p privRow
		err := r.Scan(&p.object, &p.name, &p.column, &p.privilege, &p.identity.id, &p.identity.name, &p.identity.typ)
		raw.colPrivs = append(raw.colPrivs, p)
		return err
	}},
	{name: "schema privileges", sql: fixed(sqlSchemaPrivileges), row: func(raw *rawCatalog, r pgx.Rows) error {
		var p privRow
		err := r.Scan(&p.object, &p.privilege, &p.identity.id, &p.identity.name, &p.identity.typ, &p.admin, &p.scope)
		raw.schemaPrivs = append(raw.schemaPrivs, p)
		return err
	}},
	{name: "database privileges", sql: fixed(sqlDatabasePrivileges), row: func(raw *rawCatalog, r pgx.Rows) error {
		var p privRow
		err := r.Scan(&p.object, &p.privilege, &p.identity.id, &p.identity.name, &p.identity.typ, &p.admin, &p.scope)
		raw.dbPrivs = append(raw.dbPrivs, p)
		return err
	}},
	{name: "routine privileges", sql: fixed(sqlFunctionPrivileges), row: func(raw *rawCatalog, r pgx.Rows) error {
		var p privRow
		err := r.Scan(&p.object, &p.name, &p.args, &p.privilege, &p.identity.id, &p.identity.name, &p.identity.typ, &p.admin)
		raw.routinePrivs = append(raw.routinePrivs, p)
		return err
	}},
	{name: "language privileges", sql: fixed(sqlLanguagePrivileges), row: func(raw *rawCatalog, r pgx.Rows) error {
		var p privRow
		err := r.Scan(&p.object, &p.privilege, &p.identity.id, &p.identity.name, &p.identity.typ, &p.admin)
		raw.langPrivs = append(raw.langPrivs, p)
		return err
	}},
	{name: "default privileges", sql: fixed(sqlDefaultPrivileges), row: func(raw *rawCatalog, r pgx.Rows) error {
		var d defaultRow
		err := r.Scan(&d.schema, &d.objectType, &d.owner.id, &d.owner.name, &d.owner.typ, &d.privilege,
			&d.grantee.id, &d.grantee.name, &d.grantee.typ, &d.admin)
		raw.defaults = append(raw.defaults, d)
		return err
	}},
}

// svv_mv_info only refines relation kinds; a cluster that refuses it
// (permissions, a transient error) still loads, with a warning. Optional
// steps come last: a failed statement aborts the read transaction, so
// nothing required may follow one (TestOptionalStepsComeLast).
var mvStep = step{name: "materialized views", sql: fixed(sqlMaterializedViews), row: func(raw *rawCatalog, r pgx.Rows) error {
	var x mvRow
	err := r.Scan(&x.database, &x.schema, &x.name)
	raw.mvs = append(raw.mvs, x)
	return err
}, optional: "Materialized views could not be read (svv_mv_info), so they are listed as views", reset: func(raw *rawCatalog) { raw.mvs = nil }}

// allSQL is every statement the reader can issue (for static checks).
func allSQL() []string {
	out := []string{sqlUsersSuper, sqlUsersPlain, sqlColumns}
	for _, st := range steps {
		out = append(out, st.sql(&rawCatalog{}))
	}
	return out
}

// Transaction of a load.
//
// BEGIN on Redshift takes [ISOLATION LEVEL …] [READ WRITE | READ ONLY]; the
// isolation levels READ UNCOMMITTED, READ COMMITTED and REPEATABLE READ "have
// no operational impact and map to SERIALIZABLE", and BEGIN cannot pick
// SNAPSHOT: a transaction gets its database's isolation level, SERIALIZABLE
// or SNAPSHOT ISOLATION, set with CREATE/ALTER DATABASE … ISOLATION LEVEL and
// listed in stv_db_isolation_level. Provisioned clusters defaulted to
// SERIALIZABLE and Serverless to SNAPSHOT ISOLATION (2022 launch note); newer
// documentation names SNAPSHOT the default for new clusters and workgroups.
// Under both, the transaction reads one snapshot, taken at its first SELECT.
// The leader-node catalog tables (pg_*) are the exception: Redshift does not
// snapshot-isolate them, and catalog changes are visible to other
// transactions on commit (read-committed), so a load in one transaction
// may still see, in a later pg_* step, a principal a concurrent transaction
// committed after an earlier step. What the transaction does guarantee: one
// connection and one session for every step, one snapshot for whatever
// Redshift snapshot-isolates, and READ ONLY: nothing in a load can write.
//
//	https://docs.aws.amazon.com/redshift/latest/dg/r_BEGIN.html
//	https://docs.aws.amazon.com/redshift/latest/dg/c_serial_isolation.html
//	https://aws.amazon.com/about-aws/whats-new/2022/05/amazon-redshift-snapshot-isolation-level-support-concurrent-transactions
//
// Every step is a SELECT; none is among the statements Redshift refuses in a
// transaction block (CREATE/DROP DATABASE, VACUUM, external tables …:
// https://docs.aws.amazon.com/redshift/latest/dg/r_SVL_MULTI_STATEMENT_VIOLATIONS.html).
// pg_* and svv_* never share a statement (see queries.go) but may share a
// transaction. Redshift's SQL command reference documents no SAVEPOINT, so
// the reader does not rely on one: a step that fails aborts the whole
// transaction, and a step whose failure were to be tolerated must run last.
var readTx = pgx.TxOptions{BeginQuery: sqlBegin}

// beginner opens the load's transaction: a pool (on one of its connections)
// or a connection. An open pgx.Tx has no BeginTx and is read through as it is
// (no nested transaction).
type beginner interface {
	BeginTx(ctx context.Context, opts pgx.TxOptions) (pgx.Tx, error)
}

// LoadCatalog reads the connected database's access model in len(steps)
// statements, one after another, inside one read-only transaction (BEGIN and
// COMMIT are two more statements, counted in Snapshot.Queries) unless q is a
// transaction already.
func (rsEngine) LoadCatalog(ctx context.Context, q engine.Querier, progress engine.Progress) (*model.Snapshot, error) {
	if progress == nil {
		progress = func(string, int, int) {}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	queries := 0
	var tx pgx.Tx
	if b, ok := q.(beginner); ok {
		var err error
		queries++
		if tx, err = b.BeginTx(ctx, readTx); err != nil {
			return nil, fmt.Errorf("starting the read transaction: %w", err)
		}
		// After a failure: ends the aborted transaction and frees the
		// connection, even when ctx is already cancelled. A no-op after COMMIT.
		defer func() {
			rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			defer cancel()
			_ = tx.Rollback(rctx)
		}()
		q = tx
	}
	raw := &rawCatalog{}
	aborted := false
	total := len(steps)
	for i, st := range steps {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		progress(st.name, i, total)
		var args []any
		if st.args != nil {
			args = st.args(raw)
		}
		if aborted { // an earlier optional step failed inside the transaction
			raw.warnings = append(raw.warnings, st.optional+": skipped after an earlier step failed.")
			continue
		}
		queries++
		err := each(ctx, q, st.sql(raw), args, func(r pgx.Rows) error { return st.row(raw, r) })
		if err != nil && st.optional != "" && ctx.Err() == nil {
			st.reset(raw)
			raw.warnings = append(raw.warnings, fmt.Sprintf("%s: %v.", st.optional, err))
			aborted = tx != nil
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", st.name, err)
		}
	}
	if tx != nil && aborted {
		// Every row was read; the failed optional step left the transaction
		// aborted, so it ends with ROLLBACK (nothing was written anyway).
		queries++
		if err := tx.Rollback(ctx); err != nil {
			return nil, fmt.Errorf("ending the read transaction: %w", err)
		}
	} else if tx != nil {
		queries++
		if err := tx.Commit(ctx); err != nil {
			return nil, fmt.Errorf("ending the read transaction: %w", err)
		}
	}
	progress("done", total, total)
	snap := build(raw)
	snap.LoadedAt = time.Now().UTC()
	snap.Queries = queries
	return snap, nil
}

// Columns lists one relation's columns in one statement (svv_columns also knows
// late-binding views, whose columns pg_attribute lacks).
func (rsEngine) Columns(ctx context.Context, q engine.Querier, schema, relation string) ([]model.Column, error) {
	cols := []model.Column{}
	err := each(ctx, q, sqlColumns, []any{schema, relation}, func(r pgx.Rows) error {
		var name, typ string
		var pos, charLen, precision, scale int
		if err := r.Scan(&name, &pos, &typ, &charLen, &precision, &scale); err != nil {
			return err
		}
		cols = append(cols, model.Column{Name: name, Position: pos, Type: ColumnType(typ, charLen, precision, scale)})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading columns of %s.%s: %w", schema, relation, err)
	}
	return cols, nil
}

// each runs one statement and calls fn per row.
func each(ctx context.Context, q engine.Querier, sql string, args []any, fn func(pgx.Rows) error) error {
	rows, err := q.Query(ctx, sql, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
