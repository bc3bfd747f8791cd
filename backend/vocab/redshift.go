package vocab

import "github.com/redshiftmate/rsmate/backend/model"

// Redshift is Amazon Redshift's grant vocabulary (Database Developer Guide:
// r_GRANT, r_REVOKE, r_ALTER_DEFAULT_PRIVILEGES, r_roles-system-privileges).
var Redshift = &Vocabulary{
	Engine: "redshift",
	Kinds: []Kind{
		{Kind: model.ObjDatabase, Keyword: "DATABASE", Noun: "database", Plural: "databases", Section: true,
			Privileges: []Privilege{create("create schemas"), usage("use a datashare database"), temp,
				alter("change the database's settings")}},
		{Kind: model.ObjSchema, Keyword: "SCHEMA", Noun: "schema", Plural: "schemas", Parent: model.ObjDatabase,
			Privileges: []Privilege{create("create objects in the schema"), usage("look up objects in the schema"),
				alter("alter the schema"), drop("drop the schema")},
			Scoped: &Scoped{Keyword: "SCHEMAS", Privileges: []string{"CREATE", "USAGE", "ALTER", "DROP"}, InDatabase: true}},
		{Kind: model.ObjTable, Keyword: "TABLE", Noun: "table", Plural: "tables", Parent: model.ObjSchema, Section: true,
			Privileges: []Privilege{selectRows, insertRows, updateRows, deleteRows, drop("drop the table"), references,
				alter("alter the table"), truncate},
			ColumnPrivileges: []string{model.PrivSelect, model.PrivUpdate},
			Relations: []model.RelationKind{model.RelTable, model.RelView, model.RelMaterializedView,
				model.RelLateBindingView, model.RelExternalTable, model.RelPartitionedTable, model.RelForeignTable},
			Bulk: "ALL TABLES IN SCHEMA", Default: model.DefTables,
			Scoped: &Scoped{Keyword: "TABLES", Privileges: []string{"SELECT", "INSERT", "UPDATE", "DELETE", "DROP", "ALTER", "TRUNCATE", "REFERENCES"},
				InSchema: true, InDatabase: true}},
		{Kind: model.ObjFunction, Keyword: "FUNCTION", Noun: "function", Plural: "functions", Parent: model.ObjSchema, Section: true,
			Privileges: []Privilege{execute}, Routine: true, Bulk: "ALL FUNCTIONS IN SCHEMA", Default: model.DefFunctions,
			Scoped: &Scoped{Keyword: "FUNCTIONS", Privileges: []string{"EXECUTE"}, InSchema: true, InDatabase: true}},
		{Kind: model.ObjProcedure, Keyword: "PROCEDURE", Noun: "procedure", Plural: "procedures", Parent: model.ObjSchema, Section: true,
			Privileges: []Privilege{execute}, Routine: true, Bulk: "ALL PROCEDURES IN SCHEMA", Default: model.DefProcedures,
			Scoped: &Scoped{Keyword: "PROCEDURES", Privileges: []string{"EXECUTE"}, InSchema: true, InDatabase: true}},
		{Kind: model.ObjLanguage, Keyword: "LANGUAGE", Noun: "language", Plural: "languages", Parent: model.ObjDatabase,
			Privileges: []Privilege{usage("create functions in the language")},
			Scoped:     &Scoped{Keyword: "LANGUAGES", Privileges: []string{"USAGE"}, InDatabase: true}},
		// DG r_GRANT "machine learning model privileges"; catalog rows: svv_ml_model_info, svv_ml_model_privileges.
		{Kind: model.ObjModel, Keyword: "MODEL", Noun: "ML model", Plural: "ML models", Parent: model.ObjSchema, Section: true,
			Privileges: []Privilege{{Name: model.PrivExecute, Help: "run the model's prediction function"}}},
		// DG r_GRANT datashare: ALTER and SHARE only (USAGE goes to consumer
		// namespaces and accounts, change.GrantDatashareUsage); catalog rows:
		// svv_datashares, svv_datashare_privileges, svv_datashare_consumers.
		{Kind: model.ObjDatashare, Keyword: "DATASHARE", Noun: "datashare", Plural: "datashares", Parent: model.ObjDatabase,
			Privileges: []Privilege{alter("add or remove objects, set PUBLICACCESSIBLE"),
				{Name: "SHARE", Help: "add or remove consumers"}}},
		// COPY JOB (auto-copy from Amazon S3): GRANT { ALTER | DROP } ON COPY JOB j,
		// and the scoped form FOR COPY JOBS IN DATABASE d, which adds CREATE. No
		// documented view lists copy-job grants, so the kind has no section.
		{Kind: model.ObjCopyJob, Keyword: "COPY JOB", Noun: "copy job", Plural: "copy jobs", Parent: model.ObjDatabase,
			Privileges: []Privilege{alter("change the copy job"), drop("drop the copy job")},
			Scoped:     &Scoped{Keyword: "COPY JOBS", Privileges: []string{"CREATE", "ALTER", "DROP"}, InDatabase: true}},
	},
	Defaults: []DefaultType{
		{Type: model.DefTables, Privileges: []string{"SELECT", "INSERT", "UPDATE", "DELETE", "DROP", "REFERENCES", "TRUNCATE"},
			RevokePrivileges: []string{"SELECT", "INSERT", "UPDATE", "DELETE", "REFERENCES", "TRUNCATE"}},
		{Type: model.DefFunctions, Privileges: []string{"EXECUTE"}, Public: []string{model.PrivExecute}},
		{Type: model.DefProcedures, Privileges: []string{"EXECUTE"}},
	},
	System: []SystemGroup{
		{Label: "Users and roles", Items: []string{"CREATE USER", "ALTER USER", "DROP USER", "CREATE ROLE", "DROP ROLE"}},
		{Label: "Schemas and defaults", Items: []string{"CREATE SCHEMA", "DROP SCHEMA", "ALTER DEFAULT PRIVILEGES"}},
		{Label: "Catalog and monitoring", Items: []string{"ACCESS CATALOG", "ACCESS SYSTEM TABLE", "CANCEL"}},
		{Label: "Tables", Items: []string{"CREATE TABLE", "ALTER TABLE", "DROP TABLE", "TRUNCATE TABLE", "VACUUM", "ANALYZE"}},
		{Label: "Views", Items: []string{"CREATE OR REPLACE VIEW", "DROP VIEW"}},
		{Label: "Functions and procedures", Items: []string{"CREATE OR REPLACE FUNCTION", "CREATE OR REPLACE EXTERNAL FUNCTION",
			"DROP FUNCTION", "CREATE OR REPLACE PROCEDURE", "DROP PROCEDURE"}},
		{Label: "Models, datashares and libraries", Items: []string{"CREATE MODEL", "DROP MODEL", "CREATE DATASHARE",
			"ALTER DATASHARE", "DROP DATASHARE", "CREATE LIBRARY", "DROP LIBRARY"}},
		{Label: "Row-level security and masking", Items: []string{"IGNORE RLS", "EXPLAIN RLS", "EXPLAIN MASKING"}},
	},
	GrantOption:    []model.PrincipalKind{model.KindUser},
	AdminOption:    []model.PrincipalKind{model.KindUser},
	ScopedGrantees: []model.PrincipalKind{model.KindUser, model.KindRole},
	Aliases:        map[string]string{"TEMPORARY": "TEMP"},
	AssumeRole:     redshiftAssumeRole,
	CreateModel:    redshiftCreateModel,
}

func alter(help string) Privilege { return Privilege{Name: model.PrivAlter, Help: help} }
func drop(help string) Privilege  { return Privilege{Name: model.PrivDrop, Help: help} }
