package change

import (
	"strings"
	"time"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/sqltext"
	"github.com/redshiftmate/rsmate/backend/vocab"
)

// CurrentUser is who is connected, so a plan cannot drop the session's own user.
type CurrentUser struct {
	Name string
}

// now is replaced in tests.
var now = time.Now

// Validate runs the engine-neutral checks: required fields, ranges, the
// connected user, and role cycles (including grants earlier in the same set).
// Engine-specific rules (name length, password policy) are the renderer's.
//
// Against the loaded catalog (and what earlier changes of the set do) it
// refuses what the server would: a user or role name already taken by a
// user or role, a group that exists, system permissions to anything but a
// role, FOR USER naming a non-user, IN GROUP naming a missing group, a
// membership naming the wrong kind of principal. Every string is
// size-checked first, and never echoed when too long.
func Validate(changes []Change, snap *model.Snapshot, who CurrentUser) error {
	if len(changes) > maxChanges {
		return apperr.Invalid("a change set holds %d changes; at most %d are allowed in one plan", len(changes), maxChanges)
	}
	g := newRoleGraph(snap)
	p := newPrincipals(snap)
	for i, c := range changes {
		if len(c.Kind) > maxKeywordBytes {
			return apperr.Invalid("change %d: unknown change kind (%d bytes)", i+1, len(c.Kind))
		}
		if err := checkSizes(c); err != nil {
			return wrapChangeErr(i, c, err)
		}
		if err := validateOne(c, g, vocab.Of(snap), who); err != nil {
			return wrapChangeErr(i, c, err)
		}
		if err := p.check(c, who); err != nil {
			return wrapChangeErr(i, c, err)
		}
	}
	return nil
}

