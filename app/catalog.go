package app

import (
	"context"
	"time"

	"github.com/redshiftmate/rsmate/backend/access"
	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/catalog"
	"github.com/redshiftmate/rsmate/backend/engine"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/session"
	"github.com/redshiftmate/rsmate/backend/vocab"
)

// CatalogService is the bound service that loads and browses a session's
// access model. Load and SwitchDatabase read a catalog (a constant number of
// statements); the browsing methods answer from the cached snapshot and its
// index, so a screen costs one call and no per-row round trips. Only Columns
// goes to the server again: one statement for one relation, on demand.
type CatalogService struct {
	app   *App
	cache *catalog.Cache
	// engines picks the catalog reader for a server (tests inject failing ones).
	engines func(session.Engine) engine.Engine

	// loads holds the cancel of every load running, per session.
	loads cancelGroups
}

// CatalogSummary describes a loaded snapshot.
type CatalogSummary struct {
	SessionID    string              `json:"sessionId"`
	Engine       string              `json:"engine"`
	Database     string              `json:"database"`
	Databases    []string            `json:"databases"`
	Capabilities engine.Capabilities `json:"capabilities"`
	// Vocabulary is what the engine can grant at the server's version: the
	// editors' sections, privilege columns and option rules come from it.
	Vocabulary vocab.Vocabulary `json:"vocabulary"`
	Counts     CatalogCounts    `json:"counts"`
	Partial    bool             `json:"partial"`
	Warnings   []string         `json:"warnings"`
	Queries    int              `json:"queries"`
	LoadMillis int64            `json:"loadMillis"`
	LoadedAt   time.Time        `json:"loadedAt" ts_type:"string"`
}

// CatalogCounts sizes each list.
type CatalogCounts struct {
	Users             int `json:"users"`
	Roles             int `json:"roles"`
	SystemRoles       int `json:"systemRoles"` // of Roles: sys:*, ds:*, pg_* (lists hide them by default)
	Groups            int `json:"groups"`
	Schemas           int `json:"schemas"`
	Relations         int `json:"relations"`
	Routines          int `json:"routines"`
	Grants            int `json:"grants"`
	DefaultPrivileges int `json:"defaultPrivileges"`
}

// CatalogProgress is emitted as "catalog:progress" while a load runs.
type CatalogProgress struct {
	SessionID string `json:"sessionId"`
	Step      string `json:"step"`
	Done      int    `json:"done"`
	Total     int    `json:"total"`
}

// Load reads (or, with refresh, re-reads) the session's catalog. The load
// runs under the session's context: Disconnect (or a database switch) cancels
// it, and nothing it read is kept for a session that is gone.
func (s *CatalogService) Load(sessionID string, refresh bool) (sum CatalogSummary, err error) {
	defer guard(&err)
	sess, err := s.app.sessions.Get(sessionID)
	if err != nil {
		return sum, err
	}
	db := sess.Server.Database
	if !refresh {
		if snap, ok := s.cache.Get(sessionID, db); ok {
			return summarize(sessionID, sess, snap, 0), nil
		}
	}
	ctx, cancel := context.WithCancel(sess.Context())
	defer s.loads.Add(sessionID, cancel)()
	eng := s.engines(sess.Server.Engine)
	start := time.Now()
	var lastEmit time.Time
	progress := func(step string, done, total int) {
		// Throttle: the UI needs a moving bar, not every step of a fast load.
		if done != total && time.Since(lastEmit) < 50*time.Millisecond {
			return
		}
		lastEmit = time.Now()
		s.app.platform.Emit("catalog:progress", CatalogProgress{SessionID: sessionID, Step: step, Done: done, Total: total})
	}
	snap, err := s.cache.Load(ctx, sessionID, db, eng, sess.Pool, progress)
	if sess.Context().Err() != nil {
		// Closed or switched while loading. The cache's Close/Invalidate ran
		// before this check could pass, so whatever this load stored is
		// dropped here: the pool it came from is gone.
		if cur, gerr := s.app.sessions.Get(sessionID); gerr != nil || cur.Server.Database != db {
			s.cache.Forget(sessionID, db)
		}
		return sum, &apperr.Error{Code: "not_connected", Message: "the connection was closed or switched while loading the catalog",
			Hint: "Connect again from the sidebar, or load the catalog again."}
	}
	if err != nil {
		if ctx.Err() != nil {
			return sum, &apperr.Error{Code: "canceled", Message: "loading the catalog was cancelled", Err: err}
		}
		return sum, &apperr.Error{Code: "catalog_load_failed", Message: "could not read the access model of " + db,
			Detail: apperr.As(err).Error(), Hint: "Check that the user may read the system catalog, then refresh.", Err: err}
	}
	return summarize(sessionID, sess, snap, time.Since(start).Milliseconds()), nil
}

