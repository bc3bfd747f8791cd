package grantsql

import "github.com/redshiftmate/rsmate/backend/change"

// SessionDefaults renders a user's session defaults, one statement each:
// ALTER <keyword> "name" SET p TO value, then ALTER <keyword> "name" RESET p
// (Redshift DG r_ALTER_USER: SET parameter { TO | = } value, RESET parameter;
// PostgreSQL ALTER ROLE … SET / RESET). keyword is USER or ROLE. The values
// take effect at the user's next login, which the summaries say.
func SessionDefaults(q *Q, keyword, name string, u *change.UserSpec) []change.Statement {
	var out []change.Statement
	who := q.Ident("user", name)
	for _, p := range u.SetParameters {
		n := q.keep(q.D.Parameter(p.Name))
		v := q.keep(q.D.ParameterValue(p.Name, p.Value))
		out = append(out, Stmt("ALTER "+keyword+" "+who+" SET "+n+" TO "+v,
			"Set the session default "+n+" = "+p.Value+" for user "+name+" (from its next login)", false))
	}
	for _, p := range u.ResetParameters {
		n := q.keep(q.D.Parameter(p))
		out = append(out, Stmt("ALTER "+keyword+" "+who+" RESET "+n,
			"Remove the session default "+n+" of user "+name+" (from its next login)", false))
	}
	return out
}
