package rsrender

import (
	"slices"
	"strings"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/engine/internal/grantsql"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/sqltext"
	"github.com/redshiftmate/rsmate/backend/vocab"
)

// ownStatement: the RLS and masking permissions also have their own GRANT
// and REVOKE forms (GRANT IGNORE RLS TO ROLE r, REVOKE EXPLAIN MASKING FROM
// ROLE r), and the REVOKE list form omits them, so each gets a statement.
var ownStatement = []string{"IGNORE RLS", "EXPLAIN RLS", "EXPLAIN MASKING"}

// systemPrivileges: GRANT perm, … TO ROLE "r" / REVOKE perm, … FROM ROLE "r".
// System permissions go only to roles.
func systemPrivileges(grant bool, s *change.SystemSpec, snap *model.Snapshot) ([]change.Statement, error) {
	if s == nil {
		return nil, apperr.Invalid("choose at least one system permission")
	}
	privs, err := dialect.CheckPrivileges("the cluster (system permissions)", vocab.Redshift.SystemPermissions(), s.Privileges)
	if err != nil {
		return nil, err
	}
	if err := checkNotSystemRole(s.Role, snap); err != nil {
		return nil, err
	}
	q := grantsql.NewQ(sqltext.Redshift)
	role := "ROLE " + q.Ident("role", s.Role)
	if err := q.Err(); err != nil {
		return nil, err
	}
	var list, own []string
	for _, p := range privs {
		if slices.Contains(ownStatement, p) {
			own = append(own, p)
		} else {
			list = append(list, p)
		}
	}
	var out []change.Statement
	emit := func(ps []string) {
		if len(ps) == 0 {
			return
		}
		what := "system permission"
		if len(ps) > 1 {
			what += "s"
		}
		if ps[0] == "ALL" {
			what = "ALL system permissions"
			ps = []string{"ALL"}
		} else {
			what += " " + strings.Join(ps, ", ")
		}
		if grant {
			out = append(out, grantsql.Stmt("GRANT "+strings.Join(ps, ", ")+" TO "+role, "Grant "+what+" to role "+s.Role, false))
		} else {
			out = append(out, grantsql.Stmt("REVOKE "+strings.Join(ps, ", ")+" FROM "+role, "Revoke "+what+" from role "+s.Role, true))
		}
	}
	emit(list)
	for _, p := range own {
		emit([]string{p})
	}
	return out, nil
}
