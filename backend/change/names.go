package change

import (
	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/model"
)

// principals is the set of users, roles and groups as the change set goes:
// the loaded catalog, plus what earlier changes create, rename and drop. It
// refuses up front what the server would refuse for the same reason: a name
// that is taken, a principal of the wrong kind, one that does not exist.
type principals struct {
	// complete: the snapshot lists every principal, so a missing name is
	// missing. A partial snapshot (Redshift hides rows from non-superusers)
	// or none at all only proves what it shows.
	complete bool
	redshift bool
	users    map[string]bool
	roles    map[string]bool
	groups   map[string]bool
}

func newPrincipals(snap *model.Snapshot) *principals {
	p := &principals{users: map[string]bool{}, roles: map[string]bool{}, groups: map[string]bool{}}
	if snap == nil {
		return p
	}
	// A snapshot without users is no loaded catalog (it has at least the
	// connected user): it proves nothing missing.
	p.complete, p.redshift = !snap.Partial && len(snap.Users) > 0, snap.Engine == "redshift"
	for _, u := range snap.Users {
		p.users[u.Name] = true
	}
	for _, r := range snap.Roles {
		p.roles[r.Name] = true
	}
	for _, g := range snap.Groups {
		p.groups[g.Name] = true
	}
	return p
}

// free refuses a new user or role name that a user or role already has
// (PostgreSQL users and roles share one namespace; Redshift role names must
// differ from user names, DG r_CREATE_ROLE).
func (p *principals) free(kind model.PrincipalKind, name string) error {
	switch {
	case p.users[name] && kind == model.KindUser:
		return apperr.Invalid("a user named %s already exists", name)
	case p.roles[name] && kind == model.KindRole:
		return apperr.Invalid("a role named %s already exists", name)
	case p.users[name]:
		return apperr.Invalid("a user named %s already exists; user and role names must differ", name)
	case p.roles[name]:
		return apperr.Invalid("a role named %s already exists; user and role names must differ", name)
	}
	return nil
}

func (p *principals) set(kind model.PrincipalKind) map[string]bool {
	switch kind {
	case model.KindUser:
		return p.users
	case model.KindRole:
		return p.roles
	case model.KindGroup:
		return p.groups
	}
	return nil
}

func (p *principals) add(kind model.PrincipalKind, name string) { p.set(kind)[name] = true }

func (p *principals) rename(kind model.PrincipalKind, old, new string) {
	s := p.set(kind)
	delete(s, old)
	s[new] = true
}

func (p *principals) drop(kind model.PrincipalKind, name string) { delete(p.set(kind), name) }

// kindOf words what name is, if anything other than want: "a user", "a group".
func (p *principals) otherKind(name string, want model.PrincipalKind) string {
	for _, k := range []model.PrincipalKind{model.KindUser, model.KindRole, model.KindGroup} {
		if k != want && p.set(k)[name] {
			return "a " + string(k)
		}
	}
	return ""
}

// must refuses name unless it is a principal of kind want. why says what
// needs it ("system permissions go only to roles").
func (p *principals) must(want model.PrincipalKind, name, why string) error {
	if p.set(want)[name] {
		return nil
	}
	if other := p.otherKind(name, want); other != "" {
		return apperr.Invalid("%s is %s, not a %s: %s", name, other, want, why)
	}
	if p.complete {
		return apperr.Invalid("there is no %s named %s: %s", want, name, why)
	}
	return nil
}

