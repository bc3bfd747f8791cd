package change

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// sqlRenderer renders each change's user name as a literal statement, so Apply
// can be tested without an engine. Names here are fixed test constants.
type sqlRenderer map[string][]Statement

func (r sqlRenderer) Render(c Change, _ *model.Snapshot) ([]Statement, error) {
	return r[c.User.Name], nil
}

func pool(t *testing.T) *pgxpool.Pool {
	p, err := pgxpool.New(context.Background(), pgtest.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	return p
}

func roleExists(t *testing.T, p *pgxpool.Pool, name string) bool {
	var n int
	if err := p.QueryRow(context.Background(), "SELECT count(*) FROM pg_roles WHERE rolname = $1", name).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n == 1
}

func TestApplyRollsBackWholeSetOnFailure(t *testing.T) {
	p := pool(t)
	prefix := pgtest.Prefix()
	a, b := prefix+"a", prefix+"b"
	r := sqlRenderer{
		"one":   {{SQL: "CREATE ROLE " + a, Summary: "create a"}},
		"two":   {{SQL: "CREATE ROLE " + b}},
		"three": {{SQL: "GRANT " + prefix + "missing TO " + a, Display: "GRANT missing TO a"}},
	}
	changes := []Change{{Kind: CreateUser, User: &UserSpec{Name: "one"}}, {Kind: CreateUser, User: &UserSpec{Name: "two"}},
		{Kind: CreateUser, User: &UserSpec{Name: "three"}}}
	plan, err := Build(changes, &model.Snapshot{}, r, CurrentUser{})
	if err != nil {
		t.Fatal(err)
	}
	audit, _ := OpenAudit(t.TempDir())
	_, err = Apply(context.Background(), p, plan, ApplyTarget{ProfileName: "test"}, audit, Options{})
	if err == nil {
		t.Fatal("apply succeeded; want the third statement to fail")
	}
	if !strings.Contains(err.Error(), "statement 3 of 3 failed") || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("error does not name the statement and the server's message: %v", err)
	}
	if roleExists(t, p, a) || roleExists(t, p, b) {
		t.Fatal("roles created before the failing statement survived: the transaction was not rolled back")
	}
	page, _ := audit.Read(0)
	entries := page.Entries
	if len(entries) != 3 {
		t.Fatalf("audit has %d entries, want 3", len(entries))
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Outcome, "rolled back") {
			t.Fatalf("audit outcome %q, want rolled back", e.Outcome)
		}
	}
}

func TestApplyCommitsAndAudits(t *testing.T) {
	p := pool(t)
	name := pgtest.Prefix() + "ok"
	r := sqlRenderer{"x": {{SQL: "CREATE ROLE " + name + " PASSWORD 'md5aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'", Display: "CREATE ROLE " + name + " PASSWORD <password redacted>"}}}
	plan, err := Build([]Change{{Kind: CreateUser, User: &UserSpec{Name: "x"}}}, nil, r, CurrentUser{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	audit, _ := OpenAudit(dir)
	res, err := Apply(context.Background(), p, plan, ApplyTarget{ProfileName: "test", ServerUser: "admin"}, audit, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Committed || res.Executed != 1 || !roleExists(t, p, name) {
		t.Fatalf("result %+v, role exists %v", res, roleExists(t, p, name))
	}
	raw, _ := os.ReadFile(audit.Path())
	if strings.Contains(string(raw), "md5aaaa") {
		t.Fatal("the audit log holds the password hash")
	}
	if !strings.Contains(string(raw), "PASSWORD <password redacted>") {
		t.Fatalf("the audit log lacks the redacted statement: %s", raw)
	}
	if fi, _ := os.Stat(audit.Path()); fi.Mode().Perm() != 0o600 {
		t.Fatalf("audit log mode %v, want 0600", fi.Mode().Perm())
	}
}

func TestApplyRefusesReadOnly(t *testing.T) {
	p := pool(t)
	name := pgtest.Prefix() + "ro"
	r := sqlRenderer{"x": {{SQL: "CREATE ROLE " + name}}}
	plan, _ := Build([]Change{{Kind: CreateUser, User: &UserSpec{Name: "x"}}}, nil, r, CurrentUser{})
	_, err := Apply(context.Background(), p, plan, ApplyTarget{ReadOnly: true}, nil, Options{})
	if err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Fatalf("err = %v, want read-only refusal", err)
	}
	if roleExists(t, p, name) {
		t.Fatal("a read-only apply changed the server")
	}
}
