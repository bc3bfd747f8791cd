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
	done chan struct{}
	snap *model.Snapshot
	err  error
}

// Cache holds snapshots by (session, database). Safe for concurrent use.
type Cache struct {
	mu       sync.Mutex
	entries  map[Key]*entry
	inflight map[Key]*call
	// gen counts invalidations per session, so a load that started before an
	// Invalidate does not store its (possibly stale) result.
	gen map[string]uint64
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{entries: map[Key]*entry{}, inflight: map[Key]*call{}, gen: map[string]uint64{}}
}

// Load reads the catalog of database through q and caches it, replacing any
// cached snapshot (this is also "refresh"). A Load for a key that is already
// loading waits for that load instead of starting another. database must be
// the database q is connected to; a mismatch is an error, never cached.
func (c *Cache) Load(ctx context.Context, sessionID, database string, eng engine.Engine, q engine.Querier, progress engine.Progress) (*model.Snapshot, error) {
	key := Key{sessionID, database}
	for {
		c.mu.Lock()
		if cl, ok := c.inflight[key]; ok {
			c.mu.Unlock()
			if testHookWait != nil {
				testHookWait()
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
		cl := &call{done: make(chan struct{})}
		c.inflight[key] = cl
		gen := c.gen[sessionID]
		c.mu.Unlock()

		cl.snap, cl.err = eng.LoadCatalog(ctx, q, progress)
		if cl.err == nil && database != "" && cl.snap.Database != database {
			cl.snap, cl.err = nil, fmt.Errorf("catalog: loaded database %q, expected %q", cl.snap.Database, database)
		}

		c.mu.Lock()
		if c.inflight[key] == cl {
			delete(c.inflight, key)
		}
		if cl.err == nil && c.gen[sessionID] == gen {
			c.entries[key] = &entry{snap: cl.snap}
		}
		c.mu.Unlock()
		close(cl.done)
		return cl.snap, cl.err
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
// or when the session closes). Loads in flight finish but are not stored, and
// later Loads start afresh.
func (c *Cache) Invalidate(sessionID string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen[sessionID]++
	for k := range c.entries {
		if k.Session == sessionID {
			delete(c.entries, k)
		}
	}
	for k := range c.inflight {
		if k.Session == sessionID {
			delete(c.inflight, k)
		}
	}
}

// testHookWait lets tests know a caller is waiting for a load in flight.
var testHookWait func()

func isCanceled(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}
