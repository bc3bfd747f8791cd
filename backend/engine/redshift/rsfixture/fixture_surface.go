package rsfixture

import (
	_ "embed"
	"testing"
)

// The grant surface beyond objects (fixture_surface.sql): ASSUMEROLE,
// datashares and ML models, recorded in side tables since PostgreSQL has none.

//go:embed fixture_surface.sql
var surfaceScript string

// GrantAssumeRole stands for GRANT ASSUMEROLE ON '<arn>' TO <identity> FOR
// <command> (one svv_iam_privileges row; identity "public" for PUBLIC).
// arn is stored as given: "default-aws-iam-role" is how the view prints default.
func GrantAssumeRole(tb testing.TB, dsn, arn, command, identity string) {
	tb.Helper()
	exec(tb, dsn, `INSERT INTO rsfixture.iam_privileges (iam_arn, command_type, identity_name) VALUES ($1, $2, $3)
ON CONFLICT DO NOTHING`, arn, command, identity)
}

// Datashare is one svv_datashares row.
type Datashare struct {
	Name, Owner, SourceDatabase, ConsumerDatabase string
	Inbound, PublicAccessible                     bool
	ProducerAccount, ProducerNamespace            string
}

// CreateDatashare records a datashare of the cluster.
func CreateDatashare(tb testing.TB, dsn string, d Datashare) {
	tb.Helper()
	typ := "OUTBOUND"
	if d.Inbound {
		typ = "INBOUND"
	}
	exec(tb, dsn, `INSERT INTO rsfixture.datashares (share_name, owner_name, source_database, consumer_database, share_type,
  is_publicaccessible, producer_account, producer_namespace)
VALUES ($1, NULLIF($2, ''), NULLIF($3, ''), NULLIF($4, ''), $5, $6, NULLIF($7, ''), NULLIF($8, ''))`,
		d.Name, d.Owner, d.SourceDatabase, d.ConsumerDatabase, typ, d.PublicAccessible, d.ProducerAccount, d.ProducerNamespace)
}

// AddDatashareConsumer stands for GRANT USAGE ON DATASHARE d TO ACCOUNT / NAMESPACE.
func AddDatashareConsumer(tb testing.TB, dsn, share, account, namespace string) {
	tb.Helper()
	exec(tb, dsn, `INSERT INTO rsfixture.datashare_consumers (share_name, consumer_account, consumer_namespace)
VALUES ($1, NULLIF($2, ''), NULLIF($3, ''))`, share, account, namespace)
}

// GrantDatashare stands for GRANT ALTER | SHARE ON DATASHARE d TO identity.
func GrantDatashare(tb testing.TB, dsn, share, privilege, identity string, admin bool) {
	tb.Helper()
	exec(tb, dsn, `INSERT INTO rsfixture.datashare_privileges (datashare_name, privilege_type, identity_name, admin_option)
VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, share, privilege, identity, admin)
}

// CreateModel records an ML model of the connected database owned by owner.
func CreateModel(tb testing.TB, dsn, schema, name, owner, state string) {
	tb.Helper()
	exec(tb, dsn, `INSERT INTO rsfixture.ml_models (schema_name, model_name, user_name, model_state)
VALUES ($1, $2, $3, COALESCE(NULLIF($4, ''), 'Model is Ready'))`, schema, name, owner, state)
}

// GrantModel stands for GRANT EXECUTE ON MODEL schema.name TO identity.
func GrantModel(tb testing.TB, dsn, schema, name, identity string, admin bool) {
	tb.Helper()
	exec(tb, dsn, `INSERT INTO rsfixture.ml_model_privileges (namespace_name, model_name, identity_name, admin_option)
VALUES ($1, $2, $3, $4)`, schema, name, identity, admin)
}
