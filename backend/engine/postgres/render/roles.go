package pgrender

import (
	"strings"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/engine/internal/grantsql"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/sqltext"
)

// passwordLiteral validates a clear-text password and returns its
// SCRAM-SHA-256 verifier as a literal: the server stores it as given, and
// the clear text never leaves the app.
func passwordLiteral(password string) (string, error) {
	if err := sqltext.ValidatePostgresPassword(password); err != nil {
		return "", err
	}
	v, err := sqltext.PostgresSCRAM(password)
	if err != nil {
		return "", err
	}
	return sqltext.Postgres.Literal(v)
}

// redshiftOnly refuses user attributes PostgreSQL does not have.
func redshiftOnly(u *change.UserSpec) error {
	if u.SyslogAccess != nil {
		return apperr.Invalid("SYSLOG ACCESS is a Redshift setting; PostgreSQL has none")
	}
	if u.SessionTimeout != nil && *u.SessionTimeout != 0 {
		return apperr.Invalid("a per-user SESSION TIMEOUT is a Redshift setting; on PostgreSQL set idle_session_timeout instead")
	}
	if u.ExternalID != nil && *u.ExternalID != "" {
		return apperr.Invalid("an external id (EXTERNALID) is a Redshift identity-provider setting; PostgreSQL users have none")
	}
	return nil
}

// attributes renders the flag options shared by CREATE ROLE and ALTER ROLE.
func attributes(q *grantsql.Q, u *change.UserSpec) (sql []string, words []string) {
	flag := func(v *bool, on, off, word string) {
		if v == nil {
			return
		}
		if *v {
			sql = append(sql, on)
			words = append(words, word)
		} else {
			sql = append(sql, off)
			words = append(words, "not "+word)
		}
	}
	flag(u.Superuser, "SUPERUSER", "NOSUPERUSER", "SUPERUSER")
	flag(u.CreateDB, "CREATEDB", "NOCREATEDB", "may create databases")
	flag(u.CreateRole, "CREATEROLE", "NOCREATEROLE", "may create roles")
	if u.ConnectionLimit != nil {
		sql = append(sql, "CONNECTION LIMIT "+q.Int(*u.ConnectionLimit))
		if *u.ConnectionLimit >= 0 {
			words = append(words, "at most "+q.Int(*u.ConnectionLimit)+" connections")
		} else {
			words = append(words, "no connection limit")
		}
	}
	return sql, words
}

// createUser: CREATE ROLE "u" LOGIN [attributes] [PASSWORD 'SCRAM-SHA-256$…' |
// PASSWORD NULL] [VALID UNTIL '…'] [IN ROLE "r1", "r2"].
func createUser(u *change.UserSpec) ([]change.Statement, error) {
	if u == nil {
		return nil, apperr.Invalid("the user is missing")
	}
	if err := redshiftOnly(u); err != nil {
		return nil, err
	}
	if u.RenameTo != "" {
		return nil, apperr.Invalid("a new user cannot be renamed in the same change; create it with the right name")
	}
	if err := reserved(u.Name); err != nil {
		return nil, err
	}
	q := grantsql.NewQ(sqltext.Postgres)
	parts := []string{"CREATE ROLE " + q.Ident("user", u.Name) + " LOGIN"}
	attrs, words := attributes(q, u)
	parts = append(parts, attrs...)
	secret := ""
	switch {
	case u.Password != nil:
		lit, err := passwordLiteral(*u.Password)
		if err != nil {
			return nil, err
		}
		secret = lit
		parts = append(parts, "PASSWORD "+grantsql.SecretMark())
	case u.PasswordDisabled != nil && *u.PasswordDisabled:
		parts = append(parts, "PASSWORD NULL")
		words = append(words, "no password")
	}
	if u.ValidUntil != "" {
		parts = append(parts, "VALID UNTIL "+q.Literal(u.ValidUntil))
		words = append(words, "password valid until "+u.ValidUntil)
	}
	if len(u.InGroups) > 0 {
		parts = append(parts, "IN ROLE "+q.Idents("role", u.InGroups))
		words = append(words, "member of "+strings.Join(u.InGroups, ", "))
	}
	if err := q.Err(); err != nil {
		return nil, err
	}
	// CREATE ROLE takes no SET: session defaults follow as ALTER ROLE … SET.
	defaults := grantsql.SessionDefaults(q, "ROLE", u.Name, u)
	if err := q.Err(); err != nil {
		return nil, err
	}
	sql := strings.Join(parts, " ")
	sum := "Create user " + u.Name
	if len(words) > 0 {
		sum += ": " + strings.Join(words, ", ")
	}
	if secret != "" {
		return append([]change.Statement{grantsql.SecretStmt(sql, secret, sum, false)}, defaults...), nil
	}
	return append([]change.Statement{grantsql.Stmt(sql, sum, false)}, defaults...), nil
}

