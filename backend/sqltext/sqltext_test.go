package sqltext

import (
	"errors"
	"strings"
	"testing"

	"github.com/redshiftmate/rsmate/backend/apperr"
)

// wantErr checks err is an *apperr.Error with code and a message containing msg.
func wantErr(t *testing.T, err error, code, msg string) {
	t.Helper()
	var e *apperr.Error
	if !errors.As(err, &e) {
		t.Fatalf("error = %v (%T), want *apperr.Error %s", err, err, code)
	}
	if e.Code != code {
		t.Fatalf("code = %q, want %q (message %q)", e.Code, code, e.Message)
	}
	if !strings.Contains(e.Message, msg) {
		t.Fatalf("message = %q, want it to contain %q", e.Message, msg)
	}
}

func TestIdent(t *testing.T) {
	name127 := strings.Repeat("a", 124) + "日" // 124 + 3 bytes
	name63 := strings.Repeat("b", 59) + "😀"   // 59 + 4 bytes
	tests := []struct {
		d    Dialect
		name string
		want string
	}{
		{Redshift, "plain", `"plain"`},
		{Redshift, "CamelCase", `"CamelCase"`},
		{Redshift, "with space", `"with space"`},
		{Redshift, `Quote"d`, `"Quote""d"`},
		{Redshift, `"`, `""""`},
		{Redshift, `""`, `""""""`},
		{Redshift, `back\slash`, `"back\slash"`},
		{Redshift, `it's`, `"it's"`},
		{Redshift, "semi;colon -- /*x*/", `"semi;colon -- /*x*/"`},
		{Redshift, "IAMR:my-role", `"IAMR:my-role"`},
		{Redshift, "select", `"select"`},
		{Redshift, "emoji 😀🎉", `"emoji 😀🎉"`},
		{Redshift, "家族👨‍👩‍👧", `"家族👨‍👩‍👧"`}, // ZWJ sequence is printable
		{Redshift, "日本語テーブル", `"日本語テーブル"`},
		{Redshift, "e\u0301t\u0301e\u0301", "\"e\u0301t\u0301e\u0301\""},
		{Redshift, " lead and trail ", `" lead and trail "`},
		{Redshift, "$1", `"$1"`},
		{Redshift, name127, `"` + name127 + `"`},
		{Postgres, name63, `"` + name63 + `"`},
		{Postgres, `Mixed "Case" \ 'x'`, `"Mixed ""Case"" \ 'x'"`},
	}
	for _, tt := range tests {
		got, err := tt.d.Ident("role", tt.name)
		if err != nil {
			t.Errorf("%v.Ident(%q): %v", tt.d, tt.name, err)
			continue
		}
		if got != tt.want {
			t.Errorf("%v.Ident(%q) = %s, want %s", tt.d, tt.name, got, tt.want)
		}
	}
}

func TestIdentRejects(t *testing.T) {
	tests := []struct {
		d    Dialect
		name string
		msg  string
	}{
		{Redshift, "", "the role name is empty"},
		{Redshift, strings.Repeat("x", 128), "the role name is 128 bytes; Redshift allows at most 127"},
		{Redshift, strings.Repeat("x", 130), "is 130 bytes; Redshift allows at most 127"},
		{Redshift, strings.Repeat("日", 43), "is 129 bytes; Redshift allows at most 127"}, // 43 chars only
		{Postgres, strings.Repeat("x", 64), "is 64 bytes; PostgreSQL allows at most 63"},
		{Postgres, strings.Repeat("b", 60) + "😀", "is 64 bytes"},
		{Redshift, "nul\x00inside", "contains a NUL character at byte 3"},
		{Postgres, "\x00", "NUL"},
		{Redshift, "bad\xffutf8", "is not valid UTF-8"},
		{Redshift, "\xed\xa0\x80", "is not valid UTF-8"}, // encoded surrogate
		{Redshift, "line\nbreak", "control character U+000A at byte 4"},
		{Postgres, "cr\r", "U+000D"},
		{Redshift, "tab\there", "U+0009"},
		{Redshift, "del\x7f", "U+007F"},
		{Redshift, "c1\u0085", "U+0085"},
		{Redshift, "ls\u2028", "U+2028"},
		{Redshift, "evil\u202egnp.exe", "bidirectional control character U+202E"},
		{Postgres, "rli\u2067x", "U+2067"},
		{Redshift, "ad\u200bmin", "contains the invisible character U+200B (zero width space) at byte 2"},
		{Postgres, "a\u200cb", "invisible character U+200C (zero width non-joiner)"},
		{Redshift, "a\u200db", "invisible character U+200D (zero width joiner)"},
		{Redshift, "👨\u200d", "invisible character U+200D"}, // a joiner joining nothing
		{Redshift, "👨\u200d\u200d👩", "U+200D (zero width joiner) at byte 4"},
		{Redshift, "lrm\u200e", "bidirectional control character U+200E"},
		{Redshift, "rlm\u200f", "bidirectional control character U+200F"},
		{Redshift, "wj\u2060", "invisible character U+2060 (word joiner)"},
		{Postgres, "\ufeffbom", "invisible character U+FEFF"},
		{Redshift, "soft\u00adhyphen", "invisible character U+00AD (soft hyphen)"},
		{Redshift, "\u3164", "invisible character U+3164"},
		{Redshift, "lre\u202a", "bidirectional control character U+202A"},
		{Redshift, "pdi\u2069", "bidirectional control character U+2069"},
		{Redshift, "c0\x1b", "control character U+001B"},
		{Redshift, "c1\u009b", "control character U+009B"},
	}
	for _, tt := range tests {
		got, err := tt.d.Ident("role", tt.name)
		if err == nil {
			t.Errorf("%v.Ident(%q) = %s, want error", tt.d, tt.name, got)
			continue
		}
		wantErr(t, err, CodeInvalidName, tt.msg)
	}
	// Names over the limit are reported with the kind the caller gave.
	_, err := Redshift.Ident("schema", strings.Repeat("s", 200))
	wantErr(t, err, CodeInvalidName, "the schema name is 200 bytes")
	// The zero Dialect is refused rather than guessed.
	if _, err := Dialect(0).Ident("role", "x"); err == nil {
		t.Fatal("zero dialect accepted")
	}
	if _, err := Dialect(0).Literal("x"); err == nil {
		t.Fatal("zero dialect accepted for literals")
	}
}

