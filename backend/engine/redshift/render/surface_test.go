package rsrender

import (
	"slices"
	"strings"
	"testing"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/model"
)

// Goldens for ASSUMEROLE, datashares and models, written from the AWS
// Database Developer Guide pages each case names (r_GRANT, r_REVOKE,
// r_GRANT-usage-notes).

const (
	arnRead  = "arn:aws:iam::123456789012:role/Redshift-S3-Read"
	arnWrite = "arn:aws:iam::123456789012:role/Redshift-S3-Write"
	arnChain = "arn:aws:iam::123456789012:role/RoleA,arn:aws:iam::210987654321:role/path/RoleB"
	nsGUID   = "86b5169f-01dc-4a6f-9fbb-e2e24359e9a8"
)

func assume(grant bool, roles, cmds []string, who model.PrincipalRef) change.Change {
	k := change.GrantAssumeRole
	if !grant {
		k = change.RevokeAssumeRole
	}
	return change.Change{Kind: k, AssumeRole: &change.AssumeRoleSpec{IAMRoles: roles, Commands: cmds, Grantee: who}}
}

func onObjects(grant bool, privs []string, who model.PrincipalRef, option bool, objs ...model.ObjectRef) change.Change {
	k := change.GrantPrivileges
	if !grant {
		k = change.RevokePrivileges
	}
	return change.Change{Kind: k, Privilege: &change.PrivilegeSpec{Privileges: privs, Target: change.TargetObjects,
		Objects: objs, Grantee: who, GrantOption: option}}
}

func share(name string) model.ObjectRef { return model.ObjectRef{Kind: model.ObjDatashare, Name: name} }
func mlModel(s, n string) model.ObjectRef {
	return model.ObjectRef{Kind: model.ObjModel, Schema: s, Name: n}
}

func usage(grant bool, d change.DatashareUsageSpec) change.Change {
	k := change.GrantDatashareUsage
	if !grant {
		k = change.RevokeDatashareUsage
	}
	return change.Change{Kind: k, DatashareUsage: &d}
}

type surfaceGolden struct {
	name    string
	c       change.Change
	sql     []string
	summary []string
	outside bool
}

