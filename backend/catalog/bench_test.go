package catalog

import (
	"encoding/json"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/synthetic"
)

// The screens' benchmarks run on synthetic.Snapshot(100_000): 100,000 users,
// 300 roles, 50 groups, ~850,000 grants, built in memory once per process.
//
//	go test -run '^$' -bench . -benchmem ./backend/catalog
const benchUsers = 100_000

var (
	benchOnce  sync.Once
	benchIndex *Index
)

func benchX(b *testing.B) *Index {
	b.Helper()
	benchOnce.Do(func() { benchIndex = NewIndex(synthetic.Snapshot(benchUsers)) })
	return benchIndex
}

// reportJSON reports the size of v's JSON per row and the time to encode it
// (Wails encodes every bound method's result).
func reportJSON(b *testing.B, v any, rows int) {
	start := time.Now()
	data, err := json.Marshal(v)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(time.Since(start).Microseconds())/1000, "json-ms")
	b.ReportMetric(float64(len(data)), "json-B")
	if rows > 0 {
		b.ReportMetric(float64(len(data))/float64(rows), "json-B/row")
	}
	if out := os.Getenv("RSMATE_BENCH_JSON_SAMPLE"); out != "" {
		_ = os.WriteFile(out, data[:min(len(data), 4096)], 0o644)
	}
}

// BenchmarkIndexBuild100k times NewIndex on the 100,000-user snapshot (once
// per loaded snapshot in the app).
func BenchmarkIndexBuild100k(b *testing.B) {
	snap := benchX(b).Snapshot()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		NewIndex(snap)
	}
}

// BenchmarkUsersList100k times the Users list call's work.
func BenchmarkUsersList100k(b *testing.B) {
	x := benchX(b)
	b.ResetTimer()
	var rows []UserRow
	for i := 0; i < b.N; i++ {
		rows = x.UserRows()
	}
	b.StopTimer()
	reportJSON(b, rows, len(rows))
}

// BenchmarkRolesList100k times the Roles list call's work.
func BenchmarkRolesList100k(b *testing.B) {
	x := benchX(b)
	b.ResetTimer()
	var rows []RoleRow
	for i := 0; i < b.N; i++ {
		rows = x.RoleRows()
	}
	b.StopTimer()
	reportJSON(b, rows, len(rows))
}

// BenchmarkGroupsList100k times the Groups list call's work.
func BenchmarkGroupsList100k(b *testing.B) {
	x := benchX(b)
	b.ResetTimer()
	var rows []GroupRow
	for i := 0; i < b.N; i++ {
		rows = x.GroupRows()
	}
	b.StopTimer()
	reportJSON(b, rows, len(rows))
}

func benchDetail(b *testing.B, ref model.PrincipalRef) {
	x := benchX(b)
	b.ResetTimer()
	var d PrincipalDetail
	for i := 0; i < b.N; i++ {
		var err error
		if d, err = x.Detail(ref); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	reportJSON(b, d, 0)
}

// BenchmarkDetailUser100k times a user's detail page.
func BenchmarkDetailUser100k(b *testing.B) { benchDetail(b, model.UserRef("bench_u050000")) }

// BenchmarkDetailRole100k times a role's detail page (a role owning a schema).
func BenchmarkDetailRole100k(b *testing.B) { benchDetail(b, model.RoleRef("bench_r001")) }

func benchEffective(b *testing.B, ref model.PrincipalRef, schema string) {
	x := benchX(b)
	b.ResetTimer()
	var e any
	for i := 0; i < b.N; i++ {
		e = x.Effective(ref, schema)
	}
	b.StopTimer()
	reportJSON(b, e, 0)
}

// BenchmarkEffectiveSchemaUser100k times a user's effective access in one schema.
func BenchmarkEffectiveSchemaUser100k(b *testing.B) {
	benchEffective(b, model.UserRef("bench_u050000"), "bench_s100")
}

// BenchmarkEffectiveSchemaRole100k times a role's effective access in one schema.
func BenchmarkEffectiveSchemaRole100k(b *testing.B) {
	benchEffective(b, model.RoleRef("bench_r006"), "bench_s100")
}
