package change

import (
	"slices"
	"strings"

	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/vocab"
)

// view is the catalog as a change set goes: each change is rendered against
// the loaded snapshot with the effects of the changes before it, so a drop
// clears only what is still there when it runs (a revoke queued before it is
// not repeated, a grant queued before it is revoked too) and names only the
// memberships that remain. Only sets with a drop need this; the others render
// against the snapshot as loaded, at no cost.
type view struct {
	snap         *model.Snapshot
	follow       bool // the set has a drop: track effects
	cloned       bool // snap is this view's own copy
	grantsCloned bool // snap.Grants is this view's own copy
}

func newView(snap *model.Snapshot, changes []Change) *view {
	drops := slices.ContainsFunc(changes, func(c Change) bool {
		return c.Kind == DropUser || c.Kind == DropRole || c.Kind == DropGroup
	})
	return &view{snap: snap, follow: snap != nil && drops}
}

// ownGrants is own, and a copy of the grants (the largest part: copied
// only when an effect changes grants).
func (v *view) ownGrants() *model.Snapshot {
	s := v.own()
	if !v.grantsCloned {
		s.Grants, v.grantsCloned = s.Grants.Clone(), true
	}
	return s
}

// own copies the slices the effects change, once (the grants: see ownGrants).
func (v *view) own() *model.Snapshot {
	if !v.cloned {
		s := *v.snap
		s.Users = slices.Clone(s.Users)
		s.Roles = slices.Clone(s.Roles)
		s.Groups = slices.Clone(s.Groups)
		s.Memberships = slices.Clone(s.Memberships)
		s.Schemas = slices.Clone(s.Schemas)
		s.Relations = slices.Clone(s.Relations)
		s.Routines = slices.Clone(s.Routines)
		s.Databases = slices.Clone(s.Databases)
		s.DefaultPrivileges = slices.Clone(s.DefaultPrivileges)
		s.SystemPrivileges = slices.Clone(s.SystemPrivileges)
		s.AssumeRoles = slices.Clone(s.AssumeRoles)
		v.snap, v.cloned = &s, true
	}
	return v.snap
}

func upperAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strings.Join(strings.Fields(strings.ToUpper(x)), " ")
		if out[i] == "ALL PRIVILEGES" {
			out[i] = "ALL"
		}
	}
	return out
}

func matchPriv(privs []string, p string) bool {
	return slices.Contains(privs, "ALL") || slices.Contains(privs, p) || (p == "TEMP" && slices.Contains(privs, "TEMPORARY"))
}

