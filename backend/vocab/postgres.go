package vocab

import "github.com/redshiftmate/rsmate/backend/model"

// Postgres is PostgreSQL's grant vocabulary (GRANT, ALTER DEFAULT PRIVILEGES;
// docs: sql-grant.html, ddl-priv.html; what PUBLIC holds by default: ddl-priv.html
// table 5.2, "Summary of Access Privileges").
var Postgres = &Vocabulary{
	Engine: "postgres",
	Kinds: []Kind{
		{Kind: model.ObjDatabase, Keyword: "DATABASE", Noun: "database", Plural: "databases", Section: true,
			Privileges: []Privilege{create("create schemas"), connect, temp}, Public: []string{model.PrivConnect, model.PrivTemp}},
		{Kind: model.ObjSchema, Keyword: "SCHEMA", Noun: "schema", Plural: "schemas", Parent: model.ObjDatabase,
			Privileges: []Privilege{usage("look up objects in the schema"), create("create objects in the schema")}},
		{Kind: model.ObjTable, Keyword: "TABLE", Noun: "table", Plural: "tables", Parent: model.ObjSchema, Section: true,
			Privileges:       []Privilege{selectRows, insertRows, updateRows, deleteRows, truncate, references, trigger, maintain},
			ColumnPrivileges: []string{model.PrivSelect, model.PrivInsert, model.PrivUpdate, model.PrivReferences},
			Relations: []model.RelationKind{model.RelTable, model.RelPartitionedTable, model.RelView,
				model.RelMaterializedView, model.RelForeignTable},
			Bulk: "ALL TABLES IN SCHEMA", Default: model.DefTables},
		{Kind: model.ObjSequence, Keyword: "SEQUENCE", Noun: "sequence", Plural: "sequences", Parent: model.ObjSchema, Section: true,
			Privileges: []Privilege{usage("call currval and nextval"), {Name: model.PrivSelect, Help: "call currval"},
				{Name: model.PrivUpdate, Help: "call nextval and setval"}},
			Relations: []model.RelationKind{model.RelSequence}, Bulk: "ALL SEQUENCES IN SCHEMA", Default: model.DefSequences},
		{Kind: model.ObjFunction, Keyword: "FUNCTION", Noun: "function", Plural: "functions", Parent: model.ObjSchema, Section: true,
			Privileges: []Privilege{execute}, Routine: true, Bulk: "ALL FUNCTIONS IN SCHEMA", Default: model.DefFunctions,
			Public: []string{model.PrivExecute}},
		{Kind: model.ObjProcedure, Keyword: "PROCEDURE", Noun: "procedure", Plural: "procedures", Parent: model.ObjSchema, Section: true,
			Privileges: []Privilege{execute}, Routine: true, Bulk: "ALL PROCEDURES IN SCHEMA", Public: []string{model.PrivExecute}},
		{Kind: model.ObjLanguage, Keyword: "LANGUAGE", Noun: "language", Plural: "languages", Parent: model.ObjDatabase,
			Privileges: []Privilege{usage("create functions in the language")}, Public: []string{model.PrivUsage}},
	},
	Defaults: []DefaultType{
		{Type: model.DefTables, Privileges: []string{"SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER", "MAINTAIN"},
			MinVersion: map[string]int{"MAINTAIN": 17}},
		{Type: model.DefSequences, Privileges: []string{"USAGE", "SELECT", "UPDATE"}},
		{Type: model.DefFunctions, Privileges: []string{"EXECUTE"}, Public: []string{model.PrivExecute}},
		{Type: model.DefTypes, Privileges: []string{"USAGE"}, Public: []string{model.PrivUsage}},
		{Type: model.DefSchemas, Privileges: []string{"USAGE", "CREATE"}, DatabaseWideOnly: true},
	},
	GrantOption: []model.PrincipalKind{model.KindUser, model.KindRole},
	AdminOption: []model.PrincipalKind{model.KindUser, model.KindRole},
	Aliases:     map[string]string{"TEMPORARY": "TEMP"},
}

// Privileges shared by both engines' descriptors.
var (
	selectRows = Privilege{Name: model.PrivSelect, Help: "read rows"}
	insertRows = Privilege{Name: model.PrivInsert, Help: "add rows"}
	updateRows = Privilege{Name: model.PrivUpdate, Help: "change rows"}
	deleteRows = Privilege{Name: model.PrivDelete, Help: "remove rows"}
	truncate   = Privilege{Name: model.PrivTruncate, Help: "empty the table"}
	references = Privilege{Name: model.PrivReferences, Help: "create foreign keys that refer to it"}
	trigger    = Privilege{Name: model.PrivTrigger, Help: "create triggers on it"}
	execute    = Privilege{Name: model.PrivExecute, Help: "call it"}
	connect    = Privilege{Name: model.PrivConnect, Help: "connect to the database"}
	temp       = Privilege{Name: model.PrivTemp, Help: "create temporary tables"}
)

// maintain is PostgreSQL 17's MAINTAIN (VACUUM, ANALYZE, CLUSTER, REFRESH
// MATERIALIZED VIEW, REINDEX, LOCK TABLE; sql-grant.html).
var maintain = Privilege{Name: model.PrivMaintain, Help: "vacuum, analyze, reindex, refresh, lock", MinVersion: 17}

func usage(help string) Privilege  { return Privilege{Name: model.PrivUsage, Help: help} }
func create(help string) Privilege { return Privilege{Name: model.PrivCreate, Help: help} }
