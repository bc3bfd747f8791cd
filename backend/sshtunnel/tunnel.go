// Package sshtunnel reaches a database through an SSH bastion host, optionally
// via a chain of jump hosts. A Tunnel is an SSH client connection whose
// DialContext opens a forwarded TCP stream from the last hop; no local port
// is ever listened on. Host keys are always checked (see HostKeys).
package sshtunnel

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"

	"github.com/redshiftmate/rsmate/backend/apperr"
)

// Authentication methods (the profile's names).
const (
	AuthKey      = "key"
	AuthAgent    = "agent"
	AuthPassword = "password"
)

// Hop is one SSH server of the chain.
type Hop struct {
	Host string
	Port int
	User string
}

func (h Hop) addr() string { return net.JoinHostPort(h.Host, strconv.Itoa(h.Port)) }

// Config opens a tunnel. The secrets live here only in memory.
type Config struct {
	// Hops are connected in order: jump hosts first, the bastion last.
	Hops        []Hop
	Auth        string
	KeyFile     string
	Passphrase  string // of an encrypted KeyFile
	Password    string
	AgentSocket string // "" means $SSH_AUTH_SOCK
	HostKeys    HostKeys
	// Timeout bounds each hop's connect and handshake (default 15 s).
	Timeout time.Duration
	// Keepalive is the interval of keepalive requests (default 30 s); a hop
	// that misses keepaliveMisses in a row is closed.
	Keepalive time.Duration
}

const keepaliveMisses = 3

// Tunnel is an open chain of SSH connections. Close ends it and everything
// dialed through it.
type Tunnel struct {
	clients []*ssh.Client
	last    *ssh.Client
	target  Hop
	stop    chan struct{}
	wg      sync.WaitGroup
	once    sync.Once
}

// Open connects every hop in turn. Each failure is an *apperr.Error that
// names the hop and what went wrong.
func Open(ctx context.Context, cfg Config) (*Tunnel, error) {
	if len(cfg.Hops) == 0 {
		return nil, apperr.Invalid("the SSH tunnel has no host")
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 15 * time.Second
	}
	if cfg.Keepalive <= 0 {
		cfg.Keepalive = 30 * time.Second
	}
	auth, closeAuth, err := authMethod(cfg)
	if err != nil {
		return nil, err
	}
	defer closeAuth()
	t := &Tunnel{stop: make(chan struct{}), target: cfg.Hops[len(cfg.Hops)-1]}
	accepted := map[string]ssh.PublicKey{}
	for i, hop := range cfg.Hops {
		var via *ssh.Client
		if i > 0 {
			via = t.clients[i-1]
		}
		c, err := connectHop(ctx, cfg, hop, via, auth, accepted)
		var unknown *unknownHostError
		if errors.As(err, &unknown) {
			// Asked outside the hop's deadline: reading a fingerprint takes
			// longer than a handshake may. Accepted, the hop is connected again.
			if err = cfg.HostKeys.confirm(unknown, accepted); err == nil {
				c, err = connectHop(ctx, cfg, hop, via, auth, accepted)
			}
		}
		if err != nil {
			t.Close()
			return nil, err
		}
		t.clients = append(t.clients, c)
	}
	t.last = t.clients[len(t.clients)-1]
	for _, c := range t.clients {
		t.wg.Add(1)
		go t.keepalive(c, cfg.Keepalive)
	}
	return t, nil
}

// DialContext opens a TCP stream to addr from the bastion.
func (t *Tunnel) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	c, err := t.last.DialContext(ctx, network, addr)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, &apperr.Error{Code: "ssh_forward_failed",
			Message: "the SSH host " + t.target.addr() + " could not open a connection to " + addr,
			Detail:  err.Error(),
			Hint:    "Check that the database host and port are reachable from the bastion (security groups, routes) and that it allows TCP forwarding.",
			Err:     err}
	}
	return c, nil
}

// Close ends the keepalives and the connections, last hop first. It waits
// for the keepalive goroutines, so nothing of the tunnel is left running.
func (t *Tunnel) Close() error {
	t.once.Do(func() {
		close(t.stop)
		for i := len(t.clients) - 1; i >= 0; i-- {
			_ = t.clients[i].Close()
		}
		t.wg.Wait()
	})
	return nil
}

// Wait returns when the bastion connection has ended (closed or lost).
func (t *Tunnel) Wait() error { return t.last.Wait() }

