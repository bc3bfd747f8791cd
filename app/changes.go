package app

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/catalog"
	"github.com/redshiftmate/rsmate/backend/change"
	pgrender "github.com/redshiftmate/rsmate/backend/engine/postgres/render"
	rsrender "github.com/redshiftmate/rsmate/backend/engine/redshift/render"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/profile"
	"github.com/redshiftmate/rsmate/backend/session"
)

// ChangesService is the bound service that previews, applies and audits
// change sets. The frontend sends typed changes, never SQL.
type ChangesService struct {
	app *App

	mu      sync.Mutex
	plans   map[string]*pendingPlan
	running map[string]context.CancelFunc // plan id → cancel of its apply

	// statementTimeout bounds each statement of an apply (0 = change.DefaultStatementTimeout).
	statementTimeout time.Duration

	auditOnce sync.Once
	audit     *change.AuditLog
	auditErr  error
}

// pendingPlan is a previewed plan and what it was previewed on: it applies
// only to that session, that database and that catalog generation.
type pendingPlan struct {
	sessionID string
	database  string
	before    *model.Snapshot // the catalog the plan was built on; LoadedAt is its generation
	plan      *change.Plan    // holds clear-text passwords until applied or discarded
}

// PlanView is a plan as the preview shows it: redacted SQL only.
type PlanView struct {
	ID            string             `json:"id"`
	Statements    []change.Statement `json:"statements"`
	Transactional bool               `json:"transactional"`
	Destructive   bool               `json:"destructive"`
	ReadOnly      bool               `json:"readOnly"`
	Script        string             `json:"script"`
	// Warnings name changes the connected user likely lacks the rights for.
	Warnings []string `json:"warnings"`
	// ApplyRefusal, when set, is why Apply is refused on this connection
	// whatever the plan (an emulated Redshift); the SQL can still be copied or saved.
	ApplyRefusal string `json:"applyRefusal,omitempty"`
}

// ApplyResult says what an apply did, statement by statement, and returns
// the refreshed catalog summary.
type ApplyResult struct {
	// Applied: the transaction committed (settled from the catalog when the
	// COMMIT reply was lost). Statements may still show "no effect".
	Applied         bool               `json:"applied"`
	Cancelled       bool               `json:"cancelled"` // the user said no to the confirmation: nothing ran
	Executed        int                `json:"executed"`
	Outcome         change.PlanOutcome `json:"outcome" ts_type:"'applied' | 'not_applied' | 'partially_applied' | 'unknown'"`
	CommitReplyLost bool               `json:"commitReplyLost"`
	// Statements has one outcome per statement of the plan (same order).
	Statements []change.StatementResult `json:"statements"`
	NoEffect   int                      `json:"noEffect"`
	// ReloadError: applied, but the catalog could not be read again.
	ReloadError string `json:"reloadError"`
	// AuditError: applied, but the audit entries could not be written.
	AuditError string         `json:"auditError"`
	Catalog    CatalogSummary `json:"catalog"`
}

func rendererFor(e session.Engine) change.Renderer {
	if e == session.Redshift {
		return rsrender.New()
	}
	return pgrender.New()
}

// emulatedRefusal says why nothing is applied on an emulated Redshift.
const emulatedRefusal = "This is PostgreSQL dressed as Redshift: the statements are Redshift SQL and would not run here. Copy or save them to run on a cluster."

func emulatedApplyRefused() error {
	return &apperr.Error{Code: "emulated_redshift", Message: "nothing was applied: this is PostgreSQL dressed as Redshift, and the statements are Redshift SQL that would not run here",
		Hint: "Copy or save them to run on a cluster."}
}

func planExpired() error {
	return &apperr.Error{Code: "plan_expired", Message: "this preview is no longer current: it was applied, discarded or replaced",
		Hint: "Preview the changes again."}
}

// Preview validates and renders a change set for the session and keeps the
// plan (with its passwords) for Apply or SaveScript. Nothing runs.
func (s *ChangesService) Preview(sessionID string, changes []change.Change) (v PlanView, err error) {
	defer guard(&err)
	sess, x, plan, err := s.build(sessionID, changes)
	if err != nil {
		return v, err
	}
	s.mu.Lock()
	if s.plans == nil {
		s.plans = map[string]*pendingPlan{}
	}
	for id, p := range s.plans { // one pending plan per session: drop older ones and their secrets
		if p.sessionID == sessionID {
			delete(s.plans, id)
		}
	}
	s.plans[plan.ID] = &pendingPlan{sessionID: sessionID, database: sess.Server.Database, before: x.Snapshot(), plan: plan}
	s.mu.Unlock()
	return planView(sess, plan), nil
}

// Render validates and renders a change set as Preview does, for a dialog
// that shows what one change would queue. The plan is not kept, so it never
// replaces the plan under review and holds no password afterwards.
func (s *ChangesService) Render(sessionID string, changes []change.Change) (v PlanView, err error) {
	defer guard(&err)
	sess, _, plan, err := s.build(sessionID, changes)
	if err != nil {
		return v, err
	}
	return planView(sess, plan), nil
}

