package postgres

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/pgtest"
)

// The synthetic catalog of DESIGN.md §6: 2,000 users, 300 roles nested in
// chains 6 deep, 50 "groups" (roles named bench_grp_*: PostgreSQL has no
// groups), 200 schemas, 20,000 tables with 35 explicit grants each (700,000),
// column grants, 2,000 functions and default privileges. It lives in its own
// database; with RSMATE_TEST_DSN pointing at a kept server it is built once
// and reused by later runs (a marker table records a finished build).
const (
	benchDB   = "rsmate_bench"
	benchSpec = "v1: 2000 users, 300 roles, 50 groups, 200 schemas x 100 tables, 35 grants/table"
)

var (
	benchOnce sync.Once
	benchDSN  string
	benchErr  error
)

const benchRoles = `DO $$
BEGIN
  FOR i IN 1..2000 LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = format('bench_u%s', lpad(i::text, 4, '0'))) THEN
      EXECUTE format('CREATE ROLE %I LOGIN', format('bench_u%s', lpad(i::text, 4, '0')));
    END IF;
  END LOOP;
  FOR i IN 1..300 LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = format('bench_r%s', lpad(i::text, 3, '0'))) THEN
      EXECUTE format('CREATE ROLE %I', format('bench_r%s', lpad(i::text, 3, '0')));
    END IF;
  END LOOP;
  FOR i IN 1..50 LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = format('bench_grp_%s', lpad(i::text, 2, '0'))) THEN
      EXECUTE format('CREATE ROLE %I', format('bench_grp_%s', lpad(i::text, 2, '0')));
    END IF;
  END LOOP;
  -- Chains r1 <- r2 <- ... <- r6 (each granted to the next): nesting 6 deep.
  FOR i IN 1..300 LOOP
    IF i % 6 <> 0 THEN
      EXECUTE format('GRANT %I TO %I', format('bench_r%s', lpad(i::text, 3, '0')), format('bench_r%s', lpad((i + 1)::text, 3, '0')));
    END IF;
  END LOOP;
  -- Each user: three roles and one group.
  FOR u IN 1..2000 LOOP
    EXECUTE format('GRANT %I, %I, %I TO %I',
      format('bench_r%s', lpad(((u * 7) % 300 + 1)::text, 3, '0')),
      format('bench_r%s', lpad(((u * 13 + 1) % 300 + 1)::text, 3, '0')),
      format('bench_grp_%s', lpad((u % 50 + 1)::text, 2, '0')),
      format('bench_u%s', lpad(u::text, 4, '0')));
  END LOOP;
END $$`

