package change

import (
	"slices"
	"strings"

	"github.com/redshiftmate/rsmate/backend/model"
)

// Revert is how to undo one change of an applied plan: the changes that
// restore what it altered, or (Reason set) why it cannot be undone. It is
// computed when the plan is applied, from the catalog it was previewed on,
// and kept in the audit log, so a revert never depends on what the catalog
// holds later. It never holds a password.
type Revert struct {
	Changes []Change `json:"changes"`
	// Reason says why there is no inverse ("" when Changes undo the change;
	// Changes may then be empty: the change altered nothing).
	Reason string `json:"reason,omitempty"`
}

// Reverts computes the inverse of each change of a set, in the set's order,
// against the state before the set (each change sees the earlier ones'
// effects). Undoing the whole set runs the reverts last to first.
func Reverts(changes []Change, before *model.Snapshot) []Revert {
	st := newHeldState(changes, before)
	out := make([]Revert, len(changes))
	for i, c := range changes {
		out[i] = st.inverse(c)
		st.apply(c)
	}
	return out
}

// grantKey is one explicit privilege of one grantee.
type grantKey struct {
	grantee model.PrincipalRef
	obj     model.ObjectRef
	priv    string
	scope   string
}

type defaultKey struct {
	creator model.PrincipalRef
	schema  string
	typ     model.DefaultObjectType
	grantee model.PrincipalRef
	priv    string
}

type memberKey struct{ member, of model.PrincipalRef }

// heldState is what the changes' principals hold, tracked through the set:
// only the grantees the set names are indexed, so a large catalog costs one
// pass.
type heldState struct {
	snap     *model.Snapshot
	grants   map[grantKey]bool // value: WITH GRANT OPTION
	defaults map[defaultKey]bool
	members  map[memberKey]bool // value: ADMIN OPTION
	system   map[string]map[string]bool
	users    map[string]model.User
	roles    map[string]model.Role
}

func newHeldState(changes []Change, snap *model.Snapshot) *heldState {
	st := &heldState{snap: snap, grants: map[grantKey]bool{}, defaults: map[defaultKey]bool{},
		members: map[memberKey]bool{}, system: map[string]map[string]bool{}, users: map[string]model.User{}, roles: map[string]model.Role{}}
	touched := map[model.PrincipalRef]bool{}
	for _, c := range changes {
		if c.Privilege != nil {
			touched[c.Privilege.Grantee] = true
		}
	}
	for _, g := range snap.Grants.All() {
		if touched[g.Grantee] && !g.Implied {
			st.grants[grantKey{g.Grantee, g.Object, g.Privilege, g.Scope}] = g.GrantOption
		}
	}
	for _, d := range snap.DefaultPrivileges {
		st.defaults[defaultKey{d.Creator, d.Schema, d.ObjectType, d.Grantee, d.Privilege}] = d.GrantOption
	}
	for _, m := range snap.Memberships {
		st.members[memberKey{m.Member, m.Of}] = m.AdminOption
	}
	for _, p := range snap.SystemPrivileges {
		if st.system[p.Grantee.Name] == nil {
			st.system[p.Grantee.Name] = map[string]bool{}
		}
		st.system[p.Grantee.Name][p.Privilege] = true
	}
	for _, u := range snap.Users {
		st.users[u.Name] = u
	}
	for _, r := range snap.Roles {
		st.roles[r.Name] = r
	}
	return st
}

func noInverse(reason string) Revert { return Revert{Reason: reason} }

func (st *heldState) inverse(c Change) Revert {
	switch c.Kind {
	case CreateUser:
		return Revert{Changes: []Change{{Kind: DropUser, User: &UserSpec{Name: c.User.Name}}}}
	case CreateRole:
		return Revert{Changes: []Change{{Kind: DropRole, Role: &RoleSpec{Name: c.Role.Name}}}}
	case CreateGroup:
		return Revert{Changes: []Change{{Kind: DropGroup, Group: &GroupSpec{Name: c.Group.Name}}}}
	case DropUser, DropRole, DropGroup:
		return noInverse("a drop cannot be undone: the principal, its attributes and its grants are gone. Recreate it by hand (an export of its grants, made before, replays them)")
	case AlterUser:
		return st.inverseAlterUser(c.User)
	case AlterRole:
		return st.inverseAlterRole(c.Role)
	case AlterGroup:
		return st.inverseAlterGroup(c.Group)
	case GrantRole, RevokeRole:
		return st.inverseMembership(c.Kind == GrantRole, c.Member)
	case GrantPrivileges, RevokePrivileges:
		return st.inversePrivileges(c.Kind == GrantPrivileges, c.Privilege)
	case GrantDefaultPrivileges, RevokeDefaultPrivileges:
		return st.inverseDefaults(c.Kind == GrantDefaultPrivileges, c.Default)
	case GrantSystemPrivileges, RevokeSystemPrivileges:
		return st.inverseSystem(c.Kind == GrantSystemPrivileges, c.System)
	}
	return noInverse("no inverse is known for this kind of change")
}

