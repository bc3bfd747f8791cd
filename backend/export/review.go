package export

import (
	"encoding/csv"
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/redshiftmate/rsmate/backend/access"
	"github.com/redshiftmate/rsmate/backend/catalog"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/vocab"
)

// Risk names one flag of the access review.
type Risk string

const (
	RiskSuperuser        Risk = "superuser"              // bypasses every check (Redshift CREATEUSER, PostgreSQL SUPERUSER)
	RiskCreateUser       Risk = "create_user"            // may create users: PostgreSQL CREATEROLE, Redshift CREATE USER permission
	RiskSyslog           Risk = "syslog_unrestricted"    // Redshift: sees every user's rows in system tables
	RiskPublicGrant      Risk = "grant_to_public"        // an explicit grant every principal receives
	RiskGrantOption      Risk = "with_grant_option"      // the holder may pass the privilege on
	RiskDirectUserGrant  Risk = "direct_user_grant"      // a user holds a grant directly although roles are in use
	RiskPasswordNoExpiry Risk = "password_never_expires" // a password login with no VALID UNTIL
)

// Finding is one risk flag, on a principal and, for grants, an object.
type Finding struct {
	Risk      Risk               `json:"risk"`
	Principal model.PrincipalRef `json:"principal"`
	Object    *model.ObjectRef   `json:"object,omitempty"`
	Privilege string             `json:"privilege,omitempty"`
	Detail    string             `json:"detail"`
}

// PrincipalReview is one user's or role's effective access in numbers, with
// its risks.
type PrincipalReview struct {
	Principal model.PrincipalRef `json:"principal"`
	Superuser bool               `json:"superuser"`
	// Reaches lists the roles and groups whose grants apply, with the path.
	Reaches []string `json:"reaches"`
	// Privileges is the number of (object, privilege) pairs held in the login
	// session; Objects and Schemas count the distinct objects and schemas.
	Privileges int    `json:"privileges"`
	Objects    int    `json:"objects"`
	Schemas    int    `json:"schemas"`
	Risks      []Risk `json:"risks"`
}

// Report is the access review of one database.
type Report struct {
	Engine     string            `json:"engine"`
	Database   string            `json:"database"`
	Generated  time.Time         `json:"generated"`
	Principals []PrincipalReview `json:"principals"`
	Findings   []Finding         `json:"findings"`
}

