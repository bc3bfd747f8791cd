package grantsql

import (
	"strings"

	"github.com/redshiftmate/rsmate/backend/change"
)

// Redacted is what the preview, scripts and the audit log show instead of a
// password hash (see change.RedactedPassword: not valid SQL, on purpose).
const Redacted = change.RedactedPassword

// secretMark stands for the password literal while a statement is assembled.
// It holds NUL, which sqltext refuses in names and values, so no quoted
// name or value can contain it.
const secretMark = "\x00secret\x00"

// SecretMark returns the placeholder to put where the password literal goes.
func SecretMark() string { return secretMark }

// Stmt makes a statement whose SQL and Display are the same.
func Stmt(sql, summary string, destructive bool) change.Statement {
	return change.Statement{SQL: sql, Display: sql, Summary: summary, Destructive: destructive}
}

// SecretStmt makes a statement from sql holding SecretMark once: SQL gets
// the real literal, Display the redacted one.
func SecretStmt(sql, literal, summary string, destructive bool) change.Statement {
	return change.Statement{
		SQL:         strings.Replace(sql, secretMark, literal, 1),
		Display:     strings.Replace(sql, secretMark, Redacted, 1),
		Summary:     summary,
		Destructive: destructive,
	}
}

// MaxObjectsPerStatement bounds how many objects one GRANT or REVOKE lists,
// so a bulk change stays a set of readable statements of modest size.
const MaxObjectsPerStatement = 100

// Chunks splits n items into ranges of at most size.
func Chunks(n, size int) [][2]int {
	var out [][2]int
	for lo := 0; lo < n; lo += size {
		hi := min(lo+size, n)
		out = append(out, [2]int{lo, hi})
	}
	return out
}
