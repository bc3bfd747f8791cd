package change

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/pgnotice"
)

// ApplyTarget of an apply, for the audit log and the read-only rule.
type ApplyTarget struct {
	ProfileID   string
	ProfileName string
	Server      string // host:port/database
	ServerUser  string
	Database    string
	ReadOnly    bool
}

// Options tune an apply.
type Options struct {
	// StatementTimeout bounds every statement, COMMIT included, on the client
	// (a silent network ends there) and, slightly shorter, on the server
	// (statement_timeout for the transaction only). Default DefaultStatementTimeout.
	StatementTimeout time.Duration
	// Before is the catalog the plan was built on. It tells which effects were
	// already there, so a lost COMMIT reply can be settled.
	Before *model.Snapshot
	// Reload reads the catalog again on a fresh connection. Apply calls it after
	// COMMIT to check every statement's effect, and after a lost COMMIT reply to
	// find out what happened. nil: effects are not checked.
	Reload func(ctx context.Context) (*model.Snapshot, error)
}

// DefaultStatementTimeout bounds one statement of an apply.
const DefaultStatementTimeout = 2 * time.Minute

// Outcome of one statement.
type Outcome string

const (
	OutcomeOK         Outcome = "ok"          // ran, committed, and the catalog read afterwards shows its effect
	OutcomeNoEffect   Outcome = "no_effect"   // ran and committed, but the catalog does not show its effect
	OutcomeUnverified Outcome = "unverified"  // ran and committed; its effect is not visible in the catalog, or the catalog could not be read
	OutcomeUnknown    Outcome = "unknown"     // may or may not be applied: the COMMIT reply was lost and the catalog could not settle it
	OutcomeNotApplied Outcome = "not_applied" // rolled back or never run
	OutcomeFailed     Outcome = "failed"      // this statement failed (or a server warning said it did nothing)
)

// PlanOutcome is what the whole plan did on the server.
type PlanOutcome string

const (
	PlanApplied   PlanOutcome = "applied"
	PlanNone      PlanOutcome = "not_applied"
	PlanPartial   PlanOutcome = "partially_applied" // statements outside the transaction stopped midway
	PlanUndecided PlanOutcome = "unknown"
)

// StatementResult is the outcome of one statement of the plan, same index.
type StatementResult struct {
	Outcome Outcome `json:"outcome" ts_type:"'ok' | 'no_effect' | 'unverified' | 'unknown' | 'not_applied' | 'failed'"`
	// Notices the server sent while the statement ran (NOTICE, WARNING).
	Notices []string `json:"notices"`
	// Detail says why: the missing effects, the error, the warning.
	Detail string `json:"detail,omitempty"`
}

// Result says what ran and what it did.
type Result struct {
	PlanID   string `json:"planId"`
	Executed int    `json:"executed"`
	// Committed is true when the transaction committed (and every statement outside it ran).
	Committed bool        `json:"committed"`
	Outcome   PlanOutcome `json:"outcome"`
	// CommitReplyLost: COMMIT was sent and no reply came; Outcome was settled
	// by reading the catalog again (or is unknown).
	CommitReplyLost bool              `json:"commitReplyLost"`
	Statements      []StatementResult `json:"statements"`
	// Snapshot is the catalog read after the apply; nil when not read.
	Snapshot    *model.Snapshot `json:"-"`
	ReloadError string          `json:"reloadError,omitempty"`
	// AuditError: the changes went through but their audit entries were not written.
	AuditError string `json:"auditError,omitempty"`
}

// NoEffect counts statements that ran but changed nothing visible.
func (r Result) NoEffect() int {
	n := 0
	for _, s := range r.Statements {
		if s.Outcome == OutcomeNoEffect {
			n++
		}
	}
	return n
}

// refusingWarnings are the SQLSTATEs of warnings that mean a GRANT or REVOKE
// did not do (all of) what it says. The server still reports success; Apply
// treats them as failure before COMMIT.
var refusingWarnings = map[string]bool{
	"01007": true, // privilege_not_granted
	"01006": true, // privilege_not_revoked
	// invalid_grant_operation as a WARNING: PostgreSQL drops privileges the
	// object type lacks ("sequence only supports USAGE, SELECT, and UPDATE").
	"0LP01": true,
}

