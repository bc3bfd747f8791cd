package change

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/redshiftmate/rsmate/backend/apperr"
)

// AuditLog appends one JSON line per applied (or rolled back) statement to a
// local file. Statements are recorded in their redacted Display form only.
type AuditLog struct {
	mu   sync.Mutex
	path string
}

// AuditEntry is one line of the audit log.
type AuditEntry struct {
	Time       time.Time `json:"time" ts_type:"string"`
	PlanID     string    `json:"planId"`
	Profile    string    `json:"profile"`
	ProfileID  string    `json:"profileId"`
	Server     string    `json:"server"`
	ServerUser string    `json:"serverUser"`
	Database   string    `json:"database,omitempty"`
	Statement  string    `json:"statement"`
	Summary    string    `json:"summary,omitempty"`
	Outcome    string    `json:"outcome"`
	// ChangeIndex is the statement's change within the plan.
	ChangeIndex int `json:"changeIndex"`
	// Principals and Revert are set on the first entry of each change: the
	// principals it names ("user alice") and how to undo it. Older entries
	// have neither.
	Principals []string `json:"principals,omitempty"`
	Revert     *Revert  `json:"revert,omitempty"`
}

// OpenAudit uses dir/audit.jsonl (dir 0700, file 0600).
func OpenAudit(dir string) (*AuditLog, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	return &AuditLog{path: filepath.Join(dir, "audit.jsonl")}, nil
}

// Path is where the log lives.
func (a *AuditLog) Path() string { return a.path }

// Check proves the log can be appended to right now. Apply calls it before
// sending anything, so a change is never made that the log cannot record.
// A nil log (tests of the statement runner only) passes.
func (a *AuditLog) Check() error {
	if a == nil {
		return nil
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	f, err := a.open()
	if err != nil {
		return a.unwritable(err)
	}
	if err := f.Close(); err != nil {
		return a.unwritable(err)
	}
	return nil
}

func (a *AuditLog) open() (*os.File, error) {
	f, err := os.OpenFile(a.path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, err
	}
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		if err == nil {
			err = fmt.Errorf("%s is not a regular file", a.path)
		}
		return nil, err
	}
	return f, nil
}

func (a *AuditLog) unwritable(err error) error {
	return &apperr.Error{Code: "audit_unwritable", Message: "the audit log cannot be written, so nothing was sent to the server",
		Detail: err.Error(), Err: err,
		Hint: "Every applied statement is recorded in " + a.path + ". Fix its permissions (or free disk space), then apply again."}
}

// Record appends entries in one write. A nil log records nothing. The error
// says the entries were not (or not all) written; the caller reports it.
func (a *AuditLog) Record(entries ...AuditEntry) error {
	if a == nil || len(entries) == 0 {
		return nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf) // one line per entry
	enc.SetEscapeHTML(false)     // keep <password redacted> readable in the file
	for _, e := range entries {
		if err := enc.Encode(e); err != nil {
			return err
		}
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	f, err := a.open()
	if err != nil {
		return a.unwritable(err)
	}
	_, werr := f.Write(buf.Bytes())
	cerr := f.Close()
	if werr == nil {
		werr = cerr
	}
	if werr != nil {
		return a.unwritable(werr)
	}
	return nil
}

// Entry makes the audit entry of one statement of a plan (redacted form only).
func (t ApplyTarget) Entry(planID string, s Statement, outcome string) AuditEntry {
	return AuditEntry{Time: time.Now().UTC(), PlanID: planID, Profile: t.ProfileName, ProfileID: t.ProfileID,
		Server: t.Server, ServerUser: t.ServerUser, Database: t.Database, Statement: s.Display, Summary: s.Summary,
		Outcome: outcome, ChangeIndex: s.ChangeIndex}
}

// AuditPage is what Read returns: the entries and the lines that did not parse.
type AuditPage struct {
	Entries []AuditEntry `json:"entries"`
	// CorruptLines are the 1-based numbers of lines that are not audit entries
	// (a torn write, an edit by hand); they are reported, never skipped silently.
	CorruptLines []int `json:"corruptLines"`
}

// Read returns the newest entries first, at most limit (0 = all), and every
// corrupt line of the file.
func (a *AuditLog) Read(limit int) (AuditPage, error) {
	page := AuditPage{Entries: []AuditEntry{}, CorruptLines: []int{}}
	a.mu.Lock()
	defer a.mu.Unlock()
	data, err := os.ReadFile(a.path)
	if os.IsNotExist(err) {
		return page, nil
	}
	if err != nil {
		return page, err
	}
	lines := bytes.Split(bytes.TrimRight(data, "\n"), []byte("\n"))
	if len(data) == 0 {
		lines = nil
	}
	for i := len(lines) - 1; i >= 0; i-- {
		var e AuditEntry
		if err := json.Unmarshal(lines[i], &e); err != nil || e.Time.IsZero() {
			page.CorruptLines = append(page.CorruptLines, i+1)
			continue
		}
		if limit == 0 || len(page.Entries) < limit {
			page.Entries = append(page.Entries, e)
		}
	}
	// Ascending line numbers read better.
	for l, r := 0, len(page.CorruptLines)-1; l < r; l, r = l+1, r-1 {
		page.CorruptLines[l], page.CorruptLines[r] = page.CorruptLines[r], page.CorruptLines[l]
	}
	return page, nil
}
