package redshift

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/vocab"
)

// Rows as the catalog statements return them. build joins them in Go, since
// Redshift cannot join leader-node catalogs with svv_* views in SQL.

type sessionRow struct {
	database, user string
	superuser      bool
}

type databaseRow struct{ name, owner string }

type userRow struct {
	id                  int64
	name                string
	superuser, createDB bool
	validUntil, config  string
	passwordDisabled    bool
	connLimit           string // pg_user_info.useconnlimit; "" when not read
}

type userInfoRow struct {
	id                                        int64
	name, connLimit, syslogAccess, externalID string
	sessionTimeout                            int
	lastDDL                                   *time.Time // svv_user_info.last_ddl_timestamp; nil when NULL
}

type roleRow struct {
	id                      int64
	name, owner, externalID string
}

type groupRow struct {
	id            int64
	name, members string
}

type userGrantRow struct {
	userID int64
	user   string
	roleID int64
	role   string
	admin  bool
}

type roleGrantRow struct {
	roleID        int64
	role          string
	grantedRoleID int64
	grantedRole   string
}

type identityRow struct {
	id   int64
	name string
	typ  string
}

type systemPrivRow struct {
	privilege string
	identity  identityRow
}

type schemaRow struct {
	name    string
	ownerID int64
	typ     string
}

type relationRow struct {
	schema, name, relkind string
	natts                 int
	owner                 string
}

type mvRow struct{ database, schema, name string }

type routineRow struct {
	schema, name, args, kind, owner, language, result string
}

// privRow is one row of any svv_*_privileges view; unused fields stay empty.
type privRow struct {
	object    string // database, schema, language name, or relation/routine schema
	name      string // relation or routine name
	args      string // routine argument types
	column    string
	privilege string
	identity  identityRow
	admin     bool
	scope     string
}

type defaultRow struct {
	schema, objectType string
	owner              identityRow
	privilege          string
	grantee            identityRow
	admin              bool
}

// rawCatalog is everything one load read.
type rawCatalog struct {
	session      sessionRow
	databases    []databaseRow
	users        []userRow
	userInfo     []userInfoRow
	roles        []roleRow
	groups       []groupRow
	userGrants   []userGrantRow
	roleGrants   []roleGrantRow
	systemPrivs  []systemPrivRow
	schemas      []schemaRow
	relations    []relationRow
	mvs          []mvRow
	routines     []routineRow
	languages    []string
	relPrivs     []privRow
	colPrivs     []privRow
	schemaPrivs  []privRow
	dbPrivs      []privRow
	routinePrivs []privRow
	langPrivs    []privRow
	defaults     []defaultRow
	surface      surfaceRows // ASSUMEROLE, datashares, models (build_surface.go)
	warnings     []string    // optional steps that failed
}

