// Package vocab is the one description of what each engine can grant: its
// object kinds (SQL keyword, words for the UI, privileges, columns, bulk and
// scoped forms, where catalog rows come from), default-privilege object types,
// system permissions, and who may hold the grant and admin options.
//
// Readers, validation, renderers, effective access and the UI (through one
// bound call) all read it, so a new kind or privilege is added here once.
package vocab

import (
	"slices"

	"github.com/redshiftmate/rsmate/backend/model"
)

// Privilege is one privilege keyword of a kind, as GRANT spells it.
type Privilege struct {
	Name string `json:"name"`
	// Help says in a few words what the privilege allows (tooltips, column headers).
	Help string `json:"help"`
	// MinVersion is the first server major version that has it (PostgreSQL 17
	// MAINTAIN); 0 means every supported version.
	MinVersion int `json:"-"`
}

// Scoped describes a Redshift scoped permission ("GRANT … FOR TABLES IN
// SCHEMA s"): it covers current and future objects of the kind.
type Scoped struct {
	// Keyword is the FOR clause's word: TABLES, FUNCTIONS, PROCEDURES, SCHEMAS, LANGUAGES, COPY JOBS.
	Keyword    string   `json:"keyword"`
	Privileges []string `json:"privileges"`
	InSchema   bool     `json:"inSchema"`
	InDatabase bool     `json:"inDatabase"`
}

// Kind describes one securable object kind on one engine.
type Kind struct {
	Kind model.ObjectKind `json:"kind" ts_type:"'database' | 'schema' | 'table' | 'sequence' | 'column' | 'function' | 'procedure' | 'language' | 'model' | 'datashare' | 'copy_job'"`
	// Keyword follows ON in GRANT … ON <Keyword> name ("TABLE", "SEQUENCE").
	Keyword string `json:"keyword"`
	// Noun and Plural are the UI's words ("table", "tables").
	Noun   string `json:"noun"`
	Plural string `json:"plural"`
	// Parent is the kind that contains it: schema for relations and routines,
	// database for schemas and languages, "" for the database itself.
	Parent model.ObjectKind `json:"parent,omitempty" ts_type:"'database' | 'schema' | 'table' | 'sequence' | 'column' | 'function' | 'procedure' | 'language' | 'model' | 'datashare' | 'copy_job'"`
	// Privileges, in the order statements and the editors show them.
	Privileges []Privilege `json:"privileges"`
	// RevokePrivileges, when set, is what REVOKE takes instead of Privileges
	// (none today; for grammars where the REVOKE list differs).
	RevokePrivileges []string `json:"-"`
	// ColumnPrivileges are grantable per column ("" = the kind has no column privileges).
	ColumnPrivileges []string `json:"columnPrivileges,omitempty"`
	// Relations are the catalog's relation kinds this kind covers (tables, views …
	// for "table"; sequences for "sequence"). Routine marks kinds read from routines.
	Relations []model.RelationKind `json:"relations,omitempty" ts_type:"('table' | 'view' | 'materialized_view' | 'late_binding_view' | 'external_table' | 'partitioned_table' | 'foreign_table' | 'sequence')[]"`
	Routine   bool                 `json:"routine,omitempty"`
	// Bulk is the "ALL … IN SCHEMA" form for existing objects ("" = none).
	Bulk string `json:"bulk,omitempty"`
	// Default is the matching ALTER DEFAULT PRIVILEGES object type ("" = none).
	Default model.DefaultObjectType `json:"default,omitempty" ts_type:"'tables' | 'functions' | 'procedures' | 'sequences' | 'types' | 'schemas'"`
	// Scoped is Redshift's scoped form for current and future objects (nil = none).
	Scoped *Scoped `json:"scoped,omitempty"`
	// Section: the kind has its own section in the privilege editor and the
	// object browser (children of a schema, or the database itself).
	Section bool `json:"section"`
	// Public is what PUBLIC holds on an object whose privileges were never
	// changed (PostgreSQL's acldefault): a script that recreates access must
	// revoke what of it the object no longer gives (nil = unknown, not scripted).
	Public []string `json:"-"`
}

// PrivilegeNames lists the kind's privilege keywords in order.
func (k *Kind) PrivilegeNames() []string {
	out := make([]string, len(k.Privileges))
	for i, p := range k.Privileges {
		out[i] = p.Name
	}
	return out
}

