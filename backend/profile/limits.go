package profile

import (
	"fmt"
	"unicode/utf8"

	"github.com/redshiftmate/rsmate/backend/apperr"
)

// Byte limits on every text a profile or a connect request carries. They are
// checked before anything else looks at the text, so an oversized value is
// never parsed, stored, sent or echoed in an error.
const (
	IDMaxBytes       = 64 // ids are 24 hex digits
	NameMaxBytes     = 4 * NameMaxLen
	HostMaxBytes     = 255  // longest DNS name
	DatabaseMaxBytes = 127  // Redshift's identifier limit (PostgreSQL's is 63)
	UserMaxBytes     = 127  // the same
	CAFileMaxBytes   = 4096 // PATH_MAX on Linux
	EnumMaxBytes     = 16   // engine, SSL mode
	ColorMaxBytes    = 16
	PasswordMaxBytes = 1024
	URLMaxBytes      = 4096
)

// CodeTooLong is the error code of a refused oversized or non-UTF-8 text.
const CodeTooLong = "input_too_long"

// CheckText refuses a text longer than max bytes (or not valid UTF-8). The
// error names the field and the limit, never the value.
func CheckText(field, value string, max int) error {
	if len(value) > max {
		return &apperr.Error{Code: CodeTooLong,
			Message: fmt.Sprintf("the %s is %d bytes long; at most %d bytes are allowed", field, len(value), max)}
	}
	if !utf8.ValidString(value) {
		return &apperr.Error{Code: CodeTooLong, Message: fmt.Sprintf("the %s is not valid UTF-8 text", field)}
	}
	return nil
}

// CheckLengths applies CheckText to every text field of p.
func CheckLengths(p Profile) error {
	fields := []textField{
		{"connection id", p.ID, IDMaxBytes},
		{"name", p.Name, NameMaxBytes},
		{"engine", string(p.Engine), EnumMaxBytes},
		{"host", p.Host, HostMaxBytes},
		{"database", p.Database, DatabaseMaxBytes},
		{"user", p.User, UserMaxBytes},
		{"SSL mode", string(p.SSLMode), EnumMaxBytes},
		{"CA file path", p.CAFile, CAFileMaxBytes},
		{"colour", p.Color, ColorMaxBytes},
	}
	for _, f := range append(fields, authTexts(p.Auth)...) {
		if err := CheckText(f.name, f.value, f.max); err != nil {
			return err
		}
	}
	return checkSSHLengths(p.SSH)
}

// checkSSHLengths applies CheckText to the tunnel's text fields.
func checkSSHLengths(t *SSHTunnel) error {
	if t == nil {
		return nil
	}
	if len(t.JumpHosts) > MaxJumpHosts {
		return &apperr.Error{Code: CodeTooLong,
			Message: fmt.Sprintf("there are %d SSH jump hosts; at most %d are allowed", len(t.JumpHosts), MaxJumpHosts)}
	}
	checks := [][3]any{
		{"SSH host", t.Host, HostMaxBytes},
		{"SSH user", t.User, UserMaxBytes},
		{"SSH authentication", string(t.Auth), EnumMaxBytes},
		{"SSH key file path", t.KeyFile, CAFileMaxBytes},
	}
	for _, h := range t.JumpHosts {
		checks = append(checks, [3]any{"SSH jump host", h.Host, HostMaxBytes}, [3]any{"SSH jump host user", h.User, UserMaxBytes})
	}
	for _, c := range checks {
		if err := CheckText(c[0].(string), c[1].(string), c[2].(int)); err != nil {
			return err
		}
	}
	return nil
}

type textField struct {
	name, value string
	max         int
}
