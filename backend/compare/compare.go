// Package compare sets two principals side by side — attributes, memberships,
// direct grants, default privileges received and system permissions — and
// builds the change set that makes the second like the first.
package compare

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/redshiftmate/rsmate/backend/catalog"
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/vocab"
)

// Section names a part of the comparison.
type Section string

const (
	SecAttributes Section = "attributes"
	SecMembership Section = "memberships"
	SecGrants     Section = "grants"
	SecDefaults   Section = "defaults"
	SecSystem     Section = "system"
)

// Row is one line of the side-by-side view. A and B are what each principal
// has ("" = nothing); Same says they agree.
type Row struct {
	Section Section `json:"section" ts_type:"'attributes' | 'memberships' | 'grants' | 'defaults' | 'system'"`
	// Label names the line: an attribute, a role, "SELECT on sales.orders".
	Label string `json:"label"`
	A     string `json:"a"`
	B     string `json:"b"`
	Same  bool   `json:"same"`
}

// Comparison is the side-by-side view and the change set that makes B like A.
type Comparison struct {
	A    model.PrincipalRef `json:"a"`
	B    model.PrincipalRef `json:"b"`
	Rows []Row              `json:"rows"`
	// Differences counts the rows that differ.
	Differences int `json:"differences"`
	// Changes make B like A: grants and memberships A has that B lacks are
	// granted, those B has beyond A revoked, attributes set to A's values.
	Changes []change.Change `json:"changes"`
	// NotCopied says what differs but is left out of Changes, and why.
	NotCopied []string `json:"notCopied"`
}

const held = "✓"

// Principals compares a with b in the loaded catalog.
func Principals(x *catalog.Index, a, b model.PrincipalRef) Comparison {
	c := Comparison{A: a, B: b, Rows: []Row{}, Changes: []change.Change{}, NotCopied: []string{}}
	c.attributes(x)
	c.memberships(x)
	c.grants(x)
	c.defaults(x)
	c.system(x)
	for _, r := range c.Rows {
		if !r.Same {
			c.Differences++
		}
	}
	return c
}

func (c *Comparison) add(sec Section, label, a, b string) {
	c.Rows = append(c.Rows, Row{Section: sec, Label: label, A: a, B: b, Same: a == b})
}

// ── attributes ──────────────────────────────────────────────────────────

