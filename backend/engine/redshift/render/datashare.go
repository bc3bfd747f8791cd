package rsrender

import (
	"slices"
	"strings"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/engine/internal/grantsql"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/sqltext"
)

// datasharePrivileges are what GRANT … ON DATASHARE gives users, roles,
// groups and PUBLIC: "ALTER and SHARE are the only privileges that you can
// grant to users and user groups" (DG r_GRANT). USAGE goes to consumers.
var datasharePrivileges = []string{"ALTER", "SHARE"}

// datashareGrants renders GRANT { ALTER | SHARE } ON DATASHARE d TO … [WITH
// GRANT OPTION] and its REVOKE (DG r_GRANT, r_REVOKE). The grammar names one
// privilege and one datashare, so each pair is its own statement; ALL is not
// in it, nor is REVOKE GRANT OPTION FOR.
func datashareGrants(grant bool, p *change.PrivilegeSpec, snap *model.Snapshot) ([]change.Statement, error) {
	for _, raw := range p.Privileges {
		if u := strings.ToUpper(strings.TrimSpace(raw)); u == "ALL" || u == "ALL PRIVILEGES" {
			return nil, apperr.Invalid("Redshift's GRANT … ON DATASHARE takes ALTER or SHARE, not ALL; choose them by name")
		}
		if strings.EqualFold(strings.TrimSpace(raw), "USAGE") {
			return nil, apperr.Invalid("USAGE on a datashare goes to a consumer namespace or account, not to users, roles, groups or PUBLIC; add a consumer instead")
		}
	}
	privs, err := dialect.CheckPrivileges("datashares", datasharePrivileges, p.Privileges)
	if err != nil {
		return nil, err
	}
	if p.GrantOption {
		if !grant {
			return nil, apperr.Invalid("Redshift's REVOKE … ON DATASHARE has no GRANT OPTION FOR; revoke the privilege and grant it again without the option")
		}
		if p.Grantee.Kind != model.KindUser {
			return nil, apperr.Invalid("WITH GRANT OPTION cannot be given to %s: Redshift allows the grant option only for users, never for roles, groups or PUBLIC",
				grantsql.Principal(p.Grantee))
		}
	}
	q := grantsql.NewQ(sqltext.Redshift)
	grantee, err := dialect.Grantee(q, p.Grantee)
	if err != nil {
		return nil, err
	}
	var out []change.Statement
	for _, o := range p.Objects {
		if o.Kind != model.ObjDatashare {
			return nil, apperr.Invalid("one privilege change covers one kind of object; split datashare and %s", o.Kind)
		}
		name := q.Ident("datashare", o.Name)
		if err := q.Err(); err != nil {
			return nil, err
		}
		if ds := findDatashare(snap, o.Name); ds != nil && strings.EqualFold(ds.Type, "INBOUND") {
			return nil, apperr.Invalid("datashare %s is shared with this cluster (INBOUND); ALTER and SHARE are granted on the producer's cluster", o.Name)
		}
		for _, pr := range privs {
			var sql, sum string
			switch {
			case grant && p.GrantOption:
				sql = "GRANT " + pr + " ON DATASHARE " + name + " TO " + grantee + " WITH GRANT OPTION"
				sum = "Grant " + pr + " on datashare " + o.Name + " to " + grantsql.Principal(p.Grantee) + " with grant option"
			case grant:
				sql = "GRANT " + pr + " ON DATASHARE " + name + " TO " + grantee
				sum = "Grant " + pr + " on datashare " + o.Name + " to " + grantsql.Principal(p.Grantee)
			default:
				sql = "REVOKE " + pr + " ON DATASHARE " + name + " FROM " + grantee
				sum = "Revoke " + pr + " on datashare " + o.Name + " from " + grantsql.Principal(p.Grantee)
			}
			out = append(out, grantsql.Stmt(sql, sum, !grant))
		}
	}
	return out, nil
}

// datashareUsage renders GRANT USAGE ON DATASHARE d TO NAMESPACE 'guid' |
// ACCOUNT 'id' [VIA DATA CATALOG] and its REVOKE (DG r_GRANT, r_REVOKE), one
// consumer per statement. There is no WITH GRANT OPTION. Statements run
// outside the transaction: GRANT "on an external resource" cannot run in a
// transaction block, and whether a consumer grant counts as one is not
// documented, so the safe reading is taken.
func datashareUsage(grant bool, d *change.DatashareUsageSpec, snap *model.Snapshot) ([]change.Statement, error) {
	if d == nil {
		return nil, apperr.Invalid("the datashare usage change is missing its datashare and consumers")
	}
	if d.GrantOption {
		return nil, apperr.Invalid("USAGE on a datashare has no grant option: consumers cannot pass it on")
	}
	if len(d.Namespaces) > 0 && len(d.Accounts) > 0 {
		return nil, apperr.Invalid("one datashare usage change names namespaces or accounts, not both; split it")
	}
	if d.ViaDataCatalog && len(d.Namespaces) > 0 {
		return nil, apperr.Invalid("VIA DATA CATALOG applies to accounts only, not namespaces")
	}
	ns, err := change.CheckNamespaces(d.Namespaces)
	if err != nil {
		return nil, err
	}
	accts, err := change.CheckAccounts(d.Accounts)
	if err != nil {
		return nil, err
	}
	if len(ns) == 0 && len(accts) == 0 {
		return nil, apperr.Invalid("choose the consumer: a namespace GUID or a 12-digit AWS account id")
	}
	if ds := findDatashare(snap, d.Datashare); ds != nil && strings.EqualFold(ds.Type, "INBOUND") {
		return nil, apperr.Invalid("datashare %s is shared with this cluster (INBOUND); only its producer can add or remove consumers", d.Datashare)
	}
	q := grantsql.NewQ(sqltext.Redshift)
	name := q.Ident("datashare", d.Datashare)
	if err := q.Err(); err != nil {
		return nil, err
	}
	verb, prep := "GRANT", " TO "
	if !grant {
		verb, prep = "REVOKE", " FROM "
	}
	var out []change.Statement
	emit := func(clause, words string) {
		sql := verb + " USAGE ON DATASHARE " + name + prep + clause
		sum := "Share datashare " + d.Datashare + " with " + words
		if !grant {
			sum = "Stop sharing datashare " + d.Datashare + " with " + words
		}
		st := grantsql.Stmt(sql, sum, !grant)
		st.OutsideTransaction = true
		out = append(out, st)
	}
	for _, n := range ns {
		emit("NAMESPACE "+q.Literal(n), "namespace "+n)
	}
	for _, a := range accts {
		clause, words := "ACCOUNT "+q.Literal(a), "account "+a
		if d.ViaDataCatalog {
			clause += " VIA DATA CATALOG"
			words += " through the AWS Glue Data Catalog"
		}
		emit(clause, words)
	}
	return out, q.Err()
}

func findDatashare(snap *model.Snapshot, name string) *model.Datashare {
	if snap == nil {
		return nil
	}
	i := slices.IndexFunc(snap.Datashares, func(d model.Datashare) bool { return d.Name == name })
	if i < 0 {
		return nil
	}
	return &snap.Datashares[i]
}
