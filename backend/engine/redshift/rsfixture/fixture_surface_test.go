package rsfixture

// Documented columns of the surface views (fixture_surface.sql), merged into
// the list TestViewsHaveDocumentedColumns checks.
func init() {
	vc := func(n int) string { return "character varying(" + itoa(n) + ")" }
	ch := func(n int) string { return "character(" + itoa(n) + ")" }
	for view, cols := range map[string][]col{
		// DG r_SVV_IAM_PRIVILEGES
		"svv_iam_privileges": {{"iam_arn", "text"}, {"command_type", "text"}, {"identity_id", "integer"},
			{"identity_name", "text"}, {"identity_type", "text"}},
		// DG r_SVV_DATASHARES
		"svv_datashares": {{"share_name", vc(128)}, {"share_id", "integer"}, {"share_owner", "integer"},
			{"source_database", vc(128)}, {"consumer_database", vc(128)}, {"share_type", vc(8)},
			{"createdate", "timestamp without time zone"}, {"is_publicaccessible", "boolean"}, {"share_acl", vc(256)},
			{"producer_account", vc(16)}, {"producer_namespace", vc(64)}, {"managed_by", vc(64)}},
		// DG r_SVV_DATASHARE_CONSUMERS
		"svv_datashare_consumers": {{"share_name", vc(128)}, {"consumer_account", vc(16)}, {"consumer_namespace", vc(64)},
			{"share_date", "timestamp without time zone"}},
		// DG r_SVV_DATASHARE_PRIVILEGES
		"svv_datashare_privileges": {{"datashare_name", "text"}, {"privilege_type", "text"}, {"identity_id", "integer"},
			{"identity_name", "text"}, {"identity_type", "text"}, {"admin_option", "boolean"}},
		// DG r_SVV_ML_MODEL_INFO
		"svv_ml_model_info": {{"database_name", ch(128)}, {"schema_name", ch(128)}, {"user_name", ch(128)},
			{"model_name", ch(128)}, {"life_cycle", ch(20)}, {"is_refreshable", "integer"}, {"model_state", ch(128)}},
		// DG r_SVV_ML_MODEL_PRIVILEGES
		"svv_ml_model_privileges": {{"namespace_name", "text"}, {"model_name", "text"}, {"model_version", "integer"},
			{"privilege_type", "text"}, {"identity_id", "integer"}, {"identity_name", "text"}, {"identity_type", "text"},
			{"admin_option", "boolean"}},
	} {
		documented[view] = cols
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
