package catalog

import "github.com/redshiftmate/rsmate/backend/model"

// relKey names a relation (the parent of column grants).
type relKey struct{ schema, name string }

// Index answers the per-screen questions about one snapshot without scanning
// it. It stores positions into the snapshot's slices; results are copies in
// snapshot order. Build it once per snapshot (Cache.Index does).
type Index struct {
	snap *model.Snapshot

	users  map[string]int32
	roles  map[string]int32
	groups map[string]int32

	grantsByGrantee map[model.PrincipalRef][]int32
	grantsByObject  map[model.ObjectRef][]int32
	columnGrants    map[relKey][]int32 // column grants by their relation

	memberOf map[model.PrincipalRef][]int32 // memberships where the principal is the member
	members  map[model.PrincipalRef][]int32 // memberships where the principal is the role or group

	defaultsByCreator map[model.PrincipalRef][]int32
	defaultsByGrantee map[model.PrincipalRef][]int32

	relationsBySchema map[string][]int32
	routinesBySchema  map[string][]int32
	schemas           map[string]int32
	relations         map[relKey]int32
}

// NewIndex builds the index of snap in one pass over each slice.
func NewIndex(snap *model.Snapshot) *Index {
	x := &Index{
		snap:              snap,
		users:             make(map[string]int32, len(snap.Users)),
		roles:             make(map[string]int32, len(snap.Roles)),
		groups:            make(map[string]int32, len(snap.Groups)),
		grantsByGrantee:   map[model.PrincipalRef][]int32{},
		grantsByObject:    map[model.ObjectRef][]int32{},
		columnGrants:      map[relKey][]int32{},
		memberOf:          map[model.PrincipalRef][]int32{},
		members:           map[model.PrincipalRef][]int32{},
		defaultsByCreator: map[model.PrincipalRef][]int32{},
		defaultsByGrantee: map[model.PrincipalRef][]int32{},
		relationsBySchema: map[string][]int32{},
		routinesBySchema:  map[string][]int32{},
		schemas:           make(map[string]int32, len(snap.Schemas)),
		relations:         make(map[relKey]int32, len(snap.Relations)),
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
	for i, g := range snap.Grants {
		i := int32(i)
		x.grantsByGrantee[g.Grantee] = append(x.grantsByGrantee[g.Grantee], i)
		if g.Object.Kind == model.ObjColumn {
			k := relKey{g.Object.Schema, g.Object.Name}
			x.columnGrants[k] = append(x.columnGrants[k], i)
		}
		x.grantsByObject[g.Object] = append(x.grantsByObject[g.Object], i)
	}
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
	}
	for i, r := range snap.Relations {
		x.relationsBySchema[r.Schema] = append(x.relationsBySchema[r.Schema], int32(i))
		x.relations[relKey{r.Schema, r.Name}] = int32(i)
	}
	for i, r := range snap.Routines {
		x.routinesBySchema[r.Schema] = append(x.routinesBySchema[r.Schema], int32(i))
	}
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
func (x *Index) GrantsTo(p model.PrincipalRef) []model.Grant {
	return pick(x.snap.Grants, x.grantsByGrantee[p])
}

// GrantsOn lists the privileges granted on exactly obj (for a column, that column).
func (x *Index) GrantsOn(obj model.ObjectRef) []model.Grant {
	return pick(x.snap.Grants, x.grantsByObject[obj])
}

// ColumnGrants lists the column privileges on every column of a relation.
func (x *Index) ColumnGrants(schema, relation string) []model.Grant {
	return pick(x.snap.Grants, x.columnGrants[relKey{schema, relation}])
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

func pick[T any](all []T, at []int32) []T {
	out := make([]T, len(at))
	for i, j := range at {
		out[i] = all[j]
	}
	return out
}