// Apply runs the plan on one connection of db: every transactional statement
// in one transaction, then any statement the engine refuses in a transaction
// block, one by one. Before anything is sent the audit log must be writable.
// Each statement's server notices are kept; a warning that nothing was granted
// or revoked rolls the transaction back. After COMMIT the catalog is read again
// and every statement's intended effect checked. A lost COMMIT reply is
// settled the same way. Errors name the failing statement and say whether
// anything was changed.
func Apply(ctx context.Context, db *pgxpool.Pool, p *Plan, t ApplyTarget, log *AuditLog, o Options) (Result, error) {
	res := Result{PlanID: p.ID, Outcome: PlanNone, Statements: make([]StatementResult, len(p.Statements))}
	for i := range res.Statements {
		res.Statements[i] = StatementResult{Outcome: OutcomeNotApplied, Notices: []string{}}
	}
	if t.ReadOnly {
		return res, &apperr.Error{Code: "read_only", Message: "this connection is read-only: no changes can be applied",
			Hint: "Clear the read-only flag in the connection's settings if you really mean to change this server."}
	}
	if err := log.Check(); err != nil {
		return res, err
	}
	if o.StatementTimeout <= 0 {
		o.StatementTimeout = DefaultStatementTimeout
	}
	r := &runner{ctx: ctx, db: db, plan: p, target: t, log: log, opt: o, res: &res, described: map[int]bool{}}
	if o.Before != nil {
		r.reverts = Reverts(p.Changes, o.Before)
	}
	err := r.run()
	if aerr := log.Record(r.audit...); aerr != nil {
		if err == nil && res.Executed == 0 {
			return res, aerr
		}
		res.AuditError = apperr.As(aerr).Error()
	}
	return res, err
}

type runner struct {
	ctx    context.Context
	db     *pgxpool.Pool
	plan   *Plan
	target ApplyTarget
	log    *AuditLog
	opt    Options
	res    *Result

	conn    *pgxpool.Conn
	pid     uint32
	notices *pgnotice.Collector
	audit   []AuditEntry

	// reverts undo each change (computed before anything runs); the audit
	// entry of a change's first recorded statement carries its revert and
	// the principals it names (described).
	reverts   []Revert
	described map[int]bool
}

func (r *runner) record(i int, outcome string) {
	st := r.plan.Statements[i]
	e := r.target.Entry(r.plan.ID, st, outcome)
	if ci := st.ChangeIndex; !r.described[ci] && ci < len(r.plan.Changes) {
		r.described[ci] = true
		e.Principals = principalsOf(r.plan.Changes[ci])
		if ci < len(r.reverts) {
			e.Revert = &r.reverts[ci]
		}
	}
	r.audit = append(r.audit, e)
}

func (r *runner) run() error {
	var inTx, outside []int
	for i, s := range r.plan.Statements {
		if s.OutsideTransaction {
			outside = append(outside, i)
		} else {
			inTx = append(inTx, i)
		}
	}
	actx, cancel := context.WithTimeout(r.ctx, r.opt.StatementTimeout)
	conn, err := r.db.Acquire(actx)
	cancel()
	if err != nil {
		return r.transportError(-1, "connecting", err)
	}
	r.conn, r.pid = conn, conn.Conn().PgConn().PID()
	r.notices = pgnotice.Watch(conn.Conn().PgConn())
	defer func() {
		r.notices.Stop()
		if !conn.Conn().IsClosed() && conn.Conn().PgConn().TxStatus() != 'I' {
			conn.Conn().Close(context.Background()) // never hand an open transaction back to the pool
		}
		conn.Release()
	}()

	if len(inTx) > 0 {
		if err := r.transaction(inTx); err != nil {
			return err
		}
	}
	if len(outside) > 0 && r.conn.Conn().IsClosed() {
		// Only after a lost COMMIT reply that the catalog settled as committed.
		for _, i := range outside {
			r.record(i, "not run: connection lost")
		}
		r.res.Outcome = PlanPartial
		r.verify(inTx)
		return &apperr.Error{Code: "apply_partial",
			Message: "the transaction committed, but the connection was lost before the statements outside it ran",
			Hint:    "Review the changes again: only the statements outside the transaction are left to apply."}
	}
	for n, i := range outside {
		if err := r.outsideStatement(i); err != nil {
			if r.res.Executed > 0 {
				r.res.Outcome = PlanPartial
			}
			for _, j := range outside[n+1:] {
				r.record(j, "not run")
			}
			r.verify(append(append([]int{}, inTx...), outside[:n]...))
			return err
		}
	}
	r.res.Committed = true
	r.res.Outcome = PlanApplied
	r.verify(append(inTx, outside...))
	return nil
}

// stmtCtx bounds one round trip on the client: the deadline closes the
// connection (pgx's default context handling), so a silent network ends here.
func (r *runner) stmtCtx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(r.ctx, r.opt.StatementTimeout)
}

