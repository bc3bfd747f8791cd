package access

import (
	"slices"
	"testing"

	"github.com/redshiftmate/rsmate/backend/model"
)

func TestAssumeRolesComeDirectThroughGroupsRolesAndPublic(t *testing.T) {
	arn := "arn:aws:iam::123456789012:role/r"
	s := &model.Snapshot{
		Engine: "redshift",
		Users:  []model.User{{Name: "alice"}, {Name: "root", Superuser: true}},
		Memberships: []model.Membership{
			{Member: model.UserRef("alice"), Of: model.GroupRef("loaders")},
			{Member: model.UserRef("alice"), Of: model.RoleRef("etl")},
			{Member: model.RoleRef("etl"), Of: model.RoleRef("ml")},
		},
		AssumeRoles: []model.AssumeRoleGrant{
			{IAMRole: arn, Command: "COPY", Grantee: model.UserRef("alice")},
			{IAMRole: arn, Command: "UNLOAD", Grantee: model.GroupRef("loaders")},
			{IAMRole: model.IAMRoleDefault, Command: "CREATE MODEL", Grantee: model.RoleRef("ml")},
			{IAMRole: model.IAMRoleDefault, Command: "COPY", Grantee: model.Public},
			{IAMRole: arn, Command: "COPY", Grantee: model.UserRef("bob")},
		},
	}
	rows, super := AssumeRoles(s, model.UserRef("alice"))
	if super {
		t.Error("alice is reported a superuser")
	}
	var got []string
	for _, r := range rows {
		via := ""
		for _, v := range r.Via {
			via += "/" + v.Name
		}
		got = append(got, r.Command+"@"+r.Grantee.Name+via)
	}
	want := []string{"COPY@alice", "UNLOAD@loaders/loaders", "COPY@/", "CREATE MODEL@ml/etl/ml"}
	if !slices.Equal(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	if _, super := AssumeRoles(s, model.UserRef("root")); !super {
		t.Error("a superuser always holds ASSUMEROLE")
	}
}

func TestPublicAssumesAllNeedsEveryCommandOnAll(t *testing.T) {
	all := func(cmds ...string) *model.Snapshot {
		s := &model.Snapshot{}
		for _, c := range cmds {
			s.AssumeRoles = append(s.AssumeRoles, model.AssumeRoleGrant{IAMRole: model.IAMRoleAll, Command: c, Grantee: model.Public})
		}
		return s
	}
	if !PublicAssumesAll(all("ALL")) || !PublicAssumesAll(all("COPY", "UNLOAD", "EXTERNAL FUNCTION", "CREATE MODEL")) {
		t.Error("PUBLIC on ALL for ALL is not reported")
	}
	if PublicAssumesAll(all("COPY", "UNLOAD")) || PublicAssumesAll(&model.Snapshot{}) {
		t.Error("a locked-down cluster is reported open")
	}
	s := all("ALL")
	s.AssumeRoles[0].Grantee = model.GroupRef("g")
	if PublicAssumesAll(s) {
		t.Error("a group's grant is reported as PUBLIC's")
	}
}
