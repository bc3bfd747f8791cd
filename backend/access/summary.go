package access

import "github.com/redshiftmate/rsmate/backend/model"

// Summary is a principal's effective access in numbers: what Compute's cells
// held in the login session (direct or inherited) add up to.
type Summary struct {
	Privileges int `json:"privileges"` // (object, privilege) pairs
	Objects    int `json:"objects"`
	Schemas    int `json:"schemas"` // schemas holding at least one of those objects
}

// Summaries counts the effective access of many principals at once (an access
// review of every user). It gives the numbers Compute's session cells would,
// without building cells and sources: each grant gets an id once, and each
// principal's count is a walk over the ids of the principals it reaches.
func Summaries(s *model.Snapshot, grants GrantLookup, who []model.PrincipalRef) []Summary {
	e := newEnv(s, grants) // memberships indexed once, or read through the catalog index
	pairID := map[cellKey]int32{}
	objID := map[model.ObjectRef]int32{}
	schemaID := map[string]int32{}
	var pairObj, objSchema []int32 // object of each pair; schema of each object (-1: none)
	held := map[model.PrincipalRef][]int32{}
	pairsOf := func(p model.PrincipalRef) []int32 {
		if ids, ok := held[p]; ok {
			return ids
		}
		ids := []int32{}
		add := func(g model.Grant) {
			if g.Scope != "" {
				return // scoped permissions are not object privileges
			}
			k := cellKey{g.Object, g.Privilege, ""}
			id, ok := pairID[k]
			if !ok {
				id = int32(len(pairObj))
				pairID[k] = id
				o, seen := objID[g.Object]
				if !seen {
					o = int32(len(objSchema))
					objID[g.Object] = o
					sc := int32(-1)
					if g.Object.Schema != "" {
						if sc, seen = schemaID[g.Object.Schema]; !seen {
							sc = int32(len(schemaID))
							schemaID[g.Object.Schema] = sc
						}
					}
					objSchema = append(objSchema, sc)
				}
				pairObj = append(pairObj, o)
			}
			ids = append(ids, id)
		}
		for _, g := range grants.GrantsTo(p) {
			add(g)
		}
		for _, g := range predefinedGrants(s, p) {
			add(g)
		}
		held[p] = ids
		return ids
	}
	out := make([]Summary, len(who))
	var pairSeen, objSeen, schemaSeen []int32 // the generation that last counted each id
	for n, p := range who {
		gen := int32(n + 1)
		for r := range e.reach(p) {
			for _, id := range pairsOf(r) {
				for int(id) >= len(pairSeen) {
					pairSeen = append(pairSeen, 0)
				}
				if pairSeen[id] == gen {
					continue
				}
				pairSeen[id] = gen
				out[n].Privileges++
				o := pairObj[id]
				for int(o) >= len(objSeen) {
					objSeen = append(objSeen, 0)
				}
				if objSeen[o] == gen {
					continue
				}
				objSeen[o] = gen
				out[n].Objects++
				if sc := objSchema[o]; sc >= 0 {
					for int(sc) >= len(schemaSeen) {
						schemaSeen = append(schemaSeen, 0)
					}
					if schemaSeen[sc] != gen {
						schemaSeen[sc] = gen
						out[n].Schemas++
					}
				}
			}
		}
	}
	return out
}
