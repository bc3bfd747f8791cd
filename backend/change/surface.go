package change

import (
	"regexp"
	"slices"
	"strings"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/model"
)

// Redshift's grant surface beyond objects (DG r_GRANT, r_REVOKE):
// GRANT ASSUMEROLE (which IAM roles a principal may use for COPY, UNLOAD,
// EXTERNAL FUNCTION and CREATE MODEL) and GRANT USAGE ON DATASHARE to a
// consumer namespace or account. Neither fits PrivilegeSpec: ASSUMEROLE's
// "object" is a list of ARNs and its privileges follow the grantee (FOR …),
// and a datashare consumer is not a database principal.
const (
	GrantAssumeRole  Kind = "grant_assumerole"
	RevokeAssumeRole Kind = "revoke_assumerole"

	GrantDatashareUsage  Kind = "grant_datashare_usage"
	RevokeDatashareUsage Kind = "revoke_datashare_usage"
)

// TargetCreateModel is GRANT CREATE MODEL TO …: a database-wide privilege
// with no object (Redshift).
const TargetCreateModel Target = "create_model"

// AssumeRoleSpec grants or revokes ASSUMEROLE on IAM roles for commands.
type AssumeRoleSpec struct {
	// IAMRoles are ARNs, or chains of ARNs joined by commas in one entry
	// ("arn:…:role/a,arn:…:role/b"), or exactly one of the keywords
	// model.IAMRoleDefault ("default") and model.IAMRoleAll ("ALL").
	IAMRoles []string `json:"iamRoles"`
	// Commands: COPY, UNLOAD, EXTERNAL FUNCTION, CREATE MODEL, or ALL.
	Commands []string           `json:"commands"`
	Grantee  model.PrincipalRef `json:"grantee"`
	// GrantOption is always refused: ASSUMEROLE has no WITH GRANT OPTION
	// (only superusers grant it). Kept so a request for it gets a clear no.
	GrantOption bool `json:"grantOption,omitempty"`
}

// DatashareUsageSpec grants or revokes USAGE on a datashare to consumer
// namespaces or accounts (one of the two lists per change).
type DatashareUsageSpec struct {
	Datashare  string   `json:"datashare"`
	Namespaces []string `json:"namespaces,omitempty"` // namespace GUIDs
	Accounts   []string `json:"accounts,omitempty"`   // 12-digit AWS account ids
	// ViaDataCatalog: … ACCOUNT 'n' VIA DATA CATALOG (Lake Formation); accounts only.
	ViaDataCatalog bool `json:"viaDataCatalog,omitempty"`
	// GrantOption is always refused: datashare USAGE has no WITH GRANT OPTION.
	GrantOption bool `json:"grantOption,omitempty"`
}

// AssumeRoleCommands are the commands of GRANT ASSUMEROLE … FOR, in the grammar's order.
var AssumeRoleCommands = []string{model.AssumeCopy, model.AssumeUnload, model.AssumeExternalFunction, model.AssumeCreateModel}

// MaxIAMRoleChain is the longest role chain Redshift accepts.
const MaxIAMRoleChain = model.MaxIAMRoleChain

// iamRoleARN: arn:<partition>:iam::<12-digit account>:role/<path/><name>
// (IAM role names: letters, digits and +=,.@_- up to 64; paths of the same
// characters and /). Spaces are refused: chains "must not include spaces".
var iamRoleARN = regexp.MustCompile(`^arn:aws(-[a-z]+)*:iam::[0-9]{12}:role/([A-Za-z0-9+=,.@_-]+/)*[A-Za-z0-9+=,.@_-]{1,64}$`)

var (
	namespaceGUID = regexp.MustCompile(`^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$`)
	accountID     = regexp.MustCompile(`^[0-9]{12}$`)
)

// SplitIAMRoleChain splits one ON entry into its ARNs. Role names may hold
// commas, so a new ARN starts only at a comma followed by "arn:".
func SplitIAMRoleChain(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if len(out) > 0 && !strings.HasPrefix(part, "arn:") {
			out[len(out)-1] += "," + part
			continue
		}
		out = append(out, part)
	}
	return out
}