// benchSchema builds one schema; {S} is replaced by its number.
const benchSchema = `DO $$
DECLARE
  s int := {S};
  sch text := format('bench_s%s', lpad(s::text, 3, '0'));
  owner text := format('bench_r%s', lpad(((s - 1) % 300 + 1)::text, 3, '0'));
  tn text;
  users text;
  roles text;
BEGIN
  EXECUTE format('CREATE SCHEMA %I AUTHORIZATION %I', sch, owner);
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I, %I', sch,
    format('bench_r%s', lpad((s % 300 + 1)::text, 3, '0')), format('bench_grp_%s', lpad((s % 50 + 1)::text, 2, '0')));
  FOR t IN 1..100 LOOP
    tn := format('t%s', lpad(t::text, 3, '0'));
    EXECUTE format('CREATE TABLE %I.%I (id int, a text, b text)', sch, tn);
    EXECUTE format('ALTER TABLE %I.%I OWNER TO %I', sch, tn, owner);
    SELECT string_agg(quote_ident(format('bench_u%s', lpad((((s * 100 + t) * 20 + k) % 2000 + 1)::text, 4, '0'))), ', ')
      INTO users FROM generate_series(0, 19) k;
    EXECUTE format('GRANT SELECT ON %I.%I TO %s', sch, tn, users);
    SELECT string_agg(x, ', ') INTO roles FROM (
      SELECT quote_ident(format('bench_r%s', lpad(((s * 7 + t * 3 + k * 41) % 300 + 1)::text, 3, '0'))) FROM generate_series(0, 2) k
      UNION ALL
      SELECT quote_ident(format('bench_grp_%s', lpad(((s + t + k * 17) % 50 + 1)::text, 2, '0'))) FROM generate_series(0, 1) k) q(x);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I.%I TO %s', sch, tn, roles);
    IF t % 10 = 0 THEN
      EXECUTE format('GRANT UPDATE (a) ON %I.%I TO %I', sch, tn, format('bench_u%s', lpad(((s * 100 + t) % 2000 + 1)::text, 4, '0')));
    END IF;
  END LOOP;
  FOR f IN 1..10 LOOP
    EXECUTE format('CREATE FUNCTION %I.%I(x integer) RETURNS integer LANGUAGE sql AS ''SELECT x''', sch, format('f%s', f));
    EXECUTE format('ALTER FUNCTION %I.%I(integer) OWNER TO %I', sch, format('f%s', f), owner);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %I.%I(integer) TO %I', sch, format('f%s', f),
      format('bench_r%s', lpad(((s + f) % 300 + 1)::text, 3, '0')));
  END LOOP;
  EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT SELECT ON TABLES TO %I', owner, sch,
    format('bench_grp_%s', lpad((s % 50 + 1)::text, 2, '0')));
END $$`

const benchDatabaseWide = `DO $$
BEGIN
  FOR i IN 1..20 LOOP
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I GRANT EXECUTE ON FUNCTIONS TO %I',
      format('bench_r%s', lpad(i::text, 3, '0')), format('bench_grp_%s', lpad(i::text, 2, '0')));
  END LOOP;
END $$`

// benchCatalog returns a DSN of the synthetic catalog, building it if needed.
func benchCatalog(b *testing.B) string {
	b.Helper()
	if testing.Short() {
		b.Skip("the synthetic catalog takes minutes to build")
	}
	benchOnce.Do(func() { benchDSN, benchErr = buildBenchCatalog(b) })
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDSN
}

func buildBenchCatalog(b *testing.B) (string, error) {
	ctx := context.Background()
	admin := pgtest.AdminDSN(b)
	dsn := pgtest.WithDatabase(admin, benchDB)
	if conn, err := pgx.Connect(ctx, dsn); err == nil {
		var spec string
		err = conn.QueryRow(ctx, "SELECT spec FROM public.rsmate_bench_ready").Scan(&spec)
		conn.Close(ctx)
		if err == nil && spec == benchSpec {
			b.Logf("reusing the synthetic catalog in %s", benchDB)
			return dsn, nil
		}
	}
	start := time.Now()
	pgtest.Exec(b, admin, "DROP DATABASE IF EXISTS "+benchDB+" WITH (FORCE)", "CREATE DATABASE "+benchDB)
	pgtest.Exec(b, dsn, "DROP SCHEMA public CASCADE", "CREATE SCHEMA public", benchRoles, benchDatabaseWide)
	b.Logf("roles and memberships: %v", time.Since(start).Round(time.Second))
	// Two workers, one schema per transaction (a transaction creating 20,000
	// tables would exhaust the lock table).
	work := make(chan int)
	errs := make(chan error, 2)
	for w := 0; w < 2; w++ {
		go func() {
			conn, err := pgx.Connect(ctx, dsn)
			if err != nil {
				errs <- err
				return
			}
			defer conn.Close(ctx)
			for s := range work {
				if _, err := conn.Exec(ctx, strings.ReplaceAll(benchSchema, "{S}", strconv.Itoa(s))); err != nil {
					errs <- fmt.Errorf("schema %d: %w", s, err)
					for range work {
					}
					return
				}
			}
			errs <- nil
		}()
	}
	for s := 1; s <= 200; s++ {
		work <- s
		if s%50 == 0 {
			b.Logf("schemas: %d/200 after %v", s, time.Since(start).Round(time.Second))
		}
	}
	close(work)
	for w := 0; w < 2; w++ {
		if err := <-errs; err != nil {
			return "", err
		}
	}
	pgtest.Exec(b, dsn, "VACUUM ANALYZE",
		"CREATE TABLE public.rsmate_bench_ready (spec text)",
		"INSERT INTO public.rsmate_bench_ready VALUES ('"+benchSpec+"')")
	b.Logf("synthetic catalog built in %v", time.Since(start).Round(time.Second))
	return dsn, nil
}

