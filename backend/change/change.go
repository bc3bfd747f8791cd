// Package change turns typed edits from the UI into an ordered plan of SQL
// statements (rendered by the connected engine), applies the plan in one
// transaction and records it in the local audit log.
package change

import "github.com/redshiftmate/rsmate/backend/model"

// Kind names one typed edit. The frontend never sends SQL, only these.
type Kind string

const (
	CreateUser Kind = "create_user"
	AlterUser  Kind = "alter_user"
	DropUser   Kind = "drop_user"

	CreateRole Kind = "create_role"
	AlterRole  Kind = "alter_role"
	DropRole   Kind = "drop_role"
	GrantRole  Kind = "grant_role"
	RevokeRole Kind = "revoke_role"

	CreateGroup Kind = "create_group"
	AlterGroup  Kind = "alter_group"
	DropGroup   Kind = "drop_group"

	GrantPrivileges  Kind = "grant_privileges"
	RevokePrivileges Kind = "revoke_privileges"

	GrantDefaultPrivileges  Kind = "grant_default_privileges"
	RevokeDefaultPrivileges Kind = "revoke_default_privileges"

	GrantSystemPrivileges  Kind = "grant_system_privileges"
	RevokeSystemPrivileges Kind = "revoke_system_privileges"
)

// Change is one edit. Kind says which of the payload fields are read.
type Change struct {
	Kind Kind `json:"kind" ts_type:"'create_user' | 'alter_user' | 'drop_user' | 'create_role' | 'alter_role' | 'drop_role' | 'grant_role' | 'revoke_role' | 'create_group' | 'alter_group' | 'drop_group' | 'grant_privileges' | 'revoke_privileges' | 'grant_default_privileges' | 'revoke_default_privileges' | 'grant_system_privileges' | 'revoke_system_privileges' | 'grant_assumerole' | 'revoke_assumerole' | 'grant_datashare_usage' | 'revoke_datashare_usage'"`

	User      *UserSpec      `json:"user,omitempty"`      // create_user, alter_user, drop_user (Name only)
	Role      *RoleSpec      `json:"role,omitempty"`      // create_role, alter_role, drop_role
	Group     *GroupSpec     `json:"group,omitempty"`     // create_group, alter_group, drop_group
	Member    *MemberSpec    `json:"member,omitempty"`    // grant_role, revoke_role
	Privilege *PrivilegeSpec `json:"privilege,omitempty"` // grant/revoke_privileges
	Default   *DefaultSpec   `json:"default,omitempty"`   // grant/revoke_default_privileges
	System    *SystemSpec    `json:"system,omitempty"`    // grant/revoke_system_privileges
	// Redshift's ASSUMEROLE and datashare consumers (surface.go).
	AssumeRole     *AssumeRoleSpec     `json:"assumeRole,omitempty"`     // grant/revoke_assumerole
	DatashareUsage *DatashareUsageSpec `json:"datashareUsage,omitempty"` // grant/revoke_datashare_usage
}

// UserSpec describes a user to create, or the attributes to change (nil = unchanged).
type UserSpec struct {
	Name string `json:"name"`
	// RenameTo renames the user. On Redshift a rename clears the md5 password,
	// so a new Password must come with it.
	RenameTo string `json:"renameTo,omitempty"`
	// Password is clear text from the form; it is hashed before it becomes SQL
	// and never logged. nil = unchanged.
	Password         *string `json:"password,omitempty"`
	PasswordDisabled *bool   `json:"passwordDisabled,omitempty"`
	Superuser        *bool   `json:"superuser,omitempty"` // Redshift CREATEUSER / PostgreSQL SUPERUSER
	CreateDB         *bool   `json:"createDb,omitempty"`
	CreateRole       *bool   `json:"createRole,omitempty"`   // PostgreSQL only
	SyslogAccess     *string `json:"syslogAccess,omitempty"` // Redshift: RESTRICTED | UNRESTRICTED
	ConnectionLimit  *int    `json:"connectionLimit,omitempty"`
	// SessionTimeout in seconds (Redshift 60..1728000); 0 resets to the cluster default.
	SessionTimeout *int `json:"sessionTimeout,omitempty"`
	// ValidUntil is an ISO timestamp, "infinity" for never; "" leaves it unchanged.
	ValidUntil string   `json:"validUntil,omitempty"`
	InGroups   []string `json:"inGroups,omitempty"` // create_user on Redshift
	// ExternalID is the user's id at a registered identity provider (Redshift
	// EXTERNALID; password login must be disabled). nil = unchanged.
	ExternalID *string `json:"externalId,omitempty"`
	// SetParameters stores session defaults the user gets at its next login
	// (ALTER USER/ROLE … SET name TO value); ResetParameters removes them (RESET name).
	SetParameters   []Parameter `json:"setParameters,omitempty"`
	ResetParameters []string    `json:"resetParameters,omitempty"`
	// Successor takes over what a dropped user owns in the connected database
	// (ALTER … OWNER TO successor); without one, a drop of an owner is refused.
	Successor string `json:"successor,omitempty"`
}

