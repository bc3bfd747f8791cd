package redshift

import (
	"cmp"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/redshiftmate/rsmate/backend/model"
)

// Rows of the grant surface beyond objects: ASSUMEROLE, datashares, models.

type iamPrivRow struct {
	arn, command string
	identity     identityRow
}

type datashareRow struct {
	name                                   string
	ownerID                                int64
	typ, source, consumer                  string
	public                                 bool
	producerAccount, producerNS, managedBy string
}

type consumerRow struct{ share, account, namespace, sharedAt string }

type modelRow struct{ database, schema, name, owner, state string }

type surfaceRows struct {
	iam        []iamPrivRow
	datashares []datashareRow
	consumers  []consumerRow
	sharePrivs []privRow
	models     []modelRow
	modelPrivs []privRow
}

// surfaceSteps read the surface after the core steps. They are optional: a
// cluster that refuses one of these views (an older release, a missing
// permission) still loads, with a warning naming what is missing.
var surfaceSteps = []step{
	{name: "IAM role privileges", sql: fixed(sqlIAMPrivileges), row: func(raw *rawCatalog, r pgx.Rows) error {
		var x iamPrivRow
		err := r.Scan(&x.arn, &x.command, &x.identity.id, &x.identity.name, &x.identity.typ)
		raw.surface.iam = append(raw.surface.iam, x)
		return err
	}, optional: "ASSUMEROLE privileges could not be read (svv_iam_privileges)", reset: func(raw *rawCatalog) { raw.surface.iam = nil }},
	{name: "datashares", sql: fixed(sqlDatashares), row: func(raw *rawCatalog, r pgx.Rows) error {
		var x datashareRow
		err := r.Scan(&x.name, &x.ownerID, &x.typ, &x.source, &x.consumer, &x.public, &x.producerAccount, &x.producerNS, &x.managedBy)
		raw.surface.datashares = append(raw.surface.datashares, x)
		return err
	}, optional: "Datashares could not be read (svv_datashares)", reset: func(raw *rawCatalog) { raw.surface.datashares = nil }},
	{name: "datashare consumers", sql: fixed(sqlDatashareConsumers), row: func(raw *rawCatalog, r pgx.Rows) error {
		var x consumerRow
		err := r.Scan(&x.share, &x.account, &x.namespace, &x.sharedAt)
		raw.surface.consumers = append(raw.surface.consumers, x)
		return err
	}, optional: "Datashare consumers could not be read (svv_datashare_consumers)", reset: func(raw *rawCatalog) { raw.surface.consumers = nil }},
	{name: "datashare privileges", sql: fixed(sqlDatasharePrivileges), row: func(raw *rawCatalog, r pgx.Rows) error {
		var p privRow
		err := r.Scan(&p.object, &p.privilege, &p.identity.id, &p.identity.name, &p.identity.typ, &p.admin)
		raw.surface.sharePrivs = append(raw.surface.sharePrivs, p)
		return err
	}, optional: "Datashare privileges could not be read (svv_datashare_privileges)", reset: func(raw *rawCatalog) { raw.surface.sharePrivs = nil }},
	{name: "ML models", sql: fixed(sqlModels), row: func(raw *rawCatalog, r pgx.Rows) error {
		var x modelRow
		err := r.Scan(&x.database, &x.schema, &x.name, &x.owner, &x.state)
		raw.surface.models = append(raw.surface.models, x)
		return err
	}, optional: "ML models could not be read (svv_ml_model_info)", reset: func(raw *rawCatalog) { raw.surface.models = nil }},
	{name: "ML model privileges", sql: fixed(sqlModelPrivileges), row: func(raw *rawCatalog, r pgx.Rows) error {
		var p privRow
		err := r.Scan(&p.object, &p.name, &p.privilege, &p.identity.id, &p.identity.name, &p.identity.typ, &p.admin)
		raw.surface.modelPrivs = append(raw.surface.modelPrivs, p)
		return err
	}, optional: "ML model privileges could not be read (svv_ml_model_privileges)", reset: func(raw *rawCatalog) { raw.surface.modelPrivs = nil }},
}

