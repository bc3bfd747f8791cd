package rsrender

import (
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/model"
)

// DG r_CREATE_USER (EXTERNALID external_id, PASSWORD DISABLE) and DG
// r_ALTER_USER (SET parameter { TO | = } { value | DEFAULT }, RESET
// parameter, EXTERNALID external_id). The docs write the external id as a
// double-quoted name (EXTERNALID "ABC123"), as role external ids are.
func userGoldens() []golden {
	idp := &model.Snapshot{Users: []model.User{{Name: "myco_aad:bob", PasswordDisabled: true}, {Name: "alice"}}}
	return []golden{
		{name: "DG r_CREATE_USER: identity-provider user with EXTERNALID and PASSWORD DISABLE",
			c:       change.Change{Kind: change.CreateUser, User: &change.UserSpec{Name: "myco_aad:bob", PasswordDisabled: ptr(true), ExternalID: ptr("ABC123")}},
			sql:     []string{`CREATE USER "myco_aad:bob" PASSWORD DISABLE EXTERNALID "ABC123"`},
			summary: []string{"Create user myco_aad:bob: password login disabled, identity-provider user with external id ABC123"}},
		{name: "DG r_ALTER_USER: EXTERNALID for a user whose password is already disabled",
			c:    change.Change{Kind: change.AlterUser, User: &change.UserSpec{Name: "myco_aad:bob", ExternalID: ptr("XYZ-789")}},
			snap: idp, sql: []string{`ALTER USER "myco_aad:bob" EXTERNALID "XYZ-789"`}},
		{name: "DG r_ALTER_USER: PASSWORD DISABLE first, then EXTERNALID",
			c:    change.Change{Kind: change.AlterUser, User: &change.UserSpec{Name: "alice", PasswordDisabled: ptr(true), ExternalID: ptr("a-1")}},
			snap: idp, sql: []string{`ALTER USER "alice" PASSWORD DISABLE`, `ALTER USER "alice" EXTERNALID "a-1"`}},
		{name: "DG r_ALTER_USER: set search_path (docs: alter user webappuser1 set search_path to webapp, public)",
			c: change.Change{Kind: change.AlterUser, User: &change.UserSpec{Name: "webappuser1",
				SetParameters: []change.Parameter{{Name: "search_path", Value: "webapp, public"}}}},
			sql:         []string{`ALTER USER "webappuser1" SET search_path TO 'webapp', 'public'`},
			summary:     []string{"Set the session default search_path = webapp, public for user webappuser1 (from its next login)"},
			destructive: []bool{false}},
		{name: "DG r_ALTER_USER: SET a scalar parameter as a literal (backslash doubled), then RESET",
			c: change.Change{Kind: change.AlterUser, User: &change.UserSpec{Name: "u",
				SetParameters:   []change.Parameter{{Name: "Query_Group", Value: `it's a\b`}},
				ResetParameters: []string{"statement_timeout"}}},
			sql: []string{`ALTER USER "u" SET query_group TO 'it''s a\\b'`, `ALTER USER "u" RESET statement_timeout`},
			summary: []string{"Set the session default query_group = it's a\\b for user u (from its next login)",
				"Remove the session default statement_timeout of user u (from its next login)"}},
		{name: "DG r_CREATE_USER has no SET: session defaults follow as ALTER USER … SET",
			c: change.Change{Kind: change.CreateUser, User: &change.UserSpec{Name: "etl", PasswordDisabled: ptr(true),
				SetParameters: []change.Parameter{{Name: "statement_timeout", Value: "3600000"}}}},
			sql: []string{`CREATE USER "etl" PASSWORD DISABLE`, `ALTER USER "etl" SET statement_timeout TO '3600000'`}},
		{name: "DG r_ALTER_USER: after RENAME TO the session default names the new user",
			c: change.Change{Kind: change.AlterUser, User: &change.UserSpec{Name: "myco_aad:bob", RenameTo: "myco_aad:robert",
				ResetParameters: []string{"search_path"}}},
			snap: idp,
			sql:  []string{`ALTER USER "myco_aad:bob" RENAME TO "myco_aad:robert"`, `ALTER USER "myco_aad:robert" RESET search_path`}},
	}
}

func userRejections() []rejected {
	idp := &model.Snapshot{Users: []model.User{{Name: "alice"}}}
	alter := func(u change.UserSpec) change.Change { return change.Change{Kind: change.AlterUser, User: &u} }
	return []rejected{
		{"EXTERNALID with a password on create", change.Change{Kind: change.CreateUser, User: &change.UserSpec{Name: "n:bob", Password: ptr("Secret123"), ExternalID: ptr("X")}}, nil,
			"create n:bob with password login disabled (PASSWORD DISABLE)"},
		{"EXTERNALID for a user who keeps a password", alter(change.UserSpec{Name: "alice", ExternalID: ptr("X")}), idp, "an external id needs password login disabled"},
		{"EXTERNALID for an unknown user without PASSWORD DISABLE", alter(change.UserSpec{Name: "ghost", ExternalID: ptr("X")}), nil, "disable the password of ghost"},
		{"EXTERNALID removed", alter(change.UserSpec{Name: "alice", ExternalID: ptr("")}), idp, "no way to remove the external id"},
		{"EXTERNALID with a line break", alter(change.UserSpec{Name: "alice", PasswordDisabled: ptr(true), ExternalID: ptr("a\nb")}), idp, "control character"},
		{"SET a parameter whose name ends the statement", alter(change.UserSpec{Name: "u", SetParameters: []change.Parameter{{Name: "search_path TO x; DROP USER y; --", Value: "a"}}}), nil, "may hold only letters"},
		{"RESET ALL spelled as a name", alter(change.UserSpec{Name: "u", ResetParameters: []string{"ALL"}}), nil, "RESET ALL would reset every parameter"},
		{"search_path list with an unclosed quote", alter(change.UserSpec{Name: "u", SetParameters: []change.Parameter{{Name: "search_path", Value: `a, "b`}}}), nil, "unclosed quote"},
	}
}
