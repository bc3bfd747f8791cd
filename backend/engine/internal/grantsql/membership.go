package grantsql

import (
	"slices"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/model"
)

// Membership renders grant_role / revoke_role:
//
//	Redshift:   GRANT ROLE "r" TO "u" [WITH ADMIN OPTION] | GRANT ROLE "r" TO ROLE "r2"
//	            REVOKE [ADMIN OPTION FOR] ROLE "r" FROM "u" | REVOKE ROLE "r" FROM ROLE "r2"
//	PostgreSQL: GRANT "r" TO "m" [WITH ADMIN OPTION]; REVOKE [ADMIN OPTION FOR] "r" FROM "m"
func (d *Dialect) Membership(grant bool, m *change.MemberSpec) ([]change.Statement, error) {
	if m == nil {
		return nil, apperr.Invalid("the role membership is missing")
	}
	if k := m.Member.Kind; k != model.KindUser && k != model.KindRole {
		return nil, apperr.Invalid("a role can be granted to a user or a role, not to %s", Principal(m.Member))
	}
	if m.AdminOption && !slices.Contains(d.Vocab.AdminOption, m.Member.Kind) {
		if grant {
			return nil, apperr.Invalid("WITH ADMIN OPTION cannot be given to %s: %s", Principal(m.Member), d.AdminRule)
		}
		return nil, apperr.Invalid("ADMIN OPTION FOR cannot be revoked from %s: %s", Principal(m.Member), d.AdminRule)
	}
	q := NewQ(d.SQL)
	role := q.Ident("role", m.Role)
	member, err := d.Grantee(q, m.Member)
	if err != nil {
		return nil, err
	}
	if d.KeywordGrantees {
		role = "ROLE " + role
	}
	if err := q.Err(); err != nil {
		return nil, err
	}
	var sql, sum string
	switch {
	case grant && m.AdminOption:
		sql = "GRANT " + role + " TO " + member + " WITH ADMIN OPTION"
		sum = "Grant role " + m.Role + " to " + Principal(m.Member) + " with admin option"
	case grant:
		sql = "GRANT " + role + " TO " + member
		sum = "Grant role " + m.Role + " to " + Principal(m.Member)
	case m.AdminOption:
		sql = "REVOKE ADMIN OPTION FOR " + role + " FROM " + member
		sum = "Revoke the admin option on role " + m.Role + " from " + Principal(m.Member) + " (the membership stays)"
	default:
		sql = "REVOKE " + role + " FROM " + member
		sum = "Revoke role " + m.Role + " from " + Principal(m.Member)
	}
	return []change.Statement{Stmt(sql, sum, !grant)}, nil
}
