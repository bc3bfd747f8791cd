package pgtest

import (
	"context"
	"crypto/tls"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// QueryCounter records what a test's connections ask of the server, in three
// measures that differ and must not be confused:
//
//   - statements: SQL statements executed through Query, QueryRow, Exec or a
//     batch (transaction BEGIN/COMMIT included), seen by pgx's QueryTracer and
//     BatchTracer;
//   - prepares: statements pgx prepared on the server before executing them
//     (the cache_statement, cache_describe and describe_exec modes), seen by
//     pgx's PrepareTracer; a statement already prepared on the connection is not
//     counted;
//   - round trips: request/response exchanges counted on the socket once the
//     connection has logged in. Each statement in the exec or simple-protocol
//     mode is one; a prepare adds one; so do exchanges pgx makes on its own
//     (a pool's health-check ping, closing evicted cached statements). Login
//     and the final Terminate message are not counted.
//
// Round trips are only counted on connections dialed through a configuration
// the counter was attached to (Attach, CountingPool, CountingConn).
type QueryCounter struct {
	mu         sync.Mutex
	sqls       []string
	prepares   int
	roundTrips int
	// OnQuery, when set, is called before each statement with its 1-based number
	// (e.g. to cancel a context mid-load).
	OnQuery func(n int, sql string)
}

var (
	_ pgx.QueryTracer   = (*QueryCounter)(nil)
	_ pgx.BatchTracer   = (*QueryCounter)(nil)
	_ pgx.PrepareTracer = (*QueryCounter)(nil)
	_ pgx.ConnectTracer = (*QueryCounter)(nil)
)

// Attach makes cfg's connections report to c: c becomes the tracer and the
// dialer is wrapped so round trips are counted on the socket.
func (c *QueryCounter) Attach(cfg *pgx.ConnConfig) {
	cfg.Tracer = c
	dial := cfg.DialFunc
	if dial == nil {
		d := &net.Dialer{KeepAlive: 5 * time.Minute}
		dial = d.DialContext
	}
	cfg.DialFunc = func(ctx context.Context, network, addr string) (net.Conn, error) {
		nc, err := dial(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		return &wireConn{Conn: nc, counter: c}, nil
	}
}

func (c *QueryCounter) statement(sql string) {
	c.mu.Lock()
	c.sqls = append(c.sqls, sql)
	n, hook := len(c.sqls), c.OnQuery
	c.mu.Unlock()
	if hook != nil {
		hook(n, sql)
	}
}

func (c *QueryCounter) TraceQueryStart(ctx context.Context, _ *pgx.Conn, data pgx.TraceQueryStartData) context.Context {
	c.statement(data.SQL)
	return ctx
}

func (c *QueryCounter) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

func (c *QueryCounter) TraceBatchStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceBatchStartData) context.Context {
	return ctx
}

func (c *QueryCounter) TraceBatchQuery(_ context.Context, _ *pgx.Conn, data pgx.TraceBatchQueryData) {
	c.statement(data.SQL)
}

func (c *QueryCounter) TraceBatchEnd(context.Context, *pgx.Conn, pgx.TraceBatchEndData) {}

func (c *QueryCounter) TracePrepareStart(ctx context.Context, _ *pgx.Conn, _ pgx.TracePrepareStartData) context.Context {
	return ctx
}

func (c *QueryCounter) TracePrepareEnd(_ context.Context, _ *pgx.Conn, data pgx.TracePrepareEndData) {
	if data.AlreadyPrepared {
		return
	}
	c.mu.Lock()
	c.prepares++
	c.mu.Unlock()
}

func (c *QueryCounter) TraceConnectStart(ctx context.Context, _ pgx.TraceConnectStartData) context.Context {
	return ctx
}

// TraceConnectEnd starts counting round trips on the new connection: login is
// over.
func (c *QueryCounter) TraceConnectEnd(_ context.Context, data pgx.TraceConnectEndData) {
	if data.Err != nil || data.Conn == nil {
		return
	}
	nc := data.Conn.PgConn().Conn()
	if t, ok := nc.(*tls.Conn); ok {
		nc = t.NetConn()
	}
	if w, ok := nc.(*wireConn); ok {
		w.mu.Lock()
		w.loggedIn = true
		w.mu.Unlock()
	}
}

// StatementCount returns how many SQL statements were executed since the last Reset.
func (c *QueryCounter) StatementCount() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.sqls)
}

// Statements returns the SQL of the statements executed since the last Reset, in order.
func (c *QueryCounter) Statements() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.sqls...)
}

// Prepares returns how many statements were prepared on the server since the last Reset.
func (c *QueryCounter) Prepares() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.prepares
}

// RoundTrips returns how many request/response exchanges went over the wire
// since the last Reset (see QueryCounter).
func (c *QueryCounter) RoundTrips() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.roundTrips
}

// Reset forgets everything recorded so far.
func (c *QueryCounter) Reset() {
	c.mu.Lock()
	c.sqls, c.prepares, c.roundTrips = nil, 0, 0
	c.mu.Unlock()
}

// wireConn counts exchanges: the first write after a read (or after login)
// starts one; writes before the reply arrives belong to the same exchange.
type wireConn struct {
	net.Conn
	counter *QueryCounter

	mu       sync.Mutex
	loggedIn bool
	sending  bool
}

func (w *wireConn) Write(p []byte) (int, error) {
	w.mu.Lock()
	// 'X' with length 4 is Terminate: closing, no reply expected.
	terminate := len(p) == 5 && p[0] == 'X'
	if w.loggedIn && !w.sending && !terminate {
		w.counter.mu.Lock()
		w.counter.roundTrips++
		w.counter.mu.Unlock()
	}
	w.sending = true
	w.mu.Unlock()
	return w.Conn.Write(p)
}

func (w *wireConn) Read(p []byte) (int, error) {
	n, err := w.Conn.Read(p)
	if n > 0 {
		w.mu.Lock()
		w.sending = false
		w.mu.Unlock()
	}
	return n, err
}

// CountingPool opens a pool on dsn whose statements and round trips are
// counted; closed at cleanup.
func CountingPool(tb testing.TB, dsn string) (*pgxpool.Pool, *QueryCounter) {
	tb.Helper()
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		tb.Fatalf("parse dsn: %v", err)
	}
	counter := &QueryCounter{}
	counter.Attach(cfg.ConnConfig)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		tb.Fatalf("connect %s: %v", redact(dsn), err)
	}
	tb.Cleanup(pool.Close)
	return pool, counter
}

// CountingConn opens one connection on dsn whose statements and round trips
// are counted; closed at cleanup.
func CountingConn(tb testing.TB, dsn string) (*pgx.Conn, *QueryCounter) {
	tb.Helper()
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		tb.Fatalf("parse dsn: %v", err)
	}
	counter := &QueryCounter{}
	counter.Attach(cfg)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		tb.Fatalf("connect %s: %v", redact(dsn), err)
	}
	tb.Cleanup(func() { _ = conn.Close(context.Background()) })
	return conn, counter
}
