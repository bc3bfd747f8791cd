// Package export writes what the loaded catalog knows as files an admin
// keeps or replays: grants as an ordered SQL script (rendered by the engine's
// own renderer from typed changes) or CSV, who can access an object as CSV,
// and an access-review report (CSV or HTML). Nothing here talks to a server.
package export

import (
	"encoding/csv"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/redshiftmate/rsmate/backend/catalog"
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/vocab"
)

// Scope says whose or which grants to export: one principal's, one schema's
// (the schema and everything in it), or, both empty, the whole database's.
type Scope struct {
	Principal *model.PrincipalRef `json:"principal,omitempty"`
	Schema    string              `json:"schema,omitempty"`
}

// Set is the explicit access of a scope: grants (owners' implied rights and
// built-in defaults left out, as they come with the objects), default
// privileges, and for a principal its memberships and system permissions.
type Set struct {
	Grants      []model.Grant
	Defaults    []model.DefaultPrivilege
	Memberships []model.Membership
	System      []model.SystemPrivilege
	// Revoked are PUBLIC's built-in rights (PostgreSQL's defaults on the
	// database, routines and trusted languages) that an object no longer
	// gives: a fresh copy of the object would give them, so a replay revokes.
	Revoked []model.Grant
	// RevokedDefaults are PUBLIC's built-in rights on objects a creator makes
	// later that the creator's database-wide default privileges take away.
	RevokedDefaults []model.DefaultPrivilege
}

// Collect gathers the scope's explicit access from the catalog index.
// Memberships and system permissions belong to the cluster, not to a
// database or schema, so only a principal's export carries them.
func Collect(x *catalog.Index, sc Scope) Set {
	var set Set
	keep := func(gs []model.Grant) {
		for _, g := range gs {
			if !g.Implied && !g.Default {
				set.Grants = append(set.Grants, g)
			}
		}
	}
	snap := x.Snapshot()
	switch {
	case sc.Principal != nil:
		p := *sc.Principal
		keep(x.GrantsTo(p))
		for _, d := range x.DefaultsFor(p) {
			if !d.Implied {
				set.Defaults = append(set.Defaults, d)
			}
		}
		set.Memberships = x.MemberOf(p)
		for _, sp := range snap.SystemPrivileges {
			if sp.Grantee == p {
				set.System = append(set.System, sp)
			}
		}
	case sc.Schema != "":
		keep(x.GrantsOn(model.ObjectRef{Kind: model.ObjSchema, Schema: sc.Schema}))
		for _, r := range x.Relations(sc.Schema) {
			keep(x.GrantsOn(model.ObjectRef{Kind: model.ObjTable, Schema: sc.Schema, Name: r.Name}))
			keep(x.ColumnGrants(sc.Schema, r.Name))
		}
		for _, r := range x.Routines(sc.Schema) {
			keep(x.GrantsOn(model.ObjectRef{Kind: r.Kind, Schema: sc.Schema, Name: r.Name, Args: r.Args}))
		}
		for _, d := range snap.DefaultPrivileges {
			if d.Schema == sc.Schema && !d.Implied {
				set.Defaults = append(set.Defaults, d)
			}
		}
		var objs []model.ObjectRef
		for _, r := range x.Routines(sc.Schema) {
			objs = append(objs, model.ObjectRef{Kind: r.Kind, Schema: sc.Schema, Name: r.Name, Args: r.Args})
		}
		set.Revoked = revokedBuiltins(x, objs)
	default:
		// The database's own grants: not those on other databases of the
		// cluster, nor the catalog schemas' (they come with the server).
		var gs []model.Grant
		for _, g := range snap.Grants.All() {
			if g.Object.Kind == model.ObjDatabase && g.Object.Name != snap.Database {
				continue
			}
			if sch, ok := x.Schema(g.Object.Schema); ok && sch.System {
				continue
			}
			gs = append(gs, g)
		}
		keep(gs)
		for _, d := range snap.DefaultPrivileges {
			if !d.Implied {
				set.Defaults = append(set.Defaults, d)
			}
		}
		objs := []model.ObjectRef{{Kind: model.ObjDatabase, Name: snap.Database}}
		for _, l := range snap.Languages {
			if l.Trusted { // GRANT and REVOKE refuse untrusted languages
				objs = append(objs, model.ObjectRef{Kind: model.ObjLanguage, Name: l.Name})
			}
		}
		for _, r := range snap.Routines {
			if sch, ok := x.Schema(r.Schema); !ok || !sch.System {
				objs = append(objs, model.ObjectRef{Kind: r.Kind, Schema: r.Schema, Name: r.Name, Args: r.Args})
			}
		}
		set.Revoked = revokedBuiltins(x, objs)
		set.RevokedDefaults = revokedBuiltinDefaults(snap)
	}
	sortGrants(set.Grants)
	return set
}

