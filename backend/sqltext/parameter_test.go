package sqltext

import (
	"strings"
	"testing"
)

func TestParameterNameAcceptsWordsAndDottedCustomNames(t *testing.T) {
	for in, want := range map[string]string{"search_path": "search_path", " Statement_Timeout ": "statement_timeout", "app.tenant_1": "app.tenant_1"} {
		if got, err := ParameterName(in); err != nil || got != want {
			t.Errorf("ParameterName(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestParameterNameRefusesWhatIsNotAName(t *testing.T) {
	for in, want := range map[string]string{
		"":                            "empty",
		"all":                         "RESET ALL",
		"search_path; DROP":           "only letters",
		"1abc":                        "starting with a letter",
		"a..b":                        "empty part",
		"work-mem":                    "only letters",
		"x" + strings.Repeat("y", 63): "longer than 63",
	} {
		_, err := ParameterName(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParameterName(%q) error %v, want it to say %q", in, err, want)
		}
	}
}

func TestParameterValueQuotesEachListElement(t *testing.T) {
	for _, tc := range []struct {
		d                 Dialect
		name, value, want string
	}{
		{Redshift, "search_path", "webapp, public", `'webapp', 'public'`},
		{Postgres, "search_path", `"$user", "Odd, one", x`, `'$user', 'Odd, one', 'x'`},
		{Postgres, "search_path", `"say ""hi"""`, `'say "hi"'`},
		{Redshift, "statement_timeout", "5min", `'5min'`},
		{Redshift, "query_group", `it's \ here`, `'it''s \\ here'`},
		{Postgres, "application_name", `back\slash`, `E'back\\slash'`},
		{Postgres, "DateStyle", "ISO, MDY", `'ISO', 'MDY'`},
	} {
		got, err := tc.d.ParameterValue(tc.name, tc.value)
		if err != nil || got != tc.want {
			t.Errorf("%s ParameterValue(%q, %q) = %q, %v; want %q", tc.d, tc.name, tc.value, got, err, tc.want)
		}
	}
}

func TestParameterValueRefusesBrokenLists(t *testing.T) {
	for value, want := range map[string]string{
		`a, "b`:  "unclosed quote",
		`a,, b`:  "empty element",
		`"a"b`:   "text after a closing quote",
		`a"b"`:   "quote inside an element",
		"a\x00b": "NUL",
	} {
		_, err := Postgres.ParameterValue("search_path", value)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParameterValue(search_path, %q) error %v, want it to say %q", value, err, want)
		}
	}
}