func (t *Tunnel) keepalive(c *ssh.Client, every time.Duration) {
	defer t.wg.Done()
	tick := time.NewTicker(every)
	defer tick.Stop()
	misses := 0
	for {
		select {
		case <-t.stop:
			return
		case <-tick.C:
		}
		reply := make(chan error, 1)
		go func() {
			_, _, err := c.SendRequest("keepalive@openssh.com", true, nil)
			reply <- err
		}()
		select {
		case <-t.stop:
			return
		case err := <-reply:
			if err != nil {
				_ = c.Close() // the connection is gone; dials fail from now on
				return
			}
			misses = 0
		case <-time.After(every):
			if misses++; misses >= keepaliveMisses {
				_ = c.Close()
				return
			}
		}
	}
}

func connectHop(ctx context.Context, cfg Config, hop Hop, via *ssh.Client, auth ssh.AuthMethod, accepted map[string]ssh.PublicKey) (*ssh.Client, error) {
	addr := hop.addr()
	ctx, cancel := context.WithTimeout(ctx, cfg.Timeout)
	defer cancel()
	var conn net.Conn
	var err error
	if via == nil {
		conn, err = (&net.Dialer{}).DialContext(ctx, "tcp", addr)
	} else {
		conn, err = via.DialContext(ctx, "tcp", addr)
	}
	if err != nil {
		return nil, unreachable(ctx, addr, via != nil, err)
	}
	// The handshake has no context: a deadline on the connection bounds it,
	// and a cancelled context closes the connection.
	if d, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(d)
	}
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()

	hostCB, err := cfg.HostKeys.callback(accepted)
	if err != nil {
		conn.Close()
		return nil, err
	}
	var hostErr error
	sc := &ssh.ClientConfig{
		User: hop.User,
		Auth: []ssh.AuthMethod{auth},
		HostKeyCallback: func(h string, r net.Addr, k ssh.PublicKey) error {
			hostErr = hostCB(h, r, k)
			return hostErr
		},
		HostKeyAlgorithms: cfg.HostKeys.algorithms(addr),
		Timeout:           cfg.Timeout,
	}
	cc, chans, reqs, err := ssh.NewClientConn(conn, addr, sc)
	if err != nil {
		conn.Close()
		var ae *apperr.Error
		var unknown *unknownHostError
		switch {
		case errors.As(hostErr, &unknown):
			return nil, unknown
		case hostErr != nil && errors.As(hostErr, &ae):
			return nil, ae
		case ctx.Err() != nil && errors.Is(context.Cause(ctx), context.Canceled):
			return nil, &apperr.Error{Code: "canceled", Message: "the connection attempt was cancelled", Err: ctx.Err()}
		case isAuthRefused(err):
			return nil, &apperr.Error{Code: "ssh_auth_failed",
				Message: fmt.Sprintf("the SSH server %s refused %s for user %q", addr, authNoun(cfg.Auth), hop.User),
				Detail:  err.Error(),
				Hint:    authHint(cfg.Auth), Err: err}
		case ctx.Err() != nil || isTimeout(err):
			return nil, &apperr.Error{Code: "ssh_timeout", Message: "the SSH server " + addr + " did not finish the handshake in time",
				Detail: err.Error(), Hint: "Check that the port is an SSH server's and that it is not overloaded.", Err: err}
		}
		return nil, &apperr.Error{Code: "ssh_handshake_failed", Message: "the SSH connection to " + addr + " failed",
			Detail: err.Error(), Hint: "Check that the host and port name an SSH server.", Err: err}
	}
	_ = conn.SetDeadline(time.Time{})
	return ssh.NewClient(cc, chans, reqs), nil
}

func unreachable(ctx context.Context, addr string, viaJump bool, err error) error {
	if errors.Is(context.Cause(ctx), context.Canceled) {
		return &apperr.Error{Code: "canceled", Message: "the connection attempt was cancelled", Err: err}
	}
	from := ""
	if viaJump {
		from = " from the previous jump host"
	}
	return &apperr.Error{Code: "ssh_unreachable", Message: "the SSH host " + addr + " could not be reached" + from,
		Detail: err.Error(),
		Hint:   "Check the SSH host and port, and your network or VPN.", Err: err}
}

