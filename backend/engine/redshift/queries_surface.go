package redshift

// Catalog statements for Redshift's grant surface beyond objects, one per
// view, same rules as queries.go.

// sqlIAMPrivileges: who may assume which IAM role for which command (DG
// r_SVV_IAM_PRIVILEGES; the page's sample prints default as
// "default-aws-iam-role" and EXTERNAL FUNCTION as "EXFUNC").
const sqlIAMPrivileges = `SELECT COALESCE(iam_arn, ''), COALESCE(command_type, ''), COALESCE(identity_id, 0),
       COALESCE(identity_name, ''), COALESCE(identity_type, '')
FROM svv_iam_privileges`

// sqlDatashares: datashares produced here (OUTBOUND) and shared with this
// cluster (INBOUND); share_owner is a user id (DG r_SVV_DATASHARES).
const sqlDatashares = `SELECT COALESCE(share_name, ''), COALESCE(share_owner, 0), COALESCE(share_type, ''),
       COALESCE(source_database, ''), COALESCE(consumer_database, ''), COALESCE(is_publicaccessible, false),
       COALESCE(producer_account, ''), COALESCE(producer_namespace, ''), COALESCE(managed_by, '')
FROM svv_datashares`

// sqlDatashareConsumers: accounts and namespaces granted USAGE (DG r_SVV_DATASHARE_CONSUMERS).
const sqlDatashareConsumers = `SELECT COALESCE(share_name, ''), COALESCE(consumer_account, ''), COALESCE(consumer_namespace, ''),
       COALESCE(share_date::text, '')
FROM svv_datashare_consumers`

// sqlDatasharePrivileges: ALTER and SHARE held by users, roles, groups and PUBLIC (DG r_SVV_DATASHARE_PRIVILEGES).
const sqlDatasharePrivileges = `SELECT COALESCE(datashare_name, ''), COALESCE(privilege_type, ''), COALESCE(identity_id, 0),
       COALESCE(identity_name, ''), COALESCE(identity_type, ''), COALESCE(admin_option, false)
FROM svv_datashare_privileges`

// sqlModels: ML models with owner and state (DG r_SVV_ML_MODEL_INFO; char(128) columns).
const sqlModels = `SELECT COALESCE(database_name, ''), COALESCE(schema_name, ''), COALESCE(model_name, ''),
       COALESCE(user_name, ''), COALESCE(model_state, '')
FROM svv_ml_model_info`

// sqlModelPrivileges: EXECUTE on models (DG r_SVV_ML_MODEL_PRIVILEGES).
const sqlModelPrivileges = `SELECT COALESCE(namespace_name, ''), COALESCE(model_name, ''), COALESCE(privilege_type, ''),
       COALESCE(identity_id, 0), COALESCE(identity_name, ''), COALESCE(identity_type, ''), COALESCE(admin_option, false)
FROM svv_ml_model_privileges`