// alterUser: ALTER ROLE "u" RENAME TO "v" first, then the attributes in one
// ALTER ROLE, then the password (with VALID UNTIL) or VALID UNTIL alone.
// PostgreSQL keeps SCRAM verifiers on rename (only MD5 hashes, salted with
// the name, are cleared), so a rename needs no new password here.
func alterUser(u *change.UserSpec) ([]change.Statement, error) {
	if u == nil {
		return nil, apperr.Invalid("the user is missing")
	}
	if err := redshiftOnly(u); err != nil {
		return nil, err
	}
	if len(u.InGroups) > 0 {
		return nil, apperr.Invalid("to add an existing user to roles, grant the roles to the user")
	}
	if u.PasswordDisabled != nil && !*u.PasswordDisabled && u.Password == nil {
		return nil, apperr.Invalid("to enable password login for %s, give a new password", u.Name)
	}
	q := grantsql.NewQ(sqltext.Postgres)
	name := u.Name
	var out []change.Statement
	if u.RenameTo != "" {
		if err := reserved(u.RenameTo); err != nil {
			return nil, err
		}
		out = append(out, grantsql.Stmt("ALTER ROLE "+q.Ident("user", name)+" RENAME TO "+q.Ident("user", u.RenameTo),
			"Rename user "+name+" to "+u.RenameTo+" (a SCRAM password is kept; an old MD5 password would be cleared)", false))
		name = u.RenameTo
	}
	role := q.Ident("user", name)
	if attrs, words := attributes(q, u); len(attrs) > 0 {
		out = append(out, grantsql.Stmt("ALTER ROLE "+role+" WITH "+strings.Join(attrs, " "),
			"Change user "+name+": "+strings.Join(words, ", "), u.Superuser != nil && !*u.Superuser))
	}
	switch {
	case u.Password != nil:
		lit, err := passwordLiteral(*u.Password)
		if err != nil {
			return nil, err
		}
		sql := "ALTER ROLE " + role + " PASSWORD " + grantsql.SecretMark()
		sum := "Set a new password for user " + name
		if u.ValidUntil != "" {
			sql += " VALID UNTIL " + q.Literal(u.ValidUntil)
			sum += ", valid until " + u.ValidUntil
		}
		out = append(out, grantsql.SecretStmt(sql, lit, sum, true))
	case u.PasswordDisabled != nil && *u.PasswordDisabled:
		out = append(out, grantsql.Stmt("ALTER ROLE "+role+" PASSWORD NULL", "Remove the password of user "+name+" (no password login)", true))
	}
	if u.ValidUntil != "" && u.Password == nil {
		sum := "Expire the password of " + name + " at " + u.ValidUntil
		if strings.EqualFold(u.ValidUntil, "infinity") {
			sum = "Let the password of " + name + " never expire"
		}
		out = append(out, grantsql.Stmt("ALTER ROLE "+role+" VALID UNTIL "+q.Literal(u.ValidUntil), sum, false))
	}
	out = append(out, grantsql.SessionDefaults(q, "ROLE", name, u)...)
	if err := q.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, apperr.Invalid("nothing to change for user %s", u.Name)
	}
	return out, nil
}

// createRole: CREATE ROLE "r" NOLOGIN.
func createRole(r *change.RoleSpec, snap *model.Snapshot) ([]change.Statement, error) {
	if r == nil {
		return nil, apperr.Invalid("the role is missing")
	}
	if err := pgOnly(r); err != nil {
		return nil, err
	}
	if r.RenameTo != "" || r.Force {
		return nil, apperr.Invalid("a new role cannot be renamed or force-dropped in the same change")
	}
	if err := reserved(r.Name); err != nil {
		return nil, err
	}
	if snap != nil {
		for _, u := range snap.Users {
			if u.Name == r.Name {
				return nil, apperr.Invalid("a user named %s already exists; PostgreSQL users and roles share one namespace", r.Name)
			}
		}
	}
	q := grantsql.NewQ(sqltext.Postgres)
	sql := "CREATE ROLE " + q.Ident("role", r.Name) + " NOLOGIN"
	if err := q.Err(); err != nil {
		return nil, err
	}
	return []change.Statement{grantsql.Stmt(sql, "Create role "+r.Name, false)}, nil
}

