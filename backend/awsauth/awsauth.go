// Package awsauth gets temporary Redshift database credentials from AWS:
// redshift:GetClusterCredentials(WithIAM) for provisioned clusters and
// redshift-serverless:GetCredentials for workgroups. AWS credentials come from
// the user's shared AWS config through the AWS SDK's own loader (static keys,
// assume-role, credential_process, IAM Identity Center); nothing here parses
// profiles or signs requests, and nothing is written to disk.
package awsauth

import (
	"context"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/redshift"
	"github.com/aws/aws-sdk-go-v2/service/redshiftserverless"

	"github.com/redshiftmate/rsmate/backend/profile"
)

// Settings say which credentials to ask for; see profile.AuthSettings.
type Settings struct {
	Method      profile.AuthMethod // profile.AuthIAM or profile.AuthIAMServerless
	AWSProfile  string             // "" = the SDK's default chain
	Region      string
	ClusterID   string
	Workgroup   string
	DbUser      string // provisioned without WithIAM
	WithIAM     bool
	AutoCreate  bool
	DbGroups    []string
	DurationSec int // 0 = the service default
}

// FromProfile reads the settings of an IAM profile (after profile.Normalize).
func FromProfile(p profile.Profile) Settings {
	a := p.Auth
	if a == nil {
		return Settings{}
	}
	return Settings{Method: a.Method, AWSProfile: a.AWSProfile, Region: a.Region, ClusterID: a.ClusterID,
		Workgroup: a.Workgroup, DbUser: p.User, WithIAM: a.WithIAM,
		AutoCreate: a.AutoCreate, DbGroups: a.DbGroups, DurationSec: a.DurationSec}
}

// Options tune a Source; the zero value is right for the app.
type Options struct {
	// BaseEndpoint sends every AWS call (Redshift, STS, SSO) to this URL.
	// Tests point it at a local server; users can do the same with the SDK's
	// AWS_ENDPOINT_URL variables.
	BaseEndpoint string
	// RefreshBefore renews credentials this long before AWS says they expire,
	// so a connection never starts with a password about to lapse.
	RefreshBefore time.Duration
	// Now is the clock (tests).
	Now func() time.Time
}

const defaultRefreshBefore = 2 * time.Minute

// Source hands out temporary database credentials for one session, fetching
// new ones only when the cached ones are about to expire. It is safe for
// concurrent use: connections opening together share one fetch.
type Source struct {
	s    Settings
	opts Options

	mu       sync.Mutex
	cfg      *aws.Config // loaded on first use; a failed load is retried
	user     string
	password string
	renewAt  time.Time
	mfaCode  string
}

// New makes a Source. Nothing is loaded or fetched until Credentials is called.
func New(s Settings, opts Options) *Source {
	if opts.RefreshBefore <= 0 {
		opts.RefreshBefore = defaultRefreshBefore
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Source{s: s, opts: opts}
}

// SetMFACode gives the code of the MFA device an assume-role profile names
// (mfa_serial). A code is used once: AWS refuses a code twice.
func (src *Source) SetMFACode(code string) {
	src.mu.Lock()
	src.mfaCode = code
	src.mu.Unlock()
}

// Credentials returns a database user name and temporary password, fetching
// new ones when the cached ones expire within Options.RefreshBefore.
func (src *Source) Credentials(ctx context.Context) (user, password string, err error) {
	src.mu.Lock()
	defer src.mu.Unlock()
	now := src.opts.Now()
	if src.password != "" && now.Before(src.renewAt) {
		return src.user, src.password, nil
	}
	cfg, err := src.config(ctx)
	if err != nil {
		return "", "", src.classify(ctx, err)
	}
	user, password, expires, err := src.fetch(ctx, cfg)
	if err != nil {
		return "", "", src.classify(ctx, err)
	}
	if expires.IsZero() {
		expires = now.Add(15 * time.Minute) // the documented default lifetime
	}
	src.user, src.password, src.renewAt = user, password, expires.Add(-src.opts.RefreshBefore)
	return user, password, nil
}

// config loads the AWS config once; the SDK caches and renews the AWS
// credentials behind it (assumed roles, SSO role credentials).
func (src *Source) config(ctx context.Context) (aws.Config, error) {
	if src.cfg != nil {
		return *src.cfg, nil
	}
	opts := []func(*config.LoadOptions) error{
		config.WithRegion(src.s.Region),
		config.WithAssumeRoleCredentialOptions(func(o *stscreds.AssumeRoleOptions) {
			o.TokenProvider = src.takeMFACode
		}),
	}
	if src.s.AWSProfile != "" {
		opts = append(opts, config.WithSharedConfigProfile(src.s.AWSProfile))
	}
	if src.opts.BaseEndpoint != "" {
		opts = append(opts, config.WithBaseEndpoint(src.opts.BaseEndpoint))
	}
	cfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return aws.Config{}, err
	}
	src.cfg = &cfg
	return cfg, nil
}

// takeMFACode is the SDK's MFA token provider. It runs inside Credentials
// (src.mu held), when the SDK assumes the role.
func (src *Source) takeMFACode() (string, error) {
	code := src.mfaCode
	src.mfaCode = ""
	if code == "" {
		return "", errMFARequired
	}
	return code, nil
}

func (src *Source) fetch(ctx context.Context, cfg aws.Config) (user, password string, expires time.Time, err error) {
	var dur *int32
	if src.s.DurationSec > 0 {
		dur = aws.Int32(int32(src.s.DurationSec))
	}
	// No DbName: credentials limited to one database would break switching
	// the session to another database of the same server.
	switch {
	case src.s.Method == profile.AuthIAMServerless:
		out, err := redshiftserverless.NewFromConfig(cfg).GetCredentials(ctx, &redshiftserverless.GetCredentialsInput{
			WorkgroupName: aws.String(src.s.Workgroup), DurationSeconds: dur})
		if err != nil {
			return "", "", time.Time{}, err
		}
		return aws.ToString(out.DbUser), aws.ToString(out.DbPassword), aws.ToTime(out.Expiration), nil
	case src.s.WithIAM:
		out, err := redshift.NewFromConfig(cfg).GetClusterCredentialsWithIAM(ctx, &redshift.GetClusterCredentialsWithIAMInput{
			ClusterIdentifier: aws.String(src.s.ClusterID), DurationSeconds: dur})
		if err != nil {
			return "", "", time.Time{}, err
		}
		return aws.ToString(out.DbUser), aws.ToString(out.DbPassword), aws.ToTime(out.Expiration), nil
	default:
		in := &redshift.GetClusterCredentialsInput{ClusterIdentifier: aws.String(src.s.ClusterID),
			DbUser: aws.String(src.s.DbUser), DurationSeconds: dur}
		if src.s.AutoCreate {
			in.AutoCreate = aws.Bool(true)
		}
		if len(src.s.DbGroups) > 0 {
			in.DbGroups = src.s.DbGroups
		}
		out, err := redshift.NewFromConfig(cfg).GetClusterCredentials(ctx, in)
		if err != nil {
			return "", "", time.Time{}, err
		}
		return aws.ToString(out.DbUser), aws.ToString(out.DbPassword), aws.ToTime(out.Expiration), nil
	}
}
