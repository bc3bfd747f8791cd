package rsrender

import (
	"strings"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/engine/internal/grantsql"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/sqltext"
)

// Session timeout bounds in seconds (DG r_CREATE_USER: 60 to 1,728,000).
const (
	minSessionTimeout = 60
	maxSessionTimeout = 1728000
)

// checkUserName applies Redshift's rules for user names beyond sqltext's.
func checkUserName(name string) error {
	if strings.EqualFold(name, "public") {
		return apperr.Invalid("a Redshift user cannot be named PUBLIC")
	}
	if hasPrefixFold(name, "ds:") {
		return apperr.Invalid("user names starting with ds: are reserved for Redshift data sharing")
	}
	return sqltext.Redshift.CheckName("user", name)
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// passwordLiteral validates a clear-text password and returns the md5 hash
// literal for the stored user name (quoted names keep their case on
// Redshift, so the name as given is the name as stored; DG r_CREATE_USER).
func passwordLiteral(password, storedName string) (string, error) {
	if err := sqltext.ValidateRedshiftPassword(password); err != nil {
		return "", err
	}
	return sqltext.Redshift.Literal(sqltext.RedshiftMD5(password, storedName))
}

func syslog(v string) (string, error) {
	switch s := strings.ToUpper(strings.TrimSpace(v)); s {
	case "RESTRICTED", "UNRESTRICTED":
		return s, nil
	}
	return "", apperr.Invalid("SYSLOG ACCESS must be RESTRICTED or UNRESTRICTED, not %q", v)
}

func sessionTimeout(n int) error {
	if n < minSessionTimeout || n > maxSessionTimeout {
		return apperr.Invalid("session timeout %d s is outside Redshift's range of 60 to 1728000 seconds (20 days); use 0 for the cluster default", n)
	}
	return nil
}

func connLimit(q *grantsql.Q, n int) string {
	if n < 0 {
		return "UNLIMITED"
	}
	return q.Int(n)
}

func validUntil(q *grantsql.Q, v string) string {
	if strings.EqualFold(v, "infinity") {
		return q.Literal("infinity")
	}
	return q.Literal(v)
}

// createUser: CREATE USER "name" PASSWORD { 'md5…' | DISABLE } [options]
// (DG r_CREATE_USER; PASSWORD is mandatory in the grammar).
func createUser(u *change.UserSpec) ([]change.Statement, error) {
	if u == nil {
		return nil, apperr.Invalid("the user is missing")
	}
	if err := checkUserName(u.Name); err != nil {
		return nil, err
	}
	if u.RenameTo != "" {
		return nil, apperr.Invalid("a new user cannot be renamed in the same change; create it with the right name")
	}
	if u.CreateRole != nil {
		return nil, apperr.Invalid("Redshift users have no CREATEROLE attribute; grant the CREATE ROLE system permission to a role and grant that role to the user")
	}
	disabled := u.PasswordDisabled != nil && *u.PasswordDisabled
	super := u.Superuser != nil && *u.Superuser
	if u.Password == nil && !disabled {
		return nil, apperr.Invalid("Redshift needs a password for a new user, or PASSWORD DISABLE for a user who signs in only through IAM or an identity provider")
	}
	if disabled && super {
		return nil, apperr.Invalid("Redshift cannot disable the password of a superuser; give the superuser a password")
	}
	externalID := ""
	if u.ExternalID != nil {
		externalID = *u.ExternalID
	}
	if externalID != "" && !disabled {
		return nil, apperr.Invalid("an identity-provider user (EXTERNALID) signs in through its provider: create %s with password login disabled (PASSWORD DISABLE)", u.Name)
	}
	q := grantsql.NewQ(sqltext.Redshift)
	sql := "CREATE USER " + q.Ident("user", u.Name)
	var words []string
	secret := ""
	if disabled {
		sql += " PASSWORD DISABLE"
		words = append(words, "password login disabled")
	} else {
		lit, err := passwordLiteral(*u.Password, u.Name)
		if err != nil {
			return nil, err
		}
		secret = lit
		sql += " PASSWORD " + grantsql.SecretMark()
	}
	if u.CreateDB != nil {
		if *u.CreateDB {
			sql += " CREATEDB"
			words = append(words, "may create databases")
		} else {
			sql += " NOCREATEDB"
		}
	}
	if u.Superuser != nil {
		if super {
			sql += " CREATEUSER"
		} else {
			sql += " NOCREATEUSER"
		}
	}
	if u.SyslogAccess != nil {
		s, err := syslog(*u.SyslogAccess)
		if err != nil {
			return nil, err
		}
		sql += " SYSLOG ACCESS " + s
		if s == "UNRESTRICTED" {
			words = append(words, "sees all rows of system tables")
		}
	}
	if len(u.InGroups) > 0 {
		sql += " IN GROUP " + q.Idents("group", u.InGroups)
		words = append(words, "in group "+strings.Join(u.InGroups, ", "))
	}
	if u.ValidUntil != "" {
		sql += " VALID UNTIL " + validUntil(q, u.ValidUntil)
		words = append(words, "password valid until "+u.ValidUntil)
	}
	if u.ConnectionLimit != nil {
		sql += " CONNECTION LIMIT " + connLimit(q, *u.ConnectionLimit)
		if *u.ConnectionLimit >= 0 {
			words = append(words, "at most "+q.Int(*u.ConnectionLimit)+" connections")
		}
	}
	if u.SessionTimeout != nil && *u.SessionTimeout != 0 {
		if err := sessionTimeout(*u.SessionTimeout); err != nil {
			return nil, err
		}
		sql += " SESSION TIMEOUT " + q.Int(*u.SessionTimeout)
		words = append(words, "idle timeout "+q.Int(*u.SessionTimeout)+" s")
	}
	if externalID != "" {
		sql += " EXTERNALID " + q.Ident("external id", externalID)
		words = append(words, "identity-provider user with external id "+externalID)
	}
	// CREATE USER takes no SET: session defaults follow as ALTER USER … SET.
	defaults := grantsql.SessionDefaults(q, "USER", u.Name, u)
	if err := q.Err(); err != nil {
		return nil, err
	}
	sum := "Create user " + u.Name
	if super {
		sum = "Create user " + u.Name + " as a SUPERUSER (CREATEUSER)"
	}
	if len(words) > 0 {
		sum += ": " + strings.Join(words, ", ")
	}
	if disabled {
		return append([]change.Statement{grantsql.Stmt(sql, sum, false)}, defaults...), nil
	}
	return append([]change.Statement{grantsql.SecretStmt(sql, secret, sum, false)}, defaults...), nil
}

// alterUser renders one ALTER USER per option (DG r_ALTER_USER). A rename
// clears the md5 password, whose salt is the name, so it must come with a
// new password, set right after the rename under the new name.
func alterUser(u *change.UserSpec, snap *model.Snapshot) ([]change.Statement, error) {
	if u == nil {
		return nil, apperr.Invalid("the user is missing")
	}
	if err := sqltext.Redshift.CheckName("user", u.Name); err != nil {
		return nil, err
	}
	if u.CreateRole != nil {
		return nil, apperr.Invalid("Redshift users have no CREATEROLE attribute; grant the CREATE ROLE system permission to a role and grant that role to the user")
	}
	if len(u.InGroups) > 0 {
		return nil, apperr.Invalid("to add an existing user to groups, change the groups (ALTER GROUP … ADD USER)")
	}
	disabled := u.PasswordDisabled != nil && *u.PasswordDisabled
	enabling := u.PasswordDisabled != nil && !*u.PasswordDisabled
	if enabling && u.Password == nil {
		return nil, apperr.Invalid("to enable password login for %s, give a new password", u.Name)
	}
	if disabled {
		super := false
		if cur := findUser(snap, u.Name); cur != nil {
			super = cur.Superuser
		}
		if u.Superuser != nil {
			super = *u.Superuser
		}
		if super {
			return nil, apperr.Invalid("Redshift cannot disable the password of a superuser (%s)", u.Name)
		}
	}
	if u.ExternalID != nil {
		if *u.ExternalID == "" {
			return nil, apperr.Invalid("Redshift documents no way to remove the external id of user %s; drop and recreate the user, or give it another external id", u.Name)
		}
		cur := findUser(snap, u.Name)
		if !disabled && (enabling || u.Password != nil || cur == nil || !cur.PasswordDisabled) {
			return nil, apperr.Invalid("an external id needs password login disabled (DG r_ALTER_USER: EXTERNALID … PASSWORD DISABLE); disable the password of %s in the same change", u.Name)
		}
	}
	q := grantsql.NewQ(sqltext.Redshift)
	var out []change.Statement
	name := u.Name
	add := func(option, sum string, destructive bool) {
		out = append(out, grantsql.Stmt("ALTER USER "+q.Ident("user", name)+" "+option, sum, destructive))
	}
	setPassword := func() error {
		lit, err := passwordLiteral(*u.Password, name)
		if err != nil {
			return err
		}
		sql := "ALTER USER " + q.Ident("user", name) + " PASSWORD " + grantsql.SecretMark()
		sum := "Set a new password for user " + name
		if u.ValidUntil != "" {
			sql += " VALID UNTIL " + validUntil(q, u.ValidUntil)
			sum += ", valid until " + u.ValidUntil
		}
		out = append(out, grantsql.SecretStmt(sql, lit, sum, true))
		return nil
	}
	if u.RenameTo != "" {
		if err := checkUserName(u.RenameTo); err != nil {
			return nil, err
		}
		// Only a password can be lost: a user whose password login is
		// disabled (IAM or identity-provider sign-in) keeps it disabled.
		noPassword := disabled || (!enabling && findUser(snap, u.Name) != nil && findUser(snap, u.Name).PasswordDisabled)
		switch {
		case u.Password != nil:
			add("RENAME TO "+q.Ident("user", u.RenameTo), "Rename user "+u.Name+" to "+u.RenameTo+" (Redshift clears the password on rename)", false)
			name = u.RenameTo
			if err := setPassword(); err != nil {
				return nil, err
			}
		case noPassword:
			add("RENAME TO "+q.Ident("user", u.RenameTo), "Rename user "+u.Name+" to "+u.RenameTo+" (password login stays disabled)", false)
			name = u.RenameTo
		default:
			return nil, apperr.Invalid("renaming %s to %s clears its password on Redshift (the md5 hash is salted with the name); give a new password in the same change", u.Name, u.RenameTo)
		}
	}
	if u.Superuser != nil {
		if *u.Superuser {
			add("CREATEUSER", "Make "+name+" a SUPERUSER (CREATEUSER)", false)
		} else {
			add("NOCREATEUSER", "Remove superuser status from "+name+" (NOCREATEUSER)", true)
		}
	}
	if u.CreateDB != nil {
		if *u.CreateDB {
			add("CREATEDB", "Allow "+name+" to create databases", false)
		} else {
			add("NOCREATEDB", "Stop "+name+" from creating databases", true)
		}
	}
	if u.SyslogAccess != nil {
		s, err := syslog(*u.SyslogAccess)
		if err != nil {
			return nil, err
		}
		if s == "UNRESTRICTED" {
			add("SYSLOG ACCESS UNRESTRICTED", "Let "+name+" see all users' rows in system tables", false)
		} else {
			add("SYSLOG ACCESS RESTRICTED", "Let "+name+" see only its own rows in system tables", false)
		}
	}
	if u.ConnectionLimit != nil {
		if *u.ConnectionLimit < 0 {
			add("CONNECTION LIMIT UNLIMITED", "Remove the connection limit of "+name, false)
		} else {
			add("CONNECTION LIMIT "+q.Int(*u.ConnectionLimit), "Limit "+name+" to "+q.Int(*u.ConnectionLimit)+" concurrent connections", false)
		}
	}
	if u.SessionTimeout != nil {
		if *u.SessionTimeout == 0 {
			add("RESET SESSION TIMEOUT", "Reset the idle session timeout of "+name+" to the cluster default", false)
		} else {
			if err := sessionTimeout(*u.SessionTimeout); err != nil {
				return nil, err
			}
			add("SESSION TIMEOUT "+q.Int(*u.SessionTimeout), "Set the idle session timeout of "+name+" to "+q.Int(*u.SessionTimeout)+" seconds", false)
		}
	}
	switch {
	case u.RenameTo != "" && u.Password != nil:
	case u.Password != nil:
		if err := setPassword(); err != nil {
			return nil, err
		}
	case disabled:
		add("PASSWORD DISABLE", "Disable password login for "+name+" (IAM or identity provider sign-in only)", true)
	}
	if u.ValidUntil != "" && u.Password == nil {
		sum := "Expire the password of " + name + " at " + u.ValidUntil
		if strings.EqualFold(u.ValidUntil, "infinity") {
			sum = "Let the password of " + name + " never expire"
		}
		add("VALID UNTIL "+validUntil(q, u.ValidUntil), sum, false)
	}
	// After PASSWORD DISABLE: an external id needs the password disabled.
	if u.ExternalID != nil {
		add("EXTERNALID "+q.Ident("external id", *u.ExternalID), "Link "+name+" to the identity-provider user "+*u.ExternalID+" (EXTERNALID)", false)
	}
	out = append(out, grantsql.SessionDefaults(q, "USER", name, u)...)
	if err := q.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, apperr.Invalid("nothing to change for user %s", u.Name)
	}
	return out, nil
}