// Cancel stops the loads of this session that are running now. Loads of
// other sessions, and loads started afterwards, are not affected.
func (s *CatalogService) Cancel(sessionID string) (err error) {
	defer guard(&err)
	s.loads.CancelAll(sessionID)
	return nil
}

// SwitchDatabase reconnects the session to another database and loads it.
func (s *CatalogService) SwitchDatabase(sessionID, database string) (sum CatalogSummary, err error) {
	defer guard(&err)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if cur, err := s.app.sessions.Get(sessionID); err != nil {
		return sum, err
	} else if cur.Server.Emulated {
		return sum, apperr.Invalid("the emulated Redshift has one database, %s: the Redshift-shaped catalog is installed only there", cur.Server.Database)
	}
	// A plan previewed on the old database must not run on the new one.
	s.app.Changes.discardSession(sessionID)
	sess, err := s.app.sessions.SwitchDatabase(ctx, sessionID, database)
	if err != nil {
		return sum, err
	}
	s.cache.Invalidate(sessionID)
	// The status bar and session tabs show the database: tell them it changed.
	p, _ := s.app.profileByID(sess.ProfileID)
	s.app.platform.Emit("session:updated", infoOf(sess, p))
	return s.Load(sessionID, false)
}

func summarize(id string, sess *session.Session, snap *model.Snapshot, ms int64) CatalogSummary {
	sum := CatalogSummary{
		SessionID: id, Engine: snap.Engine, Database: snap.Database,
		Capabilities: engineFor(sess.Server.Engine).Capabilities(),
		Vocabulary:   *vocab.Of(snap).ForVersion(vocab.MajorVersion(snap.ServerVersion)),
		Partial:      snap.Partial, Warnings: snap.Warnings, Queries: snap.Queries, LoadMillis: ms, LoadedAt: snap.LoadedAt,
		Counts: CatalogCounts{Users: len(snap.Users), Roles: len(snap.Roles), Groups: len(snap.Groups),
			Schemas: len(snap.Schemas), Relations: len(snap.Relations), Routines: len(snap.Routines),
			Grants: snap.Grants.Len(), DefaultPrivileges: len(snap.DefaultPrivileges)},
	}
	for _, r := range snap.Roles {
		if r.System {
			sum.Counts.SystemRoles++
		}
	}
	for _, d := range snap.Databases {
		// An emulated Redshift's catalog views exist in its own database only.
		if !d.Template && (!sess.Server.Emulated || d.Name == snap.Database) {
			sum.Databases = append(sum.Databases, d.Name)
		}
	}
	return sum
}

func (s *CatalogService) index(sessionID string) (*catalog.Index, error) {
	sess, err := s.app.sessions.Get(sessionID)
	if err != nil {
		return nil, err
	}
	if x, ok := s.cache.Index(sessionID, sess.Server.Database); ok {
		return x, nil
	}
	return nil, &apperr.Error{Code: "catalog_not_loaded", Message: "the access model is not loaded yet", Hint: "Load or refresh the catalog."}
}

