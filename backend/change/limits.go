package change

import (
	"math"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/model"
)

// Limits on every string a change carries, checked before anything else
// reads them. They are the largest any engine accepts (Redshift names are
// at most 127 bytes, PostgreSQL's 63 are checked by sqltext); an oversized
// value is refused by its size and field, never echoed back.
const (
	maxNameBytes      = 127
	maxPasswordBytes  = 1024
	maxKeywordBytes   = 64   // privilege keywords, SYSLOG ACCESS, object kinds
	maxTimestampBytes = 64   // VALID UNTIL
	maxArgsBytes      = 4096 // routine argument lists
	maxListItems      = 100000
	maxChanges        = 10000 // changes in one plan
)

// maxInt4 is the largest value PostgreSQL and Redshift accept for an integer
// option such as CONNECTION LIMIT or SESSION TIMEOUT.
const maxInt4 = math.MaxInt32

type field struct {
	what  string
	value string
	max   int
}

func tooLong(f field) error {
	return apperr.Invalid("the %s is %d bytes long; at most %d are allowed", f.what, len(f.value), f.max)
}

func names(what string, xs []string) []field {
	out := make([]field, len(xs))
	for i, x := range xs {
		out[i] = field{what, x, maxNameBytes}
	}
	return out
}

func principalField(what string, p model.PrincipalRef) []field {
	return []field{{what + " name", p.Name, maxNameBytes}, {what + " kind", string(p.Kind), maxKeywordBytes}}
}

func objectFields(objs []model.ObjectRef) []field {
	var out []field
	for _, o := range objs {
		out = append(out, field{"object kind", string(o.Kind), maxKeywordBytes}, field{"schema name", o.Schema, maxNameBytes},
			field{"object name", o.Name, maxNameBytes}, field{"column name", o.Column, maxNameBytes},
			field{"argument list", o.Args, maxArgsBytes})
	}
	return out
}

func keywords(what string, xs []string) []field {
	out := make([]field, len(xs))
	for i, x := range xs {
		out[i] = field{what, x, maxKeywordBytes}
	}
	return out
}

// checkSizes refuses any string of a change longer than its limit, any list
// longer than maxListItems, and integers beyond what the servers store.
func checkSizes(c Change) error {
	var fs []field
	lists := map[string]int{}
	if u := c.User; u != nil {
		fs = append(fs, field{"user name", u.Name, maxNameBytes}, field{"new user name", u.RenameTo, maxNameBytes},
			field{"successor name", u.Successor, maxNameBytes}, field{"valid-until time", u.ValidUntil, maxTimestampBytes})
		if u.Password != nil {
			fs = append(fs, field{"password", *u.Password, maxPasswordBytes})
		}
		if u.SyslogAccess != nil {
			fs = append(fs, field{"SYSLOG ACCESS value", *u.SyslogAccess, maxKeywordBytes})
		}
		fs = append(fs, names("group name", u.InGroups)...)
		lists["groups"] = len(u.InGroups)
		if u.ExternalID != nil {
			fs = append(fs, field{"external id", *u.ExternalID, maxNameBytes})
		}
		for _, p := range u.SetParameters {
			fs = append(fs, field{"parameter name", p.Name, maxKeywordBytes}, field{"parameter value", p.Value, maxArgsBytes})
		}
		fs = append(fs, keywords("parameter name", u.ResetParameters)...)
		lists["session defaults"] = len(u.SetParameters) + len(u.ResetParameters)
		if n := u.ConnectionLimit; n != nil && *n > maxInt4 {
			return apperr.Invalid("the connection limit is larger than the server accepts (at most %d)", maxInt4)
		}
		if n := u.SessionTimeout; n != nil && (*n < 0 || *n > maxInt4) {
			return apperr.Invalid("the session timeout must be between 0 and %d seconds", maxInt4)
		}
	}
	if r := c.Role; r != nil {
		fs = append(fs, field{"role name", r.Name, maxNameBytes}, field{"new role name", r.RenameTo, maxNameBytes},
			field{"owner name", r.Owner, maxNameBytes}, field{"external id", r.ExternalID, maxNameBytes},
			field{"successor name", r.Successor, maxNameBytes})
	}
	if g := c.Group; g != nil {
		fs = append(fs, field{"group name", g.Name, maxNameBytes}, field{"new group name", g.RenameTo, maxNameBytes})
		for _, l := range [][]string{g.Users, g.AddUsers, g.DropUsers} {
			fs = append(fs, names("user name", l)...)
			lists["users"] += len(l)
		}
	}
	if m := c.Member; m != nil {
		fs = append(fs, field{"role name", m.Role, maxNameBytes})
		fs = append(fs, principalField("member", m.Member)...)
	}
	if p := c.Privilege; p != nil {
		fs = append(fs, keywords("privilege", p.Privileges)...)
		fs = append(fs, field{"target", string(p.Target), maxKeywordBytes}, field{"database name", p.Database, maxNameBytes})
		fs = append(fs, objectFields(p.Objects)...)
		fs = append(fs, names("column name", p.Columns)...)
		fs = append(fs, names("schema name", p.Schemas)...)
		fs = append(fs, principalField("grantee", p.Grantee)...)
		lists["privileges"], lists["objects"], lists["columns"], lists["schemas"] = len(p.Privileges), len(p.Objects), len(p.Columns), len(p.Schemas)
	}
	if d := c.Default; d != nil {
		fs = append(fs, principalField("creator", d.Creator)...)
		fs = append(fs, principalField("grantee", d.Grantee)...)
		fs = append(fs, field{"schema name", d.Schema, maxNameBytes}, field{"object type", string(d.ObjectType), maxKeywordBytes})
		fs = append(fs, keywords("privilege", d.Privileges)...)
		lists["privileges"] = len(d.Privileges)
	}
	if s := c.System; s != nil {
		fs = append(fs, field{"role name", s.Role, maxNameBytes})
		fs = append(fs, keywords("system permission", s.Privileges)...)
		lists["system permissions"] = len(s.Privileges)
	}
	for what, n := range lists {
		if n > maxListItems {
			return apperr.Invalid("one change lists %d %s; at most %d are allowed", n, what, maxListItems)
		}
	}
	for _, f := range fs {
		if len(f.value) > f.max {
			return tooLong(f)
		}
	}
	return nil
}
