package grantsql

import (
	"slices"
	"strconv"
	"strings"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/vocab"
)

// DropRules is what differs between the engines when a principal is cleared
// for DROP USER / DROP ROLE / DROP GROUP.
type DropRules struct {
	// AlterRelation is the ALTER keyword that changes a relation's owner
	// ("TABLE", "VIEW", "MATERIALIZED VIEW", …).
	AlterRelation func(model.RelationKind) string
	// Cascade: REVOKE … CASCADE exists (PostgreSQL), so a privilege the
	// dropped principal passed on with its grant option is revoked with it.
	Cascade bool
	// KeepsMemberships: DROP itself removes the principal's memberships
	// (PostgreSQL), so they are named in the DROP's summary, not revoked.
	KeepsMemberships bool
	// SuccessorKinds are the principal kinds that may own objects.
	SuccessorKinds []model.PrincipalKind
	// OwnDefaultsListed: the catalog lists a creator's own rights in its
	// default-privilege entries (PostgreSQL's pg_default_acl does), so rights
	// it took from itself can be seen and given back. Without it, missing own
	// rows say nothing and nothing is given back.
	OwnDefaultsListed bool
}

// ClearForDrop returns the statements that must run, in the connected
// database, before principal who can be dropped: owned objects move to
// successor, then every privilege who holds (object, column, scoped and
// default privileges as grantee), every default privilege who set as creator
// and (where the engine needs it) every membership is revoked. Each statement
// names exactly what it removes, so the preview is the list of what is lost.
// notes words what goes with the DROP itself, for its summary.
func (d *Dialect) ClearForDrop(who model.PrincipalRef, successor string, snap *model.Snapshot) (out []change.Statement, notes []string, err error) {
	if snap == nil {
		return nil, nil, nil
	}
	out, notes, err = d.ClearInDatabase(who, successor, snap)
	if err != nil {
		return nil, nil, err
	}
	st, memberNotes, err := d.revokeMemberships(who, snap)
	if err != nil {
		return nil, nil, err
	}
	out = append(out, st...)
	notes = append(notes, memberNotes...)
	return out, notes, nil
}

// ClearInDatabase is what ClearForDrop does in one database, without the
// memberships (those are cluster-wide: they go once, where the DROP runs).
// Offboarding runs it in every other database of the cluster.
func (d *Dialect) ClearInDatabase(who model.PrincipalRef, successor string, snap *model.Snapshot) (out []change.Statement, notes []string, err error) {
	if snap == nil {
		return nil, nil, nil
	}
	owned := Owned(who, snap)
	if len(owned) > 0 {
		st, err := d.transferOwnership(who, successor, owned, snap)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, st...)
	} else if successor != "" {
		notes = append(notes, "it owns nothing here, so "+successor+" takes over nothing")
	}
	st, err := d.revokeHeld(who, snap, ownedSet(owned))
	if err != nil {
		return nil, nil, err
	}
	out = append(out, st...)
	st, err = d.revokeDefaults(who, snap)
	if err != nil {
		return nil, nil, err
	}
	return append(out, st...), notes, nil
}

// OwnedObject is one thing a principal owns in the snapshot.
type OwnedObject struct {
	Ref      model.ObjectRef
	Relation model.RelationKind // for tables, views, …
	Role     string             // a Redshift role owned by a user
}

func (d *Dialect) ownedWords(o OwnedObject) string {
	switch {
	case o.Role != "":
		return "role " + o.Role
	case o.Relation != "":
		return strings.ReplaceAll(string(o.Relation), "_", " ") + " " + o.Ref.Schema + "." + o.Ref.Name
	}
	one, _ := d.words(o.Ref.Kind)
	return one + " " + d.objectName(o.Ref)
}

