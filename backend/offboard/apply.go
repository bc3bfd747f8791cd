package offboard

import (
	"context"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/engine"
	"github.com/redshiftmate/rsmate/backend/model"
)

// Step states reported while applying.
const (
	StateRunning = "running"
	StateDone    = "done"    // applied and, read back, in effect
	StateNothing = "nothing" // nothing to do in this database
	StateFailed  = "failed"
	StateSkipped = "skipped" // an earlier step failed: not started
)

// StepResult is how one step ended.
type StepResult struct {
	Kind     string                   `json:"kind"`
	Database string                   `json:"database"`
	State    string                   `json:"state"`
	Executed int                      `json:"executed"`
	Results  []change.StatementResult `json:"results"`
	// Message says why a step failed or what is left (read back after it ran).
	Message string `json:"message,omitempty"`
}

// Result is the whole offboarding's outcome.
type Result struct {
	Steps []StepResult `json:"steps"`
	// Completed: every step ran and the user is gone.
	Completed bool `json:"completed"`
}

// Env is what applying needs from the app.
type Env struct {
	Home   *pgxpool.Pool // the session's pool (its database is the scan's home)
	Open   Opener
	Engine engine.Engine
	Audit  *change.AuditLog
	Target func(database string) change.ApplyTarget
	// StatementTimeout bounds each statement (change.Options).
	StatementTimeout time.Duration
	// Progress is told when each step starts and ends.
	Progress func(step int, r StepResult)
}

// Apply runs the steps in order, each database in its own transaction, and
// stops at the first step that fails or is not in effect when read back; the
// steps after it are reported as skipped, so it is clear what ran.
func Apply(ctx context.Context, s *Scan, env Env) (Result, error) {
	if !s.Ready {
		return Result{}, apperr.Invalid("the offboarding has databases that could not be scanned or planned; fix them and scan again")
	}
	res := Result{Steps: make([]StepResult, len(s.Steps))}
	for i := range s.Steps {
		res.Steps[i] = StepResult{Kind: s.Steps[i].Kind, Database: s.Steps[i].Database, State: StateSkipped}
	}
	tell := func(i int) {
		if env.Progress != nil {
			env.Progress(i, res.Steps[i])
		}
	}
	for i, st := range s.Steps {
		if st.plan == nil || len(st.plan.Statements) == 0 {
			res.Steps[i].State = StateNothing
			tell(i)
			continue
		}
		res.Steps[i].State = StateRunning
		tell(i)
		r := runStep(ctx, st, env)
		res.Steps[i] = r
		tell(i)
		if r.State != StateDone {
			return res, nil
		}
	}
	res.Completed = true
	return res, nil
}

func runStep(ctx context.Context, st Step, env Env) StepResult {
	out := StepResult{Kind: st.Kind, Database: st.Database}
	pool := env.Home
	if st.Kind == "clear" {
		p, err := env.Open(ctx, st.Database)
		if err != nil {
			out.State, out.Message = StateFailed, "cannot connect: "+apperr.As(err).Message
			return out
		}
		defer p.Close()
		pool = p
	}
	reload := func(ctx context.Context) (*model.Snapshot, error) { return env.Engine.LoadCatalog(ctx, pool, nil) }
	r, err := change.Apply(ctx, pool, st.plan, env.Target(st.Database), env.Audit,
		change.Options{StatementTimeout: env.StatementTimeout, Before: st.snap, Reload: reload})
	out.Executed, out.Results = r.Executed, r.Statements
	switch {
	case err != nil:
		out.State, out.Message = StateFailed, apperr.As(err).Message
		return out
	case !r.Committed:
		out.State, out.Message = StateFailed, failedMessage(r)
		return out
	case r.Snapshot == nil:
		out.State, out.Message = StateFailed, "applied, but the database could not be read back to check it: "+r.ReloadError
		return out
	}
	// Read after write: nothing of the user may be left in this database.
	switch st.Kind {
	case "disable_login":
		if msg := signInLeft(r.Snapshot, userOf(st)); msg != "" {
			out.State, out.Message = StateFailed, "applied, but read back "+msg
			return out
		}
	case "clear":
		if left := blockers(r.Snapshot, userOf(st)); !left.Empty() {
			out.State, out.Message = StateFailed, "applied, but read back the user still "+describe(left)
			return out
		}
	case "drop":
		if _, still := findUser(r.Snapshot, userOf(st)); still {
			out.State, out.Message = StateFailed, "applied, but read back the user is still there"
			return out
		}
	}
	out.State = StateDone
	return out
}

// signInLeft says how the user can still sign in, read from the catalog:
// PostgreSQL lists a NOLOGIN role among roles, not users; Redshift shows the
// password as disabled.
func signInLeft(s *model.Snapshot, user string) string {
	u, isUser := findUser(s, user)
	switch {
	case s.Engine == "postgres" && isUser:
		return "the user can still sign in (LOGIN)"
	case s.Engine != "postgres" && isUser && !u.PasswordDisabled:
		return "the user's password still works"
	}
	return ""
}

func failedMessage(r change.Result) string {
	for _, s := range r.Statements {
		if s.Outcome == change.OutcomeFailed && s.Detail != "" {
			return s.Detail
		}
	}
	return "not applied (" + string(r.Outcome) + ")"
}

// userOf is the user the step was planned for.
func userOf(st Step) string { return st.user }

func describe(b Blockers) string {
	var parts []string
	if len(b.Owned) > 0 {
		parts = append(parts, "owns "+strings.Join(b.Owned, ", "))
	}
	if b.Grants > 0 {
		parts = append(parts, "holds privileges")
	}
	if b.DefaultsAsCreator+b.DefaultsAsGrantee > 0 {
		parts = append(parts, "has default privileges")
	}
	return strings.Join(parts, "; ")
}