func (st *heldState) inverseAlterUser(u *UserSpec) Revert {
	if u.Password != nil {
		return noInverse("a password change cannot be undone: the old password is not known")
	}
	if u.RenameTo != "" {
		return noInverse("renaming a user clears its password, so renaming it back needs a new password: rename it by hand")
	}
	old, ok := st.users[u.Name]
	if !ok {
		return noInverse("the user was not in the catalog the change was made on")
	}
	if u.PasswordDisabled != nil && *u.PasswordDisabled && !old.PasswordDisabled {
		return noInverse("re-enabling a disabled password needs the password itself: set a new one by hand")
	}
	back := &UserSpec{Name: u.Name}
	changed := false
	setBool := func(now *bool, was bool, dst **bool) {
		if now != nil && *now != was {
			v := was
			*dst, changed = &v, true
		}
	}
	setBool(u.Superuser, old.Superuser, &back.Superuser)
	setBool(u.CreateDB, old.CreateDB, &back.CreateDB)
	setBool(u.CreateRole, old.CreateRole, &back.CreateRole)
	if u.PasswordDisabled != nil && !*u.PasswordDisabled && old.PasswordDisabled {
		v := true
		back.PasswordDisabled, changed = &v, true
	}
	if u.SyslogAccess != nil && !strings.EqualFold(*u.SyslogAccess, old.SyslogAccess) && old.SyslogAccess != "" {
		v := old.SyslogAccess
		back.SyslogAccess, changed = &v, true
	}
	if u.ConnectionLimit != nil && *u.ConnectionLimit != old.ConnectionLimit {
		v := old.ConnectionLimit
		back.ConnectionLimit, changed = &v, true
	}
	if u.SessionTimeout != nil && *u.SessionTimeout != old.SessionTimeout {
		v := old.SessionTimeout
		back.SessionTimeout, changed = &v, true
	}
	if u.ValidUntil != "" {
		back.ValidUntil, changed = old.ValidUntil, true
		if back.ValidUntil == "" {
			back.ValidUntil = "infinity"
		}
	}
	if !changed {
		return Revert{Changes: []Change{}}
	}
	return Revert{Changes: []Change{{Kind: AlterUser, User: back}}}
}

func (st *heldState) inverseAlterRole(r *RoleSpec) Revert {
	old, ok := st.roles[r.Name]
	if !ok {
		return noInverse("the role was not in the catalog the change was made on")
	}
	name := r.Name
	if r.RenameTo != "" {
		name = r.RenameTo
	}
	back := &RoleSpec{Name: name}
	if r.RenameTo != "" {
		back.RenameTo = r.Name
	}
	if r.Owner != "" && r.Owner != old.Owner && old.Owner != "" {
		back.Owner = old.Owner
	}
	if r.ExternalID != "" && r.ExternalID != old.ExternalID {
		if old.ExternalID == "" {
			return noInverse("the role had no external id, and an external id cannot be removed by ALTER ROLE")
		}
		back.ExternalID = old.ExternalID
	}
	if back.RenameTo == "" && back.Owner == "" && back.ExternalID == "" {
		return Revert{Changes: []Change{}}
	}
	return Revert{Changes: []Change{{Kind: AlterRole, Role: back}}}
}

func (st *heldState) inverseAlterGroup(g *GroupSpec) Revert {
	group := model.GroupRef(g.Name)
	back := &GroupSpec{Name: g.Name}
	if g.RenameTo != "" {
		back.Name, back.RenameTo = g.RenameTo, g.Name
	}
	for _, u := range g.AddUsers {
		if _, was := st.members[memberKey{model.UserRef(u), group}]; !was {
			back.DropUsers = append(back.DropUsers, u)
		}
	}
	for _, u := range g.DropUsers {
		if _, was := st.members[memberKey{model.UserRef(u), group}]; was {
			back.AddUsers = append(back.AddUsers, u)
		}
	}
	if back.RenameTo == "" && len(back.AddUsers) == 0 && len(back.DropUsers) == 0 {
		return Revert{Changes: []Change{}}
	}
	return Revert{Changes: []Change{{Kind: AlterGroup, Group: back}}}
}