func validateOne(c Change, g *roleGraph, voc *vocab.Vocabulary, who CurrentUser) error {
	switch c.Kind {
	case CreateUser, AlterUser, DropUser:
		u := c.User
		if u == nil {
			return apperr.Invalid("the user is missing")
		}
		if err := requireName("user", u.Name); err != nil {
			return err
		}
		if c.Kind == DropUser && who.Name != "" && u.Name == who.Name {
			return apperr.Invalid("you cannot drop %q: it is the user this connection is logged in as", u.Name)
		}
		if u.RenameTo != "" {
			if c.Kind != AlterUser {
				return apperr.Invalid("only an existing user can be renamed")
			}
			if err := requireName("new user", u.RenameTo); err != nil {
				return err
			}
		}
		if u.ConnectionLimit != nil && *u.ConnectionLimit < -1 {
			return apperr.Invalid("connection limit %d is negative; use a positive number, or unlimited", *u.ConnectionLimit)
		}
		if u.ValidUntil != "" && !strings.EqualFold(u.ValidUntil, "infinity") {
			t, err := parseTimestamp(u.ValidUntil)
			if err != nil {
				return apperr.Invalid("valid until %q is not a date and time (use e.g. 2027-06-30 or 2027-06-30T18:00:00Z)", u.ValidUntil)
			}
			if t.Before(now()) {
				return apperr.Invalid("valid until %s is in the past: the password would already be expired", u.ValidUntil)
			}
		}
		if u.Password != nil && u.PasswordDisabled != nil && *u.PasswordDisabled {
			return apperr.Invalid("a password cannot be set and disabled in the same change")
		}
		for _, gname := range u.InGroups {
			if err := requireName("group", gname); err != nil {
				return err
			}
		}
		if err := checkParameters(u); err != nil {
			return err
		}
	case CreateRole, AlterRole, DropRole:
		if c.Role == nil {
			return apperr.Invalid("the role is missing")
		}
		if err := requireName("role", c.Role.Name); err != nil {
			return err
		}
		if c.Role.RenameTo != "" {
			if err := requireName("new role", c.Role.RenameTo); err != nil {
				return err
			}
			g.rename(c.Role.Name, c.Role.RenameTo)
		}
	case GrantRole, RevokeRole:
		m := c.Member
		if m == nil {
			return apperr.Invalid("the role membership is missing")
		}
		if err := requireName("role", m.Role); err != nil {
			return err
		}
		if m.Member.Kind != model.KindUser && m.Member.Kind != model.KindRole {
			return apperr.Invalid("a role can be granted to a user or a role, not to a %s", m.Member.Kind)
		}
		if err := requireName(string(m.Member.Kind), m.Member.Name); err != nil {
			return err
		}
		if c.Kind == GrantRole && m.Member.Kind == model.KindRole {
			if m.Member.Name == m.Role {
				return apperr.Invalid("role %q cannot be granted to itself", m.Role)
			}
			if path := g.path(m.Role, m.Member.Name); path != nil {
				return apperr.Invalid("granting %q to %q would make a cycle: %s already belongs to %s",
					m.Role, m.Member.Name, m.Role, strings.Join(path, " → "))
			}
			g.add(m.Member.Name, m.Role)
		}
		if c.Kind == RevokeRole && m.Member.Kind == model.KindRole && !m.AdminOption {
			g.remove(m.Member.Name, m.Role)
		}
	case CreateGroup, AlterGroup, DropGroup:
		gs := c.Group
		if gs == nil {
			return apperr.Invalid("the group is missing")
		}
		if err := requireName("group", gs.Name); err != nil {
			return err
		}
		if gs.RenameTo != "" {
			if err := requireName("new group", gs.RenameTo); err != nil {
				return err
			}
		}
		for _, u := range append(append(append([]string{}, gs.Users...), gs.AddUsers...), gs.DropUsers...) {
			if err := requireName("user", u); err != nil {
				return err
			}
		}
	case GrantPrivileges, RevokePrivileges:
		p := c.Privilege
		if p == nil {
			return apperr.Invalid("the privileges are missing")
		}
		if len(p.Privileges) == 0 {
			return apperr.Invalid("choose at least one privilege")
		}
		if err := requireGrantee(p.Grantee); err != nil {
			return err
		}
		switch p.Target {
		case TargetObjects:
			if len(p.Objects) == 0 {
				return apperr.Invalid("choose at least one object")
			}
			kind := p.Objects[0].Kind
			for _, o := range p.Objects {
				if o.Kind != kind {
					return apperr.Invalid("one privilege change covers one kind of object; split %s and %s", kind, o.Kind)
				}
			}
			if len(p.Columns) > 0 && (len(p.Objects) != 1 || voc.Kind(kind) == nil || len(voc.Kind(kind).ColumnPrivileges) == 0) {
				return apperr.Invalid("column privileges apply to exactly one table or view")
			}
		case TargetAllInSchema, TargetScopedInSchema:
			if err := requireKind(voc, p); err != nil {
				return err
			}
			if len(p.Schemas) == 0 {
				return apperr.Invalid("choose at least one schema")
			}
			for _, s := range p.Schemas {
				if err := requireName("schema", s); err != nil {
					return err
				}
			}
		case TargetScopedInDatabase:
			if err := requireKind(voc, p); err != nil {
				return err
			}
			if err := requireName("database", p.Database); err != nil {
				return err
			}
		case TargetCreateModel:
		default:
			return apperr.Invalid("unknown privilege target %q", p.Target)
		}
		if p.GrantOption && (p.Grantee.Kind == model.KindPublic || p.Grantee.Kind == model.KindGroup) && c.Kind == GrantPrivileges {
			return apperr.Invalid("WITH GRANT OPTION cannot be given to a group or PUBLIC")
		}
	case GrantDefaultPrivileges, RevokeDefaultPrivileges:
		d := c.Default
		if d == nil {
			return apperr.Invalid("the default privileges are missing")
		}
		if len(d.Privileges) == 0 {
			return apperr.Invalid("choose at least one privilege")
		}
		if err := requireGrantee(d.Grantee); err != nil {
			return err
		}
		if d.ObjectType == "" {
			return apperr.Invalid("choose the kind of objects (tables, functions, …)")
		}
		if d.GrantOption && (d.Grantee.Kind == model.KindPublic || d.Grantee.Kind == model.KindGroup) && c.Kind == GrantDefaultPrivileges {
			return apperr.Invalid("WITH GRANT OPTION cannot be given to a group or PUBLIC")
		}
	case GrantSystemPrivileges, RevokeSystemPrivileges:
		s := c.System
		if s == nil || len(s.Privileges) == 0 {
			return apperr.Invalid("choose at least one system permission")
		}
		if err := requireName("role", s.Role); err != nil {
			return err
		}
	case GrantAssumeRole, RevokeAssumeRole, GrantDatashareUsage, RevokeDatashareUsage:
		return validateSurface(c)
	default:
		return apperr.Invalid("unknown change kind %q", c.Kind)
	}
	return nil
}

