package sqltext

import (
	"context"
	"encoding/base64"
	"errors"
	"math/rand/v2"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/redshiftmate/rsmate/backend/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

func connect(t *testing.T, dsn string) *pgx.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// run runs DDL the way the product does: Exec without arguments.
func run(t *testing.T, conn *pgx.Conn, sql string) {
	t.Helper()
	if _, err := conn.Exec(context.Background(), sql); err != nil {
		t.Fatalf("exec %s: %v", sql, err)
	}
}

// mustT returns a helper that unwraps (string, error) results, failing t.
func mustT(t *testing.T) func(string, error) string {
	return func(s string, err error) string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
}

// awkwardPieces build random names: quotes, spaces, capitals, backslashes,
// SQL punctuation, multi-byte and combining characters, case-folding traps.
var awkwardPieces = []string{
	`"`, `""`, `'`, ` `, `\`, `A`, `Z`, `z`, `0`, `_`, `$`, `;`, `-`, `--`, `/*`, `.`, `%`, `:`,
	"日", "本", "😀", "👨‍👩‍👧", "e\u0301", "ß", "İ", "Σ", "ς", "\u00a0", // invisible characters are refused by Ident
}

// awkwardName returns a random name of at most maxBytes bytes starting with prefix.
func awkwardName(r *rand.Rand, prefix string, maxBytes int) string {
	var b strings.Builder
	b.WriteString(prefix)
	target := len(prefix) + 1 + r.IntN(maxBytes-len(prefix))
	for b.Len() < target {
		p := awkwardPieces[r.IntN(len(awkwardPieces))]
		if b.Len()+len(p) > maxBytes {
			break
		}
		b.WriteString(p)
	}
	return b.String()
}

// fixedNames are the hand-picked awkward names (without the test prefix).
func fixedNames(prefix string, max int) []string {
	names := []string{
		"plain", "CamelCase", "UPPER", "with space", ` lead and trail `, `Quote"d`, `"`, `""x""`,
		`it's`, `back\slash`, `\\`, `semi;colon -- /*x*/`, "emoji 😀🎉", "家族👨‍👩‍👧", "日本語テーブル",
		"e\u0301te\u0301", "IAMR:role", "select", "$1", "ß", "İstanbul",
	}
	for i := range names {
		names[i] = prefix + names[i]
	}
	// Exactly at the limit, ending in a 4-byte character.
	names = append(names, prefix+strings.Repeat("m", max-len(prefix)-4)+"😀")
	return names
}

func stringsQuery(t *testing.T, conn *pgx.Conn, sql string, args ...any) []string {
	t.Helper()
	rows, err := conn.Query(context.Background(), sql, args...)
	if err != nil {
		t.Fatal(err)
	}
	got, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(got)
	return got
}

func mustB64(t *testing.T, s string) []byte {
	t.Helper()
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func sortedUnique(in []string) []string {
	out := slices.Clone(in)
	slices.Sort(out)
	return slices.Compact(out)
}

func TestServerIdentifierLimit(t *testing.T) {
	conn := connect(t, pgtest.NewDatabase(t))
	var n string
	if err := conn.QueryRow(context.Background(), "SHOW max_identifier_length").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != strconv.Itoa(Postgres.MaxIdentBytes()) {
		t.Fatalf("server max_identifier_length = %s, Postgres.MaxIdentBytes() = %d", n, Postgres.MaxIdentBytes())
	}
}

// TestServerNamesRoundTrip creates roles, schemas, tables and columns with
// awkward names through Ident/Qualified and reads them back byte-equal.
func TestServerNamesRoundTrip(t *testing.T) {
	must := mustT(t)
	dsn := pgtest.NewDatabase(t)
	conn := connect(t, dsn)
	ctx := context.Background()
	seed := uint64(time.Now().UnixNano())
	t.Logf("random names seed %d", seed)
	r := rand.New(rand.NewPCG(seed, 0))
	prefix := pgtest.Prefix()
	max := Postgres.MaxIdentBytes()

	names := fixedNames(prefix, max)
	for range 40 {
		names = append(names, awkwardName(r, prefix, max))
	}
	names = sortedUnique(names)

	// Roles (cluster-wide, so dropped explicitly).
	t.Cleanup(func() {
		for _, n := range names {
			if q, err := Postgres.Ident("role", n); err == nil {
				_, _ = conn.Exec(ctx, "DROP ROLE IF EXISTS "+q)
			}
		}
	})
	for _, n := range names {
		run(t, conn, "CREATE ROLE "+must(Postgres.Ident("role", n)))
	}
	got := stringsQuery(t, conn, "SELECT rolname::text FROM pg_roles WHERE starts_with(rolname::text, $1)", prefix)
	if !slices.Equal(got, names) {
		t.Fatalf("roles read back differ:\n got %q\nwant %q", got, names)
	}

	// Schemas, each with one table and one column named after it.
	for _, n := range names {
		schema := must(Postgres.Ident("schema", n))
		table := must(Postgres.Qualified(n, n))
		column := must(Postgres.Ident("column", n))
		run(t, conn, "CREATE SCHEMA "+schema)
		run(t, conn, "CREATE TABLE "+table+" ("+column+" text)")
	}
	got = stringsQuery(t, conn, "SELECT nspname::text FROM pg_namespace WHERE starts_with(nspname::text, $1)", prefix)
	if !slices.Equal(got, names) {
		t.Fatalf("schemas read back differ:\n got %q\nwant %q", got, names)
	}
	got = stringsQuery(t, conn, `SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE c.relkind = 'r' AND n.nspname = c.relname AND starts_with(c.relname::text, $1)`, prefix)
	if !slices.Equal(got, names) {
		t.Fatalf("tables read back differ:\n got %q\nwant %q", got, names)
	}
	got = stringsQuery(t, conn, `SELECT a.attname::text FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
		WHERE a.attnum > 0 AND a.attname = c.relname AND starts_with(c.relname::text, $1)`, prefix)
	if !slices.Equal(got, names) {
		t.Fatalf("columns read back differ:\n got %q\nwant %q", got, names)
	}

	// One byte more than the limit is refused before any SQL; the server
	// would have truncated it silently.
	if _, err := Postgres.Ident("role", prefix+strings.Repeat("x", max-len(prefix)+1)); err == nil {
		t.Fatal("64-byte name accepted")
	}
}

// TestServerFuncSig grants through a signature built from the catalog's own
// identity-argument text, including a type with an awkward qualified name.
func TestServerFuncSig(t *testing.T) {
	must := mustT(t)
	conn := connect(t, pgtest.NewDatabase(t))
	ctx := context.Background()
	prefix := pgtest.Prefix()
	schema := prefix + `odd "schema" 日本`
	typ := `My "type"; --`
	fn := `Fn "name" ()`
	role := prefix + "Executor"
	t.Cleanup(func() { _, _ = conn.Exec(ctx, "DROP ROLE IF EXISTS "+must(Postgres.Ident("role", role))) })

	run(t, conn, "CREATE ROLE "+must(Postgres.Ident("role", role)))
	run(t, conn, "CREATE SCHEMA "+must(Postgres.Ident("schema", schema)))
	run(t, conn, "CREATE DOMAIN "+must(Postgres.Qualified(schema, typ))+" AS integer")
	run(t, conn, "CREATE FUNCTION "+must(Postgres.Qualified(schema, fn))+
		"(a integer, \"b c\" "+must(Postgres.Qualified(schema, typ))+", d character varying[], OUT e text) AS $$ SELECT 'x' $$ LANGUAGE sql")

	var oid uint32
	var args string
	err := conn.QueryRow(ctx, `SELECT p.oid, pg_get_function_identity_arguments(p.oid) FROM pg_proc p
		JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1 AND p.proname = $2`, schema, fn).Scan(&oid, &args)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("catalog identity arguments: %s", args)
	sig, err := Postgres.FuncSig(schema, fn, args)
	if err != nil {
		t.Fatalf("FuncSig rejected the catalog's own argument text %q: %v", args, err)
	}
	q := must(Postgres.Ident("role", role))
	can := func() bool {
		var ok bool
		if err := conn.QueryRow(ctx, "SELECT has_function_privilege($1, $2::oid, 'EXECUTE')", role, oid).Scan(&ok); err != nil {
			t.Fatal(err)
		}
		return ok
	}
	run(t, conn, "REVOKE EXECUTE ON FUNCTION "+sig+" FROM PUBLIC")
	if can() {
		t.Fatal("role can execute before the grant")
	}
	run(t, conn, "GRANT EXECUTE ON FUNCTION "+sig+" TO "+q)
	if !can() {
		t.Fatalf("GRANT through %s did not reach the function", sig)
	}
	run(t, conn, "REVOKE EXECUTE ON FUNCTION "+sig+" FROM "+q)
	if can() {
		t.Fatal("REVOKE did not reach the function")
	}
}

var literalValues = []string{
	"", "plain", "it's", "''", `\`, `\\`, `\'`, `'\`, `back\slash`, `\n is not a newline`, `\x41\101\u0041`,
	"real\nnewline\ttab\r", `x\'; SELECT 1; --`, `E'x'`, "$$dollar$$", `"double"`, "日本語 😀 e\u0301 ß İ",
	"\u00a0nbsp\ufeffbom", "\x01\x7f", "md5153c434b4b77c89e6b94f12c5393af5b",
	"SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$abc+/=:def",
}

func randomValue(r *rand.Rand) string {
	pieces := append([]string{"'", "\\", "\\'", "''", "\\\\", "a", " ", "\n", "日", "😀", "\"", "E", "$$"}, literalValues...)
	var b strings.Builder
	for range r.IntN(12) {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// TestServerLiteralsRoundTrip inserts literals through the product's DDL path
// (Exec without arguments) and reads them back byte-equal. The Redshift form
// is checked on PostgreSQL with standard_conforming_strings off, where plain
// literals treat backslash as an escape exactly as Redshift does.
func TestServerLiteralsRoundTrip(t *testing.T) {
	must := mustT(t)
	conn := connect(t, pgtest.NewDatabase(t))
	ctx := context.Background()
	seed := uint64(time.Now().UnixNano())
	t.Logf("random values seed %d", seed)
	r := rand.New(rand.NewPCG(seed, 1))
	values := slices.Clone(literalValues)
	for range 200 {
		values = append(values, randomValue(r))
	}

	cases := []struct {
		name     string
		dialect  Dialect
		settings []string
	}{
		{"postgres/standard strings on", Postgres, []string{"SET standard_conforming_strings = on"}},
		{"postgres/standard strings off", Postgres, []string{"SET standard_conforming_strings = off", "SET escape_string_warning = off"}},
		{"redshift/backslash escapes", Redshift, []string{"SET standard_conforming_strings = off", "SET escape_string_warning = off"}},
	}
	run(t, conn, "CREATE TABLE vals (id int PRIMARY KEY, v text)")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, s := range c.settings {
				run(t, conn, s)
			}
			run(t, conn, "TRUNCATE vals")
			for i, v := range values {
				lit := must(c.dialect.Literal(v))
				run(t, conn, "INSERT INTO vals VALUES ("+Int(int64(i))+", "+lit+")")
			}
			rows, err := conn.Query(ctx, "SELECT v FROM vals ORDER BY id")
			if err != nil {
				t.Fatal(err)
			}
			got, err := pgx.CollectRows(rows, pgx.RowTo[string])
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(values) {
				t.Fatalf("%d rows, want %d", len(got), len(values))
			}
			for i := range values {
				if got[i] != values[i] {
					t.Errorf("value %d: wrote %q as %s, read back %q", i, values[i], must(c.dialect.Literal(values[i])), got[i])
				}
			}
		})
	}

	// The settings matter: the Redshift form read with standard strings on
	// keeps doubled backslashes, so the test above is not vacuous.
	run(t, conn, "SET standard_conforming_strings = on")
	var s string
	if err := conn.QueryRow(ctx, "SELECT "+must(Redshift.Literal(`a\b`))).Scan(&s); err != nil {
		t.Fatal(err)
	}
	if s != `a\\b` {
		t.Fatalf("Redshift literal under standard strings read %q", s)
	}
}

