package rsrender

import (
	"strconv"
	"strings"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/engine/internal/grantsql"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/sqltext"
)

// assumeRole renders GRANT / REVOKE ASSUMEROLE (DG r_GRANT, r_REVOKE, and
// r_GRANT-usage-notes "Usage notes for granting the ASSUMEROLE privilege"):
//
//	GRANT ASSUMEROLE ON { 'iam_role' [, ...] | default | ALL }
//	  TO { username | ROLE role_name | GROUP group_name | PUBLIC } [, ...]
//	  FOR { ALL | COPY | UNLOAD | EXTERNAL FUNCTION | CREATE MODEL } [, ...]
//	REVOKE ASSUMEROLE ON { 'iam_role' [, ...] | default | ALL }
//	  FROM { … } [, ...]
//	  FOR { ALL | COPY | UNLOAD | EXTERNAL FUNCTION | CREATE MODEL }
//
// REVOKE's FOR takes one command, so a revoke of several is one statement
// each. A role chain is one quoted string of comma-joined ARNs. There is no
// WITH GRANT OPTION: only superusers grant ASSUMEROLE.
func assumeRole(grant bool, a *change.AssumeRoleSpec) ([]change.Statement, error) {
	if a == nil {
		return nil, apperr.Invalid("the ASSUMEROLE change is missing its IAM roles, commands and grantee")
	}
	if a.GrantOption {
		return nil, apperr.Invalid("ASSUMEROLE has no grant option: only superusers grant or revoke it")
	}
	roles, err := change.CheckIAMRoles(a.IAMRoles)
	if err != nil {
		return nil, err
	}
	cmds, err := change.CheckAssumeRoleCommands(a.Commands)
	if err != nil {
		return nil, err
	}
	q := grantsql.NewQ(sqltext.Redshift)
	grantee, err := dialect.Grantee(q, a.Grantee)
	if err != nil {
		return nil, err
	}
	on, words := assumeRoleTarget(q, roles)
	if err := q.Err(); err != nil {
		return nil, err
	}
	who := grantsql.Principal(a.Grantee)
	if grant {
		sql := "GRANT ASSUMEROLE ON " + on + " TO " + grantee + " FOR " + strings.Join(cmds, ", ")
		sum := "Allow " + who + " to use " + words + " for " + commandWords(cmds)
		return []change.Statement{grantsql.Stmt(sql, sum, false)}, nil
	}
	out := make([]change.Statement, 0, len(cmds))
	for _, c := range cmds {
		sql := "REVOKE ASSUMEROLE ON " + on + " FROM " + grantee + " FOR " + c
		sum := "Stop " + who + " from using " + words + " for " + commandWords([]string{c})
		out = append(out, grantsql.Stmt(sql, sum, true))
	}
	return out, nil
}

// assumeRoleTarget renders the ON list and words it for summaries.
func assumeRoleTarget(q *grantsql.Q, roles []string) (string, string) {
	switch roles[0] {
	case model.IAMRoleDefault:
		return "default", "the cluster's default IAM role"
	case model.IAMRoleAll:
		return "ALL", "every IAM role of the cluster"
	}
	lits := make([]string, len(roles))
	for i, r := range roles {
		lits[i] = q.Literal(r)
	}
	words := "IAM role " + roles[0]
	if n := len(change.SplitIAMRoleChain(roles[0])); n > 1 && len(roles) == 1 {
		words = "the IAM role chain " + roles[0]
	} else if len(roles) > 1 {
		words = strconv.Itoa(len(roles)) + " IAM roles"
	}
	return strings.Join(lits, ", "), words
}

func commandWords(cmds []string) string {
	if len(cmds) == 1 && cmds[0] == model.AssumeAll {
		return "COPY, UNLOAD, EXTERNAL FUNCTION and CREATE MODEL"
	}
	return strings.Join(cmds, ", ")
}
