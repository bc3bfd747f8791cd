package redshift

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/redshiftmate/rsmate/backend/model"
)

// Pure mapping from Redshift catalog values to the model. Nothing here talks to a server.

// ClassifyUser tells how a user authenticates or who manages it, from its name
// and external id (https://docs.aws.amazon.com/redshift/latest/dg/r_names.html,
// https://docs.aws.amazon.com/redshift/latest/mgmt/generating-iam-credentials-cli-api.html):
//   - rdsdb (Redshift's internal superuser) and ds:* (data-sharing internals): system
//   - IAMR:<role>: an IAM role (Serverless, GetClusterCredentialsWithIAM)
//   - IAM:<user> / IAMA:<user>: an IAM user
//   - any other <namespace>:<user>, or a user with an external id: identity provider (IdC)
//   - everything else: local (password) user
func ClassifyUser(name, externalID string) model.IdentityType {
	lower := strings.ToLower(name)
	switch {
	case lower == "rdsdb", strings.HasPrefix(lower, "ds:"), strings.HasPrefix(lower, "sys:"):
		return model.IdentitySystem
	case strings.HasPrefix(name, "IAMR:"):
		return model.IdentityIAMRole
	case strings.HasPrefix(name, "IAM:"), strings.HasPrefix(name, "IAMA:"):
		return model.IdentityIAM
	case strings.Contains(name, ":"), externalID != "":
		return model.IdentityIdC
	}
	return model.IdentityLocal
}

// IsSystemRole marks roles the product must not alter: sys:* roles and ds:* data-sharing roles.
func IsSystemRole(name string) bool {
	lower := strings.ToLower(name)
	return strings.HasPrefix(lower, "sys:") || strings.HasPrefix(lower, "ds:")
}

// isSystemSchema marks catalog schemas.
func isSystemSchema(name string) bool {
	switch name {
	case "information_schema", "catalog_history":
		return true
	}
	return strings.HasPrefix(name, "pg_")
}

// Principal maps an svv_* identity_type (user | role | group | public) and name to a reference.
func Principal(identityType, name string) (model.PrincipalRef, bool) {
	switch strings.ToLower(strings.TrimSpace(identityType)) {
	case "user":
		return model.PrincipalRef{Kind: model.KindUser, Name: name}, true
	case "role":
		return model.PrincipalRef{Kind: model.KindRole, Name: name}, true
	case "group":
		return model.PrincipalRef{Kind: model.KindGroup, Name: name}, true
	case "public":
		return model.Public, true
	}
	return model.PrincipalRef{}, false
}

// ParseIDList splits pg_group.grolist as array_to_string(grolist, ',') prints it.
func ParseIDList(s string) ([]int64, error) {
	s = strings.Trim(strings.TrimSpace(s), "{}")
	if s == "" {
		return nil, nil
	}
	parts := strings.Split(s, ",")
	out := make([]int64, 0, len(parts))
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" || strings.EqualFold(p, "NULL") {
			continue
		}
		id, err := strconv.ParseInt(p, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("group member id %q: %w", p, err)
		}
		out = append(out, id)
	}
	return out, nil
}

// ParseConnectionLimit reads svv_user_info.connection_limit (text): a number, or
// UNLIMITED / empty / negative for no limit (-1).
func ParseConnectionLimit(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 {
		return -1
	}
	return n
}

// NormalizePrivilege upper-cases a privilege keyword; TEMPORARY becomes TEMP.
func NormalizePrivilege(p string) string {
	p = strings.ToUpper(strings.TrimSpace(p))
	if p == "TEMPORARY" {
		return model.PrivTemp
	}
	return p
}

// Scope maps privilege_scope to Grant.Scope: the object's own level (SCHEMA in
// svv_schema_privileges, DATABASE in svv_database_privileges) or empty is an
// object grant (""); anything else (SCHEMAS, TABLES, FUNCTIONS, PROCEDURES,
// LANGUAGES …) is a scoped permission covering current and future objects.
func Scope(privilegeScope, objectLevel string) string {
	s := strings.ToUpper(strings.TrimSpace(privilegeScope))
	if s == "" || s == objectLevel {
		return ""
	}
	return s
}

// NormalizeArgs makes argument-type lists comparable: "integer,character varying"
// and "integer, character varying" are the same signature.
func NormalizeArgs(s string) string {
	parts := strings.Split(s, ",")
	for i, p := range parts {
		parts[i] = strings.Join(strings.Fields(strings.ToLower(p)), " ")
	}
	out := strings.Join(parts, ", ")
	if strings.TrimSpace(out) == "" {
		return ""
	}
	return out
}

// ValidUntil turns a printed valuntil into the model's form ("" means never).
func ValidUntil(s string) string {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "infinity") {
		return ""
	}
	return s
}

// DefaultObjectType maps svv_default_privileges.object_type.
func DefaultObjectType(s string) model.DefaultObjectType {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "RELATION", "TABLE", "TABLES":
		return model.DefTables
	case "FUNCTION", "FUNCTIONS":
		return model.DefFunctions
	case "PROCEDURE", "PROCEDURES":
		return model.DefProcedures
	}
	return model.DefaultObjectType(strings.ToLower(strings.TrimSpace(s)))
}

// RelationKind maps pg_class.relkind; a view without columns is late-binding.
func RelationKind(relkind string, natts int) (model.RelationKind, bool) {
	switch relkind {
	case "r":
		return model.RelTable, true
	case "v":
		if natts == 0 {
			return model.RelLateBindingView, true
		}
		return model.RelView, true
	case "m":
		return model.RelMaterializedView, true
	case "p":
		return model.RelPartitionedTable, true
	case "f":
		return model.RelForeignTable, true
	}
	return "", false
}

// ColumnType prints a svv_columns type with its length or precision.
func ColumnType(dataType string, charLen, precision, scale int) string {
	switch strings.ToLower(dataType) {
	case "character varying", "character", "varchar", "char", "bpchar", "nvarchar", "nchar":
		if charLen > 0 {
			return fmt.Sprintf("%s(%d)", dataType, charLen)
		}
	case "numeric", "decimal":
		if precision > 0 {
			return fmt.Sprintf("%s(%d,%d)", dataType, precision, scale)
		}
	}
	return dataType
}

// SplitConfig splits useconfig joined with chr(31).
func SplitConfig(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\x1f")
}