// check applies the catalog rules to one change and then records its effect.
func (p *principals) check(c Change, who CurrentUser) error {
	switch c.Kind {
	case CreateUser:
		u := c.User
		if err := p.free(model.KindUser, u.Name); err != nil {
			return err
		}
		for _, g := range u.InGroups {
			if p.redshift {
				if err := p.must(model.KindGroup, g, "IN GROUP names existing groups"); err != nil {
					return err
				}
			} else if !p.roles[g] && !p.users[g] && p.complete {
				return apperr.Invalid("there is no role named %s: IN ROLE names existing roles", g)
			}
		}
		p.add(model.KindUser, u.Name)
	case AlterUser:
		u := c.User
		if err := p.must(model.KindUser, u.Name, "only an existing user can be changed"); err != nil {
			return err
		}
		if u.RenameTo != "" && u.RenameTo != u.Name {
			if who.Name != "" && u.Name == who.Name {
				return apperr.Invalid("you cannot rename %s: it is the user this connection is logged in as", u.Name)
			}
			if err := p.free(model.KindUser, u.RenameTo); err != nil {
				return err
			}
			p.rename(model.KindUser, u.Name, u.RenameTo)
		}
	case DropUser:
		if err := p.must(model.KindUser, c.User.Name, "only an existing user can be dropped"); err != nil {
			return err
		}
		if s := c.User.Successor; s != "" && !p.users[s] && !p.roles[s] && p.complete {
			return apperr.Invalid("there is no user or role named %s to take over what %s owns", s, c.User.Name)
		}
		p.drop(model.KindUser, c.User.Name)
	case CreateRole:
		if err := p.free(model.KindRole, c.Role.Name); err != nil {
			return err
		}
		p.add(model.KindRole, c.Role.Name)
	case AlterRole:
		r := c.Role
		if err := p.must(model.KindRole, r.Name, "only an existing role can be changed"); err != nil {
			return err
		}
		if r.RenameTo != "" && r.RenameTo != r.Name {
			if err := p.free(model.KindRole, r.RenameTo); err != nil {
				return err
			}
			p.rename(model.KindRole, r.Name, r.RenameTo)
		}
		if r.Owner != "" {
			if err := p.must(model.KindUser, r.Owner, "a role's owner is a user"); err != nil {
				return err
			}
		}
	case DropRole:
		if err := p.must(model.KindRole, c.Role.Name, "only an existing role can be dropped"); err != nil {
			return err
		}
		p.drop(model.KindRole, c.Role.Name)
	case CreateGroup:
		g := c.Group
		if p.groups[g.Name] {
			return apperr.Invalid("a group named %s already exists", g.Name)
		}
		for _, u := range g.Users {
			if err := p.must(model.KindUser, u, "groups hold users"); err != nil {
				return err
			}
		}
		p.add(model.KindGroup, g.Name)
	case AlterGroup:
		g := c.Group
		if err := p.must(model.KindGroup, g.Name, "only an existing group can be changed"); err != nil {
			return err
		}
		for _, u := range g.AddUsers {
			if err := p.must(model.KindUser, u, "groups hold users"); err != nil {
				return err
			}
		}
		if g.RenameTo != "" && g.RenameTo != g.Name {
			if p.groups[g.RenameTo] {
				return apperr.Invalid("a group named %s already exists", g.RenameTo)
			}
			p.rename(model.KindGroup, g.Name, g.RenameTo)
		}
	case DropGroup:
		if err := p.must(model.KindGroup, c.Group.Name, "only an existing group can be dropped"); err != nil {
			return err
		}
		p.drop(model.KindGroup, c.Group.Name)
	case GrantRole, RevokeRole:
		m := c.Member
		if err := p.must(model.KindRole, m.Role, "only roles are granted to users and roles"); err != nil {
			return err
		}
		if err := p.must(m.Member.Kind, m.Member.Name, "the member must be what the change says it is"); err != nil {
			return err
		}
	case GrantDefaultPrivileges, RevokeDefaultPrivileges:
		cr := c.Default.Creator
		switch {
		case cr.Name == "":
		case cr.Kind == model.KindUser:
			if err := p.must(model.KindUser, cr.Name, "FOR USER names the user who creates the objects"); err != nil {
				return err
			}
		case cr.Kind == model.KindRole:
			if err := p.must(model.KindRole, cr.Name, "FOR ROLE names the role that creates the objects"); err != nil {
				return err
			}
		}
	case GrantSystemPrivileges, RevokeSystemPrivileges:
		if err := p.must(model.KindRole, c.System.Role, "system permissions go only to roles; grant them to a role and grant that role to the user"); err != nil {
			return err
		}
	}
	return nil
}
