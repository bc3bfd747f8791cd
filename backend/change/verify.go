package change

import (
	"fmt"
	"strings"

	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/vocab"
)

// Effect says whether a change's intended effect is visible in a snapshot
// read after the apply. Checked is false for effects the catalog cannot show
// (passwords, expiry as the server prints it, bulk targets whose object set
// the server decides); Missing lists, in words, what the change should have
// done and the snapshot does not show.
type Effect struct {
	Checked bool
	Missing []string
}

// Met is true when the effect was checked and nothing is missing.
func (e Effect) Met() bool { return e.Checked && len(e.Missing) == 0 }

// CheckEffect compares one change with the catalog read after the apply.
func CheckEffect(c Change, snap *model.Snapshot) Effect {
	v := &verifier{snap: snap}
	switch c.Kind {
	case CreateUser:
		if u := c.User; u != nil {
			v.userAttrs(u.Name, u)
			for _, g := range u.InGroups {
				v.memberAny(u.Name, g, true)
			}
		}
	case AlterUser:
		if u := c.User; u != nil {
			v.userAttrs(v.renamed(model.UserRef(u.Name), u.RenameTo).Name, u)
		}
	case DropUser:
		if c.User != nil {
			v.principal(model.UserRef(c.User.Name), false)
		}
	case CreateRole:
		if c.Role != nil {
			v.principal(model.RoleRef(c.Role.Name), true)
		}
	case AlterRole:
		if r := c.Role; r != nil {
			v.principal(v.renamed(model.RoleRef(r.Name), r.RenameTo), true)
		}
	case DropRole:
		if c.Role != nil {
			v.principal(model.RoleRef(c.Role.Name), false)
		}
	case CreateGroup:
		if g := c.Group; g != nil {
			v.principal(model.GroupRef(g.Name), true)
			for _, u := range g.Users {
				v.memberAny(u, g.Name, true)
			}
		}
	case AlterGroup:
		if g := c.Group; g != nil {
			name := v.renamed(model.GroupRef(g.Name), g.RenameTo).Name
			v.principal(model.GroupRef(name), true)
			for _, u := range g.AddUsers {
				v.memberAny(u, name, true)
			}
			for _, u := range g.DropUsers {
				v.memberAny(u, name, false)
			}
		}
	case DropGroup:
		if c.Group != nil {
			v.principal(model.GroupRef(c.Group.Name), false)
		}
	case GrantRole, RevokeRole:
		if m := c.Member; m != nil {
			v.membership(m, c.Kind == GrantRole)
		}
	case GrantPrivileges, RevokePrivileges:
		if p := c.Privilege; p != nil {
			v.privileges(p, c.Kind == GrantPrivileges)
		}
	case GrantDefaultPrivileges, RevokeDefaultPrivileges:
		if d := c.Default; d != nil {
			v.defaults(d, c.Kind == GrantDefaultPrivileges)
		}
	case GrantSystemPrivileges, RevokeSystemPrivileges:
		if s := c.System; s != nil {
			v.system(s, c.Kind == GrantSystemPrivileges)
		}
	case GrantAssumeRole, RevokeAssumeRole:
		if a := c.AssumeRole; a != nil {
			v.assumeRole(a, c.Kind == GrantAssumeRole)
		}
	case GrantDatashareUsage, RevokeDatashareUsage:
		if d := c.DatashareUsage; d != nil {
			v.datashareUsage(d, c.Kind == GrantDatashareUsage)
		}
	}
	return Effect{Checked: v.checked, Missing: v.missing}
}

type verifier struct {
	snap    *model.Snapshot
	checked bool
	missing []string
}

func (v *verifier) expect(ok bool, format string, args ...any) {
	v.checked = true
	if !ok {
		v.missing = append(v.missing, fmt.Sprintf(format, args...))
	}
}

func presence(want bool) string {
	if want {
		return "present"
	}
	return "gone"
}

func (v *verifier) findUser(name string) (model.User, bool) {
	for _, u := range v.snap.Users {
		if u.Name == name {
			return u, true
		}
	}
	return model.User{}, false
}

func (v *verifier) exists(p model.PrincipalRef) bool {
	switch p.Kind {
	case model.KindUser:
		_, ok := v.findUser(p.Name)
		return ok
	case model.KindRole:
		for _, r := range v.snap.Roles {
			if r.Name == p.Name {
				return true
			}
		}
	case model.KindGroup:
		for _, g := range v.snap.Groups {
			if g.Name == p.Name {
				return true
			}
		}
	}
	return false
}

