package model

// Privilege keywords as they appear in GRANT statements.
const (
	PrivSelect     = "SELECT"
	PrivInsert     = "INSERT"
	PrivUpdate     = "UPDATE"
	PrivDelete     = "DELETE"
	PrivReferences = "REFERENCES"
	PrivTruncate   = "TRUNCATE"
	PrivTrigger    = "TRIGGER"
	PrivRule       = "RULE"
	PrivAlter      = "ALTER"
	PrivDrop       = "DROP"
	PrivUsage      = "USAGE"
	PrivCreate     = "CREATE"
	PrivTemp       = "TEMP"
	PrivConnect    = "CONNECT"
	PrivExecute    = "EXECUTE"
	PrivMaintain   = "MAINTAIN"
)

// Grant is one explicit privilege held by one grantee on one object.
type Grant struct {
	Object      ObjectRef    `json:"object"`
	Grantee     PrincipalRef `json:"grantee"`
	Privilege   string       `json:"privilege"`
	GrantOption bool         `json:"grantOption"`
	Grantor     string       `json:"grantor,omitempty"`
	// Scope is "" for an object grant, or a Redshift scoped permission covering
	// current and future objects: "SCHEMAS", "TABLES", "FUNCTIONS", "PROCEDURES",
	// "LANGUAGES". Scoped grants use Object.Kind database (… IN DATABASE) or schema (… IN SCHEMA).
	Scope string `json:"scope,omitempty"`
	// Implied marks the owner's own privilege (grantee and grantor are the
	// object's owner): it comes with ownership, so lists usually hide it.
	Implied bool `json:"implied,omitempty"`
	// Default marks a row from the engine's built-in defaults: the object's
	// privileges were never changed (PostgreSQL ACL NULL, read via acldefault).
	Default bool `json:"default,omitempty"`
}

// DefaultObjectType names what a default privilege applies to.
type DefaultObjectType string

const (
	DefTables     DefaultObjectType = "tables"
	DefFunctions  DefaultObjectType = "functions"
	DefProcedures DefaultObjectType = "procedures"
	DefSequences  DefaultObjectType = "sequences" // PostgreSQL
	DefTypes      DefaultObjectType = "types"     // PostgreSQL
	DefSchemas    DefaultObjectType = "schemas"   // PostgreSQL, database-wide only
)

// DefaultPrivilege is one privilege that objects created later by Creator get.
type DefaultPrivilege struct {
	Creator PrincipalRef `json:"creator"` // FOR USER / FOR ROLE
	// Schema is "" for database-wide defaults.
	Schema      string            `json:"schema,omitempty"`
	ObjectType  DefaultObjectType `json:"objectType" ts_type:"'tables' | 'functions' | 'procedures' | 'sequences' | 'types' | 'schemas'"`
	Grantee     PrincipalRef      `json:"grantee"`
	Privilege   string            `json:"privilege"`
	GrantOption bool              `json:"grantOption"`
	// Implied marks the creator's own privilege (grantee is the creator).
	Implied bool `json:"implied,omitempty"`
}

// SystemPrivilege is a Redshift system permission (CREATE USER, ACCESS SYSTEM TABLE, …).
type SystemPrivilege struct {
	Privilege string       `json:"privilege"`
	Grantee   PrincipalRef `json:"grantee"`
}