// serverTimeout is a little shorter than the client's, so a slow statement
// normally ends with the server's own error, not with a closed connection.
func (r *runner) serverTimeout() string {
	d := r.opt.StatementTimeout - r.opt.StatementTimeout/10
	return strconv.FormatInt(max(d.Milliseconds(), 1), 10)
}

func (r *runner) exec(sql string, args ...any) error {
	ctx, cancel := r.stmtCtx()
	defer cancel()
	_, err := r.conn.Exec(ctx, sql, args...)
	return err
}

func (r *runner) postgres() bool {
	return r.conn.Conn().PgConn().ParameterStatus("padb_version") == ""
}

func (r *runner) transaction(idx []int) error {
	abort := func(upTo int, failed string) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_ = r.exec0(ctx, "ROLLBACK")
		cancel()
		for _, j := range idx[:upTo] {
			r.record(j, "rolled back")
		}
		if failed != "" {
			r.record(idx[upTo], failed)
		}
		for _, j := range idx[min(upTo+1, len(idx)):] {
			r.record(j, "not run")
		}
	}
	if err := r.exec("BEGIN"); err != nil {
		return r.transportError(idx[0], "starting the transaction", err)
	}
	// Transaction-local limits: a statement that runs too long is cancelled by
	// the server, and (PostgreSQL) a transaction whose client went away
	// silently does not sit idle holding locks.
	if err := r.exec("SELECT set_config('statement_timeout', $1, true)", r.serverTimeout()); err != nil {
		abort(0, "")
		return r.transportError(idx[0], "setting the statement timeout", err)
	}
	if r.postgres() {
		if err := r.exec("SELECT set_config('idle_in_transaction_session_timeout', $1, true)", r.serverTimeout()); err != nil {
			abort(0, "")
			return r.transportError(idx[0], "setting the idle timeout", err)
		}
	}
	r.notices.Take()
	for n, i := range idx {
		s := r.plan.Statements[i]
		err := r.exec(s.SQL)
		r.takeNotices(i)
		if err != nil {
			if r.conn.Conn().IsClosed() {
				abort(n, "no answer: "+errText(err))
				r.res.Statements[i].Outcome, r.res.Statements[i].Detail = OutcomeFailed, errText(err)
				return r.transportError(i, "", err)
			}
			abort(n, "rolled back: "+errText(err))
			r.res.Statements[i].Outcome, r.res.Statements[i].Detail = OutcomeFailed, errText(err)
			return statementError(i+1, len(r.plan.Statements), s, err, "Nothing was changed: the whole transaction was rolled back.")
		}
		if w := r.refusal(i); w != "" {
			abort(n, "rolled back: "+w)
			r.res.Statements[i].Outcome, r.res.Statements[i].Detail = OutcomeFailed, w
			return &apperr.Error{Code: "apply_no_effect",
				Message: fmt.Sprintf("statement %d of %d failed: the server warned that it did not grant or revoke as asked: %s", i+1, len(r.plan.Statements), w),
				Detail:  s.Display,
				Hint:    "Nothing was changed: the whole transaction was rolled back. Remove or correct this change, then review again."}
		}
	}
	err := r.exec("COMMIT")
	r.notices.Take()
	if err == nil {
		r.res.Executed += len(idx)
		for _, i := range idx {
			r.record(i, "ok")
		}
		return nil
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		for _, i := range idx {
			r.record(i, "commit refused: "+pg.Message)
		}
		return &apperr.Error{Code: "commit_failed", Message: "the server refused to commit the changes",
			Detail: pg.Message, Hint: "Nothing was changed: the server rolled the transaction back. Refresh and try again.", Err: err}
	}
	return r.settleLostCommit(idx, err)
}

// exec0 runs sql with ctx, ignoring a dead connection.
func (r *runner) exec0(ctx context.Context, sql string) error {
	if r.conn.Conn().IsClosed() {
		return nil
	}
	_, err := r.conn.Exec(ctx, sql)
	return err
}

func (r *runner) takeNotices(i int) {
	for _, n := range r.notices.Take() {
		r.res.Statements[i].Notices = append(r.res.Statements[i].Notices, n.Text())
		if refusingWarnings[n.Code] {
			r.res.Statements[i].Detail = n.Text()
		}
	}
}

// refusal is the text of a warning that statement i did nothing, or "".
func (r *runner) refusal(i int) string {
	st := r.res.Statements[i]
	if st.Detail != "" {
		return st.Detail
	}
	return ""
}