// The list, detail and effective-access answers are assembled by the
// catalog index (backend/catalog/screens.go); these are their bound forms.
type (
	UserRow         = catalog.UserRow
	RoleRow         = catalog.RoleRow
	GroupRow        = catalog.GroupRow
	PrincipalDetail = catalog.PrincipalDetail
	ObjectRow       = catalog.ObjectRow
)

// Users lists every user with membership and grant counts.
func (s *CatalogService) Users(sessionID string) (rows []UserRow, err error) {
	defer guard(&err)
	x, err := s.index(sessionID)
	if err != nil {
		return nil, err
	}
	return x.UserRows(), nil
}

// Roles lists every role.
func (s *CatalogService) Roles(sessionID string) (rows []RoleRow, err error) {
	defer guard(&err)
	x, err := s.index(sessionID)
	if err != nil {
		return nil, err
	}
	return x.RoleRows(), nil
}

// Groups lists every group.
func (s *CatalogService) Groups(sessionID string) (rows []GroupRow, err error) {
	defer guard(&err)
	x, err := s.index(sessionID)
	if err != nil {
		return nil, err
	}
	return x.GroupRows(), nil
}

// Principal returns the detail of one principal.
func (s *CatalogService) Principal(sessionID string, ref model.PrincipalRef) (d PrincipalDetail, err error) {
	defer guard(&err)
	x, err := s.index(sessionID)
	if err != nil {
		return d, err
	}
	return x.Detail(ref)
}

// Effective returns a principal's effective privileges, optionally limited to
// one schema (objects of other schemas and database-level rows are left out
// then) to keep the answer small on big catalogs. It answers in wire form
// (access.WireEffective): a whole database's cells are tens of thousands.
func (s *CatalogService) Effective(sessionID string, ref model.PrincipalRef, schema string) (e access.WireEffective, err error) {
	defer guard(&err)
	x, err := s.index(sessionID)
	if err != nil {
		return e, err
	}
	return x.Effective(ref, schema).ToWire(), nil
}

// EffectiveDatabase returns the effective privileges of a principal on the
// database itself and its languages (the rows that belong to no schema).
func (s *CatalogService) EffectiveDatabase(sessionID string, ref model.PrincipalRef) (e access.WireEffective, err error) {
	defer guard(&err)
	x, err := s.index(sessionID)
	if err != nil {
		return e, err
	}
	return x.EffectiveDatabase(ref).ToWire(), nil
}

type SchemaRow = catalog.SchemaRow

// Schemas lists the schemas of the session's database (catalog schemas last).
func (s *CatalogService) Schemas(sessionID string) (rows []SchemaRow, err error) {
	defer guard(&err)
	x, err := s.index(sessionID)
	if err != nil {
		return nil, err
	}
	return x.SchemaRows(), nil
}

// SchemaObjects lists one schema's relations and routines with who holds grants on each.
func (s *CatalogService) SchemaObjects(sessionID, schema string) (rows []ObjectRow, err error) {
	defer guard(&err)
	x, err := s.index(sessionID)
	if err != nil {
		return nil, err
	}
	if rows, err = x.SchemaObjects(schema); err != nil {
		return nil, err
	}
	return append(rows, schemaModels(x, schema)...), nil // Redshift ML models (catalog_surface.go)
}

// ObjectGrants lists the explicit grants on one object (for a table, its
// column grants too).
func (s *CatalogService) ObjectGrants(sessionID string, ref model.ObjectRef) (gs []model.Grant, err error) {
	defer guard(&err)
	x, err := s.index(sessionID)
	if err != nil {
		return nil, err
	}
	return x.ObjectGrants(ref), nil
}

// Columns lists a relation's columns (one query, on demand).
func (s *CatalogService) Columns(sessionID, schema, relation string) (cols []model.Column, err error) {
	defer guard(&err)
	sess, err := s.app.sessions.Get(sessionID)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(sess.Context(), 30*time.Second)
	defer cancel()
	cols, err = s.engines(sess.Server.Engine).Columns(ctx, sess.Pool, schema, relation)
	return nonNil(cols), err
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
