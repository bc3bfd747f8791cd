package pgrender

import (
	"slices"
	"testing"

	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/pgtest"
	"github.com/redshiftmate/rsmate/backend/vocab"
)

// Sequences are their own grant kind: GRANT … ON SEQUENCE and ON ALL
// SEQUENCES IN SCHEMA reach the server, and the catalog reader gives the
// grants back on the sequence (not on a table).
func TestSequenceGrantsApplyAndReadBack(t *testing.T) {
	e := newEnv(t)
	p := e.p
	reader, writer := p+"seq_reader", p+"seq_writer"
	pgtest.Exec(t, e.dsn,
		"CREATE SCHEMA "+ident("ids"),
		"CREATE SEQUENCE "+qual("ids", "order_no"),
		"CREATE SEQUENCE "+qual("ids", "Invoice No"),
		"CREATE ROLE "+ident(reader),
		"CREATE ROLE "+ident(writer))
	orderNo := model.ObjectRef{Kind: model.ObjSequence, Schema: "ids", Name: "order_no"}
	invoiceNo := model.ObjectRef{Kind: model.ObjSequence, Schema: "ids", Name: "Invoice No"}

	snap := e.snapshot()
	if seqs := vocab.Of(snap).InSchemas(snap, model.ObjSequence, []string{"ids"}); !slices.Contains(seqs, orderNo) || !slices.Contains(seqs, invoiceNo) {
		t.Fatalf("the reader's sequences in ids: %v, want order_no and Invoice No", seqs)
	}
	if err := e.run(snap,
		change.Change{Kind: change.GrantPrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"USAGE", "SELECT"},
			Target: change.TargetObjects, Objects: []model.ObjectRef{orderNo}, Grantee: model.RoleRef(reader)}},
		change.Change{Kind: change.GrantPrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"UPDATE"},
			Target: change.TargetAllInSchema, Kind: model.ObjSequence, Schemas: []string{"ids"}, Grantee: model.RoleRef(writer)}},
	); err != nil {
		t.Fatal(err)
	}

	got := map[string]bool{}
	for _, g := range e.snapshot().Grants.All() {
		if g.Object.Schema == "ids" && (g.Grantee.Name == reader || g.Grantee.Name == writer) {
			got[string(g.Object.Kind)+" "+g.Object.Name+" "+g.Grantee.Name+" "+g.Privilege] = true
		}
	}
	want := map[string]bool{
		"sequence order_no " + reader + " USAGE": true, "sequence order_no " + reader + " SELECT": true,
		"sequence order_no " + writer + " UPDATE": true, "sequence Invoice No " + writer + " UPDATE": true,
	}
	if len(got) != len(want) {
		t.Errorf("grants read back: %v, want %v", got, want)
	}
	for k := range want {
		if !got[k] {
			t.Errorf("grant %q not read back (got %v)", k, got)
		}
	}
	// The server agrees: nextval needs UPDATE, currval SELECT or USAGE.
	var canNext, canRead bool
	if err := e.pool.QueryRow(e.ctx(), "SELECT has_sequence_privilege($1, $2, 'UPDATE'), has_sequence_privilege($3, $4, 'SELECT')",
		writer, qual("ids", "Invoice No"), reader, qual("ids", "order_no")).Scan(&canNext, &canRead); err != nil {
		t.Fatal(err)
	}
	if !canNext || !canRead {
		t.Errorf("has_sequence_privilege: writer UPDATE on invoice no = %v, reader SELECT on order_no = %v; want both true", canNext, canRead)
	}
}
