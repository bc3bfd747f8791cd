package access_test

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redshiftmate/rsmate/backend/access"
	"github.com/redshiftmate/rsmate/backend/catalog"
	"github.com/redshiftmate/rsmate/backend/engine/postgres"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/pgcluster"
	"github.com/redshiftmate/rsmate/backend/pgtest"
	"github.com/redshiftmate/rsmate/backend/synthetic"
)

// smallShape is the benchmark's synthetic catalog at a tenth of its users
// and roles and a twentieth of its schemas, so the test runs in CI: the same
// generator and rules (role chains 6 deep, three roles and a group per user,
// 35 grants per table, column grants, owners, PUBLIC on functions).
var smallShape = synthetic.Shape{Users: 200, Roles: 30, Groups: 10, Schemas: 10, Tables: 20, Functions: 5}

// TestEffectiveMatchesServerOnSmallSyntheticCatalog builds the benchmark's
// synthetic catalog at small scale (200 users, 30 roles, 10 groups, 10
// schemas × 20 tables) in a cluster of its own, and compares the app's
// effective privileges with PostgreSQL's has_*_privilege for every login
// user, object (every column too) and privilege: zero differences. The full
// catalog is compared by BenchmarkServerCrossCheckSyntheticCatalog.
func TestEffectiveMatchesServerOnSmallSyntheticCatalog(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a PostgreSQL cluster")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	// Its own cluster: the generator's roles are cluster-wide and have the
	// full catalog's names.
	c, err := pgcluster.Start(ctx, pgcluster.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Stop()
	pgtest.Exec(t, c.DSN("postgres"), "CREATE DATABASE small_synthetic")
	dsn := c.DSN("small_synthetic")
	if err := synthetic.BuildShape(ctx, dsn, smallShape, "small", t.Logf); err != nil {
		t.Fatal(err)
	}
	conn, _ := pgtest.CountingConn(t, dsn)
	snap, err := postgres.New().LoadCatalog(ctx, conn, nil)
	if err != nil {
		t.Fatal(err)
	}
	x := catalog.NewIndex(snap)
	compute := func(p model.PrincipalRef) access.Effective { return access.Compute(snap, x, p) }

	res, err := bulkCrossCheck(ctx, dsn, snap, compute, 2, 50, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d users × %d objects: %d cells (%v), %d held, %d granted to a superuser only, %d statements, %d differences",
		res.Users, res.Objects, res.Cells, res.PerKind, res.Held, res.Superuser, res.Statements, len(res.Differences))
	for i, d := range res.Differences {
		if i == 20 {
			t.Errorf("… and %d more", len(res.Differences)-20)
			break
		}
		t.Error(d)
	}
	// The catalog's shape: every user (and the bootstrap superuser), every
	// table's three columns, and grants the app must find through roles.
	if want := smallShape.Users + 1; res.Users != want {
		t.Errorf("%d login users compared, want %d", res.Users, want)
	}
	// Three columns per table, and public.rsmate_bench_ready's one.
	if got, want := res.PerKind["column"], res.Users*(3*smallShape.Schemas*smallShape.Tables+1)*4; got != want {
		t.Errorf("%d column cells compared, want %d (every column)", got, want)
	}
	if res.Held < smallShape.Users*smallShape.Tables {
		t.Errorf("only %d cells held: the catalog lost its grants", res.Held)
	}
	if res.Unmatched != 0 {
		t.Errorf("%d app cells are on objects the server does not list", res.Unmatched)
	}

	// The check can fail: an answer with one held privilege dropped and one
	// not held added differs in exactly those two cells.
	victim := model.UserRef("bench_u0001")
	var dropped access.Cell
	for _, c := range compute(victim).Cells {
		if c.Object.Kind == model.ObjFunction && (c.Direct || c.Inherited) {
			dropped = c
			break
		}
	}
	if dropped.Object.Kind == "" {
		t.Fatal("bench_u0001 executes no function: the catalog lost its grants")
	}
	added := access.Cell{Object: model.ObjectRef{Kind: model.ObjSchema, Schema: "bench_s001"}, Privilege: model.PrivCreate, Inherited: true}
	wrong := func(p model.PrincipalRef) access.Effective {
		e := compute(p)
		if p != victim {
			return e
		}
		var cells []access.Cell
		for _, c := range e.Cells {
			if c.Object != dropped.Object || c.Privilege != dropped.Privilege {
				cells = append(cells, c)
			}
		}
		e.Cells = append(cells, added)
		return e
	}
	res, err = bulkCrossCheck(ctx, dsn, snap, wrong, 2, 50, true)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"bench_u0001 CREATE on schema bench_s001: server false, app true",
		"bench_u0001 EXECUTE on " + objectText(dropped.Object) + ": server true, app false",
	}
	if strings.Join(res.Differences, "\n") != strings.Join(want, "\n") {
		t.Errorf("with an altered answer the check found %q, want %q", res.Differences, want)
	}
}

// BenchmarkServerCrossCheckSyntheticCatalog compares the app's effective
// privileges with PostgreSQL's has_*_privilege on the full synthetic catalog
// (2,000 users, 300 roles, 848k grants): every login user × every database,
// schema, relation, column, function and language × every privilege. It
// reports the cells compared and the differences, and fails on any
// difference. RSMATE_CROSSCHECK_COLUMNS=acl limits the columns to those with
// a column ACL (a column without one answers as its table; a third of the
// time).
//
//	RSMATE_TEST_DSN=… go test -run '^$' -bench ServerCrossCheck -benchtime 1x ./backend/access
//
// RSMATE_CROSSCHECK_CONNS sets the server connections (default 2).
func BenchmarkServerCrossCheckSyntheticCatalog(b *testing.B) {
	x := syntheticIndex(b)
	s := x.Snapshot()
	dsn := pgtest.WithDatabase(pgtest.AdminDSN(b), benchDB)
	conns := 2
	if n, err := strconv.Atoi(os.Getenv("RSMATE_CROSSCHECK_CONNS")); err == nil && n > 0 {
		conns = n
	}
	compute := func(p model.PrincipalRef) access.Effective { return access.Compute(s, x, p) }
	var res bulkResult
	cpu := cpuTime()
	for b.Loop() {
		var err error
		res, err = bulkCrossCheck(context.Background(), dsn, s, compute, conns, 25, os.Getenv("RSMATE_CROSSCHECK_COLUMNS") != "acl")
		if err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
	b.ReportMetric(float64(res.Cells), "cells")
	b.ReportMetric(float64(len(res.Differences)), "differences")
	b.ReportMetric(float64(res.Users), "users")
	b.ReportMetric(float64(res.Objects), "objects")
	b.Logf("%d users × %d objects: %d cells %v, %d held, %d granted to a superuser only, %d statements, %d unmatched app cells, %d differences",
		res.Users, res.Objects, res.Cells, res.PerKind, res.Held, res.Superuser, res.Statements, res.Unmatched, len(res.Differences))
	for i, d := range res.Differences {
		if i == 20 {
			b.Errorf("… and %d more", len(res.Differences)-20)
			break
		}
		b.Error(d)
	}
}
