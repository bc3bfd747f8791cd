package pgrender

import (
	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/engine/internal/grantsql"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/sqltext"
)

// DisableLogin: ALTER ROLE … NOLOGIN (sessions already open stay open).
func (renderer) DisableLogin(user string) ([]change.Statement, error) {
	q := grantsql.NewQ(sqltext.Postgres)
	sql := "ALTER ROLE " + q.Ident("user", user) + " NOLOGIN"
	if err := q.Err(); err != nil {
		return nil, err
	}
	return []change.Statement{grantsql.Stmt(sql, "Stop new sign-ins of "+user+" (sessions already open stay open)", true)}, nil
}

// ClearInDatabase is PostgreSQL's documented recipe for removing a role from
// one database (docs: role-removal.html): REASSIGN OWNED moves everything the
// user owns here to the successor, DROP OWNED then revokes every privilege and
// default privilege it holds here (and would drop what it still owned, which
// is why a user who owns anything needs a successor).
func (renderer) ClearInDatabase(user, successor string, snap *model.Snapshot) ([]change.Statement, error) {
	owned := grantsql.Owned(model.UserRef(user), snap)
	if len(owned) > 0 && successor == "" {
		return nil, apperr.Invalid("%s owns %d objects in database %s; choose a successor to take them over", user, len(owned), snap.Database)
	}
	q := grantsql.NewQ(sqltext.Postgres)
	u := q.Ident("user", user)
	var out []change.Statement
	if successor != "" && len(owned) > 0 {
		s := q.Ident("successor", successor)
		out = append(out, grantsql.Stmt("REASSIGN OWNED BY "+u+" TO "+s,
			"Give "+successor+" everything "+user+" owns in database "+snap.Database, false))
	}
	out = append(out, grantsql.Stmt("DROP OWNED BY "+u,
		"Revoke every privilege and default privilege "+user+" holds in database "+snap.Database, true))
	if err := q.Err(); err != nil {
		return nil, err
	}
	return out, nil
}