// cpuTime is the process's user+system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakRSS returns the process's peak resident set (VmHWM) in bytes.
func peakRSS() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			kb, _ := strconv.Atoi(strings.Fields(line)[1])
			return float64(kb) * 1024
		}
	}
	return 0
}

// BenchmarkLoadCatalog times LoadCatalog on the synthetic catalog through a
// pool configured like the app's sessions.
//
//	go test -run '^$' -bench LoadCatalog -benchtime 5x -benchmem -timeout 60m ./backend/engine/postgres
var (
	firstOnce                     sync.Once
	firstLoad                     time.Duration
	firstRSSBefore, firstRSSAfter float64
)

func BenchmarkLoadCatalog(b *testing.B) {
	dsn := benchCatalog(b)
	pool, counter := pgtest.CountingPool(b, productDSN(dsn))
	ctx := context.Background()

	// The process's first load, on a fresh pool as when a session opens: its
	// time and the peak RSS (VmHWM) before and after it. The testing package
	// calls this function more than once; only the first call measures.
	firstOnce.Do(func() {
		runtime.GC()
		firstRSSBefore = peakRSS()
		start := time.Now()
		if _, err := New().LoadCatalog(ctx, pool, nil); err != nil {
			b.Fatal(err)
		}
		firstLoad = time.Since(start)
		firstRSSAfter = peakRSS()
	})

	// Peak live heap during one load, sampled every 2 ms from runtime/metrics.
	runtime.GC()
	peak := heapPeak(func() {
		if _, err := New().LoadCatalog(ctx, pool, nil); err != nil {
			b.Fatal(err)
		}
	})
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	counter.Reset()
	cpu := cpuTime()
	b.ResetTimer()
	var snap *model.Snapshot
	for i := 0; i < b.N; i++ {
		snap = nil
		var err error
		if snap, err = New().LoadCatalog(ctx, pool, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(b.N), "client-cpu-ms")
	runtime.GC()
	runtime.ReadMemStats(&after)
	reportSnapshot(b, snap, counter.Count()/b.N)
	b.ReportMetric(float64(firstLoad.Milliseconds()), "first-load-ms")
	b.ReportMetric(firstRSSBefore, "RSS-before-B")
	b.ReportMetric(firstRSSAfter, "RSS-peak-first-load-B")
	b.ReportMetric(peak, "heap-peak-B")
	b.ReportMetric(float64(after.HeapAlloc)-float64(before.HeapAlloc), "snapshot-heap-B")
	runtime.KeepAlive(snap)
}

// heapPeak runs f and returns the largest heap (live and not yet collected
// objects) seen while it ran.
func heapPeak(f func()) float64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak uint64
	read := func() {
		metrics.Read(sample)
		if v := sample[0].Value.Uint64(); v > peak {
			peak = v
		}
	}
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				read()
			}
		}
	}()
	f()
	read()
	close(stop)
	<-done
	return float64(peak)
}

func reportSnapshot(b *testing.B, snap *model.Snapshot, queries int) {
	b.ReportMetric(float64(queries), "queries/op")
	b.ReportMetric(float64(len(snap.Grants)), "grants")
	b.ReportMetric(float64(len(snap.Users)+len(snap.Roles)), "principals")
	b.ReportMetric(float64(len(snap.Relations)), "relations")
}

