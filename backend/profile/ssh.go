package profile

import (
	"errors"
	"strconv"
	"strings"

	"github.com/redshiftmate/rsmate/backend/apperr"
)

// SSHAuth is how a tunnel authenticates to its SSH hosts.
type SSHAuth string

const (
	SSHAuthKey      SSHAuth = "key"      // a private key file, its passphrase (if any) in the keychain
	SSHAuthAgent    SSHAuth = "agent"    // the keys of the running SSH agent (SSH_AUTH_SOCK)
	SSHAuthPassword SSHAuth = "password" // a password, in the keychain
)

// DefaultSSHPort is the port of a tunnel or jump host left empty.
const DefaultSSHPort = 22

// MaxJumpHosts bounds the ProxyJump-style chain.
const MaxJumpHosts = 5

// SSHTunnel reaches the database through a bastion host: the connection to
// Host:Port is made by the bastion. JumpHosts are passed through first, in
// order, as ssh -J does; every hop authenticates with the same method and
// secret. It never holds a secret: a key passphrase or password lives only in
// the keychain, under SSHSecretKey.
type SSHTunnel struct {
	Host      string   `json:"host"`
	Port      int      `json:"port"`
	User      string   `json:"user"`
	Auth      SSHAuth  `json:"auth" ts_type:"'key' | 'agent' | 'password'"`
	KeyFile   string   `json:"keyFile,omitempty"`
	JumpHosts []SSHHop `json:"jumpHosts,omitempty"`
}

// SSHHop is one jump host; an empty User means the tunnel's user.
type SSHHop struct {
	Host string `json:"host"`
	Port int    `json:"port"`
	User string `json:"user,omitempty"`
}

// SSHSecretKey is the keychain entry of a profile's SSH secret: the key
// passphrase or the password, by auth method. It differs from the database
// password's entry (the bare profile id). The agent method has none.
func SSHSecretKey(profileID string, auth SSHAuth) string {
	switch auth {
	case SSHAuthKey:
		return profileID + ":ssh-passphrase"
	case SSHAuthPassword:
		return profileID + ":ssh-password"
	}
	return ""
}

// SSHSecretKeys lists every SSH keychain entry a profile may have, for removal.
func SSHSecretKeys(profileID string) []string {
	return []string{SSHSecretKey(profileID, SSHAuthKey), SSHSecretKey(profileID, SSHAuthPassword)}
}

// clone copies p with its own tunnel settings, so a caller that changes the
// copy cannot change the store's record through the shared pointer.
func (p Profile) clone() Profile {
	if p.SSH != nil {
		t := *p.SSH
		t.JumpHosts = append([]SSHHop(nil), p.SSH.JumpHosts...)
		p.SSH = &t
	}
	return p
}

func normalizeSSH(t *SSHTunnel) *SSHTunnel {
	if t == nil {
		return nil
	}
	c := *t
	c.Host = trimHost(c.Host)
	c.User = strings.TrimSpace(c.User)
	c.KeyFile = strings.TrimSpace(c.KeyFile)
	c.Auth = SSHAuth(strings.TrimSpace(string(c.Auth)))
	if c.Port == 0 {
		c.Port = DefaultSSHPort
	}
	if c.Auth == "" {
		c.Auth = SSHAuthKey
	}
	if c.Auth != SSHAuthKey {
		c.KeyFile = ""
	}
	c.JumpHosts = nil
	for _, h := range t.JumpHosts {
		h.Host = trimHost(h.Host)
		h.User = strings.TrimSpace(h.User)
		if h.Host == "" && h.User == "" && h.Port == 0 {
			continue // an empty row of the form
		}
		if h.Port == 0 {
			h.Port = DefaultSSHPort
		}
		c.JumpHosts = append(c.JumpHosts, h)
	}
	return &c
}

func trimHost(h string) string {
	h = strings.TrimSpace(h)
	if strings.HasPrefix(h, "[") && strings.HasSuffix(h, "]") {
		h = h[1 : len(h)-1]
	}
	return h
}

// validateSSH checks a normalized tunnel; errors name the field.
func validateSSH(t *SSHTunnel) error {
	if t == nil {
		return nil
	}
	if err := validateSSHHost("SSH host", t.Host); err != nil {
		return err
	}
	if t.Port < 1 || t.Port > 65535 {
		return apperr.Invalid("SSH port must be a whole number from 1 to 65535, not %d", t.Port)
	}
	if t.User == "" {
		return apperr.Invalid("SSH user is required")
	}
	switch t.Auth {
	case SSHAuthKey:
		if t.KeyFile == "" {
			return apperr.Invalid("SSH key file is required for key authentication")
		}
	case SSHAuthAgent, SSHAuthPassword:
	default:
		return apperr.Invalid("SSH authentication must be key, agent or password, not %q", t.Auth)
	}
	if len(t.JumpHosts) > MaxJumpHosts {
		return apperr.Invalid("at most %d SSH jump hosts are allowed, not %d", MaxJumpHosts, len(t.JumpHosts))
	}
	for i, h := range t.JumpHosts {
		if err := validateSSHHost("SSH jump host "+strconv.Itoa(i+1), h.Host); err != nil {
			return err
		}
		if h.Port < 1 || h.Port > 65535 {
			return apperr.Invalid("SSH jump host %d port must be from 1 to 65535, not %d", i+1, h.Port)
		}
	}
	return nil
}

func validateSSHHost(field, h string) error {
	if err := validateHost(h); err != nil {
		var ae *apperr.Error
		if errors.As(err, &ae) {
			ae.Message = field + strings.TrimPrefix(ae.Message, "host")
			return ae
		}
		return err
	}
	return nil
}
