package app

import (
	"errors"
	"os"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/profile"
)

// ProfilesService is the bound service for saved connection profiles.
type ProfilesService struct{ app *App }

// ProfileView is a profile as the frontend sees it: never a password, only
// whether the keychain holds one.
type ProfileView struct {
	profile.Profile
	HasPassword bool `json:"hasPassword"`
	// PasswordForgotten: this save changed where the password would go (host,
	// port, user, database, SSL mode or CA file) without a new password, so
	// the saved one was removed rather than sent to the new target.
	PasswordForgotten bool `json:"passwordForgotten,omitempty"`
}

// SaveProfileRequest creates (empty ID) or updates a profile. The password is
// written to the keychain only when SetPassword is true; an empty password with
// SetPassword removes the stored one.
type SaveProfileRequest struct {
	Profile     profile.Profile `json:"profile"`
	Password    string          `json:"password"`
	SetPassword bool            `json:"setPassword"`
	// SSHSecret is the tunnel's key passphrase or password, written to the
	// keychain only when SetSSHSecret is true (empty removes the saved one).
	SSHSecret    string `json:"sshSecret,omitempty"`
	SetSSHSecret bool   `json:"setSshSecret,omitempty"`
}

// KeychainStatus tells the frontend, once, whether passwords can be saved.
type KeychainStatus struct {
	Available bool   `json:"available"`
	Message   string `json:"message"`
	// StoreWarning reports a damaged profile file that was set aside.
	StoreWarning string `json:"storeWarning"`
}

// List returns every profile in the user's order, the sandbox first.
func (s *ProfilesService) List() (out []ProfileView, err error) {
	defer guard(&err)
	st, err := s.app.store()
	if err != nil {
		return nil, err
	}
	for _, sb := range s.app.sandboxes() {
		out = append(out, ProfileView{Profile: sb.Profile(), HasPassword: true})
	}
	for _, p := range st.List() {
		out = append(out, s.view(p))
	}
	return out, nil
}

// view reports a saved password from the store's flag: listing profiles never
// reads a secret from the keychain (a read may prompt, and is a secret access
// the list does not need).
func (s *ProfilesService) view(p profile.Profile) ProfileView {
	has := p.PasswordSaved && s.app.secrets != nil && s.app.secrets.Available() == nil
	return ProfileView{Profile: p, HasPassword: has}
}

// Save validates and stores a profile, and its password in the keychain.
func (s *ProfilesService) Save(req SaveProfileRequest) (v ProfileView, err error) {
	defer guard(&err)
	if req.Profile.Sandbox {
		return v, apperr.Invalid("the Local sandbox profile cannot be edited; duplicate it instead")
	}
	st, err := s.app.store()
	if err != nil {
		return v, err
	}
	if err := profile.Validate(req.Profile); err != nil {
		return v, err
	}
	if err := profile.CheckText("password", req.Password, profile.PasswordMaxBytes); err != nil {
		return v, err
	}
	if err := checkSSHSecret(req.SSHSecret); err != nil {
		return v, err
	}
	if req.SetPassword && req.Password != "" {
		if err := s.app.secrets.Available(); err != nil {
			return v, keychainError(err)
		}
	}
	// A saved password goes only to the server it was saved for: a save that
	// points the profile elsewhere without a new password forgets it, so a
	// later Connect cannot send it to the new target.
	// (Profiles saved by older versions may lack the PasswordSaved flag, so
	// the keychain entry is removed whatever the flag says.)
	retarget, forgotten := false, false
	var prevProfile *profile.Profile
	if req.Profile.ID != "" {
		if prev, err := st.Get(req.Profile.ID); err == nil {
			prevProfile = &prev
			if !(req.SetPassword && req.Password != "") {
				retarget = len(connectionChanges(profile.Normalize(prev), profile.Normalize(req.Profile))) > 0
				forgotten = retarget && prev.PasswordSaved
			}
		}
	}
	saved, err := st.Save(req.Profile)
	if err != nil {
		return v, err
	}
	if retarget && s.app.secrets.Available() == nil {
		switch err := s.app.secrets.Delete(saved.ID); {
		case err == nil:
			forgotten = true
		case !errors.Is(err, profile.ErrNoSecret):
			return v, keychainError(err)
		}
	}
	if forgotten {
		if err := st.SetPasswordSaved(saved.ID, false); err != nil {
			return v, err
		}
		saved.PasswordSaved = false
	}
	if req.SetPassword {
		if req.Password == "" {
			if err := s.app.secrets.Delete(saved.ID); err != nil && !errors.Is(err, profile.ErrNoSecret) {
				return v, keychainError(err)
			}
		} else if err := s.app.secrets.Set(saved.ID, req.Password); err != nil {
			return v, keychainError(err)
		}
		if err := st.SetPasswordSaved(saved.ID, req.Password != ""); err != nil {
			return v, err
		}
		saved.PasswordSaved = req.Password != ""
	}
	if err := s.app.saveSSHSecret(prevProfile, saved, req.SSHSecret, req.SetSSHSecret); err != nil {
		return v, err
	}
	v = s.view(saved)
	v.PasswordForgotten = forgotten
	return v, nil
}

