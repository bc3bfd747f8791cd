package change

import (
	"slices"

	"github.com/redshiftmate/rsmate/backend/model"
)

// assumeRole checks svv_iam_privileges after GRANT/REVOKE ASSUMEROLE. A
// grant FOR ALL may be listed as ALL or as each command (not documented), so
// either counts as held.
func (v *verifier) assumeRole(a *AssumeRoleSpec, grant bool) {
	roles, err1 := CheckIAMRoles(a.IAMRoles)
	cmds, err2 := CheckAssumeRoleCommands(a.Commands)
	if err1 != nil || err2 != nil {
		return
	}
	if len(cmds) == 1 && cmds[0] == model.AssumeAll {
		cmds = AssumeRoleCommands
	}
	for _, r := range roles {
		for _, c := range cmds {
			held := slices.ContainsFunc(v.snap.AssumeRoles, func(g model.AssumeRoleGrant) bool {
				return g.IAMRole == r && samePrincipal(g.Grantee, a.Grantee) && (g.Command == c || g.Command == model.AssumeAll)
			})
			v.expect(held == grant, "ASSUMEROLE on %s for %s to %s %s", r, c, who(a.Grantee), presence(grant))
		}
	}
}

// datashareUsage checks svv_datashare_consumers after GRANT/REVOKE USAGE ON DATASHARE.
func (v *verifier) datashareUsage(d *DatashareUsageSpec, grant bool) {
	i := slices.IndexFunc(v.snap.Datashares, func(x model.Datashare) bool { return x.Name == d.Datashare })
	var consumers []model.DatashareConsumer
	if i >= 0 {
		consumers = v.snap.Datashares[i].Consumers
	}
	ns, _ := CheckNamespaces(d.Namespaces)
	accts, _ := CheckAccounts(d.Accounts)
	for _, n := range ns {
		held := slices.ContainsFunc(consumers, func(c model.DatashareConsumer) bool { return c.Namespace == n })
		v.expect(held == grant, "consumer namespace %s of datashare %q %s", n, d.Datashare, presence(grant))
	}
	for _, a := range accts {
		held := slices.ContainsFunc(consumers, func(c model.DatashareConsumer) bool { return c.Account == a })
		v.expect(held == grant, "consumer account %s of datashare %q %s", a, d.Datashare, presence(grant))
	}
}