// apply records the effect of c (validated: its payload is present).
func (v *view) apply(c Change) {
	if !v.follow {
		return
	}
	switch c.Kind {
	case CreateUser:
		s := v.own()
		s.Users = append(s.Users, model.User{Name: c.User.Name})
		for _, g := range c.User.InGroups {
			of := model.RoleRef(g)
			if s.Engine == "redshift" {
				of = model.GroupRef(g)
			}
			s.Memberships = append(s.Memberships, model.Membership{Member: model.UserRef(c.User.Name), Of: of})
		}
	case CreateRole:
		s := v.own()
		s.Roles = append(s.Roles, model.Role{Name: c.Role.Name, Owner: c.Role.Owner})
	case CreateGroup:
		s := v.own()
		s.Groups = append(s.Groups, model.Group{Name: c.Group.Name})
		for _, u := range c.Group.Users {
			s.Memberships = append(s.Memberships, model.Membership{Member: model.UserRef(u), Of: model.GroupRef(c.Group.Name)})
		}
	case AlterUser:
		if c.User.RenameTo != "" {
			v.rename(model.UserRef(c.User.Name), c.User.RenameTo)
		}
	case AlterRole:
		if c.Role.RenameTo != "" {
			v.rename(model.RoleRef(c.Role.Name), c.Role.RenameTo)
		}
	case AlterGroup:
		g := model.GroupRef(c.Group.Name)
		s := v.own()
		for _, u := range c.Group.AddUsers {
			s.Memberships = append(s.Memberships, model.Membership{Member: model.UserRef(u), Of: g})
		}
		s.Memberships = slices.DeleteFunc(s.Memberships, func(m model.Membership) bool {
			return m.Of == g && slices.Contains(c.Group.DropUsers, m.Member.Name)
		})
		if c.Group.RenameTo != "" {
			v.rename(g, c.Group.RenameTo)
		}
	case DropUser:
		v.drop(model.UserRef(c.User.Name), c.User.Successor)
	case DropRole:
		v.drop(model.RoleRef(c.Role.Name), c.Role.Successor)
	case DropGroup:
		v.drop(model.GroupRef(c.Group.Name), "")
	case GrantRole:
		s := v.own()
		s.Memberships = append(s.Memberships, model.Membership{Member: c.Member.Member, Of: model.RoleRef(c.Member.Role), AdminOption: c.Member.AdminOption})
	case RevokeRole:
		s := v.own()
		of := model.RoleRef(c.Member.Role)
		for i := range s.Memberships {
			if m := &s.Memberships[i]; m.Member == c.Member.Member && m.Of == of && c.Member.AdminOption {
				m.AdminOption = false
			}
		}
		if !c.Member.AdminOption {
			s.Memberships = slices.DeleteFunc(s.Memberships, func(m model.Membership) bool { return m.Member == c.Member.Member && m.Of == of })
		}
	case GrantPrivileges:
		s := v.ownGrants()
		for _, g := range v.grantsOf(c.Privilege) {
			s.Grants.Add(g)
		}
	case RevokePrivileges:
		s := v.ownGrants()
		p := c.Privilege
		privs := upperAll(p.Privileges)
		hit := map[model.ObjectRef]bool{}
		scope := ""
		for _, g := range v.grantsOf(p) {
			hit[g.Object] = true
			scope = g.Scope
		}
		match := func(g model.Grant) bool {
			return g.Grantee == p.Grantee && hit[g.Object] && g.Scope == scope && matchPriv(privs, g.Privilege)
		}
		if p.GrantOption {
			for i, g := range s.Grants.All() {
				if match(g) {
					g.GrantOption = false
					s.Grants.Set(i, g)
				}
			}
		} else {
			s.Grants.DeleteFunc(match)
		}
	case GrantDefaultPrivileges:
		s := v.own()
		d := c.Default
		for _, p := range upperAll(d.Privileges) {
			s.DefaultPrivileges = append(s.DefaultPrivileges, model.DefaultPrivilege{Creator: d.Creator, Schema: d.Schema,
				ObjectType: d.ObjectType, Grantee: d.Grantee, Privilege: p, GrantOption: d.GrantOption})
		}
	case RevokeDefaultPrivileges:
		s := v.own()
		d := c.Default
		privs := upperAll(d.Privileges)
		match := func(x model.DefaultPrivilege) bool {
			return x.Creator == d.Creator && x.Schema == d.Schema && x.ObjectType == d.ObjectType && x.Grantee == d.Grantee && matchPriv(privs, x.Privilege)
		}
		if d.GrantOption {
			for i := range s.DefaultPrivileges {
				if match(s.DefaultPrivileges[i]) {
					s.DefaultPrivileges[i].GrantOption = false
				}
			}
		} else {
			s.DefaultPrivileges = slices.DeleteFunc(s.DefaultPrivileges, match)
		}
	case GrantSystemPrivileges:
		s := v.own()
		for _, p := range upperAll(c.System.Privileges) {
			s.SystemPrivileges = append(s.SystemPrivileges, model.SystemPrivilege{Privilege: p, Grantee: model.RoleRef(c.System.Role)})
		}
	case GrantAssumeRole, RevokeAssumeRole:
		v.applySurface(c)
	case RevokeSystemPrivileges:
		s := v.own()
		privs := upperAll(c.System.Privileges)
		s.SystemPrivileges = slices.DeleteFunc(s.SystemPrivileges, func(x model.SystemPrivilege) bool {
			return x.Grantee == model.RoleRef(c.System.Role) && matchPriv(privs, x.Privilege)
		})
	}
}

// grantsOf expands a privilege change into the grant rows it stands for.
func (v *view) grantsOf(p *PrivilegeSpec) []model.Grant {
	var out []model.Grant
	add := func(o model.ObjectRef, scope string) {
		for _, priv := range upperAll(p.Privileges) {
			out = append(out, model.Grant{Object: o, Grantee: p.Grantee, Privilege: priv, GrantOption: p.GrantOption, Scope: scope})
		}
	}
	switch p.Target {
	case TargetObjects:
		for _, o := range p.Objects {
			if len(p.Columns) > 0 {
				for _, col := range p.Columns {
					add(model.ObjectRef{Kind: model.ObjColumn, Schema: o.Schema, Name: o.Name, Column: col}, "")
				}
				continue
			}
			add(o, "")
		}
	case TargetAllInSchema:
		for _, o := range vocab.Of(v.snap).InSchemas(v.snap, p.Kind, p.Schemas) {
			add(o, "")
		}
	case TargetScopedInSchema:
		for _, s := range p.Schemas {
			add(model.ObjectRef{Kind: model.ObjSchema, Schema: s}, scopeKeyword(v.snap, p.Kind))
		}
	case TargetScopedInDatabase:
		add(model.ObjectRef{Kind: model.ObjDatabase, Name: p.Database}, scopeKeyword(v.snap, p.Kind))
	}
	return out
}