func loginConfig(t *testing.T, dsn, user, password string) *pgx.ConnConfig {
	t.Helper()
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	cfg.User, cfg.Password = user, password
	cfg.ConnectTimeout = 20 * time.Second
	return cfg
}

func login(t *testing.T, dsn, user, password string) (string, error) {
	t.Helper()
	ctx := context.Background()
	c, err := pgx.ConnectConfig(ctx, loginConfig(t, dsn, user, password))
	if err != nil {
		return "", err
	}
	defer c.Close(ctx)
	var who string
	err = c.QueryRow(ctx, "SELECT current_user::text").Scan(&who)
	return who, err
}

// libpqLogin logs in with psql (libpq), which applies SASLprep itself.
func libpqLogin(t *testing.T, dsn, user, password string) (string, error) {
	t.Helper()
	cfg := loginConfig(t, dsn, user, password)
	cmd := exec.Command("psql", "-X", "-w", "-tA", "-h", cfg.Host, "-p", strconv.Itoa(int(cfg.Port)),
		"-U", user, "-d", cfg.Database, "-c", "SELECT current_user")
	cmd.Env = append(os.Environ(), "PGPASSWORD="+password, "PGSSLMODE=disable", "PGCONNECT_TIMEOUT=20")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", errors.New(string(out))
	}
	return strings.TrimSuffix(string(out), "\n"), nil
}

