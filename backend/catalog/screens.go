package catalog

import (
	"sort"

	"github.com/redshiftmate/rsmate/backend/access"
	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/vocab"
)

// The screens' answers, assembled from the index: each costs what it returns.

// List rows carry what the lists show, filter and sort on, with zero values
// left out of the JSON: at 100,000 users the Users call returns one small
// row per user (under 100 bytes), not every attribute. The detail call
// returns the rest. Rows are built once per snapshot (NewIndex).

// UserRow is one line of the users list.
type UserRow struct {
	Name             string             `json:"name"`
	Identity         model.IdentityType `json:"identity" ts_type:"'local' | 'iam' | 'iam_role' | 'idc' | 'system'"`
	ConnectionLimit  int                `json:"connectionLimit"` // -1: unlimited
	Superuser        bool               `json:"superuser,omitempty"`
	CreateDB         bool               `json:"createDb,omitempty"`
	CreateRole       bool               `json:"createRole,omitempty"`
	PasswordDisabled bool               `json:"passwordDisabled,omitempty"`
	ValidUntil       string             `json:"validUntil,omitempty"`
	ExternalID       string             `json:"externalId,omitempty"`
	Roles            int                `json:"roles"`  // direct role memberships
	Groups           int                `json:"groups"` // group memberships
	Grants           int                `json:"grants"` // direct grants, the owner's implied ones left out
}

// RoleRow is one line of the roles list.
type RoleRow struct {
	Name             string   `json:"name"`
	Owner            string   `json:"owner,omitempty"`
	ExternalID       string   `json:"externalId,omitempty"`
	System           bool     `json:"system,omitempty"`
	Superuser        bool     `json:"superuser,omitempty"`
	Members          int      `json:"members"`  // direct members (users and roles)
	MemberOf         int      `json:"memberOf"` // roles and groups it belongs to directly
	Grants           int      `json:"grants"`
	SystemPrivileges []string `json:"systemPrivileges,omitempty"`
}

// GroupRow is one line of the groups list.
type GroupRow struct {
	Name    string `json:"name"`
	Members int    `json:"members"`
	Grants  int    `json:"grants"`
}

// UserRows lists every user with membership and grant counts. The rows are
// the index's own (built once per snapshot): callers must not modify them.
func (x *Index) UserRows() []UserRow { return x.userRows }

// RoleRows lists every role; the rows are shared, as UserRows'.
func (x *Index) RoleRows() []RoleRow { return x.roleRows }

// GroupRows lists every group; the rows are shared, as UserRows'.
func (x *Index) GroupRows() []GroupRow { return x.groupRows }

// buildRows makes the list rows from the counts: O(principals).
func (x *Index) buildRows() {
	snap := x.snap
	x.userRows = make([]UserRow, len(snap.Users))
	for i, u := range snap.Users {
		c := x.Count(model.UserRef(u.Name))
		x.userRows[i] = UserRow{Name: u.Name, Identity: u.Identity, ConnectionLimit: u.ConnectionLimit,
			Superuser: u.Superuser, CreateDB: u.CreateDB, CreateRole: u.CreateRole, PasswordDisabled: u.PasswordDisabled,
			ValidUntil: u.ValidUntil, ExternalID: u.ExternalID, Roles: c.RoleMemberOf, Groups: c.GroupMemberOf, Grants: c.Grants}
	}
	x.roleRows = make([]RoleRow, len(snap.Roles))
	for i, r := range snap.Roles {
		ref := model.RoleRef(r.Name)
		c := x.Count(ref)
		x.roleRows[i] = RoleRow{Name: r.Name, Owner: r.Owner, ExternalID: r.ExternalID, System: r.System, Superuser: r.Superuser,
			Members: c.Members, MemberOf: c.RoleMemberOf + c.GroupMemberOf, Grants: c.Grants, SystemPrivileges: x.SystemPrivileges(ref)}
	}
	x.groupRows = make([]GroupRow, len(snap.Groups))
	for i, g := range snap.Groups {
		c := x.Count(model.GroupRef(g.Name))
		x.groupRows[i] = GroupRow{Name: g.Name, Members: c.Members, Grants: c.Grants}
	}
}

