package app

import (
	"context"
	"sort"
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
			Grants: len(snap.Grants), DefaultPrivileges: len(snap.DefaultPrivileges)},
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

// UserRow is one line of the users list.
type UserRow struct {
	model.User
	Roles  int `json:"roles"`  // direct role memberships
	Groups int `json:"groups"` // group memberships
	Grants int `json:"grants"` // direct grants
}

// RoleRow is one line of the roles list.
type RoleRow struct {
	model.Role
	Members          int      `json:"members"`  // direct members (users and roles)
	MemberOf         int      `json:"memberOf"` // roles it belongs to directly
	Grants           int      `json:"grants"`
	SystemPrivileges []string `json:"systemPrivileges"`
}

// GroupRow is one line of the groups list.
type GroupRow struct {
	model.Group
	Members int `json:"members"`
	Grants  int `json:"grants"`
}

// Users lists every user with membership and grant counts.
func (s *CatalogService) Users(sessionID string) (rows []UserRow, err error) {
	defer guard(&err)
	x, err := s.index(sessionID)
	if err != nil {
		return nil, err
	}
	snap := x.Snapshot()
	rows = make([]UserRow, 0, len(snap.Users))
	for _, u := range snap.Users {
		ref := model.UserRef(u.Name)
		u.Config = nonNil(u.Config) // the bindings promise an array
		r := UserRow{User: u, Grants: countExplicit(x.GrantsTo(ref))}
		for _, m := range x.MemberOf(ref) {
			if m.Of.Kind == model.KindGroup {
				r.Groups++
			} else {
				r.Roles++
			}
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// Roles lists every role.
func (s *CatalogService) Roles(sessionID string) (rows []RoleRow, err error) {
	defer guard(&err)
	x, err := s.index(sessionID)
	if err != nil {
		return nil, err
	}
	snap := x.Snapshot()
	sys := map[string][]string{}
	for _, p := range snap.SystemPrivileges {
		if p.Grantee.Kind == model.KindRole {
			sys[p.Grantee.Name] = append(sys[p.Grantee.Name], p.Privilege)
		}
	}
	rows = make([]RoleRow, 0, len(snap.Roles))
	for _, r := range snap.Roles {
		ref := model.RoleRef(r.Name)
		rows = append(rows, RoleRow{Role: r, Members: len(x.Members(ref)), MemberOf: len(x.MemberOf(ref)),
			Grants: countExplicit(x.GrantsTo(ref)), SystemPrivileges: nonNil(sys[r.Name])})
	}
	return rows, nil
}

// Groups lists every group.
func (s *CatalogService) Groups(sessionID string) (rows []GroupRow, err error) {
	defer guard(&err)
	x, err := s.index(sessionID)
	if err != nil {
		return nil, err
	}
	snap := x.Snapshot()
	rows = make([]GroupRow, 0, len(snap.Groups))
	for _, g := range snap.Groups {
		ref := model.GroupRef(g.Name)
		rows = append(rows, GroupRow{Group: g, Members: len(x.Members(ref)), Grants: countExplicit(x.GrantsTo(ref))})
	}
	return rows, nil
}

// PrincipalDetail is everything the detail page of a user, role or group shows.
type PrincipalDetail struct {
	Ref              model.PrincipalRef       `json:"ref"`
	User             *model.User              `json:"user,omitempty"`
	Role             *model.Role              `json:"role,omitempty"`
	Group            *model.Group             `json:"group,omitempty"`
	MemberOf         []model.Membership       `json:"memberOf"`
	Members          []model.Membership       `json:"members"`
	Grants           []model.Grant            `json:"grants"` // direct, explicit (owner rights left out)
	DefaultsAsOwner  []model.DefaultPrivilege `json:"defaultsAsOwner"`
	DefaultsReceived []model.DefaultPrivilege `json:"defaultsReceived"`
	SystemPrivileges []string                 `json:"systemPrivileges"`
	// Relations are the relations its grants name, so the UI can tell tables from views.
	Relations []model.Relation `json:"relations"`
	// InheritsFrom lists every role, group and PUBLIC whose grants apply, with the membership path.
	InheritsFrom []access.Reached `json:"inheritsFrom"`
	// Owned lists the schemas, relations and routines it owns in this database:
	// a drop fails until their ownership moves.
	Owned []ObjectRow `json:"owned"`
}

// Principal returns the detail of one principal.
func (s *CatalogService) Principal(sessionID string, ref model.PrincipalRef) (d PrincipalDetail, err error) {
	defer guard(&err)
	x, err := s.index(sessionID)
	if err != nil {
		return d, err
	}
	d.Ref = ref
	switch ref.Kind {
	case model.KindUser:
		u, ok := x.User(ref.Name)
		if !ok {
			return d, apperr.NotFound("user", ref.Name)
		}
		u.Config = nonNil(u.Config)
		d.User = &u
	case model.KindRole:
		r, ok := x.Role(ref.Name)
		if !ok {
			return d, apperr.NotFound("role", ref.Name)
		}
		d.Role = &r
	case model.KindGroup:
		g, ok := x.Group(ref.Name)
		if !ok {
			return d, apperr.NotFound("group", ref.Name)
		}
		d.Group = &g
	case model.KindPublic:
	default:
		return d, apperr.Invalid("unknown principal kind %q", ref.Kind)
	}
	d.MemberOf = nonNil(x.MemberOf(ref))
	d.Members = nonNil(x.Members(ref))
	for _, g := range x.GrantsTo(ref) {
		if !g.Implied {
			d.Grants = append(d.Grants, g)
		}
	}
	d.Grants = nonNil(d.Grants)
	d.Relations = relationsOf(x, d.Grants)
	d.DefaultsAsOwner = nonNil(x.DefaultsBy(ref))
	d.DefaultsReceived = nonNil(x.DefaultsFor(ref))
	d.SystemPrivileges = []string{}
	for _, p := range x.Snapshot().SystemPrivileges {
		if p.Grantee == ref {
			d.SystemPrivileges = append(d.SystemPrivileges, p.Privilege)
		}
	}
	d.InheritsFrom = access.Sorted(access.Reach(x.Snapshot(), ref), ref)
	d.Owned = ownedBy(x.Snapshot(), ref)
	return d, nil
}

// Effective returns a principal's effective privileges, optionally limited to
// one schema (objects of other schemas and database-level rows are left out
// then) to keep the answer small on big catalogs.
func (s *CatalogService) Effective(sessionID string, ref model.PrincipalRef, schema string) (e access.Effective, err error) {
	defer guard(&err)
	x, err := s.index(sessionID)
	if err != nil {
		return e, err
	}
	e = access.Compute(x.Snapshot(), x, ref)
	if schema != "" {
		kept := e.Cells[:0]
		for _, c := range e.Cells {
			if c.Object.Schema == schema {
				kept = append(kept, c)
			}
		}
		e.Cells = kept
		// Scoped permissions in the schema, and database-wide ones (they cover
		// the schema's objects too).
		scoped := []access.Cell{}
		for _, c := range e.Scoped {
			if c.Object.Schema == schema || c.Object.Kind == model.ObjDatabase {
				scoped = append(scoped, c)
			}
		}
		e.Scoped = scoped
	}
	if e.Cells == nil {
		e.Cells = []access.Cell{}
	}
	return e, nil
}

// EffectiveDatabase returns the effective privileges of a principal on the
// database itself and its languages (the rows that belong to no schema).
func (s *CatalogService) EffectiveDatabase(sessionID string, ref model.PrincipalRef) (e access.Effective, err error) {
	defer guard(&err)
	x, err := s.index(sessionID)
	if err != nil {
		return e, err
	}
	e = access.Compute(x.Snapshot(), x, ref)
	kept := []access.Cell{}
	for _, c := range e.Cells {
		if c.Object.Schema == "" {
			kept = append(kept, c)
		}
	}
	e.Cells = kept
	scoped := []access.Cell{}
	for _, c := range e.Scoped {
		if c.Object.Kind == model.ObjDatabase {
			scoped = append(scoped, c)
		}
	}
	e.Scoped = scoped
	return e, nil
}

// SchemaRow is one schema in the object browser.
type SchemaRow struct {
	model.Schema
	// Objects counts the schema's objects per vocabulary kind (table, sequence, function, …).
	Objects map[model.ObjectKind]int `json:"objects"`
	Grants  int                      `json:"grants"` // explicit grants on the schema itself
}

// Schemas lists the schemas of the session's database (catalog schemas last).
func (s *CatalogService) Schemas(sessionID string) (rows []SchemaRow, err error) {
	defer guard(&err)
	x, err := s.index(sessionID)
	if err != nil {
		return nil, err
	}
	voc := vocab.Of(x.Snapshot())
	for _, sc := range x.Snapshot().Schemas {
		r := SchemaRow{Schema: sc, Objects: map[model.ObjectKind]int{},
			Grants: countExplicit(x.GrantsOn(model.ObjectRef{Kind: model.ObjSchema, Schema: sc.Name}))}
		for _, rel := range x.Relations(sc.Name) {
			r.Objects[voc.RelationRef(rel).Kind]++
		}
		for _, rt := range x.Routines(sc.Name) {
			r.Objects[rt.Kind]++
		}
		rows = append(rows, r)
	}
	sort.SliceStable(rows, func(i, j int) bool { return !rows[i].System && rows[j].System })
	return nonNil(rows), nil
}

// ObjectRow is a relation or routine with its direct grantees.
type ObjectRow struct {
	Ref      model.ObjectRef      `json:"ref"`
	Kind     string               `json:"kind"` // relation kind, or function / procedure
	Owner    string               `json:"owner"`
	Grantees []model.PrincipalRef `json:"grantees"`
}

// SchemaObjects lists one schema's relations and routines with who holds grants on each.
func (s *CatalogService) SchemaObjects(sessionID, schema string) (rows []ObjectRow, err error) {
	defer guard(&err)
	x, err := s.index(sessionID)
	if err != nil {
		return nil, err
	}
	if _, ok := x.Schema(schema); !ok {
		return nil, apperr.NotFound("schema", schema)
	}
	voc := vocab.Of(x.Snapshot())
	for _, rel := range x.Relations(schema) {
		ref := voc.RelationRef(rel)
		rows = append(rows, ObjectRow{Ref: ref, Kind: string(rel.Kind), Owner: rel.Owner, Grantees: grantees(x.GrantsOn(ref))})
	}
	for _, rt := range x.Routines(schema) {
		ref := model.ObjectRef{Kind: rt.Kind, Schema: schema, Name: rt.Name, Args: rt.Args}
		rows = append(rows, ObjectRow{Ref: ref, Kind: string(rt.Kind), Owner: rt.Owner, Grantees: grantees(x.GrantsOn(ref))})
	}
	rows = append(rows, schemaModels(x, schema)...) // Redshift ML models (catalog_surface.go)
	return nonNil(rows), nil
}

// ObjectGrants lists the explicit grants on one object (for a table, its
// column grants too).
func (s *CatalogService) ObjectGrants(sessionID string, ref model.ObjectRef) (gs []model.Grant, err error) {
	defer guard(&err)
	x, err := s.index(sessionID)
	if err != nil {
		return nil, err
	}
	for _, g := range x.GrantsOn(ref) {
		if !g.Implied {
			gs = append(gs, g)
		}
	}
	if k := vocab.Of(x.Snapshot()).Kind(ref.Kind); k != nil && len(k.ColumnPrivileges) > 0 {
		gs = append(gs, x.ColumnGrants(ref.Schema, ref.Name)...)
	}
	return nonNil(gs), nil
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

// relationsOf lists, once each, the relations that grants name.
func relationsOf(x *catalog.Index, gs []model.Grant) []model.Relation {
	type key struct{ schema, name string }
	seen := map[key]bool{}
	out := []model.Relation{}
	voc := vocab.Of(x.Snapshot())
	for _, g := range gs {
		if k := voc.Kind(g.Object.Kind); g.Object.Kind != model.ObjColumn && (k == nil || len(k.Relations) == 0) {
			continue
		}
		k := key{g.Object.Schema, g.Object.Name}
		if seen[k] {
			continue
		}
		seen[k] = true
		if r, ok := x.Relation(k.schema, k.name); ok {
			out = append(out, r)
		}
	}
	return out
}

func countExplicit(gs []model.Grant) int {
	n := 0
	for _, g := range gs {
		if !g.Implied {
			n++
		}
	}
	return n
}

func grantees(gs []model.Grant) []model.PrincipalRef {
	seen := map[model.PrincipalRef]bool{}
	out := []model.PrincipalRef{}
	for _, g := range gs {
		if !g.Implied && !seen[g.Grantee] {
			seen[g.Grantee] = true
			out = append(out, g.Grantee)
		}
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// ownedBy lists what a user or role owns in the snapshot's database.
func ownedBy(snap *model.Snapshot, ref model.PrincipalRef) []ObjectRow {
	out := []ObjectRow{}
	if ref.Kind != model.KindUser && ref.Kind != model.KindRole {
		return out
	}
	for _, sc := range snap.Schemas {
		if sc.Owner == ref.Name && !sc.System {
			out = append(out, ObjectRow{Ref: model.ObjectRef{Kind: model.ObjSchema, Schema: sc.Name}, Kind: "schema", Owner: sc.Owner})
		}
	}
	voc := vocab.Of(snap)
	for _, r := range snap.Relations {
		if r.Owner == ref.Name {
			out = append(out, ObjectRow{Ref: voc.RelationRef(r), Kind: string(r.Kind), Owner: r.Owner})
		}
	}
	for _, r := range snap.Routines {
		if r.Owner == ref.Name {
			out = append(out, ObjectRow{Ref: model.ObjectRef{Kind: r.Kind, Schema: r.Schema, Name: r.Name, Args: r.Args}, Kind: string(r.Kind), Owner: r.Owner})
		}
	}
	for i := range out {
		out[i].Grantees = []model.PrincipalRef{}
	}
	return out
}