// Owned lists what who owns in the snapshot: databases, schemas, relations,
// routines and (Redshift) roles.
func Owned(who model.PrincipalRef, snap *model.Snapshot) []OwnedObject {
	if snap == nil || who.Kind == model.KindGroup || who.Kind == model.KindPublic {
		return nil
	}
	voc := vocab.Of(snap)
	var out []OwnedObject
	for _, db := range snap.Databases {
		if db.Owner == who.Name {
			out = append(out, OwnedObject{Ref: model.ObjectRef{Kind: model.ObjDatabase, Name: db.Name}})
		}
	}
	for _, s := range snap.Schemas {
		if s.Owner == who.Name && !s.System {
			out = append(out, OwnedObject{Ref: model.ObjectRef{Kind: model.ObjSchema, Schema: s.Name}})
		}
	}
	for _, r := range snap.Relations {
		if r.Owner == who.Name {
			out = append(out, OwnedObject{Ref: voc.RelationRef(r), Relation: r.Kind})
		}
	}
	for _, r := range snap.Routines {
		if r.Owner == who.Name {
			out = append(out, OwnedObject{Ref: model.ObjectRef{Kind: r.Kind, Schema: r.Schema, Name: r.Name, Args: r.Args}})
		}
	}
	if who.Kind == model.KindUser {
		for _, r := range snap.Roles {
			if r.Owner == who.Name {
				out = append(out, OwnedObject{Role: r.Name})
			}
		}
	}
	return out
}

func ownedSet(owned []OwnedObject) map[model.ObjectRef]bool {
	m := map[model.ObjectRef]bool{}
	for _, o := range owned {
		if o.Role == "" {
			m[o.Ref] = true
		}
	}
	return m
}

// listWords words up to six items and a count of the rest.
func listWords(items []string) string {
	if len(items) > 6 {
		return strings.Join(items[:6], ", ") + " and " + strconv.Itoa(len(items)-6) + " more"
	}
	return strings.Join(items, ", ")
}