// renamed expects the old name gone when the change renames p, and returns
// the principal under its name after the change.
func (v *verifier) renamed(p model.PrincipalRef, to string) model.PrincipalRef {
	if to == "" {
		return p
	}
	v.principal(p, false)
	return model.PrincipalRef{Kind: p.Kind, Name: to}
}

func (v *verifier) principal(p model.PrincipalRef, want bool) {
	v.expect(v.exists(p) == want, "%s %q %s", p.Kind, p.Name, presence(want))
}

// userAttrs checks that the user exists and carries every attribute the spec sets.
func (v *verifier) userAttrs(name string, s *UserSpec) {
	u, ok := v.findUser(name)
	v.expect(ok, "user %q present", name)
	if !ok {
		return
	}
	flag := func(want *bool, got bool, what string) {
		if want != nil {
			v.expect(got == *want, "user %q %s = %v (catalog says %v)", name, what, *want, got)
		}
	}
	flag(s.Superuser, u.Superuser, "superuser")
	flag(s.CreateDB, u.CreateDB, "createdb")
	flag(s.CreateRole, u.CreateRole, "createrole")
	if s.PasswordDisabled != nil && *s.PasswordDisabled && v.snap.Engine == "redshift" {
		// Only Redshift's reader sees it (pg_roles hides rolpassword); and only
		// "disabled" is visible: a set password shows no flag.
		v.expect(u.PasswordDisabled, "user %q password disabled", name)
	}
	if s.ConnectionLimit != nil {
		v.expect(u.ConnectionLimit == *s.ConnectionLimit, "user %q connection limit %d (catalog says %d)", name, *s.ConnectionLimit, u.ConnectionLimit)
	}
	if s.SessionTimeout != nil {
		v.expect(u.SessionTimeout == *s.SessionTimeout, "user %q session timeout %d (catalog says %d)", name, *s.SessionTimeout, u.SessionTimeout)
	}
	if s.SyslogAccess != nil && *s.SyslogAccess != "" {
		v.expect(strings.EqualFold(u.SyslogAccess, *s.SyslogAccess), "user %q syslog access %s (catalog says %s)", name, *s.SyslogAccess, u.SyslogAccess)
	}
	if s.ExternalID != nil && *s.ExternalID != "" {
		v.expect(u.ExternalID == *s.ExternalID, "user %q external id %s (catalog says %q)", name, *s.ExternalID, u.ExternalID)
	}
	// Session defaults: the catalog prints "name=value" with list values
	// requoted, so only the parameter's presence is compared.
	has := func(param string) bool {
		for _, c := range u.Config {
			if n, _, _ := strings.Cut(c, "="); strings.EqualFold(n, strings.TrimSpace(param)) {
				return true
			}
		}
		return false
	}
	for _, p := range s.SetParameters {
		v.expect(has(p.Name), "user %q session default %s set", name, p.Name)
	}
	for _, p := range s.ResetParameters {
		v.expect(!has(p), "user %q session default %s removed", name, p)
	}
}

func (v *verifier) findMembership(member, of string) (model.Membership, bool) {
	for _, m := range v.snap.Memberships {
		if m.Member.Name == member && m.Of.Name == of {
			return m, true
		}
	}
	return model.Membership{}, false
}

func (v *verifier) memberAny(member, of string, want bool) {
	_, ok := v.findMembership(member, of)
	v.expect(ok == want, "%q member of %q %s", member, of, presence(want))
}

func (v *verifier) membership(m *MemberSpec, grant bool) {
	got, ok := v.findMembership(m.Member.Name, m.Role)
	switch {
	case grant:
		v.expect(ok, "%q member of %q present", m.Member.Name, m.Role)
		if ok && m.AdminOption {
			v.expect(got.AdminOption, "%q holds %q with admin option", m.Member.Name, m.Role)
		}
	case m.AdminOption: // revokes only the admin option
		v.expect(!ok || !got.AdminOption, "admin option of %q on %q gone", m.Member.Name, m.Role)
	default:
		v.expect(!ok, "%q member of %q gone", m.Member.Name, m.Role)
	}
}

// privName maps a GRANT keyword to the catalog's spelling.
func privName(p string) string {
	p = strings.ToUpper(strings.TrimSpace(p))
	if p == "TEMPORARY" {
		return model.PrivTemp
	}
	return p
}

