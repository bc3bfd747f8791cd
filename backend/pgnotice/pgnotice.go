// Package pgnotice routes server notices (NOTICE, WARNING) to whoever is
// watching the connection they arrived on. pgx delivers notices through one
// callback per connection config; Handler is that callback, and Watch lets
// the code running a statement on a connection collect what the server said.
package pgnotice

import (
	"sync"

	"github.com/jackc/pgx/v5/pgconn"
)

// Notice is one server notice, copied out of pgx's type.
type Notice struct {
	Severity string `json:"severity"` // WARNING, NOTICE, INFO …
	Code     string `json:"code"`     // SQLSTATE, e.g. 01007
	Message  string `json:"message"`
	Detail   string `json:"detail,omitempty"`
	Hint     string `json:"hint,omitempty"`
}

// Text is the notice as one line: "WARNING 01007: no privileges were granted for …".
func (n Notice) Text() string {
	s := n.Severity + " " + n.Code + ": " + n.Message
	if n.Detail != "" {
		s += " (" + n.Detail + ")"
	}
	return s
}

// Collector gathers the notices of one connection while it is watched.
type Collector struct {
	pc      *pgconn.PgConn
	mu      sync.Mutex
	notices []Notice
}

var watched sync.Map // *pgconn.PgConn → *Collector

// Handler is the pgconn.Config.OnNotice callback: it hands the notice to the
// collector watching pc, and drops it when nobody watches.
func Handler(pc *pgconn.PgConn, n *pgconn.Notice) {
	v, ok := watched.Load(pc)
	if !ok || n == nil {
		return
	}
	c := v.(*Collector)
	c.mu.Lock()
	c.notices = append(c.notices, Notice{Severity: n.Severity, Code: n.Code, Message: n.Message, Detail: n.Detail, Hint: n.Hint})
	c.mu.Unlock()
}

// Watch starts collecting the notices of pc until Stop. A connection has at
// most one collector: a second Watch replaces the first.
func Watch(pc *pgconn.PgConn) *Collector {
	c := &Collector{pc: pc}
	watched.Store(pc, c)
	return c
}

// Take returns the notices collected since the last Take and forgets them.
func (c *Collector) Take() []Notice {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := c.notices
	c.notices = nil
	return out
}

// Stop ends the watch.
func (c *Collector) Stop() { watched.CompareAndDelete(c.pc, c) }
