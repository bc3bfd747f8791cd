package postgres

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/pgtest"
	"github.com/redshiftmate/rsmate/backend/synthetic"
)

// ScaleResult is one line of the backend benchmark table (scripts/bench-backend.sh).
type ScaleResult struct {
	Scale      int     `json:"scale"`
	Grants     int     `json:"grants"`
	Statements int     `json:"statements"`
	BytesGrant float64 `json:"bytesPerGrant"` // heap retained by the snapshot / grants
	// IndexedBytesGrant adds the grant table's index (built by the first
	// screen that asks for grants by principal or object).
	IndexedBytesGrant float64 `json:"indexedBytesPerGrant"`
	PeakRSSMB         float64 `json:"peakRssMB"` // VmHWM of this process after its first load
	Pairs             int     `json:"pairs"`
	ReaderMs          float64 `json:"readerMs"` // medians over the rounds
	RawMs             float64 `json:"rawMs"`
	PsqlMs            float64 `json:"psqlMs"`
	VsRaw             float64 `json:"readerOverRaw"`  // median of the per-round ratios
	VsPsql            float64 `json:"readerOverPsql"` // median of the per-round ratios
}

// scaleDB returns the DSN of the synthetic catalog grown k times (k=1: the
// base catalog), building what is missing.
func scaleDB(b *testing.B, k int) string {
	base := benchCatalog(b)
	if k == 1 {
		return base
	}
	ctx := context.Background()
	admin := pgtest.AdminDSN(b)
	name := fmt.Sprintf("%s_x%d", benchDB, k)
	dsn := pgtest.WithDatabase(admin, name)
	if synthetic.ReadySpec(ctx, dsn, synthetic.ScaledSpec(k)) {
		return dsn
	}
	if err := synthetic.BuildScaled(ctx, admin, benchDB, name, k, b.Logf); err != nil {
		b.Fatal(err)
	}
	return dsn
}

// BenchmarkLoadScale measures one load of the synthetic catalog grown
// RSMATE_BENCH_SCALE times (1, 2, 4, 8; default 1). Run it in a fresh process
// per scale: the peak RSS is the process's VmHWM right after its first load.
//
// Reported, in this order of work:
//   - bytes/grant: heap retained by the snapshot (live heap after GC with the
//     snapshot, minus before the load), divided by its grants; indexed: the
//     same once the grant table's index is built;
//   - peak-RSS-MB: VmHWM after that first load (test binary included);
//   - rounds (RSMATE_BENCH_PAIRS, default 5): each round runs, in rotating
//     order, three sides doing the same work: connect, the CatalogSteps in
//     one read-only repeatable-read transaction, every row received,
//     disconnect. reader: pgx connection + LoadCatalog (rows decoded into the
//     snapshot); raw: the same pgx connection setup, rows.Next with
//     RawValues only (nothing decoded, nothing kept); psql: the whole psql
//     process (start, connect, statements, output to /dev/null, exit).
//     Wall time of each side from this process; runtime.GC() before each side,
//     outside its timing. Ratios are per round; the medians are reported.
//
// With RSMATE_BENCH_JSON set, the result is appended there as one JSON line.
func BenchmarkLoadScale(b *testing.B) {
	k := 1
	if v := os.Getenv("RSMATE_BENCH_SCALE"); v != "" {
		var err error
		if k, err = strconv.Atoi(v); err != nil || k < 1 {
			b.Fatalf("RSMATE_BENCH_SCALE=%q: want a positive integer", v)
		}
	}
	rounds := 5
	if v := os.Getenv("RSMATE_BENCH_PAIRS"); v != "" {
		rounds, _ = strconv.Atoi(v)
	}
	if rounds < 5 {
		b.Fatalf("RSMATE_BENCH_PAIRS must be at least 5")
	}
	dsn := scaleDB(b, k)
	ctx := context.Background()
	cfg, err := pgx.ParseConfig(productDSN(dsn))
	if err != nil {
		b.Fatal(err)
	}
	counter := &pgtest.QueryCounter{}
	counter.Attach(cfg)

	res := ScaleResult{Scale: k, Pairs: rounds}
	// The first load of the process: retained heap and peak RSS.
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		b.Fatal(err)
	}
	snap, err := New().LoadCatalog(ctx, conn, nil)
	if err != nil {
		b.Fatal(err)
	}
	_ = conn.Close(ctx)
	res.PeakRSSMB = peakRSS() / (1 << 20)
	runtime.GC()
	runtime.ReadMemStats(&after)
	res.Grants = grantCount(snap)
	res.Statements = counter.StatementCount()
	res.BytesGrant = (float64(after.HeapAlloc) - float64(before.HeapAlloc)) / float64(res.Grants)
	snap.Grants.Count(model.Public) // builds the index
	runtime.GC()
	runtime.ReadMemStats(&after)
	res.IndexedBytesGrant = (float64(after.HeapAlloc) - float64(before.HeapAlloc)) / float64(res.Grants)
	runtime.KeepAlive(snap)
	snap = nil

	reader := func() time.Duration {
		runtime.GC()
		start := time.Now()
		conn, err := pgx.ConnectConfig(ctx, cfg)
		if err != nil {
			b.Fatal(err)
		}
		s, err := New().LoadCatalog(ctx, conn, nil)
		if err != nil {
			b.Fatal(err)
		}
		_ = conn.Close(ctx)
		d := time.Since(start)
		runtime.KeepAlive(s)
		return d
	}
	raw := func() time.Duration {
		runtime.GC()
		start := time.Now()
		if err := rawRead(ctx, cfg); err != nil {
			b.Fatal(err)
		}
		return time.Since(start)
	}
	runPsql, script := psqlRunner(b, dsn)
	psql := func() time.Duration { return runPsql("-f", script) }
	sides := []func() time.Duration{reader, raw, psql}
	var rMs, wMs, pMs, vsRaw, vsPsql []float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for r := 0; r < rounds; r++ {
			var d [3]time.Duration
			for j := range sides {
				side := (r + j) % 3 // rotate which side goes first
				d[side] = sides[side]()
			}
			rMs, wMs, pMs = append(rMs, ms(d[0])), append(wMs, ms(d[1])), append(pMs, ms(d[2]))
			vsRaw, vsPsql = append(vsRaw, float64(d[0])/float64(d[1])), append(vsPsql, float64(d[0])/float64(d[2]))
		}
	}
	b.StopTimer()
	res.ReaderMs, res.RawMs, res.PsqlMs = median(rMs), median(wMs), median(pMs)
	res.VsRaw, res.VsPsql = median(vsRaw), median(vsPsql)

	b.ReportMetric(float64(res.Grants), "grants")
	b.ReportMetric(res.BytesGrant, "bytes/grant")
	b.ReportMetric(res.IndexedBytesGrant, "indexed-bytes/grant")
	b.ReportMetric(res.PeakRSSMB, "peak-RSS-MB")
	b.ReportMetric(res.ReaderMs, "reader-ms")
	b.ReportMetric(res.RawMs, "raw-pgx-ms")
	b.ReportMetric(res.PsqlMs, "psql-ms")
	b.ReportMetric(res.VsRaw, "reader/raw")
	b.ReportMetric(res.VsPsql, "reader/psql")
	b.ReportMetric(float64(res.Statements), "statements")
	if out := os.Getenv("RSMATE_BENCH_JSON"); out != "" {
		line, _ := json.Marshal(res)
		f, err := os.OpenFile(out, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		if _, err := f.Write(append(line, '\n')); err != nil {
			b.Fatal(err)
		}
	}
}