// build turns raw rows into a snapshot (without LoadedAt and Queries).
func build(raw *rawCatalog) *model.Snapshot {
	s := &model.Snapshot{
		Engine:            engineName,
		Database:          raw.session.database,
		Databases:         []model.Database{},
		Users:             []model.User{},
		Roles:             []model.Role{},
		Groups:            []model.Group{},
		Memberships:       []model.Membership{},
		Schemas:           []model.Schema{},
		Relations:         []model.Relation{},
		Routines:          []model.Routine{},
		Languages:         []model.Language{},
		DefaultPrivileges: []model.DefaultPrivilege{},
		SystemPrivileges:  []model.SystemPrivilege{},
		Warnings:          []string{},
	}
	// Rows the model cannot hold are counted per reason, so a large catalog yields one line each.
	skipped := map[string]int{}
	var reasons []string
	skip := func(format string, a ...any) {
		r := fmt.Sprintf(format, a...)
		if skipped[r] == 0 {
			reasons = append(reasons, r)
		}
		skipped[r]++
	}

	for _, d := range raw.databases {
		s.Databases = append(s.Databases, model.Database{Name: d.name, Owner: d.owner})
	}

	// Users: pg_user(_info) is the complete list; svv_user_info adds Redshift attributes.
	infoByID := map[int64]userInfoRow{}
	for _, u := range raw.userInfo {
		infoByID[u.id] = u
	}
	userName := map[int64]string{}
	for _, u := range raw.users {
		userName[u.id] = u.name
		mu := model.User{
			ID:               u.id,
			Name:             u.name,
			Superuser:        u.superuser,
			CreateDB:         u.createDB,
			ConnectionLimit:  ParseConnectionLimit(u.connLimit),
			ValidUntil:       ValidUntil(u.validUntil),
			PasswordDisabled: u.passwordDisabled,
			Config:           SplitConfig(u.config),
		}
		if info, ok := infoByID[u.id]; ok {
			mu.ConnectionLimit = ParseConnectionLimit(info.connLimit)
			mu.SyslogAccess = strings.ToUpper(info.syslogAccess)
			mu.SessionTimeout = info.sessionTimeout
			mu.ExternalID = info.externalID
			if info.lastDDL != nil {
				mu.LastDDL = info.lastDDL.UTC().Format(time.RFC3339)
			}
		}
		if mu.Config == nil {
			mu.Config = []string{}
		}
		mu.Identity = ClassifyUser(mu.Name, mu.ExternalID)
		s.Users = append(s.Users, mu)
	}

	for _, r := range raw.roles {
		s.Roles = append(s.Roles, model.Role{
			ID: r.id, Name: r.name, Owner: r.owner, ExternalID: r.externalID,
			System: IsSystemRole(r.name),
		})
	}

	badMembers := 0
	for _, g := range raw.groups {
		s.Groups = append(s.Groups, model.Group{ID: g.id, Name: g.name})
		ids, err := ParseIDList(g.members)
		if err != nil {
			skip("group %s: %v", g.name, err)
			continue
		}
		for _, id := range ids {
			name, ok := userName[id]
			if !ok {
				badMembers++
				continue
			}
			s.Memberships = append(s.Memberships, model.Membership{
				Member: model.PrincipalRef{Kind: model.KindUser, Name: name},
				Of:     model.PrincipalRef{Kind: model.KindGroup, Name: g.name},
			})
		}
	}
	if badMembers > 0 {
		skip("%d group member id(s) match no user", badMembers)
	}
	for _, g := range raw.userGrants {
		s.Memberships = append(s.Memberships, model.Membership{
			Member:      model.PrincipalRef{Kind: model.KindUser, Name: g.user},
			Of:          model.PrincipalRef{Kind: model.KindRole, Name: g.role},
			AdminOption: g.admin,
		})
	}
	for _, g := range raw.roleGrants {
		s.Memberships = append(s.Memberships, model.Membership{
			Member: model.PrincipalRef{Kind: model.KindRole, Name: g.role},
			Of:     model.PrincipalRef{Kind: model.KindRole, Name: g.grantedRole},
		})
	}

	for _, p := range raw.systemPrivs {
		ref, ok := Principal(p.identity.typ, p.identity.name)
		if !ok {
			skip("system permission: unknown identity type %q", p.identity.typ)
			continue
		}
		s.SystemPrivileges = append(s.SystemPrivileges, model.SystemPrivilege{
			Privilege: strings.ToUpper(strings.TrimSpace(p.privilege)), Grantee: ref,
		})
	}

	for _, sc := range raw.schemas {
		owner := userName[sc.ownerID]
		typ := strings.ToLower(strings.TrimSpace(sc.typ))
		if typ == "" {
			typ = "local"
		}
		s.Schemas = append(s.Schemas, model.Schema{
			Name: sc.name, Owner: owner, Type: typ, System: isSystemSchema(sc.name),
		})
	}

	type relKey struct{ schema, name string }
	mvs := map[relKey]bool{}
	for _, mv := range raw.mvs {
		if strings.TrimRight(mv.database, " ") != raw.session.database {
			continue
		}
		mvs[relKey{strings.TrimRight(mv.schema, " "), strings.TrimRight(mv.name, " ")}] = true
	}
	relKinds := map[relKey]model.RelationKind{} // a relation's grants go on its vocabulary kind
	for _, r := range raw.relations {
		kind, ok := RelationKind(r.relkind, r.natts)
		if !ok {
			continue
		}
		if mvs[relKey{r.schema, r.name}] {
			kind = model.RelMaterializedView
		}
		s.Relations = append(s.Relations, model.Relation{Schema: r.schema, Name: r.name, Kind: kind, Owner: r.owner})
		relKinds[relKey{r.schema, r.name}] = kind
	}

	type routineKey struct{ schema, name, args string }
	routineKind := map[routineKey]model.Routine{}
	for _, r := range raw.routines {
		kind := model.ObjFunction
		if r.kind == "p" {
			kind = model.ObjProcedure
		}
		rt := model.Routine{
			Schema: r.schema, Name: r.name, Args: r.args, Kind: kind,
			Owner: r.owner, Language: r.language, Result: r.result,
		}
		if kind == model.ObjProcedure {
			rt.Result = ""
		}
		s.Routines = append(s.Routines, rt)
		routineKind[routineKey{r.schema, r.name, NormalizeArgs(r.args)}] = rt
	}
	// Redshift accepts GRANT USAGE on every language it lists here, plpythonu
	// included (https://docs.aws.amazon.com/redshift/latest/dg/r_GRANT.html), so all count as trusted.
	for _, l := range raw.languages {
		s.Languages = append(s.Languages, model.Language{Name: l, Trusted: true})
	}

	// Duplicates are found by interned ids: a small key per grant.
	type grantKey struct {
		obj         model.ObjectID
		grantee     model.PrincipalID
		priv, scope uint8
	}
	seen := map[grantKey]int{}
	addGrant := func(what string, p privRow, obj model.ObjectRef, objectLevel string) {
		ref, ok := Principal(p.identity.typ, p.identity.name)
		if !ok {
			skip("%s privilege: unknown identity type %q", what, p.identity.typ)
			return
		}
		g := model.Grant{
			Object:      obj,
			Grantee:     ref,
			Privilege:   NormalizePrivilege(p.privilege),
			GrantOption: p.admin,
			Scope:       Scope(p.scope, objectLevel),
		}
		key := grantKey{s.Grants.InternObject(g.Object), s.Grants.InternPrincipal(g.Grantee),
			s.Grants.InternPrivilege(g.Privilege), s.Grants.InternScope(g.Scope)}
		if i, dup := seen[key]; dup {
			// TEMP and TEMPORARY both become TEMP: keep one row.
			if first := s.Grants.At(i); g.GrantOption && !first.GrantOption {
				first.GrantOption = true
				s.Grants.Set(i, first)
			}
			return
		}
		seen[key] = s.Grants.Len()
		s.Grants.Add(g)
	}
	for _, p := range raw.relPrivs {
		rel := model.Relation{Schema: p.object, Name: p.name, Kind: relKinds[relKey{p.object, p.name}]}
		addGrant("table", p, vocab.Redshift.RelationRef(rel), "")
	}
	for _, p := range raw.colPrivs {
		p.admin = false
		addGrant("column", p, model.ObjectRef{Kind: model.ObjColumn, Schema: p.object, Name: p.name, Column: p.column}, "")
	}
	for _, p := range raw.schemaPrivs {
		addGrant("schema", p, model.ObjectRef{Kind: model.ObjSchema, Schema: p.object}, "SCHEMA")
	}
	for _, p := range raw.dbPrivs {
		addGrant("database", p, model.ObjectRef{Kind: model.ObjDatabase, Name: p.object}, "DATABASE")
	}
	for _, p := range raw.routinePrivs {
		obj := model.ObjectRef{Kind: model.ObjFunction, Schema: p.object, Name: p.name, Args: p.args}
		if rt, ok := routineKind[routineKey{p.object, p.name, NormalizeArgs(p.args)}]; ok {
			obj.Kind, obj.Args = rt.Kind, rt.Args
		}
		addGrant("routine", p, obj, "")
	}
	for _, p := range raw.langPrivs {
		addGrant("language", p, model.ObjectRef{Kind: model.ObjLanguage, Name: p.object}, "")
	}

	buildSurface(raw, s, userName, addGrant, skip)

	for _, d := range raw.defaults {
		creator, ok := Principal(d.owner.typ, d.owner.name)
		if !ok {
			skip("default privilege: unknown owner type %q", d.owner.typ)
			continue
		}
		grantee, ok := Principal(d.grantee.typ, d.grantee.name)
		if !ok {
			skip("default privilege: unknown grantee type %q", d.grantee.typ)
			continue
		}
		s.DefaultPrivileges = append(s.DefaultPrivileges, model.DefaultPrivilege{
			Creator:     creator,
			Schema:      d.schema,
			ObjectType:  DefaultObjectType(d.objectType),
			Grantee:     grantee,
			Privilege:   NormalizePrivilege(d.privilege),
			GrantOption: d.admin,
			// The creator's own privilege comes with creating the object (as
			// the PostgreSQL reader marks it): lists hide it, drops keep it.
			Implied: grantee == creator,
		})
	}

	s.Partial, s.Warnings = accessNotes(raw)
	s.Warnings = append(s.Warnings, raw.warnings...)
	if len(reasons) > 0 {
		for i, r := range reasons {
			if n := skipped[r]; n > 1 {
				reasons[i] = fmt.Sprintf("%s (%d rows)", r, n)
			}
		}
		s.Warnings = append(s.Warnings, "Some catalog rows could not be read: "+strings.Join(reasons, "; ")+".")
	}
	sortSnapshot(s)
	return s
}

