package app

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/change"
	pgrender "github.com/redshiftmate/rsmate/backend/engine/postgres/render"
	rsrender "github.com/redshiftmate/rsmate/backend/engine/redshift/render"
	"github.com/redshiftmate/rsmate/backend/profile"
	"github.com/redshiftmate/rsmate/backend/session"
)

// ChangesService is the bound service that previews, applies and audits
// change sets. The frontend sends typed changes, never SQL.
type ChangesService struct {
	app *App

	mu    sync.Mutex
	plans map[string]*pendingPlan

	auditOnce sync.Once
	audit     *change.AuditLog
	auditErr  error
}

type pendingPlan struct {
	sessionID string
	plan      *change.Plan // holds clear-text passwords until applied or discarded
}

// PlanView is a plan as the preview shows it: redacted SQL only.
type PlanView struct {
	ID            string             `json:"id"`
	Statements    []change.Statement `json:"statements"`
	Transactional bool               `json:"transactional"`
	Destructive   bool               `json:"destructive"`
	ReadOnly      bool               `json:"readOnly"`
	Script        string             `json:"script"`
}

// ApplyResult says what an apply did and returns the refreshed catalog summary.
type ApplyResult struct {
	Applied   bool           `json:"applied"`
	Cancelled bool           `json:"cancelled"` // the user said no to the confirmation
	Executed  int            `json:"executed"`
	Catalog   CatalogSummary `json:"catalog"`
}

func rendererFor(e session.Engine) change.Renderer {
	if e == session.Redshift {
		return rsrender.New()
	}
	return pgrender.New()
}

// Preview validates and renders a change set for the session. Nothing runs.
func (s *ChangesService) Preview(sessionID string, changes []change.Change) (v PlanView, err error) {
	defer guard(&err)
	sess, err := s.app.sessions.Get(sessionID)
	if err != nil {
		return v, err
	}
	x, err := s.app.Catalog.index(sessionID)
	if err != nil {
		if _, lerr := s.app.Catalog.Load(sessionID, false); lerr != nil {
			return v, lerr
		}
		if x, err = s.app.Catalog.index(sessionID); err != nil {
			return v, err
		}
	}
	plan, err := change.Build(changes, x.Snapshot(), rendererFor(sess.Server.Engine), change.CurrentUser{Name: sess.Server.User})
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
	s.plans[plan.ID] = &pendingPlan{sessionID: sessionID, plan: plan}
	s.mu.Unlock()
	return PlanView{ID: plan.ID, Statements: plan.Statements, Transactional: plan.Transactional,
		Destructive: plan.Destructive, ReadOnly: sess.ReadOnly, Script: plan.Script(scriptHeader(sess))}, nil
}

// Apply runs a previewed plan. Destructive plans are confirmed first with a
// native dialog that lists what will be lost. After a successful apply the
// catalog is reloaded.
func (s *ChangesService) Apply(planID string) (r ApplyResult, err error) {
	defer guard(&err)
	s.mu.Lock()
	pp := s.plans[planID]
	s.mu.Unlock()
	if pp == nil {
		return r, &apperr.Error{Code: "plan_expired", Message: "this preview is no longer current", Hint: "Preview the changes again."}
	}
	sess, err := s.app.sessions.Get(pp.sessionID)
	if err != nil {
		return r, err
	}
	if pp.plan.Destructive && !s.app.platform.Confirm("Apply changes that remove access", destructiveSummary(pp.plan)) {
		return ApplyResult{Cancelled: true}, nil
	}
	audit, err := s.auditLog()
	if err != nil {
		return r, err
	}
	p, _ := s.app.profileByID(sess.ProfileID)
	target := change.ApplyTarget{ProfileID: p.ID, ProfileName: p.Name, ReadOnly: sess.ReadOnly || p.ReadOnly,
		Server:     fmt.Sprintf("%s:%d/%s", sess.Server.Host, sess.Server.Port, sess.Server.Database),
		ServerUser: sess.Server.User}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	res, err := change.Apply(ctx, sess.Pool, pp.plan, target, audit)
	s.discard(planID)
	if res.Executed > 0 || res.Committed {
		s.app.Catalog.cache.Invalidate(pp.sessionID)
	}
	if err != nil {
		return r, err
	}
	r = ApplyResult{Applied: true, Executed: res.Executed}
	if r.Catalog, err = s.app.Catalog.Load(pp.sessionID, true); err != nil {
		return r, err
	}
	return r, nil
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
	if err := os.WriteFile(path, []byte(pp.plan.Script(scriptHeader(sess))), 0o600); err != nil {
		return "", &apperr.Error{Code: "write_failed", Message: "cannot write " + path, Detail: err.Error(), Err: err}
	}
	return path, nil
}

// Audit returns the newest audit entries first.
func (s *ChangesService) Audit(limit int) (entries []change.AuditEntry, err error) {
	defer guard(&err)
	log, err := s.auditLog()
	if err != nil {
		return nil, err
	}
	entries, err = log.Read(limit)
	return nonNil(entries), err
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
			Hint: "Changes are not applied without an audit log; check the permissions of the app's config folder.", Err: s.auditErr}
	}
	return s.audit, nil
}

func scriptHeader(sess *session.Session) string {
	return fmt.Sprintf("Redshift Mate change script for %s@%s:%d/%s (%s) — passwords are redacted",
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
