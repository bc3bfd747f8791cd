// Package pgcluster starts and stops a throwaway PostgreSQL cluster from the
// system's binaries (initdb + pg_ctl) in a temporary directory on a free port.
// It backs the integration tests and the "Local sandbox" of `make run`.
package pgcluster

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Options tune a new cluster. Zero values pick sensible defaults.
type Options struct {
	SuperUser string // default "rsmate_admin"
	Password  string // default: random
	Port      int    // default: a free port on 127.0.0.1
	// Registry, when set, is a directory where the running cluster keeps a
	// marker naming this process, so that ReapOrphans finds it if this process
	// dies without Stop (a crash, kill -9).
	Registry string
}

// Cluster is a running throwaway server. Stop removes every file it made.
type Cluster struct {
	Host      string
	Port      int
	SuperUser string
	Password  string

	dir    string
	bin    string
	cred   *credential
	marker string // registry entry, removed by Stop
}

// Start runs initdb and pg_ctl start. As root the server runs as the
// "postgres" system user, which PostgreSQL requires.
func Start(ctx context.Context, opt Options) (*Cluster, error) {
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	c := &Cluster{Host: "127.0.0.1", Port: opt.Port, SuperUser: opt.SuperUser, Password: opt.Password, bin: bin}
	if c.SuperUser == "" {
		c.SuperUser = "rsmate_admin"
	}
	if c.Password == "" {
		c.Password = randomHex(12)
	}
	if c.Port == 0 {
		if c.Port, err = freePort(); err != nil {
			return nil, err
		}
	}
	if c.dir, err = os.MkdirTemp("", dirPrefix); err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			c.Stop()
		}
	}()
	// Registered before initdb: a crash at any later point leaves a marker.
	if opt.Registry != "" {
		if c.marker, err = writeMarker(opt.Registry, c); err != nil {
			return nil, err
		}
	}
	if os.Geteuid() == 0 {
		if c.cred, err = postgresCredential(); err != nil {
			return nil, err
		}
		if err := os.Chown(c.dir, int(c.cred.Uid), int(c.cred.Gid)); err != nil {
			return nil, err
		}
	}
	pwFile := filepath.Join(c.dir, "pw")
	if err := c.writeOwned(pwFile, c.Password+"\n"); err != nil {
		return nil, err
	}
	data := filepath.Join(c.dir, "data")
	if err := c.run(ctx, "initdb", "-D", data, "-U", c.SuperUser, "--pwfile", pwFile,
		"-E", "UTF8", "--no-locale", "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync"); err != nil {
		return nil, err
	}
	_ = os.Remove(pwFile)
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
		c.Port, c.dir)
	if err := c.run(ctx, "pg_ctl", "start", "-D", data, "-w", "-t", "60", "-l", filepath.Join(c.dir, "server.log"), "-o", opts); err != nil {
		return nil, fmt.Errorf("%w\n%s", err, c.Log())
	}
	ok = true
	return c, nil
}

// DSN is a URL for the superuser on the given database.
func (c *Cluster) DSN(database string) string {
	u := url.URL{Scheme: "postgres", User: url.UserPassword(c.SuperUser, c.Password),
		Host: net.JoinHostPort(c.Host, strconv.Itoa(c.Port)), Path: "/" + database, RawQuery: "sslmode=disable"}
	return u.String()
}

// Log returns the server log, for failure messages.
func (c *Cluster) Log() string {
	b, _ := os.ReadFile(filepath.Join(c.dir, "server.log"))
	return string(b)
}

// Stop shuts the server down and deletes its directory. Safe to call twice.
func (c *Cluster) Stop() {
	if c == nil || c.dir == "" {
		return
	}
	data := filepath.Join(c.dir, "data")
	if _, err := os.Stat(filepath.Join(data, "postmaster.pid")); err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		_ = c.run(ctx, "pg_ctl", "stop", "-D", data, "-m", "immediate", "-w")
		cancel()
	}
	_ = os.RemoveAll(c.dir)
	c.dir = ""
	if c.marker != "" {
		_ = os.Remove(c.marker)
		c.marker = ""
	}
}

// Dir is the directory holding the cluster's files.
func (c *Cluster) Dir() string { return c.dir }

func (c *Cluster) run(ctx context.Context, name string, args ...string) error {
	cmd := exec.CommandContext(ctx, filepath.Join(c.bin, name), args...)
	cmd.Dir = c.dir
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	if c.cred != nil {
		runAs(cmd, c.cred)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %w: %s", name, err, strings.TrimSpace(string(out)))
	}
	return nil
}

func (c *Cluster) writeOwned(path, content string) error {
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		return err
	}
	if c.cred != nil {
		return os.Chown(path, int(c.cred.Uid), int(c.cred.Gid))
	}
	return nil
}

// FindBinaries reports the folder of the PostgreSQL server binaries a cluster
// would be started with, or why there is none (the app says so before offering
// the Local sandbox).
func FindBinaries() (string, error) { return binDir() }

// binDir finds the newest installed PostgreSQL server binaries.
func binDir() (string, error) {
	if d := os.Getenv("RSMATE_PG_BIN"); d != "" {
		return d, nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return versionOf(dirs[i]) > versionOf(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", errors.New("PostgreSQL server binaries not found: install the 'postgresql' package or set RSMATE_PG_BIN")
}

func versionOf(binPath string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(binPath)))
	return v
}

func postgresCredential() (*credential, error) {
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, fmt.Errorf("running as root needs a 'postgres' system user: %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return &credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
