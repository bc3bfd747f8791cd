// Package sshdtest starts a real OpenSSH server on loopback for tests: a
// temporary sshd_config, generated host and user keys, a free port, nothing
// system-wide (except a throwaway user for password login, only as root).
package sshdtest

import (
	"bufio"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"
)

// Server is a running sshd.
type Server struct {
	Host, User string
	Port       int
	Dir        string
	// HostKey is the server's ed25519 host key (its public half).
	HostKey ssh.PublicKey
	// KeyFile is an unencrypted user key authorized for User;
	// EncryptedKeyFile the same key's twin encrypted with Passphrase.
	KeyFile, EncryptedKeyFile, Passphrase string
	// Signer is the user key, for an in-process agent.
	Signer  ssh.Signer
	LogFile string
	cmd     *exec.Cmd
}

// Options of Start.
type Options struct {
	// PasswordUser, when set, creates (as root only) a throwaway system user
	// with this password and allows password login for it.
	PasswordUser, Password string
}

// Binary returns the sshd path or skips the test.
func Binary(tb testing.TB) string {
	for _, p := range []string{"/usr/sbin/sshd", "/usr/local/sbin/sshd"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("sshd"); err == nil {
		return p
	}
	tb.Skip("sshd is not installed (Debian: openssh-server; scripts/deps.sh installs it)")
	return ""
}

// Start runs sshd until the test ends.
func Start(tb testing.TB, opt Options) *Server {
	tb.Helper()
	bin := Binary(tb)
	dir := tb.TempDir()
	me, err := user.Current()
	if err != nil {
		tb.Fatal(err)
	}
	s := &Server{Host: "127.0.0.1", User: me.Username, Dir: dir, Passphrase: "correct horse " + strconv.Itoa(os.Getpid())}

	hostPub, hostPEM := NewKey(tb)
	must(tb, os.WriteFile(filepath.Join(dir, "host_ed25519"), hostPEM, 0o600))
	s.HostKey = hostPub
	userPub, userPEM := NewKey(tb)
	s.KeyFile = filepath.Join(dir, "id_ed25519")
	must(tb, os.WriteFile(s.KeyFile, userPEM, 0o600))
	signer, err := ssh.ParsePrivateKey(userPEM)
	must(tb, err)
	s.Signer = signer
	s.EncryptedKeyFile = filepath.Join(dir, "id_ed25519_enc")
	must(tb, os.WriteFile(s.EncryptedKeyFile, encryptKey(tb, userPEM, s.Passphrase), 0o600))
	must(tb, os.WriteFile(filepath.Join(dir, "authorized_keys"), ssh.MarshalAuthorizedKey(userPub), 0o600))

	password := "no"
	var extra []string
	if opt.PasswordUser != "" {
		if os.Geteuid() != 0 {
			tb.Skip("password login needs a real system user; creating one needs root (run the tests as root to include it)")
		}
		addUser(tb, opt.PasswordUser, opt.Password)
		// Only the throwaway user may log in with a password (Match goes last).
		extra = append(extra, "Match User "+opt.PasswordUser, "  PasswordAuthentication yes")
	}
	s.Port = freePort(tb)
	s.LogFile = filepath.Join(dir, "sshd.log")
	cfg := []string{
		"ListenAddress 127.0.0.1",
		"Port " + strconv.Itoa(s.Port),
		"HostKey " + filepath.Join(dir, "host_ed25519"),
		"AuthorizedKeysFile " + filepath.Join(dir, "authorized_keys"),
		"PidFile " + filepath.Join(dir, "sshd.pid"),
		"PasswordAuthentication " + password,
		"KbdInteractiveAuthentication no",
		"PubkeyAuthentication yes",
		"PermitRootLogin yes",
		"UsePAM no",
		"StrictModes no",
		"AllowTcpForwarding yes",
		"PermitTunnel no",
		"X11Forwarding no",
		"LogLevel DEBUG1", // logs each forwarded connection (direct-tcpip) too
		"MaxStartups 50",
	}
	cfg = append(cfg, extra...)
	cfgFile := filepath.Join(dir, "sshd_config")
	must(tb, os.WriteFile(cfgFile, []byte(strings.Join(cfg, "\n")+"\n"), 0o600))
	if os.Geteuid() == 0 {
		must(tb, os.MkdirAll("/run/sshd", 0o755)) // privilege separation directory sshd insists on
	}
	s.cmd = exec.Command(bin, "-D", "-f", cfgFile, "-E", s.LogFile)
	s.cmd.Stdout, s.cmd.Stderr = os.Stderr, os.Stderr
	must(tb, s.cmd.Start())
	exited := make(chan struct{})
	go func() { _ = s.cmd.Wait(); close(exited) }()
	tb.Cleanup(func() {
		_ = s.cmd.Process.Kill()
		<-exited
	})
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", s.Addr(), time.Second)
		if err == nil {
			c.Close()
			break
		}
		select {
		case <-exited:
			tb.Fatalf("sshd exited at start; log:\n%s", s.Log())
		default:
		}
		if time.Now().After(deadline) {
			tb.Fatalf("sshd did not listen on %s; log:\n%s", s.Addr(), s.Log())
		}
		time.Sleep(50 * time.Millisecond)
	}
	return s
}

