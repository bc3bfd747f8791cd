package profile

import (
	"regexp"
	"strings"

	"github.com/redshiftmate/rsmate/backend/apperr"
)

// AuthMethod says how a profile gets its database credentials. A profile
// without Auth uses a password.
type AuthMethod string

const (
	AuthPassword      AuthMethod = "password"
	AuthIAM           AuthMethod = "iam"            // provisioned cluster: redshift:GetClusterCredentials(WithIAM)
	AuthIAMServerless AuthMethod = "iam-serverless" // Redshift Serverless: redshift-serverless:GetCredentials
)

// AuthSettings says how a profile gets its database credentials. Only
// non-secret settings live here: AWS keys stay in the user's AWS config, read
// by the AWS SDK at connect time, and the temporary database password is only
// ever held in memory.
type AuthSettings struct {
	Method AuthMethod `json:"method" ts_type:"'password' | 'iam' | 'iam-serverless'"`
	// AWSProfile names a profile of the shared AWS config (~/.aws/config);
	// empty means the SDK's default chain (AWS_PROFILE, env keys, "default").
	AWSProfile string `json:"awsProfile,omitempty"`
	// Region, ClusterID and Workgroup default to what the endpoint host name says.
	Region    string `json:"region,omitempty"`
	ClusterID string `json:"clusterId,omitempty"`
	Workgroup string `json:"workgroup,omitempty"`
	// WithIAM (provisioned only) uses GetClusterCredentialsWithIAM: the
	// database user is the IAM identity ("IAM:name" / "IAMR:role"), so the
	// profile's user, AutoCreate and DbGroups are not used.
	WithIAM    bool     `json:"withIam,omitempty"`
	AutoCreate bool     `json:"autoCreate,omitempty"`
	DbGroups   []string `json:"dbGroups,omitempty"`
	// DurationSec is how long the temporary password lives (900-3600; 0 means
	// the service default).
	DurationSec int `json:"durationSec,omitempty"`
}

// Limits of the IAM settings (AWS's own where it documents them).
const (
	AWSNameMaxBytes   = 128
	MaxDbGroups       = 32
	MinIAMDurationSec = 900
	MaxIAMDurationSec = 3600
)

// UsesIAM reports whether a profile gets temporary credentials from AWS.
func (p Profile) UsesIAM() bool {
	return p.Auth != nil && (p.Auth.Method == AuthIAM || p.Auth.Method == AuthIAMServerless)
}

// NeedsUser reports whether the profile's user field must be filled: IAM
// identities chosen by AWS (WithIAM, Serverless) need none.
func (p Profile) NeedsUser() bool {
	if p.Auth == nil {
		return true
	}
	switch p.Auth.Method {
	case AuthIAMServerless:
		return false
	case AuthIAM:
		return !p.Auth.WithIAM
	}
	return true
}

var (
	// <cluster>.<id>.<region>.redshift.amazonaws.com[.cn]
	clusterHostRE = regexp.MustCompile(`^([a-z][a-z0-9-]*)\.[a-z0-9]+\.([a-z]{2}(?:-[a-z]+)+-\d+)\.redshift\.amazonaws\.com(?:\.cn)?\.?$`)
	// <workgroup>.<account>.<region>.redshift-serverless.amazonaws.com[.cn]
	workgroupHostRE = regexp.MustCompile(`^([a-z][a-z0-9-]*)\.\d+\.([a-z]{2}(?:-[a-z]+)+-\d+)\.redshift-serverless\.amazonaws\.com(?:\.cn)?\.?$`)
	awsNameRE       = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9-]*$`)
	regionRE        = regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-\d+$`)
)

// HostFacts is what a Redshift endpoint host name says about itself.
type HostFacts struct {
	ClusterID  string
	Workgroup  string
	Region     string
	Serverless bool
}

// ParseRedshiftHost reads the cluster or workgroup and the region out of an
// endpoint host name; ok is false for any other host.
func ParseRedshiftHost(host string) (HostFacts, bool) {
	h := strings.ToLower(strings.TrimSpace(host))
	if m := clusterHostRE.FindStringSubmatch(h); m != nil {
		return HostFacts{ClusterID: m[1], Region: m[2]}, true
	}
	if m := workgroupHostRE.FindStringSubmatch(h); m != nil {
		return HostFacts{Workgroup: m[1], Region: m[2], Serverless: true}, true
	}
	return HostFacts{}, false
}

