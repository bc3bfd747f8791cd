package rsrender

import (
	"slices"
	"strings"
	"testing"

	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/model"
)

// DG r_ALTER_USER: renaming clears an md5 password (its salt is the name).
// A user whose password login is disabled has none to lose: the rename
// alone is sent and the user stays password-disabled; a user with a
// password still needs a new one.
func TestRenameKeepsPasswordDisabledUserDisabled(t *testing.T) {
	snap := &model.Snapshot{Users: []model.User{{Name: "iam_bob", PasswordDisabled: true}, {Name: "carol"}}}
	got, err := New().Render(change.Change{Kind: change.AlterUser, User: &change.UserSpec{Name: "iam_bob", RenameTo: "iam_robert"}}, snap)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].SQL != `ALTER USER "iam_bob" RENAME TO "iam_robert"` || !strings.Contains(got[0].Summary, "password login stays disabled") {
		t.Fatalf("rename of a password-disabled user: %+v", got)
	}
	// Disabling in the same change: rename, then PASSWORD DISABLE under the new name.
	got, err = New().Render(change.Change{Kind: change.AlterUser, User: &change.UserSpec{Name: "carol", RenameTo: "carol2", PasswordDisabled: ptr(true)}}, snap)
	if err != nil {
		t.Fatal(err)
	}
	var sqls []string
	for _, s := range got {
		sqls = append(sqls, s.SQL)
	}
	if !slices.Equal(sqls, []string{`ALTER USER "carol" RENAME TO "carol2"`, `ALTER USER "carol2" PASSWORD DISABLE`}) {
		t.Fatalf("rename and disable: %q", sqls)
	}
	_, err = New().Render(change.Change{Kind: change.AlterUser, User: &change.UserSpec{Name: "carol", RenameTo: "carol2"}}, snap)
	if err == nil || !strings.Contains(err.Error(), "clears its password") {
		t.Fatalf("rename of a password user without a new password: %v", err)
	}
	// Enabling password login on rename needs the password, as before.
	_, err = New().Render(change.Change{Kind: change.AlterUser, User: &change.UserSpec{Name: "iam_bob", RenameTo: "x", PasswordDisabled: ptr(false)}}, snap)
	if err == nil || !strings.Contains(err.Error(), "give a new password") {
		t.Fatalf("enable on rename without a password: %v", err)
	}
}