// requireKind refuses a bulk or scoped target without a kind the engine has.
func requireKind(voc *vocab.Vocabulary, p *PrivilegeSpec) error {
	if p.Kind == "" {
		return apperr.Invalid("choose the kind of objects (tables, functions, …) the privileges cover")
	}
	if voc.Kind(p.Kind) == nil {
		return apperr.Invalid("there are no privileges on objects of kind %q", p.Kind)
	}
	return nil
}

func requireName(what, name string) error {
	if strings.TrimSpace(name) == "" {
		return apperr.Invalid("the %s name is empty", what)
	}
	if strings.ContainsRune(name, 0) {
		return apperr.Invalid("the %s name contains a NUL character", what)
	}
	return nil
}

func requireGrantee(p model.PrincipalRef) error {
	switch p.Kind {
	case model.KindPublic:
		return nil
	case model.KindUser, model.KindRole, model.KindGroup:
		return requireName(string(p.Kind), p.Name)
	}
	return apperr.Invalid("choose who receives the privileges (a user, role, group or PUBLIC)")
}

func parseTimestamp(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, apperr.Invalid("bad timestamp")
}

// roleGraph holds role-to-role membership edges (member -> roles it belongs to).
type roleGraph struct{ parents map[string]map[string]bool }

func newRoleGraph(snap *model.Snapshot) *roleGraph {
	g := &roleGraph{parents: map[string]map[string]bool{}}
	if snap != nil {
		for _, m := range snap.Memberships {
			if m.Member.Kind == model.KindRole && m.Of.Kind == model.KindRole {
				g.add(m.Member.Name, m.Of.Name)
			}
		}
	}
	return g
}

func (g *roleGraph) add(member, of string) {
	if g.parents[member] == nil {
		g.parents[member] = map[string]bool{}
	}
	g.parents[member][of] = true
}

func (g *roleGraph) remove(member, of string) { delete(g.parents[member], of) }

func (g *roleGraph) rename(old, new string) {
	if ps, ok := g.parents[old]; ok {
		g.parents[new] = ps
		delete(g.parents, old)
	}
	for _, ps := range g.parents {
		if ps[old] {
			delete(ps, old)
			ps[new] = true
		}
	}
}

// path returns the membership chain from -> … -> to, or nil if none.
func (g *roleGraph) path(from, to string) []string {
	seen := map[string]bool{from: true}
	var walk func(n string) []string
	walk = func(n string) []string {
		if n == to {
			return []string{n}
		}
		for p := range g.parents[n] {
			if seen[p] {
				continue
			}
			seen[p] = true
			if rest := walk(p); rest != nil {
				return append([]string{n}, rest...)
			}
		}
		return nil
	}
	if from == to {
		return nil
	}
	if r := walk(from); r != nil {
		return r[1:]
	}
	return nil
}

// checkParameters refuses session defaults that are not parameter names, a
// parameter set twice, or set and reset in the same change.
func checkParameters(u *UserSpec) error {
	seen := map[string]string{}
	for _, p := range u.SetParameters {
		n, err := sqltext.ParameterName(p.Name)
		if err != nil {
			return err
		}
		if seen[n] != "" {
			return apperr.Invalid("the session default %s is set twice; keep one value", n)
		}
		seen[n] = "set"
	}
	for _, raw := range u.ResetParameters {
		n, err := sqltext.ParameterName(raw)
		if err != nil {
			return err
		}
		switch seen[n] {
		case "set":
			return apperr.Invalid("the session default %s is both set and reset; choose one", n)
		case "reset":
			return apperr.Invalid("the session default %s is reset twice", n)
		}
		seen[n] = "reset"
	}
	return nil
}