// IAMRole maps svv_iam_privileges.iam_arn to the ON form of GRANT ASSUMEROLE:
// "default-aws-iam-role" is ON default; how ON ALL is listed is not
// documented, so "all" in any case is read as ALL.
func IAMRole(arn string) string {
	a := strings.TrimSpace(arn)
	switch strings.ToLower(a) {
	case "default-aws-iam-role", "default":
		return model.IAMRoleDefault
	case "all":
		return model.IAMRoleAll
	}
	return a
}

// AssumeRoleCommand maps svv_iam_privileges.command_type to the FOR keyword
// (the page's sample prints EXTERNAL FUNCTION as EXFUNC).
func AssumeRoleCommand(c string) string {
	u := strings.Join(strings.Fields(strings.ToUpper(c)), " ")
	if u == "EXFUNC" {
		return model.AssumeExternalFunction
	}
	return u
}

// buildSurface adds ASSUMEROLE rows, datashares, models and their grants.
func buildSurface(raw *rawCatalog, s *model.Snapshot, userName map[int64]string,
	addGrant func(what string, p privRow, obj model.ObjectRef, objectLevel string), skip func(string, ...any)) {
	s.AssumeRoles = []model.AssumeRoleGrant{}
	s.Datashares = []model.Datashare{}
	s.Models = []model.Model{}
	for _, x := range raw.surface.iam {
		ref, ok := Principal(x.identity.typ, x.identity.name)
		if !ok {
			skip("ASSUMEROLE privilege: unknown identity type %q", x.identity.typ)
			continue
		}
		s.AssumeRoles = append(s.AssumeRoles, model.AssumeRoleGrant{IAMRole: IAMRole(x.arn), Command: AssumeRoleCommand(x.command), Grantee: ref})
	}

	consumers := map[string][]model.DatashareConsumer{}
	for _, c := range raw.surface.consumers {
		name := strings.TrimRight(c.share, " ")
		consumers[name] = append(consumers[name], model.DatashareConsumer{
			Account: strings.TrimSpace(c.account), Namespace: strings.TrimSpace(c.namespace), SharedAt: c.sharedAt})
	}
	for _, d := range raw.surface.datashares {
		name := strings.TrimRight(d.name, " ")
		cs := consumers[name]
		if cs == nil {
			cs = []model.DatashareConsumer{}
		}
		s.Datashares = append(s.Datashares, model.Datashare{
			Name: name, Owner: userName[d.ownerID], Type: strings.ToUpper(strings.TrimSpace(d.typ)),
			SourceDatabase: strings.TrimSpace(d.source), ConsumerDatabase: strings.TrimSpace(d.consumer),
			PublicAccessible: d.public, ProducerAccount: strings.TrimSpace(d.producerAccount),
			ProducerNamespace: strings.TrimSpace(d.producerNS), ManagedBy: strings.TrimSpace(d.managedBy),
			Consumers: cs,
		})
	}
	for _, p := range raw.surface.sharePrivs {
		addGrant("datashare", p, model.ObjectRef{Kind: model.ObjDatashare, Name: strings.TrimRight(p.object, " ")}, "")
	}

	for _, m := range raw.surface.models {
		if strings.TrimRight(m.database, " ") != raw.session.database {
			continue
		}
		s.Models = append(s.Models, model.Model{Schema: strings.TrimRight(m.schema, " "), Name: strings.TrimRight(m.name, " "),
			Owner: strings.TrimRight(m.owner, " "), State: strings.TrimSpace(m.state)})
	}
	for _, p := range raw.surface.modelPrivs {
		addGrant("model", p, model.ObjectRef{Kind: model.ObjModel, Schema: p.object, Name: p.name}, "")
	}
	slices.SortFunc(s.AssumeRoles, func(a, b model.AssumeRoleGrant) int {
		return cmp.Or(cmp.Compare(a.Grantee.Kind, b.Grantee.Kind), cmp.Compare(a.Grantee.Name, b.Grantee.Name),
			cmp.Compare(a.IAMRole, b.IAMRole), cmp.Compare(a.Command, b.Command))
	})
	slices.SortFunc(s.Datashares, func(a, b model.Datashare) int { return cmp.Compare(a.Name, b.Name) })
	slices.SortFunc(s.Models, func(a, b model.Model) int {
		return cmp.Or(cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.Name, b.Name))
	})
}
