package catalog

import "github.com/redshiftmate/rsmate/backend/model"

// relKey names a relation (the parent of column grants).
type relKey struct{ schema, name string }

// Index answers the per-screen questions about one snapshot without scanning
// it. It stores positions into the snapshot's slices and per-principal counts;
// results are copies in snapshot order. Grants are indexed by the snapshot's
// GrantTable itself. Build it once per snapshot (Cache.Index does).
type Index struct {
	snap *model.Snapshot

	users  map[string]int32
	roles  map[string]int32
	groups map[string]int32

	memberOf map[model.PrincipalRef][]int32 // memberships where the principal is the member
	members  map[model.PrincipalRef][]int32 // memberships where the principal is the role or group

	defaultsByCreator map[model.PrincipalRef][]int32
	defaultsByGrantee map[model.PrincipalRef][]int32

	relationsBySchema map[string][]int32
	routinesBySchema  map[string][]int32
	schemas           map[string]int32
	relations         map[relKey]int32

	// owned lists what each user or role owns in the database (schemas,
	// relations, routines): positions, per kind.
	owned map[string]*ownedSet
	// systemPrivileges by grantee.
	systemPrivileges map[model.PrincipalRef][]string

	// The list screens' rows (screens.go).
	userRows  []UserRow
	roleRows  []RoleRow
	groupRows []GroupRow
}

type ownedSet struct{ schemas, relations, routines []int32 }

// NewIndex builds the index of snap in one pass over each slice.
func NewIndex(snap *model.Snapshot) *Index {
	x := &Index{
		snap:              snap,
		users:             make(map[string]int32, len(snap.Users)),
		roles:             make(map[string]int32, len(snap.Roles)),
		groups:            make(map[string]int32, len(snap.Groups)),
		memberOf:          map[model.PrincipalRef][]int32{},
		members:           map[model.PrincipalRef][]int32{},
		defaultsByCreator: map[model.PrincipalRef][]int32{},
		defaultsByGrantee: map[model.PrincipalRef][]int32{},
		relationsBySchema: map[string][]int32{},
		routinesBySchema:  map[string][]int32{},
		schemas:           make(map[string]int32, len(snap.Schemas)),
		relations:         make(map[relKey]int32, len(snap.Relations)),
		owned:             map[string]*ownedSet{},
		systemPrivileges:  map[model.PrincipalRef][]string{},
	}
	owner := func(name string) *ownedSet {
		o := x.owned[name]
		if o == nil {
			o = &ownedSet{}
			x.owned[name] = o
		}
		return o
	}
	for i, u := range snap.Users {
		x.users[u.Name] = int32(i)
	}
	for i, r := range snap.Roles {
		x.roles[r.Name] = int32(i)
	}
	for i, g := range snap.Groups {
		x.groups[g.Name] = int32(i)
	}
	// The grants' own index, built now rather than by the first screen.
	snap.Grants.Count(model.Public)
	for i, m := range snap.Memberships {
		x.memberOf[m.Member] = append(x.memberOf[m.Member], int32(i))
		x.members[m.Of] = append(x.members[m.Of], int32(i))
	}
	for i, d := range snap.DefaultPrivileges {
		x.defaultsByCreator[d.Creator] = append(x.defaultsByCreator[d.Creator], int32(i))
		x.defaultsByGrantee[d.Grantee] = append(x.defaultsByGrantee[d.Grantee], int32(i))
	}
	for i, s := range snap.Schemas {
		x.schemas[s.Name] = int32(i)
		if !s.System {
			owner(s.Owner).schemas = append(owner(s.Owner).schemas, int32(i))
		}
	}
	for i, r := range snap.Relations {
		x.relationsBySchema[r.Schema] = append(x.relationsBySchema[r.Schema], int32(i))
		x.relations[relKey{r.Schema, r.Name}] = int32(i)
		owner(r.Owner).relations = append(owner(r.Owner).relations, int32(i))
	}
	for i, r := range snap.Routines {
		x.routinesBySchema[r.Schema] = append(x.routinesBySchema[r.Schema], int32(i))
		owner(r.Owner).routines = append(owner(r.Owner).routines, int32(i))
	}
	for _, p := range snap.SystemPrivileges {
		x.systemPrivileges[p.Grantee] = append(x.systemPrivileges[p.Grantee], p.Privilege)
	}
	x.buildRows()
	return x
}

// Snapshot returns the indexed snapshot.
func (x *Index) Snapshot() *model.Snapshot { return x.snap }

// User finds a user by name.
func (x *Index) User(name string) (model.User, bool) {
	i, ok := x.users[name]
	if !ok {
		return model.User{}, false
	}
	return x.snap.Users[i], true
}

// Role finds a role by name.
func (x *Index) Role(name string) (model.Role, bool) {
	i, ok := x.roles[name]
	if !ok {
		return model.Role{}, false
	}
	return x.snap.Roles[i], true
}

