package session

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/pgtest"
)

// backendsOn counts the server connections open to database.
func backendsOn(t *testing.T, database string) int {
	t.Helper()
	return pgtest.QueryValue[int](t, pgtest.AdminDSN(t),
		"SELECT count(*)::int FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", database)
}

func waitNoBackends(t *testing.T, database string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for backendsOn(t, database) != 0 {
		if time.Now().After(deadline) {
			t.Fatalf("%d connections to %s are still open: a pool leaked", backendsOn(t, database), database)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// otherDatabase creates a second database on the test server.
func otherDatabase(t *testing.T) string {
	t.Helper()
	pc, err := pgx.ParseConfig(pgtest.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	return pc.Database
}

func TestSwitchDatabaseDoesNotResurrectSessionClosedDuringSwitch(t *testing.T) {
	cfg := testConfig(t)
	target := otherDatabase(t)
	m := NewManager()
	defer m.CloseAll()
	var closedIDs []string
	m.OnClose(func(id string) { closedIDs = append(closedIDs, id) })
	s, err := m.Open(ctxT(t), cfg)
	if err != nil {
		t.Fatal(err)
	}
	var opened *pgxpool.Pool
	testHookSwitchOpened = func(p *pgxpool.Pool) {
		opened = p
		m.Close(s.ID) // Disconnect lands while the new pool is being opened
	}
	defer func() { testHookSwitchOpened = nil }()

	got, err := m.SwitchDatabase(ctxT(t), s.ID, target)
	if got != nil || apperr.As(err).Code != "not_connected" {
		t.Fatalf("switch of a session closed meanwhile = %v, %v; want not_connected", got != nil, err)
	}
	if _, err := m.Get(s.ID); err == nil {
		t.Fatal("the closed session came back after the switch")
	}
	if n := len(m.List()); n != 0 {
		t.Fatalf("%d sessions open, want 0", n)
	}
	if opened == nil || opened.Ping(ctxT(t)) == nil {
		t.Fatal("the pool opened by the switch is still usable")
	}
	if len(closedIDs) != 1 || closedIDs[0] != s.ID {
		t.Errorf("close callbacks ran for %v, want [%s]", closedIDs, s.ID)
	}
	if s.Context().Err() == nil {
		t.Error("the closed session's context is still live")
	}
	waitNoBackends(t, target)
	waitNoBackends(t, cfg.Database)
}

func TestSwitchDatabaseOfClosedSessionOpensNothing(t *testing.T) {
	cfg := testConfig(t)
	target := otherDatabase(t)
	m := NewManager()
	defer m.CloseAll()
	s, err := m.Open(ctxT(t), cfg)
	if err != nil {
		t.Fatal(err)
	}
	m.Close(s.ID)
	var opened atomic.Bool
	testHookSwitchOpened = func(*pgxpool.Pool) { opened.Store(true) }
	defer func() { testHookSwitchOpened = nil }()
	if _, err := m.SwitchDatabase(ctxT(t), s.ID, target); apperr.As(err).Code != "not_connected" {
		t.Fatalf("switch after close = %v, want not_connected", err)
	}
	if opened.Load() {
		t.Error("a switch of a closed session opened a pool")
	}
	if backendsOn(t, target) != 0 {
		t.Error("connections to the target database exist")
	}
}

func TestSwitchDatabaseEndsOldSessionAndKeepsID(t *testing.T) {
	cfg := testConfig(t)
	target := otherDatabase(t)
	m := NewManager()
	defer m.CloseAll()
	s, err := m.Open(ctxT(t), cfg)
	if err != nil {
		t.Fatal(err)
	}
	n, err := m.SwitchDatabase(ctxT(t), s.ID, target)
	if err != nil {
		t.Fatal(err)
	}
	if n.ID != s.ID || n.Server.Database != target {
		t.Fatalf("switched session %s on %s, want %s on %s", n.ID, n.Server.Database, s.ID, target)
	}
	if s.Context().Err() == nil || s.Pool.Ping(ctxT(t)) == nil {
		t.Error("the replaced session's context or pool is still live")
	}
	if n.Context().Err() != nil {
		t.Error("the new session's context is already done")
	}
	if got, _ := m.Get(s.ID); got != n {
		t.Error("Get does not return the switched session")
	}
	waitNoBackends(t, cfg.Database)
}

// Many switches racing one Close: afterwards no session and no connection
// remains, whichever order they ran in (run with -race).
func TestConcurrentSwitchesAndCloseLeaveNoSessionOrPool(t *testing.T) {
	cfg := testConfig(t)
	targets := []string{otherDatabase(t), otherDatabase(t)}
	m := NewManager()
	defer m.CloseAll()
	var callbacks atomic.Int32
	m.OnClose(func(string) { callbacks.Add(1) })
	s, err := m.Open(ctxT(t), cfg)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func(db string) {
			defer wg.Done()
			_, _ = m.SwitchDatabase(context.Background(), s.ID, db)
		}(targets[i%2])
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		time.Sleep(5 * time.Millisecond)
		m.Close(s.ID)
	}()
	wg.Wait()
	m.Close(s.ID) // in case every switch finished before the first Close
	if n := len(m.List()); n != 0 {
		t.Fatalf("%d sessions left", n)
	}
	if n := callbacks.Load(); n != 1 {
		t.Errorf("close callbacks ran %d times, want 1", n)
	}
	for _, db := range append(targets, cfg.Database) {
		waitNoBackends(t, db)
	}
}
