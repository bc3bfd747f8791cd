package session

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"regexp"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/redshiftmate/rsmate/backend/apperr"
)

// Engine detected from the server's version() string.
type Engine string

const (
	Redshift Engine = "redshift"
	Postgres Engine = "postgres"
)

// ServerInfo describes the server a session talks to.
type ServerInfo struct {
	Engine      Engine `json:"engine" ts_type:"'redshift' | 'postgres'"`
	Version     string `json:"version"`     // short, e.g. "PostgreSQL 15.18" or "Redshift 1.0.77467"
	FullVersion string `json:"fullVersion"` // the whole version() text
	User        string `json:"user"`
	Database    string `json:"database"`
	Host        string `json:"host"`
	Port        int    `json:"port"`
	Superuser   bool   `json:"superuser"`
	// Emulated: PostgreSQL dressed as Redshift (Config.EmulateRedshift). The
	// Redshift reader and renderers serve it, but its SQL would not run there.
	Emulated bool `json:"emulated,omitempty"`
}

// Session is one open pool. A database switch replaces the Session (same ID,
// new pool); the old one is ended like a closed one.
type Session struct {
	ID        string
	ProfileID string
	ReadOnly  bool
	Server    ServerInfo
	Pool      *pgxpool.Pool
	cfg       Config
	tunnel    Tunnel // nil without SSH; shared by the pools of a database switch

	// ctx ends when this Session is closed or replaced by a database switch:
	// work on its pool derives from it, so it stops with the session.
	ctx    context.Context
	cancel context.CancelFunc
}

// Context ends when the session is closed or switched to another database.
func (s *Session) Context() context.Context { return s.ctx }

// end cancels the session's work and closes its pool. The tunnel outlives
// a database switch, so it is closed separately (closeTunnel).
func (s *Session) end() {
	s.cancel()
	s.Pool.Close()
}

func (s *Session) closeTunnel() {
	if s.tunnel != nil {
		_ = s.tunnel.Close()
	}
}

// Manager owns every open session.
type Manager struct {
	mu       sync.Mutex
	sessions map[string]*Session
	onClose  []func(id string)
}

func NewManager() *Manager { return &Manager{sessions: map[string]*Session{}} }

// OnClose registers fn to run after a session is closed (Close, CloseAll),
// e.g. to free what other parts keep per session. fn runs outside the
// manager's lock, once per closed session; it must not block for long.
func (m *Manager) OnClose(fn func(id string)) {
	m.mu.Lock()
	m.onClose = append(m.onClose, fn)
	m.mu.Unlock()
}

func (m *Manager) closed(id string) {
	m.mu.Lock()
	fns := append([]func(string){}, m.onClose...)
	m.mu.Unlock()
	for _, fn := range fns {
		fn(id)
	}
}

func newSession(id string, cfg Config, info ServerInfo, pool *pgxpool.Pool, tunnel Tunnel) *Session {
	ctx, cancel := context.WithCancel(context.Background())
	return &Session{ID: id, ProfileID: cfg.ProfileID, ReadOnly: cfg.ReadOnly, Server: info, Pool: pool, cfg: cfg,
		tunnel: tunnel, ctx: ctx, cancel: cancel}
}

// Probe connects once, identifies the server and disconnects ("Test connection").
func Probe(ctx context.Context, cfg Config) (ServerInfo, error) {
	tunnel, err := openTunnel(ctx, cfg)
	if err != nil {
		return ServerInfo{}, err
	}
	if tunnel != nil {
		defer tunnel.Close()
	}
	pool, info, err := open(ctx, cfg, tunnel)
	if err != nil {
		return ServerInfo{}, err
	}
	pool.Close()
	return info, nil
}

// openTunnel opens the config's SSH tunnel, if it has one.
func openTunnel(ctx context.Context, cfg Config) (Tunnel, error) {
	if cfg.OpenTunnel == nil {
		return nil, nil
	}
	t, err := cfg.OpenTunnel(ctx)
	if err != nil {
		return nil, Classify(err, cfg)
	}
	return t, nil
}

// Open connects and registers a new session. ctx bounds (and cancels) the connect only.
func (m *Manager) Open(ctx context.Context, cfg Config) (*Session, error) {
	tunnel, err := openTunnel(ctx, cfg)
	if err != nil {
		return nil, err
	}
	pool, info, err := open(ctx, cfg, tunnel)
	if err != nil {
		if tunnel != nil {
			tunnel.Close()
		}
		return nil, err
	}
	s := newSession(newID(), cfg, info, pool, tunnel)
	m.mu.Lock()
	m.sessions[s.ID] = s
	m.mu.Unlock()
	return s, nil
}

// Get returns an open session.
func (m *Manager) Get(id string) (*Session, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.sessions[id]
	if !ok {
		return nil, &apperr.Error{Code: "not_connected", Message: "this connection is closed",
			Hint: "Connect again from the sidebar."}
	}
	return s, nil
}

