package postgres

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/redshiftmate/rsmate/backend/engine"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/vocab"
)

// owned is a securable object: its id in the snapshot's grant table, and
// its owner's oid (to flag implied grants).
type owned struct {
	id    model.ObjectID
	ref   model.ObjectRef
	owner int64
}

type loader struct {
	q       engine.Querier
	snap    *model.Snapshot
	queries int

	// principals maps role oids (0 = PUBLIC) to an index in refs, and in
	// grantees and grantors (their ids in the snapshot's grant table).
	principals map[int64]int32
	refs       []model.PrincipalRef
	grantees   []model.PrincipalID
	grantors   []model.NameID
	schemas    map[int64]string
	// objects by grant kind ('d', 'n', 'r', 'f', 'l') and oid: index in objs.
	objects map[byte]map[int64]int32
	objs    []owned
	columns map[columnKey]model.ObjectID // column objects, by relation and name
	unknown int

	principalCache [principalCacheSize]principalSlot
	privKeys       []string // privilege keywords as the server spells them
	privIDs        []uint8
}

const principalCacheSize = 4096

type principalSlot struct {
	oid int64
	idx int32
	set bool
}

type columnKey struct {
	rel    int32 // index in objs
	column string
}

// beginner is what pgx pools and connections offer to start a transaction.
type beginner interface {
	BeginTx(ctx context.Context, opts pgx.TxOptions) (pgx.Tx, error)
}

func load(ctx context.Context, q engine.Querier, progress engine.Progress) (*model.Snapshot, error) {
	if progress == nil {
		progress = func(string, int, int) {}
	}
	if err := ctx.Err(); err != nil {
		return nil, wrap(ctx, "start", err)
	}
	l := &loader{
		q: q,
		snap: &model.Snapshot{
			Engine: Name, LoadedAt: time.Now().UTC(),
			Databases: []model.Database{}, Users: []model.User{}, Roles: []model.Role{},
			Groups: []model.Group{}, Memberships: []model.Membership{}, Schemas: []model.Schema{},
			Relations: []model.Relation{}, Routines: []model.Routine{}, Languages: []model.Language{},
			DefaultPrivileges: []model.DefaultPrivilege{},
			SystemPrivileges:  []model.SystemPrivilege{}, Warnings: []string{},
		},
		principals: map[int64]int32{},
		columns:    map[columnKey]model.ObjectID{},
		schemas:    map[int64]string{},
		objects:    map[byte]map[int64]int32{'d': {}, 'n': {}, 'r': {}, 'f': {}, 'l': {}},
	}
	// One read-only repeatable-read transaction gives every query the same view
	// of the catalog, so no row names a role or object another query missed.
	var tx pgx.Tx
	if b, ok := q.(beginner); ok {
		l.queries++
		var err error
		if tx, err = b.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}); err != nil {
			return nil, wrap(ctx, "begin", err)
		}
		// A no-op once committed; after a failure it releases the connection.
		defer func() { _ = tx.Rollback(context.WithoutCancel(ctx)) }()
		l.q = tx
	}
	l.addPrincipal(0, model.Public)
	scanners := map[string]func(pgx.Rows) error{
		"roles":              l.scanRole,
		"memberships":        l.scanMembership,
		"databases":          l.scanDatabase,
		"schemas":            l.scanSchema,
		"relations":          l.scanRelation,
		"routines":           l.scanRoutine,
		"languages":          l.scanLanguage,
		"grants":             l.grantScanner(),
		"default privileges": l.defaultScanner(),
	}
	for i, st := range CatalogSteps {
		progress(st.Name, i, len(CatalogSteps))
		if err := l.run(ctx, st, scanners[st.Name]); err != nil {
			return nil, err
		}
	}
	if tx != nil {
		l.queries++
		if err := tx.Commit(ctx); err != nil {
			return nil, wrap(ctx, "commit", err)
		}
	}
	progress("done", len(CatalogSteps), len(CatalogSteps))
	if l.unknown > 0 {
		l.snap.Warnings = append(l.snap.Warnings,
			fmt.Sprintf("%d catalog entries name a role or object that was not loaded; they are left out", l.unknown))
	}
	l.snap.Queries = l.queries
	return l.snap, nil
}

