package redshift

import (
	"reflect"
	"testing"

	"github.com/redshiftmate/rsmate/backend/model"
)

func TestClassifyUser(t *testing.T) {
	cases := []struct {
		name, externalID string
		want             model.IdentityType
	}{
		{"alice", "", model.IdentityLocal},
		{"Alice Smith", "", model.IdentityLocal},
		{"ünïcødé", "", model.IdentityLocal},
		{"IAM:alice", "", model.IdentityIAM},
		{"IAMA:temp_creds_user:example_group", "", model.IdentityIAM},
		{"IAMR:my-role", "", model.IdentityIAMRole},
		{"IAMR:admin", "", model.IdentityIAMRole},
		{"iamr:lowercase", "", model.IdentityIdC}, // the prefixes are case-sensitive; anything else with a colon is an IdP namespace
		{"myco_aad:bob", "ABC123", model.IdentityIdC},
		{"aad:carol", "", model.IdentityIdC},
		{"dave", "ext-1", model.IdentityIdC},
		{"rdsdb", "", model.IdentitySystem},
		{"RDSDB", "", model.IdentitySystem},
		{"ds:share_consumer", "", model.IdentitySystem},
	}
	for _, c := range cases {
		if got := ClassifyUser(c.name, c.externalID); got != c.want {
			t.Errorf("ClassifyUser(%q, %q) = %s, want %s", c.name, c.externalID, got, c.want)
		}
	}
}

