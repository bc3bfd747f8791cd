package sqltext

import (
	"fmt"
	"strings"

	"github.com/redshiftmate/rsmate/backend/apperr"
)

// ParameterName checks the name of a run-time parameter for SET / RESET
// (ALTER USER u SET name TO value, ALTER ROLE r RESET name) and returns it as
// written: lower case. A name is a word of letters, digits and _ not starting
// with a digit; PostgreSQL's custom parameters add dotted words (app.tenant).
// Names are not quoted: a parameter name is matched case-insensitively by
// both engines, and "all" is refused because RESET ALL means every parameter.
func ParameterName(name string) (string, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	bad := func(why string) error {
		return &apperr.Error{Code: CodeInvalidName, Message: fmt.Sprintf("parameter name %q %s", shorten(name), why)}
	}
	if n == "" {
		return "", &apperr.Error{Code: CodeInvalidName, Message: "the parameter name is empty"}
	}
	if len(n) > 63 {
		return "", bad("is longer than 63 bytes")
	}
	if n == "all" {
		return "", bad("is reserved: RESET ALL would reset every parameter")
	}
	for _, word := range strings.Split(n, ".") {
		if word == "" {
			return "", bad("has an empty part between dots")
		}
		for i, r := range word {
			letter := r == '_' || (r >= 'a' && r <= 'z')
			digit := r >= '0' && r <= '9'
			if !letter && !(digit && i > 0) {
				return "", bad("may hold only letters a-z, digits and _ (and dots between words), starting with a letter")
			}
		}
	}
	return n, nil
}

// listParameters take a list of values (GUC_LIST_INPUT): "SET search_path TO
// 'a', 'b'" sets two schemas, while "'a, b'" would name one schema "a, b".
var listParameters = map[string]bool{
	"search_path": true, "temp_tablespaces": true, "datestyle": true,
	"session_preload_libraries": true, "local_preload_libraries": true,
}

// ParameterValue renders the value part of SET name TO value: one string
// literal, or for list parameters one literal per element. A list is read as
// the catalog prints it (pg_user.useconfig, pg_db_role_setting): elements
// separated by commas, an element in double quotes may hold commas and "".
func (d Dialect) ParameterValue(name, value string) (string, error) {
	n, err := ParameterName(name)
	if err != nil {
		return "", err
	}
	if !listParameters[n] {
		return d.Literal(value)
	}
	elems, err := splitList(value)
	if err != nil {
		return "", err
	}
	out := make([]string, len(elems))
	for i, e := range elems {
		if out[i], err = d.Literal(e); err != nil {
			return "", err
		}
	}
	return strings.Join(out, ", "), nil
}

// splitList splits `a, "Odd, one", b` into a, Odd, one and b.
func splitList(s string) ([]string, error) {
	var out []string
	var cur strings.Builder
	quoted, wasQuoted := false, false
	flush := func() error {
		e := cur.String()
		if !wasQuoted {
			e = strings.TrimSpace(e)
		}
		if e == "" && !wasQuoted {
			return &apperr.Error{Code: CodeInvalidValue, Message: fmt.Sprintf("the list %q has an empty element", shorten(s))}
		}
		out = append(out, e)
		cur.Reset()
		wasQuoted = false
		return nil
	}
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case quoted && r == '"' && i+1 < len(rs) && rs[i+1] == '"':
			cur.WriteRune('"')
			i++
		case r == '"':
			if !quoted && strings.TrimSpace(cur.String()) != "" {
				return nil, &apperr.Error{Code: CodeInvalidValue, Message: fmt.Sprintf("the list %q has a quote inside an element", shorten(s))}
			}
			if !quoted {
				cur.Reset()
			}
			quoted = !quoted
			wasQuoted = true
		case !quoted && r == ',':
			if err := flush(); err != nil {
				return nil, err
			}
		case !quoted && wasQuoted && r != ' ':
			return nil, &apperr.Error{Code: CodeInvalidValue, Message: fmt.Sprintf("the list %q has text after a closing quote", shorten(s))}
		case !quoted && wasQuoted:
		default:
			cur.WriteRune(r)
		}
	}
	if quoted {
		return nil, &apperr.Error{Code: CodeInvalidValue, Message: fmt.Sprintf("the list %q has an unclosed quote", shorten(s))}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}

// Parameter is ParameterName for a dialect's renderer (the name
// rules are the same on both engines).
func (d Dialect) Parameter(name string) (string, error) {
	if err := d.check(); err != nil {
		return "", err
	}
	return ParameterName(name)
}
