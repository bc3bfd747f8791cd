package app

import (
	"github.com/redshiftmate/rsmate/backend/engine"
	"github.com/redshiftmate/rsmate/backend/engine/postgres"
	"github.com/redshiftmate/rsmate/backend/engine/redshift"
	"github.com/redshiftmate/rsmate/backend/session"
)

// engineFor picks the engine implementation for a detected server.
func engineFor(e session.Engine) engine.Engine {
	if e == session.Redshift {
		return redshift.New()
	}
	return postgres.New()
}
