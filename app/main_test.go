package app

import (
	"testing"

	"github.com/redshiftmate/rsmate/backend/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }
