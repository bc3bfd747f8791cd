package app

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/awsauth"
	"github.com/redshiftmate/rsmate/backend/profile"
	"github.com/redshiftmate/rsmate/backend/session"
)

// SessionsService is the bound service for testing, opening and closing connections.
type SessionsService struct {
	app *App

	// attempts: each Test or Connect running, by attempt id. An id the
	// frontend reuses names every attempt running under it.
	attempts cancelGroups

	mu sync.Mutex
	// signIns: IAM Identity Center sign-ins started and not yet finished, by id.
	signIns map[string]*awsauth.SSOSignIn
}

// SessionInfo is an open connection as the frontend sees it.
type SessionInfo struct {
	ID          string             `json:"id"`
	ProfileID   string             `json:"profileId"`
	ProfileName string             `json:"profileName"`
	ReadOnly    bool               `json:"readOnly"`
	Server      session.ServerInfo `json:"server"`
}

// TestRequest tests a profile as edited in the form, before it is saved.
// With UseStoredPassword the keychain's password for Profile.ID is used.
type TestRequest struct {
	Profile           profile.Profile `json:"profile"`
	Password          string          `json:"password"`
	UseStoredPassword bool            `json:"useStoredPassword"`
	AttemptID         string          `json:"attemptId"`
	// MFACode answers an aws_mfa_required error of an IAM profile whose AWS
	// profile assumes a role with mfa_serial.
	MFACode string `json:"mfaCode,omitempty"`
	// SSHSecret is the tunnel's key passphrase or password as typed; when
	// empty, the saved one is used if the tunnel goes where it was saved for.
	SSHSecret string `json:"sshSecret,omitempty"`
}

// ConnectRequest opens a saved profile. Password is used only when the
// keychain holds none (the frontend asked the user for it).
type ConnectRequest struct {
	ProfileID string `json:"profileId"`
	Password  string `json:"password"`
	AttemptID string `json:"attemptId"`
	MFACode   string `json:"mfaCode,omitempty"` // see TestRequest.MFACode
	// SSHSecret is the tunnel's key passphrase or password, asked for when
	// the keychain holds none; empty uses the saved one.
	SSHSecret string `json:"sshSecret,omitempty"`
}

// Request limits beyond the profile's own (profile.CheckLengths).
const attemptIDMaxBytes = 64

// checkRequestText refuses oversized request strings before anything uses
// them; the error names the field, never the value.
func checkRequestText(password, attemptID string) error {
	if err := profile.CheckText("password", password, profile.PasswordMaxBytes); err != nil {
		return err
	}
	return profile.CheckText("attempt id", attemptID, attemptIDMaxBytes)
}

// mfaCodeMaxBytes: AWS MFA codes are six digits; leave room, refuse essays.
const mfaCodeMaxBytes = 16

// Test connects once and reports the server, without keeping the connection.
// A stored password is sent only to the server the saved profile names: the
// frontend is not trusted to keep it from going elsewhere.
func (s *SessionsService) Test(req TestRequest) (info session.ServerInfo, err error) {
	defer guard(&err)
	if err := profile.CheckLengths(req.Profile); err != nil {
		return info, err
	}
	if err := checkRequestText(req.Password, req.AttemptID); err != nil {
		return info, err
	}
	if err := profile.CheckText("MFA code", req.MFACode, mfaCodeMaxBytes); err != nil {
		return info, err
	}
	if err := checkSSHSecret(req.SSHSecret); err != nil {
		return info, err
	}
	p := profile.Normalize(req.Profile) // the form may leave defaults empty, as Save allows
	if err := profile.Validate(p); err != nil {
		return info, err
	}
	pw := req.Password
	if p.UsesIAM() {
		pw = "" // AWS issues the password
	} else if req.UseStoredPassword && pw == "" {
		saved, err := s.savedTarget(p)
		if err != nil {
			return info, err
		}
		if pw, err = s.storedPassword(saved); err != nil {
			return info, err
		}
	}
	sshSecret := req.SSHSecret
	if sshSecret == "" && p.ID != "" {
		if saved, err := s.app.profileByID(p.ID); err == nil && !sshTargetChanged(profile.Normalize(saved), p) {
			if sshSecret, err = s.app.storedSSHSecret(saved); err != nil {
				return info, err
			}
		}
	}
	cfg := configFor(p, pw, req.MFACode)
	cfg.OpenTunnel = s.app.tunnelOpener(p, sshSecret)
	ctx, done := s.attempt(req.AttemptID, p)
	defer done()
	return session.Probe(ctx, cfg)
}

