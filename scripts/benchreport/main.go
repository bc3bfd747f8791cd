// Command benchreport turns the backend benchmarks' JSON lines into the
// markdown table of docs/bench/backend.md and checks them against the
// committed figures (docs/bench/backend.json):
//
//	benchreport -load LOAD.jsonl -screens SCREENS.jsonl -baseline docs/bench/backend.json -out docs/bench/backend.md [-update] [-header FILE]
//
// It prints the table. Every figure is lower-is-better; one more than 10 %
// above its committed value is a regression and makes the command exit 1.
// -update writes the figures of this run as the new committed ones.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
)

// loadResult mirrors postgres.ScaleResult (a test type, so copied).
type loadResult struct {
	Scale      int     `json:"scale"`
	Grants     int     `json:"grants"`
	Statements int     `json:"statements"`
	BytesGrant float64 `json:"bytesPerGrant"`
	Indexed    float64 `json:"indexedBytesPerGrant"`
	PeakRSSMB  float64 `json:"peakRssMB"`
	Pairs      int     `json:"pairs"`
	ReaderMs   float64 `json:"readerMs"`
	RawMs      float64 `json:"rawMs"`
	PsqlMs     float64 `json:"psqlMs"`
	VsRaw      float64 `json:"readerOverRaw"`
	VsPsql     float64 `json:"readerOverPsql"`
}

// screenResult mirrors catalog.ScreenResult.
type screenResult struct {
	Name      string  `json:"name"`
	Ms        float64 `json:"ms"`
	JSONMs    float64 `json:"jsonMs"`
	JSONBytes int     `json:"jsonBytes"`
	PerRow    float64 `json:"jsonBytesPerRow"`
}

// figure is one checked number.
type figure struct {
	Key    string  // stable name in the baseline
	Label  string  // what the table says
	Value  float64 // this run
	Target float64 // the bound, 0 when none
	// Slack is an absolute change below which no regression is called: a
	// call of microseconds varies by more than 10 % from run to run.
	Slack float64
}

