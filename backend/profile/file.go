package profile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

const (
	fileName = "profiles.json"
	// formatVersion is the version written; a file with a higher one came
	// from a newer app and is never overwritten.
	formatVersion = 1
)

// fileData is the on-disk shape. Profile has no password field, so none can
// be written.
type fileData struct {
	Version  int       `json:"version"`
	Profiles []Profile `json:"profiles"`
}

type loaded struct {
	profiles []Profile
	warning  string
	frozen   bool
}

// maxFileBytes bounds the connections file: thousands of profiles fit in far less.
const maxFileBytes = 16 << 20

// errSymlink marks a path that is a symbolic link; the store never follows one,
// so a link planted in the config directory cannot redirect reads, chmods or writes.
var errSymlink = errors.New("it is a symbolic link")

// load reads the connections file. A missing file is an empty list; a file
// that cannot be understood, or is not a regular file (a symbolic link, a
// FIFO, a device), is renamed aside and reported.
func load(path string) (loaded, error) {
	f, err := openNoFollow(path)
	if errors.Is(err, fs.ErrNotExist) {
		return loaded{}, nil
	}
	if errors.Is(err, errSymlink) {
		return setAside(path, describeLink(path))
	}
	if err != nil {
		return loaded{}, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return loaded{}, err
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return setAside(path, "it is not a regular file ("+fi.Mode().Type().String()+")")
	}
	if fi.Size() > maxFileBytes {
		f.Close()
		return setAside(path, fmt.Sprintf("it is %d bytes, more than the %d a connections file can be", fi.Size(), maxFileBytes))
	}
	data, err := io.ReadAll(io.LimitReader(f, maxFileBytes+1))
	if err != nil {
		return loaded{}, err
	}
	if len(data) > maxFileBytes {
		f.Close()
		return setAside(path, fmt.Sprintf("it is more than %d bytes", maxFileBytes))
	}
	// Tighten a file that was created (or copied in) with looser permissions:
	// through the open descriptor, so the change lands on the file just read.
	_ = f.Chmod(0o600)

	var head struct {
		Version *int `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return setAside(path, describeJSONError(data, err))
	}
	switch {
	case head.Version == nil:
		return setAside(path, "it has no format version")
	case *head.Version > formatVersion:
		var fd fileData
		_ = json.Unmarshal(data, &fd) // best effort: show what we can read
		return loaded{
			profiles: repair(fd.Profiles),
			frozen:   true,
			warning: fmt.Sprintf("The connections file %s was written by a newer version of Redshift Mate (format %d); "+
				"it is shown read-only and will not be changed. Update the app to edit connections.", path, *head.Version),
		}, nil
	case *head.Version < 1:
		return setAside(path, fmt.Sprintf("its format version %d is not valid", *head.Version))
	}
	var fd fileData
	if err := json.Unmarshal(data, &fd); err != nil {
		return setAside(path, describeJSONError(data, err))
	}
	return loaded{profiles: repair(fd.Profiles)}, nil
}

// repair gives every profile a unique id and drops the sandbox flag, so a
// hand-edited file cannot confuse the store.
func repair(ps []Profile) []Profile {
	out := make([]Profile, 0, len(ps))
	seen := map[string]bool{}
	for _, p := range ps {
		if p.ID == "" || seen[p.ID] {
			p.ID = newID()
		}
		seen[p.ID] = true
		p.Sandbox = false
		out = append(out, p)
	}
	return out
}

func describeJSONError(data []byte, err error) string {
	if len(bytes.TrimSpace(data)) == 0 {
		return "it is empty"
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("it is not valid JSON at byte %d", se.Offset)
	}
	return "its content is not a list of connections (" + err.Error() + ")"
}

// setAside renames a damaged file to profiles.json.damaged-<time> and starts
// an empty list.
func setAside(path, reason string) (loaded, error) {
	stamp := time.Now().UTC().Format("20060102T150405Z")
	aside := path + ".damaged-" + stamp
	for n := 2; fileExists(aside); n++ {
		aside = fmt.Sprintf("%s.damaged-%s-%d", path, stamp, n)
	}
	if err := os.Rename(path, aside); err != nil {
		return loaded{}, fmt.Errorf("the connections file %s is damaged (%s) and could not be set aside: %w", path, reason, err)
	}
	return loaded{warning: fmt.Sprintf("The connections file could not be read because %s. "+
		"It was kept as %s and an empty list was started.", reason, aside)}, nil
}

// describeLink says where a symbolic link points, for the set-aside warning.
func describeLink(path string) string {
	if target, err := os.Readlink(path); err == nil {
		return fmt.Sprintf("it is a symbolic link (to %s), which is never followed", target)
	}
	return "it is a symbolic link, which is never followed"
}

func fileExists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// writeFile writes the profiles atomically: a temporary file in the same
// directory, flushed to disk, then renamed over the old one.
func writeFile(path string, ps []Profile) error {
	if ps == nil {
		ps = []Profile{}
	}
	data, err := json.MarshalIndent(fileData{Version: formatVersion, Profiles: ps}, "", "  ")
	if err != nil {
		return err
	}
	return writeAtomic(path, append(data, '\n'))
}

// writeAtomic never writes through a symbolic link: the temporary file is
// created exclusively (O_EXCL does not follow links), and a link found at path
// is refused rather than replaced, so the user learns about it.
func writeAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	if fi, err := os.Lstat(path); err == nil && !fi.Mode().IsRegular() {
		if fi.Mode()&fs.ModeSymlink != 0 {
			return fmt.Errorf("%s %s", path, describeLink(path))
		}
		return fmt.Errorf("%s is not a regular file (%s)", path, fi.Mode().Type())
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = tmp.Chmod(0o600); err != nil {
		return err
	}
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir makes the rename durable where the OS allows syncing a directory.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
