// Package sqltext is the only place where names and values become SQL text:
// identifiers, qualified names, string literals, routine signatures, numbers,
// and password hashes (password.go). DDL cannot take bind parameters, so every
// renderer builds statements from these helpers and nothing else.
//
// Quoting is engine-aware:
//   - Identifiers are always double-quoted, so the stored case is kept (Redshift
//     keeps the case of quoted user names even with case-insensitive
//     identifiers) and no keyword list is needed. A name over the engine's
//     limit is an error, never silently truncated as PostgreSQL would.
//   - Redshift string literals treat backslash as an escape character and have
//     no E-string syntax, so both ' and \ are doubled. PostgreSQL literals double ';
//     a value holding a backslash is written as E'…' with \ doubled too, which
//     reads the same whatever standard_conforming_strings is set to.
package sqltext

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/redshiftmate/rsmate/backend/apperr"
)

// Dialect is the SQL flavour of a server engine. The zero value is invalid so a
// forgotten dialect fails loudly instead of quoting for the wrong engine.
type Dialect int

const (
	Postgres Dialect = iota + 1
	Redshift
)

// Error codes of this package.
const (
	CodeInvalidName      = "invalid_name"
	CodeInvalidValue     = "invalid_value"
	CodeInvalidSignature = "invalid_signature"
)

func (d Dialect) String() string {
	switch d {
	case Postgres:
		return "PostgreSQL"
	case Redshift:
		return "Redshift"
	}
	return "Dialect(" + strconv.Itoa(int(d)) + ")"
}

// MaxIdentBytes is the longest name, in bytes, the engine stores unchanged:
// PostgreSQL's NAMEDATALEN-1 (longer names are truncated by the server) and
// Redshift's documented 127 bytes.
func (d Dialect) MaxIdentBytes() int {
	switch d {
	case Postgres:
		return 63
	case Redshift:
		return 127
	}
	return 0
}

func (d Dialect) check() error {
	if d != Postgres && d != Redshift {
		return &apperr.Error{Code: "internal", Message: "unknown SQL dialect " + d.String()}
	}
	return nil
}

// Ident returns name as a double-quoted identifier. kind ("role", "schema", …)
// only words the error message. Names must be 1..MaxIdentBytes bytes of valid,
// printable UTF-8: no control, line-separator or bidirectional-control
// characters, which would make the previewed SQL read differently from what
// runs, and no invisible (zero-width) characters, which make two different
// names look the same in the preview and the lists.
func (d Dialect) Ident(kind, name string) (string, error) {
	if err := d.checkName(kind, name); err != nil {
		return "", err
	}
	return quoteIdent(name), nil
}

func quoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// CheckName reports whether name is acceptable to Ident, without quoting it.
func (d Dialect) CheckName(kind, name string) error { return d.checkName(kind, name) }

func (d Dialect) checkName(kind, name string) error {
	if err := d.check(); err != nil {
		return err
	}
	if kind == "" {
		kind = "object"
	}
	bad := func(format string, args ...any) error {
		return &apperr.Error{
			Code:    CodeInvalidName,
			Message: fmt.Sprintf("the %s name %s", kind, fmt.Sprintf(format, args...)),
			Detail:  "name: " + shorten(name),
		}
	}
	if name == "" {
		return &apperr.Error{Code: CodeInvalidName, Message: fmt.Sprintf("the %s name is empty", kind)}
	}
	if !utf8.ValidString(name) {
		return bad("is not valid UTF-8")
	}
	if n, max := len(name), d.MaxIdentBytes(); n > max {
		return bad("is %d bytes; %s allows at most %d", n, d, max)
	}
	if r, i, found := hiddenRune(name); found {
		return bad("contains the invisible character %U (%s) at byte %d; a name that looks like another is refused", r, invisibleName(r), i)
	}
	for i, r := range name {
		if r == 0 {
			return bad("contains a NUL character at byte %d", i)
		}
		if isControl(r) {
			return bad("contains the control character %U at byte %d; names must be printable", r, i)
		}
		if isBidiControl(r) {
			return bad("contains the bidirectional control character %U at byte %d, which makes SQL display differently from how it runs", r, i)
		}
	}
	return nil
}