func TestMaxIdentBytes(t *testing.T) {
	if Postgres.MaxIdentBytes() != 63 || Redshift.MaxIdentBytes() != 127 {
		t.Fatalf("limits = %d/%d", Postgres.MaxIdentBytes(), Redshift.MaxIdentBytes())
	}
	for _, d := range []Dialect{Postgres, Redshift} {
		if _, err := d.Ident("role", strings.Repeat("z", d.MaxIdentBytes())); err != nil {
			t.Errorf("%v: name of exactly the limit rejected: %v", d, err)
		}
		if _, err := d.Ident("role", strings.Repeat("z", d.MaxIdentBytes()+1)); err == nil {
			t.Errorf("%v: name one byte over the limit accepted", d)
		}
	}
}

func TestQualified(t *testing.T) {
	got, err := Redshift.Qualified("My Schema", `ta"ble`)
	if err != nil || got != `"My Schema"."ta""ble"` {
		t.Fatalf("Qualified = %s, %v", got, err)
	}
	got, err = Postgres.Qualified("db", "s", "t")
	if err != nil || got != `"db"."s"."t"` {
		t.Fatalf("Qualified(3) = %s, %v", got, err)
	}
	got, err = Postgres.Qualified("solo")
	if err != nil || got != `"solo"` {
		t.Fatalf("Qualified(1) = %s, %v", got, err)
	}
	_, err = Redshift.Qualified("ok", "")
	wantErr(t, err, CodeInvalidName, "the object name is empty")
	_, err = Redshift.Qualified("s\n", "t")
	wantErr(t, err, CodeInvalidName, "the schema name contains the control character")
	_, err = Redshift.Qualified()
	wantErr(t, err, CodeInvalidName, "1 to 3 parts, not 0")
	_, err = Redshift.Qualified("a", "b", "c", "d")
	wantErr(t, err, CodeInvalidName, "not 4")
}