// Parameter is one session default: a run-time parameter and its value as
// the catalog prints it (a list parameter such as search_path: "a, b").
type Parameter struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// RoleSpec describes a role to create or alter.
type RoleSpec struct {
	Name       string `json:"name"`
	RenameTo   string `json:"renameTo,omitempty"`
	Owner      string `json:"owner,omitempty"`      // Redshift ALTER ROLE … OWNER TO
	ExternalID string `json:"externalId,omitempty"` // Redshift EXTERNALID
	// Force drops a Redshift role together with its assignments (DROP ROLE … FORCE);
	// only after an explicit confirmation.
	Force bool `json:"force,omitempty"`
	// Successor takes over what a dropped role owns (drop_role), as for users.
	Successor string `json:"successor,omitempty"`
}

// GroupSpec describes a Redshift group to create or alter.
type GroupSpec struct {
	Name      string   `json:"name"`
	RenameTo  string   `json:"renameTo,omitempty"`
	Users     []string `json:"users,omitempty"` // create_group: initial members
	AddUsers  []string `json:"addUsers,omitempty"`
	DropUsers []string `json:"dropUsers,omitempty"`
}

// MemberSpec grants or revokes membership of Role to Member (a user or a role).
type MemberSpec struct {
	Role   string             `json:"role"`
	Member model.PrincipalRef `json:"member"`
	// AdminOption grants WITH ADMIN OPTION; on revoke it revokes only the admin option.
	AdminOption bool `json:"adminOption,omitempty"`
}

// Target says which objects a privilege change covers.
type Target string

const (
	TargetObjects Target = "objects" // Objects, listed
	// TargetAllInSchema: the existing objects of Kind in Schemas (GRANT … ON ALL
	// TABLES IN SCHEMA …); the kind's vocabulary descriptor has the Bulk form.
	TargetAllInSchema Target = "all_in_schema"
	// Scoped permissions (Redshift): current and future objects of Kind in
	// Schemas, or in Database; the kind's descriptor has the Scoped form.
	TargetScopedInSchema   Target = "scoped_in_schema"
	TargetScopedInDatabase Target = "scoped_in_database"
)

// PrivilegeSpec grants or revokes privileges on objects to or from one grantee.
type PrivilegeSpec struct {
	Privileges []string `json:"privileges"` // e.g. SELECT, INSERT; "ALL" for ALL PRIVILEGES
	Target     Target   `json:"target" ts_type:"'objects' | 'all_in_schema' | 'scoped_in_schema' | 'scoped_in_database' | 'create_model'"`
	// Kind is the object kind of the bulk and scoped targets (table, function, …).
	Kind     model.ObjectKind   `json:"kind,omitempty" ts_type:"'database' | 'schema' | 'table' | 'sequence' | 'column' | 'function' | 'procedure' | 'language' | 'model' | 'datashare' | 'copy_job'"`
	Objects  []model.ObjectRef  `json:"objects,omitempty"` // TargetObjects; all of one kind
	Columns  []string           `json:"columns,omitempty"` // column grants on one table (SELECT/UPDATE)
	Schemas  []string           `json:"schemas,omitempty"` // bulk and scoped-in-schema targets
	Database string             `json:"database,omitempty"`
	Grantee  model.PrincipalRef `json:"grantee"`
	// GrantOption: WITH GRANT OPTION on grant; GRANT OPTION FOR on revoke.
	GrantOption bool `json:"grantOption,omitempty"`
}

// DefaultSpec changes default privileges of objects Creator will create.
type DefaultSpec struct {
	Creator     model.PrincipalRef      `json:"creator"`          // FOR USER / FOR ROLE; empty name = current user
	Schema      string                  `json:"schema,omitempty"` // "" = database-wide
	ObjectType  model.DefaultObjectType `json:"objectType" ts_type:"'tables' | 'functions' | 'procedures' | 'sequences' | 'types' | 'schemas'"`
	Privileges  []string                `json:"privileges"`
	Grantee     model.PrincipalRef      `json:"grantee"`
	GrantOption bool                    `json:"grantOption,omitempty"`
}

// SystemSpec grants or revokes Redshift system permissions to or from a role.
type SystemSpec struct {
	Privileges []string `json:"privileges"` // e.g. "CREATE USER", "ACCESS SYSTEM TABLE"
	Role       string   `json:"role"`
}

// Statement is one rendered SQL statement of a plan.
type Statement struct {
	// SQL is what runs. It may contain a password hash: never log or show it.
	SQL string `json:"-"`
	// Display is SQL with secrets replaced by a placeholder, for the preview,
	// saved scripts and the audit log.
	Display string `json:"sql"`
	// Summary says in words what the statement does.
	Summary string `json:"summary"`
	// OutsideTransaction marks statements the engine refuses in a transaction block.
	OutsideTransaction bool `json:"outsideTransaction"`
	// Destructive marks statements that lose something (drops, revokes, password changes).
	Destructive bool `json:"destructive"`
	// ChangeIndex is the index of the Change it came from.
	ChangeIndex int `json:"changeIndex"`
}
