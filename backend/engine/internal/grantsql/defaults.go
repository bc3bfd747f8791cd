package grantsql

import (
	"strings"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/model"
)

// DefaultPrivileges renders ALTER DEFAULT PRIVILEGES [FOR …] [IN SCHEMA "s"]
// GRANT … ON <type> TO … / REVOKE [GRANT OPTION FOR] … ON <type> FROM ….
func (d *Dialect) DefaultPrivileges(grant bool, s *change.DefaultSpec) ([]change.Statement, error) {
	if s == nil {
		return nil, apperr.Invalid("the default privileges are missing")
	}
	q := NewQ(d.SQL)
	dt := d.Vocab.Default(s.ObjectType)
	if dt == nil {
		return nil, apperr.Invalid("%s has no default privileges for %q objects; choose from %s", d.Name, s.ObjectType, d.defaultTypeList())
	}
	// The object type is spelled after ON as its name in capitals (TABLES, SEQUENCES, …).
	typeSQL := strings.ToUpper(string(dt.Type))
	what := "new " + string(s.ObjectType)
	privs, err := d.CheckPrivileges(what, dt.Privileges, s.Privileges)
	if err != nil {
		return nil, err
	}
	// The engine's own refusals first: they say what to do instead.
	if d.DefaultCheck != nil {
		if err := d.DefaultCheck(grant, s.ObjectType, s.Schema, privs); err != nil {
			return nil, err
		}
	}
	if !grant && dt.RevokePrivileges != nil {
		if privs, err = d.CheckPrivileges(what, dt.RevokePrivileges, privs); err != nil {
			return nil, err
		}
	}
	grantee, err := d.Grantee(q, s.Grantee)
	if err != nil {
		return nil, err
	}
	if s.GrantOption {
		if err := d.checkGrantOption(grant, s.Grantee); err != nil {
			return nil, err
		}
	}
	sql := "ALTER DEFAULT PRIVILEGES"
	creator := "you"
	if s.Creator.Name != "" || s.Creator.Kind == model.KindPublic || s.Creator.Kind == model.KindGroup {
		forSQL, err := d.DefaultCreator(q, s.Creator)
		if err != nil {
			return nil, err
		}
		sql += " " + forSQL
		creator = Principal(s.Creator)
	}
	where := "anywhere in the database"
	if s.Schema != "" {
		sql += " IN SCHEMA " + q.Ident("schema", s.Schema)
		where = "in schema " + s.Schema
	}
	if err := q.Err(); err != nil {
		return nil, err
	}
	sql += " " + head(grant, s.GrantOption, strings.Join(privs, ", ")) + " ON " + typeSQL + tail(grant, s.GrantOption, grantee)
	on := string(s.ObjectType) + " " + creator + " create" + creatorS(creator) + " " + where
	return []change.Statement{Stmt(sql, privSummary(grant, s.GrantOption, privs, on, s.Grantee), !grant)}, nil
}

func creatorS(c string) string {
	if c == "you" {
		return ""
	}
	return "s"
}

func (d *Dialect) defaultTypeList() string {
	var out []string
	for _, t := range d.Vocab.Defaults {
		out = append(out, string(t.Type))
	}
	return strings.Join(out, ", ")
}
