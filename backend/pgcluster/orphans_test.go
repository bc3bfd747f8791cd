package pgcluster

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// deadPID is the pid of a process that has exited.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

func putMarker(t *testing.T, registry string, m marker) string {
	t.Helper()
	b, _ := json.Marshal(m)
	p := filepath.Join(registry, filepath.Base(m.Dir)+".json")
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReapOrphansRemovesOnlyClustersOfDeadOwners(t *testing.T) {
	registry, tmp := t.TempDir(), t.TempDir()
	mk := func(name string) string {
		d := filepath.Join(tmp, name)
		if err := os.MkdirAll(filepath.Join(d, "data"), 0o700); err != nil {
			t.Fatal(err)
		}
		return d
	}
	orphan, live, foreign := mk(dirPrefix+"orphan"), mk(dirPrefix+"live"), mk("not-a-cluster")
	self, _ := processStart(os.Getpid())
	orphanMarker := putMarker(t, registry, marker{PID: deadPID(t), Dir: orphan})
	liveMarker := putMarker(t, registry, marker{PID: os.Getpid(), Start: self, Dir: live})
	// A marker may never make ReapOrphans delete a directory Start did not make.
	foreignMarker := putMarker(t, registry, marker{PID: deadPID(t), Dir: foreign})

	reaped, err := ReapOrphans(registry)
	if err != nil {
		t.Fatal(err)
	}
	if len(reaped) != 1 || reaped[0] != orphan {
		t.Errorf("reaped %v, want [%s]", reaped, orphan)
	}
	for path, wantGone := range map[string]bool{orphan: true, orphanMarker: true, live: false, liveMarker: false, foreign: false, foreignMarker: true} {
		_, err := os.Stat(path)
		if gone := os.IsNotExist(err); gone != wantGone {
			t.Errorf("%s: gone=%v, want %v", path, gone, wantGone)
		}
	}
}

func TestOwnerWithReusedPIDCountsAsDead(t *testing.T) {
	self, ok := processStart(os.Getpid())
	if !ok {
		t.Skip("no process start times on this system")
	}
	if !ownerAlive(marker{PID: os.Getpid(), Start: self}) {
		t.Fatal("this process counts as dead")
	}
	if ownerAlive(marker{PID: os.Getpid(), Start: self + "1"}) {
		t.Fatal("a process started at another time under the owner's pid counts as the owner")
	}
}

func TestReapOrphansOfMissingRegistryIsNoOp(t *testing.T) {
	reaped, err := ReapOrphans(filepath.Join(t.TempDir(), "none"))
	if err != nil || len(reaped) != 0 {
		t.Fatalf("ReapOrphans(missing) = %v, %v", reaped, err)
	}
}
