package redshift

// Live acceptance test of drops on a real Redshift cluster, skipped unless
// RSMATE_REDSHIFT_DSN is set (see live_test.go; connect as a superuser):
//
//	go test -run TestLiveRedshiftDrops -v ./backend/engine/redshift/
//
// A user who owns a schema and a table, holds object and column privileges,
// sets and receives default privileges, is in a role and a group; a role with
// privileges, a system permission and members; a group with privileges. One
// plan drops all three (the user's objects go to a successor) and each must be
// gone afterwards: DG r_DROP_USER, r_DROP_ROLE, r_DROP_GROUP.

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/redshiftmate/rsmate/backend/change"
	rsrender "github.com/redshiftmate/rsmate/backend/engine/redshift/render"
	"github.com/redshiftmate/rsmate/backend/model"
)

func TestLiveRedshiftDrops(t *testing.T) {
	ctx, cfg := liveRedshift(t, "drop test")
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer conn.Close(context.Background())

	rnd := make([]byte, 4)
	_, _ = rand.Read(rnd)
	p := "rsmate_drop_" + hex.EncodeToString(rnd) + "_"
	user, heir, other, role, group, schema := p+"user", p+"heir", p+"other", p+"role", p+"group", p+"schema"
	table := pgx.Identifier{schema, "t"}.Sanitize()
	var admin string
	if err := conn.QueryRow(ctx, "SELECT current_user::varchar").Scan(&admin); err != nil {
		t.Fatal(err)
	}
	must := func(sql string) {
		t.Helper()
		if _, err := conn.Exec(ctx, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	t.Cleanup(func() {
		cctx, ccancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer ccancel()
		c, err := pgx.ConnectConfig(cctx, cfg)
		if err != nil {
			return
		}
		defer c.Close(cctx)
		for _, sql := range []string{
			"DROP TABLE IF EXISTS " + table, "DROP SCHEMA IF EXISTS " + qi(schema),
			"DROP ROLE " + qi(role) + " FORCE", "DROP GROUP " + qi(group),
			"DROP USER IF EXISTS " + qi(user), "DROP USER IF EXISTS " + qi(heir), "DROP USER IF EXISTS " + qi(other),
		} {
			_, _ = c.Exec(cctx, sql)
		}
	})
	for _, sql := range []string{
		"CREATE USER " + qi(user) + " PASSWORD DISABLE",
		"CREATE USER " + qi(heir) + " PASSWORD DISABLE",
		"CREATE USER " + qi(other) + " PASSWORD DISABLE",
		"CREATE ROLE " + qi(role),
		"CREATE GROUP " + qi(group),
		"CREATE SCHEMA " + qi(schema) + " AUTHORIZATION " + qi(user),
		"CREATE TABLE " + table + " (id integer, note varchar(10))",
		"ALTER TABLE " + table + " OWNER TO " + qi(user),
		"GRANT USAGE ON SCHEMA " + qi(schema) + " TO " + qi(other),
		"GRANT SELECT ON TABLE " + table + " TO ROLE " + qi(role),
		"GRANT SELECT ON TABLE " + table + " TO GROUP " + qi(group),
		"GRANT SELECT (note) ON TABLE " + table + " TO " + qi(other),
		"GRANT USAGE ON SCHEMA " + qi(schema) + " TO ROLE " + qi(role),
		"GRANT CREATE USER TO ROLE " + qi(role),
		"GRANT ROLE " + qi(role) + " TO " + qi(user),
		"GRANT ROLE " + qi(role) + " TO " + qi(other),
		"ALTER GROUP " + qi(group) + " ADD USER " + qi(user),
		"ALTER DEFAULT PRIVILEGES FOR USER " + qi(user) + " IN SCHEMA " + qi(schema) + " GRANT SELECT ON TABLES TO ROLE " + qi(role),
		"ALTER DEFAULT PRIVILEGES FOR USER " + qi(heir) + " GRANT SELECT ON TABLES TO " + qi(user),
	} {
		must(sql)
	}

	snap, err := New().LoadCatalog(ctx, conn, nil)
	if err != nil {
		t.Fatalf("LoadCatalog: %v", err)
	}
	plan, err := change.Build([]change.Change{
		{Kind: change.DropUser, User: &change.UserSpec{Name: user, Successor: heir}},
		{Kind: change.DropRole, Role: &change.RoleSpec{Name: role}},
		{Kind: change.DropGroup, Group: &change.GroupSpec{Name: group}},
	}, snap, rsrender.New(), change.CurrentUser{Name: admin})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	var sqls []string
	for _, s := range plan.Statements {
		sqls = append(sqls, s.Display)
	}
	t.Logf("plan:\n%s", strings.Join(sqls, "\n"))
	audit, err := change.OpenAudit(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	// Apply as the app does: on a pool, each statement's effect checked in the
	// catalog read afterwards.
	pool, err := pgxpool.NewWithConfig(ctx, poolConfig(t, cfg))
	if err != nil {
		t.Fatalf("pool: %v", err)
	}
	defer pool.Close()
	reload := func(ctx context.Context) (*model.Snapshot, error) { return New().LoadCatalog(ctx, pool, nil) }
	res, err := change.Apply(ctx, pool, plan, change.ApplyTarget{ProfileName: "live", ServerUser: admin}, audit,
		change.Options{Before: snap, Reload: reload})
	if err != nil {
		t.Fatalf("apply: %v", err)
	}
	if res.NoEffect() > 0 {
		t.Errorf("%d statements had no effect: %+v", res.NoEffect(), res.Statements)
	}
	var left int
	if err := conn.QueryRow(ctx, "SELECT count(*)::int FROM pg_user WHERE usename = $1", user).Scan(&left); err != nil || left != 0 {
		t.Fatalf("the user is still there (%d, %v)", left, err)
	}
	if err := conn.QueryRow(ctx, "SELECT count(*)::int FROM svv_roles WHERE role_name = $1", role).Scan(&left); err != nil || left != 0 {
		t.Fatalf("the role is still there (%d, %v)", left, err)
	}
	if err := conn.QueryRow(ctx, "SELECT count(*)::int FROM pg_group WHERE groname = $1", group).Scan(&left); err != nil || left != 0 {
		t.Fatalf("the group is still there (%d, %v)", left, err)
	}
	var owner string
	if err := conn.QueryRow(ctx, "SELECT u.usename::varchar FROM pg_namespace n JOIN pg_user u ON u.usesysid = n.nspowner WHERE n.nspname = $1", schema).Scan(&owner); err != nil || owner != heir {
		t.Fatalf("the schema's owner is %q (%v), want the successor %s", owner, err, heir)
	}
}

// liveRedshift skips the test without RSMATE_REDSHIFT_DSN; otherwise it gives
// a 10-minute context and the cluster's connection config (simple protocol).
func liveRedshift(t *testing.T, what string) (context.Context, *pgx.ConnConfig) {
	t.Helper()
	dsn := os.Getenv("RSMATE_REDSHIFT_DSN")
	if dsn == "" {
		t.Skip("RSMATE_REDSHIFT_DSN is not set; skipping the live Redshift " + what)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	t.Cleanup(cancel)
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatalf("RSMATE_REDSHIFT_DSN: %v", err)
	}
	cfg.DefaultQueryExecMode = pgx.QueryExecModeExec
	return ctx, cfg
}

// poolConfig is cfg as a pool's connection config.
func poolConfig(t *testing.T, cfg *pgx.ConnConfig) *pgxpool.Config {
	t.Helper()
	pc, err := pgxpool.ParseConfig("")
	if err != nil {
		t.Fatal(err)
	}
	pc.ConnConfig = cfg.Copy()
	pc.MaxConns = 2
	return pc
}
