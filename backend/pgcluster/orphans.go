package pgcluster

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// A registry is a private directory where each running cluster started with
// Options.Registry leaves a marker naming its owner process and directory.
// Stop removes the marker; a marker whose owner is gone belongs to a cluster
// orphaned by a crash or a kill, which ReapOrphans stops and deletes.

// marker is one registry entry.
type marker struct {
	PID   int    `json:"pid"`
	Start string `json:"start,omitempty"` // the owner's start time, where the OS tells it (pid reuse)
	Dir   string `json:"dir"`
	Port  int    `json:"port"`
}

// dirPrefix names every cluster directory; ReapOrphans deletes nothing else.
const dirPrefix = "rsmate-pg-"

func writeMarker(registry string, c *Cluster) (string, error) {
	if err := os.MkdirAll(registry, 0o700); err != nil {
		return "", fmt.Errorf("cluster registry: %w", err)
	}
	start, _ := processStart(os.Getpid())
	b, err := json.Marshal(marker{PID: os.Getpid(), Start: start, Dir: c.dir, Port: c.Port})
	if err != nil {
		return "", err
	}
	path := filepath.Join(registry, filepath.Base(c.dir)+".json")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		return "", fmt.Errorf("cluster registry: %w", err)
	}
	return path, nil
}

// ReapOrphans stops and deletes every cluster in registry whose owner process
// is no longer running, and returns their directories. Clusters of running
// owners (another instance of the app) are left alone.
func ReapOrphans(registry string) ([]string, error) {
	entries, err := os.ReadDir(registry)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var reaped []string
	var errs []error
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		path := filepath.Join(registry, e.Name())
		b, err := os.ReadFile(path)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		var m marker
		if err := json.Unmarshal(b, &m); err != nil || !validClusterDir(m.Dir) {
			_ = os.Remove(path) // not ours to act on; a broken marker is only noise
			continue
		}
		if ownerAlive(m) {
			continue
		}
		if err := stopOrphan(m.Dir); err != nil {
			errs = append(errs, fmt.Errorf("stopping the orphaned cluster in %s: %w", m.Dir, err))
			continue
		}
		_ = os.Remove(path)
		reaped = append(reaped, m.Dir)
	}
	return reaped, errors.Join(errs...)
}

// validClusterDir: an absolute path to a directory named like the ones Start
// makes. A marker can only make ReapOrphans delete such a directory.
func validClusterDir(dir string) bool {
	return filepath.IsAbs(dir) && filepath.Clean(dir) == dir && strings.HasPrefix(filepath.Base(dir), dirPrefix)
}

func ownerAlive(m marker) bool {
	if m.PID <= 0 || !processRunning(m.PID) {
		return false
	}
	if m.Start == "" {
		return true
	}
	start, ok := processStart(m.PID)
	return !ok || start == m.Start // another process now has the pid: the owner is gone
}

// stopOrphan stops the postmaster of dir (pg_ctl stop -m immediate, as the
// user the server runs as) and deletes dir.
func stopOrphan(dir string) error {
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	bin, err := binDir()
	if err != nil {
		return err
	}
	c := &Cluster{dir: dir, bin: bin}
	if os.Geteuid() == 0 {
		if c.cred, err = postgresCredential(); err != nil {
			return err
		}
	}
	c.Stop()
	if _, err := os.Stat(dir); err == nil {
		return fmt.Errorf("%s is still there", dir)
	}
	return nil
}
