package profile

import "errors"

// ImportResult says which profiles an import added and which it skipped (by name).
type ImportResult struct {
	Added   []string `json:"added"`
	Skipped []string `json:"skipped"`
}

// Store persists profiles. (Implementation in progress.)
type Store struct {
	dir     string
	warning string
}

var errTODO = errors.New("not implemented yet")

func DefaultDir() (string, error)               { return "", errTODO }
func Open(dir string) (*Store, error)           { return &Store{dir: dir}, nil }
func (s *Store) Warning() string                { return s.warning }
func (s *Store) List() []Profile                { return nil }
func (s *Store) Get(id string) (Profile, error) { return Profile{}, errTODO }
func (s *Store) Save(p Profile) (Profile, error) {
	return p, errTODO
}
func (s *Store) Delete(id string) error                   { return errTODO }
func (s *Store) Duplicate(id string) (Profile, error)     { return Profile{}, errTODO }
func (s *Store) Reorder(ids []string) error               { return errTODO }
func (s *Store) Export() ([]byte, error)                  { return nil, errTODO }
func (s *Store) Import(data []byte) (ImportResult, error) { return ImportResult{}, errTODO }
func Validate(p Profile) error                            { return errTODO }
func ParseURL(s string) (Profile, error)                  { return Profile{}, errTODO }

// Secrets keeps passwords, keyed by profile id. Only the OS keychain implements it.
type Secrets interface {
	Available() error
	Set(profileID, password string) error
	Get(profileID string) (string, error) // ErrNoSecret when none is stored
	Delete(profileID string) error
}

var (
	ErrNoSecret            = errors.New("no password stored")
	ErrKeychainUnavailable = errors.New("no OS keychain is available")
)

func NewKeyringSecrets(service string) Secrets { return nil }
