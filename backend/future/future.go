// Package future answers "what will an object created tomorrow get, and for
// whom?": the privileges a new table (function, …) created by one principal in
// one schema receives from default privileges, Redshift scoped permissions,
// ownership and the engine's built-in defaults.
package future

import (
	"sort"
	"strings"

	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/vocab"
)

// Source is why a grantee gets privileges on the new object.
type Source struct {
	Kind string `json:"kind"` // owner | builtin | default_database | default_schema | scoped_schema | scoped_database
	Text string `json:"text"`
}

// Entry is one grantee of the new object.
type Entry struct {
	Grantee    model.PrincipalRef `json:"grantee"`
	Privileges []string           `json:"privileges"`
	// GrantOption lists the privileges held WITH GRANT OPTION.
	GrantOption []string `json:"grantOption"`
	Sources     []Source `json:"sources"`
}

// Answer is what the simulator says.
type Answer struct {
	Creator    model.PrincipalRef      `json:"creator"`
	Schema     string                  `json:"schema"`
	ObjectType model.DefaultObjectType `json:"objectType" ts_type:"'tables' | 'functions' | 'procedures' | 'sequences' | 'types' | 'schemas'"`
	Entries    []Entry                 `json:"entries"`
	// Notes say what the answer cannot show or assumes.
	Notes []string `json:"notes"`
}

// scopeOf maps a default-privilege object type to the Redshift scoped keyword.
var scopeOf = map[model.DefaultObjectType]string{
	model.DefTables: "TABLES", model.DefFunctions: "FUNCTIONS", model.DefProcedures: "PROCEDURES",
}

// Simulate answers for an object of type t created by creator in schema.
// ownerPrivileges lists what the owner holds on such an object (the engine's vocabulary).
func Simulate(snap *model.Snapshot, creator model.PrincipalRef, schema string, t model.DefaultObjectType, ownerPrivileges []string) Answer {
	a := Answer{Creator: creator, Schema: schema, ObjectType: t, Entries: []Entry{}, Notes: []string{}}
	type key = model.PrincipalRef
	entries := map[key]*Entry{}
	add := func(who key, priv string, option bool, src Source) {
		e := entries[who]
		if e == nil {
			e = &Entry{Grantee: who, Privileges: []string{}, GrantOption: []string{}}
			entries[who] = e
		}
		if !contains(e.Privileges, priv) {
			e.Privileges = append(e.Privileges, priv)
		}
		if option && !contains(e.GrantOption, priv) {
			e.GrantOption = append(e.GrantOption, priv)
		}
		for _, s := range e.Sources {
			if s == src {
				return
			}
		}
		e.Sources = append(e.Sources, src)
	}
	owner := Source{Kind: "owner", Text: "owns what it creates"}
	pg := snap.Engine == "postgres"

	// Database-wide defaults of the creator replace the built-in ones on
	// PostgreSQL (the owner's own rights included); schema defaults add to them.
	var global, inSchema []model.DefaultPrivilege
	for _, d := range snap.DefaultPrivileges {
		if d.Creator != creator || d.ObjectType != t {
			continue
		}
		switch d.Schema {
		case "":
			global = append(global, d)
		case schema:
			inSchema = append(inSchema, d)
		}
	}
	ownerListed := false
	for _, d := range global {
		if d.Grantee == creator {
			ownerListed = true
		}
	}
	switch {
	case pg && len(global) > 0:
		for _, d := range global {
			src := Source{Kind: "default_database", Text: "default privilege set by " + creator.Name + " for the whole database"}
			if d.Grantee == creator {
				src = owner
			}
			add(d.Grantee, d.Privilege, d.GrantOption, src)
		}
		if !ownerListed {
			a.Notes = append(a.Notes, creator.Name+"'s database-wide default privileges leave out its own rights: as owner it can still grant them back to itself")
		}
	default:
		for _, p := range ownerPrivileges {
			add(creator, p, false, owner)
		}
		if pg {
			for _, p := range publicByDefault(snap, t) {
				add(model.Public, p, false, Source{Kind: "builtin", Text: "PostgreSQL grants it to PUBLIC on every new " + strings.TrimSuffix(string(t), "s")})
			}
		}
		for _, d := range global { // Redshift: database-wide defaults add to the owner's rights
			add(d.Grantee, d.Privilege, d.GrantOption, Source{Kind: "default_database", Text: "default privilege set by " + creator.Name + " for the whole database"})
		}
	}
	for _, d := range inSchema {
		add(d.Grantee, d.Privilege, d.GrantOption, Source{Kind: "default_schema", Text: "default privilege set by " + creator.Name + " in schema " + schema})
	}

	// Redshift scoped permissions cover objects anyone creates.
	if scope, ok := scopeOf[t]; ok {
		for _, g := range snap.Grants.All() {
			if g.Scope != scope {
				continue
			}
			switch {
			case g.Object.Kind == model.ObjSchema && g.Object.Schema == schema:
				add(g.Grantee, g.Privilege, g.GrantOption, Source{Kind: "scoped_schema", Text: "scoped permission FOR " + scope + " IN SCHEMA " + schema})
			case g.Object.Kind == model.ObjDatabase:
				add(g.Grantee, g.Privilege, g.GrantOption, Source{Kind: "scoped_database", Text: "scoped permission FOR " + scope + " IN DATABASE " + g.Object.Name})
			}
		}
	}
	if pg && t == model.DefProcedures {
		a.Notes = append(a.Notes, "PostgreSQL's default privileges on functions also cover procedures")
	}
	a.Notes = append(a.Notes, "Members of each grantee (through roles and groups) get the same access; open the grantee to see them")

	for _, e := range entries {
		a.Entries = append(a.Entries, *e)
	}
	sort.Slice(a.Entries, func(i, j int) bool {
		x, y := a.Entries[i].Grantee, a.Entries[j].Grantee
		if (x == creator) != (y == creator) {
			return x == creator
		}
		if x.Kind != y.Kind {
			return x.Kind < y.Kind
		}
		return x.Name < y.Name
	})
	return a
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// publicByDefault: PostgreSQL gives PUBLIC these on new objects unless a
// database-wide default privilege for the creator says otherwise (docs:
// ddl-priv.html, "PostgreSQL grants privileges on some types of objects to
// PUBLIC by default").
func publicByDefault(snap *model.Snapshot, t model.DefaultObjectType) []string {
	if dt := vocab.Of(snap).Default(t); dt != nil {
		return dt.Public
	}
	return nil
}