type attr struct {
	label string
	value func(u model.User) string
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

var userAttrs = []attr{
	{"Superuser", func(u model.User) string { return yes(u.Superuser) }},
	{"Create databases", func(u model.User) string { return yes(u.CreateDB) }},
	{"Create roles", func(u model.User) string { return yes(u.CreateRole) }},
	{"Connection limit", func(u model.User) string {
		if u.ConnectionLimit < 0 {
			return "unlimited"
		}
		return strconv.Itoa(u.ConnectionLimit)
	}},
	{"Session timeout", func(u model.User) string {
		if u.SessionTimeout == 0 {
			return "cluster default"
		}
		return strconv.Itoa(u.SessionTimeout) + " s"
	}},
	{"System log access", func(u model.User) string { return u.SyslogAccess }},
	{"Password valid until", func(u model.User) string {
		if u.ValidUntil == "" {
			return "never expires"
		}
		return u.ValidUntil
	}},
}

func (c *Comparison) attributes(x *catalog.Index) {
	ua, aIsUser := x.User(c.A.Name)
	ub, bIsUser := x.User(c.B.Name)
	aIsUser = aIsUser && c.A.Kind == model.KindUser
	bIsUser = bIsUser && c.B.Kind == model.KindUser
	if aIsUser && bIsUser {
		for _, at := range userAttrs {
			c.add(SecAttributes, at.label, at.value(ua), at.value(ub))
		}
		spec := &change.UserSpec{Name: c.B.Name}
		changed := false
		if ua.Superuser != ub.Superuser {
			spec.Superuser, changed = ptr(ua.Superuser), true
		}
		if ua.CreateDB != ub.CreateDB {
			spec.CreateDB, changed = ptr(ua.CreateDB), true
		}
		if ua.CreateRole != ub.CreateRole {
			spec.CreateRole, changed = ptr(ua.CreateRole), true
		}
		if ua.ConnectionLimit != ub.ConnectionLimit {
			spec.ConnectionLimit, changed = ptr(ua.ConnectionLimit), true
		}
		if ua.SessionTimeout != ub.SessionTimeout && ua.SessionTimeout > 0 {
			spec.SessionTimeout, changed = ptr(ua.SessionTimeout), true
		} else if ua.SessionTimeout != ub.SessionTimeout {
			c.NotCopied = append(c.NotCopied, "Session timeout: "+c.A.Name+" uses the cluster default, which an ALTER USER cannot set back")
		}
		if ua.SyslogAccess != ub.SyslogAccess && ua.SyslogAccess != "" {
			spec.SyslogAccess, changed = ptr(ua.SyslogAccess), true
		}
		if ua.ValidUntil != ub.ValidUntil {
			c.NotCopied = append(c.NotCopied, "Password validity: passwords and their expiry stay each user's own")
		}
		if changed {
			c.Changes = append(c.Changes, change.Change{Kind: change.AlterUser, User: spec})
		}
		return
	}
	if c.A.Kind != c.B.Kind {
		c.add(SecAttributes, "Kind", string(c.A.Kind), string(c.B.Kind))
		c.NotCopied = append(c.NotCopied, "Attributes: a "+string(c.A.Kind)+" and a "+string(c.B.Kind)+" have different attributes; only access is copied")
	}
}

func ptr[T any](v T) *T { return &v }

// ── memberships ─────────────────────────────────────────────────────────

func (c *Comparison) memberships(x *catalog.Index) {
	type m struct {
		of    model.PrincipalRef
		admin bool
	}
	collect := func(p model.PrincipalRef) map[model.PrincipalRef]m {
		out := map[model.PrincipalRef]m{}
		for _, ms := range x.MemberOf(p) {
			out[ms.Of] = m{ms.Of, ms.AdminOption}
		}
		return out
	}
	am, bm := collect(c.A), collect(c.B)
	keys := unionKeys(am, bm)
	for _, of := range keys {
		va, inA := am[of]
		vb, inB := bm[of]
		show := func(v m, in bool) string {
			switch {
			case !in:
				return ""
			case v.admin:
				return held + " with admin option"
			}
			return held
		}
		label := string(of.Kind) + " " + of.Name
		c.add(SecMembership, label, show(va, inA), show(vb, inB))
		if of == c.B || (inA == inB && va.admin == vb.admin) {
			continue
		}
		switch of.Kind {
		case model.KindGroup:
			if c.B.Kind != model.KindUser {
				c.NotCopied = append(c.NotCopied, label+": only users belong to groups")
				continue
			}
			g := &change.GroupSpec{Name: of.Name}
			if inA {
				g.AddUsers = []string{c.B.Name}
			} else {
				g.DropUsers = []string{c.B.Name}
			}
			c.Changes = append(c.Changes, change.Change{Kind: change.AlterGroup, Group: g})
		default:
			switch {
			case inA && !inB:
				c.Changes = append(c.Changes, change.Change{Kind: change.GrantRole, Member: &change.MemberSpec{Role: of.Name, Member: c.B, AdminOption: va.admin}})
			case !inA && inB:
				c.Changes = append(c.Changes, change.Change{Kind: change.RevokeRole, Member: &change.MemberSpec{Role: of.Name, Member: c.B}})
			case va.admin && !vb.admin:
				c.Changes = append(c.Changes, change.Change{Kind: change.GrantRole, Member: &change.MemberSpec{Role: of.Name, Member: c.B, AdminOption: true}})
			case !va.admin && vb.admin:
				// REVOKE ADMIN OPTION FOR: the membership stays.
				c.Changes = append(c.Changes, change.Change{Kind: change.RevokeRole, Member: &change.MemberSpec{Role: of.Name, Member: c.B, AdminOption: true}})
			}
		}
	}
}

// ── grants ──────────────────────────────────────────────────────────────

// grantKey is one privilege on one object (or column), scoped or not.
type grantKey struct {
	obj   model.ObjectRef
	priv  string
	scope string
}

func directGrants(x *catalog.Index, p model.PrincipalRef) map[grantKey]bool {
	out := map[grantKey]bool{}
	for _, g := range x.GrantsTo(p) {
		if g.Implied || g.Default {
			continue // comes with ownership or the engine's defaults, not a grant to copy
		}
		k := grantKey{g.Object, g.Privilege, g.Scope}
		out[k] = out[k] || g.GrantOption
	}
	return out
}

func (c *Comparison) grants(x *catalog.Index) {
	objectLabel := vocab.Of(x.Snapshot()).Words
	ga, gb := directGrants(x, c.A), directGrants(x, c.B)
	keys := make([]grantKey, 0, len(ga)+len(gb))
	for k := range ga {
		keys = append(keys, k)
	}
	for k := range gb {
		if _, ok := ga[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if la, lb := objectLabel(a.obj), objectLabel(b.obj); la != lb {
			return la < lb
		}
		if a.scope != b.scope {
			return a.scope < b.scope
		}
		return a.priv < b.priv
	})
	// What to grant or revoke, per object: privileges gathered per object,
	// then objects (or columns of one table) with the same list share a change.
	type dir struct{ grant, option bool }
	type perObject struct {
		d   dir
		obj model.ObjectRef
	}
	privs := map[perObject][]string{}
	var objects []perObject
	for _, k := range keys {
		oa, inA := ga[k]
		ob, inB := gb[k]
		show := func(opt, in bool) string {
			switch {
			case !in:
				return ""
			case opt:
				return held + " with grant option"
			}
			return held
		}
		label := k.priv + " on " + objectLabel(k.obj)
		if k.scope != "" {
			label = k.priv + " for " + strings.ToLower(k.scope) + " in " + objectLabel(k.obj)
		}
		c.add(SecGrants, label, show(oa, inA), show(ob, inB))
		if inA == inB && oa == ob {
			continue
		}
		if k.scope != "" {
			c.NotCopied = append(c.NotCopied, label+": scoped permissions are compared, not copied; use the scoped permissions editor")
			continue
		}
		var d dir
		switch {
		case inA && !inB:
			d = dir{true, oa}
		case !inA && inB:
			d = dir{false, false}
		case oa && !ob:
			d = dir{true, true}
		default: // B has the grant option A lacks: revoke only the option
			d = dir{false, true}
		}
		po := perObject{d, k.obj}
		if _, ok := privs[po]; !ok {
			objects = append(objects, po)
		}
		privs[po] = append(privs[po], k.priv)
	}
	type batch struct {
		d     dir
		kind  model.ObjectKind
		table model.ObjectRef // column grants: their table
		privs string
	}
	batches := map[batch][]model.ObjectRef{}
	var order []batch
	for _, po := range objects {
		b := batch{d: po.d, kind: po.obj.Kind, privs: strings.Join(privs[po], ",")}
		if po.obj.Kind == model.ObjColumn {
			b.table = model.ObjectRef{Kind: model.ObjTable, Schema: po.obj.Schema, Name: po.obj.Name}
		}
		if _, ok := batches[b]; !ok {
			order = append(order, b)
		}
		batches[b] = append(batches[b], po.obj)
	}
	for _, b := range order {
		spec := &change.PrivilegeSpec{Privileges: strings.Split(b.privs, ","), Target: change.TargetObjects, Grantee: c.B, GrantOption: b.d.option}
		if b.kind == model.ObjColumn {
			spec.Objects = []model.ObjectRef{b.table}
			for _, o := range batches[b] {
				spec.Columns = append(spec.Columns, o.Column)
			}
		} else {
			spec.Objects = batches[b]
		}
		kind := change.RevokePrivileges
		if b.d.grant {
			kind = change.GrantPrivileges
		}
		c.Changes = append(c.Changes, change.Change{Kind: kind, Privilege: spec})
	}
}

// ── default privileges received ─────────────────────────────────────────

func (c *Comparison) defaults(x *catalog.Index) {
	type key struct {
		creator model.PrincipalRef
		schema  string
		typ     model.DefaultObjectType
		priv    string
	}
	collect := func(p model.PrincipalRef) map[key]bool {
		out := map[key]bool{}
		for _, d := range x.DefaultsFor(p) {
			if d.Implied {
				continue
			}
			k := key{d.Creator, d.Schema, d.ObjectType, d.Privilege}
			out[k] = out[k] || d.GrantOption
		}
		return out
	}
	da, db := collect(c.A), collect(c.B)
	keys := unionKeys(da, db)
	for _, k := range keys {
		oa, inA := da[k]
		ob, inB := db[k]
		where := "the database"
		if k.schema != "" {
			where = "schema " + k.schema
		}
		label := fmt.Sprintf("%s on %s created by %s in %s", k.priv, k.typ, k.creator.Name, where)
		show := func(in bool) string {
			if in {
				return held
			}
			return ""
		}
		c.add(SecDefaults, label, show(inA), show(inB))
		if inA == inB && oa == ob {
			continue
		}
		spec := &change.DefaultSpec{Creator: k.creator, Schema: k.schema, ObjectType: k.typ, Privileges: []string{k.priv}, Grantee: c.B}
		kind := change.RevokeDefaultPrivileges
		if inA {
			kind, spec.GrantOption = change.GrantDefaultPrivileges, oa
		}
		if inA && inB {
			continue // only the grant option differs: left as it is
		}
		c.Changes = append(c.Changes, change.Change{Kind: kind, Default: spec})
	}
}

// ── system permissions (Redshift, roles) ────────────────────────────────

func (c *Comparison) system(x *catalog.Index) {
	collect := func(p model.PrincipalRef) map[string]bool {
		out := map[string]bool{}
		for _, s := range x.Snapshot().SystemPrivileges {
			if s.Grantee == p {
				out[s.Privilege] = true
			}
		}
		return out
	}
	sa, sb := collect(c.A), collect(c.B)
	if len(sa) == 0 && len(sb) == 0 {
		return
	}
	var grant, revoke []string
	for _, p := range unionKeys(sa, sb) {
		a, b := "", ""
		if sa[p] {
			a = held
		}
		if sb[p] {
			b = held
		}
		c.add(SecSystem, p, a, b)
		switch {
		case sa[p] && !sb[p]:
			grant = append(grant, p)
		case !sa[p] && sb[p]:
			revoke = append(revoke, p)
		}
	}
	if len(grant)+len(revoke) == 0 {
		return
	}
	if c.B.Kind != model.KindRole {
		c.NotCopied = append(c.NotCopied, "System permissions: they go to roles only; grant "+c.B.Name+" a role that has them")
		return
	}
	if len(grant) > 0 {
		c.Changes = append(c.Changes, change.Change{Kind: change.GrantSystemPrivileges, System: &change.SystemSpec{Role: c.B.Name, Privileges: grant}})
	}
	if len(revoke) > 0 {
		c.Changes = append(c.Changes, change.Change{Kind: change.RevokeSystemPrivileges, System: &change.SystemSpec{Role: c.B.Name, Privileges: revoke}})
	}
}

// unionKeys lists the keys of both maps in a stable order.
func unionKeys[K comparable, V any](a, b map[K]V) []K {
	seen := map[K]bool{}
	var out []K
	for k := range a {
		seen[k] = true
		out = append(out, k)
	}
	for k := range b {
		if !seen[k] {
			out = append(out, k)
		}
	}
	sort.Slice(out, func(i, j int) bool { return fmt.Sprint(out[i]) < fmt.Sprint(out[j]) })
	return out
}