// PrincipalDetail is everything the detail page of a user, role or group shows.
type PrincipalDetail struct {
	Ref              model.PrincipalRef       `json:"ref"`
	User             *model.User              `json:"user,omitempty"`
	Role             *model.Role              `json:"role,omitempty"`
	Group            *model.Group             `json:"group,omitempty"`
	MemberOf         []model.Membership       `json:"memberOf"`
	Members          []model.Membership       `json:"members"`
	Grants           []model.Grant            `json:"grants"` // direct, explicit (owner rights left out)
	DefaultsAsOwner  []model.DefaultPrivilege `json:"defaultsAsOwner"`
	DefaultsReceived []model.DefaultPrivilege `json:"defaultsReceived"`
	SystemPrivileges []string                 `json:"systemPrivileges"`
	// Relations are the relations its grants name, so the UI can tell tables from views.
	Relations []model.Relation `json:"relations"`
	// InheritsFrom lists every role, group and PUBLIC whose grants apply, with the membership path.
	InheritsFrom []access.Reached `json:"inheritsFrom"`
	// Owned lists the schemas, relations and routines it owns in this database:
	// a drop fails until their ownership moves.
	Owned []ObjectRow `json:"owned"`
}

// ObjectRow is a relation or routine with its direct grantees.
type ObjectRow struct {
	Ref      model.ObjectRef      `json:"ref"`
	Kind     string               `json:"kind"` // relation kind, or function / procedure
	Owner    string               `json:"owner"`
	Grantees []model.PrincipalRef `json:"grantees"`
}

// Detail returns the detail page of one principal.
func (x *Index) Detail(ref model.PrincipalRef) (d PrincipalDetail, err error) {
	d.Ref = ref
	switch ref.Kind {
	case model.KindUser:
		u, ok := x.User(ref.Name)
		if !ok {
			return d, apperr.NotFound("user", ref.Name)
		}
		u.Config = nonNil(u.Config) // the bindings promise an array
		d.User = &u
	case model.KindRole:
		r, ok := x.Role(ref.Name)
		if !ok {
			return d, apperr.NotFound("role", ref.Name)
		}
		d.Role = &r
	case model.KindGroup:
		g, ok := x.Group(ref.Name)
		if !ok {
			return d, apperr.NotFound("group", ref.Name)
		}
		d.Group = &g
	case model.KindPublic:
	default:
		return d, apperr.Invalid("unknown principal kind %q", ref.Kind)
	}
	d.MemberOf = nonNil(x.MemberOf(ref))
	d.Members = nonNil(x.Members(ref))
	for _, g := range x.GrantsTo(ref) {
		if !g.Implied {
			d.Grants = append(d.Grants, g)
		}
	}
	d.Grants = nonNil(d.Grants)
	d.Relations = relationsOf(x, d.Grants)
	d.DefaultsAsOwner = nonNil(x.DefaultsBy(ref))
	d.DefaultsReceived = nonNil(x.DefaultsFor(ref))
	d.SystemPrivileges = append([]string{}, x.SystemPrivileges(ref)...)
	d.InheritsFrom = access.Sorted(access.ReachIn(x.Snapshot(), x, ref), ref)
	d.Owned = x.ownedBy(ref)
	return d, nil
}

// Effective returns a principal's effective privileges, optionally limited to
// one schema (objects of other schemas and database-level rows are left out
// then) to keep the answer small on big catalogs: limited, it costs what the
// schema holds for the principal.
func (x *Index) Effective(ref model.PrincipalRef, schema string) (e access.Effective) {
	if schema == "" {
		e = access.Compute(x.Snapshot(), x, ref)
	} else {
		e = access.ComputeIn(x.Snapshot(), x, ref, schema)
		kept := e.Cells[:0]
		for _, c := range e.Cells {
			if c.Object.Schema == schema {
				kept = append(kept, c)
			}
		}
		e.Cells = kept
		// Scoped permissions in the schema, and database-wide ones (they cover
		// the schema's objects too).
		scoped := []access.Cell{}
		for _, c := range e.Scoped {
			if c.Object.Schema == schema || c.Object.Kind == model.ObjDatabase {
				scoped = append(scoped, c)
			}
		}
		e.Scoped = scoped
	}
	if e.Cells == nil {
		e.Cells = []access.Cell{}
	}
	return e
}

// EffectiveDatabase returns the effective privileges of a principal on the
// database itself and its languages (the rows that belong to no schema).
func (x *Index) EffectiveDatabase(ref model.PrincipalRef) (e access.Effective) {
	e = access.ComputeIn(x.Snapshot(), x, ref, "")
	kept := []access.Cell{}
	for _, c := range e.Cells {
		if c.Object.Schema == "" {
			kept = append(kept, c)
		}
	}
	e.Cells = kept
	scoped := []access.Cell{}
	for _, c := range e.Scoped {
		if c.Object.Kind == model.ObjDatabase {
			scoped = append(scoped, c)
		}
	}
	e.Scoped = scoped
	return e
}