// scopeKeyword is the catalog's scope word of a kind's scoped form (TABLES, SCHEMAS, …).
func scopeKeyword(snap *model.Snapshot, k model.ObjectKind) string {
	if ki := vocab.Of(snap).Kind(k); ki != nil && ki.Scoped != nil {
		return ki.Scoped.Keyword
	}
	return strings.ToUpper(string(k)) + "S"
}

// rename moves every reference to who to its new name.
func (v *view) rename(who model.PrincipalRef, to string) {
	s := v.ownGrants()
	nw := model.PrincipalRef{Kind: who.Kind, Name: to}
	v.renameSurface(who, nw)
	ref := func(p *model.PrincipalRef) {
		if *p == who {
			*p = nw
		}
	}
	for i := range s.Users {
		if who.Kind == model.KindUser && s.Users[i].Name == who.Name {
			s.Users[i].Name = to
		}
	}
	for i := range s.Roles {
		if who.Kind == model.KindRole && s.Roles[i].Name == who.Name {
			s.Roles[i].Name = to
		}
		if who.Kind == model.KindUser && s.Roles[i].Owner == who.Name {
			s.Roles[i].Owner = to
		}
	}
	for i := range s.Groups {
		if who.Kind == model.KindGroup && s.Groups[i].Name == who.Name {
			s.Groups[i].Name = to
		}
	}
	for i := range s.Memberships {
		ref(&s.Memberships[i].Member)
		ref(&s.Memberships[i].Of)
	}
	s.Grants.MapPrincipals(func(p model.PrincipalRef) model.PrincipalRef {
		ref(&p)
		return p
	})
	for i := range s.DefaultPrivileges {
		ref(&s.DefaultPrivileges[i].Creator)
		ref(&s.DefaultPrivileges[i].Grantee)
	}
	for i := range s.SystemPrivileges {
		ref(&s.SystemPrivileges[i].Grantee)
	}
	if who.Kind != model.KindGroup {
		v.reown(who.Name, to)
	}
}

// reown moves ownership from one name to another.
func (v *view) reown(from, to string) {
	s := v.snap
	for i := range s.Databases {
		if s.Databases[i].Owner == from {
			s.Databases[i].Owner = to
		}
	}
	for i := range s.Schemas {
		if s.Schemas[i].Owner == from {
			s.Schemas[i].Owner = to
		}
	}
	for i := range s.Relations {
		if s.Relations[i].Owner == from {
			s.Relations[i].Owner = to
		}
	}
	for i := range s.Routines {
		if s.Routines[i].Owner == from {
			s.Routines[i].Owner = to
		}
	}
}

// drop removes who and everything that names it; what it owned moves to
// successor.
func (v *view) drop(who model.PrincipalRef, successor string) {
	s := v.ownGrants()
	switch who.Kind {
	case model.KindUser:
		s.Users = slices.DeleteFunc(s.Users, func(u model.User) bool { return u.Name == who.Name })
		for i := range s.Roles {
			if s.Roles[i].Owner == who.Name {
				s.Roles[i].Owner = successor
			}
		}
	case model.KindRole:
		s.Roles = slices.DeleteFunc(s.Roles, func(r model.Role) bool { return r.Name == who.Name })
	case model.KindGroup:
		s.Groups = slices.DeleteFunc(s.Groups, func(g model.Group) bool { return g.Name == who.Name })
	}
	if successor != "" {
		v.reown(who.Name, successor)
	}
	s.Memberships = slices.DeleteFunc(s.Memberships, func(m model.Membership) bool { return m.Member == who || m.Of == who })
	s.Grants.DeleteFunc(func(g model.Grant) bool { return g.Grantee == who })
	s.DefaultPrivileges = slices.DeleteFunc(s.DefaultPrivileges, func(d model.DefaultPrivilege) bool { return d.Grantee == who || d.Creator == who })
	s.SystemPrivileges = slices.DeleteFunc(s.SystemPrivileges, func(x model.SystemPrivilege) bool { return x.Grantee == who })
}