// rawRead runs CatalogSteps the way LoadCatalog does, without decoding: the
// floor any reader built on pgx pays.
func rawRead(ctx context.Context, cfg *pgx.ConnConfig) error {
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	tx, err := conn.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback(ctx) }()
	for _, st := range CatalogSteps {
		rows, err := tx.Query(ctx, st.SQL)
		if err != nil {
			return err
		}
		n := 0
		for rows.Next() {
			n += len(rows.RawValues())
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return tx.Commit(ctx)
}

// psqlSetup finds psql, writes CatalogSteps as one read-only repeatable-read
// transaction script, and splits the password out of dsn (psql gets it from
// PGPASSWORD, never from its command line).
func psqlSetup(b *testing.B, dsn string) (psql, script, conn, password string) {
	psql, err := exec.LookPath("psql")
	if err != nil {
		b.Skip("psql not installed")
	}
	script = filepath.Join(b.TempDir(), "catalog.sql")
	var sb strings.Builder
	sb.WriteString("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;\n")
	for _, st := range CatalogSteps {
		sb.WriteString(st.SQL + ";\n")
	}
	sb.WriteString("COMMIT;\n")
	if err := os.WriteFile(script, []byte(sb.String()), 0o600); err != nil {
		b.Fatal(err)
	}
	u, err := url.Parse(dsn)
	if err != nil {
		b.Fatal(err)
	}
	password, _ = u.User.Password()
	u.User = url.User(u.User.Username())
	return psql, script, u.String(), password
}

// psqlRunner returns a function timing one psql process with the given
// arguments (after the output options, before the connection), and the
// script running CatalogSteps in one read-only repeatable-read transaction.
func psqlRunner(b *testing.B, dsn string) (run func(args ...string) time.Duration, script string) {
	path, script, conn, password := psqlSetup(b, dsn)
	return func(args ...string) time.Duration {
		cmd := exec.Command(path, append([]string{"-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-o", os.DevNull}, append(args, conn)...)...)
		cmd.Env = append(os.Environ(), "PGPASSWORD="+password)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		runtime.GC()
		start := time.Now()
		err := cmd.Run()
		d := time.Since(start)
		if err != nil {
			b.Fatalf("psql: %v: %s", err, stderr.String())
		}
		return d
	}, script
}

func grantCount(s *model.Snapshot) int { return s.Grants.Len() }
