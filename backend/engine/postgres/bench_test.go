package postgres

import (
	"bufio"
	"bytes"
	"context"
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
	reportSnapshot(b, snap, counter.StatementCount()/b.N)
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
	reportSnapshot(b, snap, counter.StatementCount()/b.N)
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
