package awsauth

import (
	"context"
	"errors"
	"net"
	"strings"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials/processcreds"
	"github.com/aws/aws-sdk-go-v2/credentials/ssocreds"
	"github.com/aws/smithy-go"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/profile"
)

// Error codes of this package, one per thing the user must do differently.
const (
	CodeProfileMissing     = "aws_profile_missing"
	CodeSSOExpired         = "aws_sso_expired"
	CodeMFARequired        = "aws_mfa_required"
	CodeNoCredentials      = "aws_credentials_missing"
	CodeCredentialsExpired = "aws_credentials_expired"
	CodeCredentialsInvalid = "aws_credentials_invalid"
	CodeProcessFailed      = "aws_credential_process_failed"
	CodeAccessDenied       = "aws_access_denied"
	CodeClusterNotFound    = "cluster_not_found"
	CodeWorkgroupNotFound  = "workgroup_not_found"
	CodeUnreachable        = "aws_unreachable"
	CodeAWSError           = "aws_error"
)

var errMFARequired = errors.New("an MFA code is required")

// classify turns an SDK error into an apperr.Error that says what to do. SDK
// error texts carry request ids and ARNs, never keys or passwords, so they
// may go into Detail. A cancelled context is returned as it is, for the
// session layer to report as a cancelled connect.
func (src *Source) classify(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return err
	}
	mk := func(code, msg, hint string) *apperr.Error {
		return &apperr.Error{Code: code, Message: msg, Detail: err.Error(), Hint: hint, Err: err}
	}
	prof := src.profileLabel()
	var missing config.SharedConfigProfileNotExistError
	var invalidToken *ssocreds.InvalidTokenError
	var procErr *processcreds.ProviderError
	switch {
	case errors.As(err, &missing):
		return &apperr.Error{Code: CodeProfileMissing, Err: err,
			Message: "the AWS profile \"" + missing.Profile + "\" is not in your AWS config",
			Hint: "Add it (aws configure --profile " + missing.Profile + ", or aws configure sso), " +
				"or choose a profile that exists in ~/.aws/config."}
	case errors.As(err, &invalidToken) || strings.Contains(err.Error(), "SSO token"):
		return mk(CodeSSOExpired, "the IAM Identity Center (SSO) sign-in of "+prof+" has expired or is missing",
			"Sign in again: press Sign in and confirm the code in your browser, or run  aws sso login"+profileFlag(src.s.AWSProfile)+"  in a terminal, then connect.")
	case errors.Is(err, errMFARequired):
		return &apperr.Error{Code: CodeMFARequired, Err: err,
			Message: prof + " assumes a role that needs a code from your MFA device",
			Hint:    "Enter the current MFA code and connect again."}
	case errors.As(err, &procErr):
		return mk(CodeProcessFailed, "the credential_process command of "+prof+" failed",
			"Run the command from ~/.aws/config in a terminal to see why (it may need you to sign in).")
	}
	op, api := innermost(err)
	if api != nil {
		action := actionOf(op)
		switch api.ErrorCode() {
		case "AccessDenied", "AccessDeniedException", "AccessDeniedFault", "UnauthorizedOperation", "UnauthorizedException":
			return mk(CodeAccessDenied, "AWS denied "+action+" to the identity of "+prof,
				"Attach an IAM policy that allows "+action+" on this "+src.target()+" (the README lists minimal policies).")
		case "ClusterNotFound", "ClusterNotFoundFault":
			return mk(CodeClusterNotFound, "there is no cluster \""+src.s.ClusterID+"\" in "+src.s.Region+" for the account of "+prof,
				"Check the cluster identifier and region in the profile, and that the AWS profile belongs to the cluster's account.")
		case "ResourceNotFoundException":
			if src.s.Method == profile.AuthIAMServerless {
				return mk(CodeWorkgroupNotFound, "there is no Serverless workgroup \""+src.s.Workgroup+"\" in "+src.s.Region+" for the account of "+prof,
					"Check the workgroup name and region in the profile, and that the AWS profile belongs to the workgroup's account.")
			}
		case "ExpiredToken", "ExpiredTokenException", "RequestExpired":
			return mk(CodeCredentialsExpired, "the AWS credentials of "+prof+" have expired",
				"Renew them (sign in again, or refresh the session token in your AWS config) and connect again.")
		case "InvalidClientTokenId", "SignatureDoesNotMatch", "UnrecognizedClientException", "InvalidSignatureException":
			return mk(CodeCredentialsInvalid, "AWS does not accept the credentials of "+prof,
				"Check the access key and secret in your AWS credentials file, or choose another AWS profile.")
		}
		return mk(CodeAWSError, action+" failed: "+api.ErrorMessage(), "")
	}
	if strings.Contains(err.Error(), "IMDS") {
		// The default chain ended at the EC2 instance metadata service: on a
		// workstation that means no credentials were configured at all.
		return mk(CodeNoCredentials, "no AWS credentials were found for "+prof,
			"Choose an AWS profile from ~/.aws/config in the connection, or set AWS credentials for the app.")
	}
	var netErr net.Error
	var opErr *net.OpError
	var dnsErr *net.DNSError
	if errors.As(err, &opErr) || errors.As(err, &dnsErr) || errors.As(err, &netErr) {
		return mk(CodeUnreachable, "could not reach AWS to get database credentials",
			"Check the network connection (and any proxy) to AWS.")
	}
	if strings.Contains(err.Error(), "no EC2 IMDS role found") || strings.Contains(err.Error(), "failed to retrieve credentials") ||
		strings.Contains(err.Error(), "failed to refresh cached credentials") {
		return mk(CodeNoCredentials, "no AWS credentials were found for "+prof,
			"Choose an AWS profile from ~/.aws/config in the connection, or set AWS credentials for the app.")
	}
	return mk(CodeAWSError, "getting temporary database credentials from AWS failed", "")
}

// innermost finds the deepest SDK operation in err's chain (an assume-role
// inside a Redshift call is the one that failed) and its API error.
func innermost(err error) (*smithy.OperationError, smithy.APIError) {
	var op *smithy.OperationError
	for e := err; e != nil; e = errors.Unwrap(e) {
		if o, ok := e.(*smithy.OperationError); ok {
			op = o
		}
	}
	var api smithy.APIError
	if op != nil {
		errors.As(op.Err, &api)
	} else {
		errors.As(err, &api)
	}
	return op, api
}

// actionOf names the IAM action of an SDK operation, e.g. redshift:GetClusterCredentials.
func actionOf(op *smithy.OperationError) string {
	if op == nil {
		return "the AWS request"
	}
	prefix := strings.ToLower(strings.ReplaceAll(op.ServiceID, " ", "-"))
	return prefix + ":" + op.OperationName
}

func (src *Source) profileLabel() string {
	if src.s.AWSProfile == "" {
		return "the default AWS credentials"
	}
	return "AWS profile \"" + src.s.AWSProfile + "\""
}

func profileFlag(name string) string {
	if name == "" {
		return ""
	}
	return " --profile " + name
}

func (src *Source) target() string {
	if src.s.Method == profile.AuthIAMServerless {
		return "workgroup"
	}
	return "cluster"
}