// DefaultType is one object type of ALTER DEFAULT PRIVILEGES.
type DefaultType struct {
	Type       model.DefaultObjectType `json:"type" ts_type:"'tables' | 'functions' | 'procedures' | 'sequences' | 'types' | 'schemas'"`
	Privileges []string                `json:"privileges"`
	// RevokePrivileges, when set, is what the REVOKE form lists (Redshift lists no DROP).
	RevokePrivileges []string `json:"revokePrivileges,omitempty"`
	// DatabaseWideOnly: IN SCHEMA is refused (PostgreSQL's schemas).
	DatabaseWideOnly bool `json:"databaseWideOnly,omitempty"`
	// MinVersion gives the first server major version of privileges newer
	// than the rest (PostgreSQL 17 MAINTAIN); ForVersion drops them before.
	MinVersion map[string]int `json:"-"`
	// Public is what PUBLIC gets on a new object of the type unless its
	// creator's database-wide default privileges say otherwise.
	Public []string `json:"-"`
}

// SystemGroup is a labelled group of system permissions (Redshift).
type SystemGroup struct {
	Label string   `json:"label"`
	Items []string `json:"items"`
}

// Vocabulary is everything one engine (at one server version) can grant.
type Vocabulary struct {
	Engine string `json:"engine"`
	Kinds  []Kind `json:"kinds"`
	// Defaults are the object types of ALTER DEFAULT PRIVILEGES.
	Defaults []DefaultType `json:"defaults"`
	// System groups the system permissions ("" on engines without them).
	System []SystemGroup `json:"system,omitempty"`
	// GrantOption: grantee kinds that may hold WITH GRANT OPTION.
	GrantOption []model.PrincipalKind `json:"grantOption" ts_type:"('user' | 'role' | 'group' | 'public')[]"`
	// AdminOption: member kinds that may hold WITH ADMIN OPTION on a role.
	AdminOption []model.PrincipalKind `json:"adminOption" ts_type:"('user' | 'role' | 'group' | 'public')[]"`
	// ScopedGrantees: who may receive scoped permissions.
	ScopedGrantees []model.PrincipalKind `json:"scopedGrantees,omitempty" ts_type:"('user' | 'role' | 'group' | 'public')[]"`
	// Aliases maps other accepted spellings to a canonical keyword (TEMPORARY → TEMP).
	Aliases map[string]string `json:"aliases,omitempty"`
	// AssumeRole is GRANT ASSUMEROLE and CreateModel GRANT CREATE MODEL TO …
	// (Redshift; nil on engines without them).
	AssumeRole  *AssumeRole `json:"assumeRole,omitempty"`
	CreateModel *Privilege  `json:"createModel,omitempty"`
}

// Kind returns the descriptor of k, or nil when the engine cannot grant on it.
func (v *Vocabulary) Kind(k model.ObjectKind) *Kind {
	for i := range v.Kinds {
		if v.Kinds[i].Kind == k {
			return &v.Kinds[i]
		}
	}
	return nil
}

// KindOfRelation is the object kind a catalog relation is granted as ("" when none covers it).
func (v *Vocabulary) KindOfRelation(r model.RelationKind) model.ObjectKind {
	for i := range v.Kinds {
		if slices.Contains(v.Kinds[i].Relations, r) {
			return v.Kinds[i].Kind
		}
	}
	return ""
}

// Default returns the descriptor of a default-privilege object type, or nil.
func (v *Vocabulary) Default(t model.DefaultObjectType) *DefaultType {
	for i := range v.Defaults {
		if v.Defaults[i].Type == t {
			return &v.Defaults[i]
		}
	}
	return nil
}

// SystemPermissions lists every system permission, in group order.
func (v *Vocabulary) SystemPermissions() []string {
	var out []string
	for _, g := range v.System {
		out = append(out, g.Items...)
	}
	return out
}

// ForVersion returns a copy without the privileges the server version lacks
// (version is the major version, e.g. 17; 0 keeps everything), on kinds and
// default-privilege types alike.
func (v *Vocabulary) ForVersion(version int) *Vocabulary {
	out := *v
	out.Kinds = make([]Kind, len(v.Kinds))
	for i, k := range v.Kinds {
		k.Privileges = slices.DeleteFunc(slices.Clone(k.Privileges), func(p Privilege) bool {
			return version > 0 && p.MinVersion > version
		})
		out.Kinds[i] = k
	}
	out.Defaults = make([]DefaultType, len(v.Defaults))
	for i, d := range v.Defaults {
		lacks := func(p string) bool { return version > 0 && d.MinVersion[p] > version }
		d.Privileges = slices.DeleteFunc(slices.Clone(d.Privileges), lacks)
		if d.RevokePrivileges != nil {
			d.RevokePrivileges = slices.DeleteFunc(slices.Clone(d.RevokePrivileges), lacks)
		}
		out.Defaults[i] = d
	}
	return &out
}

// MajorVersion is the major version of a PostgreSQL server_version_num
// (170002 → 17); 0 (unknown, Redshift) stays 0.
func MajorVersion(serverVersionNum int) int { return serverVersionNum / 10000 }

// For returns the vocabulary of an engine by name ("redshift", "postgres").
func For(engine string) *Vocabulary {
	if engine == Redshift.Engine {
		return Redshift
	}
	return Postgres
}
