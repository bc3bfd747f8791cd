package app

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/redshiftmate/rsmate/backend/access"
	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/catalog"
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/export"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/session"
)

// InsightService is the bound service that answers "who can do what, and
// why" from the loaded catalog, exports grants and access reviews, and reads
// the history of applied changes (and how to undo them) from the audit log.
type InsightService struct {
	app *App
	now func() time.Time // tests fix the clock
}

// WhoCanAccess lists every principal with effective access to an object,
// schema or database, each with the paths behind its privileges, in wire
// form (thousands of holders share a few paths).
func (s *InsightService) WhoCanAccess(sessionID string, obj model.ObjectRef) (hs access.WireHolders, err error) {
	defer guard(&err)
	x, err := s.app.Catalog.index(sessionID)
	if err != nil {
		return hs, err
	}
	if err := checkObject(x, obj); err != nil {
		return hs, err
	}
	return access.HoldersToWire(access.WhoCanAccess(x.Snapshot(), x, obj)), nil
}

// checkObject refuses an object the loaded catalog does not hold.
func checkObject(x *catalog.Index, obj model.ObjectRef) error {
	switch obj.Kind {
	case model.ObjDatabase:
		for _, d := range x.Snapshot().Databases {
			if d.Name == obj.Name {
				return nil
			}
		}
		return apperr.NotFound("database", obj.Name)
	case model.ObjSchema:
		if _, ok := x.Schema(obj.Schema); !ok {
			return apperr.NotFound("schema", obj.Schema)
		}
	case model.ObjTable, model.ObjColumn:
		if _, ok := x.Relation(obj.Schema, obj.Name); !ok {
			return apperr.NotFound("table or view", obj.Schema+"."+obj.Name)
		}
	case model.ObjFunction, model.ObjProcedure:
		for _, r := range x.Routines(obj.Schema) {
			if r.Name == obj.Name && r.Args == obj.Args {
				return nil
			}
		}
		return apperr.NotFound(string(obj.Kind), obj.Schema+"."+obj.Name+"("+obj.Args+")")
	case model.ObjLanguage:
	default:
		return apperr.Invalid("unknown object kind %q", obj.Kind)
	}
	return nil
}

// ExportWhoCanAccess saves who can access an object as CSV (privilege ""
// keeps every privilege) to a file chosen in the save dialog; "" if cancelled.
func (s *InsightService) ExportWhoCanAccess(sessionID string, obj model.ObjectRef, privilege string) (path string, err error) {
	defer guard(&err)
	x, err := s.app.Catalog.index(sessionID)
	if err != nil {
		return "", err
	}
	if err := checkObject(x, obj); err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := export.WhoCanAccessCSV(&buf, obj, access.WhoCanAccess(x.Snapshot(), x, obj), privilege); err != nil {
		return "", err
	}
	return s.save("Export who can access", fileStem(export.ObjectText(obj))+"-access.csv", csvFilter, buf.Bytes())
}

// Export formats.
const (
	FormatSQL  = "sql"
	FormatCSV  = "csv"
	FormatHTML = "html"
)

var (
	csvFilter  = FileFilter{"CSV files", []string{"csv"}}
	sqlFilter  = FileFilter{"SQL scripts", []string{"sql"}}
	htmlFilter = FileFilter{"HTML pages", []string{"html", "htm"}}
)

// GrantsScope says whose grants to export: a principal's, a schema's or,
// both empty, the whole database's. (The bindings cannot name the export
// package: "export" is a reserved word in TypeScript.)
type GrantsScope struct {
	Principal *model.PrincipalRef `json:"principal,omitempty"`
	Schema    string              `json:"schema,omitempty"`
}

