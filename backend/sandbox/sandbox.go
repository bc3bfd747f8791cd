// Package sandbox runs the "Local sandbox": a throwaway PostgreSQL seeded with a
// realistic access model, so the app is useful without any cluster.
package sandbox

import (
	"context"
	"errors"

	"github.com/redshiftmate/rsmate/backend/profile"
)

// Sandbox is a running seeded server. (Implementation in progress.)
type Sandbox struct{}

func Start(ctx context.Context) (*Sandbox, error) { return nil, errors.New("not implemented yet") }
func (s *Sandbox) Profile() profile.Profile       { return profile.Profile{} }
func (s *Sandbox) Password() string               { return "" }
func (s *Sandbox) Stop()                          {}
