package synthetic

import (
	"context"
	"fmt"
	"time"
)

// extraUsersSQL adds login users bench_x000001… until the cluster has $1 users
// named bench_*, each a member of one of the 50 groups (so memberships grow
// with them). Fixed text: the count comes in as a session setting.
const extraUsersSQL = `DO $$
DECLARE
  want int := current_setting('rsmate.bench_users')::int;
  have int;
BEGIN
  SELECT count(*) INTO have FROM pg_roles WHERE rolname LIKE 'bench\_u%' OR rolname LIKE 'bench\_x%';
  FOR i IN 1..(want - have) LOOP
    EXECUTE format('CREATE ROLE %I LOGIN IN ROLE %I', format('bench_x%s', lpad(i::text, 6, '0')),
      format('bench_grp_%s', lpad((i % 50 + 1)::text, 2, '0')));
  END LOOP;
END $$`

// AddUsers grows the catalog Build made to total login users (the UI timing
// runs at 100,000). The extra users have no object grants of their own.
func AddUsers(ctx context.Context, dsn string, total int, logf func(format string, args ...any)) error {
	start := time.Now()
	if err := execAll(ctx, dsn, fmt.Sprintf("SET rsmate.bench_users = %d", total), extraUsersSQL); err != nil {
		return err
	}
	logf("synthetic catalog: %d users after %v", total, time.Since(start).Round(time.Second))
	return nil
}