// ExportGrants saves the grants of a principal, a schema or (empty scope) the
// whole database as a replayable SQL script rendered by the engine, or as
// CSV; "" if cancelled.
func (s *InsightService) ExportGrants(sessionID string, gs GrantsScope, format string) (path string, err error) {
	defer guard(&err)
	scope := export.Scope{Principal: gs.Principal, Schema: gs.Schema}
	sess, err := s.app.sessions.Get(sessionID)
	if err != nil {
		return "", err
	}
	x, err := s.app.Catalog.index(sessionID)
	if err != nil {
		return "", err
	}
	what := "database " + x.Snapshot().Database
	switch {
	case scope.Principal != nil:
		if !x.Exists(*scope.Principal) {
			return "", apperr.NotFound(string(scope.Principal.Kind), scope.Principal.Name)
		}
		what = export.PrincipalText(*scope.Principal)
	case scope.Schema != "":
		if _, ok := x.Schema(scope.Schema); !ok {
			return "", apperr.NotFound("schema", scope.Schema)
		}
		what = "schema " + scope.Schema
	}
	set := export.Collect(x, scope)
	var data []byte
	var filter FileFilter
	switch format {
	case FormatSQL:
		header := fmt.Sprintf("Grants of %s, exported from %s@%s:%d/%s on %s.\n-- Replaying adds these grants; it revokes nothing the target holds beyond them.",
			what, sess.Server.User, sess.Server.Host, sess.Server.Port, sess.Server.Database, s.clock().UTC().Format(time.RFC3339))
		script, _ := export.Script(export.Changes(set, x.Snapshot()), x.Snapshot(), rendererFor(sess.Server.Engine), header, sess.Server.Engine == session.Redshift)
		data, filter = []byte(script), sqlFilter
	case FormatCSV:
		var buf bytes.Buffer
		if err := export.GrantsCSV(&buf, set); err != nil {
			return "", err
		}
		data, filter = buf.Bytes(), csvFilter
	default:
		return "", apperr.Invalid("unknown export format %q: choose sql or csv", format)
	}
	return s.save("Export grants", fileStem(what)+"-grants."+format, filter, data)
}

// ExportReview saves the access review of the database (effective access
// and risk flags) as CSV or HTML; "" if cancelled.
func (s *InsightService) ExportReview(sessionID, format string) (path string, err error) {
	defer guard(&err)
	x, err := s.app.Catalog.index(sessionID)
	if err != nil {
		return "", err
	}
	if format != FormatCSV && format != FormatHTML {
		return "", apperr.Invalid("unknown report format %q: choose csv or html", format)
	}
	r := export.Review(x, s.clock())
	var buf bytes.Buffer
	filter := csvFilter
	if format == FormatHTML {
		filter = htmlFilter
		err = export.ReviewHTML(&buf, r)
	} else {
		err = export.ReviewCSV(&buf, r)
	}
	if err != nil {
		return "", err
	}
	return s.save("Export access review", fileStem(x.Snapshot().Database)+"-access-review."+format, filter, buf.Bytes())
}

func (s *InsightService) clock() time.Time {
	if s.now != nil {
		return s.now()
	}
	return time.Now()
}

// save asks for a path in the native save dialog and writes data there (0600).
func (s *InsightService) save(title, name string, filter FileFilter, data []byte) (string, error) {
	path, err := s.app.platform.SaveFile(title, name, filter)
	if err != nil || path == "" {
		return "", err
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return "", &apperr.Error{Code: "write_failed", Message: "cannot write " + path, Detail: err.Error(), Err: err}
	}
	return path, nil
}