func (r *runner) outsideStatement(i int) error {
	s := r.plan.Statements[i]
	if err := r.exec("SELECT set_config('statement_timeout', $1, false)", r.serverTimeout()); err != nil {
		r.record(i, "not run: "+errText(err))
		return r.transportError(i, "setting the statement timeout", err)
	}
	r.notices.Take()
	err := r.exec(s.SQL)
	r.takeNotices(i)
	if !r.conn.Conn().IsClosed() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_ = r.exec0(ctx, "RESET statement_timeout")
		cancel()
	}
	hint := fmt.Sprintf("%d statement(s) had already been applied and stay applied.", r.res.Executed)
	if err != nil {
		r.record(i, "failed: "+errText(err))
		r.res.Statements[i].Outcome, r.res.Statements[i].Detail = OutcomeFailed, errText(err)
		if r.conn.Conn().IsClosed() {
			return r.transportError(i, "", err)
		}
		return statementError(i+1, len(r.plan.Statements), s, err, hint)
	}
	if w := r.refusal(i); w != "" {
		// Outside a transaction there is nothing to roll back: report it.
		r.record(i, "no effect: "+w)
		r.res.Executed++
		r.res.Statements[i].Outcome = OutcomeNoEffect
		return nil
	}
	r.record(i, "ok")
	r.res.Executed++
	return nil
}

// transportError reports a statement that got no answer (timeout, cancel,
// lost connection) before COMMIT was sent: the transaction did not commit.
// The server-side session is ended so it holds no locks.
func (r *runner) transportError(i int, what string, err error) error {
	r.endServerSession(false)
	where := what
	if i >= 0 && what == "" {
		where = fmt.Sprintf("statement %d of %d", i+1, len(r.plan.Statements))
	}
	e := &apperr.Error{Code: "apply_connection_lost", Err: err,
		Message: fmt.Sprintf("the connection was lost during %s: %s", where, errText(err)),
		Hint:    "Nothing was committed: the server rolls back a transaction whose connection is gone. Check the network, then apply again."}
	switch {
	case r.ctx.Err() != nil:
		e.Code = "apply_cancelled"
		e.Message = "the apply was cancelled during " + where
		e.Hint = "Nothing was committed: the transaction was abandoned and the server rolls it back."
	case errors.Is(err, context.DeadlineExceeded) || pgconn.Timeout(err):
		e.Code = "apply_timeout"
		e.Message = fmt.Sprintf("no answer from the server within %s during %s", r.opt.StatementTimeout, where)
		e.Hint = "The connection was closed and the transaction not committed; the server rolls it back. Check the network or a lock held by another session, then apply again."
	}
	if i >= 0 {
		e.Detail = r.plan.Statements[i].Display
	}
	if r.conn == nil {
		e.Hint = "Nothing was sent to the server."
	}
	return e
}

// endServerSession asks the server, on a fresh connection, to end the
// session of a connection that stopped answering, so an unfinished
// transaction there releases its locks now rather than when the server
// notices the dead connection. Best effort, bounded to 5 s: when the network
// is gone altogether, the transaction-local idle_in_transaction_session_timeout
// (PostgreSQL) ends that session on the server by itself. With wait false it
// runs in the background, so the apply reports within its timeout.
func (r *runner) endServerSession(wait bool) {
	if r.conn == nil || r.pid == 0 || !r.conn.Conn().IsClosed() {
		return
	}
	db, pid := r.db, int64(r.pid)
	end := func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_, _ = db.Exec(ctx, "SELECT pg_terminate_backend($1)", pid)
	}
	if wait {
		end()
	} else {
		go end()
	}
}