func main() {
	loadPath := flag.String("load", "", "JSON lines of BenchmarkLoadScale")
	screensPath := flag.String("screens", "", "JSON lines of the catalog screen benchmarks")
	basePath := flag.String("baseline", "docs/bench/backend.json", "committed figures")
	outPath := flag.String("out", "docs/bench/backend.md", "markdown report")
	header := flag.String("header", "", "markdown to put above the tables (command, machine, load)")
	update := flag.Bool("update", false, "write this run's figures as the committed ones")
	flag.Parse()

	var loads []loadResult
	var screens []screenResult
	must(readLines(*loadPath, &loads))
	must(readLines(*screensPath, &screens))
	sort.Slice(loads, func(i, j int) bool { return loads[i].Scale < loads[j].Scale })

	var b strings.Builder
	if *header != "" {
		h, err := os.ReadFile(*header)
		must(err)
		b.Write(h)
		b.WriteString("\n")
	}
	var figs []figure

	b.WriteString("## Catalog load (PostgreSQL synthetic catalog grown 1×, 2×, 4×, 8×)\n\n")
	b.WriteString("Each scale runs in its own process (`BenchmarkLoadScale`, RSMATE_BENCH_SCALE=k). bytes/grant: live heap\n")
	b.WriteString("after GC holding the snapshot, minus before the load, over its grants; indexed: the same once the grant\n")
	b.WriteString("table's index (by grantee and by object, built once per snapshot) exists. Peak RSS: the process's VmHWM\n")
	b.WriteString("right after its first load (test binary included). Then rounds of three sides doing the same work —\n")
	b.WriteString("connect, the catalog statements in one read-only repeatable-read transaction, every row received,\n")
	b.WriteString("disconnect: **reader** = pgx + LoadCatalog (rows decoded into the snapshot); **raw pgx** = the same\n")
	b.WriteString("connection and statements, `rows.Next` + `RawValues` only; **psql** = the whole psql process, output to\n")
	b.WriteString("/dev/null. The order of the three rotates each round; `runtime.GC()` runs before each side, outside its\n")
	b.WriteString("time. Times are medians over the rounds; ratios are medians of the per-round ratios.\n\n")
	b.WriteString("| scale | grants | statements | bytes/grant | indexed | peak RSS MB | rounds | reader ms | raw pgx ms | psql ms | reader/raw | reader/psql |\n")
	b.WriteString("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, l := range loads {
		fmt.Fprintf(&b, "| %d× | %d | %d | %.1f | %.1f | %.0f | %d | %.0f | %.0f | %.0f | %.3f | %.3f |\n",
			l.Scale, l.Grants, l.Statements, l.BytesGrant, l.Indexed, l.PeakRSSMB, l.Pairs, l.ReaderMs, l.RawMs, l.PsqlMs, l.VsRaw, l.VsPsql)
		k := fmt.Sprintf("load.x%d.", l.Scale)
		x := fmt.Sprintf("%d× ", l.Scale)
		rss := 0.0
		if l.Scale == 8 {
			rss = 600
		}
		figs = append(figs,
			figure{k + "bytesPerGrant", x + "bytes/grant", l.BytesGrant, 40, 0},
			figure{k + "indexedBytesPerGrant", x + "bytes/grant with index", l.Indexed, 40, 0},
			figure{k + "peakRssMB", x + "peak RSS MB", l.PeakRSSMB, rss, 0},
			figure{k + "statements", x + "statements", float64(l.Statements), 0, 0},
			figure{k + "readerOverRaw", x + "reader/raw pgx", l.VsRaw, 1.15, 0},
			figure{k + "readerOverPsql", x + "reader/psql", l.VsPsql, 1.0, 0})
	}

	b.WriteString("\n## Screens at 100,000 users (`synthetic.Snapshot(100000)`, in memory)\n\n")
	b.WriteString("call ms: the bound method's work per call (`go test -bench`, median over the runs); JSON ms: encoding\n")
	b.WriteString("its answer once with encoding/json, as Wails does after the call; index build: once per loaded snapshot.\n\n")
	b.WriteString("| benchmark | call ms | JSON ms | JSON bytes | JSON bytes/row |\n|---|---:|---:|---:|---:|\n")
	byName := map[string][]screenResult{}
	var names []string
	for _, s := range screens {
		if _, ok := byName[s.Name]; !ok {
			names = append(names, s.Name)
		}
		byName[s.Name] = append(byName[s.Name], s)
	}
	for _, n := range names {
		rs := byName[n]
		ms, js := median(rs, func(r screenResult) float64 { return r.Ms }), median(rs, func(r screenResult) float64 { return r.JSONMs })
		last := rs[len(rs)-1]
		row := "–"
		if last.PerRow > 0 {
			row = fmt.Sprintf("%.1f", last.PerRow)
		}
		fmt.Fprintf(&b, "| %s | %.4g | %.3g | %d | %s |\n", strings.TrimPrefix(n, "Benchmark"), ms, js, last.JSONBytes, row)
		short := strings.TrimPrefix(n, "Benchmark")
		target := 5.0
		if strings.HasPrefix(short, "IndexBuild") {
			target = 0
		}
		figs = append(figs, figure{"screen." + short + ".ms", short + " call ms", ms, target, 0.1})
		if last.PerRow > 0 {
			figs = append(figs, figure{"screen." + short + ".jsonBytesPerRow", short + " JSON bytes/row", last.PerRow, 100, 0})
		}
	}

	base := map[string]float64{}
	if data, err := os.ReadFile(*basePath); err == nil {
		must(json.Unmarshal(data, &base))
	}
	b.WriteString("\n## Against the committed figures and the targets\n\n")
	b.WriteString("A figure more than 10 % above its committed value fails `make bench`. Targets are the issue's bounds.\n\n")
	b.WriteString("| figure | this run | committed | change | target | meets target |\n|---|---:|---:|---:|---:|---|\n")
	var regressions []string
	for _, f := range figs {
		committed, ok := base[f.Key]
		change, com := "–", "–"
		if ok {
			com = fmt.Sprintf("%.4g", committed)
			if committed > 0 {
				change = fmt.Sprintf("%+.1f %%", 100*(f.Value-committed)/committed)
			}
			if f.Value > committed*1.10 && f.Value-committed > f.Slack {
				regressions = append(regressions, fmt.Sprintf("%s: %.4g, committed %.4g", f.Label, f.Value, committed))
				change += " **regression**"
			}
		}
		target, meets := "–", "–"
		if f.Target > 0 {
			target = fmt.Sprintf("≤ %g", f.Target)
			meets = "yes"
			if f.Value > f.Target {
				meets = "**no**"
			}
		}
		fmt.Fprintf(&b, "| %s | %.4g | %s | %s | %s | %s |\n", f.Label, f.Value, com, change, target, meets)
	}
	must(os.WriteFile(*outPath, []byte(b.String()), 0o644))
	fmt.Print(b.String())
	fmt.Printf("\nwrote %s\n", *outPath)
	if *update {
		out := map[string]float64{}
		for _, f := range figs {
			out[f.Key] = math.Round(f.Value*10000) / 10000
		}
		data, _ := json.MarshalIndent(out, "", "  ")
		must(os.WriteFile(*basePath, append(data, '\n'), 0o644))
		fmt.Printf("wrote %s (committed figures)\n", *basePath)
		return
	}
	if len(regressions) > 0 {
		fmt.Fprintf(os.Stderr, "\n%d figure(s) regressed more than 10 %% against %s:\n  %s\n", len(regressions), *basePath, strings.Join(regressions, "\n  "))
		os.Exit(1)
	}
}

func median(rs []screenResult, f func(screenResult) float64) float64 {
	v := make([]float64, len(rs))
	for i, r := range rs {
		v[i] = f(r)
	}
	sort.Float64s(v)
	n := len(v)
	if n%2 == 1 {
		return v[n/2]
	}
	return (v[n/2-1] + v[n/2]) / 2
}

func readLines[T any](path string, out *[]T) error {
	if path == "" {
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if line == "" {
			continue
		}
		var v T
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		*out = append(*out, v)
	}
	return nil
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchreport:", err)
		os.Exit(2)
	}
}
