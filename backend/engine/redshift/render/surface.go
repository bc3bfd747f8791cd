package rsrender

import (
	"strconv"

	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/model"
)

// surfacePrivileges routes the privilege changes the shared object renderer
// does not cover: models, datashares and CREATE MODEL. ok is false for
// everything else.
func surfacePrivileges(grant bool, p *change.PrivilegeSpec, snap *model.Snapshot) (st []change.Statement, ok bool, err error) {
	if p == nil {
		return nil, false, nil
	}
	if p.Target == change.TargetCreateModel {
		st, err = modelGrants(grant, p)
		return st, true, err
	}
	if p.Target != change.TargetObjects || len(p.Objects) == 0 {
		return nil, false, nil
	}
	switch p.Objects[0].Kind {
	case model.ObjModel:
		st, err = modelGrants(grant, p)
		return st, true, err
	case model.ObjDatashare:
		st, err = datashareGrants(grant, p, snap)
		return st, true, err
	}
	return nil, false, nil
}

func itoa(n int) string { return strconv.Itoa(n) }