func (st *heldState) inverseMembership(grant bool, m *MemberSpec) Revert {
	admin, was := st.members[memberKey{m.Member, model.RoleRef(m.Role)}]
	out := []Change{}
	switch {
	case grant && !was:
		out = append(out, Change{Kind: RevokeRole, Member: &MemberSpec{Role: m.Role, Member: m.Member}})
	case grant && m.AdminOption && !admin:
		out = append(out, Change{Kind: RevokeRole, Member: &MemberSpec{Role: m.Role, Member: m.Member, AdminOption: true}})
	case !grant && was && (!m.AdminOption || admin):
		out = append(out, Change{Kind: GrantRole, Member: &MemberSpec{Role: m.Role, Member: m.Member, AdminOption: admin}})
	}
	return Revert{Changes: out}
}

// inversePrivileges revokes what a grant added, or grants back what a revoke
// removed, object by object: privileges held before (or not held after) are
// left alone. Bulk targets ("all tables in schema") become the objects they
// covered in the catalog the change was made on.
func (st *heldState) inversePrivileges(grant bool, p *PrivilegeSpec) Revert {
	v := &view{snap: st.snap}
	rows := v.grantsOf(p)
	if slices.Contains(upperAll(p.Privileges), "ALL") {
		return noInverse("ALL PRIVILEGES covers whatever the object kind allows: revert it by choosing the privileges by hand")
	}
	type target struct {
		obj    model.ObjectRef
		scope  string
		option bool // the inverse works on the grant option only
		with   bool // the inverse grant carries WITH GRANT OPTION
	}
	privs := map[target][]string{}
	var order []target
	add := func(t target, priv string) {
		if privs[t] == nil {
			order = append(order, t)
		}
		privs[t] = append(privs[t], priv)
	}
	for _, g := range rows {
		option, held := st.grants[grantKey{p.Grantee, g.Object, g.Privilege, g.Scope}]
		switch {
		case grant && !held:
			add(target{obj: g.Object, scope: g.Scope}, g.Privilege)
		case grant && p.GrantOption && !option:
			add(target{obj: g.Object, scope: g.Scope, option: true}, g.Privilege)
		case !grant && held && !p.GrantOption:
			add(target{obj: g.Object, scope: g.Scope, with: option}, g.Privilege)
		case !grant && held && p.GrantOption && option:
			add(target{obj: g.Object, scope: g.Scope, with: true}, g.Privilege)
		}
	}
	kind := RevokePrivileges
	if !grant {
		kind = GrantPrivileges
	}
	out := []Change{}
	for _, t := range order {
		spec := &PrivilegeSpec{Privileges: privs[t], Grantee: p.Grantee, GrantOption: t.option || t.with}
		switch {
		case t.scope != "":
			spec.Target, spec.Schemas, spec.Database = p.Target, []string{}, p.Database
			if t.obj.Kind == model.ObjSchema {
				spec.Schemas = []string{t.obj.Schema}
			}
		case t.obj.Kind == model.ObjColumn:
			spec.Target = TargetObjects
			spec.Objects = []model.ObjectRef{{Kind: model.ObjTable, Schema: t.obj.Schema, Name: t.obj.Name}}
			spec.Columns = []string{t.obj.Column}
		default:
			spec.Target, spec.Objects = TargetObjects, []model.ObjectRef{t.obj}
		}
		out = append(out, Change{Kind: kind, Privilege: spec})
	}
	return Revert{Changes: out}
}

func (st *heldState) inverseDefaults(grant bool, d *DefaultSpec) Revert {
	var privs []string
	with := false
	for _, priv := range upperAll(d.Privileges) {
		if priv == "ALL" {
			return noInverse("ALL PRIVILEGES in default privileges: revert it by choosing the privileges by hand")
		}
		option, held := st.defaults[defaultKey{d.Creator, d.Schema, d.ObjectType, d.Grantee, priv}]
		if grant != held {
			privs = append(privs, priv)
			with = with || option
		}
	}
	if len(privs) == 0 {
		return Revert{Changes: []Change{}}
	}
	kind := RevokeDefaultPrivileges
	if !grant {
		kind = GrantDefaultPrivileges
	}
	return Revert{Changes: []Change{{Kind: kind, Default: &DefaultSpec{Creator: d.Creator, Schema: d.Schema, ObjectType: d.ObjectType,
		Privileges: privs, Grantee: d.Grantee, GrantOption: !grant && with}}}}
}

