package change

import (
	"slices"
	"strings"
	"testing"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/model"
)

func TestValidateRefusesBadAssumeRoleAndDatashareUsageBeforeSQL(t *testing.T) {
	arn := "arn:aws:iam::123456789012:role/r"
	cases := []struct {
		name string
		c    Change
		want string
	}{
		{"no spec", Change{Kind: GrantAssumeRole}, "missing its IAM roles"},
		{"grant option", Change{Kind: GrantAssumeRole, AssumeRole: &AssumeRoleSpec{IAMRoles: []string{arn}, Commands: []string{"COPY"},
			Grantee: model.UserRef("u"), GrantOption: true}}, "ASSUMEROLE has no grant option"},
		{"no grantee", Change{Kind: RevokeAssumeRole, AssumeRole: &AssumeRoleSpec{IAMRoles: []string{arn}, Commands: []string{"COPY"}}}, "choose"},
		{"not an ARN", Change{Kind: GrantAssumeRole, AssumeRole: &AssumeRoleSpec{IAMRoles: []string{"arn:aws:s3:::bucket"}, Commands: []string{"COPY"},
			Grantee: model.Public}}, "is not an IAM role ARN"},
		{"unknown command", Change{Kind: GrantAssumeRole, AssumeRole: &AssumeRoleSpec{IAMRoles: []string{arn}, Commands: []string{"VACUUM"},
			Grantee: model.Public}}, "ASSUMEROLE has no command"},
		{"usage grant option", Change{Kind: GrantDatashareUsage, DatashareUsage: &DatashareUsageSpec{Datashare: "s",
			Accounts: []string{"123456789012"}, GrantOption: true}}, "no grant option"},
		{"usage without consumer", Change{Kind: GrantDatashareUsage, DatashareUsage: &DatashareUsageSpec{Datashare: "s"}}, "choose the consumer"},
		{"usage without datashare", Change{Kind: GrantDatashareUsage, DatashareUsage: &DatashareUsageSpec{Accounts: []string{"123456789012"}}}, "datashare"},
		{"usage to a bad account", Change{Kind: GrantDatashareUsage, DatashareUsage: &DatashareUsageSpec{Datashare: "s",
			Accounts: []string{"1234-5678-9012"}}}, "12 digits"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := Validate([]Change{tc.c}, nil, CurrentUser{})
			if err == nil {
				t.Fatal("accepted")
			}
			if m := apperr.As(err).Message; !strings.Contains(m, tc.want) {
				t.Fatalf("message %q does not say %q", m, tc.want)
			}
		})
	}
}

func TestValidateAcceptsCreateModelAndWellFormedSurfaceChanges(t *testing.T) {
	ok := []Change{
		{Kind: GrantPrivileges, Privilege: &PrivilegeSpec{Privileges: []string{"CREATE MODEL"}, Target: TargetCreateModel, Grantee: model.GroupRef("g")}},
		{Kind: GrantAssumeRole, AssumeRole: &AssumeRoleSpec{IAMRoles: []string{"default"}, Commands: []string{"ALL"}, Grantee: model.Public}},
		{Kind: RevokeDatashareUsage, DatashareUsage: &DatashareUsageSpec{Datashare: "s", Accounts: []string{"123456789012"}, ViaDataCatalog: true}},
	}
	if err := Validate(ok, nil, CurrentUser{}); err != nil {
		t.Fatal(err)
	}
}

func TestSplitIAMRoleChainKeepsCommasInsideRoleNames(t *testing.T) {
	got := SplitIAMRoleChain("arn:aws:iam::123456789012:role/a,b,arn:aws:iam::123456789012:role/c")
	want := []string{"arn:aws:iam::123456789012:role/a,b", "arn:aws:iam::123456789012:role/c"}
	if !slices.Equal(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestCheckEffectReadsAssumeRolesAndDatashareConsumers(t *testing.T) {
	arn := "arn:aws:iam::123456789012:role/r"
	snap := &model.Snapshot{
		AssumeRoles: []model.AssumeRoleGrant{{IAMRole: arn, Command: "ALL", Grantee: model.UserRef("u")}},
		Datashares:  []model.Datashare{{Name: "s", Consumers: []model.DatashareConsumer{{Account: "123456789012"}}}},
	}
	grant := Change{Kind: GrantAssumeRole, AssumeRole: &AssumeRoleSpec{IAMRoles: []string{arn}, Commands: []string{"COPY", "UNLOAD"}, Grantee: model.UserRef("u")}}
	if e := CheckEffect(grant, snap); !e.Met() {
		t.Errorf("grant held through FOR ALL is reported missing: %q", e.Missing)
	}
	other := grant
	other.AssumeRole = &AssumeRoleSpec{IAMRoles: []string{arn}, Commands: []string{"COPY"}, Grantee: model.UserRef("v")}
	if e := CheckEffect(other, snap); e.Met() || len(e.Missing) != 1 {
		t.Errorf("another user's grant is reported held: %+v", e)
	}
	usage := Change{Kind: RevokeDatashareUsage, DatashareUsage: &DatashareUsageSpec{Datashare: "s", Accounts: []string{"123456789012"}}}
	if e := CheckEffect(usage, snap); e.Met() {
		t.Error("a consumer still listed is reported revoked")
	}
	usage.Kind = GrantDatashareUsage
	if e := CheckEffect(usage, snap); !e.Met() {
		t.Errorf("a listed consumer is reported missing: %q", e.Missing)
	}
}
