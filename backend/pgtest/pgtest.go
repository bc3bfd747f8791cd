// Package pgtest gives integration tests a real PostgreSQL: the server named by
// RSMATE_TEST_DSN, or a throwaway cluster started once per test binary.
// Each test gets its own database; roles are cluster-wide, so tests name their
// principals with a unique prefix (see Prefix).
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/pgcluster"
)

var (
	once     sync.Once
	adminDSN string
	cluster  *pgcluster.Cluster
	startErr error
)

// Main wraps testing.M so a cluster started for this binary is stopped at the end.
func Main(m *testing.M) {
	code := m.Run()
	if cluster != nil {
		cluster.Stop()
	}
	os.Exit(code)
}

// AdminDSN returns a superuser DSN on the "postgres" database.
func AdminDSN(tb testing.TB) string {
	tb.Helper()
	once.Do(func() {
		if dsn := os.Getenv("RSMATE_TEST_DSN"); dsn != "" {
			adminDSN = dsn
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		cluster, startErr = pgcluster.Start(ctx, pgcluster.Options{})
		if startErr == nil {
			adminDSN = cluster.DSN("postgres")
		}
	})
	if startErr != nil {
		tb.Fatalf("starting test PostgreSQL: %v", startErr)
	}
	return adminDSN
}

// Cluster returns the throwaway cluster, or nil when RSMATE_TEST_DSN is used.
func Cluster(tb testing.TB) *pgcluster.Cluster {
	AdminDSN(tb)
	return cluster
}

// NewDatabase creates an empty database for this test, dropped at cleanup,
// and returns a superuser DSN for it.
func NewDatabase(tb testing.TB) string {
	tb.Helper()
	admin := AdminDSN(tb)
	name := "rsmate_t_" + Random(6)
	Exec(tb, admin, "CREATE DATABASE "+name)
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if conn, err := pgx.Connect(ctx, admin); err == nil {
			_, _ = conn.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
			conn.Close(ctx)
		}
	})
	return WithDatabase(admin, name)
}

// WithDatabase swaps the database of a DSN.
func WithDatabase(dsn, database string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		panic(err)
	}
	u.Path = "/" + database
	return u.String()
}

// Exec runs SQL statements (separated by ";\n" or given as one script) on dsn, failing the test on error.
func Exec(tb testing.TB, dsn string, sql ...string) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		tb.Fatalf("connect %s: %v", redact(dsn), err)
	}
	defer conn.Close(ctx)
	for _, s := range sql {
		if _, err := conn.Exec(ctx, s); err != nil {
			tb.Fatalf("exec %q: %v", s, err)
		}
	}
}

// Random returns n random lowercase hex bytes, for unique names.
func Random(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Prefix returns a unique lowercase name prefix for a test's principals.
func Prefix() string { return "t" + Random(3) + "_" }

func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "<dsn>"
	}
	return strings.Replace(u.Redacted(), u.User.String(), u.User.Username()+":xxxxx", 1)
}

// Must is a small helper for setup code.
func Must(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Fatal(fmt.Sprint(err))
	}
}

// QueryValue runs one single-row, single-column query on dsn and returns its
// value, failing the test on error.
func QueryValue[T any](tb testing.TB, dsn, sql string, args ...any) T {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		tb.Fatalf("connect %s: %v", redact(dsn), err)
	}
	defer conn.Close(ctx)
	var v T
	if err := conn.QueryRow(ctx, sql, args...).Scan(&v); err != nil {
		tb.Fatalf("%s: %v", sql, err)
	}
	return v
}
