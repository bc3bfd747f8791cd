package pgtest

import (
	"context"
	"reflect"
	"testing"
)

func TestQueryCounter(t *testing.T) {
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
	if got := counter.Statements(); !reflect.DeepEqual(got, want) || counter.Count() != 4 {
		t.Fatalf("statements = %q, want %q", got, want)
	}
	if !reflect.DeepEqual(hooked, []int{1, 2, 3, 4}) {
		t.Fatalf("OnQuery saw %v", hooked)
	}
	counter.Reset()
	conn, c2 := CountingConn(t, dsn)
	if _, err := conn.Exec(ctx, "SELECT 1"); err != nil {
		t.Fatal(err)
	}
	if counter.Count() != 0 || c2.Count() != 1 {
		t.Fatalf("counts after reset: pool %d, conn %d", counter.Count(), c2.Count())
	}
}
