package redshift

import (
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/change"
	rsrender "github.com/redshiftmate/rsmate/backend/engine/redshift/render"
)

// The drop plans are built from what the Redshift reader loads: through the
// Redshift-shaped catalog, every privilege, default privilege, membership and
// system permission of the seeded principals reaches the plan as a revoke.
func TestDropPlansFromTheRedshiftShapedCatalog(t *testing.T) {
	w := newWorld(t)
	w.seed(t)
	snap, _ := w.load(t, w.dsn, pgx.QueryExecModeExec)
	render := func(c change.Change) ([]string, error) {
		plan, err := change.Build([]change.Change{c}, snap, rsrender.New(), change.CurrentUser{Name: w.admin})
		if err != nil {
			return nil, err
		}
		var out []string
		for _, s := range plan.Statements {
			out = append(out, s.SQL)
		}
		return out, nil
	}
	q := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	plain, sales := q(w.plain), q(w.sales)

	got, err := render(change.Change{Kind: change.DropUser, User: &change.UserSpec{Name: w.plain}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`REVOKE CREATE ON SCHEMA ` + sales + ` FROM ` + plain,
		`REVOKE SELECT, INSERT ON TABLE ` + sales + `."orders" FROM ` + plain,
		`REVOKE EXECUTE ON PROCEDURE ` + sales + `."p_load"(integer) FROM ` + plain,
		`REVOKE TEMP ON DATABASE ` + q(w.db) + ` FROM ` + plain,
		`REVOKE EXECUTE FOR FUNCTIONS IN SCHEMA ` + sales + ` FROM ` + plain,
		`ALTER DEFAULT PRIVILEGES FOR USER ` + q(w.creator) + ` REVOKE INSERT ON TABLES FROM ` + plain,
		`ALTER DEFAULT PRIVILEGES FOR USER ` + plain + ` REVOKE SELECT ON TABLES FROM PUBLIC`,
		`REVOKE ROLE ` + q(w.r3) + ` FROM ` + plain,
		`ALTER GROUP ` + q(w.grp) + ` DROP USER ` + plain,
		`DROP USER ` + plain,
	}
	for _, s := range want {
		if !slices.Contains(got, s) {
			t.Errorf("drop user plan lacks %s\nplan:\n%s", s, strings.Join(got, "\n"))
		}
	}
	if len(got) != len(want) {
		t.Errorf("drop user plan:\n%s", strings.Join(got, "\n"))
	}

	got, err = render(change.Change{Kind: change.DropRole, Role: &change.RoleSpec{Name: w.r1}})
	if err != nil {
		t.Fatal(err)
	}
	r1 := q(w.r1)
	for _, s := range []string{
		`REVOKE USAGE ON SCHEMA ` + sales + ` FROM ROLE ` + r1,
		`REVOKE CREATE ON DATABASE ` + q(w.db) + ` FROM ROLE ` + r1,
		`REVOKE CREATE FOR SCHEMAS IN DATABASE ` + q(w.db) + ` FROM ROLE ` + r1,
		`ALTER DEFAULT PRIVILEGES FOR USER ` + q(w.creator) + ` IN SCHEMA ` + sales + ` REVOKE SELECT ON TABLES FROM ROLE ` + r1,
		`REVOKE ROLE ` + r1 + ` FROM ROLE ` + q(w.r2),
		`REVOKE ROLE ` + r1 + ` FROM ` + q(w.creator),
		`REVOKE CREATE USER, ACCESS SYSTEM TABLE FROM ROLE ` + r1,
		`DROP ROLE ` + r1,
	} {
		if !slices.Contains(got, s) {
			t.Errorf("drop role plan lacks %s\nplan:\n%s", s, strings.Join(got, "\n"))
		}
	}

	// creator owns the schema, a view and a procedure: refused with the list.
	_, err = render(change.Change{Kind: change.DropUser, User: &change.UserSpec{Name: w.creator}})
	if err == nil || !strings.Contains(err.Error(), "schema "+w.sales) || !strings.Contains(err.Error(), "choose who takes them over") {
		t.Fatalf("drop of an owner without successor: %v", err)
	}
}
