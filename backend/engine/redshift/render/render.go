// Package rsrender renders typed changes as Amazon Redshift statements.
//
// Every name and value goes through sqltext (names are always double-quoted,
// string literals double both ' and \). Passwords are sent only as md5 hashes
// salted with the user name as stored, and shown redacted. Syntax follows the
// AWS Database Developer Guide pages r_CREATE_USER, r_ALTER_USER, r_DROP_USER,
// r_CREATE_ROLE, r_ALTER_ROLE, r_DROP_ROLE, r_GRANT, r_REVOKE, r_CREATE_GROUP,
// r_ALTER_GROUP, r_DROP_GROUP and r_ALTER_DEFAULT_PRIVILEGES.
package rsrender

import (
	"slices"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/engine/internal/grantsql"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/sqltext"
	"github.com/redshiftmate/rsmate/backend/vocab"
)

type renderer struct{}

// New returns the Redshift renderer.
func New() change.Renderer { return renderer{} }

func (renderer) Render(c change.Change, snap *model.Snapshot) ([]change.Statement, error) {
	switch c.Kind {
	case change.CreateUser:
		return createUser(c.User)
	case change.AlterUser:
		return alterUser(c.User, snap)
	case change.DropUser:
		return dropUser(c.User, snap)
	case change.CreateRole:
		return createRole(c.Role, snap)
	case change.AlterRole:
		return alterRole(c.Role, snap)
	case change.DropRole:
		return dropRole(c.Role, snap)
	case change.GrantRole, change.RevokeRole:
		return dialect.Membership(c.Kind == change.GrantRole, c.Member)
	case change.CreateGroup:
		return createGroup(c.Group)
	case change.AlterGroup:
		return alterGroup(c.Group)
	case change.DropGroup:
		return dropGroup(c.Group, snap)
	case change.GrantPrivileges, change.RevokePrivileges:
		if st, ok, err := surfacePrivileges(c.Kind == change.GrantPrivileges, c.Privilege, snap); ok {
			return st, err
		}
		return dialect.Privileges(c.Kind == change.GrantPrivileges, c.Privilege, snap)
	case change.GrantAssumeRole, change.RevokeAssumeRole:
		return assumeRole(c.Kind == change.GrantAssumeRole, c.AssumeRole)
	case change.GrantDatashareUsage, change.RevokeDatashareUsage:
		return datashareUsage(c.Kind == change.GrantDatashareUsage, c.DatashareUsage, snap)
	case change.GrantDefaultPrivileges, change.RevokeDefaultPrivileges:
		return dialect.DefaultPrivileges(c.Kind == change.GrantDefaultPrivileges, c.Default)
	case change.GrantSystemPrivileges, change.RevokeSystemPrivileges:
		return systemPrivileges(c.Kind == change.GrantSystemPrivileges, c.System, snap)
	}
	return nil, apperr.Invalid("unknown change kind %q", c.Kind)
}

// dialect holds Redshift's grant rules (DG r_GRANT, r_REVOKE, r_ALTER_DEFAULT_PRIVILEGES).
var dialect = &grantsql.Dialect{
	SQL:             sqltext.Redshift,
	Name:            "Redshift",
	Vocab:           vocab.Redshift,
	KeywordGrantees: true,
	GrantOptionRule: "Redshift allows the grant option only for users, never for roles, groups or PUBLIC",
	ColumnRules:     columnRules,
	AdminRule:       "Redshift gives the admin option on a role only to users, never to roles",
	DefaultCreator:  defaultCreator,
	DefaultCheck:    defaultCheck,
	// DG r_DROP_USER and the knowledge-center page "How do I resolve the
	// 'user cannot be dropped' error in Amazon Redshift?": ownership moves with
	// ALTER … OWNER TO (ALTER TABLE serves tables and views); privileges,
	// default privileges (as owner or target) and memberships are revoked
	// first; REVOKE … CASCADE is refused.
	Drop: grantsql.DropRules{
		AlterRelation:  func(model.RelationKind) string { return "TABLE" },
		SuccessorKinds: []model.PrincipalKind{model.KindUser},
	},
}

// columnRules: views take only column SELECT, late-binding views no column
// privileges at all (DG r_GRANT-usage-notes).
func columnRules(rel model.Relation, allowed []string) ([]string, error) {
	switch rel.Kind {
	case model.RelLateBindingView:
		return nil, apperr.Invalid("Redshift does not allow column privileges on the late-binding view %s.%s; grant on the whole view", rel.Schema, rel.Name)
	case model.RelView, model.RelMaterializedView:
		return []string{"SELECT"}, nil
	}
	return allowed, nil
}

// defaultCreator: Redshift's ALTER DEFAULT PRIVILEGES takes only FOR USER.
func defaultCreator(q *grantsql.Q, p model.PrincipalRef) (string, error) {
	if p.Kind != model.KindUser {
		return "", apperr.Invalid("Redshift sets default privileges only FOR USER, not for %s; name the user who creates the objects, or use scoped permissions (GRANT … FOR TABLES IN SCHEMA) to cover objects anyone creates",
			grantsql.Principal(p))
	}
	u := q.Ident("user", p.Name)
	return "FOR USER " + u, q.Err()
}

// defaultCheck: the REVOKE form of ALTER DEFAULT PRIVILEGES lists no DROP.
func defaultCheck(grant bool, t model.DefaultObjectType, _ string, privs []string) error {
	if !grant && t == model.DefTables && slices.Contains(privs, "DROP") {
		return apperr.Invalid("Redshift's ALTER DEFAULT PRIVILEGES … REVOKE does not list DROP for tables; revoke ALL and grant back the privileges to keep")
	}
	return nil
}
