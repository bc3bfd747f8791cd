package app

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/pgtest"
)

// What the browsing screens rely on beyond the plain lists: the vocabulary in
// the summary, object counts per kind, relation kinds in a principal's detail,
// database-level effective rows, and the session update a database switch
// announces.
func TestCatalogBrowseExtras(t *testing.T) {
	a := newTestApp(t)
	p := pgtest.Prefix()
	role, schema := p+"viewer", p+"shop"
	sid, dsn := connectTestDB(t, a,
		"CREATE SCHEMA "+schema,
		"CREATE TABLE "+schema+".orders (id int, note text)",
		"CREATE VIEW "+schema+".v_orders AS SELECT id FROM "+schema+".orders",
		"CREATE ROLE "+role+" NOLOGIN",
		"GRANT SELECT ON "+schema+".v_orders TO "+role,
		"GRANT SELECT (note) ON "+schema+".orders TO "+role)
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	pgtest.Exec(t, dsn, "GRANT TEMPORARY ON DATABASE "+pgx.Identifier{cfg.Database}.Sanitize()+" TO "+role)
	loaded, err := a.Catalog.Load(sid, true)
	if err != nil {
		t.Fatal(err)
	}
	// The summary carries the engine's vocabulary: what the editors offer.
	if v := loaded.Vocabulary; v.Engine != "postgres" || v.Kind(model.ObjTable) == nil || len(v.Kind(model.ObjTable).Privileges) == 0 {
		t.Fatalf("summary vocabulary %+v, want PostgreSQL's with table privileges", v)
	}
	roles, err := a.Catalog.Roles(sid)
	if err != nil {
		t.Fatal(err)
	}
	system := 0
	for _, r := range roles {
		if r.System {
			system++
		}
	}
	if system == 0 || loaded.Counts.SystemRoles != system {
		t.Fatalf("summary counts %d system roles, the roles list has %d (want > 0: pg_* roles)", loaded.Counts.SystemRoles, system)
	}
	ref := model.PrincipalRef{Kind: model.KindRole, Name: role}

	// Objects are counted per grant kind (a serial column makes a sequence).
	pgtest.Exec(t, dsn, "CREATE TABLE "+schema+".items (id serial)")
	if _, err := a.Catalog.Load(sid, true); err != nil {
		t.Fatal(err)
	}
	schemas, err := a.Catalog.Schemas(sid)
	if err != nil {
		t.Fatal(err)
	}
	var counted bool
	for _, s := range schemas {
		if s.Name == schema {
			counted = true
			if s.Objects[model.ObjTable] != 3 || s.Objects[model.ObjSequence] != 1 {
				t.Fatalf("schema %s counts %v, want 3 tables (2 tables, 1 view) and 1 sequence", schema, s.Objects)
			}
		}
	}
	if !counted {
		t.Fatalf("schema %s not listed", schema)
	}

	d, err := a.Catalog.Principal(sid, ref)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]model.RelationKind{}
	for _, r := range d.Relations {
		kinds[r.Schema+"."+r.Name] = r.Kind
	}
	want := map[string]model.RelationKind{schema + ".v_orders": model.RelView, schema + ".orders": model.RelTable}
	if len(kinds) != len(want) || kinds[schema+".v_orders"] != model.RelView || kinds[schema+".orders"] != model.RelTable {
		t.Fatalf("relations of the detail = %v, want %v", kinds, want)
	}

	e, err := a.Catalog.EffectiveDatabase(sid, ref)
	if err != nil {
		t.Fatal(err)
	}
	var temp bool
	for _, c := range e.Cells {
		o := e.Objects[c.Object]
		if o.Schema != "" {
			t.Fatalf("database-level effective rows include %+v", o)
		}
		if o.Kind == model.ObjDatabase && c.Privilege == model.PrivTemp && c.Direct {
			temp = true
		}
	}
	if !temp {
		t.Fatalf("no direct TEMP on the database among %+v", e.Cells)
	}

	// Switch to another database of the same cluster: the session says so.
	pc, err := pgx.ParseConfig(pgtest.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	sum, err := a.Catalog.SwitchDatabase(sid, pc.Database)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Database != pc.Database {
		t.Fatalf("summary database %q, want %q", sum.Database, pc.Database)
	}
	var updated *SessionInfo
	for _, ev := range a.fake.Emitted {
		if ev.Name == "session:updated" {
			si := ev.Data.(SessionInfo)
			updated = &si
		}
	}
	if updated == nil || updated.ID != sid || updated.Server.Database != pc.Database || updated.ProfileName == "" {
		t.Fatalf("session:updated = %+v, want session %s on %s with its profile name", updated, sid, pc.Database)
	}
}

// End-to-end runs fake the dialogs but must still deliver events to the window.
func TestFakePlatformForwardsEvents(t *testing.T) {
	inner := &FakePlatform{}
	f := &FakePlatform{Forward: inner}
	f.Startup(context.Background())
	f.Emit("catalog:progress", CatalogProgress{SessionID: "s", Step: "roles", Done: 1, Total: 9})
	if got := inner.Events(); len(got) != 1 || got[0].Name != "catalog:progress" || got[0].Data.(CatalogProgress).Step != "roles" {
		t.Fatalf("forwarded events = %+v", got)
	}
	if len(f.Events()) != 1 {
		t.Fatalf("the fake itself recorded %d events, want 1", len(f.Events()))
	}
}