var scramPasswords = []string{
	"Abcdefg1",
	`it's a \ "pass" /@`,
	"Pässwörd€1",
	"emoji😀🎉secret",
	"密码密码密码密码",
	"with trailing space ",
}

// TestServerSCRAMLogin sets a client-computed verifier and logs in with the
// clear password through pgx and through libpq.
func TestServerSCRAMLogin(t *testing.T) {
	must := mustT(t)
	dsn := pgtest.NewDatabase(t)
	conn := connect(t, dsn)
	ctx := context.Background()
	_, psqlErr := exec.LookPath("psql")
	for i, pw := range scramPasswords {
		if err := ValidatePostgresPassword(pw); err != nil {
			t.Fatalf("password %d rejected: %v", i, err)
		}
		user := pgtest.Prefix() + `Log "In" 日本 ` + strconv.Itoa(i)
		q := must(Postgres.Ident("role", user))
		t.Cleanup(func() { _, _ = conn.Exec(ctx, "DROP ROLE IF EXISTS "+q) })
		verifier := must(PostgresSCRAM(pw))
		run(t, conn, "CREATE ROLE "+q+" LOGIN PASSWORD "+must(Postgres.Literal(verifier)))

		var stored string
		if err := conn.QueryRow(ctx, "SELECT rolpassword FROM pg_authid WHERE rolname = $1", user).Scan(&stored); err != nil {
			t.Fatal(err)
		}
		if stored != verifier {
			t.Fatalf("server stored %q, sent %q: it re-hashed the verifier", stored, verifier)
		}
		if who, err := login(t, dsn, user, pw); err != nil || who != user {
			t.Fatalf("pgx login with password %d: %q, %v", i, who, err)
		}
		_, err := login(t, dsn, user, pw+"x")
		var pgErr *pgconn.PgError
		if !errors.As(err, &pgErr) || pgErr.Code != "28P01" {
			t.Fatalf("wrong password: %v, want 28P01", err)
		}
		if psqlErr == nil {
			if who, err := libpqLogin(t, dsn, user, pw); err != nil || who != user {
				t.Fatalf("psql login with password %d: %q, %v", i, who, err)
			}
		}
	}
	if psqlErr != nil {
		t.Log("psql not found: libpq logins not checked")
	}
}

