// Package sandbox runs the "Local sandbox": a throwaway PostgreSQL seeded with a
// realistic access model, so the app is useful without any cluster. The same
// sandbox can also run as "Redshift (emulated)" (emulated.go).
package sandbox

import (
	"context"
	_ "embed"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/pgcluster"
	"github.com/redshiftmate/rsmate/backend/profile"
	"github.com/redshiftmate/rsmate/backend/synthetic"
)

const (
	// ProfileID is the id of the ephemeral sandbox profile.
	ProfileID = "sandbox"
	// Database is the seeded database.
	Database = "analytics"
	// SuperUser is the sandbox cluster's superuser, the profile's user.
	SuperUser = "rsmate_admin"
)

// seedSQL is fixed test data (no outside input), run as one script.
//
//go:embed seed.sql
var seedSQL string

// Sandbox is a running seeded server.
type Sandbox struct {
	cluster  *pgcluster.Cluster
	database string // what the Local sandbox profile opens
	emulated bool   // Redshift (emulated): see StartEmulated
	stopOnce sync.Once
}

// Start launches the cluster and seeds the "analytics" database.
// RSMATE_SANDBOX_PORT and RSMATE_SANDBOX_PASSWORD pin the port and the
// superuser password (the end-to-end tests need both); otherwise a free port
// and a random password are used.
//
// Sandboxes left running by an app that crashed or was killed are stopped
// and deleted first (see Registry).
func Start(ctx context.Context) (*Sandbox, error) {
	registry := reapOrphans()
	opt := pgcluster.Options{SuperUser: SuperUser, Password: os.Getenv("RSMATE_SANDBOX_PASSWORD"), Registry: registry}
	if p := os.Getenv("RSMATE_SANDBOX_PORT"); p != "" {
		port, err := strconv.Atoi(p)
		if err != nil || port <= 0 || port > 65535 {
			return nil, fmt.Errorf("RSMATE_SANDBOX_PORT: not a port number: %q", p)
		}
		opt.Port = port
	}
	c, err := pgcluster.Start(ctx, opt)
	if err != nil {
		return nil, fmt.Errorf("starting sandbox PostgreSQL: %w", err)
	}
	if err := seed(ctx, c); err != nil {
		c.Stop()
		return nil, fmt.Errorf("seeding sandbox: %w", err)
	}
	// RSMATE_SANDBOX_SCALE=big adds the benchmark's synthetic catalog (2,000
	// users, 20,000 tables, 850k grants) in a database of its own, for timing
	// the UI on a big cluster. It takes about half a minute to build.
	sb := &Sandbox{cluster: c, database: Database}
	if os.Getenv("RSMATE_SANDBOX_SCALE") == "big" {
		if err := seedBig(ctx, c); err != nil {
			c.Stop()
			return nil, fmt.Errorf("building the synthetic catalog: %w", err)
		}
		sb.database = BigDatabase // open the big one; the seeded one stays a switch away
	}
	return sb, nil
}

// reapOrphans stops and deletes the sandboxes of apps that are gone, and
// returns the registry new sandboxes register in.
func reapOrphans() string {
	registry := Registry()
	if reaped, err := pgcluster.ReapOrphans(registry); err != nil {
		log.Printf("sandbox: removing orphaned sandboxes: %v", err)
	} else if len(reaped) > 0 {
		log.Printf("sandbox: removed %d orphaned sandbox cluster(s): %v", len(reaped), reaped)
	}
	return registry
}

// Registry is where running sandboxes are registered with the pid of the app
// that owns them: the user's cache directory (the temp directory if there is
// none), so every instance of the app finds the others' orphans.
func Registry() string {
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	return filepath.Join(base, "redshift-mate", "sandbox-clusters")
}

// BigDatabase holds the synthetic catalog when RSMATE_SANDBOX_SCALE=big.
const BigDatabase = "synthetic"

func seedBig(ctx context.Context, c *pgcluster.Cluster) error {
	admin, err := pgx.Connect(ctx, c.DSN("postgres"))
	if err != nil {
		return err
	}
	_, err = admin.Exec(ctx, "CREATE DATABASE "+BigDatabase)
	admin.Close(ctx)
	if err != nil {
		return err
	}
	if err := synthetic.Build(ctx, c.DSN(BigDatabase), log.Printf); err != nil {
		return err
	}
	// RSMATE_SANDBOX_USERS=N grows it to N login users (the UI timing runs at 100,000).
	if v := os.Getenv("RSMATE_SANDBOX_USERS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			return fmt.Errorf("RSMATE_SANDBOX_USERS: not a positive number: %q", v)
		}
		return synthetic.AddUsers(ctx, c.DSN(BigDatabase), n, log.Printf)
	}
	return nil
}

func seed(ctx context.Context, c *pgcluster.Cluster) error {
	admin, err := pgx.Connect(ctx, c.DSN("postgres"))
	if err != nil {
		return err
	}
	_, err = admin.Exec(ctx, "CREATE DATABASE "+Database)
	admin.Close(ctx)
	if err != nil {
		return err
	}
	conn, err := pgx.Connect(ctx, c.DSN(Database))
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	// No arguments: pgx sends the whole script with the simple protocol.
	_, err = conn.Exec(ctx, seedSQL)
	return err
}

// Profile is the ready-made "Local sandbox" connection profile.
func (s *Sandbox) Profile() profile.Profile {
	if s.emulated {
		return s.emulatedProfile()
	}
	return profile.Profile{
		ID:                ProfileID,
		Name:              "Local sandbox",
		Engine:            profile.EnginePostgres,
		Host:              s.cluster.Host,
		Port:              s.cluster.Port,
		Database:          s.database,
		User:              s.cluster.SuperUser,
		SSLMode:           profile.SSLDisable,
		ConnectTimeoutSec: 10,
		Color:             "#12b886",
		Sandbox:           true,
	}
}

// Password is the superuser's password; it lives only in memory.
func (s *Sandbox) Password() string { return s.cluster.Password }

// Stop shuts the server down and removes its files. Safe to call twice.
func (s *Sandbox) Stop() {
	if s == nil {
		return
	}
	s.stopOnce.Do(s.cluster.Stop)
}
