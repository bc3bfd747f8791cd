package pgtest

import (
	"context"
	"net/url"
	"reflect"
	"testing"
)

// TestQueryCounterStatementsPreparesAndRoundTrips: statements, prepares and
// wire round trips are counted apart. In pgx's default cache_statement mode a
// parameterised query is prepared first (one more round trip) the first time
// only; statements without arguments go through the simple protocol (one
// round trip each).
func TestQueryCounterStatementsPreparesAndRoundTrips(t *testing.T) {
	dsn := NewDatabase(t)
	ctx := context.Background()
	pool, counter := CountingPool(t, dsn)
	var hooked []int
	counter.OnQuery = func(n int, _ string) { hooked = append(hooked, n) }
	if _, err := pool.Exec(ctx, "CREATE TABLE t (x int)"); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := pool.QueryRow(ctx, "SELECT count(*) FROM t WHERE x > $1", 1).Scan(&n); err != nil {
		t.Fatal(err)
	}
	tx, err := pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	want := []string{"CREATE TABLE t (x int)", "SELECT count(*) FROM t WHERE x > $1", "begin", "commit"}
	if got := counter.Statements(); !reflect.DeepEqual(got, want) || counter.StatementCount() != 4 {
		t.Fatalf("statements = %q, want %q", got, want)
	}
	if !reflect.DeepEqual(hooked, []int{1, 2, 3, 4}) {
		t.Fatalf("OnQuery saw %v", hooked)
	}
	if counter.Prepares() != 1 {
		t.Errorf("prepares = %d, want 1 (the parameterised SELECT)", counter.Prepares())
	}
	counter.Reset()
	if counter.StatementCount() != 0 || counter.Prepares() != 0 || counter.RoundTrips() != 0 {
		t.Fatalf("after Reset: %d statements, %d prepares, %d round trips", counter.StatementCount(), counter.Prepares(), counter.RoundTrips())
	}

	// Round trips on one connection (a pool may ping an idle connection).
	conn, c2 := CountingConn(t, dsn)
	if c2.RoundTrips() != 0 {
		t.Fatalf("login counted as %d round trips", c2.RoundTrips())
	}
	steps := []struct {
		name                             string
		run                              func() error
		statements, prepares, roundTrips int
	}{
		{"no arguments: simple protocol", func() error { _, err := conn.Exec(ctx, "SELECT 1"); return err }, 1, 0, 1},
		{"first parameterised query: prepare + execute", func() error {
			return conn.QueryRow(ctx, "SELECT count(*) FROM t WHERE x > $1", 1).Scan(&n)
		}, 1, 1, 2},
		{"same query again: cached", func() error {
			return conn.QueryRow(ctx, "SELECT count(*) FROM t WHERE x > $1", 2).Scan(&n)
		}, 1, 0, 1},
	}
	for _, s := range steps {
		c2.Reset()
		if err := s.run(); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if c2.StatementCount() != s.statements || c2.Prepares() != s.prepares || c2.RoundTrips() != s.roundTrips {
			t.Errorf("%s: %d statements, %d prepares, %d round trips; want %d, %d, %d", s.name,
				c2.StatementCount(), c2.Prepares(), c2.RoundTrips(), s.statements, s.prepares, s.roundTrips)
		}
	}
	if counter.StatementCount() != 0 {
		t.Errorf("the pool's counter saw the connection's statements")
	}

	// The exec mode sends a parameterised query in one round trip, unprepared.
	u, _ := url.Parse(dsn)
	q := u.Query()
	q.Set("default_query_exec_mode", "exec")
	u.RawQuery = q.Encode()
	execConn, c3 := CountingConn(t, u.String())
	for i := 0; i < 2; i++ {
		if err := execConn.QueryRow(ctx, "SELECT count(*) FROM t WHERE x > $1", i).Scan(&n); err != nil {
			t.Fatal(err)
		}
	}
	if c3.StatementCount() != 2 || c3.Prepares() != 0 || c3.RoundTrips() != 2 {
		t.Errorf("exec mode: %d statements, %d prepares, %d round trips; want 2, 0, 2", c3.StatementCount(), c3.Prepares(), c3.RoundTrips())
	}
	// Closing sends Terminate, which has no reply: not a round trip.
	c3.Reset()
	if err := execConn.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if c3.RoundTrips() != 0 {
		t.Errorf("Close counted as %d round trips", c3.RoundTrips())
	}
}
