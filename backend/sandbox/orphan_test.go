package sandbox

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redshiftmate/rsmate/backend/pgcluster"
)

// childEnv selects TestSandboxChildProcess in a child run of the test binary.
const childEnv = "RSMATE_SANDBOX_TEST_CHILD"

// TestSandboxChildProcess is the app in TestOrphanedSandboxIsRemovedAtNextStart:
// it starts a sandbox, prints its port and directory, and waits to be killed.
func TestSandboxChildProcess(t *testing.T) {
	if os.Getenv(childEnv) != "1" {
		t.Skip("helper process of TestOrphanedSandboxIsRemovedAtNextStart")
	}
	sb, err := Start(context.Background())
	if err != nil {
		fmt.Println("ERROR", err)
		os.Exit(1)
	}
	fmt.Printf("SANDBOX %d %s\n", sb.Profile().Port, sb.cluster.Dir())
	select {}
}

func portOpen(port int) bool {
	c, err := net.DialTimeout("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), time.Second)
	if err != nil {
		return false
	}
	c.Close()
	return true
}

func TestOrphanedSandboxIsRemovedAtNextStart(t *testing.T) {
	if testing.Short() {
		t.Skip("starts two sandboxes")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestSandboxChildProcess$")
	cmd.Env = append(os.Environ(), childEnv+"=1")
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		_, _ = pgcluster.ReapOrphans(Registry()) // whatever a failed run left
	})
	line := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "SANDBOX ") || strings.HasPrefix(sc.Text(), "ERROR ") {
				line <- sc.Text()
				return
			}
		}
		close(line)
	}()
	var port int
	var dir string
	select {
	case l := <-line:
		if _, err := fmt.Sscanf(l, "SANDBOX %d %s", &port, &dir); err != nil {
			t.Fatalf("child: %q", l)
		}
	case <-time.After(3 * time.Minute):
		t.Fatal("the child did not start its sandbox")
	}
	marker := filepath.Join(Registry(), filepath.Base(dir)+".json")
	b, err := os.ReadFile(marker)
	if err != nil || !strings.Contains(string(b), fmt.Sprintf(`"pid":%d,`, cmd.Process.Pid)) {
		t.Fatalf("marker of the child's sandbox = %s, %v; want it to name pid %d", b, err, cmd.Process.Pid)
	}

	// kill -9: the app gets no chance to stop its sandbox.
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if !portOpen(port) {
		t.Fatalf("port %d closed when the owner died: nothing was orphaned, the test proves nothing", port)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("orphan's directory: %v", err)
	}

	sb, err := Start(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Stop()
	if portOpen(port) {
		t.Errorf("port %d of the orphaned sandbox still accepts connections after the next Start", port)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("the orphaned sandbox's directory %s is still there (%v)", dir, err)
	}
	if _, err := os.Stat(marker); !os.IsNotExist(err) {
		t.Errorf("the orphan's marker is still there (%v)", err)
	}
	// The new sandbox is registered while it runs and unregistered by Stop.
	own := filepath.Join(Registry(), filepath.Base(sb.cluster.Dir())+".json")
	if _, err := os.Stat(own); err != nil {
		t.Errorf("the running sandbox has no marker: %v", err)
	}
	sb.Stop()
	if _, err := os.Stat(own); !os.IsNotExist(err) {
		t.Errorf("Stop left the marker (%v)", err)
	}
}
