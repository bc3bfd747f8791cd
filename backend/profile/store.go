package profile

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/redshiftmate/rsmate/backend/apperr"
)

// AppDirName is the app's folder under the user's config directory.
const AppDirName = "redshift-mate"

// DefaultDir is os.UserConfigDir()/redshift-mate.
func DefaultDir() (string, error) {
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("finding the user's config directory: %w", err)
	}
	return filepath.Join(base, AppDirName), nil
}

// Store holds the saved profiles in memory and writes every change through to
// dir/profiles.json. It is safe for concurrent use.
type Store struct {
	mu       sync.Mutex
	dir      string
	path     string
	profiles []Profile
	warning  string
	// frozen is set when the file was written by a newer version of the app:
	// it is shown but never overwritten.
	frozen bool
}

// Open loads dir/profiles.json, creating dir (0700) when missing. A file that
// cannot be parsed is renamed aside and reported through Warning; Open fails
// only when the file cannot be read or set aside at all.
func Open(dir string) (*Store, error) {
	if dir == "" {
		return nil, fmt.Errorf("no directory given for the connections file")
	}
	// The chmod below must not reach through a link to some other directory.
	if fi, err := os.Lstat(dir); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		return nil, &apperr.Error{Code: "config_dir_symlink",
			Message: "the connections folder " + dir + " is a symbolic link, which is never followed",
			Hint:    "Replace the link with a real folder (move the files it points to into it)."}
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	// An existing directory may be wider open than it should be.
	if err := os.Chmod(dir, 0o700); err != nil {
		return nil, err
	}
	s := &Store{dir: dir, path: filepath.Join(dir, fileName)}
	ld, err := load(s.path)
	if err != nil {
		return nil, err
	}
	s.profiles, s.warning, s.frozen = ld.profiles, ld.warning, ld.frozen
	return s, nil
}

// Warning describes a problem met while opening (a damaged file set aside, a
// file from a newer version), or "" when there was none.
func (s *Store) Warning() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.warning
}

// Path is the connections file.
func (s *Store) Path() string { return s.path }

// List returns every profile in the user's order.
func (s *Store) List() []Profile {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Profile, len(s.profiles))
	for i, p := range s.profiles {
		out[i] = p.clone()
	}
	return out
}

// Get returns one profile.
func (s *Store) Get(id string) (Profile, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if i := s.index(id); i >= 0 {
		return s.profiles[i].clone(), nil
	}
	return Profile{}, notFound(id)
}

// Save creates (empty ID) or updates a profile, after filling defaults and
// validating it. Names are unique regardless of case.
func (s *Store) Save(p Profile) (Profile, error) {
	if p.Sandbox {
		return Profile{}, apperr.Invalid("the Local sandbox connection is never saved; duplicate it instead")
	}
	if err := CheckLengths(p); err != nil {
		return Profile{}, err
	}
	p = Normalize(p)
	if err := Validate(p); err != nil {
		return Profile{}, err
	}
	p.PasswordSaved = false // the store's own record, kept below for an update
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.writable(); err != nil {
		return Profile{}, err
	}
	next := slices.Clone(s.profiles)
	if p.ID == "" {
		if err := nameFree(next, p.Name, ""); err != nil {
			return Profile{}, err
		}
		p.ID = newID()
		next = append(next, p)
	} else {
		i := s.index(p.ID)
		if i < 0 {
			return Profile{}, notFound(p.ID)
		}
		if err := nameFree(next, p.Name, p.ID); err != nil {
			return Profile{}, err
		}
		p.PasswordSaved = next[i].PasswordSaved
		next[i] = p
	}
	if err := s.commit(next); err != nil {
		return Profile{}, err
	}
	return p.clone(), nil
}

// Delete removes a profile. Its password is the caller's to remove.
func (s *Store) Delete(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.writable(); err != nil {
		return err
	}
	i := s.index(id)
	if i < 0 {
		return notFound(id)
	}
	return s.commit(slices.Delete(slices.Clone(s.profiles), i, i+1))
}

