// Package engine defines what each supported server engine provides: its
// capabilities, a catalog reader and (later) statement renderers. Engine-specific
// SQL lives only in engine/redshift and engine/postgres.
package engine

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/redshiftmate/rsmate/backend/model"
)

// Querier is the part of a pgx pool, connection or transaction readers use.
type Querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

// Capabilities tell the UI what to show for the connected engine.
type Capabilities struct {
	Groups            bool `json:"groups"` // Redshift legacy groups
	Roles             bool `json:"roles"`  // RBAC roles
	NestedRoles       bool `json:"nestedRoles"`
	RoleAdminOption   bool `json:"roleAdminOption"`
	SystemPrivileges  bool `json:"systemPrivileges"`  // Redshift GRANT CREATE USER … TO ROLE
	ScopedPermissions bool `json:"scopedPermissions"` // Redshift GRANT … FOR TABLES IN SCHEMA
	ColumnPrivileges  bool `json:"columnPrivileges"`
	Procedures        bool `json:"procedures"`
	DefaultPrivileges bool `json:"defaultPrivileges"`
	SessionTimeout    bool `json:"sessionTimeout"` // Redshift per-user SESSION TIMEOUT
	SyslogAccess      bool `json:"syslogAccess"`
	// MaxIdentifierBytes is the longest name the engine stores unchanged.
	MaxIdentifierBytes int `json:"maxIdentifierBytes"`
}

// Progress reports a loading step ("users", "grants", …) as done of total steps.
type Progress func(step string, done, total int)

// Engine is one server dialect.
type Engine interface {
	Name() string
	Capabilities() Capabilities
	// LoadCatalog reads the access model of the connected database in a fixed
	// number of queries, independent of how many principals or objects exist.
	LoadCatalog(ctx context.Context, q Querier, progress Progress) (*model.Snapshot, error)
	// Columns lists one relation's columns (loaded on demand by the object browser).
	Columns(ctx context.Context, q Querier, schema, relation string) ([]model.Column, error)
}
