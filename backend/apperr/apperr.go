// Package apperr defines the structured error every layer returns to the user:
// what happened (Message), the server's words (Detail) and what to do (Hint).
package apperr

import (
	"errors"
	"fmt"
)

// Error is a user-facing error. Code is stable and machine-readable
// (e.g. "auth_failed", "invalid_input"); Message is one sentence for a person.
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Detail  string `json:"detail,omitempty"`
	Hint    string `json:"hint,omitempty"`
	Err     error  `json:"-"`
}

func (e *Error) Error() string {
	if e.Detail != "" {
		return e.Message + ": " + e.Detail
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// New makes an Error without a cause.
func New(code, message, hint string) *Error {
	return &Error{Code: code, Message: message, Hint: hint}
}

// Invalid reports bad input found before any SQL ran.
func Invalid(format string, args ...any) *Error {
	return &Error{Code: "invalid_input", Message: fmt.Sprintf(format, args...)}
}

// NotFound reports a missing entity by kind and key.
func NotFound(kind, key string) *Error {
	return &Error{Code: "not_found", Message: fmt.Sprintf("%s %q does not exist", kind, key)}
}

// As returns err as an *Error, wrapping unknown errors as "internal".
func As(err error) *Error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Code: "internal", Message: err.Error(), Err: err}
}
