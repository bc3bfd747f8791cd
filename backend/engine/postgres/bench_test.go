package postgres

import (
	"context"
	"fmt"
	"os"
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
	"github.com/redshiftmate/rsmate/backend/synthetic"
)

// benchDB holds the synthetic catalog (backend/synthetic); with RSMATE_TEST_DSN
// pointing at a kept server it is built once and reused by later runs.
const benchDB = "rsmate_bench"

var (
	benchOnce sync.Once
	benchDSN  string
	benchErr  error
)

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
	if synthetic.Ready(ctx, dsn) {
		b.Logf("reusing the synthetic catalog in %s", benchDB)
		return dsn, nil
	}
	pgtest.Exec(b, admin, "DROP DATABASE IF EXISTS "+benchDB+" WITH (FORCE)", "CREATE DATABASE "+benchDB)
	return dsn, synthetic.Build(ctx, dsn, b.Logf)
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
	reportSnapshot(b, snap)
	b.ReportMetric(float64(counter.StatementCount())/float64(b.N), "statements/op")
	b.ReportMetric(float64(counter.RoundTrips())/float64(b.N), "round-trips/op")
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

func reportSnapshot(b *testing.B, snap *model.Snapshot) {
	b.ReportMetric(float64(snap.Grants.Len()), "grants")
	b.ReportMetric(float64(len(snap.Users)+len(snap.Roles)), "principals")
	b.ReportMetric(float64(len(snap.Relations)), "relations")
}

// BenchmarkLoadVsPsql compares the reader with psql doing the same work:
// connect, run CatalogSteps in one read-only repeatable-read transaction,
// receive every row, disconnect. Both sides are timed the same way — wall
// time, measured in this process, around that whole unit:
//
//   - reader: a fresh pgx connection configured like the app's sessions,
//     LoadCatalog (rows decoded into a model.Snapshot), Close;
//   - psql: the whole psql process (start, connect, the same statements,
//     unaligned output to /dev/null, exit).
//
// Before each side runtime.GC() runs outside the timing, so each starts from a
// clean heap; garbage collection during a side's work counts for that side
// (psql has none, its allocator's work counts for it). b.N is the number of
// pairs, and pairs alternate which side runs first (reader then psql, psql
// then reader, …) so a drifting machine load does not favour one side. For
// scale, each pair also times psql connecting and running "SELECT 1" alone.
//
//	go test -run '^$' -bench LoadVsPsql -benchtime 15x -timeout 60m ./backend/engine/postgres
//
// With RSMATE_BENCH_REPORT set (and at least 10 pairs) a markdown table of the
// pairs with the median and spread of the ratio reader/psql is written there.
func BenchmarkLoadVsPsql(b *testing.B) {
	dsn := benchCatalog(b)
	runPsql, script := psqlRunner(b, dsn)
	cfg, err := pgx.ParseConfig(productDSN(dsn))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	var snap *model.Snapshot
	runReader := func() time.Duration {
		snap = nil
		runtime.GC()
		start := time.Now()
		conn, err := pgx.ConnectConfig(ctx, cfg)
		if err != nil {
			b.Fatal(err)
		}
		if snap, err = New().LoadCatalog(ctx, conn, nil); err != nil {
			b.Fatal(err)
		}
		if err := conn.Close(ctx); err != nil {
			b.Fatal(err)
		}
		return time.Since(start)
	}

	type pair struct {
		readerFirst          bool
		reader, psql, psqlUp time.Duration
	}
	pairs := make([]pair, b.N)
	b.ResetTimer()
	for i := range pairs {
		p := &pairs[i]
		p.readerFirst = i%2 == 0
		if p.readerFirst {
			p.reader = runReader()
			p.psql = runPsql("-f", script)
		} else {
			p.psql = runPsql("-f", script)
			p.reader = runReader()
		}
		p.psqlUp = runPsql("-c", "SELECT 1")
	}
	b.StopTimer()

	ratios := make([]float64, len(pairs))
	var readers, psqls, ups []float64
	for i, p := range pairs {
		ratios[i] = float64(p.reader) / float64(p.psql)
		readers = append(readers, ms(p.reader))
		psqls = append(psqls, ms(p.psql))
		ups = append(ups, ms(p.psqlUp))
	}
	r := summarize(ratios)
	b.ReportMetric(float64(len(pairs)), "pairs")
	b.ReportMetric(median(readers), "reader-median-ms")
	b.ReportMetric(median(psqls), "psql-median-ms")
	b.ReportMetric(r.median, "ratio-median")
	b.ReportMetric(r.min, "ratio-min")
	b.ReportMetric(r.max, "ratio-max")
	b.ReportMetric(float64(snap.Grants.Len()), "grants")
	b.ReportMetric(float64(len(snap.Users)+len(snap.Roles)), "principals")

	out := os.Getenv("RSMATE_BENCH_REPORT")
	if out == "" || len(pairs) < 10 {
		return
	}
	var w strings.Builder
	fmt.Fprintf(&w, "Catalog: %d principals, %d schemas, %d relations, %d routines, %d grants, %d default privileges; %d statements per load.\n\n",
		len(snap.Users)+len(snap.Roles), len(snap.Schemas), len(snap.Relations), len(snap.Routines), snap.Grants.Len(), len(snap.DefaultPrivileges), snap.Queries)
	w.WriteString("| pair | first | reader ms | psql ms | ratio reader/psql | psql `SELECT 1` ms |\n|---:|---|---:|---:|---:|---:|\n")
	for i, p := range pairs {
		first := "psql"
		if p.readerFirst {
			first = "reader"
		}
		fmt.Fprintf(&w, "| %d | %s | %.0f | %.0f | %.3f | %.1f |\n", i+1, first, ms(p.reader), ms(p.psql), ratios[i], ms(p.psqlUp))
	}
	rr, rp := summarize(readers), summarize(psqls)
	fmt.Fprintf(&w, "\n| | median | min | max | IQR (p25–p75) |\n|---|---:|---:|---:|---|\n")
	fmt.Fprintf(&w, "| ratio reader/psql | **%.3f** | %.3f | %.3f | %.3f–%.3f |\n", r.median, r.min, r.max, r.p25, r.p75)
	fmt.Fprintf(&w, "| reader ms | %.0f | %.0f | %.0f | %.0f–%.0f |\n", rr.median, rr.min, rr.max, rr.p25, rr.p75)
	fmt.Fprintf(&w, "| psql ms | %.0f | %.0f | %.0f | %.0f–%.0f |\n", rp.median, rp.min, rp.max, rp.p25, rp.p75)
	fmt.Fprintf(&w, "| psql `SELECT 1` ms | %.1f | | | |\n", median(ups))
	if err := os.WriteFile(out, []byte(w.String()), 0o644); err != nil {
		b.Fatal(err)
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

type spread struct{ median, min, max, p25, p75 float64 }

// summarize returns the median, extremes and quartiles (nearest rank on the
// sorted values, the median averaging the middle two).
func summarize(v []float64) spread {
	s := slices.Clone(v)
	sort.Float64s(s)
	q := func(f float64) float64 { return s[int(f*float64(len(s)-1)+0.5)] }
	return spread{median: median(s), min: s[0], max: s[len(s)-1], p25: q(0.25), p75: q(0.75)}
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