// BenchmarkLoadVsPsql alternates a load through the reader with the same
// statements run by psql, and reports both and their ratio. psql's side is the
// sum of its \timing lines (send to last row received, output to /dev/null),
// so process start and login are not counted against it.
//
//	go test -run '^$' -bench LoadVsPsql -benchtime 5x -timeout 60m ./backend/engine/postgres
func BenchmarkLoadVsPsql(b *testing.B) {
	dsn := benchCatalog(b)
	psql, err := exec.LookPath("psql")
	if err != nil {
		b.Skip("psql not installed")
	}
	script := filepath.Join(b.TempDir(), "catalog.sql")
	var sb strings.Builder
	sb.WriteString("\\timing on\nBEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;\n")
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
	password, _ := u.User.Password()
	u.User = url.User(u.User.Username())
	runPsql := func() (summed, wall time.Duration) {
		cmd := exec.Command(psql, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-o", os.DevNull, "-f", script, u.String())
		cmd.Env = append(os.Environ(), "PGPASSWORD="+password)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		start := time.Now()
		out, err := cmd.Output()
		wall = time.Since(start)
		if err != nil {
			b.Fatalf("psql: %v: %s", err, stderr.String())
		}
		sc := bufio.NewScanner(bytes.NewReader(out))
		lines := 0
		for sc.Scan() {
			f := strings.Fields(sc.Text())
			if len(f) >= 3 && f[0] == "Time:" && f[2] == "ms" {
				ms, _ := strconv.ParseFloat(f[1], 64)
				summed += time.Duration(ms * float64(time.Millisecond))
				lines++
			}
		}
		if lines != len(CatalogSteps)+2 {
			b.Fatalf("psql printed %d timings, want %d:\n%s", lines, len(CatalogSteps)+2, out)
		}
		return summed, wall
	}

	pool, counter := pgtest.CountingPool(b, productDSN(dsn))
	ctx := context.Background()
	if _, err := New().LoadCatalog(ctx, pool, nil); err != nil {
		b.Fatal(err)
	}
	runPsql()
	counter.Reset()
	// The machine is shared, so each reader load is paired with the psql run
	// right after it, and the median of the pairs' ratios is reported too.
	var reader, raw, wall []time.Duration
	var snap *model.Snapshot
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		snap = nil
		runtime.GC()
		start := time.Now()
		var err error
		if snap, err = New().LoadCatalog(ctx, pool, nil); err != nil {
			b.Fatal(err)
		}
		reader = append(reader, time.Since(start))
		s, w := runPsql()
		raw = append(raw, s)
		wall = append(wall, w)
	}
	b.StopTimer()
	reportSnapshot(b, snap, counter.Count()/b.N)
	ratios := make([]float64, b.N)
	var sumReader, sumRaw, sumWall time.Duration
	for i := range reader {
		ratios[i] = float64(reader[i]) / float64(raw[i])
		sumReader, sumRaw, sumWall = sumReader+reader[i], sumRaw+raw[i], sumWall+wall[i]
	}
	sort.Float64s(ratios)
	n := float64(b.N)
	b.ReportMetric(float64(sumReader.Milliseconds())/n, "reader-ms")
	b.ReportMetric(float64(sumRaw.Milliseconds())/n, "psql-ms")
	b.ReportMetric(float64(sumWall.Milliseconds())/n, "psql-wall-ms")
	b.ReportMetric(float64(slices.Min(reader).Milliseconds()), "reader-min-ms")
	b.ReportMetric(float64(slices.Min(raw).Milliseconds()), "psql-min-ms")
	b.ReportMetric(float64(sumReader)/float64(sumRaw), "ratio-mean")
	b.ReportMetric(ratios[len(ratios)/2], "ratio-median")
	b.ReportMetric(float64(slices.Min(reader))/float64(slices.Min(raw)), "ratio-min")
}
