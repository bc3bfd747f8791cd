package access

import (
	"cmp"
	"slices"

	"github.com/redshiftmate/rsmate/backend/model"
)

// AssumeRoleAccess is one IAM role a principal may use for one command, and
// how: Via is empty for its own grant, else the membership path to the
// grantee (a group, a role, PUBLIC).
type AssumeRoleAccess struct {
	model.AssumeRoleGrant
	Via Path `json:"via"`
}

// AssumeRoles lists the ASSUMEROLE grants that apply to p (Redshift: "an
// individual user's privileges consist of the sum of privileges granted to
// PUBLIC, … to any groups … and … to the user individually", DG r_GRANT),
// direct ones first. Superuser says p is a superuser, who "always retains the
// ASSUMEROLE privilege" whatever is granted (DG r_GRANT-usage-notes).
func AssumeRoles(s *model.Snapshot, p model.PrincipalRef) (rows []AssumeRoleAccess, superuser bool) {
	reach := Reach(s, p)
	rows = []AssumeRoleAccess{}
	for _, g := range s.AssumeRoles {
		if path, ok := reach[g.Grantee]; ok {
			rows = append(rows, AssumeRoleAccess{AssumeRoleGrant: g, Via: path})
		}
	}
	slices.SortFunc(rows, func(a, b AssumeRoleAccess) int {
		return cmp.Or(cmp.Compare(len(a.Via), len(b.Via)), model.ComparePrincipals(a.Grantee, b.Grantee),
			cmp.Compare(a.IAMRole, b.IAMRole), cmp.Compare(a.Command, b.Command))
	})
	return rows, isSuperuser(s, p)
}

// PublicAssumesAll reports whether PUBLIC may still assume every IAM role for
// every command: the state AWS asks every cluster to end once with REVOKE
// ASSUMEROLE ON ALL FROM PUBLIC FOR ALL (DG r_GRANT-usage-notes). How
// svv_iam_privileges lists ON ALL is not documented; the reader reads an
// iam_arn of "all" as ALL, and a grant FOR ALL may be listed as ALL or as the
// four commands, so both count.
func PublicAssumesAll(s *model.Snapshot) bool {
	cmds := map[string]bool{}
	for _, g := range s.AssumeRoles {
		if g.Grantee.Kind == model.KindPublic && g.IAMRole == model.IAMRoleAll {
			cmds[g.Command] = true
		}
	}
	if cmds[model.AssumeAll] {
		return true
	}
	for _, c := range []string{model.AssumeCopy, model.AssumeUnload, model.AssumeExternalFunction, model.AssumeCreateModel} {
		if !cmds[c] {
			return false
		}
	}
	return true
}