func (l *loader) run(ctx context.Context, st Step, scan func(pgx.Rows) error) error {
	l.queries++
	rows, err := l.q.Query(ctx, st.SQL)
	if err != nil {
		return wrap(ctx, st.Name, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return wrap(ctx, st.Name, err)
		}
	}
	if err := rows.Err(); err != nil {
		return wrap(ctx, st.Name, err)
	}
	return nil
}

// principalIndex finds a role's index in refs by oid through a direct-mapped
// cache in front of the map: the grants result looks a grantee up on every
// row, and a few thousand roles mostly fit the cache without collisions.
func (l *loader) principalIndex(oid int64) (int32, bool) {
	slot := &l.principalCache[uint64(oid)&(principalCacheSize-1)]
	if slot.oid == oid && slot.set {
		return slot.idx, true
	}
	i, ok := l.principals[oid]
	if ok {
		*slot = principalSlot{oid: oid, idx: i, set: true}
	}
	return i, ok
}

// principal returns the role with this oid (0 is PUBLIC).
func (l *loader) principal(oid int64) (model.PrincipalRef, bool) {
	i, ok := l.principals[oid]
	if !ok {
		return model.PrincipalRef{}, false
	}
	return l.refs[i], true
}

// name returns a role's name, "" when unknown.
func (l *loader) name(oid int64) string {
	p, _ := l.principal(oid)
	return p.Name
}

func (l *loader) addPrincipal(oid int64, p model.PrincipalRef) {
	l.principals[oid] = int32(len(l.refs))
	l.refs = append(l.refs, p)
	l.grantees = append(l.grantees, l.snap.Grants.InternPrincipal(p))
	l.grantors = append(l.grantors, l.snap.Grants.InternName(p.Name))
}

// privIdx interns a privilege name without allocating for known ones: a
// dozen keywords, compared in place.
func (l *loader) privIdx(b []byte) uint8 {
	for i, k := range l.privKeys {
		if string(b) == k {
			return l.privIDs[i]
		}
	}
	i := l.snap.Grants.InternPrivilege(privilege(b))
	l.privKeys, l.privIDs = append(l.privKeys, string(b)), append(l.privIDs, i)
	return i
}

func (l *loader) addObject(kind byte, oid int64, ref model.ObjectRef, owner int64) {
	l.objects[kind][oid] = int32(len(l.objs))
	// Each catalog row is a distinct object: no lookup needed.
	l.objs = append(l.objs, owned{id: l.snap.Grants.AppendObject(ref), ref: ref, owner: owner})
}

func (l *loader) scanRole(rows pgx.Rows) error {
	var (
		oid                                                       int64
		name, validUntil, comment                                 string
		super, inherit, createRole, createDB, login, repl, bypass bool
		connLimit                                                 int32
		config                                                    []string
	)
	if err := rows.Scan(&oid, &name, &super, &inherit, &createRole, &createDB, &login, &repl, &bypass,
		&connLimit, &validUntil, &config, &comment); err != nil {
		return err
	}
	system := strings.HasPrefix(name, "pg_")
	if login {
		identity := model.IdentityLocal
		if system {
			identity = model.IdentitySystem
		}
		l.addPrincipal(oid, model.PrincipalRef{Kind: model.KindUser, Name: name})
		l.snap.Users = append(l.snap.Users, model.User{
			ID: oid, Name: name, Superuser: super, CreateDB: createDB, CreateRole: createRole,
			Inherit: inherit, BypassRLS: bypass, Replication: repl, ConnectionLimit: int(connLimit),
			ValidUntil: validUntil, Config: config, Identity: identity, Comment: comment,
		})
		return nil
	}
	l.addPrincipal(oid, model.PrincipalRef{Kind: model.KindRole, Name: name})
	l.snap.Roles = append(l.snap.Roles, model.Role{
		ID: oid, Name: name, System: system, Superuser: super, CreateDB: createDB,
		CreateRole: createRole, Inherit: inherit, Comment: comment,
	})
	return nil
}

func (l *loader) scanMembership(rows pgx.Rows) error {
	var roleID, member, grantor int64
	var admin bool
	var inherit, set *bool
	if err := rows.Scan(&roleID, &member, &grantor, &admin, &inherit, &set); err != nil {
		return err
	}
	of, ok1 := l.principal(roleID)
	m, ok2 := l.principal(member)
	if !ok1 || !ok2 || roleID == 0 || member == 0 {
		l.unknown++
		return nil
	}
	// Before PostgreSQL 16 a grantor could outlive its role; unknown grantors stay empty.
	l.snap.Memberships = append(l.snap.Memberships, model.Membership{
		Member: m, Of: of, AdminOption: admin, Grantor: l.name(grantor), InheritOption: inherit, SetOption: set,
	})
	return nil
}