// revokedBuiltins lists, for objects whose privileges were changed (no
// built-in default rows left), the rights PUBLIC holds by default that it no
// longer holds there.
func revokedBuiltins(x *catalog.Index, objs []model.ObjectRef) []model.Grant {
	v := vocab.Of(x.Snapshot())
	var out []model.Grant
	for _, o := range objs {
		ki := v.Kind(o.Kind)
		if ki == nil || len(ki.Public) == 0 {
			continue
		}
		gs := x.GrantsOn(o)
		if slices.ContainsFunc(gs, func(g model.Grant) bool { return g.Default }) {
			continue // never changed: a fresh object has the same
		}
		for _, p := range ki.Public {
			if !slices.ContainsFunc(gs, func(g model.Grant) bool {
				return g.Grantee.Kind == model.KindPublic && g.Privilege == p && g.Scope == ""
			}) {
				out = append(out, model.Grant{Object: o, Grantee: model.Public, Privilege: p})
			}
		}
	}
	sortGrants(out)
	return out
}

// revokedBuiltinDefaults lists PUBLIC's built-in rights on future objects
// that a creator's database-wide default privileges leave out: the entry
// exists (the creator changed its defaults) and does not give PUBLIC them.
func revokedBuiltinDefaults(snap *model.Snapshot) []model.DefaultPrivilege {
	v := vocab.Of(snap)
	type key struct {
		creator model.PrincipalRef
		typ     model.DefaultObjectType
	}
	given := map[key]map[string]bool{}
	var order []key
	for _, d := range snap.DefaultPrivileges {
		if d.Schema != "" {
			continue
		}
		k := key{d.Creator, d.ObjectType}
		if given[k] == nil {
			given[k] = map[string]bool{}
			order = append(order, k)
		}
		if d.Grantee.Kind == model.KindPublic {
			given[k][d.Privilege] = true
		}
	}
	var out []model.DefaultPrivilege
	for _, k := range order {
		dt := v.Default(k.typ)
		if dt == nil {
			continue
		}
		for _, p := range dt.Public {
			if !given[k][p] {
				out = append(out, model.DefaultPrivilege{Creator: k.creator, ObjectType: k.typ, Grantee: model.Public, Privilege: p})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Creator != out[j].Creator {
			return model.ComparePrincipals(out[i].Creator, out[j].Creator) < 0
		}
		return out[i].ObjectType < out[j].ObjectType
	})
	return out
}

// kindOrder replays containers before their contents.
var kindOrder = map[model.ObjectKind]int{
	model.ObjDatabase: 0, model.ObjSchema: 1, model.ObjLanguage: 2, model.ObjTable: 3,
	model.ObjColumn: 4, model.ObjFunction: 5, model.ObjProcedure: 6,
}

func sortGrants(gs []model.Grant) {
	sort.SliceStable(gs, func(i, j int) bool {
		a, b := gs[i], gs[j]
		if a.Scope != b.Scope {
			return a.Scope < b.Scope // object grants ("") first
		}
		if kindOrder[a.Object.Kind] != kindOrder[b.Object.Kind] {
			return kindOrder[a.Object.Kind] < kindOrder[b.Object.Kind]
		}
		if ka, kb := objectKey(a.Object), objectKey(b.Object); ka != kb {
			return ka < kb
		}
		if c := model.ComparePrincipals(a.Grantee, b.Grantee); c != 0 {
			return c < 0
		}
		return a.Privilege < b.Privilege
	})
}

func objectKey(o model.ObjectRef) string {
	return o.Schema + "\x00" + o.Name + "\x00" + o.Args + "\x00" + o.Column
}

// Changes turns a set into the typed changes that recreate it, in replay
// order: memberships, object grants (databases, schemas, languages, tables,
// columns, routines; objects with the same grantee, kind and privileges in
// one change), scoped permissions, default privileges, system permissions.
func Changes(set Set, snap *model.Snapshot) []change.Change {
	var out []change.Change
	for _, m := range set.Memberships {
		if m.Of.Kind == model.KindGroup {
			out = append(out, change.Change{Kind: change.AlterGroup, Group: &change.GroupSpec{Name: m.Of.Name, AddUsers: []string{m.Member.Name}}})
			continue
		}
		out = append(out, change.Change{Kind: change.GrantRole, Member: &change.MemberSpec{Role: m.Of.Name, Member: m.Member, AdminOption: m.AdminOption}})
	}
	out = append(out, grantChanges(set.Grants, snap)...)
	out = append(out, defaultChanges(set.Defaults)...)
	out = append(out, revokeChanges(set, snap)...)
	bySystem := map[string][]string{}
	var roles []string
	for _, sp := range set.System {
		if bySystem[sp.Grantee.Name] == nil {
			roles = append(roles, sp.Grantee.Name)
		}
		bySystem[sp.Grantee.Name] = append(bySystem[sp.Grantee.Name], sp.Privilege)
	}
	for _, r := range roles {
		out = append(out, change.Change{Kind: change.GrantSystemPrivileges, System: &change.SystemSpec{Role: r, Privileges: bySystem[r]}})
	}
	return out
}

// grantChanges groups sorted grants: per object, each grantee's privileges
// (with and without grant option apart); then objects of one kind that give
// one grantee the same privileges share a change. Column grants stay per
// table, scoped permissions per schema or database.
func grantChanges(gs []model.Grant, snap *model.Snapshot) []change.Change {
	type held struct {
		grantee model.PrincipalRef
		obj     model.ObjectRef
		option  bool
		scope   string
	}
	privs := map[held][]string{}
	var order []held
	for _, g := range gs {
		h := held{grantee: g.Grantee, obj: g.Object, option: g.GrantOption, scope: g.Scope}
		if g.Object.Kind == model.ObjColumn {
			// One change per table, privilege and grantee: columns gather.
			h.obj = model.ObjectRef{Kind: model.ObjColumn, Schema: g.Object.Schema, Name: g.Object.Name, Column: g.Privilege}
		}
		if privs[h] == nil {
			order = append(order, h)
		}
		if g.Object.Kind == model.ObjColumn {
			privs[h] = append(privs[h], g.Object.Column)
		} else {
			privs[h] = append(privs[h], g.Privilege)
		}
	}
	sequences := map[[2]string]bool{}
	for _, r := range snap.Relations {
		if r.Kind == model.RelSequence {
			sequences[[2]string{r.Schema, r.Name}] = true
		}
	}
	type group struct {
		grantee model.PrincipalRef
		kind    model.ObjectKind
		seq     bool
		privs   string
		option  bool
	}
	objects := map[group][]model.ObjectRef{}
	var groupOrder []group
	var out []change.Change
	for _, h := range order {
		spec := &change.PrivilegeSpec{Grantee: h.grantee, GrantOption: h.option}
		switch {
		case h.scope != "":
			spec.Privileges = privs[h]
			ki := vocab.Of(snap).KindOfScope(h.scope)
			switch {
			case ki != nil && h.obj.Kind == model.ObjSchema && ki.Scoped.InSchema:
				spec.Target, spec.Kind, spec.Schemas = change.TargetScopedInSchema, ki.Kind, []string{h.obj.Schema}
			case ki != nil && h.obj.Kind == model.ObjDatabase && ki.Scoped.InDatabase:
				spec.Target, spec.Kind, spec.Database = change.TargetScopedInDatabase, ki.Kind, h.obj.Name
			default:
				// A scope the vocabulary does not describe: rendering
				// reports it in the script instead of dropping it silently.
				spec.Target = change.Target("scoped_" + strings.ToLower(h.scope) + "_in_" + string(h.obj.Kind))
			}
			out = append(out, change.Change{Kind: change.GrantPrivileges, Privilege: spec})
		case h.obj.Kind == model.ObjColumn:
			spec.Privileges = []string{h.obj.Column} // the privilege, see above
			spec.Target = change.TargetObjects
			spec.Objects = []model.ObjectRef{{Kind: model.ObjTable, Schema: h.obj.Schema, Name: h.obj.Name}}
			spec.Columns = privs[h]
			out = append(out, change.Change{Kind: change.GrantPrivileges, Privilege: spec})
		default:
			p := append([]string(nil), privs[h]...)
			sort.Strings(p)
			g := group{grantee: h.grantee, kind: h.obj.Kind, privs: strings.Join(p, ","), option: h.option,
				seq: h.obj.Kind == model.ObjTable && sequences[[2]string{h.obj.Schema, h.obj.Name}]}
			if objects[g] == nil {
				groupOrder = append(groupOrder, g)
			}
			objects[g] = append(objects[g], h.obj)
		}
	}
	var objectChanges []change.Change
	for _, g := range groupOrder {
		objectChanges = append(objectChanges, change.Change{Kind: change.GrantPrivileges, Privilege: &change.PrivilegeSpec{
			Privileges: strings.Split(g.privs, ","), Target: change.TargetObjects, Objects: objects[g], Grantee: g.grantee, GrantOption: g.option}})
	}
	// Object grants first (containers before contents: the groups follow the
	// sorted grants), then column grants and scoped permissions.
	return append(objectChanges, out...)
}

func defaultChanges(ds []model.DefaultPrivilege) []change.Change {
	type key struct {
		creator model.PrincipalRef
		schema  string
		typ     model.DefaultObjectType
		grantee model.PrincipalRef
		option  bool
	}
	privs := map[key][]string{}
	var order []key
	for _, d := range ds {
		k := key{d.Creator, d.Schema, d.ObjectType, d.Grantee, d.GrantOption}
		if privs[k] == nil {
			order = append(order, k)
		}
		privs[k] = append(privs[k], d.Privilege)
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if a.schema != b.schema {
			return a.schema < b.schema
		}
		if a.creator != b.creator {
			return model.ComparePrincipals(a.creator, b.creator) < 0
		}
		if a.typ != b.typ {
			return a.typ < b.typ
		}
		return model.ComparePrincipals(a.grantee, b.grantee) < 0
	})
	out := make([]change.Change, 0, len(order))
	for _, k := range order {
		out = append(out, change.Change{Kind: change.GrantDefaultPrivileges, Default: &change.DefaultSpec{
			Creator: k.creator, Schema: k.schema, ObjectType: k.typ, Privileges: privs[k], Grantee: k.grantee, GrantOption: k.option}})
	}
	return out
}

