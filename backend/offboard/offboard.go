// Package offboard removes a user from a whole cluster. DROP USER fails while
// the user owns anything or holds any privilege in any database, and each
// database can only be changed from a connection to it. So: scan every
// database (a few at a time) for what blocks the drop, build one plan per
// database (ownership to a successor, privileges and default privileges
// revoked), and apply them one database at a time — login disabled first,
// the DROP last, in the database the session is connected to.
package offboard

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/engine"
	"github.com/redshiftmate/rsmate/backend/model"
)

// Renderer is what an engine renders for offboarding, beyond ordinary changes.
type Renderer interface {
	change.Renderer
	// DisableLogin stops new sign-ins of the user (cluster-wide).
	DisableLogin(user string) ([]change.Statement, error)
	// ClearInDatabase moves what the user owns in the snapshot's database to
	// successor and revokes what it holds there; memberships stay (they are
	// cluster-wide and go with the DROP).
	ClearInDatabase(user, successor string, snap *model.Snapshot) ([]change.Statement, error)
}

// Opener connects to one database of the session's cluster (same server,
// credentials and tunnel). The caller closes the pool.
type Opener func(ctx context.Context, database string) (*pgxpool.Pool, error)

// Request says who leaves and who takes over what they own.
type Request struct {
	User      string `json:"user"`
	Successor string `json:"successor"`
	// DisableLogin runs first, so the user cannot sign in while the rest runs.
	DisableLogin bool `json:"disableLogin"`
}

// Blockers is what stops DROP USER in one database.
type Blockers struct {
	Owned             []string `json:"owned"` // "table sales.orders", …
	Grants            int      `json:"grants"`
	DefaultsAsCreator int      `json:"defaultsAsCreator"`
	DefaultsAsGrantee int      `json:"defaultsAsGrantee"`
	// AssumeRoles counts the user's ASSUMEROLE grants (Redshift). They are
	// cluster-wide, so only the DROP's step counts them, and it revokes them.
	AssumeRoles int `json:"assumeRoles,omitempty"`
}

// Empty: nothing of the user's is left in this database (ASSUMEROLE grants,
// cluster-wide, are not counted here).
func (b Blockers) Empty() bool {
	return len(b.Owned) == 0 && b.Grants == 0 && b.DefaultsAsCreator == 0 && b.DefaultsAsGrantee == 0
}

// Step is one plan of the offboarding, run in one database.
type Step struct {
	// Kind: "disable_login", "clear" (a database other than the session's) or "drop".
	Kind       string             `json:"kind"`
	Database   string             `json:"database"`
	Blockers   Blockers           `json:"blockers"`
	Statements []change.Statement `json:"statements"`
	// Error: the database could not be scanned or its plan not built; the
	// offboarding cannot be applied until it is fixed.
	Error string `json:"error,omitempty"`

	plan *change.Plan
	snap *model.Snapshot
	user string
}

// Scan is the whole offboarding, ready to review.
type Scan struct {
	Request Request `json:"request"`
	// Memberships the user has (cluster-wide), revoked with the DROP.
	Memberships []string `json:"memberships"`
	Steps       []Step   `json:"steps"`
	// Ready: every database was scanned and planned.
	Ready bool `json:"ready"`
}

// MaxParallel bounds the databases scanned at once (each is one connection).
const MaxParallel = 3

// Plan scans every database and builds the steps. home is the session's
// database (its snapshot is given: the drop runs there); the others are
// opened with open, MaxParallel at a time, and read with eng.
func Plan(ctx context.Context, req Request, home *model.Snapshot, databases []string, open Opener, eng engine.Engine,
	r Renderer, who change.CurrentUser) (*Scan, error) {
	if req.User == "" {
		return nil, apperr.Invalid("choose the user to offboard")
	}
	if _, ok := findUser(home, req.User); !ok {
		return nil, apperr.NotFound("user", req.User)
	}
	if req.Successor == req.User {
		return nil, apperr.Invalid("the successor must be someone other than %s", req.User)
	}
	if req.Successor != "" {
		if _, ok := findUser(home, req.Successor); !ok && !hasRole(home, req.Successor) {
			return nil, apperr.NotFound("user", req.Successor)
		}
	}
	if who.Name == req.User {
		return nil, apperr.Invalid("you are connected as %s: connect as another user to offboard it", req.User)
	}
	s := &Scan{Request: req, Memberships: memberships(home, req.User), Ready: true}
	if req.DisableLogin {
		st, err := r.DisableLogin(req.User)
		if err != nil {
			return nil, err
		}
		s.Steps = append(s.Steps, Step{Kind: "disable_login", Database: home.Database, Statements: st, plan: planOf(st), snap: home, user: req.User})
	}

	others := make([]string, 0, len(databases))
	for _, db := range databases {
		if db != home.Database {
			others = append(others, db)
		}
	}
	sort.Strings(others)
	clears := make([]Step, len(others))
	var wg sync.WaitGroup
	sem := make(chan struct{}, MaxParallel)
	for i, db := range others {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			clears[i] = clearStep(ctx, req, db, open, eng, r)
		}()
	}
	wg.Wait()
	s.Steps = append(s.Steps, clears...)

	drop := Step{Kind: "drop", Database: home.Database, Blockers: blockers(home, req.User), snap: home, user: req.User}
	for _, g := range home.AssumeRoles {
		if g.Grantee == model.UserRef(req.User) {
			drop.Blockers.AssumeRoles++
		}
	}
	plan, err := change.Build([]change.Change{{Kind: change.DropUser, User: &change.UserSpec{Name: req.User, Successor: req.Successor}}}, home, r, who)
	if err != nil {
		drop.Error = apperr.As(err).Message
	} else {
		drop.plan, drop.Statements = plan, plan.Statements
	}
	s.Steps = append(s.Steps, drop)
	for _, st := range s.Steps {
		if st.Error != "" {
			s.Ready = false
		}
	}
	return s, nil
}