// Addr is host:port.
func (s *Server) Addr() string { return net.JoinHostPort(s.Host, strconv.Itoa(s.Port)) }

// KnownHostsLine is the known_hosts entry of this server's key.
func (s *Server) KnownHostsLine() string {
	return fmt.Sprintf("[%s]:%d %s", s.Host, s.Port, strings.TrimSpace(string(ssh.MarshalAuthorizedKey(s.HostKey))))
}

// Log returns sshd's log so far.
func (s *Server) Log() string {
	b, _ := os.ReadFile(s.LogFile)
	return string(b)
}

// WaitLog waits until the log holds n lines containing sub. sshd logs a
// closed connection only after its session process ends, which can take
// seconds on a loaded machine: give it a generous limit.
func (s *Server) WaitLog(tb testing.TB, sub string, n int, within time.Duration) {
	tb.Helper()
	deadline := time.Now().Add(within)
	for {
		if s.CountLog(sub) >= n {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("sshd log has fewer than %d lines with %q:\n%s", n, sub, s.Log())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// WaitSessionsClosed waits until sshd has logged the end of at least n
// authenticated connections. A client that closes while sshd is writing makes
// it log "Read error from remote host … reset" instead of "Closing connection
// to"; both mean the connection is gone (preauth lines are not sessions).
func (s *Server) WaitSessionsClosed(tb testing.TB, n int, within time.Duration) {
	tb.Helper()
	deadline := time.Now().Add(within)
	for {
		if s.CountLog("Closing connection to")+s.countLogExcept("Read error from remote host", "[preauth]") >= n {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("sshd logged the end of fewer than %d connections:\n%s", n, s.Log())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (s *Server) countLogExcept(sub, except string) int {
	return s.countLines(func(line string) bool { return strings.Contains(line, sub) && !strings.Contains(line, except) })
}

// CountLog counts the log lines containing sub.
func (s *Server) CountLog(sub string) int {
	return s.countLines(func(line string) bool { return strings.Contains(line, sub) })
}

// countLines counts the log lines that match.
func (s *Server) countLines(match func(line string) bool) int {
	f, err := os.Open(s.LogFile)
	if err != nil {
		return 0
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if match(sc.Text()) {
			n++
		}
	}
	return n
}

// AuthorizeAlso authorizes another public key for login.
func (s *Server) AuthorizeAlso(tb testing.TB, pub ssh.PublicKey) {
	f, err := os.OpenFile(filepath.Join(s.Dir, "authorized_keys"), os.O_APPEND|os.O_WRONLY, 0o600)
	must(tb, err)
	_, err = f.Write(ssh.MarshalAuthorizedKey(pub))
	must(tb, err)
	must(tb, f.Close())
}

// NewKey makes an ed25519 key: its public half and its OpenSSH PEM.
func NewKey(tb testing.TB) (ssh.PublicKey, []byte) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	must(tb, err)
	block, err := ssh.MarshalPrivateKey(priv, "")
	must(tb, err)
	sp, err := ssh.NewPublicKey(pub)
	must(tb, err)
	return sp, pem.EncodeToMemory(block)
}

func encryptKey(tb testing.TB, plainPEM []byte, passphrase string) []byte {
	raw, err := ssh.ParseRawPrivateKey(plainPEM)
	must(tb, err)
	block, err := ssh.MarshalPrivateKeyWithPassphrase(raw, "", []byte(passphrase))
	must(tb, err)
	return pem.EncodeToMemory(block)
}

var userMu sync.Mutex

// addUser creates a throwaway login user (removed when the test ends).
func addUser(tb testing.TB, name, password string) {
	userMu.Lock()
	defer userMu.Unlock()
	if _, err := user.Lookup(name); err != nil {
		if out, err := exec.Command("useradd", "--no-create-home", "--shell", "/bin/false", name).CombinedOutput(); err != nil {
			tb.Fatalf("useradd %s: %v: %s", name, err, out)
		}
		tb.Cleanup(func() { _ = exec.Command("userdel", name).Run() })
	}
	cmd := exec.Command("chpasswd")
	cmd.Stdin = strings.NewReader(name + ":" + password + "\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("chpasswd: %v: %s", err, out)
	}
}

func freePort(tb testing.TB) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	must(tb, err)
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func must(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Fatal(err)
	}
}