// transferOwnership: ALTER <kind> … OWNER TO successor for every owned
// object, or a refusal that lists them when no successor is named.
func (d *Dialect) transferOwnership(who model.PrincipalRef, successor string, owned []OwnedObject, snap *model.Snapshot) ([]change.Statement, error) {
	if successor == "" {
		words := make([]string, len(owned))
		for i, o := range owned {
			words[i] = d.ownedWords(o)
		}
		what, them := strconv.Itoa(len(owned))+" objects", "them"
		if len(owned) == 1 {
			what, them = "1 object", "it"
		}
		return nil, apperr.Invalid("%s owns %s in database %s (%s); choose who takes %s over, or drop or reassign %s first",
			Principal(who), what, snap.Database, listWords(words), them, them)
	}
	if successor == who.Name {
		return nil, apperr.Invalid("%s cannot take over its own objects; choose another successor", Principal(who))
	}
	succ, ok := findPrincipal(snap, successor, d.Drop.SuccessorKinds)
	if !ok {
		kinds := make([]string, len(d.Drop.SuccessorKinds))
		for i, k := range d.Drop.SuccessorKinds {
			kinds[i] = string(k)
		}
		return nil, apperr.Invalid("the successor %s is not an existing %s", successor, strings.Join(kinds, " or "))
	}
	q := NewQ(d.SQL)
	to := q.Ident(string(succ.Kind), succ.Name)
	var out []change.Statement
	for _, o := range owned {
		var target string
		switch {
		case o.Role != "":
			out = append(out, Stmt("ALTER ROLE "+q.Ident("role", o.Role)+" WITH OWNER TO "+to,
				"Make "+successor+" the owner of role "+o.Role+" (owned by "+who.Name+")", false))
			continue
		case o.Relation != "":
			target = d.Drop.AlterRelation(o.Relation) + " " + d.object(q, o.Ref)
		default:
			target = d.Vocab.Kind(o.Ref.Kind).Keyword + " " + d.object(q, o.Ref)
		}
		out = append(out, Stmt("ALTER "+target+" OWNER TO "+to,
			"Make "+successor+" the owner of "+d.ownedWords(o)+" (owned by "+who.Name+")", false))
	}
	if err := q.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

func findPrincipal(snap *model.Snapshot, name string, allowed []model.PrincipalKind) (model.PrincipalRef, bool) {
	if slices.Contains(allowed, model.KindUser) {
		for _, u := range snap.Users {
			if u.Name == name {
				return model.UserRef(name), true
			}
		}
	}
	if slices.Contains(allowed, model.KindRole) {
		for _, r := range snap.Roles {
			if r.Name == name {
				return model.RoleRef(name), true
			}
		}
	}
	return model.PrincipalRef{}, false
}

// heldKey groups the privileges who holds on objects that share one REVOKE.
type heldKey struct {
	kind  model.ObjectKind
	privs string
}

// revokeHeld revokes every explicit privilege who holds in this database.
// Owned objects are skipped: their owner's rights move with ALTER … OWNER.
// Objects that share the same privilege list share one REVOKE.
func (d *Dialect) revokeHeld(who model.PrincipalRef, snap *model.Snapshot, owned map[model.ObjectRef]bool) ([]change.Statement, error) {
	type colKey struct {
		schema, table string
	}
	perObject := map[model.ObjectRef][]string{}
	var objOrder []model.ObjectRef
	perColumn := map[colKey]map[string][]string{} // table -> privilege -> columns
	var colOrder []colKey
	type scopedKey struct {
		scope, schema, database string
	}
	perScope := map[scopedKey][]string{}
	var scopeOrder []scopedKey
	passedOn := map[model.ObjectRef][]string{} // grants who made to others (grant option)
	for _, g := range snap.Grants.All() {
		if g.Grantee != who && g.Grantor == who.Name && d.Drop.Cascade {
			passedOn[g.Object] = append(passedOn[g.Object], g.Privilege+" to "+Principal(g.Grantee))
		}
		if g.Grantee != who || g.Default || g.Implied {
			continue
		}
		switch {
		case g.Scope != "":
			k := scopedKey{scope: g.Scope}
			if g.Object.Kind == model.ObjSchema {
				k.schema = g.Object.Schema
			} else {
				k.database = g.Object.Name
			}
			if perScope[k] == nil {
				scopeOrder = append(scopeOrder, k)
			}
			perScope[k] = append(perScope[k], g.Privilege)
		case g.Object.Kind == model.ObjColumn:
			if owned[model.ObjectRef{Kind: model.ObjTable, Schema: g.Object.Schema, Name: g.Object.Name}] {
				continue
			}
			k := colKey{g.Object.Schema, g.Object.Name}
			if perColumn[k] == nil {
				perColumn[k] = map[string][]string{}
				colOrder = append(colOrder, k)
			}
			perColumn[k][g.Privilege] = append(perColumn[k][g.Privilege], g.Object.Column)
		default:
			if owned[g.Object] {
				continue
			}
			if perObject[g.Object] == nil {
				objOrder = append(objOrder, g.Object)
			}
			perObject[g.Object] = append(perObject[g.Object], g.Privilege)
		}
	}

	var out []change.Statement
	// Object privileges: group objects with the same kind and privilege list.
	groups := map[heldKey][]model.ObjectRef{}
	var groupOrder []heldKey
	var cascaded []model.ObjectRef
	for _, o := range objOrder {
		if len(passedOn[o]) > 0 {
			cascaded = append(cascaded, o)
			continue
		}
		k := heldKey{o.Kind, strings.Join(d.privList(o.Kind, perObject[o]), ",")}
		if groups[k] == nil {
			groupOrder = append(groupOrder, k)
		}
		groups[k] = append(groups[k], o)
	}
	for _, k := range groupOrder {
		st, err := d.Privileges(false, &change.PrivilegeSpec{Privileges: strings.Split(k.privs, ","), Target: change.TargetObjects,
			Objects: groups[k], Grantee: who}, snap)
		if err != nil {
			return nil, err
		}
		out = append(out, st...)
	}
	// An object on which who passed privileges on: REVOKE … CASCADE, which
	// takes the grants who made with it; the summary names them.
	for _, o := range cascaded {
		st, err := d.Privileges(false, &change.PrivilegeSpec{Privileges: d.privList(o.Kind, perObject[o]), Target: change.TargetObjects,
			Objects: []model.ObjectRef{o}, Grantee: who}, snap)
		if err != nil {
			return nil, err
		}
		for i := range st {
			st[i].SQL += " CASCADE"
			st[i].Display += " CASCADE"
			st[i].Summary += ", and what " + who.Name + " granted from it (CASCADE): " + listWords(passedOn[o])
		}
		out = append(out, st...)
	}
	for _, k := range colOrder {
		byPriv := perColumn[k]
		privs := make([]string, 0, len(byPriv))
		for p := range byPriv {
			privs = append(privs, p)
		}
		slices.Sort(privs)
		for _, p := range privs {
			st, err := d.Privileges(false, &change.PrivilegeSpec{Privileges: []string{p}, Target: change.TargetObjects,
				Objects: []model.ObjectRef{{Kind: model.ObjTable, Schema: k.schema, Name: k.table}}, Columns: byPriv[p], Grantee: who}, snap)
			if err != nil {
				return nil, err
			}
			out = append(out, st...)
		}
	}
	for _, k := range scopeOrder {
		spec := &change.PrivilegeSpec{Privileges: Uniq(perScope[k]), Grantee: who}
		ki := d.Vocab.KindOfScope(k.scope)
		switch {
		case ki != nil && k.schema != "" && ki.Scoped.InSchema:
			spec.Target, spec.Kind, spec.Schemas = change.TargetScopedInSchema, ki.Kind, []string{k.schema}
		case ki != nil && k.schema == "" && ki.Scoped.InDatabase:
			spec.Target, spec.Kind, spec.Database = change.TargetScopedInDatabase, ki.Kind, k.database
		default:
			where := "database " + k.database
			if k.schema != "" {
				where = "schema " + k.schema
			}
			return nil, apperr.Invalid("%s holds scoped permissions for %s in %s, which this tool cannot revoke yet; revoke them by hand before dropping it",
				Principal(who), strings.ToLower(k.scope), where)
		}
		st, err := d.Privileges(false, spec, snap)
		if err != nil {
			return nil, err
		}
		out = append(out, st...)
	}
	return out, nil
}

// privList is the canonical privilege list for a revoke, or ALL when the
// catalog reports a keyword the dialect does not list (e.g. a newer
// server's privilege): revoking ALL takes it too.
func (d *Dialect) privList(k model.ObjectKind, privs []string) []string {
	ki := d.Vocab.Kind(k)
	if ki == nil {
		return []string{"ALL"}
	}
	out, err := d.CheckPrivileges(ki.Plural, allowed(false, ki), Uniq(privs))
	if err != nil {
		return []string{"ALL"}
	}
	return out
}

// publicByDefault is what PUBLIC gets by default on objects of type t
// (functions: EXECUTE; PostgreSQL types: USAGE). A creator's database-wide
// entry that equals the built-in defaults disappears.
func (d *Dialect) publicByDefault(t model.DefaultObjectType) []string {
	if dt := d.Vocab.Default(t); dt != nil {
		return dt.Public
	}
	return nil
}

// revokeDefaults clears default privileges that name who: those granted to
// who by any creator, and those who set as creator (for every grantee). A
// creator's database-wide entry is a difference from the built-in defaults
// (the creator's own rights, PUBLIC's EXECUTE on functions): it goes away only
// when it equals them again, so a built-in right who took away is granted back
// instead of revoking it.
func (d *Dialect) revokeDefaults(who model.PrincipalRef, snap *model.Snapshot) ([]change.Statement, error) {
	type key struct {
		creator    model.PrincipalRef
		schema     string
		objectType model.DefaultObjectType
		grantee    model.PrincipalRef
	}
	privs := map[key][]string{}
	var order []key
	type builtin struct {
		own    []string
		public bool
	}
	global := map[model.DefaultObjectType]*builtin{} // who's database-wide entries: built-in rights present
	var globalOrder []model.DefaultObjectType
	for _, dp := range snap.DefaultPrivileges {
		if dp.Grantee != who && dp.Creator != who {
			continue
		}
		if dp.Creator == who && dp.Schema == "" {
			b := global[dp.ObjectType]
			if b == nil {
				b = &builtin{}
				global[dp.ObjectType] = b
				globalOrder = append(globalOrder, dp.ObjectType)
			}
			if dp.Grantee == who {
				b.own = append(b.own, dp.Privilege)
				continue
			}
			if dp.Grantee.Kind == model.KindPublic && slices.Contains(d.publicByDefault(dp.ObjectType), dp.Privilege) && !dp.GrantOption {
				b.public = true
				continue
			}
		}
		k := key{dp.Creator, dp.Schema, dp.ObjectType, dp.Grantee}
		if privs[k] == nil {
			order = append(order, k)
		}
		privs[k] = append(privs[k], dp.Privilege)
	}
	var out []change.Statement
	for _, k := range order {
		spec := &change.DefaultSpec{Creator: k.creator, Schema: k.schema, ObjectType: k.objectType, Privileges: Uniq(privs[k]), Grantee: k.grantee}
		if _, err := d.DefaultPrivileges(false, spec); err != nil {
			spec.Privileges = []string{"ALL"} // a keyword the revoke form does not list (Redshift DROP)
		}
		st, err := d.DefaultPrivileges(false, spec)
		if err != nil {
			return nil, err
		}
		out = append(out, st...)
	}
	for _, t := range globalOrder {
		b := global[t]
		giveBack := func(privs []string, to model.PrincipalRef, words string) error {
			st, err := d.DefaultPrivileges(true, &change.DefaultSpec{Creator: who, ObjectType: t, Privileges: privs, Grantee: to})
			if err != nil {
				return err
			}
			for i := range st {
				st[i].Summary = "Give back " + words + " on the " + string(t) + " " + who.Name +
					" creates (a built-in default), so its default-privilege entry matches the defaults and goes away"
			}
			out = append(out, st...)
			return nil
		}
		var typePrivs []string
		if dt := d.Vocab.Default(t); dt != nil {
			typePrivs = dt.Privileges
		}
		missing := false
		for _, p := range typePrivs {
			missing = missing || !slices.Contains(b.own, p)
		}
		if missing && d.Drop.OwnDefaultsListed {
			if err := giveBack([]string{"ALL"}, who, who.Name+"'s own rights"); err != nil {
				return nil, err
			}
		}
		if p := d.publicByDefault(t); len(p) > 0 && !b.public {
			if err := giveBack(p, model.Public, "PUBLIC's "+strings.Join(p, ", ")); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// revokeMemberships revokes who's role and group memberships and (for a
// role) its members, where the engine does not do it as part of the DROP.
func (d *Dialect) revokeMemberships(who model.PrincipalRef, snap *model.Snapshot) ([]change.Statement, []string, error) {
	var of, members []string
	var out []change.Statement
	q := NewQ(d.SQL)
	for _, m := range snap.Memberships {
		switch {
		case m.Member == who:
			of = append(of, Principal(m.Of))
			if d.Drop.KeepsMemberships {
				continue
			}
			if m.Of.Kind == model.KindGroup {
				out = append(out, Stmt("ALTER GROUP "+q.Ident("group", m.Of.Name)+" DROP USER "+q.Ident("user", who.Name),
					"Remove user "+who.Name+" from group "+m.Of.Name, true))
				continue
			}
			st, err := d.Membership(false, &change.MemberSpec{Role: m.Of.Name, Member: who})
			if err != nil {
				return nil, nil, err
			}
			out = append(out, st...)
		case m.Of == who && who.Kind != model.KindGroup: // a group's users stay
			members = append(members, Principal(m.Member))
			if d.Drop.KeepsMemberships {
				continue
			}
			st, err := d.Membership(false, &change.MemberSpec{Role: who.Name, Member: m.Member})
			if err != nil {
				return nil, nil, err
			}
			out = append(out, st...)
		}
	}
	if err := q.Err(); err != nil {
		return nil, nil, err
	}
	var notes []string
	if d.Drop.KeepsMemberships {
		if len(of) > 0 {
			notes = append(notes, "its membership in "+listWords(of)+" goes with it")
		}
		if len(members) > 0 {
			notes = append(notes, listWords(members)+" lose their membership in it")
		}
	}
	return out, notes, nil
}
