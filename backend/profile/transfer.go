package profile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/redshiftmate/rsmate/backend/apperr"
)

// exportFormat marks a file made by Export.
const exportFormat = "redshift-mate-connections"

// ImportResult says which profiles an import added, which it skipped because
// the name was taken, and which it rejected as invalid (with the reason).
type ImportResult struct {
	Added    []string    `json:"added"`
	Skipped  []string    `json:"skipped"`
	Rejected []Rejection `json:"rejected"`
}

// Rejection is an imported entry that failed validation.
type Rejection struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

type exchangeFile struct {
	Format   string            `json:"format"`
	Version  int               `json:"version"`
	Profiles []exportedProfile `json:"profiles"`
}

// exportedProfile leaves the local id out: ids mean nothing on another machine.
type exportedProfile struct {
	Profile
	ID string `json:"id,omitempty"`
}

// Export returns every profile as JSON. Profiles hold no secrets, so none can
// be exported.
func (s *Store) Export() ([]byte, error) {
	s.mu.Lock()
	f := exchangeFile{Format: exportFormat, Version: formatVersion, Profiles: []exportedProfile{}}
	for _, p := range s.profiles {
		p.PasswordSaved = false // says nothing about another machine's keychain
		f.Profiles = append(f.Profiles, exportedProfile{Profile: p})
	}
	s.mu.Unlock()
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// Import merges profiles from an export (or a copied connections file, or a
// bare JSON array of profiles) by name, case-insensitively: a name already
// present is skipped, never overwritten. Each entry is validated on its own.
func (s *Store) Import(data []byte) (ImportResult, error) {
	entries, err := parseImport(data)
	if err != nil {
		return ImportResult{}, err
	}
	res := ImportResult{Added: []string{}, Skipped: []string{}, Rejected: []Rejection{}}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.writable(); err != nil {
		return ImportResult{}, err
	}
	next := slices.Clone(s.profiles)
	for i, raw := range entries {
		var p Profile
		if err := json.Unmarshal(raw, &p); err != nil {
			res.Rejected = append(res.Rejected, Rejection{Name: fmt.Sprintf("entry %d", i+1),
				Reason: "it is not a connection object"})
			continue
		}
		p.ID, p.Sandbox, p.PasswordSaved = "", false, false
		label := fmt.Sprintf("entry %d", i+1)
		if err := CheckLengths(p); err != nil {
			res.Rejected = append(res.Rejected, Rejection{Name: label, Reason: apperr.As(err).Message})
			continue
		}
		p = Normalize(p)
		if p.Name != "" {
			label = p.Name
		}
		if err := Validate(p); err != nil {
			res.Rejected = append(res.Rejected, Rejection{Name: label, Reason: apperr.As(err).Message})
			continue
		}
		if nameTaken(next, p.Name) {
			res.Skipped = append(res.Skipped, p.Name)
			continue
		}
		p.ID = newID()
		next = append(next, p)
		res.Added = append(res.Added, p.Name)
	}
	if len(res.Added) > 0 {
		if err := s.commit(next); err != nil {
			return ImportResult{}, err
		}
	}
	return res, nil
}

func importError(msg, detail string) error {
	return &apperr.Error{Code: "import_invalid", Message: msg, Detail: detail,
		Hint: "Choose a file made by Export connections in Redshift Mate."}
}

// parseImport returns the raw profile entries of an import file.
func parseImport(data []byte) ([]json.RawMessage, error) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, importError("the file is empty", "")
	}
	if !json.Valid(trimmed) {
		var v any
		err := json.Unmarshal(trimmed, &v)
		return nil, importError("the file is not valid JSON", err.Error())
	}
	if trimmed[0] == '[' {
		var list []json.RawMessage
		if err := json.Unmarshal(trimmed, &list); err != nil {
			return nil, importError("the file is not a list of connections", err.Error())
		}
		return list, nil
	}
	var f struct {
		Format   *string            `json:"format"`
		Version  *int               `json:"version"`
		Profiles *[]json.RawMessage `json:"profiles"`
	}
	if err := json.Unmarshal(trimmed, &f); err != nil {
		return nil, importError("the file is not a Redshift Mate connections file", err.Error())
	}
	if f.Format != nil && *f.Format != exportFormat {
		return nil, importError("the file is not a Redshift Mate connections file", fmt.Sprintf("format %q", *f.Format))
	}
	if f.Version != nil && *f.Version > formatVersion {
		return nil, &apperr.Error{Code: "import_unsupported_version",
			Message: fmt.Sprintf("the file was made by a newer version of Redshift Mate (format %d)", *f.Version),
			Hint:    "Update Redshift Mate, then import it again."}
	}
	if f.Profiles == nil {
		return nil, importError("the file holds no \"profiles\" list", "")
	}
	return *f.Profiles, nil
}

// ReadImportFile reads a file chosen for Import: a regular file (a link to
// one is fine) no larger than a connections file can be, so that picking a
// device or a FIFO fails with a clear message instead of hanging or filling
// memory.
func ReadImportFile(path string) ([]byte, error) {
	fail := func(msg string, err error) error {
		e := &apperr.Error{Code: "read_failed", Message: msg, Detail: path, Err: err}
		if err != nil {
			e.Detail = err.Error()
		}
		return e
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fail("cannot read "+path, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fail(path+" is not a regular file", nil)
	}
	if fi.Size() > maxFileBytes {
		return nil, fail(fmt.Sprintf("%s is %d bytes; a connections file is at most %d", path, fi.Size(), maxFileBytes), nil)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fail("cannot read "+path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileBytes+1))
	if err != nil {
		return nil, fail("cannot read "+path, err)
	}
	if len(data) > maxFileBytes {
		return nil, fail(fmt.Sprintf("%s is more than %d bytes", path, maxFileBytes), nil)
	}
	return data, nil
}
