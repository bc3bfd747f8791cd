package app

import (
	"fmt"
	"log"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/redshiftmate/rsmate/backend/apperr"
)

// FormatError is the Wails ErrorFormatter: every error reaches the frontend as
// {code, message, detail, hint}.
func FormatError(err error) any {
	e := apperr.As(err)
	return map[string]string{"code": e.Code, "message": e.Message, "detail": e.Detail, "hint": e.Hint}
}

// guard turns a panic in a bound method into an error: on Linux a panic in a
// bound method would kill the whole app.
func guard(err *error) {
	if r := recover(); r != nil {
		log.Printf("panic in bound method: %v\n%s", r, debug.Stack())
		*err = &apperr.Error{Code: "internal", Message: "an internal error occurred", Detail: fmt.Sprint(r),
			Hint: "This is a bug; please report it with what you were doing."}
		return
	}
	if *err == nil {
		pc, _, _, _ := runtime.Caller(1) // the bound method
		firstAnswer.Do(func() { log.Printf("%s %s", FirstCallMarker, runtime.FuncForPC(pc).Name()) })
	}
}

// FirstCallMarker starts the log line written when the first bound call
// returns without error: only a frontend that reached the Go backend through
// the Wails bridge can cause it (scripts/smoke.sh looks for it).
const FirstCallMarker = "bridge: first bound call answered:"

var firstAnswer sync.Once