func surfaceGoldens() []surfaceGolden {
	createModel := func(grant bool, who model.PrincipalRef, option bool) change.Change {
		k := change.GrantPrivileges
		if !grant {
			k = change.RevokePrivileges
		}
		return change.Change{Kind: k, Privilege: &change.PrivilegeSpec{Privileges: []string{"create model"},
			Target: change.TargetCreateModel, Grantee: who, GrantOption: option}}
	}
	return []surfaceGolden{
		// ---- DG r_GRANT (ASSUMEROLE) and r_GRANT-usage-notes ----
		{name: "DG r_GRANT (ASSUMEROLE): one role to a user for COPY",
			c:       assume(true, []string{arnRead}, []string{"copy"}, user("reg_user1")),
			sql:     []string{`GRANT ASSUMEROLE ON '` + arnRead + `' TO "reg_user1" FOR COPY`},
			summary: []string{"Allow user reg_user1 to use IAM role " + arnRead + " for COPY"}},
		{name: "DG r_GRANT (ASSUMEROLE): two roles to a group for UNLOAD and EXTERNAL FUNCTION, grammar order",
			c:   assume(true, []string{arnWrite, arnRead}, []string{"external function", "UNLOAD"}, group("group_1")),
			sql: []string{`GRANT ASSUMEROLE ON '` + arnWrite + `', '` + arnRead + `' TO GROUP "group_1" FOR UNLOAD, EXTERNAL FUNCTION`}},
		{name: "DG r_GRANT (ASSUMEROLE): a role chain is one comma-joined string (r_GRANT-usage-notes)",
			c:       assume(true, []string{arnChain}, []string{"CREATE MODEL"}, role("ml")),
			sql:     []string{`GRANT ASSUMEROLE ON '` + arnChain + `' TO ROLE "ml" FOR CREATE MODEL`},
			summary: []string{"Allow role ml to use the IAM role chain " + arnChain + " for CREATE MODEL"}},
		{name: "DG r_GRANT (ASSUMEROLE): default role to PUBLIC for ALL",
			c:   assume(true, []string{"DEFAULT"}, []string{"all"}, model.Public),
			sql: []string{`GRANT ASSUMEROLE ON default TO PUBLIC FOR ALL`}},
		{name: "DG r_GRANT-usage-notes (ASSUMEROLE): the once-per-cluster lock-down",
			c:       assume(false, []string{"all"}, []string{"ALL"}, model.Public),
			sql:     []string{`REVOKE ASSUMEROLE ON ALL FROM PUBLIC FOR ALL`},
			summary: []string{"Stop PUBLIC from using every IAM role of the cluster for COPY, UNLOAD, EXTERNAL FUNCTION and CREATE MODEL"}},
		{name: "DG r_REVOKE (ASSUMEROLE): FOR takes one command, so one statement per command",
			c: assume(false, []string{arnRead}, []string{"UNLOAD", "COPY"}, user(`Bob "The" Builder`)),
			sql: []string{
				`REVOKE ASSUMEROLE ON '` + arnRead + `' FROM "Bob ""The"" Builder" FOR COPY`,
				`REVOKE ASSUMEROLE ON '` + arnRead + `' FROM "Bob ""The"" Builder" FOR UNLOAD`,
			}},
		{name: "DG r_GRANT (ASSUMEROLE): GovCloud partition ARN",
			c:   assume(true, []string{"arn:aws-us-gov:iam::123456789012:role/a+b=c.d@e_f-g"}, []string{"COPY"}, user("u")),
			sql: []string{`GRANT ASSUMEROLE ON 'arn:aws-us-gov:iam::123456789012:role/a+b=c.d@e_f-g' TO "u" FOR COPY`}},

		// ---- DG r_GRANT datashare, r_REVOKE datashare ----
		{name: "DG r_GRANT datashare: ALTER and SHARE to a user, one statement each",
			c: onObjects(true, []string{"share", "ALTER"}, user("reguser"), false, share("salesshare")),
			sql: []string{
				`GRANT ALTER ON DATASHARE "salesshare" TO "reguser"`,
				`GRANT SHARE ON DATASHARE "salesshare" TO "reguser"`,
			},
			summary: []string{"Grant ALTER on datashare salesshare to user reguser", "Grant SHARE on datashare salesshare to user reguser"}},
		{name: "DG r_GRANT datashare: SHARE to a user WITH GRANT OPTION (r_GRANT-usage-notes example)",
			c:   onObjects(true, []string{"ALTER"}, user("HR"), true, share("employees")),
			sql: []string{`GRANT ALTER ON DATASHARE "employees" TO "HR" WITH GRANT OPTION`}},
		{name: "DG r_GRANT datashare: to a role, a group and PUBLIC",
			c:   onObjects(true, []string{"SHARE"}, group("Sales Team"), false, share("Q4 share")),
			sql: []string{`GRANT SHARE ON DATASHARE "Q4 share" TO GROUP "Sales Team"`}},
		{name: "DG r_REVOKE datashare: SHARE from PUBLIC",
			c:   onObjects(false, []string{"SHARE"}, model.Public, false, share("salesshare")),
			sql: []string{`REVOKE SHARE ON DATASHARE "salesshare" FROM PUBLIC`}},
		{name: "DG r_GRANT datashare usage: to a namespace GUID, outside the transaction",
			c:       usage(true, change.DatashareUsageSpec{Datashare: "salesshare", Namespaces: []string{strings.ToUpper(nsGUID)}}),
			sql:     []string{`GRANT USAGE ON DATASHARE "salesshare" TO NAMESPACE '` + nsGUID + `'`},
			summary: []string{"Share datashare salesshare with namespace " + nsGUID}, outside: true},
		{name: "DG r_GRANT datashare usage: to two accounts, one statement each",
			c: usage(true, change.DatashareUsageSpec{Datashare: "salesshare", Accounts: []string{"123456789012", "210987654321"}}),
			sql: []string{
				`GRANT USAGE ON DATASHARE "salesshare" TO ACCOUNT '123456789012'`,
				`GRANT USAGE ON DATASHARE "salesshare" TO ACCOUNT '210987654321'`,
			}, outside: true},
		{name: "DG r_REVOKE datashare usage: from an account VIA DATA CATALOG",
			c:       usage(false, change.DatashareUsageSpec{Datashare: "salesshare", Accounts: []string{"123456789012"}, ViaDataCatalog: true}),
			sql:     []string{`REVOKE USAGE ON DATASHARE "salesshare" FROM ACCOUNT '123456789012' VIA DATA CATALOG`},
			summary: []string{"Stop sharing datashare salesshare with account 123456789012 through the AWS Glue Data Catalog"}, outside: true},

		// ---- DG r_GRANT machine learning model privileges, r_REVOKE ----
		{name: "DG r_GRANT model: CREATE MODEL to a user WITH GRANT OPTION",
			c:       createModel(true, user("ml_dev"), true),
			sql:     []string{`GRANT CREATE MODEL TO "ml_dev" WITH GRANT OPTION`},
			summary: []string{"Grant CREATE MODEL (create ML models in this database) to user ml_dev with grant option"}},
		{name: "DG r_GRANT model: CREATE MODEL to a role",
			c:   createModel(true, role("data science"), false),
			sql: []string{`GRANT CREATE MODEL TO ROLE "data science"`}},
		{name: "DG r_REVOKE model: GRANT OPTION FOR CREATE MODEL from a user",
			c:   createModel(false, user("ml_dev"), true),
			sql: []string{`REVOKE GRANT OPTION FOR CREATE MODEL FROM "ml_dev"`}},
		{name: "DG r_GRANT model: EXECUTE ON MODEL, schema-qualified, two models",
			c: onObjects(true, []string{"execute"}, group("analysts"), false,
				mlModel("demo_ml", "customer_churn_model"), mlModel("demo_ml", "Churn v2")),
			sql:     []string{`GRANT EXECUTE ON MODEL "demo_ml"."customer_churn_model", "demo_ml"."Churn v2" TO GROUP "analysts"`},
			summary: []string{"Grant EXECUTE on 2 models to group analysts"}},
		{name: "DG r_GRANT model: ALL PRIVILEGES ON MODEL to PUBLIC",
			c:   onObjects(true, []string{"all privileges"}, model.Public, false, mlModel("public", "test_model")),
			sql: []string{`GRANT ALL ON MODEL "public"."test_model" TO PUBLIC`}},
		{name: "DG r_REVOKE model: EXECUTE ON MODEL from a role",
			c:       onObjects(false, []string{"EXECUTE"}, role("role1"), false, mlModel("public", "test_model")),
			sql:     []string{`REVOKE EXECUTE ON MODEL "public"."test_model" FROM ROLE "role1"`},
			summary: []string{"Revoke EXECUTE on model public.test_model from role role1"}},
	}
}

