export namespace access {
	
	export interface Source {
	    via: model.PrincipalRef[];
	    grant: model.Grant;
	    setRole?: string;
	    note?: string;
	}
	export interface Cell {
	    object: model.ObjectRef;
	    privilege: string;
	    scope?: string;
	    direct: boolean;
	    inherited: boolean;
	    grantOption: boolean;
	    setRole?: string;
	    sources: Source[];
	}
	export interface Reached {
	    from: model.PrincipalRef;
	    via: model.PrincipalRef[];
	    note?: string;
	}
	export interface Effective {
	    principal: model.PrincipalRef;
	    superuser: boolean;
	    setRoleSuperuser?: string;
	    cells: Cell[];
	    scoped: Cell[];
	    reach: Reached[];
	}
	

}

export namespace app {
	
	export interface AWSSignIn {
	    id: string;
	    userCode: string;
	    url: string;
	}
	export interface SandboxInfo {
	    running: boolean;
	    available: boolean;
	    binDir: string;
	    need: string;
	}
	export interface LicenseCount {
	    license: string;
	    count: number;
	}
	export interface AboutInfo {
	    version: string;
	    commit: string;
	    buildDate: string;
	    goVersion: string;
	    wails: string;
	    platform: string;
	    configDir: string;
	    profilesFile: string;
	    auditLog: string;
	    appLog: string;
	    packages: number;
	    licenses: LicenseCount[];
	    sandbox: SandboxInfo;
	}
	export interface CatalogCounts {
	    users: number;
	    roles: number;
	    systemRoles: number;
	    groups: number;
	    schemas: number;
	    relations: number;
	    routines: number;
	    grants: number;
	    defaultPrivileges: number;
	}
	export interface CatalogSummary {
	    sessionId: string;
	    engine: string;
	    database: string;
	    databases: string[];
	    capabilities: engine.Capabilities;
	    counts: CatalogCounts;
	    partial: boolean;
	    warnings: string[];
	    queries: number;
	    loadMillis: number;
	    loadedAt: string;
	}
	export interface ApplyResult {
	    applied: boolean;
	    cancelled: boolean;
	    executed: number;
	    outcome: 'applied' | 'not_applied' | 'partially_applied' | 'unknown';
	    commitReplyLost: boolean;
	    statements: change.StatementResult[];
	    noEffect: number;
	    reloadError: string;
	    auditError: string;
	    catalog: CatalogSummary;
	}
	
	
	export interface ConnectRequest {
	    profileId: string;
	    password: string;
	    attemptId: string;
	    mfaCode?: string;
	    sshSecret?: string;
	}
	export interface GroupRow {
	    id: number;
	    name: string;
	    members: number;
	    grants: number;
	}
	export interface KeychainStatus {
	    available: boolean;
	    message: string;
	    storeWarning: string;
	}
	
	export interface ObjectRow {
	    ref: model.ObjectRef;
	    kind: string;
	    owner: string;
	    grantees: model.PrincipalRef[];
	}
	export interface PlanView {
	    id: string;
	    statements: change.Statement[];
	    transactional: boolean;
	    destructive: boolean;
	    readOnly: boolean;
	    script: string;
	    warnings: string[];
	}
	export interface PrincipalDetail {
	    ref: model.PrincipalRef;
	    user?: model.User;
	    role?: model.Role;
	    group?: model.Group;
	    memberOf: model.Membership[];
	    members: model.Membership[];
	    grants: model.Grant[];
	    defaultsAsOwner: model.DefaultPrivilege[];
	    defaultsReceived: model.DefaultPrivilege[];
	    systemPrivileges: string[];
	    relations: model.Relation[];
	    inheritsFrom: access.Reached[];
	    owned: ObjectRow[];
	}
	export interface ProfileView {
	    id: string;
	    name: string;
	    engine: 'redshift' | 'postgres';
	    host: string;
	    port: number;
	    database: string;
	    user: string;
	    sslMode: 'disable' | 'require' | 'verify-ca' | 'verify-full';
	    caFile?: string;
	    connectTimeoutSec: number;
	    readOnly: boolean;
	    color?: string;
	    auth?: profile.AuthSettings;
	    ssh?: profile.SSHTunnel;
	    passwordSaved?: boolean;
	    sandbox?: boolean;
	    hasPassword: boolean;
	    passwordForgotten?: boolean;
	}
	export interface RoleRow {
	    id: number;
	    name: string;
	    owner: string;
	    externalId: string;
	    system: boolean;
	    superuser: boolean;
	    createDb: boolean;
	    createRole: boolean;
	    inherit: boolean;
	    comment?: string;
	    members: number;
	    memberOf: number;
	    grants: number;
	    systemPrivileges: string[];
	}
	