func clearStep(ctx context.Context, req Request, db string, open Opener, eng engine.Engine, r Renderer) Step {
	st := Step{Kind: "clear", Database: db, user: req.User}
	pool, err := open(ctx, db)
	if err != nil {
		st.Error = "cannot connect: " + apperr.As(err).Message
		return st
	}
	defer pool.Close()
	snap, err := eng.LoadCatalog(ctx, pool, nil)
	if err != nil {
		st.Error = "cannot read the catalog: " + apperr.As(err).Message
		return st
	}
	st.snap = snap
	st.Blockers = blockers(snap, req.User)
	if st.Blockers.Empty() {
		return st // nothing to do here
	}
	stmts, err := r.ClearInDatabase(req.User, req.Successor, snap)
	if err != nil {
		st.Error = apperr.As(err).Message
		return st
	}
	st.Statements = stmts
	st.plan = planOf(stmts)
	return st
}

// planOf wraps statements rendered outside a change (they are checked by
// reading the database again after they run, see Verify).
func planOf(stmts []change.Statement) *change.Plan {
	p := &change.Plan{ID: "offboard", Transactional: true, Statements: stmts}
	for i := range p.Statements {
		if p.Statements[i].Display == "" {
			p.Statements[i].Display = p.Statements[i].SQL
		}
		p.Destructive = p.Destructive || p.Statements[i].Destructive
		p.Transactional = p.Transactional && !p.Statements[i].OutsideTransaction
	}
	return p
}

func findUser(s *model.Snapshot, name string) (model.User, bool) {
	for _, u := range s.Users {
		if u.Name == name {
			return u, true
		}
	}
	return model.User{}, false
}

func hasRole(s *model.Snapshot, name string) bool {
	for _, r := range s.Roles {
		if r.Name == name {
			return true
		}
	}
	return false
}

func memberships(s *model.Snapshot, user string) []string {
	out := []string{}
	for _, m := range s.Memberships {
		if m.Member == model.UserRef(user) {
			out = append(out, string(m.Of.Kind)+" "+m.Of.Name)
		}
	}
	sort.Strings(out)
	return out
}

// blockers counts what the user owns and holds in one database's snapshot.
func blockers(s *model.Snapshot, user string) Blockers {
	who := model.UserRef(user)
	b := Blockers{Owned: []string{}}
	for _, d := range s.Databases {
		if d.Name == s.Database && d.Owner == user {
			b.Owned = append(b.Owned, "database "+d.Name)
		}
	}
	for _, sc := range s.Schemas {
		if sc.Owner == user {
			b.Owned = append(b.Owned, "schema "+sc.Name)
		}
	}
	for _, r := range s.Relations {
		if r.Owner == user {
			b.Owned = append(b.Owned, strings.ReplaceAll(string(r.Kind), "_", " ")+" "+r.Schema+"."+r.Name)
		}
	}
	for _, r := range s.Routines {
		if r.Owner == user {
			b.Owned = append(b.Owned, fmt.Sprintf("%s %s.%s(%s)", r.Kind, r.Schema, r.Name, r.Args))
		}
	}
	for _, g := range s.Grants.All() {
		if g.Grantee == who && !g.Implied && !g.Default {
			b.Grants++
		}
	}
	for _, d := range s.DefaultPrivileges {
		if d.Creator == who && !d.Implied {
			b.DefaultsAsCreator++
		}
		if d.Grantee == who && d.Creator != who {
			b.DefaultsAsGrantee++
		}
	}
	return b
}