// accessNotes explains what a non-superuser cannot see. Redshift's svv_* views hide
// rows silently (https://docs.aws.amazon.com/redshift/latest/dg/cm_chap_system-tables.html#c_visibility-of-data):
// svv_user_info shows others only to superusers;
// the RBAC and privilege views need ACCESS SYSTEM TABLE; svv_relation_privileges
// names SYSLOG ACCESS UNRESTRICTED (older pages: ACCESS SYSTEM TABLE).
func accessNotes(raw *rawCatalog) (bool, []string) {
	if raw.session.superuser {
		return false, []string{}
	}
	me := raw.session.user
	held := heldRoles(raw, me)
	hasAST := false
	for _, p := range raw.systemPrivs {
		if !strings.EqualFold(strings.TrimSpace(p.privilege), "ACCESS SYSTEM TABLE") {
			continue
		}
		switch strings.ToLower(p.identity.typ) {
		case "role":
			hasAST = hasAST || held[p.identity.name]
		case "user":
			hasAST = hasAST || p.identity.name == me
		}
	}
	unrestricted := false
	for _, u := range raw.userInfo {
		if u.name == me && strings.EqualFold(u.syslogAccess, "UNRESTRICTED") {
			unrestricted = true
		}
	}
	q := quoteName(me)
	w := []string{fmt.Sprintf(
		"Connected as %s, which is not a superuser: connection limit, session timeout, syslog access and external id are shown "+
			"only for %s, and whether other users' passwords are disabled is unknown. Connect as a superuser to see them for everyone.", q, q)}
	if !hasAST {
		w = append(w, fmt.Sprintf(
			"%s lacks the ACCESS SYSTEM TABLE permission, so these lists may be incomplete: roles, role memberships, "+
				"system permissions, database, schema, function, procedure, language and column privileges, and default privileges. "+
				"Connect as a superuser, or grant the permission to a role the user holds "+
				"(GRANT ACCESS SYSTEM TABLE TO ROLE <role>; GRANT ROLE <role> TO %s).", q, q))
	}
	if !unrestricted {
		w = append(w, fmt.Sprintf(
			"Table and view privileges may be incomplete: svv_relation_privileges shows every row only to superusers and "+
				"users with SYSLOG ACCESS UNRESTRICTED (ALTER USER %s SYSLOG ACCESS UNRESTRICTED).", q))
	}
	return true, w
}