func samePrincipal(a, b model.PrincipalRef) bool {
	if a.Kind == model.KindPublic || b.Kind == model.KindPublic {
		return a.Kind == b.Kind
	}
	return a.Name == b.Name && (a.Kind == b.Kind || a.Kind == "" || b.Kind == "" ||
		// PostgreSQL users and roles are one namespace; the catalog may call either.
		(a.Kind != model.KindGroup && b.Kind != model.KindGroup))
}

// sameObject compares object references. A routine named with argument
// types only ("integer, integer") matches the catalog's spelling with
// argument names ("a integer, b integer") when the name is not overloaded.
func (v *verifier) sameObject(a, b model.ObjectRef) bool {
	if a == b {
		return true
	}
	if ki := vocab.Of(v.snap).Kind(a.Kind); ki == nil || !ki.Routine || a.Kind != b.Kind || a.Schema != b.Schema || a.Name != b.Name {
		return false
	}
	n := 0
	for _, r := range v.snap.Routines {
		if r.Schema == a.Schema && r.Name == a.Name {
			n++
		}
	}
	return n == 1
}

// grantsOn returns the explicit, unscoped grants to grantee on obj.
func (v *verifier) grantsOn(obj model.ObjectRef, grantee model.PrincipalRef) []model.Grant {
	var out []model.Grant
	for _, g := range v.snap.Grants.All() {
		if g.Scope == "" && !g.Default && v.sameObject(g.Object, obj) && samePrincipal(g.Grantee, grantee) {
			out = append(out, g)
		}
	}
	return out
}

func (v *verifier) privileges(p *PrivilegeSpec, grant bool) {
	var objs []model.ObjectRef
	switch p.Target {
	case TargetObjects:
		for _, o := range p.Objects {
			if len(p.Columns) == 0 {
				objs = append(objs, o)
				continue
			}
			for _, col := range p.Columns {
				co := o
				co.Kind, co.Column = model.ObjColumn, col
				objs = append(objs, co)
			}
		}
	case TargetScopedInSchema, TargetScopedInDatabase:
		v.scoped(p, grant)
		return
	default:
		// ALL … IN SCHEMA: the server picks the objects; not checked here.
		return
	}
	for _, o := range objs {
		gs := v.grantsOn(o, p.Grantee)
		for _, want := range p.Privileges {
			w := privName(want)
			if w == "ALL" || w == "ALL PRIVILEGES" {
				if grant {
					v.expect(len(gs) > 0, "privileges of %s on %s present", who(p.Grantee), what(o))
				} else {
					v.expect(len(gs) == 0, "every privilege of %s on %s gone", who(p.Grantee), what(o))
				}
				continue
			}
			var held, withOpt bool
			for _, g := range gs {
				if g.Privilege == w {
					held, withOpt = true, g.GrantOption
				}
			}
			switch {
			case grant:
				v.expect(held && (!p.GrantOption || withOpt), "%s on %s to %s present%s", w, what(o), who(p.Grantee), optText(p.GrantOption))
			case p.GrantOption: // GRANT OPTION FOR: only the option goes
				v.expect(!withOpt, "grant option of %s on %s for %s gone", w, what(o), who(p.Grantee))
			default:
				v.expect(!held, "%s on %s to %s gone", w, what(o), who(p.Grantee))
			}
		}
	}
}

func (v *verifier) scoped(p *PrivilegeSpec, grant bool) {
	scope, kind := scopeKeyword(v.snap, p.Kind), model.ObjSchema
	if p.Target == TargetScopedInDatabase {
		kind = model.ObjDatabase
	}
	var objs []model.ObjectRef
	if kind == model.ObjDatabase {
		objs = []model.ObjectRef{{Kind: kind, Name: p.Database}}
	} else {
		for _, s := range p.Schemas {
			objs = append(objs, model.ObjectRef{Kind: kind, Schema: s})
		}
	}
	for _, o := range objs {
		for _, want := range p.Privileges {
			w := privName(want)
			held := false
			for _, g := range v.snap.Grants.All() {
				if g.Scope == scope && g.Object.Kind == o.Kind && g.Object.Schema == o.Schema && (kind != model.ObjDatabase || g.Object.Name == o.Name) &&
					samePrincipal(g.Grantee, p.Grantee) && (g.Privilege == w || w == "ALL" || w == "ALL PRIVILEGES") {
					held = true
				}
			}
			v.expect(held == grant, "%s FOR %s on %s to %s %s", w, scope, what(o), who(p.Grantee), presence(grant))
		}
	}
}

