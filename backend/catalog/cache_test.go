package catalog

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redshiftmate/rsmate/backend/engine"
	"github.com/redshiftmate/rsmate/backend/model"
)

// fakeEngine returns a new snapshot of database per call; when gate is set,
// each call waits for a value on it (or for its context to end).
type fakeEngine struct {
	database string
	calls    atomic.Int32
	started  chan struct{} // receives once per call, when set
	gate     chan error
}

func (f *fakeEngine) Name() string                      { return "fake" }
func (f *fakeEngine) Capabilities() engine.Capabilities { return engine.Capabilities{} }
func (f *fakeEngine) Columns(context.Context, engine.Querier, string, string) ([]model.Column, error) {
	return nil, nil
}

func (f *fakeEngine) LoadCatalog(ctx context.Context, _ engine.Querier, progress engine.Progress) (*model.Snapshot, error) {
	n := f.calls.Add(1)
	if f.started != nil {
		f.started <- struct{}{}
	}
	if f.gate != nil {
		select {
		case err := <-f.gate:
			if err != nil {
				return nil, err
			}
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if progress != nil {
		progress("all", 1, 1)
	}
	return &model.Snapshot{Engine: "fake", Database: f.database, Queries: int(n)}, nil
}

func TestLoadGetIndex(t *testing.T) {
	c := NewCache()
	eng := &fakeEngine{database: "dev"}
	if _, ok := c.Get("s1", "dev"); ok {
		t.Fatal("empty cache returned a snapshot")
	}
	if _, ok := c.Index("s1", "dev"); ok {
		t.Fatal("empty cache returned an index")
	}
	var steps int
	snap, err := c.Load(context.Background(), "s1", "dev", eng, nil, func(string, int, int) { steps++ })
	if err != nil || snap.Database != "dev" || steps != 1 {
		t.Fatalf("Load = %+v, %v (progress %d)", snap, err, steps)
	}
	got, ok := c.Get("s1", "dev")
	if !ok || got != snap {
		t.Fatal("Get did not return the loaded snapshot")
	}
	x1, _ := c.Index("s1", "dev")
	x2, _ := c.Index("s1", "dev")
	if x1 == nil || x1 != x2 || x1.Snapshot() != snap {
		t.Fatal("Index not built once for the cached snapshot")
	}
	// Refresh replaces the snapshot and its index.
	snap2, _ := c.Load(context.Background(), "s1", "dev", eng, nil, nil)
	if got, _ := c.Get("s1", "dev"); got != snap2 || snap2 == snap {
		t.Fatal("refresh did not replace the snapshot")
	}
	if x3, _ := c.Index("s1", "dev"); x3 == x1 || x3.Snapshot() != snap2 {
		t.Fatal("refresh kept the old index")
	}
	if _, ok := c.Get("s2", "dev"); ok {
		t.Fatal("another session sees this session's snapshot")
	}
}

func TestConcurrentLoadsShareOne(t *testing.T) {
	c := NewCache()
	eng := &fakeEngine{database: "dev", started: make(chan struct{}, 10), gate: make(chan error)}
	var waiting sync.WaitGroup
	const followers = 5
	waiting.Add(followers)
	testHookWait = waiting.Done
	defer func() { testHookWait = nil }()

	results := make(chan *model.Snapshot, followers+1)
	load := func() {
		s, err := c.Load(context.Background(), "s1", "dev", eng, nil, nil)
		if err != nil {
			t.Error(err)
		}
		results <- s
	}
	go load()
	<-eng.started // the leader is inside LoadCatalog
	for i := 0; i < followers; i++ {
		go load()
	}
	waiting.Wait() // every follower waits on the leader
	eng.gate <- nil
	first := <-results
	for i := 0; i < followers; i++ {
		if s := <-results; s != first {
			t.Fatal("followers got a different snapshot")
		}
	}
	if n := eng.calls.Load(); n != 1 {
		t.Fatalf("LoadCatalog ran %d times, want 1", n)
	}
}

func TestDifferentKeysLoadSeparately(t *testing.T) {
	c := NewCache()
	dev, prod := &fakeEngine{database: "dev"}, &fakeEngine{database: "prod"}
	a, _ := c.Load(context.Background(), "s1", "dev", dev, nil, nil)
	b, _ := c.Load(context.Background(), "s1", "prod", prod, nil, nil)
	d, _ := c.Load(context.Background(), "s2", "dev", dev, nil, nil)
	if a == b || a == d || dev.calls.Load() != 2 || prod.calls.Load() != 1 {
		t.Fatalf("loads: dev %d, prod %d", dev.calls.Load(), prod.calls.Load())
	}
	c.Invalidate("s1")
	if _, ok := c.Get("s1", "dev"); ok {
		t.Error("s1/dev survived Invalidate(s1)")
	}
	if _, ok := c.Get("s1", "prod"); ok {
		t.Error("s1/prod survived Invalidate(s1)")
	}
	if got, ok := c.Get("s2", "dev"); !ok || got != d {
		t.Error("Invalidate(s1) dropped s2")
	}
}

func TestErrorsAreNotCached(t *testing.T) {
	c := NewCache()
	eng := &fakeEngine{database: "dev", gate: make(chan error, 1)}
	boom := errors.New("boom")
	eng.gate <- boom
	if _, err := c.Load(context.Background(), "s1", "dev", eng, nil, nil); !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if _, ok := c.Get("s1", "dev"); ok {
		t.Fatal("failed load was cached")
	}
	eng.gate <- nil
	if _, err := c.Load(context.Background(), "s1", "dev", eng, nil, nil); err != nil || eng.calls.Load() != 2 {
		t.Fatalf("retry: %v, calls %d", err, eng.calls.Load())
	}
}

func TestWrongDatabaseIsRefused(t *testing.T) {
	c := NewCache()
	if _, err := c.Load(context.Background(), "s1", "prod", &fakeEngine{database: "dev"}, nil, nil); err == nil {
		t.Fatal("snapshot of dev accepted as prod")
	}
	if _, ok := c.Get("s1", "prod"); ok {
		t.Fatal("mismatched snapshot cached")
	}
}

func TestInvalidateDuringLoadDropsResult(t *testing.T) {
	c := NewCache()
	eng := &fakeEngine{database: "dev", started: make(chan struct{}, 2), gate: make(chan error, 2)}
	done := make(chan *model.Snapshot, 2)
	load := func() {
		s, _ := c.Load(context.Background(), "s1", "dev", eng, nil, nil)
		done <- s
	}
	// A change is applied while the old catalog is loading: the old result is not kept.
	go load()
	<-eng.started
	c.Invalidate("s1")
	eng.gate <- nil
	if s := <-done; s == nil || s.Queries != 1 {
		t.Fatalf("stale load returned %+v", s)
	}
	if _, ok := c.Get("s1", "dev"); ok {
		t.Fatal("a load started before Invalidate was cached")
	}
	// A Load after Invalidate does not join the stale one; only its result is kept.
	go load()
	<-eng.started
	c.Invalidate("s1")
	go load()
	<-eng.started
	eng.gate <- nil
	eng.gate <- nil
	<-done
	<-done
	if eng.calls.Load() != 3 {
		t.Fatalf("calls = %d, want 3", eng.calls.Load())
	}
	if got, ok := c.Get("s1", "dev"); !ok || got.Queries != 3 {
		t.Fatalf("cached %+v, want the load started after Invalidate", got)
	}
}

func TestWaiterCancel(t *testing.T) {
	c := NewCache()
	eng := &fakeEngine{database: "dev", started: make(chan struct{}, 2), gate: make(chan error, 1)}
	leader := make(chan error)
	go func() {
		_, err := c.Load(context.Background(), "s1", "dev", eng, nil, nil)
		leader <- err
	}()
	<-eng.started
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := c.Load(ctx, "s1", "dev", eng, nil, nil); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("waiter err = %v", err)
	}
	eng.gate <- nil
	if err := <-leader; err != nil {
		t.Fatalf("leader err = %v", err)
	}
	if _, ok := c.Get("s1", "dev"); !ok {
		t.Fatal("leader result not cached after a waiter gave up")
	}
}

// When the caller that started a load cancels it, callers still waiting retry.
func TestLeaderCancelWaiterRetries(t *testing.T) {
	c := NewCache()
	eng := &fakeEngine{database: "dev", started: make(chan struct{}, 2), gate: make(chan error, 1)}
	var waiting sync.WaitGroup
	waiting.Add(1)
	testHookWait = waiting.Done
	defer func() { testHookWait = nil }()

	ctx, cancel := context.WithCancel(context.Background())
	leader := make(chan error)
	go func() {
		_, err := c.Load(ctx, "s1", "dev", eng, nil, nil)
		leader <- err
	}()
	<-eng.started
	follower := make(chan *model.Snapshot)
	go func() {
		s, err := c.Load(context.Background(), "s1", "dev", eng, nil, nil)
		if err != nil {
			t.Error(err)
		}
		follower <- s
	}()
	waiting.Wait()
	cancel()
	if err := <-leader; !errors.Is(err, context.Canceled) {
		t.Fatalf("leader err = %v", err)
	}
	<-eng.started // the follower's own load
	eng.gate <- nil
	if s := <-follower; s == nil || eng.calls.Load() != 2 {
		t.Fatalf("follower got %v after %d calls", s, eng.calls.Load())
	}
}

// panicEngine panics inside LoadCatalog, after telling started (when set).
type panicEngine struct {
	fakeEngine
	release chan struct{} // when set, the panic waits for it
}

func (p *panicEngine) LoadCatalog(ctx context.Context, q engine.Querier, progress engine.Progress) (*model.Snapshot, error) {
	p.calls.Add(1)
	if p.started != nil {
		p.started <- struct{}{}
	}
	if p.release != nil {
		<-p.release
	}
	panic("injected loader panic")
}

func TestPanickingLoadDoesNotBlockLaterLoads(t *testing.T) {
	c := NewCache()
	bad := &panicEngine{fakeEngine: fakeEngine{database: "dev", started: make(chan struct{}, 1)}, release: make(chan struct{})}
	var waiting sync.WaitGroup
	waiting.Add(1)
	testHookWait = waiting.Done
	defer func() { testHookWait = nil }()

	leader := make(chan error, 1)
	go func() {
		_, err := c.Load(context.Background(), "s1", "dev", bad, nil, nil)
		leader <- err
	}()
	<-bad.started
	// A caller waiting on the panicking load gets its error instead of hanging.
	waiter := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_, err := c.Load(ctx, "s1", "dev", &fakeEngine{database: "dev"}, nil, nil)
		waiter <- err
	}()
	waiting.Wait()
	close(bad.release)
	if err := <-leader; !errors.Is(err, ErrLoadPanicked) {
		t.Fatalf("leader err = %v, want ErrLoadPanicked", err)
	}
	if err := <-waiter; !errors.Is(err, ErrLoadPanicked) {
		t.Fatalf("waiter err = %v, want the leader's ErrLoadPanicked", err)
	}
	if _, ok := c.Get("s1", "dev"); ok {
		t.Fatal("a panicked load left a snapshot")
	}
	// The key is free again: a later load runs its own engine and is stored.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	good := &fakeEngine{database: "dev"}
	snap, err := c.Load(ctx, "s1", "dev", good, nil, nil)
	if err != nil || snap == nil || good.calls.Load() != 1 {
		t.Fatalf("load after a panic = %v, %v (engine calls %d); the in-flight marker was left behind", snap, err, good.calls.Load())
	}
	if got, ok := c.Get("s1", "dev"); !ok || got != snap {
		t.Fatal("load after a panic was not cached")
	}
}

