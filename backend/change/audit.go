package change

import (
	"bytes"
	"encoding/json"
	"log"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// AuditLog appends one JSON line per applied (or rolled back) statement to a
// local file. Statements are recorded in their redacted Display form only.
type AuditLog struct {
	mu   sync.Mutex
	path string
}

// AuditEntry is one line of the audit log.
type AuditEntry struct {
	Time       time.Time `json:"time"`
	PlanID     string    `json:"planId"`
	Profile    string    `json:"profile"`
	ProfileID  string    `json:"profileId"`
	Server     string    `json:"server"`
	ServerUser string    `json:"serverUser"`
	Statement  string    `json:"statement"`
	Outcome    string    `json:"outcome"`
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

// Record appends one entry. A nil log records nothing. Failures to write are
// reported to the process log but never undo an apply.
func (a *AuditLog) Record(t ApplyTarget, planID string, s Statement, outcome string) {
	if a == nil {
		return
	}
	e := AuditEntry{Time: time.Now().UTC(), PlanID: planID, Profile: t.ProfileName, ProfileID: t.ProfileID,
		Server: t.Server, ServerUser: t.ServerUser, Statement: s.Display, Outcome: outcome}
	line, err := json.Marshal(e)
	if err != nil {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	f, err := os.OpenFile(a.path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		log.Printf("audit log: %v", err)
		return
	}
	defer f.Close()
	if _, err := f.Write(append(line, '\n')); err != nil {
		log.Printf("audit log: %v", err)
	}
}

// Read returns the newest entries first, at most limit (0 = all).
func (a *AuditLog) Read(limit int) ([]AuditEntry, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	data, err := os.ReadFile(a.path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	lines := bytes.Split(bytes.TrimRight(data, "\n"), []byte("\n"))
	var out []AuditEntry
	for i := len(lines) - 1; i >= 0 && (limit == 0 || len(out) < limit); i-- {
		var e AuditEntry
		if json.Unmarshal(lines[i], &e) == nil {
			out = append(out, e)
		}
	}
	return out, nil
}