	export interface SaveProfileRequest {
	    profile: profile.Profile;
	    password: string;
	    setPassword: boolean;
	    sshSecret?: string;
	    setSshSecret?: boolean;
	}
	export interface SchemaRow {
	    name: string;
	    owner: string;
	    type: string;
	    system: boolean;
	    tables: number;
	    views: number;
	    sequences: number;
	    functions: number;
	    procedures: number;
	    grants: number;
	}
	export interface SessionInfo {
	    id: string;
	    profileId: string;
	    profileName: string;
	    readOnly: boolean;
	    server: session.ServerInfo;
	}
	export interface TestRequest {
	    profile: profile.Profile;
	    password: string;
	    useStoredPassword: boolean;
	    attemptId: string;
	    mfaCode?: string;
	    sshSecret?: string;
	}
	export interface UserRow {
	    id: number;
	    name: string;
	    superuser: boolean;
	    createDb: boolean;
	    createRole: boolean;
	    inherit: boolean;
	    bypassRls: boolean;
	    replication: boolean;
	    connectionLimit: number;
	    sessionTimeout: number;
	    syslogAccess: string;
	    validUntil: string;
	    passwordDisabled: boolean;
	    externalId: string;
	    config: string[];
	    identity: 'local' | 'iam' | 'iam_role' | 'idc' | 'system';
	    comment?: string;
	    roles: number;
	    groups: number;
	    grants: number;
	}

}

export namespace change {
	
	export interface AuditEntry {
	    time: string;
	    planId: string;
	    profile: string;
	    profileId: string;
	    server: string;
	    serverUser: string;
	    statement: string;
	    outcome: string;
	}
	export interface AuditPage {
	    entries: AuditEntry[];
	    corruptLines: number[];
	}
	export interface SystemSpec {
	    privileges: string[];
	    role: string;
	}
	export interface DefaultSpec {
	    creator: model.PrincipalRef;
	    schema?: string;
	    objectType: 'tables' | 'functions' | 'procedures' | 'sequences' | 'types' | 'schemas';
	    privileges: string[];
	    grantee: model.PrincipalRef;
	    grantOption?: boolean;
	}
	export interface PrivilegeSpec {
	    privileges: string[];
	    target: 'objects' | 'all_tables_in_schema' | 'all_functions_in_schema' | 'all_procedures_in_schema' | 'scoped_tables_in_schema' | 'scoped_functions_in_schema' | 'scoped_tables_in_database' | 'scoped_schemas_in_database';
	    objects?: model.ObjectRef[];
	    columns?: string[];
	    schemas?: string[];
	    database?: string;
	    grantee: model.PrincipalRef;
	    grantOption?: boolean;
	}
	export interface MemberSpec {
	    role: string;
	    member: model.PrincipalRef;
	    adminOption?: boolean;
	}
	export interface GroupSpec {
	    name: string;
	    renameTo?: string;
	    users?: string[];
	    addUsers?: string[];
	    dropUsers?: string[];
	}
	export interface RoleSpec {
	    name: string;
	    renameTo?: string;
	    owner?: string;
	    externalId?: string;
	    force?: boolean;
	    successor?: string;
	}
	export interface UserSpec {
	    name: string;
	    renameTo?: string;
	    password?: string;
	    passwordDisabled?: boolean;
	    superuser?: boolean;
	    createDb?: boolean;
	    createRole?: boolean;
	    syslogAccess?: string;
	    connectionLimit?: number;
	    sessionTimeout?: number;
	    validUntil?: string;
	    inGroups?: string[];
	    successor?: string;
	}
	export interface Change {
	    kind: 'create_user' | 'alter_user' | 'drop_user' | 'create_role' | 'alter_role' | 'drop_role' | 'grant_role' | 'revoke_role' | 'create_group' | 'alter_group' | 'drop_group' | 'grant_privileges' | 'revoke_privileges' | 'grant_default_privileges' | 'revoke_default_privileges' | 'grant_system_privileges' | 'revoke_system_privileges';
	    user?: UserSpec;
	    role?: RoleSpec;
	    group?: GroupSpec;
	    member?: MemberSpec;
	    privilege?: PrivilegeSpec;
	    default?: DefaultSpec;
	    system?: SystemSpec;
	}
	
	
	
	
	
	export interface Statement {
	    sql: string;
	    summary: string;
	    outsideTransaction: boolean;
	    destructive: boolean;
	    changeIndex: number;
	}
	export interface StatementResult {
	    outcome: 'ok' | 'no_effect' | 'unverified' | 'unknown' | 'not_applied' | 'failed';
	    notices: string[];
	    detail?: string;
	}
	

}

