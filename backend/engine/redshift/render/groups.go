package rsrender

import (
	"strconv"
	"strings"

	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/engine/internal/grantsql"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/sqltext"
)

// checkGroupName: names starting with two underscores are reserved (DG r_CREATE_GROUP).
func checkGroupName(name string) error {
	if strings.HasPrefix(name, "__") {
		return apperr.Invalid("group names starting with two underscores (__) are reserved for Redshift's internal use")
	}
	return sqltext.Redshift.CheckName("group", name)
}

// createGroup: CREATE GROUP "g" [WITH USER "u1", "u2"] (DG r_CREATE_GROUP);
// members beyond the first chunk join through ALTER GROUP … ADD USER.
func createGroup(g *change.GroupSpec) ([]change.Statement, error) {
	if g == nil {
		return nil, apperr.Invalid("the group is missing")
	}
	if g.RenameTo != "" || len(g.AddUsers) > 0 || len(g.DropUsers) > 0 {
		return nil, apperr.Invalid("a new group takes its members in Users; rename and member changes apply to existing groups")
	}
	if err := checkGroupName(g.Name); err != nil {
		return nil, err
	}
	q := grantsql.NewQ(sqltext.Redshift)
	group := q.Ident("group", g.Name)
	users := grantsql.Uniq(g.Users)
	chunks := grantsql.Chunks(len(users), grantsql.MaxObjectsPerStatement)
	sql := "CREATE GROUP " + group
	sum := "Create group " + g.Name
	if len(chunks) > 0 {
		first := users[chunks[0][0]:chunks[0][1]]
		sql += " WITH USER " + q.Idents("user", first)
		sum += " with " + members(first)
	}
	out := []change.Statement{grantsql.Stmt(sql, sum, false)}
	for i := 1; i < len(chunks); i++ {
		part := users[chunks[i][0]:chunks[i][1]]
		out = append(out, grantsql.Stmt("ALTER GROUP "+group+" ADD USER "+q.Idents("user", part),
			"Add "+members(part)+" to group "+g.Name, false))
	}
	if err := q.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// alterGroup: ALTER GROUP "g" ADD USER …; ALTER GROUP "g" DROP USER …;
// ALTER GROUP "g" RENAME TO "g2" — the grammar takes one action per statement
// (DG r_ALTER_GROUP); the rename goes last.
func alterGroup(g *change.GroupSpec) ([]change.Statement, error) {
	if g == nil {
		return nil, apperr.Invalid("the group is missing")
	}
	if len(g.Users) > 0 {
		return nil, apperr.Invalid("to change the members of an existing group, use AddUsers and DropUsers")
	}
	q := grantsql.NewQ(sqltext.Redshift)
	group := q.Ident("group", g.Name)
	var out []change.Statement
	for _, action := range []struct {
		users       []string
		sql, verb   string
		destructive bool
	}{{g.AddUsers, " ADD USER ", "Add %s to group ", false}, {g.DropUsers, " DROP USER ", "Remove %s from group ", true}} {
		users := grantsql.Uniq(action.users)
		for _, c := range grantsql.Chunks(len(users), grantsql.MaxObjectsPerStatement) {
			part := users[c[0]:c[1]]
			out = append(out, grantsql.Stmt("ALTER GROUP "+group+action.sql+q.Idents("user", part),
				strings.Replace(action.verb, "%s", members(part), 1)+g.Name, action.destructive))
		}
	}
	if g.RenameTo != "" {
		if err := checkGroupName(g.RenameTo); err != nil {
			return nil, err
		}
		out = append(out, grantsql.Stmt("ALTER GROUP "+group+" RENAME TO "+q.Ident("group", g.RenameTo),
			"Rename group "+g.Name+" to "+g.RenameTo, false))
	}
	if err := q.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, apperr.Invalid("nothing to change for group %s", g.Name)
	}
	return out, nil
}

// dropGroup revokes the group's privileges and default privileges, which
// block DROP GROUP (DG r_DROP_GROUP), then drops it; its users stay.
func dropGroup(g *change.GroupSpec, snap *model.Snapshot) ([]change.Statement, error) {
	if g == nil {
		return nil, apperr.Invalid("the group is missing")
	}
	out, err := clearForDrop(model.GroupRef(g.Name), "", snap)
	if err != nil {
		return nil, err
	}
	q := grantsql.NewQ(sqltext.Redshift)
	sql := "DROP GROUP " + q.Ident("group", g.Name)
	if err := q.Err(); err != nil {
		return nil, err
	}
	return append(out, grantsql.Stmt(sql, "Drop group "+g.Name+" (its users stay)", true)), nil
}

func members(users []string) string {
	if len(users) == 1 {
		return "user " + users[0]
	}
	if len(users) <= 3 {
		return "users " + strings.Join(users, ", ")
	}
	return strconv.Itoa(len(users)) + " users"
}