// CheckIAMRoles validates the ON list of GRANT/REVOKE ASSUMEROLE and returns
// it canonical: the keywords as "default" / "ALL", ARNs as given (trimmed).
func CheckIAMRoles(roles []string) ([]string, error) {
	if len(roles) == 0 {
		return nil, apperr.Invalid("choose the IAM roles: one or more role ARNs, default (the cluster's default IAM role) or ALL")
	}
	var out []string
	for _, raw := range roles {
		r := strings.TrimSpace(raw)
		switch {
		case strings.EqualFold(r, model.IAMRoleDefault), strings.EqualFold(r, model.IAMRoleAll):
			if len(roles) > 1 {
				return nil, apperr.Invalid("%s stands alone in ASSUMEROLE ON: list role ARNs, or choose default or ALL by itself", strings.ToUpper(r))
			}
			if strings.EqualFold(r, model.IAMRoleAll) {
				return []string{model.IAMRoleAll}, nil
			}
			return []string{model.IAMRoleDefault}, nil
		case r == "":
			return nil, apperr.Invalid("an IAM role ARN is empty")
		}
		chain := SplitIAMRoleChain(r)
		if len(chain) > MaxIAMRoleChain {
			return nil, apperr.Invalid("the role chain %s has %d roles; Redshift chains at most %d", clip(r), len(chain), MaxIAMRoleChain)
		}
		for _, arn := range chain {
			if !iamRoleARN.MatchString(arn) {
				return nil, apperr.Invalid("%s is not an IAM role ARN; write arn:aws:iam::<12-digit account>:role/<name> (a chain joins ARNs with commas, no spaces)", clip(arn))
			}
		}
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out, nil
}

// CheckAssumeRoleCommands returns the commands in grammar order, or ["ALL"].
func CheckAssumeRoleCommands(cmds []string) ([]string, error) {
	if len(cmds) == 0 {
		return nil, apperr.Invalid("choose the commands the IAM roles may be used for: COPY, UNLOAD, EXTERNAL FUNCTION, CREATE MODEL or ALL")
	}
	want := map[string]bool{}
	for _, raw := range cmds {
		c := strings.Join(strings.Fields(strings.ToUpper(raw)), " ")
		switch {
		case c == model.AssumeAll:
			want[c] = true
		case slices.Contains(AssumeRoleCommands, c):
			want[c] = true
		default:
			return nil, apperr.Invalid("ASSUMEROLE has no command %s; choose from COPY, UNLOAD, EXTERNAL FUNCTION, CREATE MODEL, or ALL", clip(raw))
		}
	}
	if want[model.AssumeAll] {
		if len(want) > 1 {
			return nil, apperr.Invalid("FOR ALL already covers COPY, UNLOAD, EXTERNAL FUNCTION and CREATE MODEL; choose ALL alone or list the commands")
		}
		return []string{model.AssumeAll}, nil
	}
	var out []string
	for _, c := range AssumeRoleCommands {
		if want[c] {
			out = append(out, c)
		}
	}
	return out, nil
}

// CheckNamespaces validates datashare consumer namespace GUIDs (128-bit, 8-4-4-4-12 hex).
func CheckNamespaces(ns []string) ([]string, error) {
	var out []string
	for _, raw := range ns {
		n := strings.ToLower(strings.TrimSpace(raw))
		if !namespaceGUID.MatchString(n) {
			return nil, apperr.Invalid("%s is not a namespace GUID; a namespace id looks like 86b5169f-01dc-4a6f-9fbb-e2e24359e9a8", clip(raw))
		}
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out, nil
}

// CheckAccounts validates AWS account ids (exactly 12 digits).
func CheckAccounts(as []string) ([]string, error) {
	var out []string
	for _, raw := range as {
		a := strings.TrimSpace(raw)
		if !accountID.MatchString(a) {
			return nil, apperr.Invalid("%s is not an AWS account id; an account id is 12 digits", clip(raw))
		}
		if !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out, nil
}

func clip(s string) string {
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return "“" + s + "”"
}

// validateSurface checks the ASSUMEROLE and datashare-usage changes before
// any SQL is rendered.
func validateSurface(c Change) error {
	switch c.Kind {
	case GrantAssumeRole, RevokeAssumeRole:
		a := c.AssumeRole
		if a == nil {
			return apperr.Invalid("the ASSUMEROLE change is missing its IAM roles, commands and grantee")
		}
		if a.GrantOption {
			return apperr.Invalid("ASSUMEROLE has no grant option: only superusers grant or revoke it")
		}
		if err := requireGrantee(a.Grantee); err != nil {
			return err
		}
		if _, err := CheckIAMRoles(a.IAMRoles); err != nil {
			return err
		}
		_, err := CheckAssumeRoleCommands(a.Commands)
		return err
	case GrantDatashareUsage, RevokeDatashareUsage:
		d := c.DatashareUsage
		if d == nil {
			return apperr.Invalid("the datashare usage change is missing its datashare and consumers")
		}
		if d.GrantOption {
			return apperr.Invalid("USAGE on a datashare has no grant option: consumers cannot pass it on")
		}
		if err := requireName("datashare", d.Datashare); err != nil {
			return err
		}
		switch {
		case len(d.Namespaces) > 0 && len(d.Accounts) > 0:
			return apperr.Invalid("one datashare usage change names namespaces or accounts, not both; split it")
		case len(d.Namespaces) == 0 && len(d.Accounts) == 0:
			return apperr.Invalid("choose the consumer: a namespace GUID or a 12-digit AWS account id")
		case d.ViaDataCatalog && len(d.Accounts) == 0:
			return apperr.Invalid("VIA DATA CATALOG applies to accounts only, not namespaces")
		}
		if _, err := CheckNamespaces(d.Namespaces); err != nil {
			return err
		}
		_, err := CheckAccounts(d.Accounts)
		return err
	}
	return apperr.Invalid("unknown change kind %q", c.Kind)
}
