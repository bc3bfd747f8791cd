package awsauth

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials/ssocreds"
	"github.com/aws/aws-sdk-go-v2/service/ssooidc"
	"github.com/aws/aws-sdk-go-v2/service/ssooidc/types"

	"github.com/redshiftmate/rsmate/backend/apperr"
)

// SSOSignIn is an IAM Identity Center sign-in through the OAuth device
// authorization flow, as `aws sso login` does it: the user confirms UserCode
// at VerificationURL in a browser while Wait polls for the token, which is
// then written to the SSO token cache the AWS CLI and SDK read.
type SSOSignIn struct {
	UserCode        string
	VerificationURL string // with the code filled in
	ExpiresAt       time.Time

	client       *ssooidc.Client
	clientID     string
	clientSecret string
	clientExpiry time.Time
	deviceCode   string
	interval     time.Duration
	cacheKey     string // the sso-session name, or the start URL of a legacy profile
	session      bool   // an sso-session: keep the refresh token and client
	startURL     string
	region       string
	now          func() time.Time
}

// StartSSOSignIn registers a client and starts the device authorization for
// the IAM Identity Center settings of awsProfile ("" = AWS_PROFILE or default).
func StartSSOSignIn(ctx context.Context, awsProfile string, opts Options) (*SSOSignIn, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	sc, err := loadSharedProfile(ctx, awsProfile)
	if err != nil {
		return nil, err
	}
	s := &SSOSignIn{now: opts.Now}
	switch {
	case sc.SSOSession != nil && sc.SSOSession.SSOStartURL != "":
		s.cacheKey, s.session = sc.SSOSession.Name, true
		s.startURL, s.region = sc.SSOSession.SSOStartURL, sc.SSOSession.SSORegion
	case sc.SSOStartURL != "":
		s.cacheKey, s.startURL, s.region = sc.SSOStartURL, sc.SSOStartURL, sc.SSORegion
	default:
		return nil, &apperr.Error{Code: "aws_not_sso", Message: labelOf(awsProfile) + " is not an IAM Identity Center (SSO) profile",
			Hint: "Only profiles with sso_session or sso_start_url sign in through the browser."}
	}
	loadOpts := []func(*config.LoadOptions) error{config.WithRegion(s.region),
		config.WithCredentialsProvider(aws.AnonymousCredentials{})}
	if opts.BaseEndpoint != "" {
		loadOpts = append(loadOpts, config.WithBaseEndpoint(opts.BaseEndpoint))
	}
	cfg, err := config.LoadDefaultConfig(ctx, loadOpts...)
	if err != nil {
		return nil, ssoError(err)
	}
	s.client = ssooidc.NewFromConfig(cfg)
	reg, err := s.client.RegisterClient(ctx, &ssooidc.RegisterClientInput{
		ClientName: aws.String("redshift-mate"), ClientType: aws.String("public"),
		Scopes: []string{"sso:account:access"}})
	if err != nil {
		return nil, ssoError(err)
	}
	s.clientID, s.clientSecret = aws.ToString(reg.ClientId), aws.ToString(reg.ClientSecret)
	s.clientExpiry = time.Unix(reg.ClientSecretExpiresAt, 0)
	dev, err := s.client.StartDeviceAuthorization(ctx, &ssooidc.StartDeviceAuthorizationInput{
		ClientId: reg.ClientId, ClientSecret: reg.ClientSecret, StartUrl: aws.String(s.startURL)})
	if err != nil {
		return nil, ssoError(err)
	}
	s.deviceCode = aws.ToString(dev.DeviceCode)
	s.UserCode = aws.ToString(dev.UserCode)
	s.VerificationURL = aws.ToString(dev.VerificationUriComplete)
	if s.VerificationURL == "" {
		s.VerificationURL = aws.ToString(dev.VerificationUri)
	}
	s.interval = time.Duration(max(dev.Interval, 1)) * time.Second
	s.ExpiresAt = s.now().Add(time.Duration(dev.ExpiresIn) * time.Second)
	return s, nil
}

