package pgrender

import (
	"github.com/redshiftmate/rsmate/backend/apperr"
	"github.com/redshiftmate/rsmate/backend/change"
	"github.com/redshiftmate/rsmate/backend/model"
)

// refuseRedshiftOnly names the Redshift grants PostgreSQL lacks (ML models,
// datashares, CREATE MODEL) instead of a generic "unknown kind".
func refuseRedshiftOnly(p *change.PrivilegeSpec) error {
	if p == nil {
		return nil
	}
	if p.Target == change.TargetCreateModel {
		return apperr.Invalid("PostgreSQL has no CREATE MODEL privilege; ML models are a Redshift feature")
	}
	if p.Target == change.TargetObjects && len(p.Objects) > 0 {
		switch p.Objects[0].Kind {
		case model.ObjModel:
			return apperr.Invalid("PostgreSQL has no ML models; GRANT … ON MODEL is Redshift's")
		case model.ObjDatashare:
			return apperr.Invalid("PostgreSQL has no datashares; GRANT … ON DATASHARE is Redshift's")
		}
	}
	return nil
}
