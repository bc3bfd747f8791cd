package model

// Redshift's grant surface beyond tables and routines: which IAM roles a
// principal may assume for which commands (GRANT ASSUMEROLE), ML models and
// datashares. Grants ON MODEL and ON DATASHARE are ordinary Grants (object
// kinds ObjModel and ObjDatashare); these types describe the rest.

// AssumeRole commands, as GRANT ASSUMEROLE … FOR spells them (DG r_GRANT).
const (
	AssumeCopy             = "COPY"
	AssumeUnload           = "UNLOAD"
	AssumeExternalFunction = "EXTERNAL FUNCTION"
	AssumeCreateModel      = "CREATE MODEL"
	AssumeAll              = "ALL"
)

// IAM role targets of GRANT ASSUMEROLE ON … that are keywords, not ARNs.
const (
	// IAMRoleDefault is ON default: the cluster's default IAM role
	// (svv_iam_privileges prints it as "default-aws-iam-role").
	IAMRoleDefault = "default"
	// IAMRoleAll is ON ALL: every IAM role attached to the cluster.
	IAMRoleAll = "ALL"
)

// MaxIAMRoleChain is the longest IAM role chain Redshift accepts ("You can
// chain up to 10 roles": DG copy-parameters-authorization, r_CREATE_EXTERNAL_SCHEMA).
const MaxIAMRoleChain = 10

// AssumeRoleGrant is one row of svv_iam_privileges: Grantee may use IAMRole
// (an ARN, a comma-separated chain of ARNs, IAMRoleDefault or IAMRoleAll) for Command.
type AssumeRoleGrant struct {
	IAMRole string       `json:"iamRole"`
	Command string       `json:"command"`
	Grantee PrincipalRef `json:"grantee"`
}

// Model is a Redshift ML model (svv_ml_model_info).
type Model struct {
	Schema string `json:"schema"`
	Name   string `json:"name"`
	Owner  string `json:"owner"`
	State  string `json:"state,omitempty"`
}

// Datashare is one datashare of the cluster (svv_datashares): OUTBOUND ones
// are produced here, INBOUND ones are shared with it.
type Datashare struct {
	Name              string `json:"name"`
	Owner             string `json:"owner"`
	Type              string `json:"type"` // OUTBOUND | INBOUND
	SourceDatabase    string `json:"sourceDatabase,omitempty"`
	ConsumerDatabase  string `json:"consumerDatabase,omitempty"`
	PublicAccessible  bool   `json:"publicAccessible"`
	ProducerAccount   string `json:"producerAccount,omitempty"`
	ProducerNamespace string `json:"producerNamespace,omitempty"`
	ManagedBy         string `json:"managedBy,omitempty"`
	// Consumers are the namespaces and accounts granted USAGE (svv_datashare_consumers).
	Consumers []DatashareConsumer `json:"consumers"`
}

// DatashareConsumer is an account or a namespace a datashare is shared with.
type DatashareConsumer struct {
	Account   string `json:"account,omitempty"`
	Namespace string `json:"namespace,omitempty"`
	SharedAt  string `json:"sharedAt,omitempty"`
}
