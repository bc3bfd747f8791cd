package app

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/offboard"
)

// OffboardService removes a user from every database of the cluster: a scan
// of what blocks DROP USER in each database, one plan per database to review,
// and an apply database by database with progress.
type OffboardService struct {
	app *App

	mu    sync.Mutex
	scans map[string]*offboardScan // by session: one offboarding under review per session
}

var scanSeq atomic.Int64

type offboardScan struct {
	id   string
	scan *offboard.Scan
}

// OffboardView is a scan as the review dialog shows it.
type OffboardView struct {
	ID   string        `json:"id"`
	Scan offboard.Scan `json:"scan"`
}

// OffboardProgress is emitted as "offboard:progress" while an offboarding runs.
type OffboardProgress struct {
	SessionID string              `json:"sessionId"`
	Step      int                 `json:"step"`
	Total     int                 `json:"total"`
	Result    offboard.StepResult `json:"result"`
}

func (s *OffboardService) opener(sessionID string) offboard.Opener {
	return func(ctx context.Context, db string) (*pgxpool.Pool, error) {
		return s.app.sessions.OpenDatabase(ctx, sessionID, db)
	}
}

// Scan reads every database of the session's cluster (a few at a time) for
// what keeps user from being dropped and builds the plans.
func (s *OffboardService) Scan(sessionID string, req offboard.Request) (v OffboardView, err error) {
	defer guard(&err)
	sess, err := s.app.sessions.Get(sessionID)
	if err != nil {
		return v, err
	}
	x, err := s.app.Catalog.index(sessionID)
	if err != nil {
		return v, err
	}
	home := x.Snapshot()
	var dbs []string
	for _, d := range home.Databases {
		if !d.Template {
			dbs = append(dbs, d.Name)
		}
	}
	r, ok := rendererFor(sess.Server.Engine).(offboard.Renderer)
	if !ok {
		return v, apperr.Invalid("offboarding is not available for this engine")
	}
	scan, err := offboard.Plan(sess.Context(), req, home, dbs, s.opener(sessionID), engineFor(sess.Server.Engine), r,
		change.CurrentUser{Name: sess.Server.User})
	if err != nil {
		return v, err
	}
	id := fmt.Sprintf("offboard-%s-%d", req.User, scanSeq.Add(1))
	s.mu.Lock()
	if s.scans == nil {
		s.scans = map[string]*offboardScan{}
	}
	s.scans[sessionID] = &offboardScan{id: id, scan: scan}
	s.mu.Unlock()
	return OffboardView{ID: id, Scan: *scan}, nil
}

// Apply runs the offboarding under review, after a native confirmation.
func (s *OffboardService) Apply(sessionID, scanID string) (r offboard.Result, err error) {
	defer guard(&err)
	s.mu.Lock()
	os := s.scans[sessionID]
	if os != nil && os.id == scanID {
		delete(s.scans, sessionID)
	}
	s.mu.Unlock()
	if os == nil || os.id != scanID {
		return r, planExpired()
	}
	sess, err := s.app.sessions.Get(sessionID)
	if err != nil {
		return r, err
	}
	if sess.ReadOnly {
		return r, apperr.Invalid("this connection is read-only")
	}
	n := 0
	for _, st := range os.scan.Steps {
		if len(st.Statements) > 0 {
			n++
		}
	}
	yes, err := s.app.platform.Confirm("Offboard "+os.scan.Request.User,
		fmt.Sprintf("Run %d plans, one database at a time, and drop user %s at the end. What the user owns goes to %s.",
			n, os.scan.Request.User, orNobody(os.scan.Request.Successor)))
	if err != nil || !yes {
		s.mu.Lock()
		s.scans[sessionID] = os // kept for a retry
		s.mu.Unlock()
		return r, err
	}
	audit, err := s.app.Changes.auditLog()
	if err != nil {
		return r, err
	}
	p, _ := s.app.profileByID(sess.ProfileID)
	env := offboard.Env{
		Home: sess.Pool, Open: s.opener(sessionID), Engine: engineFor(sess.Server.Engine), Audit: audit,
		StatementTimeout: s.app.Changes.statementTimeout,
		Target: func(db string) change.ApplyTarget {
			return change.ApplyTarget{ProfileID: p.ID, ProfileName: p.Name, ReadOnly: sess.ReadOnly || p.ReadOnly,
				Server: fmt.Sprintf("%s:%d/%s", sess.Server.Host, sess.Server.Port, db), ServerUser: sess.Server.User}
		},
		Progress: func(i int, sr offboard.StepResult) {
			s.app.platform.Emit("offboard:progress", OffboardProgress{SessionID: sessionID, Step: i, Total: len(os.scan.Steps), Result: sr})
		},
	}
	r, err = offboard.Apply(sess.Context(), os.scan, env)
	// The session's database changed (at least the DROP ran or was tried).
	s.app.Catalog.cache.Invalidate(sessionID)
	return r, err
}

// Discard forgets the offboarding under review.
func (s *OffboardService) Discard(sessionID string) (err error) {
	defer guard(&err)
	s.mu.Lock()
	delete(s.scans, sessionID)
	s.mu.Unlock()
	return nil
}

func orNobody(s string) string {
	if s == "" {
		return "nobody (the user owns nothing)"
	}
	return s
}
