package model

// ObjectKind names a securable object's kind.
type ObjectKind string

const (
	ObjDatabase  ObjectKind = "database"
	ObjSchema    ObjectKind = "schema"
	ObjTable     ObjectKind = "table"    // tables, views, materialized views: the GRANT ... ON TABLE family
	ObjSequence  ObjectKind = "sequence" // PostgreSQL sequences: GRANT ... ON SEQUENCE
	ObjColumn    ObjectKind = "column"
	ObjFunction  ObjectKind = "function"
	ObjProcedure ObjectKind = "procedure"
	ObjLanguage  ObjectKind = "language"
	// Redshift only: ML models (GRANT EXECUTE ON MODEL s.m) and datashares
	// (GRANT ALTER | SHARE ON DATASHARE d); see surface.go.
	ObjModel     ObjectKind = "model"
	ObjDatashare ObjectKind = "datashare"
	ObjCopyJob   ObjectKind = "copy_job" // Redshift COPY JOB (auto-copy from Amazon S3)
)

// RelationKind refines ObjTable.
type RelationKind string

const (
	RelTable            RelationKind = "table"
	RelView             RelationKind = "view"
	RelMaterializedView RelationKind = "materialized_view"
	RelLateBindingView  RelationKind = "late_binding_view"
	RelExternalTable    RelationKind = "external_table"
	RelPartitionedTable RelationKind = "partitioned_table"
	RelForeignTable     RelationKind = "foreign_table"
	RelSequence         RelationKind = "sequence"
)

// ObjectRef identifies an object within the snapshot's database.
// Database objects use Name; schemas use Schema; relations Schema+Name;
// columns Schema+Name+Column; routines Schema+Name+Args (identity argument
// types as the catalog prints them, e.g. "integer, character varying").
type ObjectRef struct {
	Kind   ObjectKind `json:"kind" ts_type:"'database' | 'schema' | 'table' | 'sequence' | 'column' | 'function' | 'procedure' | 'language' | 'model' | 'datashare' | 'copy_job'"`
	Schema string     `json:"schema,omitempty"`
	Name   string     `json:"name,omitempty"`
	Args   string     `json:"args,omitempty"`
	Column string     `json:"column,omitempty"`
}

// Database is one database of the cluster.
type Database struct {
	Name  string `json:"name"`
	Owner string `json:"owner"`
	// Template marks PostgreSQL template databases (template0, template1).
	Template bool `json:"template,omitempty"`
}

// Schema is a namespace in the snapshot's database.
type Schema struct {
	Name  string `json:"name"`
	Owner string `json:"owner"`
	// Type is "local", "external" or "shared" (Redshift svv_all_schemas.schema_type).
	Type string `json:"type"`
	// System marks catalog schemas (pg_catalog, information_schema, pg_toast…).
	System bool `json:"system"`
}

// Relation is a table, view or materialized view.
type Relation struct {
	Schema string       `json:"schema"`
	Name   string       `json:"name"`
	Kind   RelationKind `json:"kind" ts_type:"'table' | 'view' | 'materialized_view' | 'late_binding_view' | 'external_table' | 'partitioned_table' | 'foreign_table' | 'sequence'"`
	Owner  string       `json:"owner"`
}

// Routine is a function or a procedure; Args disambiguates overloads.
type Routine struct {
	Schema   string     `json:"schema"`
	Name     string     `json:"name"`
	Args     string     `json:"args"`
	Kind     ObjectKind `json:"kind"` // ObjFunction or ObjProcedure
	Owner    string     `json:"owner"`
	Language string     `json:"language"`
	Result   string     `json:"result,omitempty"`
}

// Language is a procedural language (USAGE is grantable).
type Language struct {
	Name  string `json:"name"`
	Owner string `json:"owner,omitempty"`
	// Trusted languages accept GRANT USAGE; untrusted ones are superuser-only.
	Trusted bool `json:"trusted"`
}

// Column is one column of a relation; columns are loaded per relation on demand.
type Column struct {
	Name     string `json:"name"`
	Position int    `json:"position"`
	Type     string `json:"type"`
}