// dropUser clears what blocks DROP USER in the connected database (DG
// r_DROP_USER: owned objects and privileges on a database, schema, table,
// column, function or group; default privileges the user set or receives),
// then drops the user. Redshift checks only the connected database; objects
// the user owns in another database are left with an unknown owner, and the
// summary says so.
func dropUser(u *change.UserSpec, snap *model.Snapshot) ([]change.Statement, error) {
	if u == nil {
		return nil, apperr.Invalid("the user is missing")
	}
	out, err := clearForDrop(model.UserRef(u.Name), u.Successor, snap)
	if err != nil {
		return nil, err
	}
	q := grantsql.NewQ(sqltext.Redshift)
	sql := "DROP USER " + q.Ident("user", u.Name)
	if err := q.Err(); err != nil {
		return nil, err
	}
	sum := "Drop user " + u.Name
	if snap != nil && len(snap.Databases) > 1 {
		sum += " (Redshift checks only this database: objects it owns in another database are left with an unknown owner)"
	}
	return append(out, grantsql.Stmt(sql, sum, true)), nil
}

func findUser(snap *model.Snapshot, name string) *model.User {
	if snap == nil {
		return nil
	}
	for i := range snap.Users {
		if snap.Users[i].Name == name {
			return &snap.Users[i]
		}
	}
	return nil
}