func (st *heldState) inverseSystem(grant bool, s *SystemSpec) Revert {
	var privs []string
	for _, priv := range upperAll(s.Privileges) {
		if grant != st.system[s.Role][priv] {
			privs = append(privs, priv)
		}
	}
	if len(privs) == 0 {
		return Revert{Changes: []Change{}}
	}
	kind := RevokeSystemPrivileges
	if !grant {
		kind = GrantSystemPrivileges
	}
	return Revert{Changes: []Change{{Kind: kind, System: &SystemSpec{Role: s.Role, Privileges: privs}}}}
}

// apply records c's effect on the tracked state, for the changes after it.
func (st *heldState) apply(c Change) {
	switch c.Kind {
	case GrantPrivileges, RevokePrivileges:
		v := &view{snap: st.snap}
		for _, g := range v.grantsOf(c.Privilege) {
			k := grantKey{g.Grantee, g.Object, g.Privilege, g.Scope}
			switch {
			case c.Kind == GrantPrivileges:
				st.grants[k] = st.grants[k] || g.GrantOption
			case c.Privilege.GrantOption:
				if _, held := st.grants[k]; held {
					st.grants[k] = false
				}
			default:
				delete(st.grants, k)
			}
		}
	case GrantRole:
		k := memberKey{c.Member.Member, model.RoleRef(c.Member.Role)}
		st.members[k] = st.members[k] || c.Member.AdminOption
	case RevokeRole:
		k := memberKey{c.Member.Member, model.RoleRef(c.Member.Role)}
		if c.Member.AdminOption {
			if _, ok := st.members[k]; ok {
				st.members[k] = false
			}
		} else {
			delete(st.members, k)
		}
	case AlterGroup:
		g := model.GroupRef(c.Group.Name)
		for _, u := range c.Group.AddUsers {
			st.members[memberKey{model.UserRef(u), g}] = false
		}
		for _, u := range c.Group.DropUsers {
			delete(st.members, memberKey{model.UserRef(u), g})
		}
	case GrantDefaultPrivileges, RevokeDefaultPrivileges:
		d := c.Default
		for _, priv := range upperAll(d.Privileges) {
			k := defaultKey{d.Creator, d.Schema, d.ObjectType, d.Grantee, priv}
			if c.Kind == GrantDefaultPrivileges {
				st.defaults[k] = st.defaults[k] || d.GrantOption
			} else {
				delete(st.defaults, k)
			}
		}
	case GrantSystemPrivileges, RevokeSystemPrivileges:
		if st.system[c.System.Role] == nil {
			st.system[c.System.Role] = map[string]bool{}
		}
		for _, priv := range upperAll(c.System.Privileges) {
			st.system[c.System.Role][priv] = c.Kind == GrantSystemPrivileges
		}
	case CreateUser:
		st.users[c.User.Name] = model.User{Name: c.User.Name}
	case CreateRole:
		st.roles[c.Role.Name] = model.Role{Name: c.Role.Name}
	}
}

// principalsOf names the principals a change is about, as "kind name"
// (PUBLIC as "public"), for the history's filter.
func principalsOf(c Change) []string {
	var out []string
	add := func(p model.PrincipalRef) {
		s := string(p.Kind)
		if p.Name != "" {
			s += " " + p.Name
		}
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	switch {
	case c.User != nil:
		add(model.UserRef(c.User.Name))
		if c.User.RenameTo != "" {
			add(model.UserRef(c.User.RenameTo))
		}
	case c.Role != nil:
		add(model.RoleRef(c.Role.Name))
		if c.Role.RenameTo != "" {
			add(model.RoleRef(c.Role.RenameTo))
		}
	case c.Group != nil:
		add(model.GroupRef(c.Group.Name))
		for _, u := range append(append([]string{}, c.Group.AddUsers...), c.Group.DropUsers...) {
			add(model.UserRef(u))
		}
	case c.Member != nil:
		add(c.Member.Member)
		add(model.RoleRef(c.Member.Role))
	case c.Privilege != nil:
		add(c.Privilege.Grantee)
	case c.Default != nil:
		add(c.Default.Grantee)
		if c.Default.Creator.Name != "" {
			add(c.Default.Creator)
		}
	case c.System != nil:
		add(model.RoleRef(c.System.Role))
	}
	return out
}
