package pgrender

import (
	"strings"
	"testing"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/model"
)

func TestPostgresRefusesRedshiftOnlyGrantsByName(t *testing.T) {
	u := model.UserRef("u")
	cases := []struct {
		name string
		c    change.Change
		want string
	}{
		{"ASSUMEROLE", change.Change{Kind: change.GrantAssumeRole, AssumeRole: &change.AssumeRoleSpec{
			IAMRoles: []string{"arn:aws:iam::123456789012:role/r"}, Commands: []string{"COPY"}, Grantee: u}}, "PostgreSQL has no ASSUMEROLE"},
		{"datashare usage", change.Change{Kind: change.RevokeDatashareUsage, DatashareUsage: &change.DatashareUsageSpec{
			Datashare: "s", Accounts: []string{"123456789012"}}}, "PostgreSQL has no datashares"},
		{"ON DATASHARE", change.Change{Kind: change.GrantPrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"ALTER"},
			Target: change.TargetObjects, Objects: []model.ObjectRef{{Kind: model.ObjDatashare, Name: "s"}}, Grantee: u}}, "GRANT … ON DATASHARE is Redshift's"},
		{"ON MODEL", change.Change{Kind: change.RevokePrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"EXECUTE"},
			Target: change.TargetObjects, Objects: []model.ObjectRef{{Kind: model.ObjModel, Schema: "s", Name: "m"}}, Grantee: u}}, "GRANT … ON MODEL is Redshift's"},
		{"CREATE MODEL", change.Change{Kind: change.GrantPrivileges, Privilege: &change.PrivilegeSpec{Privileges: []string{"CREATE MODEL"},
			Target: change.TargetCreateModel, Grantee: u}}, "no CREATE MODEL privilege"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st, err := New().Render(tc.c, nil)
			if err == nil {
				t.Fatalf("accepted: %+v", st)
			}
			if m := apperr.As(err).Message; !strings.Contains(m, tc.want) {
				t.Fatalf("message %q does not say %q", m, tc.want)
			}
		})
	}
}