func (l *loader) scanDatabase(rows pgx.Rows) error {
	var oid, owner int64
	var name string
	var template, current bool
	var version int32
	if err := rows.Scan(&oid, &name, &owner, &template, &current, &version); err != nil {
		return err
	}
	l.snap.ServerVersion = int(version)
	l.snap.Databases = append(l.snap.Databases, model.Database{Name: name, Owner: l.name(owner), Template: template})
	l.addObject('d', oid, model.ObjectRef{Kind: model.ObjDatabase, Name: name}, owner)
	if current {
		l.snap.Database = name
	}
	return nil
}

func (l *loader) scanSchema(rows pgx.Rows) error {
	var oid, owner int64
	var name string
	var system bool
	if err := rows.Scan(&oid, &name, &owner, &system); err != nil {
		return err
	}
	l.schemas[oid] = name
	l.snap.Schemas = append(l.snap.Schemas, model.Schema{Name: name, Owner: l.name(owner), Type: "local", System: system})
	l.addObject('n', oid, model.ObjectRef{Kind: model.ObjSchema, Schema: name}, owner)
	return nil
}

var relationKinds = map[string]model.RelationKind{
	"r": model.RelTable, "p": model.RelPartitionedTable, "v": model.RelView,
	"m": model.RelMaterializedView, "f": model.RelForeignTable, "S": model.RelSequence,
}

func (l *loader) scanRelation(rows pgx.Rows) error {
	var oid, nsp, owner int64
	var name string
	var kind pgtype.DriverBytes
	if err := rows.Scan(&oid, &nsp, &name, &kind, &owner); err != nil {
		return err
	}
	schema, ok := l.schemas[nsp]
	if !ok {
		l.unknown++
		return nil
	}
	rel := model.Relation{Schema: schema, Name: name, Kind: relationKinds[string(kind)], Owner: l.name(owner)}
	l.snap.Relations = append(l.snap.Relations, rel)
	l.addObject('r', oid, vocab.Postgres.RelationRef(rel), owner)
	return nil
}

func (l *loader) scanRoutine(rows pgx.Rows) error {
	var oid, nsp, owner int64
	var name, args, kind, lang, result string
	if err := rows.Scan(&oid, &nsp, &name, &args, &kind, &owner, &lang, &result); err != nil {
		return err
	}
	schema, ok := l.schemas[nsp]
	if !ok {
		l.unknown++
		return nil
	}
	k := model.ObjFunction
	if kind == "p" {
		k = model.ObjProcedure
	}
	l.snap.Routines = append(l.snap.Routines, model.Routine{
		Schema: schema, Name: name, Args: args, Kind: k, Owner: l.name(owner), Language: lang, Result: result,
	})
	l.addObject('f', oid, model.ObjectRef{Kind: k, Schema: schema, Name: name, Args: args}, owner)
	return nil
}

func (l *loader) scanLanguage(rows pgx.Rows) error {
	var oid, owner int64
	var name string
	var trusted bool
	if err := rows.Scan(&oid, &name, &owner, &trusted); err != nil {
		return err
	}
	l.snap.Languages = append(l.snap.Languages, model.Language{Name: name, Owner: l.name(owner), Trusted: trusted})
	l.addObject('l', oid, model.ObjectRef{Kind: model.ObjLanguage, Name: name}, owner)
	return nil
}

// privileges maps aclexplode's names to the vocabulary's keywords (one
// string per keyword: no allocation per row).
var privileges = func() map[string]string {
	m := map[string]string{}
	for _, k := range vocab.Postgres.Kinds {
		for _, p := range k.Privileges {
			m[p.Name] = p.Name
		}
	}
	for alias, p := range vocab.Postgres.Aliases {
		m[alias] = p
	}
	return m
}()

func privilege(b []byte) string {
	if p, ok := privileges[string(b)]; ok {
		return p
	}
	return string(b)
}