// Duplicate copies a profile under a free "Name (copy)" / "Name (copy 2)"
// name, placed right after the original. The password is not copied.
func (s *Store) Duplicate(id string) (Profile, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.writable(); err != nil {
		return Profile{}, err
	}
	i := s.index(id)
	if i < 0 {
		return Profile{}, notFound(id)
	}
	cp := s.profiles[i].clone()
	cp.ID = newID()
	cp.Name = copyName(s.profiles, cp.Name)
	cp.PasswordSaved = false // the password is not copied
	next := slices.Insert(slices.Clone(s.profiles), i+1, cp)
	if err := s.commit(next); err != nil {
		return Profile{}, err
	}
	return cp, nil
}

// SetPasswordSaved records whether the keychain holds the profile's password.
// It writes only on a change; a file from a newer version is left alone.
func (s *Store) SetPasswordSaved(id string, saved bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.index(id)
	if i < 0 {
		return notFound(id)
	}
	if s.profiles[i].PasswordSaved == saved || s.frozen {
		return nil
	}
	next := slices.Clone(s.profiles)
	next[i].PasswordSaved = saved
	return s.commit(next)
}

// Reorder sets the order; ids must list every profile exactly once.
func (s *Store) Reorder(ids []string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.writable(); err != nil {
		return err
	}
	if len(ids) != len(s.profiles) {
		return apperr.Invalid("the new order lists %d connections but there are %d", len(ids), len(s.profiles))
	}
	next := make([]Profile, 0, len(ids))
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if err := CheckText("connection id", id, IDMaxBytes); err != nil {
			return err
		}
		i := s.index(id)
		if i < 0 {
			return apperr.Invalid("the new order names an unknown connection %q", id)
		}
		if seen[id] {
			return apperr.Invalid("the new order names connection %q twice", id)
		}
		seen[id] = true
		next = append(next, s.profiles[i])
	}
	return s.commit(next)
}

// index finds a profile by id; the caller holds mu.
func (s *Store) index(id string) int {
	return slices.IndexFunc(s.profiles, func(p Profile) bool { return p.ID == id })
}

func (s *Store) writable() error {
	if s.frozen {
		return &apperr.Error{Code: "profiles_read_only",
			Message: "the connections file was written by a newer version of Redshift Mate and is not changed by this one",
			Detail:  s.path, Hint: "Update Redshift Mate to edit connections."}
	}
	return nil
}

// commit writes next to disk and only then makes it current; the caller holds mu.
func (s *Store) commit(next []Profile) error {
	if err := writeFile(s.path, next); err != nil {
		return &apperr.Error{Code: "write_failed", Message: "cannot save the connections file",
			Detail: err.Error(), Hint: "Check that " + s.dir + " is writable.", Err: err}
	}
	s.profiles = next
	return nil
}

func notFound(id string) error {
	if err := CheckText("connection id", id, IDMaxBytes); err != nil {
		return err // never echo an oversized id
	}
	return &apperr.Error{Code: "not_found", Message: fmt.Sprintf("connection %q does not exist", id),
		Hint: "It may have been deleted; reload the list."}
}

// nameFree fails when another profile (not selfID) already has the name, in any case.
func nameFree(ps []Profile, name, selfID string) error {
	for _, p := range ps {
		if p.ID != selfID && strings.EqualFold(p.Name, name) {
			return &apperr.Error{Code: "name_taken", Message: fmt.Sprintf("a connection named %q already exists", p.Name),
				Hint: "Choose another name."}
		}
	}
	return nil
}

func nameTaken(ps []Profile, name string) bool { return nameFree(ps, name, "") != nil }

var copySuffix = regexp.MustCompile(` \(copy(?: \d+)?\)$`)

// copyName returns "Base (copy)", or "Base (copy N)" with the first free N.
// Copying a copy counts from the original's base name.
func copyName(ps []Profile, name string) string {
	base := copySuffix.ReplaceAllString(name, "")
	for n := 1; ; n++ {
		suffix := " (copy)"
		if n > 1 {
			suffix = fmt.Sprintf(" (copy %d)", n)
		}
		cand := truncateRunes(base, NameMaxLen-utf8.RuneCountInString(suffix)) + suffix
		if !nameTaken(ps, cand) {
			return cand
		}
	}
}

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return strings.TrimSpace(string([]rune(s)[:n]))
}

func newID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return hex.EncodeToString(b)
}
