package redshift

import (
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/pgtest"
)

// A cluster that refuses svv_mv_info still loads: the materialized-view step
// warns instead of failing the whole load, and every other step's rows arrive.
func TestFailingMaterializedViewStepWarnsInsteadOfFailing(t *testing.T) {
	w := newWorld(t)
	w.seed(t)
	pgtest.Exec(t, w.dsn, "DROP VIEW rsfixture.svv_mv_info")
	snap, counter := w.load(t, w.dsn, pgx.QueryExecModeExec)
	// BEGIN, every step, then ROLLBACK: the failed step aborted the transaction.
	if sent := counter.Statements(); len(sent) != loadStatements || sent[len(sent)-1] != "rollback" {
		t.Errorf("sent %d statements ending in %q, want %d ending in rollback", len(sent), sent[len(sent)-1], loadStatements)
	}
	if len(snap.Warnings) != 1 || !strings.HasPrefix(snap.Warnings[0], "Materialized views could not be read (svv_mv_info), so they are listed as views: ") {
		t.Fatalf("warnings %q", snap.Warnings)
	}
	mine := w.mine(snap)
	want := w.expected(t)
	if mine.Grants.Len() != want.Grants.Len() || len(mine.DefaultPrivileges) != len(want.DefaultPrivileges) || len(mine.Relations) != len(want.Relations) {
		t.Fatalf("rows after the failed step: %d grants, %d defaults, %d relations; want %d, %d, %d",
			mine.Grants.Len(), len(mine.DefaultPrivileges), len(mine.Relations), want.Grants.Len(), len(want.DefaultPrivileges), len(want.Relations))
	}
}

// A failed statement aborts the read transaction: no required step may follow
// an optional one.
func TestOptionalStepsComeLast(t *testing.T) {
	seenOptional := ""
	for _, st := range steps {
		if st.optional != "" {
			seenOptional = st.name
		} else if seenOptional != "" {
			t.Errorf("required step %q follows optional step %q", st.name, seenOptional)
		}
	}
}

// The creator's own default privilege is marked implied, as the PostgreSQL
// reader marks it; other grantees' are not.
func TestCreatorsOwnDefaultPrivilegeIsImplied(t *testing.T) {
	raw := &rawCatalog{session: sessionRow{database: "dev"}}
	own := identityRow{id: 100, name: "alice", typ: "user"}
	raw.defaults = []defaultRow{
		{objectType: "RELATION", owner: own, privilege: "SELECT", grantee: own},
		{objectType: "RELATION", owner: own, privilege: "SELECT", grantee: identityRow{id: 7, name: "bi", typ: "role"}},
	}
	s := build(raw)
	if len(s.DefaultPrivileges) != 2 {
		t.Fatalf("defaults %+v", s.DefaultPrivileges)
	}
	for _, d := range s.DefaultPrivileges {
		if want := d.Grantee == (model.PrincipalRef{Kind: model.KindUser, Name: "alice"}); d.Implied != want {
			t.Errorf("%+v: implied = %v, want %v", d, d.Implied, want)
		}
	}
}