// build renders changes against the session's loaded catalog (loading it first
// if needed).
func (s *ChangesService) build(sessionID string, changes []change.Change) (*session.Session, *catalog.Index, *change.Plan, error) {
	sess, err := s.app.sessions.Get(sessionID)
	if err != nil {
		return nil, nil, nil, err
	}
	x, err := s.app.Catalog.index(sessionID)
	if err != nil {
		if _, lerr := s.app.Catalog.Load(sessionID, false); lerr != nil {
			return nil, nil, nil, lerr
		}
		if x, err = s.app.Catalog.index(sessionID); err != nil {
			return nil, nil, nil, err
		}
	}
	plan, err := change.Build(changes, x.Snapshot(), rendererFor(sess.Server.Engine), change.CurrentUser{Name: sess.Server.User})
	if err != nil {
		return nil, nil, nil, err
	}
	return sess, x, plan, nil
}

func planView(sess *session.Session, plan *change.Plan) PlanView {
	return PlanView{ID: plan.ID, Statements: plan.Statements, Transactional: plan.Transactional,
		Destructive: plan.Destructive, ReadOnly: sess.ReadOnly, Script: plan.Script(scriptHeader(sess), sess.Server.Engine == session.Redshift),
		Warnings: nonNil(plan.Warnings), ApplyRefusal: applyRefusal(sess)}
}

func applyRefusal(sess *session.Session) string {
	if sess.Server.Emulated {
		return emulatedRefusal
	}
	return ""
}

// take removes a plan from the pending set and returns it: a plan applies at
// most once, however many Apply calls race for it.
func (s *ChangesService) take(planID string) *pendingPlan {
	s.mu.Lock()
	defer s.mu.Unlock()
	pp := s.plans[planID]
	delete(s.plans, planID)
	return pp
}

// restore puts back a plan that was taken but not run (confirmation declined),
// unless a newer preview of its session replaced it meanwhile.
func (s *ChangesService) restore(pp *pendingPlan) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range s.plans {
		if p.sessionID == pp.sessionID {
			return
		}
	}
	s.plans[pp.plan.ID] = pp
}

// checkTarget refuses a plan whose session moved to another database or whose
// catalog was re-read since the preview: the SQL was rendered for that state.
func (s *ChangesService) checkTarget(pp *pendingPlan, sess *session.Session) error {
	if sess.Server.Database != pp.database {
		return &apperr.Error{Code: "plan_wrong_database",
			Message: fmt.Sprintf("this preview was made on database %s; the connection is now on %s", pp.database, sess.Server.Database),
			Hint:    "Nothing was applied. Switch back, or preview the changes again on this database."}
	}
	cur, ok := s.app.Catalog.cache.Get(pp.sessionID, pp.database)
	if !ok || !cur.LoadedAt.Equal(pp.before.LoadedAt) {
		return &apperr.Error{Code: "plan_stale", Message: "the catalog was read again since this preview",
			Hint: "Nothing was applied. Preview the changes again so the SQL matches the current catalog."}
	}
	return nil
}

// Apply runs a previewed plan, once, on the session and database it was
// previewed on. Destructive plans are confirmed first with a native dialog
// that lists what will be lost. The catalog is read again as part of the
// apply and every statement's effect checked against it.
func (s *ChangesService) Apply(planID string) (r ApplyResult, err error) {
	defer guard(&err)
	pp := s.take(planID)
	if pp == nil {
		return r, planExpired()
	}
	sess, err := s.app.sessions.Get(pp.sessionID)
	if err != nil {
		return r, err
	}
	if sess.Server.Emulated {
		s.restore(pp) // still there to copy or save
		return r, emulatedApplyRefused()
	}
	if err := s.checkTarget(pp, sess); err != nil {
		return r, err
	}
	if pp.plan.Destructive {
		yes, err := s.app.platform.Confirm("Apply changes that remove access", destructiveSummary(pp.plan))
		if err != nil || !yes {
			s.restore(pp)
		}
		if err != nil {
			return r, err // nothing was sent: the question could not be asked
		}
		if !yes {
			return ApplyResult{Cancelled: true, Outcome: change.PlanNone}, nil
		}
	}
	audit, err := s.auditLog()
	if err != nil {
		return r, err
	}
	p, _ := s.app.profileByID(sess.ProfileID)
	target := change.ApplyTarget{ProfileID: p.ID, ProfileName: p.Name, ReadOnly: sess.ReadOnly || p.ReadOnly,
		Server:     fmt.Sprintf("%s:%d/%s", sess.Server.Host, sess.Server.Port, sess.Server.Database),
		ServerUser: sess.Server.User, Database: pp.database}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s.mu.Lock()
	if s.running == nil {
		s.running = map[string]context.CancelFunc{}
	}
	s.running[planID] = cancel
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.running, planID)
		s.mu.Unlock()
	}()
	eng := engineFor(sess.Server.Engine)
	reload := func(ctx context.Context) (*model.Snapshot, error) {
		s.app.Catalog.cache.Invalidate(pp.sessionID)
		return s.app.Catalog.cache.Load(ctx, pp.sessionID, pp.database, eng, sess.Pool, func(string, int, int) {})
	}
	res, err := change.Apply(ctx, sess.Pool, pp.plan, target, audit,
		change.Options{StatementTimeout: s.statementTimeout, Before: pp.before, Reload: reload})
	if res.Snapshot == nil && (res.Executed > 0 || res.Committed || res.CommitReplyLost) {
		s.app.Catalog.cache.Invalidate(pp.sessionID)
	}
	if err != nil {
		return r, err
	}
	r = ApplyResult{Applied: res.Committed, Executed: res.Executed, Outcome: res.Outcome,
		CommitReplyLost: res.CommitReplyLost, Statements: res.Statements, NoEffect: res.NoEffect(),
		ReloadError: res.ReloadError, AuditError: res.AuditError}
	if res.Snapshot != nil {
		r.Catalog = summarize(pp.sessionID, sess, res.Snapshot, 0)
	}
	return r, nil
}

