package rsrender

import (
	"strings"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/engine/internal/grantsql"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/sqltext"
)

// checkRoleName applies DG r_CREATE_ROLE / r_role-usage-notes / r_roles-default:
// no sys: or ds: prefix, no colon, slash or newline, not a reserved word, not
// the name of a user.
func checkRoleName(name string, snap *model.Snapshot) error {
	switch {
	case hasPrefixFold(name, "sys:"):
		return apperr.Invalid("role names starting with sys: are reserved for Redshift's system roles")
	case hasPrefixFold(name, "ds:"):
		return apperr.Invalid("role names starting with ds: are reserved for Redshift data sharing")
	case strings.Contains(name, ":"):
		return apperr.Invalid("a Redshift role name cannot contain a colon (:)")
	case strings.Contains(name, "/"):
		return apperr.Invalid("a Redshift role name cannot contain a slash (/)")
	case strings.ContainsAny(name, "\n\r"):
		return apperr.Invalid("a Redshift role name cannot contain a line break")
	case strings.EqualFold(name, "public"):
		return apperr.Invalid("PUBLIC is a reserved word and cannot name a role")
	}
	if err := sqltext.Redshift.CheckName("role", name); err != nil {
		return err
	}
	if findUser(snap, name) != nil {
		return apperr.Invalid("a user named %s already exists; Redshift role names must differ from user names", name)
	}
	return nil
}

// checkNotSystemRole refuses to change sys:* and ds:* roles.
func checkNotSystemRole(name string, snap *model.Snapshot) error {
	if snap != nil {
		for _, r := range snap.Roles {
			if r.Name == name && r.System {
				return apperr.Invalid("%s is a Redshift system role and cannot be changed or dropped", name)
			}
		}
	}
	if hasPrefixFold(name, "sys:") || hasPrefixFold(name, "ds:") {
		return apperr.Invalid("%s is a Redshift system role and cannot be changed or dropped", name)
	}
	return nil
}

// createRole: CREATE ROLE "r" [EXTERNALID "id"] (DG r_CREATE_ROLE; the
// external id is an identifier, double-quoted in the docs' example).
func createRole(r *change.RoleSpec, snap *model.Snapshot) ([]change.Statement, error) {
	if r == nil {
		return nil, apperr.Invalid("the role is missing")
	}
	if r.RenameTo != "" || r.Force {
		return nil, apperr.Invalid("a new role cannot be renamed or force-dropped in the same change")
	}
	if err := checkRoleName(r.Name, snap); err != nil {
		return nil, err
	}
	q := grantsql.NewQ(sqltext.Redshift)
	sql := "CREATE ROLE " + q.Ident("role", r.Name)
	sum := "Create role " + r.Name
	if r.ExternalID != "" {
		sql += " EXTERNALID " + q.Ident("external id", r.ExternalID)
		sum += " with external id " + r.ExternalID
	}
	out := []change.Statement{grantsql.Stmt(sql, sum, false)}
	if r.Owner != "" {
		out = append(out, grantsql.Stmt("ALTER ROLE "+q.Ident("role", r.Name)+" WITH OWNER TO "+q.Ident("user", r.Owner),
			"Make "+r.Owner+" the owner of role "+r.Name, false))
	}
	if err := q.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// alterRole: ALTER ROLE "r" WITH OWNER TO "u"; ALTER ROLE "r" EXTERNALID TO
// "id"; ALTER ROLE "r" RENAME TO "r2" — the shapes of DG r_ALTER_ROLE's
// examples, one per statement, the rename last.
func alterRole(r *change.RoleSpec, snap *model.Snapshot) ([]change.Statement, error) {
	if r == nil {
		return nil, apperr.Invalid("the role is missing")
	}
	if err := checkNotSystemRole(r.Name, snap); err != nil {
		return nil, err
	}
	q := grantsql.NewQ(sqltext.Redshift)
	role := q.Ident("role", r.Name)
	var out []change.Statement
	if r.Owner != "" {
		out = append(out, grantsql.Stmt("ALTER ROLE "+role+" WITH OWNER TO "+q.Ident("user", r.Owner),
			"Make "+r.Owner+" the owner of role "+r.Name, false))
	}
	if r.ExternalID != "" {
		out = append(out, grantsql.Stmt("ALTER ROLE "+role+" EXTERNALID TO "+q.Ident("external id", r.ExternalID),
			"Set the external id of role "+r.Name+" to "+r.ExternalID, false))
	}
	if r.RenameTo != "" {
		if err := checkRoleName(r.RenameTo, snap); err != nil {
			return nil, err
		}
		out = append(out, grantsql.Stmt("ALTER ROLE "+role+" RENAME TO "+q.Ident("role", r.RenameTo),
			"Rename role "+r.Name+" to "+r.RenameTo, false))
	}
	if err := q.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, apperr.Invalid("nothing to change for role %s", r.Name)
	}
	return out, nil
}

// dropRole revokes what the role holds (privileges, default privileges,
// system permissions), revokes it from its members and its own roles, moves
// nothing (roles own no objects), then drops it with RESTRICT, the default:
// with every assignment revoked first, FORCE is not needed (DG r_DROP_ROLE).
// Force still renders DROP ROLE … FORCE for a caller that asks for it.
func dropRole(r *change.RoleSpec, snap *model.Snapshot) ([]change.Statement, error) {
	if r == nil {
		return nil, apperr.Invalid("the role is missing")
	}
	if err := checkNotSystemRole(r.Name, snap); err != nil {
		return nil, err
	}
	who := model.RoleRef(r.Name)
	out, err := clearForDrop(who, r.Successor, snap)
	if err != nil {
		return nil, err
	}
	if snap != nil {
		var privs []string
		for _, sp := range snap.SystemPrivileges {
			if sp.Grantee == who {
				privs = append(privs, sp.Privilege)
			}
		}
		if len(privs) > 0 {
			st, err := systemPrivileges(false, &change.SystemSpec{Role: r.Name, Privileges: privs}, snap)
			if err != nil {
				return nil, err
			}
			out = append(out, st...)
		}
	}
	q := grantsql.NewQ(sqltext.Redshift)
	sql := "DROP ROLE " + q.Ident("role", r.Name)
	sum := "Drop role " + r.Name
	if r.Force {
		sql += " FORCE"
		sum = "Drop role " + r.Name + " and remove all its grants to users and roles (FORCE)"
	}
	if err := q.Err(); err != nil {
		return nil, err
	}
	return append(out, grantsql.Stmt(sql, sum, true)), nil
}