export namespace engine {
	
	export interface Capabilities {
	    groups: boolean;
	    roles: boolean;
	    nestedRoles: boolean;
	    roleAdminOption: boolean;
	    systemPrivileges: boolean;
	    scopedPermissions: boolean;
	    columnPrivileges: boolean;
	    procedures: boolean;
	    defaultPrivileges: boolean;
	    sessionTimeout: boolean;
	    syslogAccess: boolean;
	    maxIdentifierBytes: number;
	}

}

export namespace model {
	
	export interface Column {
	    name: string;
	    position: number;
	    type: string;
	}
	export interface PrincipalRef {
	    kind: 'user' | 'role' | 'group' | 'public';
	    name: string;
	}
	export interface DefaultPrivilege {
	    creator: PrincipalRef;
	    schema?: string;
	    objectType: 'tables' | 'functions' | 'procedures' | 'sequences' | 'types' | 'schemas';
	    grantee: PrincipalRef;
	    privilege: string;
	    grantOption: boolean;
	    implied?: boolean;
	}
	export interface ObjectRef {
	    kind: 'database' | 'schema' | 'table' | 'column' | 'function' | 'procedure' | 'language';
	    schema?: string;
	    name?: string;
	    args?: string;
	    column?: string;
	}
	export interface Grant {
	    object: ObjectRef;
	    grantee: PrincipalRef;
	    privilege: string;
	    grantOption: boolean;
	    grantor?: string;
	    scope?: string;
	    implied?: boolean;
	    default?: boolean;
	}
	export interface Group {
	    id: number;
	    name: string;
	}
	export interface Membership {
	    member: PrincipalRef;
	    of: PrincipalRef;
	    adminOption: boolean;
	    grantor?: string;
	    inheritOption?: boolean;
	    setOption?: boolean;
	}
	
	
	export interface Relation {
	    schema: string;
	    name: string;
	    kind: 'table' | 'view' | 'materialized_view' | 'late_binding_view' | 'external_table' | 'partitioned_table' | 'foreign_table' | 'sequence';
	    owner: string;
	}
	export interface Role {
	    id: number;
	    name: string;
	    owner: string;
	    externalId: string;
	    system: boolean;
	    superuser: boolean;
	    createDb: boolean;
	    createRole: boolean;
	    inherit: boolean;
	    comment?: string;
	}
	export interface User {
	    id: number;
	    name: string;
	    superuser: boolean;
	    createDb: boolean;
	    createRole: boolean;
	    inherit: boolean;
	    bypassRls: boolean;
	    replication: boolean;
	    connectionLimit: number;
	    sessionTimeout: number;
	    syslogAccess: string;
	    validUntil: string;
	    passwordDisabled: boolean;
	    externalId: string;
	    config: string[];
	    identity: 'local' | 'iam' | 'iam_role' | 'idc' | 'system';
	    comment?: string;
	}

}

export namespace profile {
	
	export interface AuthSettings {
	    method: 'password' | 'iam' | 'iam-serverless';
	    awsProfile?: string;
	    region?: string;
	    clusterId?: string;
	    workgroup?: string;
	    withIam?: boolean;
	    autoCreate?: boolean;
	    dbGroups?: string[];
	    durationSec?: number;
	}
	export interface Rejection {
	    name: string;
	    reason: string;
	}
	export interface ImportResult {
	    added: string[];
	    skipped: string[];
	    rejected: Rejection[];
	}
	export interface SSHHop {
	    host: string;
	    port: number;
	    user?: string;
	}
	export interface SSHTunnel {
	    host: string;
	    port: number;
	    user: string;
	    auth: 'key' | 'agent' | 'password';
	    keyFile?: string;
	    jumpHosts?: SSHHop[];
	}
	export interface Profile {
	    id: string;
	    name: string;
	    engine: 'redshift' | 'postgres';
	    host: string;
	    port: number;
	    database: string;
	    user: string;
	    sslMode: 'disable' | 'require' | 'verify-ca' | 'verify-full';
	    caFile?: string;
	    connectTimeoutSec: number;
	    readOnly: boolean;
	    color?: string;
	    auth?: AuthSettings;
	    ssh?: SSHTunnel;
	    passwordSaved?: boolean;
	    sandbox?: boolean;
	}
	
	

}

export namespace session {
	
	export interface ServerInfo {
	    engine: 'redshift' | 'postgres';
	    version: string;
	    fullVersion: string;
	    user: string;
	    database: string;
	    host: string;
	    port: number;
	    superuser: boolean;
	}

}

