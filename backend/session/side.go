package session

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

// OpenDatabase opens a separate pool on another database of a session's
// server, with the session's credentials and through its tunnel, for work
// that spans databases (offboarding). The caller closes the pool; the
// session is not changed.
func (m *Manager) OpenDatabase(ctx context.Context, id, database string) (*pgxpool.Pool, error) {
	s, err := m.Get(id)
	if err != nil {
		return nil, err
	}
	cfg := s.cfg
	cfg.Database = database
	pool, _, err := open(ctx, cfg, s.tunnel)
	return pool, err
}
