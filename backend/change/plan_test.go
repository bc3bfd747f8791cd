package change

import (
	"strings"
	"testing"
)

func TestRedshiftScriptStartsWithCaseSensitiveIdentifiersAndHasNoRunnablePlaceholder(t *testing.T) {
	p := &Plan{Transactional: true, Statements: []Statement{
		{SQL: `CREATE USER "Ann" PASSWORD 'md5x'`, Display: `CREATE USER "Ann" PASSWORD ` + RedactedPassword, Summary: "Create user Ann"},
	}}
	script := p.Script("header", true)
	var code []string
	for _, l := range strings.Split(script, "\n") {
		if l != "" && !strings.HasPrefix(l, "--") {
			code = append(code, l)
		}
	}
	if len(code) < 3 || code[0] != "SET enable_case_sensitive_identifier TO true;" || code[1] != "BEGIN;" {
		t.Fatalf("the script's first statements are %q, want SET enable_case_sensitive_identifier then BEGIN", code)
	}
	if strings.Contains(script, "'********'") || strings.Contains(script, "md5x") {
		t.Fatalf("script:\n%s", script)
	}
	if !strings.Contains(script, "-- Passwords are not in this script") || !strings.Contains(script, "fold") {
		t.Fatalf("script lacks the comments that explain the placeholder and the SET:\n%s", script)
	}
	if pg := p.Script("header", false); strings.Contains(pg, "enable_case_sensitive_identifier") {
		t.Fatalf("a PostgreSQL script sets a Redshift-only parameter:\n%s", pg)
	}
}
