package app

import (
	"context"
	"sync"
)

// cancelGroups holds the cancel funcs of running work grouped by a key (a
// session's loads, a reused attempt id). Each registration removes only
// itself, so work ending never forgets another run under the same key, and
// CancelAll stops exactly what runs now, never what starts later.
type cancelGroups struct {
	mu     sync.Mutex
	groups map[string]map[*context.CancelFunc]struct{}
}

// Add registers cancel under key; done unregisters it and cancels.
func (g *cancelGroups) Add(key string, cancel context.CancelFunc) (done func()) {
	entry := &cancel
	g.mu.Lock()
	if g.groups == nil {
		g.groups = map[string]map[*context.CancelFunc]struct{}{}
	}
	if g.groups[key] == nil {
		g.groups[key] = map[*context.CancelFunc]struct{}{}
	}
	g.groups[key][entry] = struct{}{}
	g.mu.Unlock()
	return func() {
		g.mu.Lock()
		delete(g.groups[key], entry)
		if len(g.groups[key]) == 0 {
			delete(g.groups, key)
		}
		g.mu.Unlock()
		cancel()
	}
}

// CancelAll cancels everything registered under key right now.
func (g *cancelGroups) CancelAll(key string) {
	g.mu.Lock()
	running := make([]context.CancelFunc, 0, len(g.groups[key]))
	for c := range g.groups[key] {
		running = append(running, *c)
	}
	g.mu.Unlock()
	for _, c := range running {
		c()
	}
}

// running counts what is registered under key.
func (g *cancelGroups) running(key string) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.groups[key])
}

// keys counts the keys with anything registered.
func (g *cancelGroups) keys() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.groups)
}
