package redshift

import (
	"regexp"
	"strings"
	"testing"
)

var (
	pgName  = regexp.MustCompile(`(?i)\bpg_\w+`)
	svvName = regexp.MustCompile(`(?i)\bsvv_\w+`)
	// leader-node-only functions and array handling
	// (https://docs.aws.amazon.com/redshift/latest/dg/c_SQL_functions_leader_node_only.html)
	leaderOnly = regexp.MustCompile(`(?i)\b(has_\w+_privilege|array_to_string|array_upper|generate_series|current_schema|unnest|any)\s*\(`)
)

// Redshift rejects statements that mix leader-node catalogs with svv_* views.
func TestNoStatementMixesLeaderCatalogsWithSVV(t *testing.T) {
	all := allSQL()
	if len(all) < len(steps)+2 {
		t.Fatalf("allSQL returned %d statements", len(all))
	}
	for _, sql := range all {
		pg, svv := pgName.FindString(sql), svvName.FindString(sql)
		if pg != "" && svv != "" {
			t.Errorf("statement uses %s and %s:\n%s", pg, svv, sql)
		}
		if svv != "" {
			if f := leaderOnly.FindString(sql); f != "" {
				t.Errorf("svv statement uses leader-node function %s:\n%s", f, sql)
			}
		}
		if pg == "" && svv == "" && !strings.Contains(sql, "current_database()") {
			t.Errorf("statement reads neither a catalog nor a view:\n%s", sql)
		}
	}
}

// One statement per string (the extended protocol rejects several), no literal
// backslashes (Redshift literals treat them as escapes), arguments only as $n.
func TestStatementsAreSingleAndPlain(t *testing.T) {
	for _, sql := range allSQL() {
		if strings.Contains(strings.TrimRight(strings.TrimSpace(sql), ";"), ";") || strings.HasSuffix(strings.TrimSpace(sql), ";") {
			t.Errorf("statement contains a semicolon:\n%s", sql)
		}
		if strings.Contains(sql, `\`) {
			t.Errorf("statement contains a backslash:\n%s", sql)
		}
		if strings.Contains(sql, "pg_catalog.") {
			t.Errorf("statement qualifies pg_catalog (names must resolve through search_path):\n%s", sql)
		}
	}
}

// The checks above must be able to fail.
func TestMixCheckCatchesMixing(t *testing.T) {
	bad := `SELECT r.role_name FROM svv_roles r JOIN pg_user u ON u.usename = r.role_owner`
	if pgName.FindString(bad) == "" || svvName.FindString(bad) == "" {
		t.Fatal("mix check does not see a mixed statement")
	}
	if leaderOnly.FindString(`SELECT array_to_string(x, ',') FROM svv_roles`) == "" {
		t.Fatal("leader-only check does not see array_to_string")
	}
}

func TestStepsAreFixed(t *testing.T) {
	if len(steps) != 27 {
		t.Errorf("a load has %d steps; update the expected count only together with the integration tests", len(steps))
	}
	super := steps[2].sql(&rawCatalog{session: sessionRow{superuser: true}})
	plain := steps[2].sql(&rawCatalog{})
	if !strings.Contains(super, "pg_user_info") || strings.Contains(plain, "pg_user_info") {
		t.Errorf("users step: superuser reads %q, others %q", super, plain)
	}
}
