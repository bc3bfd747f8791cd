package model

import "time"

// Snapshot is everything the product knows about one database at one moment.
// Principals and memberships are cluster-wide; objects and grants belong to Database.
type Snapshot struct {
	Engine    string     `json:"engine"`
	Database  string     `json:"database"`
	LoadedAt  time.Time  `json:"loadedAt"`
	Databases []Database `json:"databases"`
	// ServerVersion is PostgreSQL's server_version_num (150004 for 15.4), 0
	// where unknown (Redshift). Access rules changed with versions: 16 made
	// role inheritance a property of each membership.
	ServerVersion int `json:"serverVersion,omitempty"`

	Users       []User       `json:"users"`
	Roles       []Role       `json:"roles"`
	Groups      []Group      `json:"groups"`
	Memberships []Membership `json:"memberships"`

	Schemas   []Schema   `json:"schemas"`
	Relations []Relation `json:"relations"`
	Routines  []Routine  `json:"routines"`
	Languages []Language `json:"languages"`

	// Grants is compact (see GrantTable); it encodes as a JSON array of Grant.
	Grants            GrantTable         `json:"grants"`
	DefaultPrivileges []DefaultPrivilege `json:"defaultPrivileges"`
	SystemPrivileges  []SystemPrivilege  `json:"systemPrivileges"`

	// Redshift's grant surface beyond objects (surface.go); empty elsewhere.
	AssumeRoles []AssumeRoleGrant `json:"assumeRoles"`
	Models      []Model           `json:"models"`
	Datashares  []Datashare       `json:"datashares"`

	// Partial is set when the connected user cannot see every row (Redshift
	// svv_* views silently hide rows from non-superusers); Warnings say which.
	Partial  bool     `json:"partial"`
	Warnings []string `json:"warnings"`
	// Queries is how many statements the load issued.
	Queries int `json:"queries"`
}