func TestRedshiftSurfaceGolden(t *testing.T) {
	r := New()
	for _, g := range surfaceGoldens() {
		t.Run(g.name, func(t *testing.T) {
			got, err := r.Render(g.c, nil)
			if err != nil {
				t.Fatalf("render: %v", err)
			}
			var sqls []string
			for i, s := range got {
				sqls = append(sqls, s.SQL)
				if s.Display != s.SQL {
					t.Errorf("display %q differs from SQL %q", s.Display, s.SQL)
				}
				if s.OutsideTransaction != g.outside {
					t.Errorf("%q outside transaction = %v, want %v", s.SQL, s.OutsideTransaction, g.outside)
				}
				revoke := strings.HasPrefix(s.SQL, "REVOKE")
				if s.Destructive != revoke {
					t.Errorf("%q destructive = %v, want %v", s.SQL, s.Destructive, revoke)
				}
				if g.summary != nil && s.Summary != g.summary[i] {
					t.Errorf("summary %d\n got: %q\nwant: %q", i, s.Summary, g.summary[i])
				}
			}
			if !slices.Equal(sqls, g.sql) {
				t.Fatalf("SQL\n got: %q\nwant: %q", sqls, g.sql)
			}
		})
	}
}

func TestRedshiftSurfaceRejects(t *testing.T) {
	inbound := &model.Snapshot{Datashares: []model.Datashare{{Name: "from_prod", Type: "INBOUND"}}}
	long := strings.TrimSuffix(strings.Repeat(arnRead+",", 11), ",")
	cases := []struct {
		name string
		c    change.Change
		snap *model.Snapshot
		want string
	}{
		{"ASSUMEROLE with grant option", change.Change{Kind: change.GrantAssumeRole, AssumeRole: &change.AssumeRoleSpec{
			IAMRoles: []string{arnRead}, Commands: []string{"COPY"}, Grantee: user("u"), GrantOption: true}}, nil, "no grant option"},
		{"ASSUMEROLE on a bare role name", assume(true, []string{"Redshift-S3-Read"}, []string{"COPY"}, user("u")), nil, "is not an IAM role ARN"},
		{"ASSUMEROLE on an ARN with an 11-digit account", assume(true, []string{"arn:aws:iam::12345678901:role/r"}, []string{"COPY"}, user("u")), nil, "is not an IAM role ARN"},
		{"ASSUMEROLE on a user ARN", assume(true, []string{"arn:aws:iam::123456789012:user/bob"}, []string{"COPY"}, user("u")), nil, "is not an IAM role ARN"},
		{"ASSUMEROLE chain with a space", assume(true, []string{arnRead + ", " + arnWrite}, []string{"COPY"}, user("u")), nil, "no spaces"},
		{"ASSUMEROLE chain of 11 roles", assume(true, []string{long}, []string{"COPY"}, user("u")), nil, "chains at most 10"},
		{"ASSUMEROLE default next to an ARN", assume(true, []string{"default", arnRead}, []string{"COPY"}, user("u")), nil, "DEFAULT stands alone"},
		{"ASSUMEROLE for SELECT", assume(true, []string{arnRead}, []string{"SELECT"}, user("u")), nil, "ASSUMEROLE has no command"},
		{"ASSUMEROLE for ALL and COPY", assume(true, []string{arnRead}, []string{"ALL", "COPY"}, user("u")), nil, "FOR ALL already covers"},
		{"ASSUMEROLE without commands", assume(true, []string{arnRead}, nil, user("u")), nil, "choose the commands"},
		{"datashare USAGE to a user", onObjects(true, []string{"USAGE"}, user("u"), false, share("s")), nil, "goes to a consumer namespace or account"},
		{"datashare ALL", onObjects(true, []string{"ALL"}, user("u"), false, share("s")), nil, "not ALL"},
		{"datashare SELECT", onObjects(true, []string{"SELECT"}, user("u"), false, share("s")), nil, "no privilege “SELECT” on datashares"},
		{"datashare grant option to a role", onObjects(true, []string{"ALTER"}, role("r"), true, share("s")), nil, "only for users"},
		{"datashare revoke grant option", onObjects(false, []string{"ALTER"}, user("u"), true, share("s")), nil, "no GRANT OPTION FOR"},
		{"datashare ALTER on an inbound share", onObjects(true, []string{"ALTER"}, user("u"), false, share("from_prod")), inbound, "INBOUND"},
		{"datashare usage to a short GUID", usage(true, change.DatashareUsageSpec{Datashare: "s", Namespaces: []string{"86b5169f-01dc"}}), nil, "is not a namespace GUID"},
		{"datashare usage to an 11-digit account", usage(true, change.DatashareUsageSpec{Datashare: "s", Accounts: []string{"12345678901"}}), nil, "12 digits"},
		{"datashare usage to namespace and account", usage(true, change.DatashareUsageSpec{Datashare: "s", Namespaces: []string{nsGUID}, Accounts: []string{"123456789012"}}), nil, "not both"},
		{"datashare usage VIA DATA CATALOG to a namespace", usage(true, change.DatashareUsageSpec{Datashare: "s", Namespaces: []string{nsGUID}, ViaDataCatalog: true}), nil, "accounts only"},
		{"datashare usage with grant option", usage(true, change.DatashareUsageSpec{Datashare: "s", Accounts: []string{"123456789012"}, GrantOption: true}), nil, "no grant option"},
		{"datashare usage on an inbound share", usage(true, change.DatashareUsageSpec{Datashare: "from_prod", Accounts: []string{"123456789012"}}), inbound, "only its producer"},
		{"EXECUTE ON MODEL with grant option to a group", onObjects(true, []string{"EXECUTE"}, group("g"), true, mlModel("s", "m")), nil, "only for users"},
		{"SELECT ON MODEL", onObjects(true, []string{"SELECT"}, user("u"), false, mlModel("s", "m")), nil, "no privilege “SELECT” on models"},
		{"model without schema", onObjects(true, []string{"EXECUTE"}, user("u"), false, model.ObjectRef{Kind: model.ObjModel, Name: "m"}), nil, "needs its schema"},
		{"CREATE MODEL as ALL", change.Change{Kind: change.GrantPrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"ALL"},
			Target: change.TargetCreateModel, Grantee: user("u")}}, nil, "choose CREATE MODEL, not ALL"},
	}
	r := New()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			stmts, err := r.Render(tc.c, tc.snap)
			if err == nil {
				t.Fatalf("accepted; rendered %+v", stmts)
			}
			if e := apperr.As(err); !strings.Contains(e.Message, tc.want) {
				t.Fatalf("message %q does not say %q", e.Message, tc.want)
			}
		})
	}
}

