package change

import (
	"slices"

	"github.com/redshiftmate/rsmate/backend/model"
)

// applySurface records GRANT/REVOKE ASSUMEROLE in a set that drops someone,
// so a drop revokes only the ASSUMEROLE grants still held when it runs.
func (v *view) applySurface(c Change) {
	a := c.AssumeRole
	roles, err1 := CheckIAMRoles(a.IAMRoles)
	cmds, err2 := CheckAssumeRoleCommands(a.Commands)
	if err1 != nil || err2 != nil {
		return
	}
	s := v.own()
	for _, r := range roles {
		if c.Kind == GrantAssumeRole {
			for _, cmd := range cmds {
				g := model.AssumeRoleGrant{IAMRole: r, Command: cmd, Grantee: a.Grantee}
				if !slices.Contains(s.AssumeRoles, g) {
					s.AssumeRoles = append(s.AssumeRoles, g)
				}
			}
			continue
		}
		s.AssumeRoles = slices.DeleteFunc(s.AssumeRoles, func(g model.AssumeRoleGrant) bool {
			return g.IAMRole == r && g.Grantee == a.Grantee && (cmds[0] == model.AssumeAll || slices.Contains(cmds, g.Command))
		})
	}
}

// renameSurface follows a renamed principal in the ASSUMEROLE grants.
func (v *view) renameSurface(who, to model.PrincipalRef) {
	s := v.own()
	for i := range s.AssumeRoles {
		if s.AssumeRoles[i].Grantee == who {
			s.AssumeRoles[i].Grantee = to
		}
	}
}