// Review builds the access review: every user and non-system role with its
// effective access and risks, and every risky grant.
func Review(x *catalog.Index, now time.Time) Report {
	s := x.Snapshot()
	r := Report{Engine: s.Engine, Database: s.Database, Generated: now.UTC(), Principals: []PrincipalReview{}, Findings: []Finding{}}
	risks := map[model.PrincipalRef][]Risk{}
	flag := func(f Finding) {
		r.Findings = append(r.Findings, f)
		for _, have := range risks[f.Principal] {
			if have == f.Risk {
				return
			}
		}
		risks[f.Principal] = append(risks[f.Principal], f.Risk)
	}

	rolesInUse := false
	for _, role := range s.Roles {
		if !role.System && (len(x.Members(model.RoleRef(role.Name))) > 0 || len(x.GrantsTo(model.RoleRef(role.Name))) > 0) {
			rolesInUse = true
			break
		}
	}
	for _, u := range s.Users {
		ref := model.UserRef(u.Name)
		if u.Superuser {
			flag(Finding{Risk: RiskSuperuser, Principal: ref, Detail: "superuser: passes every permission check"})
		}
		if u.CreateRole {
			flag(Finding{Risk: RiskCreateUser, Principal: ref, Detail: "CREATEROLE: may create, alter and drop roles and users"})
		}
		if strings.EqualFold(u.SyslogAccess, "UNRESTRICTED") {
			flag(Finding{Risk: RiskSyslog, Principal: ref, Detail: "SYSLOG ACCESS UNRESTRICTED: sees other users' rows in system tables and views"})
		}
		if u.Identity == model.IdentityLocal && !u.PasswordDisabled && (u.ValidUntil == "" || strings.EqualFold(u.ValidUntil, "infinity")) {
			flag(Finding{Risk: RiskPasswordNoExpiry, Principal: ref, Detail: "password login with no expiry (VALID UNTIL)"})
		}
	}
	for _, role := range s.Roles {
		ref := model.RoleRef(role.Name)
		if role.Superuser {
			flag(Finding{Risk: RiskSuperuser, Principal: ref, Detail: "superuser role: members may SET ROLE to it"})
		}
		if role.CreateRole && !role.System {
			flag(Finding{Risk: RiskCreateUser, Principal: ref, Detail: "CREATEROLE: may create, alter and drop roles and users"})
		}
	}
	for _, sp := range s.SystemPrivileges {
		if strings.EqualFold(sp.Privilege, "CREATE USER") {
			flag(Finding{Risk: RiskCreateUser, Principal: sp.Grantee, Detail: "holds the CREATE USER system permission"})
		}
	}
	for _, g := range s.Grants.All() {
		if g.Implied || g.Default {
			continue
		}
		obj := g.Object
		switch {
		case g.Grantee.Kind == model.KindPublic:
			flag(Finding{Risk: RiskPublicGrant, Principal: g.Grantee, Object: &obj, Privilege: g.Privilege, Detail: "granted to PUBLIC: every user holds it"})
		case g.GrantOption:
			flag(Finding{Risk: RiskGrantOption, Principal: g.Grantee, Object: &obj, Privilege: g.Privilege, Detail: "WITH GRANT OPTION: may grant it to others"})
		}
		if rolesInUse && g.Grantee.Kind == model.KindUser {
			flag(Finding{Risk: RiskDirectUserGrant, Principal: g.Grantee, Object: &obj, Privilege: g.Privilege, Detail: "granted to the user directly while roles are in use"})
		}
	}

	// Everyone's numbers in one pass (Compute per principal takes minutes on
	// a catalog of thousands of users and a million grants).
	var who []model.PrincipalRef
	supers := map[model.PrincipalRef]bool{}
	for _, u := range s.Users {
		who = append(who, model.UserRef(u.Name))
		supers[model.UserRef(u.Name)] = u.Superuser
	}
	for _, role := range s.Roles {
		if !role.System {
			who = append(who, model.RoleRef(role.Name))
			supers[model.RoleRef(role.Name)] = role.Superuser
		}
	}
	for _, g := range s.Groups {
		who = append(who, model.GroupRef(g.Name))
	}
	sums := access.Summaries(s, x, who)
	for i, ref := range who {
		pr := PrincipalReview{Principal: ref, Superuser: supers[ref], Reaches: []string{}, Risks: risks[ref],
			Privileges: sums[i].Privileges, Objects: sums[i].Objects, Schemas: sums[i].Schemas}
		for _, rc := range access.Sorted(access.Reach(s, ref), ref) {
			pr.Reaches = append(pr.Reaches, PathText(rc.From, rc.Via))
		}
		if pr.Risks == nil {
			pr.Risks = []Risk{}
		}
		r.Principals = append(r.Principals, pr)
	}
	sort.SliceStable(r.Findings, func(i, j int) bool { return r.Findings[i].Risk < r.Findings[j].Risk })
	return r
}

// PathText writes a membership path for people: "reader (via senior > analyst)".
func PathText(to model.PrincipalRef, via []model.PrincipalRef) string {
	name := PrincipalText(to)
	if len(via) <= 1 {
		return name
	}
	steps := make([]string, 0, len(via)-1)
	for _, p := range via[:len(via)-1] {
		steps = append(steps, PrincipalText(p))
	}
	return name + " (via " + strings.Join(steps, " > ") + ")"
}

// PrincipalText names a principal with its kind: "role analyst", "PUBLIC".
func PrincipalText(p model.PrincipalRef) string {
	if p.Kind == model.KindPublic {
		return "PUBLIC"
	}
	return string(p.Kind) + " " + p.Name
}

// ObjectText names an object for people: "table sales.orders", "function f(integer)",
// in the words of whichever engine's vocabulary has the kind.
func ObjectText(o model.ObjectRef) string {
	v := vocab.Redshift
	if v.Kind(o.Kind) == nil {
		v = vocab.Postgres
	}
	return v.Words(o)
}

// ReviewCSV writes the report as one CSV table: a "principal" row per user,
// role and group (its effective access in numbers), then a "finding" row per
// risk flag.
func ReviewCSV(w io.Writer, r Report) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"record", "principal_kind", "principal", "superuser", "privileges", "objects", "schemas",
		"reaches", "risks", "risk", "object", "privilege", "detail"})
	for _, p := range r.Principals {
		risks := make([]string, len(p.Risks))
		for i, k := range p.Risks {
			risks[i] = string(k)
		}
		_ = cw.Write([]string{"principal", string(p.Principal.Kind), p.Principal.Name, strconv.FormatBool(p.Superuser),
			strconv.Itoa(p.Privileges), strconv.Itoa(p.Objects), strconv.Itoa(p.Schemas),
			strings.Join(p.Reaches, "; "), strings.Join(risks, " "), "", "", "", ""})
	}
	for _, f := range r.Findings {
		obj := ""
		if f.Object != nil {
			obj = ObjectText(*f.Object)
		}
		_ = cw.Write([]string{"finding", string(f.Principal.Kind), f.Principal.Name, "", "", "", "", "", "",
			string(f.Risk), obj, f.Privilege, f.Detail})
	}
	cw.Flush()
	return cw.Error()
}

