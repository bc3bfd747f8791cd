// Package model is the engine-neutral access model of one database of a
// cluster: principals, memberships, objects, privileges and default privileges.
// Readers in backend/engine fill it; nothing here talks to a server.
package model

import "strings"

// PrincipalKind names what can hold privileges.
type PrincipalKind string

const (
	KindUser   PrincipalKind = "user"
	KindRole   PrincipalKind = "role"
	KindGroup  PrincipalKind = "group"
	KindPublic PrincipalKind = "public"
)

// IdentityType classifies a user by how it authenticates or who owns it.
type IdentityType string

const (
	IdentityLocal   IdentityType = "local"    // password user
	IdentityIAM     IdentityType = "iam"      // "IAM:<user>" (Redshift, GetClusterCredentialsWithIAM)
	IdentityIAMRole IdentityType = "iam_role" // "IAMR:<role>" (Redshift Serverless / IAM roles)
	IdentityIdC     IdentityType = "idc"      // "<namespace>:<user>" from a registered identity provider
	IdentitySystem  IdentityType = "system"   // rdsdb, rdsadmin, pg_* roles, ds:* …
)

// PrincipalRef points at a principal. PUBLIC has an empty Name.
type PrincipalRef struct {
	Kind PrincipalKind `json:"kind" ts_type:"'user' | 'role' | 'group' | 'public'"`
	Name string        `json:"name"`
}

// Public is the PUBLIC pseudo-principal.
var Public = PrincipalRef{Kind: KindPublic}

// ComparePrincipals orders principals by kind, then name: the order of their
// "kind:name" strings (no kind is a prefix of another), without building them.
func ComparePrincipals(a, b PrincipalRef) int {
	if a.Kind != b.Kind {
		return strings.Compare(string(a.Kind), string(b.Kind))
	}
	return strings.Compare(a.Name, b.Name)
}

// User is a login identity. Fields an engine lacks stay at their zero value.
type User struct {
	ID        int64  `json:"id"`
	Name      string `json:"name"`
	Superuser bool   `json:"superuser"`
	CreateDB  bool   `json:"createDb"`
	// CreateRole is PostgreSQL's CREATEROLE. (Redshift's CREATEUSER keyword means superuser.)
	CreateRole  bool `json:"createRole"`
	Inherit     bool `json:"inherit"`     // PostgreSQL
	BypassRLS   bool `json:"bypassRls"`   // PostgreSQL
	Replication bool `json:"replication"` // PostgreSQL
	// ConnectionLimit is -1 for unlimited.
	ConnectionLimit int `json:"connectionLimit"`
	// SessionTimeout is in seconds; 0 means the cluster default (Redshift).
	SessionTimeout int `json:"sessionTimeout"`
	// SyslogAccess is "RESTRICTED" or "UNRESTRICTED" (Redshift), "" elsewhere.
	SyslogAccess string `json:"syslogAccess"`
	// ValidUntil is the password expiry as the server prints it; "" means never.
	ValidUntil       string   `json:"validUntil"`
	PasswordDisabled bool     `json:"passwordDisabled"`
	ExternalID       string   `json:"externalId"`
	Config           []string `json:"config"` // session defaults, "name=value"
	// LastDDL is when the user last ran DDL (Redshift svv_user_info, RFC 3339 UTC); "" when unknown.
	LastDDL  string       `json:"lastDdl,omitempty"`
	Identity IdentityType `json:"identity" ts_type:"'local' | 'iam' | 'iam_role' | 'idc' | 'system'"`
	Comment  string       `json:"comment,omitempty"`
}

// Role is an RBAC role (Redshift CREATE ROLE; PostgreSQL NOLOGIN role).
type Role struct {
	ID         int64  `json:"id"`
	Name       string `json:"name"`
	Owner      string `json:"owner"`      // Redshift role_owner
	ExternalID string `json:"externalId"` // Redshift EXTERNALID
	// System marks roles the product must not alter: Redshift sys:* and ds:*, PostgreSQL pg_*.
	System     bool   `json:"system"`
	Superuser  bool   `json:"superuser"` // PostgreSQL role attributes
	CreateDB   bool   `json:"createDb"`
	CreateRole bool   `json:"createRole"`
	Inherit    bool   `json:"inherit"`
	Comment    string `json:"comment,omitempty"`
}

// Group is a Redshift legacy group: a flat set of users.
type Group struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// Membership says Member belongs to Of (a role or a group).
type Membership struct {
	Member      PrincipalRef `json:"member"`
	Of          PrincipalRef `json:"of"`
	AdminOption bool         `json:"adminOption"`
	Grantor     string       `json:"grantor,omitempty"`
	// InheritOption and SetOption are PostgreSQL 16+ per-membership options;
	// nil where the engine has none (older PostgreSQL: inheritance follows the
	// member's Inherit attribute).
	InheritOption *bool `json:"inheritOption,omitempty"`
	SetOption     *bool `json:"setOption,omitempty"`
}

// UserRef, RoleRef and GroupRef name a principal of that kind.
func UserRef(name string) PrincipalRef  { return PrincipalRef{Kind: KindUser, Name: name} }
func RoleRef(name string) PrincipalRef  { return PrincipalRef{Kind: KindRole, Name: name} }
func GroupRef(name string) PrincipalRef { return PrincipalRef{Kind: KindGroup, Name: name} }