// heldRoles is the set of roles a user holds directly or through nested roles.
func heldRoles(raw *rawCatalog, user string) map[string]bool {
	held := map[string]bool{}
	var queue []string
	for _, g := range raw.userGrants {
		if g.user == user && !held[g.role] {
			held[g.role] = true
			queue = append(queue, g.role)
		}
	}
	for len(queue) > 0 {
		r := queue[0]
		queue = queue[1:]
		for _, g := range raw.roleGrants {
			if g.role == r && !held[g.grantedRole] {
				held[g.grantedRole] = true
				queue = append(queue, g.grantedRole)
			}
		}
	}
	return held
}

func quoteName(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

func sortSnapshot(s *model.Snapshot) {
	ref := func(a, b model.PrincipalRef) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Name, b.Name))
	}
	obj := func(a, b model.ObjectRef) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.Name, b.Name),
			cmp.Compare(a.Args, b.Args), cmp.Compare(a.Column, b.Column))
	}
	slices.SortFunc(s.Databases, func(a, b model.Database) int { return cmp.Compare(a.Name, b.Name) })
	slices.SortFunc(s.Users, func(a, b model.User) int { return cmp.Compare(a.Name, b.Name) })
	slices.SortFunc(s.Roles, func(a, b model.Role) int { return cmp.Compare(a.Name, b.Name) })
	slices.SortFunc(s.Groups, func(a, b model.Group) int { return cmp.Compare(a.Name, b.Name) })
	slices.SortFunc(s.Memberships, func(a, b model.Membership) int {
		return cmp.Or(ref(a.Member, b.Member), ref(a.Of, b.Of))
	})
	slices.SortFunc(s.Schemas, func(a, b model.Schema) int { return cmp.Compare(a.Name, b.Name) })
	slices.SortFunc(s.Relations, func(a, b model.Relation) int {
		return cmp.Or(cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.Name, b.Name))
	})
	slices.SortFunc(s.Routines, func(a, b model.Routine) int {
		return cmp.Or(cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.Name, b.Name), cmp.Compare(a.Args, b.Args))
	})
	slices.SortFunc(s.Languages, func(a, b model.Language) int { return cmp.Compare(a.Name, b.Name) })
	s.Grants.SortFunc(func(a, b model.Grant) int {
		return cmp.Or(obj(a.Object, b.Object), ref(a.Grantee, b.Grantee), cmp.Compare(a.Scope, b.Scope),
			cmp.Compare(a.Privilege, b.Privilege))
	})
	slices.SortFunc(s.DefaultPrivileges, func(a, b model.DefaultPrivilege) int {
		return cmp.Or(ref(a.Creator, b.Creator), cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.ObjectType, b.ObjectType),
			ref(a.Grantee, b.Grantee), cmp.Compare(a.Privilege, b.Privilege))
	})
	slices.SortFunc(s.SystemPrivileges, func(a, b model.SystemPrivilege) int {
		return cmp.Or(ref(a.Grantee, b.Grantee), cmp.Compare(a.Privilege, b.Privilege))
	})
}
