package profile

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/zalando/go-keyring"
)

// Secrets keeps passwords, keyed by profile id. Only the OS keychain implements
// it in the app: there is deliberately no file fallback.
type Secrets interface {
	// Available reports whether passwords can be stored (nil) or why not
	// (wrapping ErrKeychainUnavailable).
	Available() error
	Set(profileID, password string) error
	Get(profileID string) (string, error) // ErrNoSecret when none is stored
	Delete(profileID string) error        // ErrNoSecret when none was stored
}

var (
	ErrNoSecret            = errors.New("no password stored")
	ErrKeychainUnavailable = errors.New("no OS keychain is available")
)

// probeKey is looked up once to learn whether the keychain answers; it is
// never written.
const probeKey = "redshift-mate-availability-probe"

// probeTimeout bounds the first keychain call: a session bus without a Secret
// Service can take D-Bus's activation timeout (25 s) to fail.
const probeTimeout = 10 * time.Second

type keyringSecrets struct {
	service   string
	preflight func() error // runs before the probe; nil skips it

	once     sync.Once
	availErr error
}

// NewKeyringSecrets stores passwords in the OS keychain (macOS Keychain,
// Windows Credential Manager, a Secret Service on Linux) under the given
// service name, one entry per profile id.
func NewKeyringSecrets(service string) Secrets {
	return &keyringSecrets{service: service, preflight: sessionBusReachable}
}

func (k *keyringSecrets) Available() error {
	k.once.Do(func() {
		if k.preflight != nil {
			if err := k.preflight(); err != nil {
				k.availErr = fmt.Errorf("%w: %v", ErrKeychainUnavailable, err)
				return
			}
		}
		done := make(chan error, 1)
		go func() {
			_, err := keyring.Get(k.service, probeKey)
			done <- err
		}()
		select {
		case err := <-done:
			if err != nil && !errors.Is(err, keyring.ErrNotFound) {
				k.availErr = fmt.Errorf("%w: %v", ErrKeychainUnavailable, err)
			}
		case <-time.After(probeTimeout):
			k.availErr = fmt.Errorf("%w: the keychain did not answer within %s", ErrKeychainUnavailable, probeTimeout)
		}
	})
	return k.availErr
}

func (k *keyringSecrets) Set(profileID, password string) error {
	if err := k.Available(); err != nil {
		return err
	}
	// keyring errors never echo the secret; wrap them without it.
	if err := keyring.Set(k.service, profileID, password); err != nil {
		return fmt.Errorf("saving the password in the keychain: %w", err)
	}
	return nil
}

func (k *keyringSecrets) Get(profileID string) (string, error) {
	if err := k.Available(); err != nil {
		return "", err
	}
	pw, err := keyring.Get(k.service, profileID)
	if errors.Is(err, keyring.ErrNotFound) {
		return "", ErrNoSecret
	}
	if err != nil {
		return "", fmt.Errorf("reading the password from the keychain: %w", err)
	}
	return pw, nil
}

func (k *keyringSecrets) Delete(profileID string) error {
	if err := k.Available(); err != nil {
		return err
	}
	err := keyring.Delete(k.service, profileID)
	if errors.Is(err, keyring.ErrNotFound) {
		return ErrNoSecret
	}
	if err != nil {
		return fmt.Errorf("removing the password from the keychain: %w", err)
	}
	return nil
}
