package access

import (
	"slices"
	"sort"

	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/vocab"
)

// PostgreSQL grants some access outside the ACLs and the membership catalog.
// This file models it, on PostgreSQL only (Redshift has none of these roles):
//
//   - the owner of the current database is implicitly a member of
//     pg_database_owner (PostgreSQL 14+), which owns schema public from 15 on;
//   - pg_read_all_data, pg_write_all_data and pg_maintain (17+) hold
//     privileges on every schema and relation without any ACL entry;
//   - a membership that does not pass privileges on (a NOINHERIT member, or a
//     PostgreSQL 16+ grant WITH INHERIT FALSE) still lets the member SET ROLE
//     to the role (unless the grant has SET FALSE, 16+), and then holds what
//     that role holds.

// Predefined role names with implicit privileges.
const (
	RoleDatabaseOwner = "pg_database_owner"
	RoleReadAllData   = "pg_read_all_data"
	RoleWriteAllData  = "pg_write_all_data"
	RoleMaintain      = "pg_maintain"
)

// Path texts of the implicit steps.
const (
	NoteDatabaseOwner = "owner of the database, hence " + RoleDatabaseOwner
	notePredefined    = "member of "
)

// databaseOwnerMembership is the owner's implicit membership in
// pg_database_owner. PostgreSQL 16+ always inherits it; before, it followed
// the owner's INHERIT attribute like any membership. SET ROLE is always allowed.
func (e *env) databaseOwnerMembership() (model.Membership, bool) {
	s := e.s
	if _, ok := e.lk.Role(RoleDatabaseOwner); s.Engine != "postgres" || !ok {
		return model.Membership{}, false
	}
	for _, d := range s.Databases {
		if d.Name != s.Database || d.Owner == "" {
			continue
		}
		owner, ok := e.principalNamed(d.Owner)
		if !ok {
			return model.Membership{}, false
		}
		m := model.Membership{Member: owner, Of: model.RoleRef(RoleDatabaseOwner)}
		if s.ServerVersion >= 160000 {
			yes := true
			m.InheritOption = &yes
		}
		return m, true
	}
	return model.Membership{}, false
}

// principalNamed finds a PostgreSQL role by name: a user when it can log in.
func (e *env) principalNamed(name string) (model.PrincipalRef, bool) {
	if _, ok := e.lk.User(name); ok {
		return model.UserRef(name), true
	}
	if _, ok := e.lk.Role(name); ok {
		return model.RoleRef(name), true
	}
	return model.PrincipalRef{}, false
}

// pathNote explains the implicit steps of a membership path. PostgreSQL
// refuses explicit members of pg_database_owner, so a path through it is
// always the database owner's implicit membership.
func pathNote(path Path) string {
	for _, p := range path {
		if p.Kind == model.KindRole && p.Name == RoleDatabaseOwner {
			return NoteDatabaseOwner
		}
	}
	return ""
}

// predefined lists the privileges a predefined role holds outside the ACLs
// (aclchk.c: pg_class_aclmask and pg_namespace_aclmask), as grants to that
// role. Nil for every other principal, and off PostgreSQL. A relation gets
// those of the role's privileges its vocabulary kind has (the sequence kind's
// UPDATE is what nextval/setval need; tables' INSERT, UPDATE, DELETE).
func (e *env) predefined(who model.PrincipalRef) []model.Grant {
	s := e.s
	if s.Engine != "postgres" || who.Kind != model.KindRole {
		return nil
	}
	schemaPrivs, relPrivs, _ := predefinedPrivileges(who.Name)
	if schemaPrivs == nil && relPrivs == nil {
		return nil
	}
	var out []model.Grant
	add := func(obj model.ObjectRef, privs []string) {
		for _, p := range privs {
			out = append(out, model.Grant{Object: obj, Grantee: who, Privilege: p})
		}
	}
	relations := s.Relations
	if e.limited {
		relations = e.lk.Relations(e.schema)
	}
	for _, sc := range s.Schemas {
		if !e.limited || sc.Name == e.schema {
			add(model.ObjectRef{Kind: model.ObjSchema, Schema: sc.Name}, schemaPrivs)
		}
	}
	voc := vocab.Of(s)
	for _, r := range relations {
		ref := voc.RelationRef(r)
		var privs []string
		if k := voc.Kind(ref.Kind); k != nil {
			names := k.PrivilegeNames()
			privs = slices.DeleteFunc(slices.Clone(relPrivs), func(p string) bool { return !slices.Contains(names, p) })
		}
		add(ref, privs)
	}
	return out
}