// fileStem makes a file name from a description: "schema Sales EU" → "schema-Sales-EU".
func fileStem(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '/' || r == '\\' || r == ':' || r == '*' || r == '?' || r == '"' || r == '<' || r == '>' || r == '|' || r < ' ':
			b.WriteRune('_')
		case r == ' ':
			b.WriteRune('-')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// HistoryFilter narrows the history. Dates are days (YYYY-MM-DD, UTC,
// inclusive); empty fields do not filter.
type HistoryFilter struct {
	From      string `json:"from"`
	To        string `json:"to"`
	ProfileID string `json:"profileId"`
	// Principal matches, case-insensitively, a principal a change names or
	// the text of a statement.
	Principal string `json:"principal"`
}

// HistoryStatement is one statement of an apply with its outcome.
type HistoryStatement struct {
	SQL         string `json:"sql"`
	Summary     string `json:"summary"`
	Outcome     string `json:"outcome"`
	ChangeIndex int    `json:"changeIndex"`
}

// HistoryApply is one applied (or attempted) plan.
type HistoryApply struct {
	PlanID     string             `json:"planId"`
	Time       time.Time          `json:"time" ts_type:"string"`
	Profile    string             `json:"profile"`
	ProfileID  string             `json:"profileId"`
	Server     string             `json:"server"`
	ServerUser string             `json:"serverUser"`
	Database   string             `json:"database"`
	Principals []string           `json:"principals"`
	Statements []HistoryStatement `json:"statements"`
	// Changed: some statement ran and was kept ("ok…" outcome).
	Changed bool `json:"changed"`
	// Revertible: every change recorded how to undo it.
	Revertible bool `json:"revertible"`
	// NoRevert says why (some of) the apply cannot be undone.
	NoRevert []string `json:"noRevert"`
}

// HistoryPage is the filtered history, newest first.
type HistoryPage struct {
	Applies      []HistoryApply `json:"applies"`
	CorruptLines []int          `json:"corruptLines"`
	// Profiles are the connections the whole log names, for the filter.
	Profiles []HistoryProfile `json:"profiles"`
}

// HistoryProfile is a connection named in the log.
type HistoryProfile struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// History groups the audit log by apply, newest first, and filters it.
func (s *InsightService) History(f HistoryFilter) (page HistoryPage, err error) {
	defer guard(&err)
	from, to, err := dayRange(f.From, f.To)
	if err != nil {
		return page, err
	}
	applies, corrupt, profiles, err := s.applies()
	if err != nil {
		return page, err
	}
	page = HistoryPage{Applies: []HistoryApply{}, CorruptLines: corrupt, Profiles: profiles}
	needle := strings.ToLower(strings.TrimSpace(f.Principal))
	for _, a := range applies {
		if (!from.IsZero() && a.view.Time.Before(from)) || (!to.IsZero() && !a.view.Time.Before(to)) {
			continue
		}
		if f.ProfileID != "" && a.view.ProfileID != f.ProfileID {
			continue
		}
		if needle != "" && !a.mentions(needle) {
			continue
		}
		page.Applies = append(page.Applies, a.view)
	}
	return page, nil
}

// dayRange turns inclusive days into [from, to) instants.
func dayRange(from, to string) (time.Time, time.Time, error) {
	var f, t time.Time
	var err error
	if from != "" {
		if f, err = time.Parse("2006-01-02", from); err != nil {
			return f, t, apperr.Invalid("from %q is not a day (use YYYY-MM-DD)", from)
		}
	}
	if to != "" {
		if t, err = time.Parse("2006-01-02", to); err != nil {
			return f, t, apperr.Invalid("to %q is not a day (use YYYY-MM-DD)", to)
		}
		t = t.AddDate(0, 0, 1)
	}
	if !f.IsZero() && !t.IsZero() && !f.Before(t) {
		return f, t, apperr.Invalid("the history range ends (%s) before it starts (%s)", to, from)
	}
	return f, t, nil
}

// apply is one plan's entries, with its view for the frontend.
type apply struct {
	view    HistoryApply
	entries []change.AuditEntry // in log order
}

func (a *apply) mentions(needle string) bool {
	for _, p := range a.view.Principals {
		if strings.Contains(strings.ToLower(p), needle) {
			return true
		}
	}
	for _, e := range a.entries {
		if strings.Contains(strings.ToLower(e.Statement), needle) {
			return true
		}
	}
	return false
}

// applies reads the whole log and groups it by plan, newest first.
func (s *InsightService) applies() ([]*apply, []int, []HistoryProfile, error) {
	log, err := s.app.Changes.auditLog()
	if err != nil {
		return nil, nil, nil, err
	}
	page, err := log.Read(0)
	if err != nil {
		return nil, nil, nil, &apperr.Error{Code: "audit_unreadable", Message: "cannot read the audit log", Detail: err.Error(), Err: err}
	}
	byPlan := map[string]*apply{}
	var order []*apply
	profiles := map[string]string{}
	// Read returns newest first: walk backwards to keep each plan's statements in order.
	for i := len(page.Entries) - 1; i >= 0; i-- {
		e := page.Entries[i]
		profiles[e.ProfileID] = e.Profile
		a := byPlan[e.PlanID]
		if a == nil {
			a = &apply{view: HistoryApply{PlanID: e.PlanID, Time: e.Time, Profile: e.Profile, ProfileID: e.ProfileID, Server: e.Server,
				ServerUser: e.ServerUser, Database: e.Database, Principals: []string{}, Statements: []HistoryStatement{}, NoRevert: []string{}}}
			byPlan[e.PlanID] = a
			order = append(order, a)
		}
		a.entries = append(a.entries, e)
		a.view.Statements = append(a.view.Statements, HistoryStatement{SQL: e.Statement, Summary: e.Summary, Outcome: e.Outcome, ChangeIndex: e.ChangeIndex})
		if strings.HasPrefix(e.Outcome, "ok") {
			a.view.Changed = true
		}
		for _, p := range e.Principals {
			if !slices.Contains(a.view.Principals, p) {
				a.view.Principals = append(a.view.Principals, p)
			}
		}
	}
	for _, a := range order {
		_, reasons := a.reverts()
		a.view.NoRevert = reasons
		a.view.Revertible = a.view.Changed && len(reasons) == 0
	}
	sort.SliceStable(order, func(i, j int) bool { return order[i].view.Time.After(order[j].view.Time) })
	list := []HistoryProfile{}
	for id, name := range profiles {
		list = append(list, HistoryProfile{ID: id, Name: name})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Name < list[j].Name })
	return order, page.CorruptLines, list, nil
}

