package sandbox

import (
	"context"
	_ "embed"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/engine/redshift/rsfixture"
	"github.com/redshiftmate/rsmate/backend/pgcluster"
	"github.com/redshiftmate/rsmate/backend/profile"
)

// The "Redshift (emulated)" sandbox is a throwaway PostgreSQL that holds the
// Redshift-shaped catalog views the Redshift reader's tests run against
// (rsfixture) and a small Redshift warehouse written in their conventions.
// Sessions on it use the unchanged Redshift reader and renderers, so
// Redshift's groups, system permissions, syslog access, session timeouts and
// the rest can be browsed and previewed as Redshift SQL. Nothing can be
// applied there: the statements are Redshift's.
//
// It runs a cluster of its own rather than a database of the Local sandbox's:
// PostgreSQL keeps roles per cluster, so a shared cluster would list the
// PostgreSQL sandbox's users in the Redshift view (and its groups in the
// PostgreSQL one), and a user dropped in one sandbox could break the other's seed.
const (
	// EmulatedProfileID is the id of the ephemeral emulated Redshift profile.
	EmulatedProfileID = "sandbox-redshift"
	// EmulatedDatabase holds the fixture and the seed; "dev" is the database
	// every new Redshift cluster has.
	EmulatedDatabase = "dev"
)

// redshiftSeedSQL is fixed demo data (no outside input), run after the fixture.
//
//go:embed redshift_seed.sql
var redshiftSeedSQL string

// StartEmulated launches a cluster for the emulated Redshift and seeds its
// "dev" database. Orphaned sandboxes are reaped first, as in Start.
func StartEmulated(ctx context.Context) (*Sandbox, error) {
	c, err := pgcluster.Start(ctx, pgcluster.Options{SuperUser: SuperUser, Registry: reapOrphans()})
	if err != nil {
		return nil, fmt.Errorf("starting the emulated Redshift's PostgreSQL: %w", err)
	}
	if err := seedEmulated(ctx, c); err != nil {
		c.Stop()
		return nil, fmt.Errorf("seeding the emulated Redshift: %w", err)
	}
	return &Sandbox{cluster: c, database: EmulatedDatabase, emulated: true}, nil
}

// seedEmulated creates "dev" with the Redshift-shaped catalog and the demo
// warehouse. The database's search_path puts the fixture before pg_catalog,
// as the reader's tests do per connection, so every session on "dev" sees the
// fixture's pg_user, pg_group, svv_* … under the names Redshift uses.
func seedEmulated(ctx context.Context, c *pgcluster.Cluster) error {
	admin, err := pgx.Connect(ctx, c.DSN("postgres"))
	if err != nil {
		return err
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+EmulatedDatabase); err != nil {
		return err
	}
	conn, err := pgx.Connect(ctx, c.DSN(EmulatedDatabase))
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	// No arguments: pgx sends each script whole with the simple protocol.
	if _, err := conn.Exec(ctx, rsfixture.Script()); err != nil {
		return fmt.Errorf("installing the Redshift-shaped catalog: %w", err)
	}
	if _, err := conn.Exec(ctx, redshiftSeedSQL); err != nil {
		return fmt.Errorf("running redshift_seed.sql: %w", err)
	}
	_, err = admin.Exec(ctx, "ALTER DATABASE "+EmulatedDatabase+" SET search_path TO "+rsfixture.SearchPath)
	return err
}

// Emulated reports whether this is the emulated Redshift sandbox.
func (s *Sandbox) Emulated() bool { return s.emulated }

func (s *Sandbox) emulatedProfile() profile.Profile {
	return profile.Profile{
		ID:                EmulatedProfileID,
		Name:              "Redshift (emulated)",
		Engine:            profile.EngineRedshift,
		Host:              s.cluster.Host,
		Port:              s.cluster.Port,
		Database:          EmulatedDatabase,
		User:              s.cluster.SuperUser,
		SSLMode:           profile.SSLDisable,
		ConnectTimeoutSec: 10,
		Color:             "#e8590c",
		Sandbox:           true,
	}
}
