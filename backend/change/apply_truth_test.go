package change

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/engine/postgres"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/pgnotice"
	"github.com/redshiftmate/rsmate/backend/pgtest"
)

// truthEnv is a test database reached directly or through a fault proxy, with
// the app's notice hook and a catalog reader like the app's.
type truthEnv struct {
	dsn   string
	pool  *pgxpool.Pool
	p     string
	audit *AuditLog
}

func newTruthEnv(t *testing.T, via func(target string) *faultProxy) *truthEnv {
	t.Helper()
	prefix := pgtest.Prefix()
	admin := pgtest.AdminDSN(t)
	// Registered before the database, so it runs after the database (and the
	// grants in it) is dropped.
	t.Cleanup(func() {
		for _, suffix := range []string{"r", "u"} {
			pgtest.Exec(t, admin, "DROP ROLE IF EXISTS "+prefix+suffix)
		}
	})
	dsn := pgtest.NewDatabase(t)
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	cfg.ConnConfig.OnNotice = pgnotice.Handler
	var px *faultProxy
	if via != nil {
		px = via(cfg.ConnConfig.Host + ":" + itoa(int(cfg.ConnConfig.Port)))
		cfg.ConnConfig.Host, cfg.ConnConfig.Port = "127.0.0.1", uint16(px.addr().Port)
		cfg.ConnConfig.TLSConfig, cfg.ConnConfig.Fallbacks = nil, nil
	}
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	if px != nil {
		t.Cleanup(px.close) // before pool.Close: unblocks connections hung in the proxy
	}
	audit, err := OpenAudit(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return &truthEnv{dsn: dsn, pool: pool, p: prefix, audit: audit}
}

func itoa(n int) string { return fmtInt(n) }

func fmtInt(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func (e *truthEnv) reload(ctx context.Context) (*model.Snapshot, error) {
	return postgres.New().LoadCatalog(ctx, e.pool, nil)
}

func (e *truthEnv) snapshot(t *testing.T) *model.Snapshot {
	s, err := e.reload(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// plan builds a plan of changes rendered as the given raw SQL, one statement per change.
func (e *truthEnv) plan(t *testing.T, changes []Change, sql []string) *Plan {
	t.Helper()
	r := sqlRenderer{}
	for i := range changes {
		key := fmtInt(i)
		r[key] = []Statement{{SQL: sql[i], Summary: "statement " + key}}
		c := changes[i]
		// sqlRenderer looks statements up by User.Name: carry the key there for non-user kinds.
		if c.User == nil {
			changes[i].User = &UserSpec{Name: key}
		} else {
			r[c.User.Name] = r[key]
		}
	}
	p := &Plan{ID: newPlanID(), Changes: changes, Transactional: true}
	for i, c := range changes {
		sts, _ := r.Render(c, nil)
		for _, s := range sts {
			s.ChangeIndex, s.Display = i, s.SQL
			p.Statements = append(p.Statements, s)
		}
	}
	return p
}

func (e *truthEnv) opts(before *model.Snapshot, timeout time.Duration) Options {
	return Options{StatementTimeout: timeout, Before: before, Reload: e.reload}
}

func codeOf(err error) string {
	var ae *apperr.Error
	if errors.As(err, &ae) {
		return ae.Code
	}
	return ""
}

func (e *truthEnv) roleExists(t *testing.T, name string) bool {
	return pgtest.QueryValue[bool](t, e.dsn, "SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = $1)", name)
}

// GRANT INSERT on a sequence: PostgreSQL answers with a WARNING and leaves the
// ACL unchanged. The apply must fail before COMMIT, name the statement and the
// warning, and leave the earlier statement rolled back.
func TestApplySequenceGrantWarningRollsBackBeforeCommit(t *testing.T) {
	e := newTruthEnv(t, nil)
	pgtest.Exec(t, e.dsn, "CREATE TABLE t (id int)", "CREATE SEQUENCE s", "CREATE ROLE "+e.p+"r")
	grantee := model.RoleRef(e.p + "r")
	plan := e.plan(t, []Change{
		{Kind: GrantPrivileges, Privilege: &PrivilegeSpec{Privileges: []string{"SELECT"}, Target: TargetObjects,
			Objects: []model.ObjectRef{{Kind: model.ObjTable, Schema: "public", Name: "t"}}, Grantee: grantee}},
		{Kind: GrantPrivileges, Privilege: &PrivilegeSpec{Privileges: []string{"INSERT"}, Target: TargetObjects,
			Objects: []model.ObjectRef{{Kind: model.ObjTable, Schema: "public", Name: "s"}}, Grantee: grantee}},
	}, []string{"GRANT SELECT ON TABLE t TO " + e.p + "r", "GRANT INSERT ON TABLE s TO " + e.p + "r"})
	res, err := Apply(context.Background(), e.pool, plan, ApplyTarget{ProfileName: "test"}, e.audit, e.opts(nil, 10*time.Second))
	if codeOf(err) != "apply_no_effect" {
		t.Fatalf("err = %v (code %q), want apply_no_effect; notices %+v", err, codeOf(err), res.Statements)
	}
	msg := err.Error()
	if !strings.Contains(msg, "statement 2 of 2") || !strings.Contains(msg, "0LP01") || !strings.Contains(msg, `sequence "s" only supports USAGE, SELECT, and UPDATE`) {
		t.Fatalf("error does not name statement 2 and the warning: %v", msg)
	}
	if res.Committed || res.Statements[1].Outcome != OutcomeFailed || len(res.Statements[1].Notices) == 0 {
		t.Fatalf("result %+v", res)
	}
	if acl := pgtest.QueryValue[*string](t, e.dsn, "SELECT relacl::text FROM pg_class WHERE relname = 't'"); acl != nil && strings.Contains(*acl, e.p+"r") {
		t.Fatalf("statement 1 survived the rollback: t's ACL is %s", *acl)
	}
	page, _ := e.audit.Read(0)
	if len(page.Entries) != 2 || !strings.Contains(page.Entries[0].Outcome, "0LP01") || page.Entries[1].Outcome != "rolled back" {
		t.Fatalf("audit entries %+v", page.Entries)
	}
}

// A statement that the server accepts but that changes nothing the plan meant
// (here a no-op standing in for it) is reported per statement as "no effect",
// next to a statement that did what it said.
func TestApplyReportsStatementWithoutEffectAfterCommit(t *testing.T) {
	e := newTruthEnv(t, nil)
	plan := e.plan(t, []Change{
		{Kind: CreateUser, User: &UserSpec{Name: e.p + "u"}},
		{Kind: CreateRole, Role: &RoleSpec{Name: e.p + "r"}},
	}, []string{"CREATE ROLE " + e.p + "u LOGIN", "SELECT 1"})
	res, err := Apply(context.Background(), e.pool, plan, ApplyTarget{ProfileName: "test"}, e.audit, e.opts(e.snapshot(t), 10*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if res.Outcome != PlanApplied || res.Statements[0].Outcome != OutcomeOK {
		t.Fatalf("statement 1: %+v (plan %s), want ok", res.Statements[0], res.Outcome)
	}
	st := res.Statements[1]
	if st.Outcome != OutcomeNoEffect || !strings.Contains(st.Detail, `role "`+e.p+`r" present`) {
		t.Fatalf("statement 2: %+v, want no_effect naming the missing role", st)
	}
	if res.NoEffect() != 1 || res.Snapshot == nil {
		t.Fatalf("NoEffect %d, snapshot %v", res.NoEffect(), res.Snapshot != nil)
	}
}

// COMMIT reaches the server, which commits; the reply never comes back. The
// apply reconnects, reads the catalog and reports the plan applied.
func TestApplyLostCommitReplySettledAsAppliedByCatalog(t *testing.T) {
	var px *faultProxy
	e := newTruthEnv(t, func(target string) *faultProxy { px = newFaultProxy(t, target, "COMMIT", dropReply); return px })
	plan := e.plan(t, []Change{{Kind: CreateUser, User: &UserSpec{Name: e.p + "u"}}}, []string{"CREATE ROLE " + e.p + "u LOGIN"})
	before := e.snapshot(t)
	px.arm()
	res, err := Apply(context.Background(), e.pool, plan, ApplyTarget{ProfileName: "test"}, e.audit, e.opts(before, 10*time.Second))
	select {
	case <-px.fired:
	default:
		t.Fatal("the proxy never saw COMMIT")
	}
	if err != nil {
		t.Fatalf("err = %v, want the outcome settled as applied", err)
	}
	if !res.CommitReplyLost || res.Outcome != PlanApplied || !res.Committed || res.Statements[0].Outcome != OutcomeOK {
		t.Fatalf("result %+v", res)
	}
	if !e.roleExists(t, e.p+"u") {
		t.Fatal("the role is not on the server")
	}
}

// COMMIT never reaches the server: the connection is cut. The catalog shows
// nothing applied, and the apply says exactly that.
func TestApplyLostCommitSettledAsNotAppliedByCatalog(t *testing.T) {
	var px *faultProxy
	e := newTruthEnv(t, func(target string) *faultProxy { px = newFaultProxy(t, target, "COMMIT", swallow); return px })
	plan := e.plan(t, []Change{{Kind: CreateUser, User: &UserSpec{Name: e.p + "u"}}}, []string{"CREATE ROLE " + e.p + "u LOGIN"})
	before := e.snapshot(t)
	px.arm()
	res, err := Apply(context.Background(), e.pool, plan, ApplyTarget{ProfileName: "test"}, e.audit, e.opts(before, 10*time.Second))
	if codeOf(err) != "commit_lost_not_applied" {
		t.Fatalf("err = %v (code %q), want commit_lost_not_applied", err, codeOf(err))
	}
	if !res.CommitReplyLost || res.Outcome != PlanNone || res.Statements[0].Outcome != OutcomeNotApplied {
		t.Fatalf("result %+v", res)
	}
	if e.roleExists(t, e.p+"u") {
		t.Fatal("the role exists although the settlement said not applied")
	}
}

// Without a catalog that can tell (reload fails), a lost COMMIT reply is
// "outcome unknown", never "nothing was changed".
func TestApplyLostCommitReplyUnknownWhenCatalogCannotBeRead(t *testing.T) {
	var px *faultProxy
	e := newTruthEnv(t, func(target string) *faultProxy { px = newFaultProxy(t, target, "COMMIT", dropReply); return px })
	plan := e.plan(t, []Change{{Kind: CreateUser, User: &UserSpec{Name: e.p + "u"}}}, []string{"CREATE ROLE " + e.p + "u LOGIN"})
	o := e.opts(e.snapshot(t), 10*time.Second)
	px.arm()
	o.Reload = func(context.Context) (*model.Snapshot, error) { return nil, errors.New("catalog unreadable") }
	res, err := Apply(context.Background(), e.pool, plan, ApplyTarget{ProfileName: "test"}, e.audit, o)
	if codeOf(err) != "commit_outcome_unknown" || strings.Contains(err.Error(), "Nothing was changed") {
		t.Fatalf("err = %v (code %q), want commit_outcome_unknown", err, codeOf(err))
	}
	if res.Outcome != PlanUndecided || res.Statements[0].Outcome != OutcomeUnknown {
		t.Fatalf("result %+v", res)
	}
}

// The network goes silent (packets dropped, not refused) after the first
// statement took a lock. The apply ends with a timeout error within the
// statement timeout, and on the server no session is left idle in
// transaction holding the lock.
func TestApplySilentNetworkTimesOutAndLeavesNoLocksOnServer(t *testing.T) {
	var px *faultProxy
	e := newTruthEnv(t, func(target string) *faultProxy { px = newFaultProxy(t, target, "CREATE ROLE", silence); return px })
	px.arm()
	pgtest.Exec(t, e.dsn, "CREATE TABLE t (id int)")
	plan := e.plan(t, []Change{
		{Kind: CreateUser, User: &UserSpec{Name: "lock"}},
		{Kind: CreateUser, User: &UserSpec{Name: e.p + "u"}},
	}, []string{"LOCK TABLE t IN ACCESS EXCLUSIVE MODE", "CREATE ROLE " + e.p + "u LOGIN"})
	const timeout = 2 * time.Second
	start := time.Now()
	_, err := Apply(context.Background(), e.pool, plan, ApplyTarget{ProfileName: "test"}, e.audit, e.opts(nil, timeout))
	took := time.Since(start)
	if codeOf(err) != "apply_timeout" || !strings.Contains(err.Error(), "statement 2 of 2") {
		t.Fatalf("err = %v (code %q), want apply_timeout naming statement 2", err, codeOf(err))
	}
	if took > timeout+time.Second {
		t.Fatalf("the apply took %v, want at most the %v timeout (+1s)", took, timeout)
	}
	locked := func() int64 {
		return pgtest.QueryValue[int64](t, e.dsn, `SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid)
			WHERE l.relation = 't'::regclass OR a.state LIKE 'idle in transaction%' AND a.datname = current_database()`)
	}
	deadline := time.Now().Add(3 * time.Second)
	for locked() > 0 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	if n := locked(); n > 0 {
		t.Fatalf("%d lock(s) or idle-in-transaction sessions left on the server", n)
	}
	if e.roleExists(t, e.p+"u") {
		t.Fatal("statement 2 ran")
	}
}

// Cancelling the context (the bound Cancel) ends a running statement at once
// and nothing is committed.
func TestApplyCancelStopsRunningStatementAndCommitsNothing(t *testing.T) {
	e := newTruthEnv(t, nil)
	plan := e.plan(t, []Change{
		{Kind: CreateUser, User: &UserSpec{Name: e.p + "u"}},
		{Kind: CreateUser, User: &UserSpec{Name: "sleep"}},
	}, []string{"CREATE ROLE " + e.p + "u LOGIN", "SELECT pg_sleep(30)"})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(500*time.Millisecond, cancel)
	start := time.Now()
	_, err := Apply(ctx, e.pool, plan, ApplyTarget{ProfileName: "test"}, e.audit, e.opts(nil, time.Minute))
	if codeOf(err) != "apply_cancelled" {
		t.Fatalf("err = %v (code %q), want apply_cancelled", err, codeOf(err))
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Fatalf("cancel took %v", took)
	}
	if e.roleExists(t, e.p+"u") {
		t.Fatal("a cancelled apply committed statement 1")
	}
}

// The server's own statement timeout ends a statement stuck on a lock.
func TestApplyStatementTimeoutEndsStatementWaitingOnLock(t *testing.T) {
	e := newTruthEnv(t, nil)
	pgtest.Exec(t, e.dsn, "CREATE TABLE t (id int)")
	holder, err := e.pool.Begin(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Rollback(context.Background())
	if _, err := holder.Exec(context.Background(), "LOCK TABLE t IN ACCESS EXCLUSIVE MODE"); err != nil {
		t.Fatal(err)
	}
	plan := e.plan(t, []Change{{Kind: CreateUser, User: &UserSpec{Name: "grant"}}}, []string{"SELECT count(*) FROM t"})
	start := time.Now()
	_, err = Apply(context.Background(), e.pool, plan, ApplyTarget{ProfileName: "test"}, e.audit, e.opts(nil, 2*time.Second))
	if codeOf(err) != "apply_failed_57014" || time.Since(start) > 3*time.Second {
		t.Fatalf("err = %v (code %q) after %v, want the server's statement timeout (57014) within 2s", err, codeOf(err), time.Since(start))
	}
}

// An audit log that cannot be written refuses the apply before anything is sent.
func TestApplyRefusesUnwritableAuditLogBeforeSendingAnything(t *testing.T) {
	e := newTruthEnv(t, nil)
	dir := t.TempDir()
	audit, _ := OpenAudit(dir)
	// A directory where the file should be: unwritable even for root.
	if err := os.Mkdir(filepath.Join(dir, "audit.jsonl"), 0o700); err != nil {
		t.Fatal(err)
	}
	plan := e.plan(t, []Change{{Kind: CreateUser, User: &UserSpec{Name: e.p + "u"}}}, []string{"CREATE ROLE " + e.p + "u LOGIN"})
	_, err := Apply(context.Background(), e.pool, plan, ApplyTarget{ProfileName: "test"}, audit, e.opts(nil, 10*time.Second))
	if codeOf(err) != "audit_unwritable" || !strings.Contains(err.Error(), "nothing was sent") {
		t.Fatalf("err = %v (code %q), want audit_unwritable", err, codeOf(err))
	}
	if e.roleExists(t, e.p+"u") {
		t.Fatal("the statement ran although the audit log is unwritable")
	}
}

func TestAuditReadReportsCorruptLineNumbers(t *testing.T) {
	dir := t.TempDir()
	a, _ := OpenAudit(dir)
	if err := a.Record(ApplyTarget{ProfileName: "p"}.Entry("1", Statement{Display: "CREATE ROLE a"}, "ok")); err != nil {
		t.Fatal(err)
	}
	f, _ := os.OpenFile(a.Path(), os.O_APPEND|os.O_WRONLY, 0o600)
	_, _ = f.WriteString("{\"time\":\"2026-01-0\n")
	f.Close()
	if err := a.Record(ApplyTarget{ProfileName: "p"}.Entry("2", Statement{Display: "DROP ROLE a"}, "ok")); err != nil {
		t.Fatal(err)
	}
	page, err := a.Read(0)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Entries) != 2 || page.Entries[0].Statement != "DROP ROLE a" {
		t.Fatalf("entries %+v", page.Entries)
	}
	if len(page.CorruptLines) != 1 || page.CorruptLines[0] != 2 {
		t.Fatalf("corrupt lines %v, want [2]", page.CorruptLines)
	}
}

// A catalog read that fails after a good COMMIT: the plan is applied, each
// statement says it could not be checked, and the reload error is kept.
func TestApplyReloadFailureAfterCommitSaysAppliedReloadFailed(t *testing.T) {
	e := newTruthEnv(t, nil)
	plan := e.plan(t, []Change{{Kind: CreateUser, User: &UserSpec{Name: e.p + "u"}}}, []string{"CREATE ROLE " + e.p + "u LOGIN"})
	o := e.opts(nil, 10*time.Second)
	o.Reload = func(context.Context) (*model.Snapshot, error) { return nil, errors.New("catalog unreadable") }
	res, err := Apply(context.Background(), e.pool, plan, ApplyTarget{ProfileName: "test"}, e.audit, o)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Committed || res.Outcome != PlanApplied || res.ReloadError != "catalog unreadable" || res.Statements[0].Outcome != OutcomeUnverified {
		t.Fatalf("result %+v", res)
	}
	if !e.roleExists(t, e.p+"u") {
		t.Fatal("not applied")
	}
}

func TestAuditRecordReturnsWriteError(t *testing.T) {
	dir := t.TempDir()
	a, _ := OpenAudit(dir)
	if err := os.Mkdir(a.Path(), 0o700); err != nil {
		t.Fatal(err)
	}
	err := a.Record(ApplyTarget{}.Entry("1", Statement{Display: "CREATE ROLE a"}, "ok"))
	if codeOf(err) != "audit_unwritable" {
		t.Fatalf("Record = %v, want audit_unwritable", err)
	}
}

// A statement outside the transaction fails after COMMIT: the result says
// which part is applied (checked in the catalog) and which failed.
func TestApplyOutsideTransactionFailureReportsPartialOutcome(t *testing.T) {
	e := newTruthEnv(t, nil)
	plan := e.plan(t, []Change{
		{Kind: CreateUser, User: &UserSpec{Name: e.p + "u"}},
		{Kind: CreateUser, User: &UserSpec{Name: "bad"}},
	}, []string{"CREATE ROLE " + e.p + "u LOGIN", "ALTER ROLE nobody_" + e.p + " LOGIN"})
	plan.Statements[1].OutsideTransaction = true
	res, err := Apply(context.Background(), e.pool, plan, ApplyTarget{ProfileName: "test"}, e.audit, e.opts(nil, 10*time.Second))
	if err == nil || !strings.Contains(err.Error(), "statement 2 of 2 failed") || !strings.Contains(apperr.As(err).Hint, "1 statement(s) had already been applied") {
		t.Fatalf("err = %v", err)
	}
	if res.Outcome != PlanPartial || res.Statements[0].Outcome != OutcomeOK || res.Statements[1].Outcome != OutcomeFailed {
		t.Fatalf("result %+v", res)
	}
}

// The whole network goes dark (the app cannot even reach the server to end
// the stuck session): the apply still ends within its timeout, and the
// server ends the idle transaction by itself through the transaction-local
// idle_in_transaction_session_timeout, releasing its lock.
func TestApplyBlackoutEndsWithinTimeoutAndServerReleasesLocksByItself(t *testing.T) {
	var px *faultProxy
	e := newTruthEnv(t, func(target string) *faultProxy { px = newFaultProxy(t, target, "CREATE ROLE", blackout); return px })
	pgtest.Exec(t, e.dsn, "CREATE TABLE t (id int)")
	px.arm()
	plan := e.plan(t, []Change{
		{Kind: CreateUser, User: &UserSpec{Name: "lock"}},
		{Kind: CreateUser, User: &UserSpec{Name: e.p + "u"}},
	}, []string{"LOCK TABLE t IN ACCESS EXCLUSIVE MODE", "CREATE ROLE " + e.p + "u LOGIN"})
	const timeout = 2 * time.Second
	start := time.Now()
	_, err := Apply(context.Background(), e.pool, plan, ApplyTarget{ProfileName: "test"}, e.audit, e.opts(nil, timeout))
	if took := time.Since(start); codeOf(err) != "apply_timeout" || took > timeout+time.Second {
		t.Fatalf("err = %v (code %q) after %v, want apply_timeout within %v", err, codeOf(err), took, timeout)
	}
	// The server-side idle timeout is 90% of the statement timeout, counted
	// from the end of statement 1; allow it that plus a margin.
	locked := func() int64 {
		return pgtest.QueryValue[int64](t, e.dsn, "SELECT count(*) FROM pg_locks WHERE relation = 't'::regclass")
	}
	deadline := time.Now().Add(3 * time.Second)
	for locked() > 0 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	if n := locked(); n > 0 {
		t.Fatalf("%d lock(s) on t left on the server", n)
	}
}