// relationsOf lists, once each, the relations that grants name.
func relationsOf(x *Index, gs []model.Grant) []model.Relation {
	type key struct{ schema, name string }
	seen := map[key]bool{}
	out := []model.Relation{}
	for _, g := range gs {
		if k := vocab.Of(x.snap).Kind(g.Object.Kind); g.Object.Kind != model.ObjColumn && (k == nil || len(k.Relations) == 0) {
			continue
		}
		k := key{g.Object.Schema, g.Object.Name}
		if seen[k] {
			continue
		}
		seen[k] = true
		if r, ok := x.Relation(k.schema, k.name); ok {
			out = append(out, r)
		}
	}
	return out
}

func countExplicit(gs []model.Grant) int {
	n := 0
	for _, g := range gs {
		if !g.Implied {
			n++
		}
	}
	return n
}

// Grantees lists, once each, who holds explicit grants among gs.
func Grantees(gs []model.Grant) []model.PrincipalRef {
	seen := map[model.PrincipalRef]bool{}
	out := []model.PrincipalRef{}
	for _, g := range gs {
		if !g.Implied && !seen[g.Grantee] {
			seen[g.Grantee] = true
			out = append(out, g.Grantee)
		}
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// ownedBy lists what a user or role owns in the snapshot's database.
func (x *Index) ownedBy(ref model.PrincipalRef) []ObjectRow {
	out := []ObjectRow{}
	if ref.Kind != model.KindUser && ref.Kind != model.KindRole {
		return out
	}
	schemas, relations, routines := x.Owned(ref.Name)
	for _, sc := range schemas {
		out = append(out, ObjectRow{Ref: model.ObjectRef{Kind: model.ObjSchema, Schema: sc.Name}, Kind: "schema", Owner: sc.Owner})
	}
	voc := vocab.Of(x.snap)
	for _, r := range relations {
		out = append(out, ObjectRow{Ref: voc.RelationRef(r), Kind: string(r.Kind), Owner: r.Owner})
	}
	for _, r := range routines {
		out = append(out, ObjectRow{Ref: model.ObjectRef{Kind: r.Kind, Schema: r.Schema, Name: r.Name, Args: r.Args}, Kind: string(r.Kind), Owner: r.Owner})
	}
	for i := range out {
		out[i].Grantees = []model.PrincipalRef{}
	}
	return out
}

// SchemaRow is one schema in the object browser.
type SchemaRow struct {
	model.Schema
	// Objects counts the schema's objects per vocabulary kind (table, sequence, function, …).
	Objects map[model.ObjectKind]int `json:"objects"`
	Grants  int                      `json:"grants"` // explicit grants on the schema itself
}

// SchemaRows lists the schemas of the session's database (catalog schemas last).
func (x *Index) SchemaRows() (rows []SchemaRow) {
	voc := vocab.Of(x.snap)
	for _, sc := range x.Snapshot().Schemas {
		r := SchemaRow{Schema: sc, Objects: map[model.ObjectKind]int{},
			Grants: countExplicit(x.GrantsOn(model.ObjectRef{Kind: model.ObjSchema, Schema: sc.Name}))}
		for _, rel := range x.Relations(sc.Name) {
			r.Objects[voc.RelationRef(rel).Kind]++
		}
		for _, rt := range x.Routines(sc.Name) {
			r.Objects[rt.Kind]++
		}
		rows = append(rows, r)
	}
	sort.SliceStable(rows, func(i, j int) bool { return !rows[i].System && rows[j].System })
	return nonNil(rows)
}

// SchemaObjects lists one schema's relations and routines with who holds grants on each.
func (x *Index) SchemaObjects(schema string) (rows []ObjectRow, err error) {
	if _, ok := x.Schema(schema); !ok {
		return nil, apperr.NotFound("schema", schema)
	}
	voc := vocab.Of(x.snap)
	for _, rel := range x.Relations(schema) {
		ref := voc.RelationRef(rel)
		rows = append(rows, ObjectRow{Ref: ref, Kind: string(rel.Kind), Owner: rel.Owner, Grantees: Grantees(x.GrantsOn(ref))})
	}
	for _, rt := range x.Routines(schema) {
		ref := model.ObjectRef{Kind: rt.Kind, Schema: schema, Name: rt.Name, Args: rt.Args}
		rows = append(rows, ObjectRow{Ref: ref, Kind: string(rt.Kind), Owner: rt.Owner, Grantees: Grantees(x.GrantsOn(ref))})
	}
	return nonNil(rows), nil
}

// ObjectGrants lists the explicit grants on one object (for a table, its
// column grants too).
func (x *Index) ObjectGrants(ref model.ObjectRef) (gs []model.Grant) {
	for _, g := range x.GrantsOn(ref) {
		if !g.Implied {
			gs = append(gs, g)
		}
	}
	if k := vocab.Of(x.snap).Kind(ref.Kind); k != nil && len(k.ColumnPrivileges) > 0 {
		gs = append(gs, x.ColumnGrants(ref.Schema, ref.Name)...)
	}
	return nonNil(gs)
}