func TestIsSystemRole(t *testing.T) {
	for name, want := range map[string]bool{
		"sys:superuser": true, "sys:dba": true, "SYS:monitor": true, "ds:share_1": true,
		"analyst": false, "system_admin": false, "dsx": false, "my:role": false,
	} {
		if got := IsSystemRole(name); got != want {
			t.Errorf("IsSystemRole(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestPrincipal(t *testing.T) {
	cases := []struct {
		typ, name string
		want      model.PrincipalRef
		ok        bool
	}{
		{"user", "alice", model.PrincipalRef{Kind: model.KindUser, Name: "alice"}, true},
		{"role", "r1", model.PrincipalRef{Kind: model.KindRole, Name: "r1"}, true},
		{"group", "g1", model.PrincipalRef{Kind: model.KindGroup, Name: "g1"}, true},
		{"public", "public", model.Public, true},
		{"PUBLIC", "", model.Public, true},
		{" Role ", "r2", model.PrincipalRef{Kind: model.KindRole, Name: "r2"}, true},
		{"datashare", "x", model.PrincipalRef{}, false},
		{"", "x", model.PrincipalRef{}, false},
	}
	for _, c := range cases {
		got, ok := Principal(c.typ, c.name)
		if got != c.want || ok != c.ok {
			t.Errorf("Principal(%q, %q) = %+v, %v; want %+v, %v", c.typ, c.name, got, ok, c.want, c.ok)
		}
	}
}

func TestParseIDList(t *testing.T) {
	cases := []struct {
		in   string
		want []int64
		err  bool
	}{
		{"", nil, false},
		{"  ", nil, false},
		{"{}", nil, false},
		{"100", []int64{100}, false},
		{"100,101,102", []int64{100, 101, 102}, false},
		{"{100,101}", []int64{100, 101}, false}, // array printed as text rather than joined
		{"100, 101", []int64{100, 101}, false},
		{"100,NULL,101", []int64{100, 101}, false},
		{"100,,101", []int64{100, 101}, false},
		{"2147483647", []int64{2147483647}, false},
		{"100,abc", nil, true},
	}
	for _, c := range cases {
		got, err := ParseIDList(c.in)
		if (err != nil) != c.err {
			t.Errorf("ParseIDList(%q) error = %v, want error %v", c.in, err, c.err)
			continue
		}
		if !c.err && !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseIDList(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestScope(t *testing.T) {
	cases := []struct{ scope, level, want string }{
		{"SCHEMA", "SCHEMA", ""},
		{"", "SCHEMA", ""},
		{"schema", "SCHEMA", ""},
		{"TABLES", "SCHEMA", "TABLES"},
		{"FUNCTIONS", "SCHEMA", "FUNCTIONS"},
		{"DATABASE", "DATABASE", ""},
		{"SCHEMAS", "DATABASE", "SCHEMAS"},
		{"tables", "DATABASE", "TABLES"},
		{"LANGUAGES", "DATABASE", "LANGUAGES"},
		{"PROCEDURES", "DATABASE", "PROCEDURES"},
		{"SCHEMA", "DATABASE", "SCHEMA"},
	}
	for _, c := range cases {
		if got := Scope(c.scope, c.level); got != c.want {
			t.Errorf("Scope(%q, %q) = %q, want %q", c.scope, c.level, got, c.want)
		}
	}
}

func TestSmallMappings(t *testing.T) {
	for in, want := range map[string]int{"UNLIMITED": -1, "": -1, "unlimited": -1, "-1": -1, "0": 0, "5": 5, " 12 ": 12} {
		if got := ParseConnectionLimit(in); got != want {
			t.Errorf("ParseConnectionLimit(%q) = %d, want %d", in, got, want)
		}
	}
	for in, want := range map[string]string{"TEMPORARY": "TEMP", "temp": "TEMP", "select": "SELECT", " USAGE ": "USAGE", "DROP": "DROP"} {
		if got := NormalizePrivilege(in); got != want {
			t.Errorf("NormalizePrivilege(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"": "", "integer": "integer", "integer,character varying": "integer, character varying",
		"integer,  character   varying": "integer, character varying", "INTEGER": "integer",
	} {
		if got := NormalizeArgs(in); got != want {
			t.Errorf("NormalizeArgs(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"infinity": "", "": "", "2031-01-01 00:00:00+00": "2031-01-01 00:00:00+00"} {
		if got := ValidUntil(in); got != want {
			t.Errorf("ValidUntil(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]model.DefaultObjectType{
		"RELATION": model.DefTables, "FUNCTION": model.DefFunctions, "PROCEDURE": model.DefProcedures, "COPY JOB": "copy job",
	} {
		if got := DefaultObjectType(in); got != want {
			t.Errorf("DefaultObjectType(%q) = %q, want %q", in, got, want)
		}
	}
	kinds := []struct {
		relkind string
		natts   int
		want    model.RelationKind
		ok      bool
	}{
		{"r", 3, model.RelTable, true}, {"v", 2, model.RelView, true}, {"v", 0, model.RelLateBindingView, true},
		{"m", 1, model.RelMaterializedView, true}, {"p", 1, model.RelPartitionedTable, true},
		{"f", 1, model.RelForeignTable, true}, {"S", 0, "", false}, {"i", 1, "", false},
	}
	for _, k := range kinds {
		got, ok := RelationKind(k.relkind, k.natts)
		if got != k.want || ok != k.ok {
			t.Errorf("RelationKind(%q, %d) = %q, %v; want %q, %v", k.relkind, k.natts, got, ok, k.want, k.ok)
		}
	}
	types := []struct {
		typ                     string
		length, precision, scal int
		want                    string
	}{
		{"character varying", 256, 0, 0, "character varying(256)"},
		{"character", 1, 0, 0, "character(1)"},
		{"character varying", 0, 0, 0, "character varying"},
		{"numeric", 0, 10, 2, "numeric(10,2)"},
		{"integer", 0, 32, 0, "integer"},
		{"timestamp without time zone", 0, 0, 0, "timestamp without time zone"},
	}
	for _, c := range types {
		if got := ColumnType(c.typ, c.length, c.precision, c.scal); got != c.want {
			t.Errorf("ColumnType(%q, %d, %d, %d) = %q, want %q", c.typ, c.length, c.precision, c.scal, got, c.want)
		}
	}
	if got := SplitConfig("search_path=a, b\x1fdatestyle=ISO, MDY"); !reflect.DeepEqual(got, []string{"search_path=a, b", "datestyle=ISO, MDY"}) {
		t.Errorf("SplitConfig = %q", got)
	}
	if got := SplitConfig(""); got != nil {
		t.Errorf("SplitConfig(\"\") = %q, want nil", got)
	}
}