func (v *verifier) defaults(d *DefaultSpec, grant bool) {
	for _, want := range d.Privileges {
		w := privName(want)
		held, withOpt := false, false
		for _, dp := range v.snap.DefaultPrivileges {
			if dp.Implied || dp.Schema != d.Schema || dp.ObjectType != d.ObjectType || !samePrincipal(dp.Grantee, d.Grantee) {
				continue
			}
			if d.Creator.Name != "" && dp.Creator.Name != d.Creator.Name {
				continue
			}
			if dp.Privilege == w || w == "ALL" || w == "ALL PRIVILEGES" {
				held, withOpt = true, withOpt || dp.GrantOption
			}
		}
		switch {
		case grant:
			v.expect(held && (!d.GrantOption || withOpt), "default %s on new %s to %s present%s", w, d.ObjectType, who(d.Grantee), optText(d.GrantOption))
		case d.GrantOption:
			v.expect(!withOpt, "grant option of default %s on new %s for %s gone", w, d.ObjectType, who(d.Grantee))
		default:
			v.expect(!held, "default %s on new %s to %s gone", w, d.ObjectType, who(d.Grantee))
		}
	}
}

func (v *verifier) system(s *SystemSpec, grant bool) {
	for _, want := range s.Privileges {
		held := false
		for _, sp := range v.snap.SystemPrivileges {
			if strings.EqualFold(sp.Privilege, want) && sp.Grantee.Name == s.Role {
				held = true
			}
		}
		v.expect(held == grant, "system permission %s of role %q %s", want, s.Role, presence(grant))
	}
}

func who(p model.PrincipalRef) string {
	if p.Kind == model.KindPublic {
		return "PUBLIC"
	}
	return fmt.Sprintf("%s %q", p.Kind, p.Name)
}

func what(o model.ObjectRef) string {
	name := o.Name
	if o.Schema != "" {
		if name == "" {
			name = o.Schema
		} else {
			name = o.Schema + "." + name
		}
	}
	if o.Column != "" {
		name += "." + o.Column
	}
	if o.Args != "" {
		name += "(" + o.Args + ")"
	}
	return string(o.Kind) + " " + name
}

func optText(opt bool) string {
	if opt {
		return " with grant option"
	}
	return ""
}

// principalsNamed are the principal names a change's check looks up.
func principalsNamed(c Change) []string {
	var out []string
	switch {
	case c.User != nil:
		out = append(out, c.User.Name, c.User.RenameTo)
	case c.Role != nil:
		out = append(out, c.Role.Name, c.Role.RenameTo)
	case c.Group != nil:
		out = append(out, c.Group.Name, c.Group.RenameTo)
		out = append(out, c.Group.Users...)
		out = append(out, c.Group.AddUsers...)
	case c.Member != nil:
		out = append(out, c.Member.Role, c.Member.Member.Name)
	case c.Privilege != nil:
		out = append(out, c.Privilege.Grantee.Name)
	case c.Default != nil:
		out = append(out, c.Default.Grantee.Name, c.Default.Creator.Name)
	case c.System != nil:
		out = append(out, c.System.Role)
	}
	return out
}

// goneName is the name a change renames away or drops, or "".
func goneName(c Change) string {
	switch c.Kind {
	case AlterUser:
		if c.User != nil && c.User.RenameTo != "" {
			return c.User.Name
		}
	case AlterRole:
		if c.Role != nil && c.Role.RenameTo != "" {
			return c.Role.Name
		}
	case AlterGroup:
		if c.Group != nil && c.Group.RenameTo != "" {
			return c.Group.Name
		}
	case DropUser:
		if c.User != nil {
			return c.User.Name
		}
	case DropRole:
		if c.Role != nil {
			return c.Role.Name
		}
	case DropGroup:
		if c.Group != nil {
			return c.Group.Name
		}
	}
	return ""
}

// Superseded reports, per change of a plan, whether a later change of the
// same plan renames or drops a principal it names: its own effect cannot be
// seen in the catalog afterwards (create then rename, grant then drop).
func Superseded(changes []Change) []bool {
	out := make([]bool, len(changes))
	gone := map[string]bool{}
	for i := len(changes) - 1; i >= 0; i-- {
		for _, n := range principalsNamed(changes[i]) {
			if n != "" && gone[n] {
				out[i] = true
			}
		}
		if n := goneName(changes[i]); n != "" {
			gone[n] = true
		}
	}
	return out
}
