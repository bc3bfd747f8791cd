package access_test

import (
	"context"
	"encoding/json"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/redshiftmate/rsmate/backend/access"
	"github.com/redshiftmate/rsmate/backend/catalog"
	"github.com/redshiftmate/rsmate/backend/engine/postgres"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/pgtest"
	"github.com/redshiftmate/rsmate/backend/rolegraph"
	"github.com/redshiftmate/rsmate/backend/synthetic"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// benchDB holds the synthetic catalog; with RSMATE_TEST_DSN pointing at a
// kept server it is built once and reused (engine/postgres uses the same name).
const benchDB = "rsmate_bench"

var (
	benchOnce  sync.Once
	benchIndex *catalog.Index
	benchErr   error
)

// syntheticIndex loads the benchmark's synthetic catalog (2,000 users, 300
// roles, 848k grants) the way the app does and indexes it.
func syntheticIndex(b *testing.B) *catalog.Index {
	b.Helper()
	if testing.Short() {
		b.Skip("the synthetic catalog takes minutes to build")
	}
	benchOnce.Do(func() {
		ctx := context.Background()
		admin := pgtest.AdminDSN(b)
		dsn := pgtest.WithDatabase(admin, benchDB)
		if !synthetic.Ready(ctx, dsn) {
			pgtest.Exec(b, admin, "DROP DATABASE IF EXISTS "+benchDB+" WITH (FORCE)", "CREATE DATABASE "+benchDB)
			if benchErr = synthetic.Build(ctx, dsn, b.Logf); benchErr != nil {
				return
			}
		}
		conn, _ := pgtest.CountingConn(b, dsn)
		snap, err := postgres.New().LoadCatalog(ctx, conn, nil)
		if err != nil {
			benchErr = err
			return
		}
		benchIndex = catalog.NewIndex(snap)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchIndex
}

// cpuTime is the process's user+system CPU time. On a shared machine wall
// time includes waiting for a core; CPU time per operation does not.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, since time.Duration) {
	b.ReportMetric(float64((cpuTime()-since).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// busiestObject is the object with the most explicit grantees: the worst case
// of who-can-access among objects of its kind.
func busiestObject(x *catalog.Index, kind model.ObjectKind) model.ObjectRef {
	counts := map[model.ObjectRef]int{}
	var best model.ObjectRef
	for _, g := range x.Snapshot().Grants.All() {
		if g.Object.Kind != kind {
			continue
		}
		counts[g.Object]++
		if counts[g.Object] > counts[best] {
			best = g.Object
		}
	}
	return best
}

// BenchmarkWhoCanAccess times the inverse query on the synthetic catalog, on
// the table, schema and database with the most grantees.
//
//	RSMATE_TEST_DSN=… go test -run '^$' -bench 'WhoCanAccess|WholeDatabase' -benchtime 20x ./backend/access
func BenchmarkWhoCanAccess(b *testing.B) {
	x := syntheticIndex(b)
	s := x.Snapshot()
	for _, kind := range []model.ObjectKind{model.ObjTable, model.ObjSchema, model.ObjDatabase} {
		obj := busiestObject(x, kind)
		b.Run(string(kind), func(b *testing.B) {
			holders := 0
			cpu := cpuTime()
			for b.Loop() {
				holders = len(access.WhoCanAccess(s, x, obj))
			}
			b.ReportMetric(float64(holders), "holders")
			reportCPU(b, cpu)
		})
	}
}

// BenchmarkWholeDatabaseEffective times one principal's effective access
// over every schema (the whole-database table), for the user with the most
// effective privileges among the first 100 users.
func BenchmarkWholeDatabaseEffective(b *testing.B) {
	x := syntheticIndex(b)
	s := x.Snapshot()
	who := mostPrivilegedUser(x)
	b.ResetTimer()
	cells := 0
	cpu := cpuTime()
	for b.Loop() {
		cells = len(access.Compute(s, x, who).Cells)
	}
	b.ReportMetric(float64(cells), "cells")
	reportCPU(b, cpu)
}

// BenchmarkSummariesEveryPrincipal times the access review's numbers for
// every user, role and group of the synthetic catalog.
func BenchmarkSummariesEveryPrincipal(b *testing.B) {
	x := syntheticIndex(b)
	s := x.Snapshot()
	var who []model.PrincipalRef
	for _, u := range s.Users {
		who = append(who, model.UserRef(u.Name))
	}
	for _, r := range s.Roles {
		who = append(who, model.RoleRef(r.Name))
	}
	cpu := cpuTime()
	for b.Loop() {
		access.Summaries(s, x, who)
	}
	b.ReportMetric(float64(len(who)), "principals")
	reportCPU(b, cpu)
}

// BenchmarkRoleGraphSyntheticCatalog times the role graph's answers on the
// loaded synthetic catalog: every role and group (users as counts), and the
// picture around the user with the most effective privileges of the first
// 100 (as BenchmarkWholeDatabaseEffective) and around the group with the most
// members, as the app answers them (FocusIn through the catalog index).
func BenchmarkRoleGraphSyntheticCatalog(b *testing.B) {
	x := syntheticIndex(b)
	s := x.Snapshot()
	user := mostPrivilegedUser(x)
	members := map[model.PrincipalRef]int{}
	var group model.PrincipalRef
	for _, m := range s.Memberships {
		members[m.Of]++
		if members[m.Of] > members[group] {
			group = m.Of
		}
	}
	for _, c := range []struct {
		name  string
		graph func() rolegraph.Graph
	}{
		{"whole", func() rolegraph.Graph { return rolegraph.WholeIn(s, x) }},
		{"around the user", func() rolegraph.Graph { return rolegraph.FocusIn(s, x, user) }},
		{"around the role with most members", func() rolegraph.Graph { return rolegraph.FocusIn(s, x, group) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			nodes := 0
			cpu := cpuTime()
			for b.Loop() {
				nodes = len(c.graph().Nodes)
			}
			b.ReportMetric(float64(nodes), "nodes")
			reportCPU(b, cpu)
		})
	}
}

// BenchmarkInsightAnswerJSON encodes the insight screens' biggest answers as
// the bound methods send them, in wire form, beside the full form they
// replaced: the whole-database access of the user of
// BenchmarkWholeDatabaseEffective, and who can access the busiest table.
// It reports the JSON bytes of each.
func BenchmarkInsightAnswerJSON(b *testing.B) {
	x := syntheticIndex(b)
	s := x.Snapshot()
	who := mostPrivilegedUser(x)
	eff := access.Compute(s, x, who)
	holders := access.WhoCanAccess(s, x, busiestObject(x, model.ObjTable))
	for _, c := range []struct {
		name   string
		answer func() any
	}{
		{"whole database/full", func() any { return eff }},
		{"whole database/wire", func() any { return eff.ToWire() }},
		{"who can access/full", func() any { return holders }},
		{"who can access/wire", func() any { return access.HoldersToWire(holders) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			n := 0
			cpu := cpuTime()
			for b.Loop() {
				out, err := json.Marshal(c.answer())
				if err != nil {
					b.Fatal(err)
				}
				n = len(out)
			}
			b.ReportMetric(float64(n), "json-bytes")
			reportCPU(b, cpu)
		})
	}
}

// mostPrivilegedUser is the user with the most effective privileges among
// the first 100 of the catalog: the insight benchmarks' heaviest answer.
func mostPrivilegedUser(x *catalog.Index) model.PrincipalRef {
	s := x.Snapshot()
	var who model.PrincipalRef
	most := -1
	for _, u := range s.Users[:min(100, len(s.Users))] {
		if n := len(access.Compute(s, x, model.UserRef(u.Name)).Cells); n > most {
			most, who = n, model.UserRef(u.Name)
		}
	}
	return who
}