// Wait polls until the user confirms in the browser (or ctx ends, or the code
// expires) and writes the token to the SSO cache.
func (s *SSOSignIn) Wait(ctx context.Context) error {
	for {
		out, err := s.client.CreateToken(ctx, &ssooidc.CreateTokenInput{
			ClientId: aws.String(s.clientID), ClientSecret: aws.String(s.clientSecret),
			GrantType: aws.String("urn:ietf:params:oauth:grant-type:device_code"), DeviceCode: aws.String(s.deviceCode)})
		var pending *types.AuthorizationPendingException
		var slow *types.SlowDownException
		switch {
		case err == nil:
			return s.store(out)
		case errors.As(err, &slow):
			s.interval += 5 * time.Second // RFC 8628: back off by five seconds
		case !errors.As(err, &pending):
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return ssoError(err)
		}
		if !s.ExpiresAt.IsZero() && s.now().After(s.ExpiresAt) {
			return &apperr.Error{Code: CodeSSOExpired, Message: "the sign-in code expired before it was confirmed",
				Hint: "Sign in again and confirm the code in the browser."}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(s.interval):
		}
	}
}

// store writes the token where the SDK's SSO providers look for it
// (~/.aws/sso/cache/<sha1 of the key>.json), owner-only, as the AWS CLI does.
func (s *SSOSignIn) store(out *ssooidc.CreateTokenOutput) error {
	path, err := ssocreds.StandardCachedTokenFilepath(s.cacheKey)
	if err != nil {
		return err
	}
	t := map[string]any{
		"accessToken": aws.ToString(out.AccessToken),
		"expiresAt":   s.now().Add(time.Duration(out.ExpiresIn) * time.Second).UTC().Format(time.RFC3339),
		"region":      s.region,
		"startUrl":    s.startURL,
	}
	if s.session {
		// What the SDK needs to refresh the token without another sign-in.
		t["refreshToken"] = aws.ToString(out.RefreshToken)
		t["clientId"] = s.clientID
		t["clientSecret"] = s.clientSecret
		t["registrationExpiresAt"] = s.clientExpiry.UTC().Format(time.RFC3339)
	}
	data, err := json.Marshal(t)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// loadSharedProfile reads one profile of the shared config files the SDK
// would read (AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE honoured).
func loadSharedProfile(ctx context.Context, name string) (config.SharedConfig, error) {
	env, err := config.NewEnvConfig()
	if err != nil {
		return config.SharedConfig{}, err
	}
	if name == "" {
		name = env.SharedConfigProfile
	}
	if name == "" {
		name = "default"
	}
	sc, err := config.LoadSharedConfigProfile(ctx, name, func(o *config.LoadSharedConfigOptions) {
		if env.SharedConfigFile != "" {
			o.ConfigFiles = []string{env.SharedConfigFile}
		}
		if env.SharedCredentialsFile != "" {
			o.CredentialsFiles = []string{env.SharedCredentialsFile}
		}
	})
	var missing config.SharedConfigProfileNotExistError
	if errors.As(err, &missing) {
		return sc, &apperr.Error{Code: CodeProfileMissing, Err: err,
			Message: "the AWS profile \"" + name + "\" is not in your AWS config",
			Hint:    "Add it with aws configure sso, or choose a profile that exists in ~/.aws/config."}
	}
	return sc, err
}

func ssoError(err error) error {
	return &apperr.Error{Code: CodeAWSError, Message: "signing in to IAM Identity Center failed", Detail: err.Error(), Err: err,
		Hint: "Check the start URL and region of the sso-session in ~/.aws/config, or run aws sso login in a terminal."}
}

func labelOf(awsProfile string) string {
	if awsProfile == "" {
		return "the default AWS profile"
	}
	return "AWS profile \"" + awsProfile + "\""
}