func TestLiteral(t *testing.T) {
	tests := []struct {
		in, redshift, postgres string
	}{
		{"", `''`, `''`},
		{"plain", `'plain'`, `'plain'`},
		{"it's", `'it''s'`, `'it''s'`},
		{"''", `''''''`, `''''''`},
		{`back\slash`, `'back\\slash'`, `E'back\\slash'`},
		{`\`, `'\\'`, `E'\\'`},
		{`\'`, `'\\'''`, `E'\\'''`},
		{`x\'; DROP TABLE t; --`, `'x\\''; DROP TABLE t; --'`, `E'x\\''; DROP TABLE t; --'`},
		{`\n is not a newline`, `'\\n is not a newline'`, `E'\\n is not a newline'`},
		{"real\nnewline", "'real\nnewline'", "'real\nnewline'"},
		{"unicode 日本 😀 e\u0301", "'unicode 日本 😀 e\u0301'", "'unicode 日本 😀 e\u0301'"},
		{`"double"`, `'"double"'`, `'"double"'`},
		{"$$dollar$$", `'$$dollar$$'`, `'$$dollar$$'`},
		{"md5153c434b4b77c89e6b94f12c5393af5b", `'md5153c434b4b77c89e6b94f12c5393af5b'`, `'md5153c434b4b77c89e6b94f12c5393af5b'`},
	}
	for _, tt := range tests {
		if got, err := Redshift.Literal(tt.in); err != nil || got != tt.redshift {
			t.Errorf("Redshift.Literal(%q) = %s, %v; want %s", tt.in, got, err, tt.redshift)
		}
		if got, err := Postgres.Literal(tt.in); err != nil || got != tt.postgres {
			t.Errorf("Postgres.Literal(%q) = %s, %v; want %s", tt.in, got, err, tt.postgres)
		}
	}
	for _, d := range []Dialect{Redshift, Postgres} {
		_, err := d.Literal("a\x00b")
		wantErr(t, err, CodeInvalidValue, "NUL character at byte 1")
		_, err = d.Literal("a\xc3")
		wantErr(t, err, CodeInvalidValue, "not valid UTF-8")
	}
}

func TestIntBool(t *testing.T) {
	if Int(-1) != "-1" || Int(0) != "0" || Int(9223372036854775807) != "9223372036854775807" {
		t.Fatal("Int")
	}
	if Bool(true) != "TRUE" || Bool(false) != "FALSE" {
		t.Fatal("Bool")
	}
}

func TestFuncSig(t *testing.T) {
	tests := []struct {
		schema, name, args, want string
	}{
		{"public", "f", "", `"public"."f"()`},
		{"public", "f", "integer, character varying", `"public"."f"(integer, character varying)`},
		{"S", "My Func", "a integer, OUT b text", `"S"."My Func"(a integer, OUT b text)`},
		{"s", "f", "numeric(10,2), integer[], timestamp without time zone", `"s"."f"(numeric(10,2), integer[], timestamp without time zone)`},
		{"s", "f", `"odd schema"."My ""type""", "a;b"[]`, `"s"."f"("odd schema"."My ""type""", "a;b"[])`},
		{"s", "f", `"--not a comment", "/*nor this*/"`, `"s"."f"("--not a comment", "/*nor this*/")`},
		{"s", "f", "VARIADIC anyarray", `"s"."f"(VARIADIC anyarray)`},
		{"s", "f", "$1 integer", `"s"."f"($1 integer)`},
		{"s", "f", "prénom text, 名前 text", `"s"."f"(prénom text, 名前 text)`},
		{"s", "f", "  integer  ", `"s"."f"(integer)`},
	}
	for _, tt := range tests {
		got, err := Redshift.FuncSig(tt.schema, tt.name, tt.args)
		if err != nil || got != tt.want {
			t.Errorf("FuncSig(%q, %q, %q) = %s, %v; want %s", tt.schema, tt.name, tt.args, got, err, tt.want)
		}
	}
	bad := []struct{ args, msg string }{
		{"integer); DROP TABLE t; --", "unmatched ) at byte 7"},
		{"integer; DROP TABLE t", "contains ';'"},
		{"integer) --", "unmatched )"},
		{"integer -- x", "contains '-'"},
		{"integer /* x */", "contains '/'"},
		{"text DEFAULT 'x'", `contains '\''`},
		{"(integer", "unbalanced parentheses"},
		{"integer]", "unmatched ]"},
		{"integer[", "unbalanced brackets"},
		{`"unclosed`, "unclosed double quote"},
		{`"a""`, "unclosed double quote"},
		{"integer\n", `contains '\n'`},
		{"a\x00", `contains '\x00'`},
		{"\"x\ny\"", "U+000A inside a quoted name"},
		{"a\xff", "not valid UTF-8"},
		{"a\u00a0integer", "contains '\\u00a0'"},
		{"a\u202einteger", "contains '\\u202e'"},
		{"a: integer", "contains ':'"},
		{"integer, $$", "contains $$ at byte 9, which would start a dollar-quoted string"},
		{"a$$b integer", "contains $$ at byte 1"},
		{"text, $q$x", "contains $q$ at byte 6, which would start a dollar-quoted string"},
		{"a\u200binteger", `contains '\u200b'`},
		{"\"x\u2060y\"", "U+2060 inside a quoted name"},
	}
	for _, b := range bad {
		got, err := Postgres.FuncSig("s", "f", b.args)
		if err == nil {
			t.Errorf("FuncSig args %q = %s, want error", b.args, got)
			continue
		}
		wantErr(t, err, CodeInvalidSignature, b.msg)
	}
	_, err := Postgres.FuncSig("", "f", "")
	wantErr(t, err, CodeInvalidName, "the schema name is empty")
}

func TestErrorDetailIsShort(t *testing.T) {
	_, err := Redshift.Ident("user", strings.Repeat("é", 100))
	e := apperr.As(err)
	if len(e.Detail) > 80 || !strings.HasSuffix(e.Detail, "…") {
		t.Fatalf("detail = %q", e.Detail)
	}
}

// Joiners between visible non-ASCII characters are part of emoji and of
// Persian and Indic spelling; they stay accepted.
func TestIdentKeepsJoinersInsideWords(t *testing.T) {
	for _, name := range []string{"家族👨\u200d👩\u200d👧", "می\u200cخواهم", "क्\u200dष"} {
		if _, err := Redshift.Ident("role", name); err != nil {
			t.Errorf("Ident(%q): %v", name, err)
		}
	}
}
