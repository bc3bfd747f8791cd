package catalog

import (
	"encoding/json"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/redshiftmate/rsmate/backend/access"
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

// ScreenResult is one line of the backend benchmark table
// (scripts/bench-backend.sh): the call's time per op, and its answer's JSON.
type ScreenResult struct {
	Name      string  `json:"name"`
	Ms        float64 `json:"ms"`     // the call's work, per op (JSON encoding apart)
	JSONMs    float64 `json:"jsonMs"` // encoding the answer once, as Wails does
	JSONBytes int     `json:"jsonBytes"`
	PerRow    float64 `json:"jsonBytesPerRow,omitempty"`
}

// reportJSON reports the size of v's JSON (per row for lists) and the time
// to encode it (Wails encodes every bound method's result); with
// RSMATE_BENCH_JSON set it appends a ScreenResult line there.
func reportJSON(b *testing.B, v any, rows int) {
	res := ScreenResult{Name: b.Name(), Ms: float64(b.Elapsed().Nanoseconds()) / float64(b.N) / 1e6}
	start := time.Now()
	data, err := json.Marshal(v)
	if err != nil {
		b.Fatal(err)
	}
	res.JSONMs = float64(time.Since(start).Microseconds()) / 1000
	res.JSONBytes = len(data)
	b.ReportMetric(res.JSONMs, "json-ms")
	b.ReportMetric(float64(len(data)), "json-B")
	if rows > 0 {
		res.PerRow = float64(len(data)) / float64(rows)
		b.ReportMetric(res.PerRow, "json-B/row")
	}
	out := os.Getenv("RSMATE_BENCH_JSON")
	if out == "" || b.N < 2 { // the ramp-up's single run is not a measurement
		return
	}
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

// BenchmarkIndexBuild100k times NewIndex on the 100,000-user snapshot (once
// per loaded snapshot in the app).
func BenchmarkIndexBuild100k(b *testing.B) {
	snap := benchX(b).Snapshot()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		NewIndex(snap)
	}
	b.StopTimer()
	reportJSON(b, nil, 0)
}

// BenchmarkUsersList100k times the Users list call's work.
func BenchmarkUsersList100k(b *testing.B) { benchList(b, (*Index).UserRows) }

// BenchmarkRolesList100k times the Roles list call's work.
func BenchmarkRolesList100k(b *testing.B) { benchList(b, (*Index).RoleRows) }

// BenchmarkGroupsList100k times the Groups list call's work.
func BenchmarkGroupsList100k(b *testing.B) { benchList(b, (*Index).GroupRows) }

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

// benchList times one list call's work on the 100,000-user index and
// reports the JSON it returns.
func benchList[R any](b *testing.B, list func(*Index) []R) {
	x := benchX(b)
	b.ResetTimer()
	var rows []R
	for i := 0; i < b.N; i++ {
		rows = list(x)
	}
	b.StopTimer()
	reportJSON(b, rows, len(rows))
}

// BenchmarkWhoCanAccessTable100k times who can access one table with
// grantees through many roles (the UI benchmark's busiest table) on the
// 100,000-user index, as the bound method computes it.
func BenchmarkWhoCanAccessTable100k(b *testing.B) {
	x := benchX(b)
	obj := model.ObjectRef{Kind: model.ObjTable, Schema: "bench_s001", Name: "t001"}
	b.ResetTimer()
	var hs []access.Holder
	for i := 0; i < b.N; i++ {
		hs = access.WhoCanAccess(x.Snapshot(), x, obj)
	}
	b.StopTimer()
	b.ReportMetric(float64(len(hs)), "holders")
	reportJSON(b, access.HoldersToWire(hs), 0)
}
