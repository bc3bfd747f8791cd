package change

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/model"
)

// Renderer turns one change into statements for one engine. Engines implement
// it; Render also rejects what the engine cannot express, before any SQL runs.
type Renderer interface {
	Render(c Change, snap *model.Snapshot) ([]Statement, error)
}

// Plan is an ordered list of statements ready to preview and apply.
type Plan struct {
	ID         string      `json:"id"`
	Changes    []Change    `json:"-"` // may hold clear-text passwords: never sent back
	Statements []Statement `json:"statements"`
	// Transactional is false when some statement must run outside a transaction;
	// the preview says so before anything runs.
	Transactional bool `json:"transactional"`
	Destructive   bool `json:"destructive"`
	// Warnings say what the connected user likely lacks the rights for
	// (RightsWarnings); the preview shows them, nothing is refused.
	Warnings []string `json:"warnings"`
}

// Build validates a change set against the snapshot and renders it in order.
// Nothing is sent to a server.
func Build(changes []Change, snap *model.Snapshot, r Renderer, who CurrentUser) (*Plan, error) {
	if len(changes) == 0 {
		return nil, apperr.Invalid("there are no changes to apply")
	}
	if err := Validate(changes, snap, who); err != nil {
		return nil, err
	}
	p := &Plan{ID: newPlanID(), Changes: changes, Transactional: true}
	v := newView(snap, changes)
	for i, c := range changes {
		stmts, err := r.Render(c, v.snap)
		if err != nil {
			return nil, wrapChangeErr(i, c, err)
		}
		v.apply(c)
		for _, s := range stmts {
			s.ChangeIndex = i
			if s.Display == "" {
				s.Display = s.SQL
			}
			if s.OutsideTransaction {
				p.Transactional = false
			}
			if s.Destructive {
				p.Destructive = true
			}
			p.Statements = append(p.Statements, s)
		}
	}
	p.Warnings = RightsWarnings(changes, snap, who)
	return p, nil
}

// RedactedPassword stands for a password in every shown form of a statement
// (preview, saved script, audit log). It is deliberately not valid SQL: a
// script run unedited fails at that statement instead of setting a password
// that is the placeholder itself (as a quoted '********' would).
const RedactedPassword = "<password redacted>"

// Script is the plan as a SQL script with secrets redacted, for copy and save.
// A Redshift script first turns on case-sensitive identifiers, as the app's
// own sessions do, so quoted mixed-case names mean what the preview shows.
func (p *Plan) Script(header string, redshift bool) string {
	out := ""
	if header != "" {
		out = "-- " + header + "\n"
	}
	for _, s := range p.Statements {
		if strings.Contains(s.Display, RedactedPassword) {
			out += "-- Passwords are not in this script. Replace each \"" + RedactedPassword + "\"\n" +
				"-- with the password in single quotes before running it; unedited, that statement fails.\n"
			break
		}
	}
	if redshift {
		out += "-- Without this, Redshift folds quoted names (other than user names) to lower case,\n" +
			"-- so \"Sales\" below would name the role or schema sales.\n" +
			"SET enable_case_sensitive_identifier TO true;\n"
	}
	if p.Transactional {
		out += "BEGIN;\n"
	}
	for _, s := range p.Statements {
		if s.Summary != "" {
			out += "-- " + s.Summary + "\n"
		}
		out += s.Display + ";\n"
	}
	if p.Transactional {
		out += "COMMIT;\n"
	}
	return out
}

func wrapChangeErr(i int, c Change, err error) error {
	e := apperr.As(err)
	cp := *e
	cp.Message = fmt.Sprintf("change %d (%s): %s", i+1, describeKind(c.Kind), e.Message)
	return &cp
}

func describeKind(k Kind) string {
	switch k {
	case CreateUser:
		return "create user"
	case AlterUser:
		return "alter user"
	case DropUser:
		return "drop user"
	case CreateRole:
		return "create role"
	case AlterRole:
		return "alter role"
	case DropRole:
		return "drop role"
	case GrantRole:
		return "grant role"
	case RevokeRole:
		return "revoke role"
	case CreateGroup:
		return "create group"
	case AlterGroup:
		return "alter group"
	case DropGroup:
		return "drop group"
	case GrantPrivileges:
		return "grant privileges"
	case RevokePrivileges:
		return "revoke privileges"
	case GrantDefaultPrivileges:
		return "grant default privileges"
	case RevokeDefaultPrivileges:
		return "revoke default privileges"
	case GrantSystemPrivileges:
		return "grant system permissions"
	case RevokeSystemPrivileges:
		return "revoke system permissions"
	}
	return string(k)
}

func newPlanID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
