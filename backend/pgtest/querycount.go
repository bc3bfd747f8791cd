package pgtest

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// QueryCounter is a pgx.QueryTracer that records every statement sent through
// Query, QueryRow and Exec (transaction BEGIN/COMMIT included), so tests can
// assert how many round trips an operation costs and that none was sent at all.
type QueryCounter struct {
	mu   sync.Mutex
	sqls []string
	// OnQuery, when set, is called before each statement with its 1-based number
	// (e.g. to cancel a context mid-load).
	OnQuery func(n int, sql string)
}

func (c *QueryCounter) TraceQueryStart(ctx context.Context, _ *pgx.Conn, data pgx.TraceQueryStartData) context.Context {
	c.mu.Lock()
	c.sqls = append(c.sqls, data.SQL)
	n, hook := len(c.sqls), c.OnQuery
	c.mu.Unlock()
	if hook != nil {
		hook(n, data.SQL)
	}
	return ctx
}

func (c *QueryCounter) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

// Count returns how many statements were sent since the last Reset.
func (c *QueryCounter) Count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.sqls)
}

// Statements returns the statements sent since the last Reset, in order.
func (c *QueryCounter) Statements() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.sqls...)
}

// Reset forgets the statements recorded so far.
func (c *QueryCounter) Reset() {
	c.mu.Lock()
	c.sqls = nil
	c.mu.Unlock()
}

// CountingPool opens a pool on dsn whose statements are counted; closed at cleanup.
func CountingPool(tb testing.TB, dsn string) (*pgxpool.Pool, *QueryCounter) {
	tb.Helper()
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		tb.Fatalf("parse dsn: %v", err)
	}
	counter := &QueryCounter{}
	cfg.ConnConfig.Tracer = counter
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		tb.Fatalf("connect %s: %v", redact(dsn), err)
	}
	tb.Cleanup(pool.Close)
	return pool, counter
}

// CountingConn opens one connection on dsn whose statements are counted; closed at cleanup.
func CountingConn(tb testing.TB, dsn string) (*pgx.Conn, *QueryCounter) {
	tb.Helper()
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		tb.Fatalf("parse dsn: %v", err)
	}
	counter := &QueryCounter{}
	cfg.Tracer = counter
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		tb.Fatalf("connect %s: %v", redact(dsn), err)
	}
	tb.Cleanup(func() { _ = conn.Close(context.Background()) })
	return conn, counter
}