// normalizeAuth trims the IAM settings and fills the cluster, workgroup and
// region the host name implies. A password profile keeps no Auth at all, so
// profiles saved before IAM existed and new password profiles look the same.
func normalizeAuth(p *Profile) {
	a := p.Auth
	if a == nil {
		return
	}
	a.Method = AuthMethod(strings.TrimSpace(string(a.Method)))
	if a.Method == "" || a.Method == AuthPassword {
		p.Auth = nil
		return
	}
	c := *a
	c.AWSProfile = strings.TrimSpace(c.AWSProfile)
	c.Region = strings.TrimSpace(c.Region)
	c.ClusterID = strings.TrimSpace(c.ClusterID)
	c.Workgroup = strings.TrimSpace(c.Workgroup)
	groups := make([]string, 0, len(c.DbGroups))
	for _, g := range c.DbGroups {
		if g = strings.TrimSpace(g); g != "" {
			groups = append(groups, g)
		}
	}
	c.DbGroups = groups
	if len(c.DbGroups) == 0 {
		c.DbGroups = nil
	}
	if facts, ok := ParseRedshiftHost(p.Host); ok {
		if c.Region == "" {
			c.Region = facts.Region
		}
		if c.Method == AuthIAM && c.ClusterID == "" {
			c.ClusterID = facts.ClusterID
		}
		if c.Method == AuthIAMServerless && c.Workgroup == "" {
			c.Workgroup = facts.Workgroup
		}
	}
	if c.Method == AuthIAMServerless {
		c.ClusterID, c.WithIAM, c.AutoCreate, c.DbGroups = "", false, false, nil
	} else {
		c.Workgroup = ""
	}
	if c.WithIAM {
		c.AutoCreate, c.DbGroups = false, nil
	}
	p.Auth = &c
	if p.Engine == "" {
		p.Engine = EngineRedshift
	}
}

// validateAuth checks the IAM settings of a normalized profile.
func validateAuth(p Profile) error {
	a := p.Auth
	if a == nil {
		return nil
	}
	switch a.Method {
	case AuthIAM, AuthIAMServerless:
	default:
		return apperr.Invalid("authentication must be password, iam or iam-serverless, not %q", a.Method)
	}
	if p.Engine != EngineRedshift {
		return apperr.Invalid("IAM authentication is only for Redshift connections")
	}
	if a.AWSProfile != "" && strings.IndexFunc(a.AWSProfile, isSpaceOrControl) >= 0 {
		return apperr.Invalid("the AWS profile name must not contain spaces")
	}
	if a.Region == "" {
		return apperr.Invalid("the AWS region is required (the host name does not say it)")
	}
	if !regionRE.MatchString(a.Region) {
		return apperr.Invalid("the AWS region must look like us-east-1, not %q", a.Region)
	}
	if a.Method == AuthIAM {
		if a.ClusterID == "" {
			return apperr.Invalid("the cluster identifier is required (the host name does not say it)")
		}
		if !awsNameRE.MatchString(a.ClusterID) {
			return apperr.Invalid("the cluster identifier may hold only letters, digits and hyphens")
		}
	} else {
		if a.Workgroup == "" {
			return apperr.Invalid("the workgroup name is required (the host name does not say it)")
		}
		if !awsNameRE.MatchString(a.Workgroup) {
			return apperr.Invalid("the workgroup name may hold only letters, digits and hyphens")
		}
	}
	if len(a.DbGroups) > MaxDbGroups {
		return apperr.Invalid("at most %d database groups may be joined", MaxDbGroups)
	}
	for _, g := range a.DbGroups {
		if strings.IndexFunc(g, isSpaceOrControl) >= 0 || strings.Contains(g, ",") {
			return apperr.Invalid("database group names must not contain spaces or commas")
		}
	}
	if a.DurationSec != 0 && (a.DurationSec < MinIAMDurationSec || a.DurationSec > MaxIAMDurationSec) {
		return apperr.Invalid("the credential duration must be %d to %d seconds, not %d", MinIAMDurationSec, MaxIAMDurationSec, a.DurationSec)
	}
	return nil
}

// authTexts lists the IAM settings' text fields for CheckLengths.
func authTexts(a *AuthSettings) []textField {
	if a == nil {
		return nil
	}
	out := []textField{
		{"authentication method", string(a.Method), EnumMaxBytes},
		{"AWS profile", a.AWSProfile, AWSNameMaxBytes},
		{"AWS region", a.Region, AWSNameMaxBytes},
		{"cluster identifier", a.ClusterID, AWSNameMaxBytes},
		{"workgroup", a.Workgroup, AWSNameMaxBytes},
	}
	for _, g := range a.DbGroups {
		out = append(out, textField{"database group", g, UserMaxBytes})
	}
	return out
}