// hiddenRune finds the first invisible character of s. Zero-width joiner and
// non-joiner are part of emoji sequences (👨\u200d👩) and of Persian and Indic
// spelling, so between two visible non-ASCII characters they are kept; next
// to ASCII they only disguise a name ("ad\u200dmin").
func hiddenRune(s string) (rune, int, bool) {
	prev := rune(-1)
	for i, r := range s {
		if isInvisible(r) {
			if (r == 0x200c || r == 0x200d) && visibleNonASCII(prev) {
				next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
				if i+utf8.RuneLen(r) < len(s) && visibleNonASCII(next) {
					prev = r
					continue
				}
			}
			return r, i, true
		}
		prev = r
	}
	return 0, 0, false
}

func visibleNonASCII(r rune) bool {
	return r >= utf8.RuneSelf && r != utf8.RuneError && !isControl(r) && !isBidiControl(r) && !isInvisible(r)
}

// Qualified returns dot-joined quoted names: "schema"."table". With three parts
// the first is the database.
func (d Dialect) Qualified(parts ...string) (string, error) {
	kinds := map[int][]string{1: {"object"}, 2: {"schema", "object"}, 3: {"database", "schema", "object"}}[len(parts)]
	if kinds == nil {
		return "", &apperr.Error{Code: CodeInvalidName, Message: fmt.Sprintf("a qualified name has 1 to 3 parts, not %d", len(parts))}
	}
	out := make([]string, len(parts))
	for i, p := range parts {
		q, err := d.Ident(kinds[i], p)
		if err != nil {
			return "", err
		}
		out[i] = q
	}
	return strings.Join(out, "."), nil
}