// predefinedPrivileges are the privileges a predefined role holds on every
// schema, relation and sequence; nil for other roles.
func predefinedPrivileges(role string) (schemaPrivs, relPrivs, seqPrivs []string) {
	switch role {
	case RoleReadAllData:
		return []string{model.PrivUsage}, []string{model.PrivSelect}, []string{model.PrivSelect}
	case RoleWriteAllData:
		// nextval/setval: the sequence's UPDATE
		return []string{model.PrivUsage}, []string{model.PrivInsert, model.PrivUpdate, model.PrivDelete}, []string{model.PrivUpdate}
	case RoleMaintain:
		return nil, []string{model.PrivMaintain}, nil // sequences have no MAINTAIN
	}
	return nil, nil, nil
}

// settable is a role p can SET ROLE to, with the membership path to it.
type settable struct {
	role model.PrincipalRef
	path Path
}

// settableRoles lists the roles p can SET ROLE to that its session does not
// already inherit (those add nothing), nearest first. PostgreSQL 16+ follows
// only memberships granted WITH SET TRUE; before, every membership allows it.
// Only a login user has a session (SET ROLE checks the session user's
// memberships), and a superuser needs none.
func (e *env) settableRoles(p model.PrincipalRef, reach map[model.PrincipalRef]Path) []settable {
	if e.s.Engine != "postgres" || p.Kind != model.KindUser || e.superuser(p) {
		return nil
	}
	paths := map[model.PrincipalRef]Path{p: {}}
	queue := []model.PrincipalRef{p}
	var out []settable
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, m := range e.parents(cur) {
			if _, seen := paths[m.Of]; seen || (m.SetOption != nil && !*m.SetOption) {
				continue
			}
			paths[m.Of] = append(append(Path{}, paths[cur]...), m.Of)
			queue = append(queue, m.Of)
			if _, inherited := reach[m.Of]; !inherited {
				out = append(out, settable{m.Of, paths[m.Of]})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i].path) != len(out[j].path) {
			return len(out[i].path) < len(out[j].path)
		}
		return model.ComparePrincipals(out[i].role, out[j].role) < 0
	})
	return out
}

// addSetRole adds what p holds after SET ROLE to one of its settable roles:
// the grants of every principal reached from that role and not from p's own
// session. Each such principal is attributed to the nearest role to set.
// It returns the nearest settable superuser role, "" when none.
func (e *env) addSetRole(p model.PrincipalRef, reach map[model.PrincipalRef]Path, b *builder) string {
	super := ""
	covered := map[model.PrincipalRef]bool{}
	for _, st := range e.settableRoles(p, reach) {
		if super == "" && e.superuser(st.role) {
			super = st.role.Name
		}
		for who, sub := range e.reach(st.role) {
			if _, held := reach[who]; held || covered[who] {
				continue
			}
			covered[who] = true
			path := append(append(Path{}, st.path...), sub...)
			note := pathNote(path)
			for _, g := range e.grants(who) {
				b.add(g, path, st.role.Name, note)
			}
			for _, g := range e.predefined(who) {
				b.add(g, path, st.role.Name, joinNotes(note, notePredefined+who.Name))
			}
		}
	}
	return super
}

func joinNotes(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}