func TestCloseCancelsLoadInFlightAndForgetsSession(t *testing.T) {
	c := NewCache()
	eng := &fakeEngine{database: "dev", started: make(chan struct{}, 2), gate: make(chan error, 1)}
	if _, err := c.Load(context.Background(), "s1", "prod", &fakeEngine{database: "prod"}, nil, nil); err != nil {
		t.Fatal(err)
	}
	other, err := c.Load(context.Background(), "s2", "dev", &fakeEngine{database: "dev"}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	leader := make(chan error, 1)
	go func() {
		_, err := c.Load(context.Background(), "s1", "dev", eng, nil, nil)
		leader <- err
	}()
	<-eng.started
	c.Close("s1")
	select {
	case err := <-leader:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("load of a closed session = %v, want context.Canceled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not cancel the session's load in flight")
	}
	for _, db := range []string{"dev", "prod"} {
		if _, ok := c.Get("s1", db); ok {
			t.Errorf("closed session still has a snapshot of %s", db)
		}
		if _, ok := c.Index("s1", db); ok {
			t.Errorf("closed session still has an index of %s", db)
		}
	}
	if got := c.Sessions(); len(got) != 1 || got[0] != "s2" {
		t.Errorf("sessions in the cache after Close(s1) = %v, want [s2]", got)
	}
	if got, ok := c.Get("s2", "dev"); !ok || got != other {
		t.Error("Close(s1) touched s2")
	}
}

// Close while a load is in flight, then a new Load for the same key: the new
// one runs on its own and only its result is stored.
func TestLoadAfterCloseIsNotJoinedToTheCanceledOne(t *testing.T) {
	c := NewCache()
	eng := &fakeEngine{database: "dev", started: make(chan struct{}, 2), gate: make(chan error, 2)}
	first := make(chan error, 1)
	go func() {
		_, err := c.Load(context.Background(), "s1", "dev", eng, nil, nil)
		first <- err
	}()
	<-eng.started
	c.Close("s1")
	if err := <-first; !errors.Is(err, context.Canceled) {
		t.Fatalf("first = %v", err)
	}
	eng.gate <- nil
	snap, err := c.Load(context.Background(), "s1", "dev", eng, nil, nil)
	<-eng.started
	if err != nil || snap.Queries != 2 {
		t.Fatalf("second = %+v, %v; want its own load (call 2)", snap, err)
	}
	if got, ok := c.Get("s1", "dev"); !ok || got != snap {
		t.Fatal("second load not cached")
	}
}