// DROP USER first revokes what blocks it beyond objects: ASSUMEROLE grants
// (amazon-redshift-utils#620) and privileges on datashares and models, with
// the statements of DG r_REVOKE.
func TestDropUserRevokesAssumeRoleDatashareAndModelGrantsFirst(t *testing.T) {
	snap := &model.Snapshot{
		Users: []model.User{{Name: "gone"}, {Name: "other"}},
		AssumeRoles: []model.AssumeRoleGrant{
			{IAMRole: arnRead, Command: "COPY", Grantee: user("gone")},
			{IAMRole: arnRead, Command: "UNLOAD", Grantee: user("gone")},
			{IAMRole: model.IAMRoleDefault, Command: "EXTERNAL FUNCTION", Grantee: user("gone")},
			{IAMRole: arnRead, Command: "COPY", Grantee: user("other")},
		},
		Grants: model.NewGrantTable(
			model.Grant{Object: share("salesshare"), Grantee: user("gone"), Privilege: "SHARE"},
			model.Grant{Object: share("salesshare"), Grantee: user("gone"), Privilege: "ALTER"},
			model.Grant{Object: mlModel("demo_ml", "churn"), Grantee: user("gone"), Privilege: "EXECUTE"},
			model.Grant{Object: mlModel("demo_ml", "churn"), Grantee: user("other"), Privilege: "EXECUTE"},
		),
	}
	got, err := New().Render(change.Change{Kind: change.DropUser, User: &change.UserSpec{Name: "gone"}}, snap)
	if err != nil {
		t.Fatal(err)
	}
	var sqls []string
	for _, s := range got {
		sqls = append(sqls, s.SQL)
	}
	want := []string{
		`REVOKE ASSUMEROLE ON '` + arnRead + `' FROM "gone" FOR COPY`,
		`REVOKE ASSUMEROLE ON '` + arnRead + `' FROM "gone" FOR UNLOAD`,
		`REVOKE ASSUMEROLE ON default FROM "gone" FOR EXTERNAL FUNCTION`,
		`REVOKE ALTER ON DATASHARE "salesshare" FROM "gone"`,
		`REVOKE SHARE ON DATASHARE "salesshare" FROM "gone"`,
		`REVOKE EXECUTE ON MODEL "demo_ml"."churn" FROM "gone"`,
		`DROP USER "gone"`,
	}
	if !slices.Equal(sqls, want) {
		t.Fatalf("SQL\n got: %q\nwant: %q", sqls, want)
	}
}

