// Package postgres is the PostgreSQL engine: capabilities and a catalog reader
// built on pg_roles, pg_auth_members and aclexplode over the catalogs' ACLs.
//
// How privileges are reported: every ACL entry, read through
// aclexplode(coalesce(acl, acldefault(...))). A NULL ACL therefore reports the
// built-in defaults (Grant.Default): the owner's own privileges, and PUBLIC's
// EXECUTE on routines, USAGE on languages, CONNECT and TEMP on databases —
// PostgreSQL really grants those, so hiding them would hide access. The owner's
// own privileges are kept and flagged Grant.Implied; lists usually hide them.
package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/engine"
	"github.com/redshiftmate/rsmate/backend/model"
)

// Name is the engine's name in snapshots and session info.
const Name = "postgres"

type pgEngine struct{}

// New returns the PostgreSQL engine.
func New() engine.Engine { return pgEngine{} }

func (pgEngine) Name() string { return Name }

func (pgEngine) Capabilities() engine.Capabilities {
	return engine.Capabilities{
		Roles:              true,
		NestedRoles:        true,
		RoleAdminOption:    true,
		ColumnPrivileges:   true,
		Procedures:         true,
		DefaultPrivileges:  true,
		MaxIdentifierBytes: 63,
	}
}

func (pgEngine) LoadCatalog(ctx context.Context, q engine.Querier, progress engine.Progress) (*model.Snapshot, error) {
	return load(ctx, q, progress)
}

func (pgEngine) Columns(ctx context.Context, q engine.Querier, schema, relation string) ([]model.Column, error) {
	rows, err := q.Query(ctx, QueryColumns, schema, relation)
	if err != nil {
		return nil, wrap(ctx, "columns", err)
	}
	defer rows.Close()
	var out []model.Column
	found := false
	for rows.Next() {
		found = true
		var name, typ *string
		var pos *int32
		if err := rows.Scan(&name, &pos, &typ); err != nil {
			return nil, wrap(ctx, "columns", err)
		}
		if name == nil { // a relation without columns
			continue
		}
		out = append(out, model.Column{Name: *name, Position: int(*pos), Type: *typ})
	}
	if err := rows.Err(); err != nil {
		return nil, wrap(ctx, "columns", err)
	}
	if !found {
		return nil, apperr.NotFound("relation", schema+"."+relation)
	}
	if out == nil {
		out = []model.Column{}
	}
	return out, nil
}

// wrap turns a failed step into a structured error; cancellation stays
// recognisable through errors.Is.
func wrap(ctx context.Context, step string, err error) error {
	if ctx.Err() != nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		if !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("%w: %v", ctx.Err(), err)
		}
		return &apperr.Error{Code: "canceled", Message: "Loading the catalog was canceled", Err: err}
	}
	return &apperr.Error{
		Code:    "catalog_load",
		Message: fmt.Sprintf("Reading the catalog failed (%s)", step),
		Detail:  err.Error(),
		Hint:    "Check that the connected user may read the system catalogs, then refresh.",
		Err:     err,
	}
}