// Cancel stops a running apply: the statement in flight is abandoned and the
// transaction is not committed (if COMMIT was already sent, the outcome is
// settled from the catalog). Cancelling a plan that is not running is a no-op.
func (s *ChangesService) Cancel(planID string) (err error) {
	defer guard(&err)
	s.mu.Lock()
	cancel := s.running[planID]
	s.mu.Unlock()
	if cancel != nil {
		cancel()
	}
	return nil
}

// discardSession forgets every pending plan of a session (and the passwords
// they hold). The session lifecycle calls it on disconnect and on a database
// switch: a plan never outlives what it was previewed on.
func (s *ChangesService) discardSession(sessionID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, p := range s.plans {
		if p.sessionID == sessionID {
			delete(s.plans, id)
		}
	}
}

// Discard forgets a previewed plan and the passwords it holds.
func (s *ChangesService) Discard(planID string) (err error) {
	defer guard(&err)
	s.discard(planID)
	return nil
}

func (s *ChangesService) discard(planID string) {
	s.mu.Lock()
	delete(s.plans, planID)
	s.mu.Unlock()
}

// SaveScript writes a previewed plan as a .sql script (secrets redacted) to a
// file chosen in the native save dialog; "" if cancelled.
func (s *ChangesService) SaveScript(planID string) (path string, err error) {
	defer guard(&err)
	s.mu.Lock()
	pp := s.plans[planID]
	s.mu.Unlock()
	if pp == nil {
		return "", &apperr.Error{Code: "plan_expired", Message: "this preview is no longer current", Hint: "Preview the changes again."}
	}
	sess, err := s.app.sessions.Get(pp.sessionID)
	if err != nil {
		return "", err
	}
	path, err = s.app.platform.SaveFile("Save SQL script", "changes.sql", FileFilter{"SQL scripts", []string{"sql"}})
	if err != nil || path == "" {
		return "", err
	}
	if err := os.WriteFile(path, []byte(pp.plan.Script(scriptHeader(sess), sess.Server.Engine == session.Redshift)), 0o600); err != nil {
		return "", &apperr.Error{Code: "write_failed", Message: "cannot write " + path, Detail: err.Error(), Err: err}
	}
	return path, nil
}

// Audit returns the newest audit entries first and the numbers of the log's
// corrupt lines.
func (s *ChangesService) Audit(limit int) (page change.AuditPage, err error) {
	defer guard(&err)
	log, err := s.auditLog()
	if err != nil {
		return page, err
	}
	return log.Read(limit)
}

func (s *ChangesService) auditLog() (*change.AuditLog, error) {
	s.auditOnce.Do(func() {
		dir := s.app.opts.ConfigDir
		if dir == "" {
			if dir, s.auditErr = profile.DefaultDir(); s.auditErr != nil {
				return
			}
		}
		s.audit, s.auditErr = change.OpenAudit(dir)
	})
	if s.auditErr != nil {
		return nil, &apperr.Error{Code: "audit_unavailable", Message: "cannot open the audit log", Detail: s.auditErr.Error(),
			Hint: "Changes are not applied while the audit log cannot be written; check the permissions of the app's config folder.", Err: s.auditErr}
	}
	return s.audit, nil
}

func scriptHeader(sess *session.Session) string {
	return fmt.Sprintf("Redshift Mate change script for %s@%s:%d/%s (%s)",
		sess.Server.User, sess.Server.Host, sess.Server.Port, sess.Server.Database, sess.Server.Version)
}

func destructiveSummary(p *change.Plan) string {
	var lines []string
	for _, st := range p.Statements {
		if st.Destructive {
			lines = append(lines, "• "+st.Summary)
		}
	}
	if len(lines) > 12 {
		lines = append(lines[:12], fmt.Sprintf("… and %d more", len(lines)-12))
	}
	return "These changes remove access or objects and cannot be undone automatically:\n\n" + strings.Join(lines, "\n") + "\n\nApply them?"
}
