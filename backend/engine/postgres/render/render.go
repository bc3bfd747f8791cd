// Package pgrender renders typed changes as PostgreSQL statements.
//
// Users are roles WITH LOGIN and roles are NOLOGIN roles; PostgreSQL has no
// groups, no scoped permissions and no system permissions, and says so with a
// specific message. Passwords are sent only as SCRAM-SHA-256 verifiers
// computed here, and shown redacted.
package pgrender

import (
	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/engine/internal/grantsql"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/sqltext"
	"github.com/redshiftmate/rsmate/backend/vocab"
)

type renderer struct{}

// New returns the PostgreSQL renderer.
func New() change.Renderer { return renderer{} }

const noGroups = "PostgreSQL has no groups; use a role (a role can hold privileges and be granted to users)"

func (renderer) Render(c change.Change, snap *model.Snapshot) ([]change.Statement, error) {
	switch c.Kind {
	case change.CreateUser:
		return createUser(c.User)
	case change.AlterUser:
		return alterUser(c.User)
	case change.DropUser:
		return dropRole(c.User, nil, "user", snap)
	case change.CreateRole:
		return createRole(c.Role, snap)
	case change.AlterRole:
		return alterRole(c.Role, snap)
	case change.DropRole:
		if c.Role == nil {
			return nil, apperr.Invalid("the role is missing")
		}
		return dropRole(nil, c.Role, "role", snap)
	case change.GrantRole, change.RevokeRole:
		return dialect.Membership(c.Kind == change.GrantRole, c.Member)
	case change.CreateGroup, change.AlterGroup, change.DropGroup:
		return nil, apperr.Invalid("%s", noGroups)
	case change.GrantPrivileges, change.RevokePrivileges:
		if err := refuseRedshiftOnly(c.Privilege); err != nil {
			return nil, err
		}
		return dialect.Privileges(c.Kind == change.GrantPrivileges, c.Privilege, snap)
	case change.GrantAssumeRole, change.RevokeAssumeRole:
		return nil, apperr.Invalid("PostgreSQL has no ASSUMEROLE: which IAM roles a user may use for COPY or UNLOAD is a Redshift grant")
	case change.GrantDatashareUsage, change.RevokeDatashareUsage:
		return nil, apperr.Invalid("PostgreSQL has no datashares; datashare consumers are a Redshift feature")
	case change.GrantDefaultPrivileges, change.RevokeDefaultPrivileges:
		if c.Default != nil && c.Default.ObjectType == model.DefProcedures {
			return nil, apperr.Invalid("PostgreSQL's default privileges on functions also cover procedures; choose functions")
		}
		return dialect.DefaultPrivileges(c.Kind == change.GrantDefaultPrivileges, c.Default)
	case change.GrantSystemPrivileges, change.RevokeSystemPrivileges:
		return nil, apperr.Invalid("PostgreSQL has no system permissions; use role attributes (SUPERUSER, CREATEDB, CREATEROLE) or the predefined pg_* roles")
	}
	return nil, apperr.Invalid("unknown change kind %q", c.Kind)
}

// dialect holds PostgreSQL's grant rules (GRANT, REVOKE, ALTER DEFAULT PRIVILEGES).
var dialect = &grantsql.Dialect{
	SQL:               sqltext.Postgres,
	Name:              "PostgreSQL",
	Vocab:             vocab.Postgres,
	NoGroups:          noGroups,
	GrantOptionRule:   "PostgreSQL gives the grant option to roles and users, never to PUBLIC",
	ColumnGrantOption: true,
	NoScoped:          "PostgreSQL has no scoped permissions; grant on ALL TABLES IN SCHEMA for existing objects and add default privileges for future ones",
	DefaultCreator:    defaultCreator,
	DefaultCheck:      defaultCheck,
	Drop: grantsql.DropRules{
		AlterRelation:     alterRelation,
		Cascade:           true,
		KeepsMemberships:  true, // DROP ROLE revokes memberships in and of the role itself
		SuccessorKinds:    []model.PrincipalKind{model.KindUser, model.KindRole},
		OwnDefaultsListed: true,
	},
}

// alterRelation: PostgreSQL's ALTER command per relation kind.
func alterRelation(k model.RelationKind) string {
	switch k {
	case model.RelView:
		return "VIEW"
	case model.RelMaterializedView:
		return "MATERIALIZED VIEW"
	case model.RelSequence:
		return "SEQUENCE"
	case model.RelForeignTable:
		return "FOREIGN TABLE"
	}
	return "TABLE"
}

// defaultCreator: ALTER DEFAULT PRIVILEGES FOR ROLE "creator" (a user or a role).
func defaultCreator(q *grantsql.Q, p model.PrincipalRef) (string, error) {
	switch p.Kind {
	case model.KindUser, model.KindRole:
		r := q.Ident(string(p.Kind), p.Name)
		return "FOR ROLE " + r, q.Err()
	case model.KindGroup:
		return "", apperr.Invalid("%s", noGroups)
	}
	return "", apperr.Invalid("default privileges belong to the user or role that creates the objects, not to %s", grantsql.Principal(p))
}

func defaultCheck(_ bool, t model.DefaultObjectType, schema string, _ []string) error {
	if t == model.DefSchemas && schema != "" {
		return apperr.Invalid("PostgreSQL sets default privileges on schemas database-wide only; leave the schema empty")
	}
	return nil
}
