// Package catalog keeps one loaded snapshot per session and database, loads it
// at most once at a time, and builds lookup indexes (by name, grantee, object,
// member and schema) so the UI services find a principal's grants, memberships
// and default privileges without scanning every grant. Not every screen is
// index-only: lists walk all principals, and effective access and owned
// objects still scan the memberships and relations.
package catalog

import (
	"context"
	"errors"
	"fmt"
	"log"
	"runtime/debug"
	"sync"

	"github.com/redshiftmate/rsmate/backend/engine"
	"github.com/redshiftmate/rsmate/backend/model"
)

// Key names one cached snapshot.
type Key struct {
	Session  string
	Database string
}

type entry struct {
	snap      *model.Snapshot
	indexOnce sync.Once
	index     *Index
}

// call is one load in flight; waiters block on done.
type call struct {
	done   chan struct{}
	snap   *model.Snapshot
	err    error
	cancel context.CancelFunc // ends this load only (Close)
	// stale is set (under Cache.mu) when the session was invalidated or closed
	// after the load started: its result is returned but never stored.
	stale bool
}

// Cache holds snapshots by (session, database). Safe for concurrent use.
type Cache struct {
	mu       sync.Mutex
	entries  map[Key]*entry
	inflight map[Key]*call
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{entries: map[Key]*entry{}, inflight: map[Key]*call{}}
}

// ErrLoadPanicked wraps the value of a panic inside an engine's LoadCatalog.
var ErrLoadPanicked = errors.New("catalog: loading panicked")

// Load reads the catalog of database through q and caches it, replacing any
// cached snapshot (this is also "refresh"). A Load for a key that is already
// loading waits for that load instead of starting another. database must be
// the database q is connected to; a mismatch is an error, never cached.
// A panic inside the engine ends only that load: it comes back as an error
// wrapping ErrLoadPanicked, to its caller and to every waiter.
func (c *Cache) Load(ctx context.Context, sessionID, database string, eng engine.Engine, q engine.Querier, progress engine.Progress) (*model.Snapshot, error) {
	key := Key{sessionID, database}
	for {
		c.mu.Lock()
		if cl, ok := c.inflight[key]; ok {
			c.mu.Unlock()
			if h := testHookWait; h != nil {
				h()
			}
			select {
			case <-cl.done:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
			// The leader gave up (its context ended) but this caller did not: try again.
			if cl.err != nil && isCanceled(cl.err) && ctx.Err() == nil {
				continue
			}
			return cl.snap, cl.err
		}
		lctx, cancel := context.WithCancel(ctx)
		cl := &call{done: make(chan struct{}), cancel: cancel}
		c.inflight[key] = cl
		c.mu.Unlock()

		c.run(lctx, cl, key, eng, q, progress)
		return cl.snap, cl.err
	}
}

// run performs one load and, whatever happens inside the engine (an error, a
// panic), takes it out of inflight and wakes the waiters.
func (c *Cache) run(ctx context.Context, cl *call, key Key, eng engine.Engine, q engine.Querier, progress engine.Progress) {
	defer func() {
		if r := recover(); r != nil {
			log.Printf("catalog: load of %q panicked: %v\n%s", key.Database, r, debug.Stack())
			cl.snap, cl.err = nil, fmt.Errorf("%w: %v", ErrLoadPanicked, r)
		}
		c.mu.Lock()
		if c.inflight[key] == cl {
			delete(c.inflight, key)
		}
		if cl.err == nil && !cl.stale {
			c.entries[key] = &entry{snap: cl.snap}
		}
		c.mu.Unlock()
		cl.cancel()
		close(cl.done)
	}()
	cl.snap, cl.err = eng.LoadCatalog(ctx, q, progress)
	if cl.err == nil && key.Database != "" && cl.snap.Database != key.Database {
		cl.snap, cl.err = nil, fmt.Errorf("catalog: loaded database %q, expected %q", cl.snap.Database, key.Database)
	}
}

// Get returns the cached snapshot, if any. Snapshots are shared: read-only.
func (c *Cache) Get(sessionID, database string) (*model.Snapshot, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[Key{sessionID, database}]
	if !ok {
		return nil, false
	}
	return e.snap, true
}

// Index returns the lookup index of the cached snapshot, built on first use.
func (c *Cache) Index(sessionID, database string) (*Index, bool) {
	c.mu.Lock()
	e, ok := c.entries[Key{sessionID, database}]
	c.mu.Unlock()
	if !ok {
		return nil, false
	}
	e.indexOnce.Do(func() { e.index = NewIndex(e.snap) })
	return e.index, true
}

// Invalidate forgets every snapshot of a session (after a change is applied,
// or a database switch). Loads in flight finish but are not stored, and later
// Loads start afresh.
func (c *Cache) Invalidate(sessionID string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.invalidateLocked(sessionID)
}

// Forget drops one cached snapshot (a load that finished for a pool that is
// gone). Loads in flight are left alone.
func (c *Cache) Forget(sessionID, database string) {
	c.mu.Lock()
	delete(c.entries, Key{sessionID, database})
	c.mu.Unlock()
}

// Close is Invalidate for a session that is gone: it also cancels the
// session's loads in flight. Nothing of the session stays in the cache.
func (c *Cache) Close(sessionID string) {
	c.mu.Lock()
	calls := c.invalidateLocked(sessionID)
	c.mu.Unlock()
	for _, cl := range calls {
		cl.cancel()
	}
}

func (c *Cache) invalidateLocked(sessionID string) []*call {
	for k := range c.entries {
		if k.Session == sessionID {
			delete(c.entries, k)
		}
	}
	var calls []*call
	for k, cl := range c.inflight {
		if k.Session == sessionID {
			cl.stale = true
			calls = append(calls, cl)
			delete(c.inflight, k)
		}
	}
	return calls
}

// Sessions lists the sessions that have a snapshot or a load in flight (tests
// use it to prove a closed session left nothing behind).
func (c *Cache) Sessions() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	seen := map[string]bool{}
	var out []string
	for k := range c.entries {
		if !seen[k.Session] {
			seen[k.Session] = true
			out = append(out, k.Session)
		}
	}
	for k := range c.inflight {
		if !seen[k.Session] {
			seen[k.Session] = true
			out = append(out, k.Session)
		}
	}
	return out
}

// testHookWait lets tests know a caller is waiting for a load in flight.
var testHookWait func()

func isCanceled(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}
