// Package profile stores connection profiles (metadata only, as versioned JSON
// in the user's config directory) and their passwords (only in the OS keychain).
package profile

// Engine names the kind of server a profile points at.
type Engine string

const (
	EngineRedshift Engine = "redshift"
	EnginePostgres Engine = "postgres"
)

// SSLMode is a profile's TLS mode (libpq names). "prefer" is deliberately
// absent: it silently falls back to plaintext.
type SSLMode string

const (
	SSLDisable    SSLMode = "disable"
	SSLRequire    SSLMode = "require"
	SSLVerifyCA   SSLMode = "verify-ca"
	SSLVerifyFull SSLMode = "verify-full"
)

// Profile is one saved connection. It never holds a password.
type Profile struct {
	ID                string  `json:"id"`
	Name              string  `json:"name"`
	Engine            Engine  `json:"engine" ts_type:"'redshift' | 'postgres'"`
	Host              string  `json:"host"`
	Port              int     `json:"port"`
	Database          string  `json:"database"`
	User              string  `json:"user"`
	SSLMode           SSLMode `json:"sslMode" ts_type:"'disable' | 'require' | 'verify-ca' | 'verify-full'"`
	CAFile            string  `json:"caFile,omitempty"`
	ConnectTimeoutSec int     `json:"connectTimeoutSec"`
	ReadOnly          bool    `json:"readOnly"`
	Color             string  `json:"color,omitempty"`
	// Auth is nil for password profiles; see AuthSettings.
	Auth *AuthSettings `json:"auth,omitempty"`
	// SSH, when set, reaches the server through an SSH tunnel.
	SSH *SSHTunnel `json:"ssh,omitempty"`
	// PasswordSaved records that the keychain holds this profile's password,
	// so listing profiles never reads secrets. Only the store sets it
	// (SetPasswordSaved); a value sent by the frontend is ignored.
	PasswordSaved bool `json:"passwordSaved,omitempty"`
	// Sandbox marks the ephemeral "Local sandbox" profile of `make run`;
	// it is never written to disk.
	Sandbox bool `json:"sandbox,omitempty"`
}

// DefaultPort is the conventional port of an engine.
func DefaultPort(e Engine) int {
	if e == EngineRedshift {
		return 5439
	}
	return 5432
}
