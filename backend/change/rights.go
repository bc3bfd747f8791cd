package change

import (
	"fmt"
	"strings"

	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/vocab"
)

// rights is what the connected user may do, as far as the snapshot shows:
// superuser, PostgreSQL's CREATEROLE, the roles it holds (directly or
// nested), Redshift system permissions through those roles, ownership and
// grant options.
type rights struct {
	redshift bool
	me       *model.User
	roles    map[string]bool // roles me holds, transitively
	admin    map[string]bool // roles me holds WITH ADMIN OPTION
	system   map[string]bool // Redshift system permissions through roles
	snap     *model.Snapshot
	voc      *vocab.Vocabulary
	owner    map[model.ObjectRef]string
}

func newRights(snap *model.Snapshot, who CurrentUser) *rights {
	if snap == nil || who.Name == "" {
		return nil
	}
	r := &rights{redshift: snap.Engine == "redshift", roles: map[string]bool{}, admin: map[string]bool{}, system: map[string]bool{}, snap: snap, voc: vocab.Of(snap)}
	for i := range snap.Users {
		if snap.Users[i].Name == who.Name {
			r.me = &snap.Users[i]
		}
	}
	if r.me == nil || r.me.Superuser {
		return nil // unknown, or allowed everything
	}
	me := model.UserRef(who.Name)
	for changed := true; changed; {
		changed = false
		for _, m := range snap.Memberships {
			if m.Of.Kind != model.KindRole || r.roles[m.Of.Name] {
				continue
			}
			if m.Member == me || (m.Member.Kind == model.KindRole && r.roles[m.Member.Name]) {
				r.roles[m.Of.Name], changed = true, true
				if m.Member == me && m.AdminOption {
					r.admin[m.Of.Name] = true
				}
			}
		}
	}
	for _, sp := range snap.SystemPrivileges {
		if sp.Grantee.Kind == model.KindRole && r.roles[sp.Grantee.Name] {
			r.system[sp.Privilege] = true
		}
	}
	r.owner = map[model.ObjectRef]string{}
	for _, s := range snap.Schemas {
		r.owner[model.ObjectRef{Kind: model.ObjSchema, Schema: s.Name}] = s.Owner
	}
	for _, x := range snap.Relations {
		r.owner[r.voc.RelationRef(x)] = x.Owner
	}
	for _, x := range snap.Routines {
		r.owner[model.ObjectRef{Kind: x.Kind, Schema: x.Schema, Name: x.Name, Args: x.Args}] = x.Owner
	}
	for _, d := range snap.Databases {
		r.owner[model.ObjectRef{Kind: model.ObjDatabase, Name: d.Name}] = d.Owner
	}
	return r
}

// may says whether me holds a Redshift system permission, or PostgreSQL's
// CREATEROLE for the user and role permissions.
func (r *rights) may(perm string) bool {
	if r.redshift {
		return r.system[perm]
	}
	return r.me.CreateRole
}

// owns: me owns the object (on PostgreSQL, also through a role it holds).
func (r *rights) owns(o model.ObjectRef) bool {
	owner, ok := r.owner[o]
	if !ok {
		return true // not in the snapshot: nothing to say
	}
	return owner == r.me.Name || (!r.redshift && r.roles[owner])
}

// grantable: me holds privilege on o with the grant option.
func (r *rights) grantable(o model.ObjectRef, privilege string) bool {
	for _, g := range r.snap.Grants.All() {
		if g.Object == o && g.GrantOption && (privilege == "ALL" || g.Privilege == privilege) &&
			(g.Grantee == model.UserRef(r.me.Name) || (g.Grantee.Kind == model.KindRole && r.roles[g.Grantee.Name])) {
			return true
		}
	}
	return false
}