// Group finds a group by name.
func (x *Index) Group(name string) (model.Group, bool) {
	i, ok := x.groups[name]
	if !ok {
		return model.Group{}, false
	}
	return x.snap.Groups[i], true
}

// Exists reports whether the principal is in the snapshot (PUBLIC always is).
func (x *Index) Exists(p model.PrincipalRef) bool {
	switch p.Kind {
	case model.KindPublic:
		return true
	case model.KindUser:
		_, ok := x.users[p.Name]
		return ok
	case model.KindRole:
		_, ok := x.roles[p.Name]
		return ok
	case model.KindGroup:
		_, ok := x.groups[p.Name]
		return ok
	}
	return false
}

// GrantsTo lists the privileges held directly by p (not through memberships).
func (x *Index) GrantsTo(p model.PrincipalRef) []model.Grant { return x.snap.Grants.To(p) }

// GrantsToIn lists the privileges held directly by p on objects of one
// schema ("" : the database and objects outside schemas).
func (x *Index) GrantsToIn(p model.PrincipalRef, schema string) []model.Grant {
	return x.snap.Grants.ToInSchema(p, schema)
}

// GrantsOn lists the privileges granted on exactly obj (for a column, that column).
func (x *Index) GrantsOn(obj model.ObjectRef) []model.Grant { return x.snap.Grants.On(obj) }

// ColumnGrants lists the column privileges on every column of a relation.
func (x *Index) ColumnGrants(schema, relation string) []model.Grant {
	return x.snap.Grants.OnColumns(schema, relation)
}

// Counts are a principal's list figures, read from the index: no grant or
// membership is copied.
type Counts struct {
	Grants        int // direct grants, the owner's implied ones left out
	RoleMemberOf  int // role memberships where p is the member
	GroupMemberOf int // group memberships where p is the member
	Members       int // memberships where p is the role or group
}

// Count returns p's list figures.
func (x *Index) Count(p model.PrincipalRef) Counts {
	c := Counts{Members: len(x.members[p])}
	_, c.Grants = x.snap.Grants.Count(p)
	for _, i := range x.memberOf[p] {
		if x.snap.Memberships[i].Of.Kind == model.KindGroup {
			c.GroupMemberOf++
		} else {
			c.RoleMemberOf++
		}
	}
	return c
}

// SystemPrivileges lists the Redshift system permissions granted to p.
func (x *Index) SystemPrivileges(p model.PrincipalRef) []string {
	return x.systemPrivileges[p]
}

// MemberOf lists the memberships where p is the member (its roles and groups).
func (x *Index) MemberOf(p model.PrincipalRef) []model.Membership {
	return pick(x.snap.Memberships, x.memberOf[p])
}

// Members lists the memberships where p is the role or group (its members).
func (x *Index) Members(p model.PrincipalRef) []model.Membership {
	return pick(x.snap.Memberships, x.members[p])
}

// DefaultsBy lists default privileges for objects that p creates.
func (x *Index) DefaultsBy(p model.PrincipalRef) []model.DefaultPrivilege {
	return pick(x.snap.DefaultPrivileges, x.defaultsByCreator[p])
}

// DefaultsFor lists default privileges that give p something.
func (x *Index) DefaultsFor(p model.PrincipalRef) []model.DefaultPrivilege {
	return pick(x.snap.DefaultPrivileges, x.defaultsByGrantee[p])
}

// Schema finds a schema by name.
func (x *Index) Schema(name string) (model.Schema, bool) {
	i, ok := x.schemas[name]
	if !ok {
		return model.Schema{}, false
	}
	return x.snap.Schemas[i], true
}

// Relation finds a relation by schema and name.
func (x *Index) Relation(schema, name string) (model.Relation, bool) {
	i, ok := x.relations[relKey{schema, name}]
	if !ok {
		return model.Relation{}, false
	}
	return x.snap.Relations[i], true
}

// Relations lists the relations of a schema.
func (x *Index) Relations(schema string) []model.Relation {
	return pick(x.snap.Relations, x.relationsBySchema[schema])
}

// Routines lists the functions and procedures of a schema.
func (x *Index) Routines(schema string) []model.Routine {
	return pick(x.snap.Routines, x.routinesBySchema[schema])
}

// Owned lists the schemas (system ones left out), relations and routines
// owned by the user or role with this name.
func (x *Index) Owned(name string) (schemas []model.Schema, relations []model.Relation, routines []model.Routine) {
	o := x.owned[name]
	if o == nil {
		return nil, nil, nil
	}
	return pick(x.snap.Schemas, o.schemas), pick(x.snap.Relations, o.relations), pick(x.snap.Routines, o.routines)
}

func pick[T any](all []T, at []int32) []T {
	out := make([]T, len(at))
	for i, j := range at {
		out[i] = all[j]
	}
	return out
}
