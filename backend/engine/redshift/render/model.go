package rsrender

import (
	"strings"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/engine/internal/grantsql"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/sqltext"
)

// modelGrants renders Redshift ML's grants (DG r_GRANT, r_REVOKE, "machine
// learning model privileges"):
//
//	GRANT CREATE MODEL TO { username [ WITH GRANT OPTION ] | ROLE r | GROUP g | PUBLIC } [, ...]
//	GRANT { EXECUTE | ALL [ PRIVILEGES ] } ON MODEL model_name [, ...] TO { … } [, ...]
//	REVOKE [ GRANT OPTION FOR ] CREATE MODEL FROM { … } [, ...] [ RESTRICT ]
//	REVOKE [ GRANT OPTION FOR ] { EXECUTE | ALL [ PRIVILEGES ] } ON MODEL model_name [, ...] FROM { … } [ RESTRICT ]
//
// Model names are schema-qualified, as CREATE MODEL names them.
func modelGrants(grant bool, p *change.PrivilegeSpec) ([]change.Statement, error) {
	q := grantsql.NewQ(sqltext.Redshift)
	grantee, err := dialect.Grantee(q, p.Grantee)
	if err != nil {
		return nil, err
	}
	if p.GrantOption && p.Grantee.Kind != model.KindUser {
		if grant {
			return nil, apperr.Invalid("WITH GRANT OPTION cannot be given to %s: Redshift allows the grant option only for users, never for roles, groups or PUBLIC", grantsql.Principal(p.Grantee))
		}
		return nil, apperr.Invalid("GRANT OPTION FOR cannot be revoked from %s: Redshift allows the grant option only for users", grantsql.Principal(p.Grantee))
	}
	head := func(privs string) string {
		switch {
		case grant:
			return "GRANT " + privs
		case p.GrantOption:
			return "REVOKE GRANT OPTION FOR " + privs
		}
		return "REVOKE " + privs
	}
	tail := " TO " + grantee
	if grant && p.GrantOption {
		tail += " WITH GRANT OPTION"
	} else if !grant {
		tail = " FROM " + grantee
	}
	summary := func(privs, on string) string {
		who := grantsql.Principal(p.Grantee)
		switch {
		case grant && p.GrantOption:
			return "Grant " + privs + on + " to " + who + " with grant option"
		case grant:
			return "Grant " + privs + on + " to " + who
		case p.GrantOption:
			return "Revoke the grant option for " + privs + on + " from " + who
		}
		return "Revoke " + privs + on + " from " + who
	}

	if p.Target == change.TargetCreateModel {
		privs, err := dialect.CheckPrivileges("the database (CREATE MODEL)", []string{"CREATE MODEL"}, p.Privileges)
		if err != nil {
			return nil, err
		}
		if privs[0] == "ALL" {
			return nil, apperr.Invalid("GRANT CREATE MODEL names its one privilege; choose CREATE MODEL, not ALL")
		}
		if len(p.Objects) > 0 || len(p.Schemas) > 0 {
			return nil, apperr.Invalid("CREATE MODEL is granted on the connected database as a whole; it takes no objects or schemas")
		}
		return []change.Statement{grantsql.Stmt(head("CREATE MODEL")+tail, summary("CREATE MODEL", " (create ML models in this database)"), !grant)}, nil
	}

	privs, err := dialect.CheckPrivileges("models", []string{"EXECUTE"}, p.Privileges)
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(p.Objects))
	var words []string
	for _, o := range p.Objects {
		if o.Kind != model.ObjModel {
			return nil, apperr.Invalid("one privilege change covers one kind of object; split model and %s", o.Kind)
		}
		if o.Schema == "" {
			return nil, apperr.Invalid("model %s needs its schema", o.Name)
		}
		names = append(names, q.Qualified(o.Schema, o.Name))
		words = append(words, o.Schema+"."+o.Name)
	}
	if err := q.Err(); err != nil {
		return nil, err
	}
	privSQL := strings.Join(privs, ", ")
	var out []change.Statement
	chunks := grantsql.Chunks(len(names), grantsql.MaxObjectsPerStatement)
	for _, c := range chunks {
		on := " on model " + words[c[0]]
		if c[1]-c[0] > 1 {
			on = " on " + itoa(c[1]-c[0]) + " models"
		}
		sql := head(privSQL) + " ON MODEL " + strings.Join(names[c[0]:c[1]], ", ") + tail
		out = append(out, grantsql.Stmt(sql, summary(privSQL, on), !grant))
	}
	return out, nil
}