// RightsWarnings lists, per change, what the connected user is unlikely to be
// allowed to do, so a non-superuser sees it in the preview rather than as a
// failed apply. Nothing is refused: the snapshot may not show every right.
func RightsWarnings(changes []Change, snap *model.Snapshot, who CurrentUser) []string {
	r := newRights(snap, who)
	if r == nil {
		return nil
	}
	var out []string
	warn := func(i int, c Change, format string, args ...any) {
		out = append(out, fmt.Sprintf("change %d (%s): ", i+1, describeKind(c.Kind))+fmt.Sprintf(format, args...))
	}
	notSuper := "you are not a superuser"
	perm := func(i int, c Change, p string) {
		if !r.may(p) {
			if r.redshift {
				warn(i, c, "%s and no role of yours has the %s permission, so the server will likely refuse it", notSuper, p)
			} else {
				warn(i, c, "%s and have no CREATEROLE, so the server will likely refuse it", notSuper)
			}
		}
	}
	for i, c := range changes {
		switch c.Kind {
		case CreateUser, AlterUser, DropUser:
			u := c.User
			if u == nil {
				continue
			}
			if u.Superuser != nil {
				warn(i, c, "%s: only a superuser can grant or remove superuser status", notSuper)
			}
			own := c.Kind == AlterUser && u.Name == who.Name && u.RenameTo == "" && u.Superuser == nil && u.CreateDB == nil &&
				u.ConnectionLimit == nil && u.SessionTimeout == nil && u.SyslogAccess == nil
			if !own {
				perm(i, c, map[Kind]string{CreateUser: "CREATE USER", AlterUser: "ALTER USER", DropUser: "DROP USER"}[c.Kind])
			}
		case CreateRole:
			perm(i, c, "CREATE ROLE")
		case DropRole:
			perm(i, c, "DROP ROLE")
		case AlterRole:
			if c.Role != nil && !r.ownsRole(c.Role.Name) {
				perm(i, c, "CREATE ROLE")
			}
		case GrantRole, RevokeRole:
			if m := c.Member; m != nil && !r.admin[m.Role] && !r.ownsRole(m.Role) && !r.may("CREATE ROLE") {
				warn(i, c, "%s, hold no admin option on role %s and may not manage roles, so the server will likely refuse it", notSuper, m.Role)
			}
		case CreateGroup, AlterGroup, DropGroup:
			warn(i, c, "%s: Redshift lets only superusers create, change or drop groups", notSuper)
		case GrantPrivileges, RevokePrivileges:
			if p := c.Privilege; p != nil {
				if s := r.privilegeProblem(p); s != "" {
					warn(i, c, "%s and %s, so the server will likely refuse it or change nothing", notSuper, s)
				}
			}
		case GrantDefaultPrivileges, RevokeDefaultPrivileges:
			if d := c.Default; d != nil && d.Creator.Name != "" && d.Creator.Name != who.Name &&
				!(d.Creator.Kind == model.KindRole && r.roles[d.Creator.Name]) && !(r.redshift && r.system["ALTER DEFAULT PRIVILEGES"]) {
				warn(i, c, "%s: default privileges for objects %s creates need you to be %s", notSuper, d.Creator.Name, map[bool]string{true: "a superuser or hold ALTER DEFAULT PRIVILEGES", false: "a member of that role"}[r.redshift])
			}
		case GrantSystemPrivileges, RevokeSystemPrivileges:
			if s := c.System; s != nil {
				var missing []string
				for _, p := range s.Privileges {
					if !r.system[strings.ToUpper(p)] {
						missing = append(missing, p)
					}
				}
				if len(missing) > 0 {
					warn(i, c, "%s and do not hold %s yourself, so the server will likely refuse it", notSuper, strings.Join(missing, ", "))
				}
			}
		}
	}
	return out
}

func (r *rights) ownsRole(name string) bool {
	for _, x := range r.snap.Roles {
		if x.Name == name {
			return x.Owner == r.me.Name
		}
	}
	return false
}

// privilegeProblem words why me may not grant or revoke p, or "".
func (r *rights) privilegeProblem(p *PrivilegeSpec) string {
	var objs []model.ObjectRef
	switch p.Target {
	case TargetObjects:
		for _, o := range p.Objects {
			if o.Kind == model.ObjColumn {
				o = r.relationOf(o)
			}
			objs = append(objs, o)
		}
	case TargetAllInSchema:
		objs = r.voc.InSchemas(r.snap, p.Kind, p.Schemas)
	default:
		return "scoped permissions need a superuser or the grant option on them"
	}
	var not []string
	for _, o := range objs {
		if r.owns(o) {
			continue
		}
		ok := true
		for _, priv := range p.Privileges {
			if !r.grantable(o, strings.ToUpper(priv)) {
				ok = false
			}
		}
		if !ok {
			not = append(not, r.voc.Words(o))
		}
	}
	if len(not) == 0 {
		return ""
	}
	if len(not) > 3 {
		return fmt.Sprintf("you neither own nor hold the grant option on %s and %d more objects", strings.Join(not[:3], ", "), len(not)-3)
	}
	return "you neither own nor hold the grant option on " + strings.Join(not, ", ")
}

// relationOf is the relation a column belongs to, as it is granted.
func (r *rights) relationOf(col model.ObjectRef) model.ObjectRef {
	for _, x := range r.snap.Relations {
		if x.Schema == col.Schema && x.Name == col.Name {
			return r.voc.RelationRef(x)
		}
	}
	return model.ObjectRef{Kind: model.ObjTable, Schema: col.Schema, Name: col.Name}
}
