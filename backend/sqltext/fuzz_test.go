package sqltext

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// Run locally, not in CI, e.g.:
//   go test ./backend/sqltext -run x -fuzz FuzzIdent -fuzztime 30s

var fuzzSeeds = []string{
	"", "a", "A", `"`, `""`, `'`, `''`, `\`, `\\`, `\'`, `'\`, "\\\"", "x\x00y", "\xff", "\xed\xa0\x80",
	"with space", "CamelCase", "日本語", "😀", "e\u0301", "\u202e", "\n", "\t", "\u2028",
	"x); DROP TABLE t; --", "/* c */", "$$", "E'x'", `U&"d\0061t"`,
	"ad\u200bmin", "\u200c", "\u200d", "\u2060x", "\ufeffx", "a\u00adb", "\u3164", "x$$y", "$q$", "a $q$ b", "$1",
	"家族👨\u200d👩\u200d👧", "می\u200cخواهم", "a\u200d👩", "👨\u200d", "\u200d👩", "👨\u200d\u200d👩",
	strings.Repeat("x", 63), strings.Repeat("x", 64), strings.Repeat("x", 127), strings.Repeat("x", 128),
	strings.Repeat("日", 42) + "x", strings.Repeat(`"`, 70),
}

// unquoteIdent reads one double-quoted identifier the way the server's lexer
// does and reports whether it spans exactly the whole input.
func unquoteIdent(q string) (string, bool) {
	if len(q) < 2 || q[0] != '"' {
		return "", false
	}
	var b strings.Builder
	for i := 1; i < len(q); i++ {
		if q[i] != '"' {
			b.WriteByte(q[i])
			continue
		}
		if i+1 < len(q) && q[i+1] == '"' {
			b.WriteByte('"')
			i++
			continue
		}
		return b.String(), i == len(q)-1 // closing quote must be the last byte
	}
	return "", false // never closed
}

// nameOK is an independent statement of the identifier rules.
func nameOK(d Dialect, s string) bool {
	if s == "" || len(s) > d.MaxIdentBytes() || !utf8.ValidString(s) {
		return false
	}
	rs := []rune(s)
	for i, r := range rs {
		// A joiner is kept only between two visible non-ASCII characters.
		if (r == 0x200c || r == 0x200d) && i > 0 && i+1 < len(rs) && visibleWide(rs[i-1]) && visibleWide(rs[i+1]) {
			continue
		}
		if r < 0x20 || r >= 0x7f && r <= 0x9f || r == 0x2028 || r == 0x2029 ||
			r == 0x061c || r == 0x200e || r == 0x200f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			return false
		}
		// invisible: zero-width, word joiner…, BOM, soft hyphen, CGJ, MVS, Hangul fillers
		if r >= 0x200b && r <= 0x200d || r >= 0x2060 && r <= 0x2064 || r == 0xfeff ||
			r == 0x00ad || r == 0x034f || r == 0x180e || r == 0x115f || r == 0x1160 || r == 0x3164 || r == 0xffa0 {
			return false
		}
	}
	return true
}

func FuzzIdent(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		for _, d := range []Dialect{Postgres, Redshift} {
			q, err := d.Ident("role", name)
			if ok := nameOK(d, name); ok != (err == nil) {
				t.Fatalf("%v.Ident(%q): error %v, rules say ok=%v", d, name, err, ok)
			}
			if err != nil {
				if q != "" {
					t.Fatalf("error with output %q", q)
				}
				continue
			}
			back, whole := unquoteIdent(q)
			if !whole || back != name {
				t.Fatalf("%v.Ident(%q) = %s reads back as %q (whole=%v)", d, name, q, back, whole)
			}
		}
	})
}