// TestServerSCRAMMatchesServer lets the server hash clear passwords and
// recomputes the verifier with the server's salt: equal for every password
// the validator accepts, different where SASLprep rewrites the password
// (which is why the validator refuses those).
func TestServerSCRAMMatchesServer(t *testing.T) {
	must := mustT(t)
	conn := connect(t, pgtest.NewDatabase(t))
	ctx := context.Background()
	role := pgtest.Prefix() + "Scram"
	q := must(Postgres.Ident("role", role))
	run(t, conn, "CREATE ROLE "+q)
	t.Cleanup(func() { _, _ = conn.Exec(ctx, "DROP ROLE IF EXISTS "+q) })
	run(t, conn, "SET password_encryption = 'scram-sha-256'")

	serverVerifier := func(pw string) string {
		run(t, conn, "ALTER ROLE "+q+" PASSWORD "+must(Postgres.Literal(pw)))
		var v string
		if err := conn.QueryRow(ctx, "SELECT rolpassword FROM pg_authid WHERE rolname = $1", role).Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	ours := func(pw, server string) string {
		m := verifierRE.FindStringSubmatch(server)
		if m == nil {
			t.Fatalf("server verifier %q has an unexpected shape", server)
		}
		salt := mustB64(t, m[1])
		v, err := scramVerifier(pw, salt, scramIterations)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, pw := range append(slices.Clone(scramPasswords), "tab\tand\x01ascii") {
		if sv := serverVerifier(pw); ours(pw, sv) != sv {
			t.Errorf("verifier for %q differs from the server's", pw)
		}
	}
	// SASLprep rewrites these; the server hashes the rewritten form.
	for pw, prepped := range map[string]string{
		"ﬁnancial-pw":    "financial-pw",
		"nbsp\u00a0pass": "nbsp pass",
		"soft\u00adhyph": "softhyph",
		"Ｆｕｌｌｗｉｄｔｈ":      "Fullwidth",
	} {
		if ValidatePostgresPassword(pw) == nil {
			t.Errorf("validator accepts %q, which SASLprep rewrites", pw)
		}
		sv := serverVerifier(pw)
		if ours(pw, sv) == sv || ours(prepped, sv) != sv {
			t.Errorf("server's SASLprep of %q is not %q as expected", pw, prepped)
		}
	}
}

// TestServerMD5Formula: with password_encryption = md5 the server hashes a
// clear password; RedshiftMD5 with the stored name must give the same text.
func TestServerMD5Formula(t *testing.T) {
	must := mustT(t)
	conn := connect(t, pgtest.NewDatabase(t))
	ctx := context.Background()
	prefix := pgtest.Prefix()
	run(t, conn, "SET password_encryption = 'md5'")
	for i, name := range []string{prefix + "user1", prefix + "MixedCase", prefix + `Quo"te 日本 😀`, prefix + `back\slash`} {
		q := must(Postgres.Ident("user", name))
		run(t, conn, "CREATE ROLE "+q+" LOGIN")
		t.Cleanup(func() { _, _ = conn.Exec(ctx, "DROP ROLE IF EXISTS "+q) })
		read := func() string {
			var v string
			if err := conn.QueryRow(ctx, "SELECT rolpassword FROM pg_authid WHERE rolname = $1", name).Scan(&v); err != nil {
				t.Fatal(err)
			}
			return v
		}
		pw := "Passw0rd" + strconv.Itoa(i)
		run(t, conn, "ALTER ROLE "+q+" PASSWORD "+must(Postgres.Literal(pw)))
		if got, want := read(), RedshiftMD5(pw, name); got != want {
			t.Fatalf("server md5 for %q = %s, RedshiftMD5 = %s", name, got, want)
		}
		// A hash sent as the password is stored as-is.
		h := RedshiftMD5("Other1pw", name)
		run(t, conn, "ALTER ROLE "+q+" PASSWORD "+must(Redshift.Literal(h)))
		if got := read(); got != h {
			t.Fatalf("md5 hash stored as %s, sent %s", got, h)
		}
	}
}