// In a set that revokes one ASSUMEROLE grant and then drops the user, the
// drop revokes only what is still held when it runs.
func TestDropAfterQueuedAssumeRoleRevokeRevokesOnlyTheRest(t *testing.T) {
	snap := &model.Snapshot{
		Engine: "redshift",
		Users:  []model.User{{Name: "gone"}},
		AssumeRoles: []model.AssumeRoleGrant{
			{IAMRole: arnRead, Command: "COPY", Grantee: user("gone")},
			{IAMRole: arnRead, Command: "UNLOAD", Grantee: user("gone")},
		},
	}
	plan, err := change.Build([]change.Change{
		assume(false, []string{arnRead}, []string{"COPY"}, user("gone")),
		{Kind: change.DropUser, User: &change.UserSpec{Name: "gone"}},
	}, snap, New(), change.CurrentUser{Name: "admin"})
	if err != nil {
		t.Fatal(err)
	}
	var sqls []string
	for _, s := range plan.Statements {
		sqls = append(sqls, s.SQL)
	}
	want := []string{
		`REVOKE ASSUMEROLE ON '` + arnRead + `' FROM "gone" FOR COPY`,
		`REVOKE ASSUMEROLE ON '` + arnRead + `' FROM "gone" FOR UNLOAD`,
		`DROP USER "gone"`,
	}
	if !slices.Equal(sqls, want) {
		t.Fatalf("SQL\n got: %q\nwant: %q", sqls, want)
	}
}