// List returns the open sessions.
func (m *Manager) List() []*Session {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]*Session, 0, len(m.sessions))
	for _, s := range m.sessions {
		out = append(out, s)
	}
	return out
}

// Close closes one session's pool. Closing an unknown id is not an error.
func (m *Manager) Close(id string) {
	m.mu.Lock()
	s := m.sessions[id]
	delete(m.sessions, id)
	m.mu.Unlock()
	if s != nil {
		s.end()
		s.closeTunnel()
		m.closed(id)
	}
}

// CloseAll closes every session (app shutdown).
func (m *Manager) CloseAll() {
	m.mu.Lock()
	all := m.sessions
	m.sessions = map[string]*Session{}
	m.mu.Unlock()
	for id, s := range all {
		s.end()
		s.closeTunnel()
		m.closed(id)
	}
}

func open(ctx context.Context, cfg Config, tunnel Tunnel) (*pgxpool.Pool, ServerInfo, error) {
	pc, err := cfg.poolConfig(tunnel)
	if err != nil {
		return nil, ServerInfo{}, err
	}
	pool, err := pgxpool.NewWithConfig(ctx, pc)
	if err != nil {
		return nil, ServerInfo{}, Classify(err, cfg)
	}
	var version, user, db string
	var super bool
	err = pool.AcquireFunc(ctx, func(c *pgxpool.Conn) error {
		// is_superuser comes as a ParameterStatus on both engines; Redshift
		// restricts current_setting() for non-superusers.
		super = c.Conn().PgConn().ParameterStatus("is_superuser") == "on"
		return c.QueryRow(ctx, "SELECT version(), current_user::text, current_database()::text").Scan(&version, &user, &db)
	})
	if err != nil {
		pool.Close()
		return nil, ServerInfo{}, Classify(err, cfg)
	}
	info := ServerInfo{FullVersion: version, User: user, Database: db, Host: cfg.Host, Port: cfg.Port, Superuser: super}
	info.Engine, info.Version = DetectEngine(version)
	if cfg.EmulateRedshift {
		if info.Engine != Postgres {
			pool.Close()
			return nil, ServerInfo{}, apperr.Invalid("an emulated Redshift runs on PostgreSQL, but this server is %s", info.Version)
		}
		info.Engine, info.Emulated, info.Version = Redshift, true, "Emulated Redshift on "+info.Version
	}
	return pool, info, nil
}

var (
	redshiftVersion = regexp.MustCompile(`Redshift\s+([0-9][0-9.]*)`)
	postgresVersion = regexp.MustCompile(`^PostgreSQL\s+([0-9][0-9.a-zA-Z]*)`)
)

// DetectEngine tells Redshift from PostgreSQL by the version() text. Redshift
// answers "PostgreSQL 8.0.2 on i686-pc-linux-gnu, … Redshift 1.0.12345".
func DetectEngine(version string) (Engine, string) {
	if m := redshiftVersion.FindStringSubmatch(version); m != nil {
		return Redshift, "Redshift " + m[1]
	}
	if m := postgresVersion.FindStringSubmatch(version); m != nil {
		return Postgres, "PostgreSQL " + m[1]
	}
	if strings.Contains(strings.ToLower(version), "redshift") {
		return Redshift, "Redshift"
	}
	return Postgres, strings.TrimSpace(strings.SplitN(version, " on ", 2)[0])
}

func newID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// SwitchDatabase reconnects a session to another database of the same server
// (privileges are per database). The session keeps its id; the old pool is
// closed only after the new one works. A session closed (or switched by
// another call) while the new pool was opening stays as the other call left
// it: the new pool is closed and the switch fails with not_connected.
func (m *Manager) SwitchDatabase(ctx context.Context, id, database string) (*Session, error) {
	old, err := m.Get(id)
	if err != nil {
		return nil, err
	}
	cfg := old.cfg
	cfg.Database = database
	// The new pool goes through the session's tunnel; a session closed
	// meanwhile has closed it, and the switch fails below.
	pool, info, err := open(ctx, cfg, old.tunnel)
	if err != nil {
		return nil, err
	}
	if h := testHookSwitchOpened; h != nil {
		h(pool)
	}
	s := newSession(id, cfg, info, pool, old.tunnel)
	m.mu.Lock()
	if m.sessions[id] != old {
		m.mu.Unlock()
		s.end()
		return nil, &apperr.Error{Code: "not_connected", Message: "this connection was closed or changed while switching database",
			Hint: "Connect again from the sidebar."}
	}
	m.sessions[id] = s
	m.mu.Unlock()
	old.end()
	return s, nil
}

// testHookSwitchOpened runs when SwitchDatabase has opened the new pool and
// not yet installed it (tests close the session there).
var testHookSwitchOpened func(*pgxpool.Pool)
