package rsrender

import (
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/engine/internal/grantsql"
	"github.com/redshiftmate/rsmate/backend/model"
)

// clearForDrop is dialect.ClearForDrop plus the surface a principal can hold
// that blocks its drop: ASSUMEROLE grants (amazon-redshift-utils#620: DROP
// USER fails while svv_iam_privileges names the user) and privileges on
// datashares and models. Those are revoked first, with this package's
// renderers, and the shared clearing sees the snapshot without them.
func clearForDrop(who model.PrincipalRef, successor string, snap *model.Snapshot) ([]change.Statement, error) {
	out, err := clearAssumeRoles(who, snap)
	if err != nil {
		return nil, err
	}
	objs, snap, err := clearSurfaceObjects(who, snap)
	if err != nil {
		return nil, err
	}
	rest, _, err := dialect.ClearForDrop(who, successor, snap)
	if err != nil {
		return nil, err
	}
	return append(append(out, objs...), rest...), nil
}

// clearAssumeRoles revokes who's ASSUMEROLE grants (cluster-wide: once, where
// the DROP runs).
func clearAssumeRoles(who model.PrincipalRef, snap *model.Snapshot) ([]change.Statement, error) {
	if snap == nil {
		return nil, nil
	}
	var out []change.Statement
	cmds := map[string][]string{}
	var order []string
	for _, g := range snap.AssumeRoles {
		if g.Grantee != who {
			continue
		}
		if cmds[g.IAMRole] == nil {
			order = append(order, g.IAMRole)
		}
		cmds[g.IAMRole] = append(cmds[g.IAMRole], g.Command)
	}
	for _, r := range order {
		st, err := assumeRole(false, &change.AssumeRoleSpec{IAMRoles: []string{r}, Commands: cmds[r], Grantee: who})
		if err != nil {
			return nil, err
		}
		out = append(out, st...)
	}
	return out, nil
}

// clearSurfaceObjects revokes who's privileges on the database's models and
// datashares, and returns the snapshot without them for the shared clearing.
func clearSurfaceObjects(who model.PrincipalRef, snap *model.Snapshot) ([]change.Statement, *model.Snapshot, error) {
	if snap == nil {
		return nil, snap, nil
	}
	var out []change.Statement
	held := map[model.ObjectRef][]string{}
	var objs []model.ObjectRef
	for _, g := range snap.Grants.All() {
		if g.Grantee != who || (g.Object.Kind != model.ObjModel && g.Object.Kind != model.ObjDatashare) {
			continue
		}
		if held[g.Object] == nil {
			objs = append(objs, g.Object)
		}
		held[g.Object] = append(held[g.Object], g.Privilege)
	}
	for _, o := range objs {
		st, _, err := surfacePrivileges(false, &change.PrivilegeSpec{Privileges: grantsql.Uniq(held[o]), Target: change.TargetObjects,
			Objects: []model.ObjectRef{o}, Grantee: who}, snap)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, st...)
	}
	if len(objs) > 0 {
		rest := *snap
		rest.Grants = snap.Grants.Clone()
		rest.Grants.DeleteFunc(func(g model.Grant) bool {
			return g.Grantee == who && (g.Object.Kind == model.ObjModel || g.Object.Kind == model.ObjDatashare)
		})
		snap = &rest
	}
	return out, snap, nil
}
