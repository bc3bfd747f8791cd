package app

import (
	"context"
	"errors"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redshiftmate/rsmate/backend/catalog"
	"github.com/redshiftmate/rsmate/backend/engine"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/pgtest"
	"github.com/redshiftmate/rsmate/backend/profile"
	"github.com/redshiftmate/rsmate/backend/session"
)

// gatedEngine is a catalog reader whose loads wait for a value on gate (nil:
// succeed) or, unless deaf, for their context to end. It reports each start.
type gatedEngine struct {
	database string      // when set, the snapshot's database, without a query
	started  chan string // receives the database of every load as it starts
	gate     chan error
	deaf     bool // ignore cancellation (a reader stuck in a network read)
	panics   atomic.Int32
	calls    atomic.Int32
}

func newGatedEngine() *gatedEngine {
	return &gatedEngine{started: make(chan string, 16), gate: make(chan error, 16)}
}

func (g *gatedEngine) Name() string                      { return "gated" }
func (g *gatedEngine) Capabilities() engine.Capabilities { return engine.Capabilities{} }
func (g *gatedEngine) Columns(context.Context, engine.Querier, string, string) ([]model.Column, error) {
	return nil, nil
}

func (g *gatedEngine) LoadCatalog(ctx context.Context, q engine.Querier, _ engine.Progress) (*model.Snapshot, error) {
	g.calls.Add(1)
	db := g.database
	if db == "" {
		if err := q.QueryRow(ctx, "SELECT current_database()::text").Scan(&db); err != nil {
			return nil, err
		}
	}
	if g.panics.Load() > 0 {
		g.panics.Add(-1)
		panic("injected loader panic")
	}
	g.started <- db
	if g.deaf {
		if err := <-g.gate; err != nil {
			return nil, err
		}
	} else {
		select {
		case err := <-g.gate:
			if err != nil {
				return nil, err
			}
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return &model.Snapshot{Engine: "gated", Database: db}, nil
}

// connectPG saves a profile for srv and opens a session on it.
func connectPG(t *testing.T, a *testApp, srv pgServer) SessionInfo {
	t.Helper()
	v, err := a.Profiles.Save(SaveProfileRequest{Profile: srv.profile("PG " + pgtest.Random(4)), Password: srv.Password, SetPassword: true})
	if err != nil {
		t.Fatal(err)
	}
	si, err := a.Sessions.Connect(ConnectRequest{ProfileID: v.ID})
	if err != nil {
		t.Fatal(err)
	}
	return si
}

type loadResult struct {
	sum CatalogSummary
	err error
}

func loadAsync(a *testApp, id string, refresh bool) <-chan loadResult {
	ch := make(chan loadResult, 1)
	go func() {
		sum, err := a.Catalog.Load(id, refresh)
		ch <- loadResult{sum, err}
	}()
	return ch
}

func waitResult(t *testing.T, what string, ch <-chan loadResult) loadResult {
	t.Helper()
	select {
	case r := <-ch:
		return r
	case <-time.After(10 * time.Second):
		t.Fatalf("%s did not return", what)
		return loadResult{}
	}
}

func TestDisconnectCancelsRunningLoadAndFreesSnapshotAndIndex(t *testing.T) {
	a := newTestApp(t)
	eng := newGatedEngine()
	a.Catalog.engines = func(session.Engine) engine.Engine { return eng }
	srv := newPGServer(t)

	// A loaded session: snapshot and index in the cache.
	done := connectPG(t, a, srv)
	eng.gate <- nil
	if _, err := a.Catalog.Load(done.ID, false); err != nil {
		t.Fatal(err)
	}
	<-eng.started
	if _, err := a.Catalog.Users(done.ID); err != nil {
		t.Fatal(err) // builds the index
	}
	// A session whose load is running.
	running := connectPG(t, a, srv)
	ch := loadAsync(a, running.ID, false)
	<-eng.started

	for _, id := range []string{done.ID, running.ID} {
		if err := a.Sessions.Disconnect(id); err != nil {
			t.Fatal(err)
		}
	}
	r := waitResult(t, "the load of a disconnected session", ch)
	wantCode(t, r.err, "not_connected")
	if _, ok := a.Catalog.cache.Get(done.ID, srv.Database); ok {
		t.Error("the disconnected session's snapshot is still cached")
	}
	if _, ok := a.Catalog.cache.Index(done.ID, srv.Database); ok {
		t.Error("the disconnected session's index is still cached")
	}
	if got := a.Catalog.cache.Sessions(); len(got) != 0 {
		t.Errorf("the cache still holds sessions %v", got)
	}
}

// A reader that does not notice cancellation finishes after Disconnect: what
// it read is dropped, not stored for a session that is gone.
func TestLoadEndingAfterDisconnectKeepsNothing(t *testing.T) {
	a := newTestApp(t)
	eng := newGatedEngine()
	eng.deaf = true
	a.Catalog.engines = func(session.Engine) engine.Engine { return eng }
	si := connectPG(t, a, newPGServer(t))
	ch := loadAsync(a, si.ID, false)
	<-eng.started
	if err := a.Sessions.Disconnect(si.ID); err != nil {
		t.Fatal(err)
	}
	eng.gate <- nil // the load completes with a snapshot, after the session closed
	r := waitResult(t, "the load", ch)
	wantCode(t, r.err, "not_connected")
	if got := a.Catalog.cache.Sessions(); len(got) != 0 {
		t.Errorf("a load that ended after Disconnect left %v in the cache", got)
	}
}

// Disconnect lands after Load looked the session up and before the cache
// load starts (the engine is picked in between): the load, deaf to its
// cancelled context, still stores a snapshot, which Load must drop.
func TestLoadStartingAfterDisconnectKeepsNothing(t *testing.T) {
	a := newTestApp(t)
	srv := newPGServer(t)
	eng := newGatedEngine()
	eng.deaf, eng.database = true, srv.Database
	eng.gate <- nil
	si := connectPG(t, a, srv)
	a.Catalog.engines = func(session.Engine) engine.Engine {
		if err := a.Sessions.Disconnect(si.ID); err != nil {
			t.Error(err)
		}
		return eng
	}
	r := waitResult(t, "the load", loadAsync(a, si.ID, false))
	wantCode(t, r.err, "not_connected")
	if eng.calls.Load() != 1 {
		t.Fatalf("engine ran %d times, want 1: the window was not hit", eng.calls.Load())
	}
	if got := a.Catalog.cache.Sessions(); len(got) != 0 {
		t.Errorf("a load that started after Disconnect left %v in the cache", got)
	}
}

func TestCatalogCancelStopsOnlyThisSessionsRunningLoads(t *testing.T) {
	a := newTestApp(t)
	eng := newGatedEngine()
	a.Catalog.engines = func(session.Engine) engine.Engine { return eng }
	srv := newPGServer(t)
	s1, s2 := connectPG(t, a, srv), connectPG(t, a, srv)

	l1 := loadAsync(a, s1.ID, true)
	<-eng.started
	l1b := loadAsync(a, s1.ID, true) // a second load of session 1, waiting on the first
	eventually(t, "both loads of session 1 to register", func() bool {
		return a.Catalog.loads.running(s1.ID) == 2
	})
	l2 := loadAsync(a, s2.ID, true)
	<-eng.started
	if err := a.Catalog.Cancel(s1.ID); err != nil {
		t.Fatal(err)
	}
	// Every load of session 1 running at the time stops, the first included.
	wantCode(t, waitResult(t, "the first cancelled load", l1).err, "canceled")
	wantCode(t, waitResult(t, "the second cancelled load", l1b).err, "canceled")
	select {
	case r := <-l2:
		t.Fatalf("cancelling session 1 ended session 2's load: %v", r.err)
	case <-time.After(200 * time.Millisecond):
	}
	// A load started after the Cancel is not cancelled by it.
	l1again := loadAsync(a, s1.ID, true)
	<-eng.started
	eng.gate <- nil
	eng.gate <- nil
	for _, ch := range []<-chan loadResult{l1again, l2} {
		if r := waitResult(t, "a load", ch); r.err != nil {
			t.Errorf("load after another's cancel: %v", r.err)
		}
	}
	if left := a.Catalog.loads.keys(); left != 0 {
		t.Errorf("%d sessions still have registered loads after every load ended", left)
	}
}

func TestPanickingLoadDoesNotBlockTheNextLoad(t *testing.T) {
	a := newTestApp(t)
	eng := newGatedEngine()
	eng.panics.Store(1)
	a.Catalog.engines = func(session.Engine) engine.Engine { return eng }
	si := connectPG(t, a, newPGServer(t))

	_, err := a.Catalog.Load(si.ID, false)
	e := wantCode(t, err, "catalog_load_failed")
	if !errors.Is(e, catalog.ErrLoadPanicked) {
		t.Fatalf("error %v does not say the load panicked", err)
	}
	eng.gate <- nil
	r := waitResult(t, "the load after a panicked one", loadAsync(a, si.ID, false))
	if r.err != nil || r.sum.Database == "" {
		t.Fatalf("load after a panic = %+v, %v", r.sum, r.err)
	}
	if eng.calls.Load() != 2 {
		t.Errorf("engine ran %d times, want 2", eng.calls.Load())
	}
}

func TestConnectPanicLeavesNoSession(t *testing.T) {
	a := newTestApp(t)
	srv := newPGServer(t)
	v, err := a.Profiles.Save(SaveProfileRequest{Profile: srv.profile("PG"), Password: srv.Password, SetPassword: true})
	if err != nil {
		t.Fatal(err)
	}
	a.fake.OnEmit = func(ev EmittedEvent) {
		if ev.Name == "session:opened" {
			panic("injected panic after the pool opened")
		}
	}
	_, err = a.Sessions.Connect(ConnectRequest{ProfileID: v.ID})
	wantCode(t, err, "internal")
	if n := len(a.sessions.List()); n != 0 {
		t.Fatalf("%d sessions open after a panicking Connect", n)
	}
	// The pool is closed too: no backend of the test database remains.
	eventually(t, "the panicked Connect's connections to close", func() bool {
		return pgtest.QueryValue[int](t, pgtest.AdminDSN(t),
			"SELECT count(*)::int FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", srv.Database) == 0
	})
	a.fake.OnEmit = nil
	if _, err := a.Sessions.Connect(ConnectRequest{ProfileID: v.ID}); err != nil {
		t.Fatalf("Connect after a panicked one: %v", err)
	}
}

func TestSwitchDatabaseAfterDisconnectKeepsSessionClosed(t *testing.T) {
	a := newTestApp(t)
	srv := newPGServer(t)
	other := newPGServer(t)
	si := connectPG(t, a, srv)
	if err := a.Sessions.Disconnect(si.ID); err != nil {
		t.Fatal(err)
	}
	_, err := a.Catalog.SwitchDatabase(si.ID, other.Database)
	wantCode(t, err, "not_connected")
	if slices.ContainsFunc(a.sessions.List(), func(s *session.Session) bool { return s.ID == si.ID }) {
		t.Fatal("SwitchDatabase brought a disconnected session back")
	}
}

// Two attempts under one id (the frontend is not trusted to keep them
// unique): the first one ending must not unregister the second, which Cancel
// still reaches.
func TestAttemptEndingKeepsAnotherUnderTheSameIDCancellable(t *testing.T) {
	a := newTestApp(t)
	p := profile.Profile{Name: "x", Engine: profile.EnginePostgres, Host: "127.0.0.1", Port: 5432, Database: "d", User: "u", ConnectTimeoutSec: 5}
	_, doneFirst := a.Sessions.attempt("same", p)
	ctx2, doneSecond := a.Sessions.attempt("same", p)
	defer doneSecond()
	doneFirst()
	if err := a.Sessions.Cancel("same"); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ctx2.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("Cancel did not reach the attempt still running under a reused id")
	}
	doneSecond()
	if left := a.Sessions.attempts.keys(); left != 0 {
		t.Errorf("%d attempt ids left registered", left)
	}
}
