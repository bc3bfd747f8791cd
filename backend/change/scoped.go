package change

// Scoped targets (Redshift "GRANT … FOR <scope> IN SCHEMA s | IN DATABASE d",
// DG r_GRANT scoped permissions): one target per FOR keyword and level. The
// table below is the one place that ties a target to its keyword, so the
// validator, simulator, verifier and renderers agree on every scoped form.
const (
	TargetScopedFunctionsInDatabase  Target = "scoped_functions_in_database"
	TargetScopedProceduresInSchema   Target = "scoped_procedures_in_schema"
	TargetScopedProceduresInDatabase Target = "scoped_procedures_in_database"
	TargetScopedLanguagesInDatabase  Target = "scoped_languages_in_database"
	TargetScopedCopyJobsInDatabase   Target = "scoped_copy_jobs_in_database"
)

type scopedForm struct {
	keyword    string // FOR clause: TABLES, FUNCTIONS, PROCEDURES, SCHEMAS, LANGUAGES, COPY JOBS
	inDatabase bool   // IN DATABASE d (else IN SCHEMA s)
}

var scopedTargets = map[Target]scopedForm{
	TargetScopedTablesInSchema:       {"TABLES", false},
	TargetScopedFunctionsInSchema:    {"FUNCTIONS", false},
	TargetScopedProceduresInSchema:   {"PROCEDURES", false},
	TargetScopedTablesInDatabase:     {"TABLES", true},
	TargetScopedFunctionsInDatabase:  {"FUNCTIONS", true},
	TargetScopedProceduresInDatabase: {"PROCEDURES", true},
	TargetScopedSchemasInDatabase:    {"SCHEMAS", true},
	TargetScopedLanguagesInDatabase:  {"LANGUAGES", true},
	TargetScopedCopyJobsInDatabase:   {"COPY JOBS", true},
}

// Scope says whether t is a scoped target, and if so its FOR keyword
// (Grant.Scope spells it the same way) and whether it names a database.
func (t Target) Scope() (keyword string, inDatabase, ok bool) {
	f, ok := scopedTargets[t]
	return f.keyword, f.inDatabase, ok
}

// ScopedTarget is the target for a scope keyword at one level ("" when the
// grammar has no such form, e.g. SCHEMAS IN SCHEMA).
func ScopedTarget(keyword string, inDatabase bool) Target {
	for t, f := range scopedTargets {
		if f.keyword == keyword && f.inDatabase == inDatabase {
			return t
		}
	}
	return ""
}