var reviewHTML = template.Must(template.New("review").Funcs(template.FuncMap{
	"principal": PrincipalText,
	"object": func(o *model.ObjectRef) string {
		if o == nil {
			return ""
		}
		return ObjectText(*o)
	},
	"join": func(xs []string) string { return strings.Join(xs, "; ") },
	"risks": func(rs []Risk) string {
		out := make([]string, len(rs))
		for i, r := range rs {
			out[i] = string(r)
		}
		return strings.Join(out, ", ")
	},
}).Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Access review of {{.Database}}</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#1a1b1e}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ced4da;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f1f3f5}td.n{text-align:right}.risk{color:#c92a2a;font-weight:600}
</style></head><body>
<h1>Access review of {{.Database}} ({{.Engine}})</h1>
<p>Generated {{.Generated.Format "2006-01-02 15:04 UTC"}} from the loaded catalog. {{len .Findings}} findings, {{len .Principals}} principals.</p>
<h2>Findings</h2>
<table><thead><tr><th>Risk</th><th>Principal</th><th>Object</th><th>Privilege</th><th>Detail</th></tr></thead><tbody>
{{range .Findings}}<tr><td class="risk">{{.Risk}}</td><td>{{principal .Principal}}</td><td>{{object .Object}}</td><td>{{.Privilege}}</td><td>{{.Detail}}</td></tr>
{{else}}<tr><td colspan="5">No risks found.</td></tr>
{{end}}</tbody></table>
<h2>Effective access</h2>
<table><thead><tr><th>Principal</th><th>Superuser</th><th>Privileges</th><th>Objects</th><th>Schemas</th><th>Through</th><th>Risks</th></tr></thead><tbody>
{{range .Principals}}<tr><td>{{principal .Principal}}</td><td>{{if .Superuser}}yes{{end}}</td><td class="n">{{.Privileges}}</td><td class="n">{{.Objects}}</td><td class="n">{{.Schemas}}</td><td>{{join .Reaches}}</td><td class="risk">{{risks .Risks}}</td></tr>
{{end}}</tbody></table>
</body></html>
`))

// ReviewHTML writes the report as a standalone HTML page (names escaped).
func ReviewHTML(w io.Writer, r Report) error { return reviewHTML.Execute(w, r) }

// WhoCanAccessCSV writes who can access an object: one line per principal
// and privilege (privilege "" keeps every privilege), with how it is held and
// the path behind it.
func WhoCanAccessCSV(w io.Writer, obj model.ObjectRef, holders []access.Holder, privilege string) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"object", "principal_kind", "principal", "privilege", "scope", "held", "grant_option", "path", "note"})
	on := ObjectText(obj)
	for _, h := range holders {
		if h.Superuser {
			_ = cw.Write([]string{on, string(h.Principal.Kind), h.Principal.Name, "ALL", "", "superuser", "", "", "superuser: passes every check"})
		}
		if h.Owner {
			_ = cw.Write([]string{on, string(h.Principal.Kind), h.Principal.Name, "ALL", "", "owner", "", "", "owner of the object"})
		}
		for _, c := range append(append([]access.Cell{}, h.Cells...), h.Scoped...) {
			if privilege != "" && c.Privilege != privilege {
				continue
			}
			for _, src := range c.Sources {
				held := "direct"
				if len(src.Via) > 0 {
					held = "inherited"
				}
				_ = cw.Write([]string{on, string(h.Principal.Kind), h.Principal.Name, c.Privilege, c.Scope, held,
					strconv.FormatBool(src.Grant.GrantOption), viaText(h.Principal, src.Via), src.Note})
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// viaText is "alice > senior > reader": the principal, then each step.
func viaText(from model.PrincipalRef, via []model.PrincipalRef) string {
	parts := []string{PrincipalText(from)}
	for _, p := range via {
		parts = append(parts, PrincipalText(p))
	}
	return strings.Join(parts, " > ")
}
