package rsrender

import (
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/engine/internal/grantsql"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/sqltext"
)

// DisableLogin: ALTER USER … PASSWORD DISABLE (DG r_ALTER_USER). It stops
// password sign-ins; IAM and identity-provider sign-ins need their own
// revocation, and a superuser's password cannot be disabled.
func (renderer) DisableLogin(user string) ([]change.Statement, error) {
	q := grantsql.NewQ(sqltext.Redshift)
	sql := "ALTER USER " + q.Ident("user", user) + " PASSWORD DISABLE"
	if err := q.Err(); err != nil {
		return nil, err
	}
	return []change.Statement{grantsql.Stmt(sql,
		"Stop password sign-ins of "+user+" (IAM and identity-provider sign-ins are not blocked by this; sessions already open stay open)", true)}, nil
}

// ClearInDatabase: Redshift has no REASSIGN OWNED, so ownership moves object
// by object and each privilege is revoked by name, as before a DROP USER
// (knowledge-center page "How do I resolve the 'user cannot be dropped' error").
// Privileges on the database's models and datashares go first, as before a
// DROP; ASSUMEROLE grants are cluster-wide and go with the DROP itself.
func (renderer) ClearInDatabase(user, successor string, snap *model.Snapshot) ([]change.Statement, error) {
	who := model.UserRef(user)
	out, snap, err := clearSurfaceObjects(who, snap)
	if err != nil {
		return nil, err
	}
	rest, _, err := dialect.ClearInDatabase(who, successor, snap)
	if err != nil {
		return nil, err
	}
	return append(out, rest...), nil
}