// parseLiteral reads one string literal as PostgreSQL's lexer does. escapes
// says whether a plain '…' literal treats backslash as an escape (Redshift,
// and PostgreSQL with standard_conforming_strings off); E'…' always does.
// It reports whether the literal spans exactly the whole input.
func parseLiteral(q string, escapes bool) (string, bool) {
	if strings.HasPrefix(q, "E'") || strings.HasPrefix(q, "e'") {
		escapes, q = true, q[1:]
	}
	if len(q) < 2 || q[0] != '\'' {
		return "", false
	}
	var b strings.Builder
	for i := 1; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'' && i+1 < len(q) && q[i+1] == '\'':
			b.WriteByte('\'')
			i++
		case c == '\'':
			return b.String(), i == len(q)-1
		case c == '\\' && escapes:
			i++
			if i >= len(q) {
				return "", false
			}
			switch e := q[i]; e {
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case '0', '1', '2', '3', '4', '5', '6', '7':
				j := i
				for j < len(q) && j < i+3 && q[j] >= '0' && q[j] <= '7' {
					j++
				}
				n, _ := strconv.ParseUint(q[i:j], 8, 8)
				b.WriteByte(byte(n))
				i = j - 1
			case 'x':
				j := i + 1
				for j < len(q) && j < i+3 && strings.IndexByte("0123456789abcdefABCDEF", q[j]) >= 0 {
					j++
				}
				if j == i+1 {
					b.WriteByte('x')
					break
				}
				n, _ := strconv.ParseUint(q[i+1:j], 16, 8)
				b.WriteByte(byte(n))
				i = j - 1
			case 'u', 'U':
				width := 4
				if e == 'U' {
					width = 8
				}
				if i+width >= len(q) {
					return "", false
				}
				n, err := strconv.ParseUint(q[i+1:i+1+width], 16, 32)
				if err != nil {
					return "", false
				}
				b.WriteRune(rune(n))
				i += width
			default:
				b.WriteByte(e) // \\ \' and any other character stand for themselves
			}
		default:
			b.WriteByte(c)
		}
	}
	return "", false
}

func FuzzLiteral(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		valid := utf8.ValidString(s) && !strings.Contains(s, "\x00")
		for _, d := range []Dialect{Postgres, Redshift} {
			q, err := d.Literal(s)
			if valid != (err == nil) {
				t.Fatalf("%v.Literal(%q): error %v, valid=%v", d, s, err, valid)
			}
			if err != nil {
				continue
			}
			switch d {
			case Redshift:
				// Redshift has no E'' syntax and always treats \ as an escape.
				if strings.HasPrefix(q, "E") {
					t.Fatalf("Redshift literal %s uses E''", q)
				}
				if back, whole := parseLiteral(q, true); !whole || back != s {
					t.Fatalf("Redshift.Literal(%q) = %s reads back as %q (whole=%v)", s, q, back, whole)
				}
			case Postgres:
				// Must mean the same under either standard_conforming_strings.
				for _, escapes := range []bool{false, true} {
					if back, whole := parseLiteral(q, escapes); !whole || back != s {
						t.Fatalf("Postgres.Literal(%q) = %s reads back as %q (whole=%v, escapes=%v)", s, q, back, whole, escapes)
					}
				}
			}
		}
	})
}

// sigSafe lexes a rendered signature: outside quoted names there must be no
// ; ' - / and the parenthesis opened after the name closes at the last byte.
func sigSafe(sig string) bool {
	depth, opened := 0, false
	for i := 0; i < len(sig); i++ {
		switch c := sig[i]; c {
		case '"':
			end := closingQuote(sig, i)
			if end < 0 {
				return false
			}
			i = end
		case ';', '\'', '-', '/', '\\', 0:
			return false
		case '$':
			// $$ or a word-initial $tag$ would open a dollar-quoted string.
			if i+1 < len(sig) && sig[i+1] == '$' {
				return false
			}
			if i > 0 && !isWordByte(sig[i-1]) {
				j := i + 1
				for j < len(sig) && isWordByte(sig[j]) {
					j++
				}
				if j > i+1 && j < len(sig) && sig[j] == '$' && !(sig[i+1] >= '0' && sig[i+1] <= '9') {
					return false
				}
			}
		case '(':
			depth++
			opened = true
		case ')':
			depth--
			if depth < 0 || depth == 0 && i != len(sig)-1 {
				return false
			}
		}
	}
	return opened && depth == 0 && strings.HasSuffix(sig, ")")
}

func FuzzFuncSig(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	for _, s := range []string{"integer, character varying", `"a""b" text[]`, "numeric(10,2)", "a integer) --", "(", ")("} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, args string) {
		sig, err := Redshift.FuncSig("s", "f", args)
		if err != nil {
			return
		}
		if !sigSafe(sig) {
			t.Fatalf("FuncSig accepted %q and produced unsafe %s", args, sig)
		}
	})
}

func isWordByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// visibleWide: a non-ASCII character that is itself visible (not a control,
// bidi control or invisible character), for nameOK's joiner rule.
func visibleWide(r rune) bool {
	if r < 0x80 || r == 0xfffd || r <= 0x9f || r == 0x2028 || r == 0x2029 || r == 0x061c || r == 0x200e || r == 0x200f ||
		r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
		return false
	}
	return !(r >= 0x200b && r <= 0x200d || r >= 0x2060 && r <= 0x2064 || r == 0xfeff ||
		r == 0x00ad || r == 0x034f || r == 0x180e || r == 0x115f || r == 0x1160 || r == 0x3164 || r == 0xffa0)
}
