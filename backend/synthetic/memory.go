package synthetic

import (
	"fmt"
	"time"

	"github.com/redshiftmate/rsmate/backend/model"
)

// Snapshot builds, in memory, a snapshot shaped like the catalog Build makes
// in PostgreSQL but with any number of users (the screens' benchmarks use
// 100,000): 300 roles in chains 6 deep, 50 groups (real groups: the snapshot
// is a Redshift one), 200 schemas of 100 tables and 10 functions, 35 grants
// per table spread over the users, roles and groups, column grants, owners'
// implied grants and default privileges — about 850,000 grants.
func Snapshot(users int) *model.Snapshot {
	s := &model.Snapshot{
		Engine: "redshift", Database: "bench", LoadedAt: time.Now().UTC(),
		Databases:   []model.Database{{Name: "bench", Owner: "rdsdb"}},
		Memberships: make([]model.Membership, 0, 3*users+300),
		Warnings:    []string{},
	}
	user := func(i int) string { return fmt.Sprintf("bench_u%06d", i) }
	role := func(i int) string { return fmt.Sprintf("bench_r%03d", i) }
	group := func(i int) string { return fmt.Sprintf("bench_grp_%02d", i) }
	// Names are made once: the snapshot shares them as a loaded one does.
	uNames, rNames, gNames := make([]string, users+1), make([]string, 301), make([]string, 51)
	for i := 1; i <= users; i++ {
		uNames[i] = user(i)
		s.Users = append(s.Users, model.User{ID: int64(100 + i), Name: uNames[i], Inherit: true, ConnectionLimit: -1,
			Identity: model.IdentityLocal, Config: []string{}})
	}
	for i := 1; i <= 300; i++ {
		rNames[i] = role(i)
		s.Roles = append(s.Roles, model.Role{ID: int64(200000 + i), Name: rNames[i], Owner: "rdsdb", Inherit: true})
	}
	for i := 1; i <= 50; i++ {
		gNames[i] = group(i)
		s.Groups = append(s.Groups, model.Group{ID: int64(300000 + i), Name: gNames[i]})
	}
	for i := 1; i < 300; i++ {
		if i%6 != 0 {
			s.Memberships = append(s.Memberships, model.Membership{Member: model.RoleRef(rNames[i+1]), Of: model.RoleRef(rNames[i])})
		}
	}
	for u := 1; u <= users; u++ {
		me := model.UserRef(uNames[u])
		s.Memberships = append(s.Memberships,
			model.Membership{Member: me, Of: model.RoleRef(rNames[(u*7)%300+1])},
			model.Membership{Member: me, Of: model.RoleRef(rNames[(u*13+1)%300+1])},
			model.Membership{Member: me, Of: model.GroupRef(gNames[u%50+1])})
	}
	add := s.Grants.Add
	ownerPrivs := []string{model.PrivSelect, model.PrivInsert, model.PrivUpdate, model.PrivDelete,
		model.PrivReferences, model.PrivTruncate, model.PrivTrigger}
	for sn := 1; sn <= 200; sn++ {
		sch := fmt.Sprintf("bench_s%03d", sn)
		owner := rNames[(sn-1)%300+1]
		ownerRef := model.RoleRef(owner)
		s.Schemas = append(s.Schemas, model.Schema{Name: sch, Owner: owner, Type: "local"})
		sref := model.ObjectRef{Kind: model.ObjSchema, Schema: sch}
		add(model.Grant{Object: sref, Grantee: ownerRef, Privilege: model.PrivUsage, Grantor: owner, Implied: true})
		add(model.Grant{Object: sref, Grantee: ownerRef, Privilege: model.PrivCreate, Grantor: owner, Implied: true})
		add(model.Grant{Object: sref, Grantee: model.RoleRef(rNames[sn%300+1]), Privilege: model.PrivUsage, Grantor: owner})
		add(model.Grant{Object: sref, Grantee: model.GroupRef(gNames[sn%50+1]), Privilege: model.PrivUsage, Grantor: owner})
		for t := 1; t <= 100; t++ {
			name := fmt.Sprintf("t%03d", t)
			s.Relations = append(s.Relations, model.Relation{Schema: sch, Name: name, Kind: model.RelTable, Owner: owner})
			ref := model.ObjectRef{Kind: model.ObjTable, Schema: sch, Name: name}
			for _, p := range ownerPrivs {
				add(model.Grant{Object: ref, Grantee: ownerRef, Privilege: p, Grantor: owner, Implied: true})
			}
			for k := 0; k < 20; k++ {
				add(model.Grant{Object: ref, Grantee: model.UserRef(uNames[((sn*100+t)*20+k)%users+1]), Privilege: model.PrivSelect, Grantor: owner})
			}
			var to []model.PrincipalRef
			for k := 0; k < 3; k++ {
				to = append(to, model.RoleRef(rNames[(sn*7+t*3+k*41)%300+1]))
			}
			for k := 0; k < 2; k++ {
				to = append(to, model.GroupRef(gNames[(sn+t+k*17)%50+1]))
			}
			for _, p := range to {
				for _, priv := range []string{model.PrivSelect, model.PrivInsert, model.PrivUpdate} {
					add(model.Grant{Object: ref, Grantee: p, Privilege: priv, Grantor: owner})
				}
			}
			if t%10 == 0 {
				col := ref
				col.Kind, col.Column = model.ObjColumn, "a"
				add(model.Grant{Object: col, Grantee: model.UserRef(uNames[(sn*100+t)%users+1]), Privilege: model.PrivUpdate, Grantor: owner})
			}
		}
		for f := 1; f <= 10; f++ {
			name := fmt.Sprintf("f%d", f)
			s.Routines = append(s.Routines, model.Routine{Schema: sch, Name: name, Args: "integer", Kind: model.ObjFunction,
				Owner: owner, Language: "sql", Result: "integer"})
			ref := model.ObjectRef{Kind: model.ObjFunction, Schema: sch, Name: name, Args: "integer"}
			add(model.Grant{Object: ref, Grantee: ownerRef, Privilege: model.PrivExecute, Grantor: owner, Implied: true})
			add(model.Grant{Object: ref, Grantee: model.Public, Privilege: model.PrivExecute, Grantor: owner, Default: true})
			add(model.Grant{Object: ref, Grantee: model.RoleRef(rNames[(sn+f)%300+1]), Privilege: model.PrivExecute, Grantor: owner})
		}
		s.DefaultPrivileges = append(s.DefaultPrivileges, model.DefaultPrivilege{Creator: ownerRef, Schema: sch,
			ObjectType: model.DefTables, Grantee: model.GroupRef(gNames[sn%50+1]), Privilege: model.PrivSelect})
	}
	for i := 1; i <= 20; i++ {
		s.DefaultPrivileges = append(s.DefaultPrivileges, model.DefaultPrivilege{Creator: model.RoleRef(rNames[i]),
			ObjectType: model.DefFunctions, Grantee: model.GroupRef(gNames[i]), Privilege: model.PrivExecute})
	}
	return s
}