func isAuthRefused(err error) bool {
	var se *ssh.ServerAuthError
	if errors.As(err, &se) {
		return true
	}
	return err != nil && strings.Contains(err.Error(), "unable to authenticate")
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

func authNoun(auth string) string {
	switch auth {
	case AuthAgent:
		return "the SSH agent's keys"
	case AuthPassword:
		return "the password"
	}
	return "the key"
}

func authHint(auth string) string {
	switch auth {
	case AuthAgent:
		return "Add the right key to the agent (ssh-add) or check the SSH user."
	case AuthPassword:
		return "Check the SSH user and password (Edit connection replaces the saved one), and that the server allows password login."
	}
	return "Check the SSH user and that the key's public half is in the server's authorized_keys."
}

// authMethod prepares the credentials once for every hop. The returned
// function releases them (the agent connection).
func authMethod(cfg Config) (ssh.AuthMethod, func(), error) {
	noop := func() {}
	switch cfg.Auth {
	case AuthPassword:
		if cfg.Password == "" {
			return nil, noop, &apperr.Error{Code: "ssh_password_required", Message: "no SSH password is saved for this connection",
				Hint: "Enter the SSH password when asked, or save it in Edit connection (it is kept in the OS keychain)."}
		}
		pw := cfg.Password
		return ssh.Password(pw), noop, nil
	case AuthAgent:
		sock := cfg.AgentSocket
		if sock == "" {
			sock = os.Getenv("SSH_AUTH_SOCK")
		}
		if sock == "" {
			return nil, noop, &apperr.Error{Code: "ssh_agent_unavailable", Message: "no SSH agent is running (SSH_AUTH_SOCK is not set)",
				Hint: "Start an SSH agent and add your key, or choose key file authentication."}
		}
		conn, err := net.Dial("unix", sock)
		if err != nil {
			return nil, noop, &apperr.Error{Code: "ssh_agent_unavailable", Message: "the SSH agent at " + sock + " does not answer",
				Detail: err.Error(), Hint: "Start an SSH agent and add your key, or choose key file authentication.", Err: err}
		}
		return ssh.PublicKeysCallback(agent.NewClient(conn).Signers), func() { conn.Close() }, nil
	case AuthKey:
		signer, err := loadKey(cfg.KeyFile, cfg.Passphrase)
		if err != nil {
			return nil, noop, err
		}
		return ssh.PublicKeys(signer), noop, nil
	}
	return nil, noop, apperr.Invalid("unknown SSH authentication %q (use key, agent or password)", cfg.Auth)
}

// maxKeyFileBytes bounds a private key file: real ones are a few KiB.
const maxKeyFileBytes = 1 << 20

func loadKey(path, passphrase string) (ssh.Signer, error) {
	fi, err := os.Stat(path)
	if err == nil && fi.Size() > maxKeyFileBytes {
		err = fmt.Errorf("it is %d bytes, too large for a private key", fi.Size())
	}
	var data []byte
	if err == nil {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, &apperr.Error{Code: "ssh_key_unreadable", Message: "the SSH key file " + path + " could not be read",
			Detail: err.Error(), Hint: "Choose a readable private key file in Edit connection.", Err: err}
	}
	var signer ssh.Signer
	if passphrase == "" {
		signer, err = ssh.ParsePrivateKey(data)
	} else {
		signer, err = ssh.ParsePrivateKeyWithPassphrase(data, []byte(passphrase))
	}
	var missing *ssh.PassphraseMissingError
	switch {
	case err == nil:
		return signer, nil
	case errors.As(err, &missing):
		return nil, &apperr.Error{Code: "ssh_key_passphrase_required", Message: "the SSH key file " + path + " is encrypted and no passphrase is saved",
			Hint: "Enter the key's passphrase when asked, or save it in Edit connection (it is kept in the OS keychain)."}
	case errors.Is(err, x509.IncorrectPasswordError) || strings.Contains(err.Error(), "decryption password incorrect"):
		return nil, &apperr.Error{Code: "ssh_key_passphrase_wrong", Message: "the saved passphrase does not open the SSH key file " + path,
			Hint: "Enter the right passphrase (Edit connection replaces the saved one)."}
	}
	return nil, &apperr.Error{Code: "ssh_key_invalid", Message: "the SSH key file " + path + " is not a private key this app can use",
		Detail: err.Error(), Hint: "Choose an OpenSSH, PEM or PKCS#8 private key (not the .pub file).", Err: err}
}