// Delete removes a profile and its keychain entry after a native confirmation.
// It returns false when the user said no.
func (s *ProfilesService) Delete(id string) (deleted bool, err error) {
	defer guard(&err)
	st, err := s.app.store()
	if err != nil {
		return false, err
	}
	p, err := st.Get(id)
	if err != nil {
		return false, err
	}
	if yes, err := s.app.platform.Confirm("Delete connection", "Delete the connection \""+p.Name+"\" and its saved password?"); err != nil || !yes {
		return false, err
	}
	if err := st.Delete(id); err != nil {
		return false, err
	}
	if sec := s.app.secrets; sec != nil && sec.Available() == nil {
		if err := sec.Delete(id); err != nil && !errors.Is(err, profile.ErrNoSecret) {
			return true, keychainError(err)
		}
		if err := s.app.forgetSSHSecrets(id); err != nil {
			return true, err
		}
	}
	return true, nil
}

// Duplicate copies a profile (not its password) under a new name.
func (s *ProfilesService) Duplicate(id string) (v ProfileView, err error) {
	defer guard(&err)
	if em := s.app.emulated.Load(); em != nil && em.Profile().ID == id {
		return v, apperr.Invalid("the emulated Redshift is PostgreSQL dressed as Redshift, so it cannot be saved as a connection")
	}
	if sb := s.app.sandboxProfile(); sb != nil && sb.ID == id {
		copyOf := *sb
		copyOf.ID, copyOf.Sandbox, copyOf.Name = "", false, sb.Name+" (copy)"
		st, err := s.app.store()
		if err != nil {
			return v, err
		}
		saved, err := st.Save(copyOf)
		if err != nil {
			return v, err
		}
		return s.view(saved), nil
	}
	st, err := s.app.store()
	if err != nil {
		return v, err
	}
	p, err := st.Duplicate(id)
	if err != nil {
		return v, err
	}
	return s.view(p), nil
}

// Reorder stores the sidebar order.
func (s *ProfilesService) Reorder(ids []string) (err error) {
	defer guard(&err)
	st, err := s.app.store()
	if err != nil {
		return err
	}
	return st.Reorder(ids)
}

// ParseURL fills a profile from a pasted URL or Redshift endpoint.
func (s *ProfilesService) ParseURL(text string) (p profile.Profile, err error) {
	defer guard(&err)
	return profile.ParseURL(text)
}

// PickCAFile asks for a CA bundle with the native open dialog; "" if cancelled.
func (s *ProfilesService) PickCAFile() (path string, err error) {
	defer guard(&err)
	return s.app.platform.OpenFile("Choose a CA certificate bundle",
		FileFilter{"Certificates", []string{"pem", "crt", "cer"}}, FileFilter{"All files", []string{"*"}})
}

// PickSSHKeyFile asks for an SSH private key with the native open dialog; "" if cancelled.
func (s *ProfilesService) PickSSHKeyFile() (path string, err error) {
	defer guard(&err)
	return s.app.platform.OpenFile("Choose an SSH private key", FileFilter{"All files", []string{"*"}})
}

// Export writes every profile (without secrets) to a file chosen in a native
// save dialog. It returns the path, or "" if cancelled.
func (s *ProfilesService) Export() (path string, err error) {
	defer guard(&err)
	st, err := s.app.store()
	if err != nil {
		return "", err
	}
	if len(st.List()) == 0 {
		return "", &apperr.Error{Code: "nothing_to_export", Message: "there are no saved connections to export",
			Hint: "The Local sandbox is not a saved connection. Save a connection first."}
	}
	path, err = s.app.platform.SaveFile("Export connections", "redshift-mate-connections.json",
		FileFilter{"JSON", []string{"json"}})
	if err != nil || path == "" {
		return "", err
	}
	data, err := st.Export()
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return "", &apperr.Error{Code: "write_failed", Message: "cannot write " + path, Detail: err.Error(), Err: err}
	}
	return path, nil
}

// Import merges profiles from a file chosen in a native open dialog, by name.
func (s *ProfilesService) Import() (res profile.ImportResult, err error) {
	defer guard(&err)
	st, err := s.app.store()
	if err != nil {
		return res, err
	}
	path, err := s.app.platform.OpenFile("Import connections", FileFilter{"JSON", []string{"json"}})
	if err != nil || path == "" {
		return res, err
	}
	data, err := profile.ReadImportFile(path)
	if err != nil {
		return res, err
	}
	return st.Import(data)
}

// Keychain reports whether the OS keychain can hold passwords.
func (s *ProfilesService) Keychain() (ks KeychainStatus, err error) {
	defer guard(&err)
	if st, e := s.app.store(); e == nil {
		ks.StoreWarning = st.Warning()
	}
	if s.app.secrets == nil {
		return ks, nil
	}
	if e := s.app.secrets.Available(); e != nil {
		ks.Message = "No OS keychain is available, so passwords are not saved: you will be asked for the password when you connect."
		return ks, nil
	}
	ks.Available = true
	return ks, nil
}

func keychainError(err error) error {
	if errors.Is(err, profile.ErrKeychainUnavailable) {
		return &apperr.Error{Code: "keychain_unavailable", Message: "no OS keychain is available to store the password",
			Detail: err.Error(), Hint: "The password will be asked for at connect time instead.", Err: err}
	}
	return &apperr.Error{Code: "keychain_error", Message: "the OS keychain refused the request", Detail: err.Error(), Err: err}
}