// reverts lists the changes that undo the apply (its changes' reverts, last
// change first) and why parts of it cannot be undone.
func (a *apply) reverts() ([]change.Change, []string) {
	type recorded struct {
		index   int
		summary string
		revert  *change.Revert
		ran     bool
	}
	byChange := map[int]*recorded{}
	var idx []int
	for _, e := range a.entries {
		r := byChange[e.ChangeIndex]
		if r == nil {
			r = &recorded{index: e.ChangeIndex, summary: e.Summary}
			byChange[e.ChangeIndex] = r
			idx = append(idx, e.ChangeIndex)
		}
		if e.Revert != nil {
			r.revert = e.Revert
		}
		if strings.HasPrefix(e.Outcome, "ok") {
			r.ran = true
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(idx)))
	changes, reasons := []change.Change{}, []string{}
	for _, i := range idx {
		r := byChange[i]
		switch {
		case !r.ran:
			continue // rolled back or never run: nothing to undo
		case r.revert == nil:
			reasons = append(reasons, r.summary+": recorded before the history kept how to undo changes")
		case r.revert.Reason != "":
			reasons = append(reasons, r.summary+": "+r.revert.Reason)
		default:
			changes = append(changes, r.revert.Changes...)
		}
	}
	return changes, reasons
}

// RevertPlan is what undoing an apply takes: changes to queue as pending
// (previewed like any other) and why parts cannot be undone.
type RevertPlan struct {
	Changes  []change.Change `json:"changes"`
	NoRevert []string        `json:"noRevert"`
}

// Revert builds the inverse change set of an apply for the session, which
// must be connected to the connection and database the apply ran on.
// Nothing runs: the frontend queues the changes for preview.
func (s *InsightService) Revert(sessionID, planID string) (p RevertPlan, err error) {
	defer guard(&err)
	sess, err := s.app.sessions.Get(sessionID)
	if err != nil {
		return p, err
	}
	applies, _, _, err := s.applies()
	if err != nil {
		return p, err
	}
	for _, a := range applies {
		if a.view.PlanID != planID {
			continue
		}
		if a.view.ProfileID != sess.ProfileID || (a.view.Database != "" && a.view.Database != sess.Server.Database) {
			return p, &apperr.Error{Code: "revert_wrong_target",
				Message: fmt.Sprintf("this apply ran on %s (%s); the session is connected to %s", a.view.Profile, a.view.Server, sess.Server.Database),
				Hint:    "Open a session on the connection and database the apply ran on, then revert from there."}
		}
		if !a.view.Changed {
			return p, apperr.Invalid("this apply changed nothing (it was rolled back or never ran): there is nothing to revert")
		}
		p.Changes, p.NoRevert = a.reverts()
		if len(p.Changes) == 0 && len(p.NoRevert) > 0 {
			return p, &apperr.Error{Code: "no_inverse", Message: "this apply cannot be undone automatically",
				Detail: strings.Join(p.NoRevert, "\n"), Hint: "Undo it by hand; the statements it ran are listed in the history."}
		}
		return p, nil
	}
	return p, &apperr.Error{Code: "not_found", Message: "no apply " + planID + " in the audit log", Hint: "Reload the history."}
}
