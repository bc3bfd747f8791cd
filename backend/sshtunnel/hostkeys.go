package sshtunnel

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"

	"github.com/redshiftmate/rsmate/backend/apperr"
)

// HostKeys decides whether an SSH server's key is trusted. Keys are looked
// up in Files (the user's known_hosts, read only) and AppFile (the app's own
// known_hosts, to which keys accepted on first use are appended). An unknown
// key is shown to Confirm; a key that differs from a known one is refused,
// with no way to accept it from the app.
type HostKeys struct {
	Files   []string
	AppFile string
	// Confirm asks the user whether to trust a host seen for the first time;
	// host is "name:port", fingerprint the SHA256 form ssh shows. nil refuses.
	Confirm func(host, keyType, fingerprint string) (bool, error)
}

// appFileMu serializes appends to an app known_hosts file within this process.
var appFileMu sync.Mutex

// unknownHostError is a host key no known_hosts file holds. The handshake
// stops there; Open asks the user outside the handshake's deadline and, if
// the key is accepted, connects again.
type unknownHostError struct {
	host string
	key  ssh.PublicKey
}

func (e *unknownHostError) Error() string { return "unknown SSH host key for " + e.host }

// callback builds the host key check for one connection. It reads the files
// each time, so a key accepted by another session is seen. accepted holds
// keys the user accepted during this Open (needed when there is no AppFile).
func (h HostKeys) callback(accepted map[string]ssh.PublicKey) (ssh.HostKeyCallback, error) {
	known := func(string, net.Addr, ssh.PublicKey) error { return &knownhosts.KeyError{} }
	if files := h.existingFiles(); len(files) > 0 {
		cb, err := knownhosts.New(files...)
		if err != nil {
			return nil, &apperr.Error{Code: "ssh_known_hosts_unreadable", Message: "a known_hosts file could not be read",
				Detail: err.Error(), Hint: "Fix or move the file named in the detail; host keys are never skipped.", Err: err}
		}
		known = cb
	}
	return func(host string, remote net.Addr, key ssh.PublicKey) error {
		if k, ok := accepted[host]; ok && bytes.Equal(k.Marshal(), key.Marshal()) {
			return nil
		}
		err := known(host, remote, key)
		var ke *knownhosts.KeyError
		if err == nil || !errors.As(err, &ke) {
			return err
		}
		if len(ke.Want) == 0 {
			return &unknownHostError{host: host, key: key}
		}
		var was, where []string
		for _, w := range ke.Want {
			was = append(was, ssh.FingerprintSHA256(w.Key)+" ("+w.Key.Type()+")")
			where = append(where, fmt.Sprintf("%s line %d", w.Filename, w.Line))
		}
		return &apperr.Error{Code: "ssh_host_key_changed",
			Message: fmt.Sprintf("the SSH host key of %s has changed: it is now %s (%s), but %s was recorded",
				host, ssh.FingerprintSHA256(key), key.Type(), strings.Join(was, " or ")),
			Detail: "recorded in " + strings.Join(where, ", "),
			Hint:   "This can mean the connection is intercepted. If the key was really replaced, remove the old known_hosts line named in the details."}
	}, nil
}

// confirm asks the user about an unknown host key and, when accepted,
// remembers it in the app's known_hosts (and in accepted, for this Open).
func (h HostKeys) confirm(u *unknownHostError, accepted map[string]ssh.PublicKey) error {
	fp := ssh.FingerprintSHA256(u.key)
	yes := false
	if h.Confirm != nil {
		var err error
		if yes, err = h.Confirm(u.host, u.key.Type(), fp); err != nil {
			return &apperr.Error{Code: "ssh_host_key_unconfirmed", Message: "the new SSH host key of " + u.host + " could not be shown for confirmation",
				Detail: err.Error(), Err: err}
		}
	}
	if !yes {
		return &apperr.Error{Code: "ssh_host_key_rejected",
			Message: fmt.Sprintf("the SSH host key of %s (%s %s) was not trusted", u.host, u.key.Type(), fp),
			Hint:    "Compare the fingerprint with the server's (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub) and connect again to accept it."}
	}
	accepted[u.host] = u.key
	if err := h.remember(u.host, u.key); err != nil {
		return &apperr.Error{Code: "ssh_known_hosts_write", Message: "the accepted SSH host key could not be saved",
			Detail: err.Error(), Err: err}
	}
	return nil
}

func (h HostKeys) existingFiles() []string {
	var files []string
	for _, f := range append(append([]string{}, h.Files...), h.AppFile) {
		if f == "" {
			continue
		}
		if _, err := os.Stat(f); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		files = append(files, f)
	}
	return files
}

// remember appends an accepted key to the app's known_hosts file.
func (h HostKeys) remember(host string, key ssh.PublicKey) error {
	if h.AppFile == "" {
		return nil // trusted for this connection only
	}
	appFileMu.Lock()
	defer appFileMu.Unlock()
	if err := os.MkdirAll(filepath.Dir(h.AppFile), 0o700); err != nil {
		return err
	}
	f, err := os.OpenFile(h.AppFile, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	_, werr := f.WriteString(knownhosts.Line([]string{knownhosts.Normalize(host)}, key) + "\n")
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	return werr
}

// algorithms returns the host key algorithms to ask a host for: those of its
// known keys, so a server with several keys presents the one on record
// rather than one that would look like a change. nil for an unknown host.
func (h HostKeys) algorithms(host string) []string {
	files := h.existingFiles()
	if len(files) == 0 {
		return nil
	}
	known, err := knownhosts.New(files...)
	if err != nil {
		return nil
	}
	// A key no file holds makes the lookup list the host's recorded keys.
	pub, _ := ssh.NewPublicKey(ed25519.PublicKey(bytes.Repeat([]byte{0}, ed25519.PublicKeySize)))
	var ke *knownhosts.KeyError
	if err := known(host, &net.TCPAddr{}, pub); !errors.As(err, &ke) || len(ke.Want) == 0 {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	add := func(a ...string) {
		for _, x := range a {
			if !seen[x] {
				seen[x] = true
				out = append(out, x)
			}
		}
	}
	for _, w := range ke.Want {
		switch t := w.Key.Type(); t {
		case ssh.KeyAlgoRSA:
			add(ssh.KeyAlgoRSASHA512, ssh.KeyAlgoRSASHA256, ssh.KeyAlgoRSA)
		default:
			add(t)
		}
	}
	return out
}