// Connect opens a session for a saved profile.
func (s *SessionsService) Connect(req ConnectRequest) (si SessionInfo, err error) {
	defer guard(&err)
	if err := profile.CheckText("connection id", req.ProfileID, profile.IDMaxBytes); err != nil {
		return si, err
	}
	if err := checkRequestText(req.Password, req.AttemptID); err != nil {
		return si, err
	}
	if err := profile.CheckText("MFA code", req.MFACode, mfaCodeMaxBytes); err != nil {
		return si, err
	}
	if err := checkSSHSecret(req.SSHSecret); err != nil {
		return si, err
	}
	p, err := s.app.profileByID(req.ProfileID)
	if err != nil {
		return si, err
	}
	pw := req.Password
	if p.UsesIAM() {
		pw = "" // AWS issues the password
	} else if pw == "" {
		if pw, err = s.storedPassword(p); err != nil {
			return si, err
		}
	}
	sshSecret := req.SSHSecret
	if sshSecret == "" {
		if sshSecret, err = s.app.storedSSHSecret(p); err != nil {
			return si, err
		}
	}
	cfg := configFor(p, pw, req.MFACode)
	cfg.OpenTunnel = s.app.tunnelOpener(p, sshSecret)
	ctx, done := s.attempt(req.AttemptID, p)
	defer done()
	sess, err := s.app.sessions.Open(ctx, cfg)
	if err != nil {
		return si, err
	}
	// Until Connect returns the session to the frontend, a failure or a panic
	// (guard turns it into an error) must not leave an open session nobody knows of.
	opened := false
	defer func() {
		if !opened {
			s.app.sessions.Close(sess.ID)
		}
	}()
	si = infoOf(sess, p)
	s.app.platform.Emit("session:opened", si)
	opened = true
	return si, nil
}

// Cancel aborts a Test or Connect still in progress.
func (s *SessionsService) Cancel(attemptID string) (err error) {
	defer guard(&err)
	s.attempts.CancelAll(attemptID)
	return nil
}

// Disconnect closes a session's pool. The session manager's close callbacks
// free what was kept for it (the catalog snapshot and index; running loads
// are cancelled through the session's context).
func (s *SessionsService) Disconnect(sessionID string) (err error) {
	defer guard(&err)
	s.app.Changes.discardSession(sessionID)
	s.app.sessions.Close(sessionID)
	s.app.platform.Emit("session:closed", sessionID)
	return nil
}

// List returns the open sessions.
func (s *SessionsService) List() (out []SessionInfo, err error) {
	defer guard(&err)
	for _, sess := range s.app.sessions.List() {
		p, _ := s.app.profileByID(sess.ProfileID)
		out = append(out, infoOf(sess, p))
	}
	return out, nil
}

func infoOf(sess *session.Session, p profile.Profile) SessionInfo {
	return SessionInfo{ID: sess.ID, ProfileID: sess.ProfileID, ProfileName: p.Name, ReadOnly: sess.ReadOnly, Server: sess.Server}
}

// hostKeyQuestionTime is how long a connect may wait for the answer to a
// first-use SSH host key question.
const hostKeyQuestionTime = 5 * time.Minute

// attempt registers a cancellable context for a connect attempt. The connect
// timeout itself is enforced by pgx; this bound only guards against a hang.
func (s *SessionsService) attempt(id string, p profile.Profile) (context.Context, func()) {
	limit := time.Duration(p.ConnectTimeoutSec)*time.Second + 10*time.Second
	if p.SSH != nil {
		// Each hop and the database have their own timeouts; a first-use host
		// key question waits for the user, who may compare fingerprints.
		limit += time.Duration(len(p.SSH.JumpHosts)+1)*time.Duration(p.ConnectTimeoutSec)*time.Second + hostKeyQuestionTime
	}
	return s.attemptWithin(id, limit)
}

// attemptWithin registers a context that Cancel(id) ends, bounded by limit.
func (s *SessionsService) attemptWithin(id string, limit time.Duration) (context.Context, func()) {
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	if id == "" {
		return ctx, cancel
	}
	return ctx, s.attempts.Add(id, cancel)
}

// savedTarget returns the saved profile (or the sandbox) whose stored password
// a Test asks for, provided the tested profile points at the same server, as
// the same user, with the same TLS checks. Otherwise the password must be
// typed: a changed host (or a weakened TLS mode) could hand it to another server.
func (s *SessionsService) savedTarget(tested profile.Profile) (profile.Profile, error) {
	if tested.ID == "" {
		return profile.Profile{}, &apperr.Error{Code: "password_required",
			Message: "this connection is not saved yet, so it has no saved password",
			Hint:    "Type the password to test the connection."}
	}
	saved, err := s.app.profileByID(tested.ID)
	if err != nil {
		return profile.Profile{}, err
	}
	if changed := connectionChanges(profile.Normalize(saved), tested); len(changed) > 0 {
		return profile.Profile{}, &apperr.Error{Code: "password_required",
			Message: "the saved password is sent only to the saved server; this test changes the " + strings.Join(changed, ", "),
			Hint:    "Type the password to test the changed settings, or undo the changes."}
	}
	return saved, nil
}

// connectionChanges names the fields that decide where a password goes and
// how the server is checked, where b differs from a. Values are not named.
func connectionChanges(a, b profile.Profile) []string {
	var out []string
	add := func(differs bool, name string) {
		if differs {
			out = append(out, name)
		}
	}
	add(!strings.EqualFold(a.Host, b.Host), "host")
	add(a.Port != b.Port, "port")
	add(a.User != b.User, "user")
	add(a.Database != b.Database, "database")
	add(a.SSLMode != b.SSLMode, "SSL mode")
	add(a.CAFile != b.CAFile, "CA file")
	return out
}

