package grantsql

import (
	"slices"
	"strings"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/sqltext"
	"github.com/redshiftmate/rsmate/backend/vocab"
)

// Dialect is the engine grammar around the vocabulary: how grantees are
// written, the rules no descriptor states, and drop handling. What can be
// granted on what (kinds, privileges, bulk, scoped and default forms, grant
// and admin option holders) comes from Vocab.
type Dialect struct {
	SQL   sqltext.Dialect
	Name  string // "Redshift", "PostgreSQL": words messages
	Vocab *vocab.Vocabulary

	// KeywordGrantees: grantees are written ROLE "r" and GROUP "g" (Redshift);
	// otherwise every grantee is a bare name (PostgreSQL).
	KeywordGrantees bool
	// NoGroups is the message for a group where the engine has none ("" = groups exist).
	NoGroups string
	// GrantOptionRule explains Vocab.GrantOption in messages.
	GrantOptionRule string
	// ColumnGrantOption: column privileges may carry WITH GRANT OPTION.
	ColumnGrantOption bool
	// ColumnRules, when set, narrows a kind's column privileges for a known
	// relation (views, late-binding views) or refuses it.
	ColumnRules func(rel model.Relation, allowed []string) ([]string, error)
	// AdminRule explains Vocab.AdminOption in messages.
	AdminRule string

	// NoScoped is the message when the engine has no scoped permissions.
	NoScoped string

	// DefaultCreator returns "FOR USER "u"" / "FOR ROLE "r"" or an engine-specific refusal.
	DefaultCreator func(q *Q, p model.PrincipalRef) (string, error)
	// DefaultCheck, when set, refuses engine-specific combinations (e.g. schemas in a schema).
	DefaultCheck func(grant bool, objType model.DefaultObjectType, schema string, privs []string) error

	// Drop says how a principal is cleared before it is dropped.
	Drop DropRules
}

// normalise upper-cases a privilege keyword and squeezes its spaces.
func normalise(p string) string { return strings.Join(strings.Fields(strings.ToUpper(p)), " ") }

// CheckPrivileges turns the requested keywords into the canonical list (in
// allowed order, duplicates removed), or ["ALL"]. what names the objects in
// messages ("tables", "schemas", …). Unknown keywords are refused by name.
func (d *Dialect) CheckPrivileges(what string, allowed, requested []string) ([]string, error) {
	if len(requested) == 0 {
		return nil, apperr.Invalid("choose at least one privilege on %s", what)
	}
	want := map[string]bool{}
	all := false
	for _, raw := range requested {
		p := normalise(raw)
		if a, ok := d.Vocab.Aliases[p]; ok {
			p = a
		}
		switch {
		case p == "ALL" || p == "ALL PRIVILEGES":
			all = true
		case slices.Contains(allowed, p):
			want[p] = true
		case p == "":
			return nil, apperr.Invalid("a privilege on %s is empty", what)
		default:
			return nil, apperr.Invalid("%s has no privilege %s on %s; choose from %s, or ALL",
				d.Name, quoteWord(raw), what, strings.Join(allowed, ", "))
		}
	}
	if all {
		if len(want) > 0 {
			return nil, apperr.Invalid("ALL already includes every privilege on %s; choose ALL alone or list the privileges", what)
		}
		return []string{"ALL"}, nil
	}
	var out []string
	for _, p := range allowed {
		if want[p] {
			out = append(out, p)
		}
	}
	return out, nil
}

func quoteWord(s string) string {
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return "“" + s + "”"
}

// Grantee renders the receiver of a grant.
func (d *Dialect) Grantee(q *Q, p model.PrincipalRef) (string, error) {
	switch p.Kind {
	case model.KindPublic:
		return "PUBLIC", nil
	case model.KindUser:
		return q.Ident("user", p.Name), q.Err()
	case model.KindRole:
		if d.KeywordGrantees {
			return "ROLE " + q.Ident("role", p.Name), q.Err()
		}
		return q.Ident("role", p.Name), q.Err()
	case model.KindGroup:
		if d.NoGroups != "" {
			return "", apperr.Invalid("%s", d.NoGroups)
		}
		return "GROUP " + q.Ident("group", p.Name), q.Err()
	}
	return "", apperr.Invalid("choose who receives the privileges (a user, role, group or PUBLIC)")
}

// checkGrantOption refuses WITH GRANT OPTION / GRANT OPTION FOR where the
// engine does not allow it for this grantee.
func (d *Dialect) checkGrantOption(grant bool, p model.PrincipalRef) error {
	if slices.Contains(d.Vocab.GrantOption, p.Kind) {
		return nil
	}
	who := Principal(p)
	if grant {
		return apperr.Invalid("WITH GRANT OPTION cannot be given to %s: %s", who, d.GrantOptionRule)
	}
	return apperr.Invalid("GRANT OPTION FOR cannot be revoked from %s: %s", who, d.GrantOptionRule)
}
