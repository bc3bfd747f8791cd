package redshift

// Live acceptance test of every scoped form, the RLS and masking permissions
// and user session defaults on a real Redshift cluster, skipped unless
// RSMATE_REDSHIFT_DSN is set (connect as a superuser):
//
//	go test -run TestLiveRedshiftScopedRLSAndSessionDefaults -v ./backend/engine/redshift/
//
// It answers what the documentation leaves open: whether svv_schema_privileges
// and svv_database_privileges list FOR PROCEDURES and FOR COPY JOBS with those
// privilege_scope words, whether svv_system_privileges lists IGNORE RLS,
// EXPLAIN RLS and EXPLAIN MASKING, and whether "SET search_path TO 'a', 'b'"
// stores a two-element list. Each applied statement's effect is checked in
// the catalog read afterwards; a statement without effect fails the test.

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"slices"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/redshiftmate/rsmate/backend/change"
	rsrender "github.com/redshiftmate/rsmate/backend/engine/redshift/render"
	"github.com/redshiftmate/rsmate/backend/model"
)

func TestLiveRedshiftScopedRLSAndSessionDefaults(t *testing.T) {
	ctx, cfg := liveRedshift(t, "scoped-permission test")
	pool, err := pgxpool.NewWithConfig(ctx, poolConfig(t, cfg))
	if err != nil {
		t.Fatalf("pool: %v", err)
	}
	defer pool.Close()

	rnd := make([]byte, 4)
	_, _ = rand.Read(rnd)
	p := "rsmate_scoped_" + hex.EncodeToString(rnd) + "_"
	user, role, schema := p+"user", p+"role", p+"schema"
	var admin, db string
	if err := pool.QueryRow(ctx, "SELECT current_user::varchar, current_database()::varchar").Scan(&admin, &db); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cctx, ccancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer ccancel()
		for _, sql := range []string{"DROP SCHEMA IF EXISTS " + qi(schema), "DROP ROLE " + qi(role) + " FORCE", "DROP USER IF EXISTS " + qi(user)} {
			_, _ = pool.Exec(cctx, sql)
		}
	})
	for _, sql := range []string{"CREATE SCHEMA " + qi(schema), "CREATE ROLE " + qi(role), "CREATE USER " + qi(user) + " PASSWORD DISABLE"} {
		if _, err := pool.Exec(ctx, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	r := model.RoleRef(role)
	grant := func(privs []string, target change.Target, kind model.ObjectKind) change.Change {
		ps := &change.PrivilegeSpec{Privileges: privs, Target: target, Kind: kind, Grantee: r}
		if target == change.TargetScopedInDatabase {
			ps.Database = db
		} else {
			ps.Schemas = []string{schema}
		}
		return change.Change{Kind: change.GrantPrivileges, Privilege: ps}
	}
	changes := []change.Change{
		grant([]string{"USAGE"}, change.TargetScopedInDatabase, model.ObjSchema),
		grant([]string{"SELECT"}, change.TargetScopedInSchema, model.ObjTable),
		grant([]string{"SELECT"}, change.TargetScopedInDatabase, model.ObjTable),
		grant([]string{"EXECUTE"}, change.TargetScopedInSchema, model.ObjFunction),
		grant([]string{"EXECUTE"}, change.TargetScopedInDatabase, model.ObjFunction),
		grant([]string{"EXECUTE"}, change.TargetScopedInSchema, model.ObjProcedure),
		grant([]string{"EXECUTE"}, change.TargetScopedInDatabase, model.ObjProcedure),
		grant([]string{"USAGE"}, change.TargetScopedInDatabase, model.ObjLanguage),
		grant([]string{"CREATE", "ALTER"}, change.TargetScopedInDatabase, model.ObjCopyJob),
		{Kind: change.GrantSystemPrivileges, System: &change.SystemSpec{Role: role, Privileges: []string{"IGNORE RLS", "EXPLAIN RLS", "EXPLAIN MASKING"}}},
		{Kind: change.AlterUser, User: &change.UserSpec{Name: user, ExternalID: ptrTo("rsmate-live-" + hex.EncodeToString(rnd)),
			SetParameters: []change.Parameter{{Name: "search_path", Value: schema + ", public"}, {Name: "statement_timeout", Value: "300000"}}}},
	}
	apply := func(changes []change.Change) *model.Snapshot {
		t.Helper()
		snap, err := New().LoadCatalog(ctx, pool, nil)
		if err != nil {
			t.Fatalf("LoadCatalog: %v", err)
		}
		plan, err := change.Build(changes, snap, rsrender.New(), change.CurrentUser{Name: admin})
		if err != nil {
			t.Fatalf("build: %v", err)
		}
		audit, err := change.OpenAudit(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		reload := func(ctx context.Context) (*model.Snapshot, error) { return New().LoadCatalog(ctx, pool, nil) }
		res, err := change.Apply(ctx, pool, plan, change.ApplyTarget{ProfileName: "live", ServerUser: admin}, audit, change.Options{Before: snap, Reload: reload})
		if err != nil {
			t.Fatalf("apply: %v", err)
		}
		if res.NoEffect() > 0 {
			t.Errorf("%d statements had no effect: %+v", res.NoEffect(), res.Statements)
		}
		after, err := New().LoadCatalog(ctx, pool, nil)
		if err != nil {
			t.Fatal(err)
		}
		return after
	}
	after := apply(changes)
	var scopes []string
	for _, g := range after.Grants.All() {
		if g.Grantee == r && g.Scope != "" {
			scopes = append(scopes, g.Scope+"@"+string(g.Object.Kind))
		}
	}
	t.Logf("scoped grants read back: %v", scopes)
	for _, u := range after.Users {
		if u.Name == user {
			t.Logf("user config %q external id %q last DDL %q", u.Config, u.ExternalID, u.LastDDL)
			if !slices.Contains(u.Config, "search_path="+schema+", public") {
				t.Errorf("search_path stored as %q", u.Config)
			}
		}
	}
	// Revoke every scoped form and reset one default: the effect check sees them gone.
	var revokes []change.Change
	for _, c := range changes[:9] {
		rc := c
		rc.Kind = change.RevokePrivileges
		revokes = append(revokes, rc)
	}
	revokes = append(revokes, change.Change{Kind: change.AlterUser, User: &change.UserSpec{Name: user, ResetParameters: []string{"statement_timeout"}}})
	apply(revokes)
}

func ptrTo[T any](v T) *T { return &v }