// Script renders the changes with the engine's renderer into a replayable
// script: one transaction, statements in order. A change the engine cannot
// express is not rendered; the script says which, as a comment, and Skipped
// counts them.
func Script(changes []change.Change, snap *model.Snapshot, r change.Renderer, header string, redshift bool) (script string, skipped int) {
	plan := &change.Plan{Transactional: true}
	var notes []string
	for i, c := range changes {
		stmts, err := r.Render(c, snap)
		if err != nil {
			skipped++
			notes = append(notes, "not exported: "+err.Error())
			continue
		}
		for _, s := range stmts {
			s.ChangeIndex = i
			if s.Display == "" {
				s.Display = s.SQL
			}
			if s.OutsideTransaction {
				plan.Transactional = false
			}
			plan.Statements = append(plan.Statements, s)
		}
	}
	head := header
	for _, n := range notes {
		head += "\n-- " + strings.ReplaceAll(n, "\n", " ")
	}
	return plan.Script(head, redshift), skipped
}

// revokeChanges takes away the built-in rights the set says are gone, after
// the grants (a PUBLIC grant of another privilege on the object comes first).
func revokeChanges(set Set, snap *model.Snapshot) []change.Change {
	var out []change.Change
	for _, c := range grantChanges(set.Revoked, snap) {
		c.Kind = change.RevokePrivileges
		out = append(out, c)
	}
	for _, c := range defaultChanges(set.RevokedDefaults) {
		c.Kind = change.RevokeDefaultPrivileges
		out = append(out, c)
	}
	return out
}

