package vocab

import "github.com/redshiftmate/rsmate/backend/model"

// AssumeRole describes GRANT ASSUMEROLE (Redshift): not a kind, because its
// "object" is a list of IAM role ARNs (or default, or ALL) and its
// privileges are the commands after FOR, which follow the grantee.
type AssumeRole struct {
	// Commands are the FOR commands, in the grammar's order; ALL covers them all.
	Commands []Privilege `json:"commands"`
	// MaxChain is the longest role chain one ON entry may name.
	MaxChain int `json:"maxChain"`
	// Grantees may receive it (no grant option for anyone).
	Grantees []model.PrincipalKind `json:"grantees" ts_type:"('user' | 'role' | 'group' | 'public')[]"`
}

var redshiftAssumeRole = &AssumeRole{
	Commands: []Privilege{
		{Name: model.AssumeCopy, Help: "load data with COPY … IAM_ROLE"},
		{Name: model.AssumeUnload, Help: "write query results with UNLOAD … IAM_ROLE"},
		{Name: model.AssumeExternalFunction, Help: "create external (Lambda) functions with the role"},
		{Name: model.AssumeCreateModel, Help: "train ML models with CREATE MODEL … IAM_ROLE"},
	},
	MaxChain: model.MaxIAMRoleChain,
	Grantees: []model.PrincipalKind{model.KindUser, model.KindRole, model.KindGroup, model.KindPublic},
}

// redshiftCreateModel is GRANT CREATE MODEL TO …: database-wide, no object.
var redshiftCreateModel = &Privilege{Name: "CREATE MODEL", Help: "create ML models in the connected database"}