// storedPassword reads the saved password of a profile that came from the
// store or the sandbox (never one the frontend sent), and keeps the store's
// "password saved" flag in step with what the keychain answered.
func (s *SessionsService) storedPassword(p profile.Profile) (string, error) {
	if p.Sandbox {
		return s.app.sandboxPassword(p.ID), nil
	}
	if s.app.secrets == nil || s.app.secrets.Available() != nil {
		return "", &apperr.Error{Code: "password_required", Message: "a password is needed to connect",
			Hint: "No OS keychain is available, so enter the password each time you connect."}
	}
	pw, err := s.app.secrets.Get(p.ID)
	if errors.Is(err, profile.ErrNoSecret) {
		s.notePasswordSaved(p.ID, false)
		return "", &apperr.Error{Code: "password_required", Message: "no password is saved for \"" + p.Name + "\"",
			Hint: "Enter the password to connect, or save it in Edit connection."}
	}
	if err != nil {
		return "", keychainError(err)
	}
	s.notePasswordSaved(p.ID, true)
	return pw, nil
}

// configFor builds a session config. An IAM profile gets a credentials source
// of its own, so each session caches and renews its temporary password.
func configFor(p profile.Profile, password, mfaCode string) session.Config {
	c := session.Config{
		Host: p.Host, Port: p.Port, Database: p.Database, User: p.User, Password: password,
		SSLMode: string(p.SSLMode), CAFile: p.CAFile, ConnectTimeout: time.Duration(p.ConnectTimeoutSec) * time.Second,
		ReadOnly: p.ReadOnly, ProfileID: p.ID,
		// Only the app's own sandbox can be an emulated Redshift: the store
		// and imports clear Sandbox.
		EmulateRedshift: p.Sandbox && p.Engine == profile.EngineRedshift,
	}
	if p.UsesIAM() {
		src := awsauth.New(awsauth.FromProfile(p), awsauth.Options{})
		if mfaCode != "" {
			src.SetMFACode(mfaCode)
		}
		c.Password, c.Credentials = "", src
	}
	return c
}

// notePasswordSaved keeps the store's "password saved" flag in step with what
// the keychain answered; the flag is a display hint, so a failed write is not
// the connect's error.
func (s *SessionsService) notePasswordSaved(id string, saved bool) {
	if st, err := s.app.store(); err == nil {
		_ = st.SetPasswordSaved(id, saved)
	}
}

// AWSSignIn is an IAM Identity Center sign-in waiting for the user to confirm
// UserCode on the page opened in the browser (URL, shown in case the browser
// did not open).
type AWSSignIn struct {
	ID       string `json:"id"`
	UserCode string `json:"userCode"`
	URL      string `json:"url"`
}

// StartAWSSignIn starts signing in to IAM Identity Center for an AWS profile
// (as aws sso login does) and opens the confirmation page in the browser.
// FinishAWSSignIn then waits for the confirmation.
func (s *SessionsService) StartAWSSignIn(awsProfile string) (out AWSSignIn, err error) {
	defer guard(&err)
	if err := profile.CheckText("AWS profile", awsProfile, profile.AWSNameMaxBytes); err != nil {
		return out, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	in, err := awsauth.StartSSOSignIn(ctx, awsProfile, awsauth.Options{})
	if err != nil {
		return out, err
	}
	out = AWSSignIn{ID: newSignInID(), UserCode: in.UserCode, URL: in.VerificationURL}
	s.mu.Lock()
	if s.signIns == nil {
		s.signIns = map[string]*awsauth.SSOSignIn{}
	}
	s.signIns[out.ID] = in
	s.mu.Unlock()
	if err := s.app.platform.OpenURL(in.VerificationURL); err != nil {
		return out, err
	}
	return out, nil
}

// FinishAWSSignIn waits until the user confirms the code (Cancel(id) stops
// waiting) and caches the token where the AWS CLI and SDK read it.
func (s *SessionsService) FinishAWSSignIn(id string) (err error) {
	defer guard(&err)
	if err := profile.CheckText("sign-in id", id, attemptIDMaxBytes); err != nil {
		return err
	}
	s.mu.Lock()
	in := s.signIns[id]
	delete(s.signIns, id)
	s.mu.Unlock()
	if in == nil {
		return apperr.New("not_found", "this sign-in is over", "Start the sign-in again.")
	}
	ctx, done := s.attemptWithin(id, time.Until(in.ExpiresAt)+10*time.Second)
	defer done()
	if err := in.Wait(ctx); err != nil {
		if errors.Is(err, context.Canceled) {
			return apperr.New("canceled", "the sign-in was cancelled", "")
		}
		return err
	}
	return nil
}

func newSignInID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return "sso-" + hex.EncodeToString(b)
}