// Literal returns s as a string literal for the dialect. NUL (which neither
// engine can store in text) and invalid UTF-8 are rejected.
func (d Dialect) Literal(s string) (string, error) {
	if err := d.check(); err != nil {
		return "", err
	}
	if !utf8.ValidString(s) {
		return "", &apperr.Error{Code: CodeInvalidValue, Message: "the value is not valid UTF-8"}
	}
	if i := strings.IndexByte(s, 0); i >= 0 {
		return "", &apperr.Error{Code: CodeInvalidValue, Message: fmt.Sprintf("the value contains a NUL character at byte %d", i)}
	}
	q := strings.ReplaceAll(s, `'`, `''`)
	switch {
	case d == Redshift:
		return "'" + strings.ReplaceAll(q, `\`, `\\`) + "'", nil
	case strings.Contains(s, `\`):
		// Same as libpq's PQescapeLiteral: E'' means the same under either
		// standard_conforming_strings setting, a plain '' with \ does not.
		return "E'" + strings.ReplaceAll(q, `\`, `\\`) + "'", nil
	}
	return "'" + q + "'", nil
}

// Int renders an integer.
func Int(n int64) string { return strconv.FormatInt(n, 10) }

// Bool renders a boolean constant.
func Bool(b bool) string {
	if b {
		return "TRUE"
	}
	return "FALSE"
}

// FuncSig renders a routine signature: "schema"."name"(args).
//
// args is the identity argument list exactly as the catalog prints it
// (pg_get_function_identity_arguments, svv_redshift_functions.argument_type,
// svv_function_privileges.argument_types), e.g. `integer, character varying`
// or `a integer, "My type"[]`. It is emitted as-is, because re-deriving
// type names would need the engine's full type grammar; so it is checked
// first: outside double-quoted names only letters, digits, spaces and
// _ $ , . ( ) [ ] may appear, quotes must be closed and parentheses and
// brackets balanced. That rules out ; ' comments and anything else that could
// end the argument list or start another statement.
func (d Dialect) FuncSig(schema, name, args string) (string, error) {
	q, err := d.Qualified(schema, name)
	if err != nil {
		return "", err
	}
	if err := CheckArgs(args); err != nil {
		return "", err
	}
	return q + "(" + strings.TrimSpace(args) + ")", nil
}

// CheckArgs validates a catalog argument list for FuncSig.
func CheckArgs(args string) error {
	bad := func(format string, a ...any) error {
		return &apperr.Error{
			Code:    CodeInvalidSignature,
			Message: "the argument list " + fmt.Sprintf(format, a...),
			Detail:  "arguments: " + shorten(args),
		}
	}
	if !utf8.ValidString(args) {
		return bad("is not valid UTF-8")
	}
	var parens, brackets int
	for i := 0; i < len(args); {
		r, size := utf8.DecodeRuneInString(args[i:])
		switch {
		case r == '"':
			end := closingQuote(args, i)
			if end < 0 {
				return bad("has an unclosed double quote at byte %d", i)
			}
			for _, c := range args[i+1 : end] {
				if c == 0 || isControl(c) || isBidiControl(c) {
					return bad("has the character %U inside a quoted name", c)
				}
			}
			if c, _, found := hiddenRune(args[i+1 : end]); found {
				return bad("has the invisible character %U inside a quoted name", c)
			}
			i = end + 1
			continue
		case r == '(':
			parens++
		case r == ')':
			if parens--; parens < 0 {
				return bad("has an unmatched ) at byte %d", i)
			}
		case r == '[':
			brackets++
		case r == ']':
			if brackets--; brackets < 0 {
				return bad("has an unmatched ] at byte %d", i)
			}
		case r == '$':
			if strings.HasPrefix(args[i:], "$$") {
				return bad("contains $$ at byte %d, which would start a dollar-quoted string", i)
			}
			if tag, ok := dollarTagAt(args, i); ok {
				return bad("contains %s at byte %d, which would start a dollar-quoted string", tag, i)
			}
		case r == ' ' || r == ',' || r == '.' || r == '_':
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'):
		case r >= utf8.RuneSelf && !isControl(r) && !isBidiControl(r) && !isSpaceLike(r) && !isInvisible(r):
			// unquoted identifiers may hold non-ASCII letters
		default:
			return bad("contains %q at byte %d, which is not part of a type list", r, i)
		}
		i += size
	}
	if parens != 0 {
		return bad("has unbalanced parentheses")
	}
	if brackets != 0 {
		return bad("has unbalanced brackets")
	}
	return nil
}

// dollarTagAt reports whether the $ at i opens a dollar quote $tag$: it starts
// a word (an identifier may contain $, a token may not start with one unless
// it is a $n parameter or a quote) and is followed by a tag and another $.
func dollarTagAt(s string, i int) (string, bool) {
	if i > 0 {
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		if isWordRune(prev) || prev == '$' {
			return "", false
		}
	}
	j := i + 1
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !isWordRune(r) {
			break
		}
		j += size
	}
	if j >= len(s) || s[j] != '$' || j == i+1 {
		return "", false // $$ is checked by the caller
	}
	tag := s[i : j+1]
	if tag[1] >= '0' && tag[1] <= '9' {
		return "", false // $1 is a parameter, and a tag cannot start with a digit
	}
	return tag, true
}

func isWordRune(r rune) bool {
	return r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r >= utf8.RuneSelf
}

// closingQuote returns the index of the quote ending the quoted name that
// starts at open, skipping doubled quotes, or -1.
func closingQuote(s string, open int) int {
	for j := open + 1; j < len(s); j++ {
		if s[j] != '"' {
			continue
		}
		if j+1 < len(s) && s[j+1] == '"' {
			j++
			continue
		}
		return j
	}
	return -1
}

// isControl: C0, DEL, C1 and the Unicode line/paragraph separators.
func isControl(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r <= 0x9f) || r == 0x2028 || r == 0x2029
}

// isBidiControl: characters that reorder displayed text ("trojan source").
func isBidiControl(r rune) bool {
	switch {
	case r == 0x061c, r == 0x200e, r == 0x200f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// isInvisible: characters that render as nothing (zero-width spaces and
// joiners, word joiner and invisible operators, byte-order mark, soft hyphen,
// Mongolian vowel separator, combining grapheme joiner, Hangul fillers), so
// "admin" and "ad\u200bmin" would look alike. U+200E/F are bidi controls.
func isInvisible(r rune) bool {
	switch {
	case r >= 0x200b && r <= 0x200d, r >= 0x2060 && r <= 0x2064, r == 0xfeff:
		return true
	case r == 0x00ad, r == 0x034f, r == 0x180e, r == 0x115f, r == 0x1160, r == 0x3164, r == 0xffa0:
		return true
	}
	return false
}

func invisibleName(r rune) string {
	switch r {
	case 0x200b:
		return "zero width space"
	case 0x200c:
		return "zero width non-joiner"
	case 0x200d:
		return "zero width joiner"
	case 0x2060:
		return "word joiner"
	case 0xfeff:
		return "zero width no-break space / byte order mark"
	case 0x00ad:
		return "soft hyphen"
	}
	return "renders as nothing"
}

// isSpaceLike: non-ASCII spaces, never part of an unquoted type name.
func isSpaceLike(r rune) bool {
	return r == 0xa0 || r == 0x1680 || (r >= 0x2000 && r <= 0x200b) || r == 0x202f || r == 0x205f || r == 0x3000 || r == 0xfeff
}

// shorten keeps error details readable for long names.
func shorten(s string) string {
	const max = 48
	if len(s) <= max {
		return strconv.Quote(s)
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strconv.Quote(s[:cut]) + "…"
}
