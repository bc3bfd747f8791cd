package redshift

// Live acceptance test against a real Redshift cluster, skipped unless
// RSMATE_REDSHIFT_DSN is set, e.g.
//
//	RSMATE_REDSHIFT_DSN='postgres://admin:…@cluster.xxxx.eu-west-1.redshift.amazonaws.com:5439/dev?sslmode=require' \
//	  go test -run TestLiveRedshift -v ./backend/engine/redshift/
//
// Connect as a superuser (PASSWORD DISABLE and system permissions need one).
// Every object it creates carries a unique prefix and is dropped at the end.

import (
	"context"
	"crypto/md5"
	"crypto/rand"
	"encoding/hex"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/pgtest"
)

func TestLiveRedshift(t *testing.T) {
	dsn := os.Getenv("RSMATE_REDSHIFT_DSN")
	if dsn == "" {
		t.Skip("RSMATE_REDSHIFT_DSN is not set; skipping the live Redshift acceptance test")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()

	cfg, err := pgx.ParseConfig(dsn) // sslmode and everything else come from the DSN
	if err != nil {
		t.Fatalf("RSMATE_REDSHIFT_DSN: %v", err)
	}
	// Redshift reports no standard_conforming_strings: queries must use the extended protocol.
	cfg.DefaultQueryExecMode = pgx.QueryExecModeExec
	counter := &pgtest.QueryCounter{}
	counter.Attach(cfg)
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer conn.Close(context.Background())
	if conn.PgConn().ParameterStatus("padb_version") == "" {
		var version string
		_ = conn.QueryRow(ctx, "SELECT version()").Scan(&version)
		if !strings.Contains(version, "Redshift") {
			t.Fatalf("RSMATE_REDSHIFT_DSN does not point at Redshift (version %q)", version)
		}
	}
	if conn.PgConn().ParameterStatus("is_superuser") != "on" {
		t.Fatalf("connect as a superuser: the test creates users with PASSWORD DISABLE and grants system permissions")
	}

	rnd := make([]byte, 4)
	_, _ = rand.Read(rnd)
	p := "rsmate_live_" + hex.EncodeToString(rnd) + "_"
	var (
		user    = p + "user"
		mixed   = p + "MixedUser" // quoted user names keep their case on Redshift
		role    = p + "role"
		role2   = p + "role2"
		group   = p + "group"
		schema  = p + "schema"
		table   = pgx.Identifier{schema, "t"}.Sanitize()
		view    = pgx.Identifier{schema, "v"}.Sanitize()
		lbv     = pgx.Identifier{schema, "lbv"}.Sanitize()
		sum     = md5.Sum([]byte("Live-Test-Pw-1" + user))
		pwHash  = "md5" + hex.EncodeToString(sum[:]) // hex only: safe inside a literal
		scopeOK = true
	)

	run := func(sql string) error {
		_, err := conn.Exec(ctx, sql) // no arguments: simple protocol, fine for DDL on Redshift
		return err
	}
	must := func(sql string) {
		t.Helper()
		if err := run(sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	t.Cleanup(func() {
		cctx, ccancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer ccancel()
		c, err := pgx.ConnectConfig(cctx, cfg)
		if err != nil {
			t.Logf("cleanup: connect: %v", err)
			return
		}
		defer c.Close(cctx)
		for _, sql := range []string{
			"REVOKE SELECT FOR TABLES IN SCHEMA " + qi(schema) + " FROM ROLE " + qi(role2),
			"ALTER DEFAULT PRIVILEGES FOR USER " + qi(user) + " IN SCHEMA " + qi(schema) + " REVOKE ALL ON TABLES FROM ROLE " + qi(role),
			"DROP VIEW IF EXISTS " + lbv,
			"DROP VIEW IF EXISTS " + view,
			"DROP TABLE IF EXISTS " + table,
			"DROP SCHEMA IF EXISTS " + qi(schema),
			"REVOKE CREATE USER FROM ROLE " + qi(role),
			"REVOKE ROLE " + qi(role2) + " FROM " + qi(user),
			"REVOKE ROLE " + qi(role) + " FROM ROLE " + qi(role2),
			"DROP ROLE " + qi(role2),
			"DROP ROLE " + qi(role),
			"ALTER GROUP " + qi(group) + " DROP USER " + qi(user),
			"DROP GROUP " + qi(group),
			"DROP USER IF EXISTS " + qi(user),
			"DROP USER IF EXISTS " + qi(mixed),
		} {
			if _, err := c.Exec(cctx, sql); err != nil {
				t.Logf("cleanup: %s: %v", sql, err)
			}
		}
	})

	must("CREATE USER " + qi(user) + " PASSWORD '" + pwHash + "' CONNECTION LIMIT 3 SESSION TIMEOUT 3600 SYSLOG ACCESS UNRESTRICTED")
	must("CREATE USER " + qi(mixed) + " PASSWORD DISABLE")
	must("CREATE GROUP " + qi(group) + " WITH USER " + qi(user))
	must("CREATE ROLE " + qi(role))
	must("CREATE ROLE " + qi(role2))
	must("GRANT ROLE " + qi(role) + " TO ROLE " + qi(role2))
	must("GRANT ROLE " + qi(role2) + " TO " + qi(user) + " WITH ADMIN OPTION")
	must("GRANT CREATE USER TO ROLE " + qi(role))
	must("CREATE SCHEMA " + qi(schema))
	must("CREATE TABLE " + table + " (id integer, note varchar(20))")
	must("CREATE VIEW " + view + " AS SELECT id FROM " + table)
	must("CREATE VIEW " + lbv + " AS SELECT id, note FROM " + table + " WITH NO SCHEMA BINDING")
	must("GRANT USAGE ON SCHEMA " + qi(schema) + " TO ROLE " + qi(role))
	must("GRANT SELECT ON " + table + " TO " + qi(user) + " WITH GRANT OPTION")
	must("GRANT SELECT ON " + view + " TO GROUP " + qi(group))
	must("GRANT SELECT (note) ON " + table + " TO ROLE " + qi(role2))
	must("ALTER DEFAULT PRIVILEGES FOR USER " + qi(user) + " IN SCHEMA " + qi(schema) + " GRANT SELECT ON TABLES TO ROLE " + qi(role))
	if err := run("GRANT SELECT FOR TABLES IN SCHEMA " + qi(schema) + " TO ROLE " + qi(role2)); err != nil {
		scopeOK = false
		t.Logf("scoped permissions unavailable on this cluster, not checked: %v", err)
	}

	counter.Reset()
	snap, err := New().LoadCatalog(ctx, conn, nil)
	if err != nil {
		t.Fatalf("LoadCatalog: %v", err)
	}
	if counter.StatementCount() != loadStatements || snap.Queries != loadStatements {
		t.Errorf("load sent %d statements (snapshot says %d), want %d", counter.StatementCount(), snap.Queries, loadStatements)
	}
	if sent := counter.Statements(); sent[0] != sqlBegin || sent[len(sent)-1] != "commit" {
		t.Errorf("load did not run in one transaction: first %q, last %q", sent[0], sent[len(sent)-1])
	}
	if snap.Partial {
		t.Errorf("superuser load is partial: %q", snap.Warnings)
	}
	for _, w := range snap.Warnings {
		t.Logf("warning: %s", w)
	}

	U := func(n string) model.PrincipalRef { return model.PrincipalRef{Kind: model.KindUser, Name: n} }
	R := func(n string) model.PrincipalRef { return model.PrincipalRef{Kind: model.KindRole, Name: n} }
	G := func(n string) model.PrincipalRef { return model.PrincipalRef{Kind: model.KindGroup, Name: n} }

	var gotUser, gotMixed *model.User
	for i := range snap.Users {
		switch snap.Users[i].Name {
		case user:
			gotUser = &snap.Users[i]
		case mixed:
			gotMixed = &snap.Users[i]
		}
	}
	if gotUser == nil || gotUser.ConnectionLimit != 3 || gotUser.SessionTimeout != 3600 ||
		gotUser.SyslogAccess != "UNRESTRICTED" || gotUser.Identity != model.IdentityLocal || gotUser.PasswordDisabled {
		t.Errorf("user %s = %+v", user, gotUser)
	}
	if gotMixed == nil || !gotMixed.PasswordDisabled {
		t.Errorf("user %s (exact case, password disabled) = %+v", mixed, gotMixed)
	}
	hasRole := func(n string) bool {
		return slices.ContainsFunc(snap.Roles, func(r model.Role) bool { return r.Name == n && !r.System })
	}
	if !hasRole(role) || !hasRole(role2) {
		t.Errorf("roles lack %s or %s", role, role2)
	}
	if !slices.ContainsFunc(snap.Groups, func(g model.Group) bool { return g.Name == group }) {
		t.Errorf("groups lack %s", group)
	}
	for _, m := range []model.Membership{
		{Member: R(role2), Of: R(role)},
		{Member: U(user), Of: R(role2), AdminOption: true},
		{Member: U(user), Of: G(group)},
	} {
		if !slices.Contains(snap.Memberships, m) {
			t.Errorf("missing membership %+v", m)
		}
	}
	if !slices.Contains(snap.SystemPrivileges, model.SystemPrivilege{Privilege: "CREATE USER", Grantee: R(role)}) {
		t.Errorf("missing system permission CREATE USER for %s", role)
	}
	if !slices.ContainsFunc(snap.Schemas, func(s model.Schema) bool { return s.Name == schema && s.Type == "local" }) {
		t.Errorf("schemas lack %s", schema)
	}
	kinds := map[string]model.RelationKind{}
	for _, r := range snap.Relations {
		if r.Schema == schema {
			kinds[r.Name] = r.Kind
		}
	}
	if kinds["t"] != model.RelTable || kinds["v"] != model.RelView || kinds["lbv"] != model.RelLateBindingView {
		t.Errorf("relations in %s = %v", schema, kinds)
	}
	wantGrants := []model.Grant{
		{Object: model.ObjectRef{Kind: model.ObjSchema, Schema: schema}, Grantee: R(role), Privilege: "USAGE"},
		{Object: model.ObjectRef{Kind: model.ObjTable, Schema: schema, Name: "t"}, Grantee: U(user), Privilege: "SELECT", GrantOption: true},
		{Object: model.ObjectRef{Kind: model.ObjTable, Schema: schema, Name: "v"}, Grantee: G(group), Privilege: "SELECT"},
		{Object: model.ObjectRef{Kind: model.ObjColumn, Schema: schema, Name: "t", Column: "note"}, Grantee: R(role2), Privilege: "SELECT"},
	}
	if scopeOK {
		wantGrants = append(wantGrants, model.Grant{Object: model.ObjectRef{Kind: model.ObjSchema, Schema: schema},
			Grantee: R(role2), Privilege: "SELECT", Scope: "TABLES"})
	}
	for _, g := range wantGrants {
		if !slices.Contains(snap.Grants.Slice(), g) {
			t.Errorf("missing grant %+v", g)
		}
	}
	wantDefault := model.DefaultPrivilege{Creator: U(user), Schema: schema, ObjectType: model.DefTables, Grantee: R(role), Privilege: "SELECT"}
	if !slices.Contains(snap.DefaultPrivileges, wantDefault) {
		t.Errorf("missing default privilege %+v", wantDefault)
	}

	cols, err := New().Columns(ctx, conn, schema, "lbv")
	if err != nil || len(cols) != 2 || cols[0].Name != "id" || cols[1].Name != "note" {
		t.Errorf("Columns of the late-binding view = %+v, %v", cols, err)
	}
}