func pgOnly(r *change.RoleSpec) error {
	if r.Owner != "" {
		return apperr.Invalid("PostgreSQL roles have no owner; manage who may change a role with WITH ADMIN OPTION")
	}
	if r.ExternalID != "" {
		return apperr.Invalid("an external id is a Redshift identity-provider setting; PostgreSQL roles have none")
	}
	return nil
}

// alterRole: ALTER ROLE "r" RENAME TO "r2".
func alterRole(r *change.RoleSpec, snap *model.Snapshot) ([]change.Statement, error) {
	if r == nil {
		return nil, apperr.Invalid("the role is missing")
	}
	if err := pgOnly(r); err != nil {
		return nil, err
	}
	if err := checkNotSystemRole(r.Name, snap); err != nil {
		return nil, err
	}
	if r.RenameTo == "" {
		return nil, apperr.Invalid("nothing to change for role %s", r.Name)
	}
	if err := reserved(r.RenameTo); err != nil {
		return nil, err
	}
	q := grantsql.NewQ(sqltext.Postgres)
	sql := "ALTER ROLE " + q.Ident("role", r.Name) + " RENAME TO " + q.Ident("role", r.RenameTo)
	if err := q.Err(); err != nil {
		return nil, err
	}
	return []change.Statement{grantsql.Stmt(sql, "Rename role "+r.Name+" to "+r.RenameTo, false)}, nil
}

func checkNotSystemRole(name string, snap *model.Snapshot) error {
	if strings.HasPrefix(name, "pg_") {
		return apperr.Invalid("%s is a predefined PostgreSQL role and cannot be changed or dropped", name)
	}
	if snap != nil {
		for _, r := range snap.Roles {
			if r.Name == name && r.System {
				return apperr.Invalid("%s is a predefined PostgreSQL role and cannot be changed or dropped", name)
			}
		}
	}
	return nil
}

// dropRole clears what blocks DROP ROLE in the connected database (owned
// objects move to the successor; privileges and default privileges are
// revoked; see grantsql.ClearForDrop), then drops the user or role.
// PostgreSQL removes memberships with the role, so the DROP's summary names
// them; privileges in other databases still block it, and the summary says so.
func dropRole(u *change.UserSpec, r *change.RoleSpec, what string, snap *model.Snapshot) ([]change.Statement, error) {
	var name, successor string
	switch {
	case u != nil:
		name, successor = u.Name, u.Successor
	case r != nil:
		if err := pgOnly(r); err != nil {
			return nil, err
		}
		if err := checkNotSystemRole(r.Name, snap); err != nil {
			return nil, err
		}
		name, successor = r.Name, r.Successor
	default:
		return nil, apperr.Invalid("the %s is missing", what)
	}
	who := model.PrincipalRef{Kind: model.PrincipalKind(what), Name: name}
	out, notes, err := dialect.ClearForDrop(who, successor, snap)
	if err != nil {
		return nil, err
	}
	q := grantsql.NewQ(sqltext.Postgres)
	sql := "DROP ROLE " + q.Ident(what, name)
	if err := q.Err(); err != nil {
		return nil, err
	}
	sum := "Drop " + what + " " + name
	if len(notes) > 0 {
		sum += " (" + strings.Join(notes, "; ") + ")"
	}
	if snap != nil && len(snap.Databases) > 1 {
		sum += "; fails if it still holds or owns anything in another database"
	}
	return append(out, grantsql.Stmt(sql, sum, true)), nil
}

// reserved: PostgreSQL refuses new role names starting with pg_ and the
// names PUBLIC, NONE and the CURRENT_* keywords.
func reserved(name string) error {
	if strings.HasPrefix(name, "pg_") {
		return apperr.Invalid("role names starting with pg_ are reserved by PostgreSQL")
	}
	switch strings.ToLower(name) {
	case "public", "none", "current_role", "current_user", "session_user":
		return apperr.Invalid("%s is reserved by PostgreSQL and cannot name a user or role", name)
	}
	return nil
}