// Type OIDs of the grants result: kind, oid, column, grantor, grantee,
// privilege, grantable, from-defaults.
var grantColumns = []uint32{pgtype.TextOID, pgtype.Int8OID, pgtype.TextOID, pgtype.Int8OID,
	pgtype.Int8OID, pgtype.TextOID, pgtype.BoolOID, pgtype.BoolOID}

// grantScanner decodes the grants result, the largest by far, straight from
// the raw row bytes into the snapshot's grant table. aclexplode returns an
// object's rows together, and most rows of an object share its grantor, so
// the last object and grantor looked up are reused without a map access.
func (l *loader) grantScanner() func(pgx.Rows) error {
	var (
		raw       *rawRow
		lastKind  byte
		lastOid   int64 = -1
		lastObj   int32
		lastFound bool
		lastBy    int64 = -1
		lastByID  model.NameID
	)
	return func(rows pgx.Rows) error {
		if raw == nil {
			var err error
			if raw, err = newRawRow(rows.FieldDescriptions(), grantColumns); err != nil {
				return err
			}
		}
		vals := rows.RawValues()
		kind, column, priv := raw.text(vals, 0), raw.text(vals, 2), raw.text(vals, 5)
		oid, err := raw.int8(vals, 1)
		if err != nil {
			return err
		}
		grantor, err := raw.int8(vals, 3)
		if err != nil {
			return err
		}
		grantee, err := raw.int8(vals, 4)
		if err != nil {
			return err
		}
		grantable, err := raw.bool(vals, 6)
		if err != nil {
			return err
		}
		fromDefaults, err := raw.bool(vals, 7)
		if err != nil {
			return err
		}
		k := byte(0)
		if len(kind) == 1 {
			k = kind[0]
		}
		lookup := k
		if k == 'c' {
			lookup = 'r'
		}
		if lookup != lastKind || oid != lastOid {
			lastKind, lastOid = lookup, oid
			lastObj, lastFound = l.objects[lookup][oid]
		}
		to, ok := l.principalIndex(grantee)
		if !lastFound || !ok || (k == 'c' && column == nil) || priv == nil {
			l.unknown++
			return nil
		}
		if grantor != lastBy {
			lastBy, lastByID = grantor, 0 // unknown grantors stay empty
			if i, ok := l.principalIndex(grantor); ok {
				lastByID = l.grantors[i]
			}
		}
		o := &l.objs[lastObj]
		id := o.id
		if k == 'c' {
			key := columnKey{lastObj, string(column)}
			var ok bool
			if id, ok = l.columns[key]; !ok {
				ref := o.ref
				ref.Kind, ref.Column = model.ObjColumn, key.column
				id = l.snap.Grants.AppendObject(ref)
				l.columns[key] = id
			}
		}
		var flags model.GrantFlags
		if grantable {
			flags |= model.FlagGrantOption
		}
		if grantee == o.owner && grantor == o.owner {
			flags |= model.FlagImplied
		}
		if fromDefaults {
			flags |= model.FlagDefault
		}
		l.snap.Grants.AddRow(id, l.grantees[to], lastByID, l.privIdx(priv), 0, flags)
		return nil
	}
}

var defaultTypes = map[string]model.DefaultObjectType{
	"r": model.DefTables, "S": model.DefSequences, "f": model.DefFunctions,
	"T": model.DefTypes, "n": model.DefSchemas,
}

func (l *loader) defaultScanner() func(pgx.Rows) error {
	var (
		creator, nsp, grantee int64
		objType, priv         pgtype.DriverBytes
		grantable             bool
	)
	dest := []any{&creator, &nsp, &objType, &grantee, &priv, &grantable}
	return func(rows pgx.Rows) error {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		c, ok1 := l.principal(creator)
		to, ok2 := l.principal(grantee)
		typ, ok3 := defaultTypes[string(objType)]
		schema, ok4 := l.schemas[nsp]
		if nsp == 0 {
			schema, ok4 = "", true
		}
		if !ok1 || !ok2 || !ok3 || !ok4 || creator == 0 {
			l.unknown++
			return nil
		}
		l.snap.DefaultPrivileges = append(l.snap.DefaultPrivileges, model.DefaultPrivilege{
			Creator: c, Schema: schema, ObjectType: typ, Grantee: to, Privilege: privilege(priv),
			GrantOption: grantable, Implied: grantee == creator,
		})
		return nil
	}
}