// GrantsCSV writes a set as CSV: one line per grant, default privilege,
// membership and system permission, with a "type" column saying which.
func GrantsCSV(w io.Writer, set Set) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"type", "grantee_kind", "grantee", "object_kind", "schema", "name", "arguments", "column",
		"privilege", "grant_option", "scope", "grantor", "creator"})
	for _, g := range set.Grants {
		_ = cw.Write([]string{"grant", string(g.Grantee.Kind), g.Grantee.Name, string(g.Object.Kind), g.Object.Schema,
			g.Object.Name, g.Object.Args, g.Object.Column, g.Privilege, strconv.FormatBool(g.GrantOption), g.Scope, g.Grantor, ""})
	}
	for _, d := range set.Defaults {
		_ = cw.Write([]string{"default_privilege", string(d.Grantee.Kind), d.Grantee.Name, string(d.ObjectType), d.Schema,
			"", "", "", d.Privilege, strconv.FormatBool(d.GrantOption), "", "", d.Creator.Name})
	}
	for _, g := range set.Revoked {
		_ = cw.Write([]string{"revoked_builtin", string(g.Grantee.Kind), g.Grantee.Name, string(g.Object.Kind), g.Object.Schema,
			g.Object.Name, g.Object.Args, "", g.Privilege, "false", "", "", ""})
	}
	for _, d := range set.RevokedDefaults {
		_ = cw.Write([]string{"revoked_builtin_default", string(d.Grantee.Kind), d.Grantee.Name, string(d.ObjectType), d.Schema,
			"", "", "", d.Privilege, "false", "", "", d.Creator.Name})
	}
	for _, m := range set.Memberships {
		_ = cw.Write([]string{"membership", string(m.Member.Kind), m.Member.Name, string(m.Of.Kind), "", m.Of.Name,
			"", "", "MEMBER", strconv.FormatBool(m.AdminOption), "", m.Grantor, ""})
	}
	for _, s := range set.System {
		_ = cw.Write([]string{"system_permission", string(s.Grantee.Kind), s.Grantee.Name, "", "", "", "", "",
			s.Privilege, "false", "", "", ""})
	}
	cw.Flush()
	return cw.Error()
}
