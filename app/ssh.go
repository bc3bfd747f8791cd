package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/redshiftmate/rsmate/backend/profile"
	"github.com/redshiftmate/rsmate/backend/session"
	"github.com/redshiftmate/rsmate/backend/sshtunnel"
)

// knownHostsFile is the app's own known_hosts, next to the profiles; keys
// the user accepts on first use are appended to it.
const knownHostsFile = "known_hosts"

// tunnelOpener returns what opens p's SSH tunnel (nil without one). secret is
// the key passphrase or password, by the tunnel's auth method.
func (a *App) tunnelOpener(p profile.Profile, secret string) func(context.Context) (session.Tunnel, error) {
	t := p.SSH
	if t == nil {
		return nil
	}
	cfg := sshtunnel.Config{Auth: string(t.Auth), KeyFile: t.KeyFile, HostKeys: a.hostKeys(),
		Timeout: time.Duration(p.ConnectTimeoutSec) * time.Second}
	switch t.Auth {
	case profile.SSHAuthKey:
		cfg.Passphrase = secret
	case profile.SSHAuthPassword:
		cfg.Password = secret
	}
	for _, h := range t.JumpHosts {
		u := h.User
		if u == "" {
			u = t.User
		}
		cfg.Hops = append(cfg.Hops, sshtunnel.Hop{Host: h.Host, Port: h.Port, User: u})
	}
	cfg.Hops = append(cfg.Hops, sshtunnel.Hop{Host: t.Host, Port: t.Port, User: t.User})
	return func(ctx context.Context) (session.Tunnel, error) { return sshtunnel.Open(ctx, cfg) }
}

// hostKeys checks SSH servers against the user's known_hosts and the app's,
// and asks through a native dialog about a server seen for the first time.
func (a *App) hostKeys() sshtunnel.HostKeys {
	var hk sshtunnel.HostKeys
	if home, err := os.UserHomeDir(); err == nil {
		hk.Files = []string{filepath.Join(home, ".ssh", "known_hosts")}
	}
	if st, err := a.store(); err == nil {
		hk.AppFile = filepath.Join(filepath.Dir(st.Path()), knownHostsFile)
	}
	hk.Confirm = func(host, keyType, fingerprint string) (bool, error) {
		return a.platform.Confirm("Trust SSH host "+host+"?",
			"This is the first connection to the SSH server "+host+". Its "+keyType+" host key fingerprint is\n\n"+
				fingerprint+"\n\nTrust it only if it matches the server's real fingerprint. "+
				"The key is remembered, and a different key later will be refused.")
	}
	return hk
}

// storedSSHSecret reads the saved passphrase or password of a saved
// profile's tunnel; "" when none is saved (an unencrypted key needs none).
func (a *App) storedSSHSecret(p profile.Profile) (string, error) {
	if p.SSH == nil || p.Sandbox {
		return "", nil
	}
	key := profile.SSHSecretKey(p.ID, p.SSH.Auth)
	if key == "" || a.secrets == nil || a.secrets.Available() != nil {
		return "", nil
	}
	v, err := a.secrets.Get(key)
	if errors.Is(err, profile.ErrNoSecret) {
		return "", nil
	}
	if err != nil {
		return "", keychainError(err)
	}
	return v, nil
}

// sshTargetChanged tells whether b's tunnel authenticates to other servers
// (or another way) than a's: a saved SSH secret then stays unused.
func sshTargetChanged(a, b profile.Profile) bool {
	x, y := a.SSH, b.SSH
	if x == nil || y == nil {
		return x != y
	}
	return x.Host != y.Host || x.Port != y.Port || x.User != y.User || x.Auth != y.Auth ||
		x.KeyFile != y.KeyFile || !slices.Equal(x.JumpHosts, y.JumpHosts)
}

// saveSSHSecret applies a save's SSH secret: a new one replaces the saved
// one; a tunnel that now goes elsewhere (or was removed) forgets the old.
func (a *App) saveSSHSecret(prev *profile.Profile, saved profile.Profile, secret string, set bool) error {
	forget := prev != nil && sshTargetChanged(profile.Normalize(*prev), saved)
	if set && secret != "" && saved.SSH != nil && saved.SSH.Auth != profile.SSHAuthAgent {
		if err := a.secrets.Available(); err != nil {
			return keychainError(err)
		}
		for _, k := range profile.SSHSecretKeys(saved.ID) {
			if err := a.secrets.Delete(k); err != nil && !errors.Is(err, profile.ErrNoSecret) {
				return keychainError(err)
			}
		}
		if err := a.secrets.Set(profile.SSHSecretKey(saved.ID, saved.SSH.Auth), secret); err != nil {
			return keychainError(err)
		}
		return nil
	}
	if (forget || (set && secret == "")) && a.secrets != nil && a.secrets.Available() == nil {
		return a.forgetSSHSecrets(saved.ID)
	}
	return nil
}

func (a *App) forgetSSHSecrets(id string) error {
	for _, k := range profile.SSHSecretKeys(id) {
		if err := a.secrets.Delete(k); err != nil && !errors.Is(err, profile.ErrNoSecret) {
			return keychainError(err)
		}
	}
	return nil
}

// checkSSHSecret bounds a request's SSH secret; the error never holds it.
func checkSSHSecret(secret string) error {
	if err := profile.CheckText("SSH passphrase or password", secret, profile.PasswordMaxBytes); err != nil {
		return err
	}
	return nil
}