// settleLostCommit: COMMIT was sent and no reply came. The server may have
// committed or not. End that server session (so the answer cannot change
// while we look), then read the catalog and compare it with the plan.
func (r *runner) settleLostCommit(idx []int, err error) error {
	r.res.CommitReplyLost = true
	r.res.Outcome = PlanUndecided
	r.endServerSession(true) // before looking, so the answer cannot change afterwards
	for _, i := range idx {
		r.res.Statements[i].Outcome = OutcomeUnknown
	}
	snap, rerr := r.reload()
	if rerr == nil {
		decided, committed := r.decide(idx, snap)
		if decided && committed {
			r.res.Committed = true
			r.res.Outcome = PlanApplied
			r.res.Executed += len(idx)
			for _, i := range idx {
				r.record(i, "ok (commit reply lost; the catalog shows the transaction committed)")
			}
			r.verify(idx)
			return nil // statements outside the transaction run next
		}
		if decided {
			for _, i := range idx {
				r.res.Statements[i].Outcome = OutcomeNotApplied
				r.record(i, "not applied (commit reply lost; the catalog shows the transaction rolled back)")
			}
			r.res.Outcome = PlanNone
			return &apperr.Error{Code: "commit_lost_not_applied", Err: err,
				Message: "the connection was lost while committing; the catalog shows that nothing was applied",
				Detail:  errText(err), Hint: "Nothing was changed. Check the network, then apply again."}
		}
	}
	for _, i := range idx {
		r.record(i, "unknown: commit reply lost")
	}
	why := "the catalog shows no change that tells either way"
	if rerr != nil {
		why = "reading the catalog again failed: " + errText(rerr)
	}
	return &apperr.Error{Code: "commit_outcome_unknown", Err: err,
		Message: "the connection was lost while committing: the changes may or may not be applied",
		Detail:  errText(err) + "\n" + why,
		Hint:    "Refresh the catalog and compare it with the preview before applying again."}
}

// decide compares the catalog after a lost COMMIT reply with the plan. Only
// changes whose effect was not already there before tell: if one of them shows,
// the transaction committed (it is all or nothing); if none does, it did not.
func (r *runner) decide(idx []int, after *model.Snapshot) (decided, committed bool) {
	seen := map[int]bool{}
	telling, shown := 0, 0
	for _, i := range idx {
		ci := r.plan.Statements[i].ChangeIndex
		if seen[ci] || ci >= len(r.plan.Changes) {
			continue
		}
		seen[ci] = true
		c := r.plan.Changes[ci]
		if r.opt.Before != nil && CheckEffect(c, r.opt.Before).Met() {
			continue
		}
		e := CheckEffect(c, after)
		if !e.Checked {
			continue
		}
		telling++
		if e.Met() {
			shown++
		}
	}
	if telling == 0 {
		return false, false
	}
	return true, shown > 0
}

func (r *runner) reload() (*model.Snapshot, error) {
	if r.opt.Reload == nil {
		return nil, errors.New("no catalog reader")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*r.opt.StatementTimeout)
	defer cancel()
	snap, err := r.opt.Reload(ctx)
	if err == nil {
		r.res.Snapshot = snap
	}
	return snap, err
}

// verify reads the catalog after the apply (unless already read) and sets the
// outcome of every statement that ran.
func (r *runner) verify(idx []int) {
	snap := r.res.Snapshot
	if snap == nil {
		var err error
		if snap, err = r.reload(); err != nil {
			r.res.ReloadError = errText(err)
			for _, i := range idx {
				if r.res.Statements[i].Outcome != OutcomeNoEffect {
					r.res.Statements[i].Outcome = OutcomeUnverified
					r.res.Statements[i].Detail = "applied; the catalog could not be read again to check it"
				}
			}
			return
		}
	}
	effects := map[int]Effect{}
	superseded := Superseded(r.plan.Changes)
	for _, i := range idx {
		st := &r.res.Statements[i]
		if st.Outcome == OutcomeNoEffect {
			continue // a warning already said so
		}
		ci := r.plan.Statements[i].ChangeIndex
		if ci >= len(r.plan.Changes) {
			st.Outcome = OutcomeUnverified
			continue
		}
		if superseded[ci] {
			st.Outcome = OutcomeUnverified
			st.Detail = "a later change of this plan renames or drops what it names, so its own effect cannot be seen"
			continue
		}
		e, ok := effects[ci]
		if !ok {
			e = CheckEffect(r.plan.Changes[ci], snap)
			effects[ci] = e
		}
		switch {
		case !e.Checked:
			st.Outcome = OutcomeUnverified
		case e.Met():
			st.Outcome = OutcomeOK
		default:
			st.Outcome = OutcomeNoEffect
			st.Detail = "expected after the apply, not seen in the catalog: " + strings.Join(e.Missing, "; ")
		}
	}
}

func statementError(n, total int, s Statement, err error, hint string) error {
	e := &apperr.Error{Code: "apply_failed", Err: err, Hint: hint,
		Message: fmt.Sprintf("statement %d of %d failed: %s", n, total, errText(err)),
		Detail:  s.Display}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		e.Code = "apply_failed_" + pg.Code
		if pg.Detail != "" {
			e.Detail += "\n" + pg.Detail
		}
		if pg.Hint != "" {
			e.Hint = pg.Hint + " " + hint
		}
	}
	return e
}

func errText(err error) string {
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		return pg.Message
	}
	return err.Error()
}
