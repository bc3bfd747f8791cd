export namespace access {
	
	export interface AssumeRoleAccess {
	    iamRole: string;
	    command: string;
	    grantee: model.PrincipalRef;
	    via: model.PrincipalRef[];
	}
	export interface Reached {
	    from: model.PrincipalRef;
	    via: model.PrincipalRef[];
	    note?: string;
	}
	export interface SystemCell {
	    privilege: string;
	    direct: boolean;
	    inherited: boolean;
	    via: model.PrincipalRef[][];
	}
	export interface WireSource {
	    via: number;
	    grantOption?: boolean;
	    grantor?: number;
	    setRole?: string;
	    note?: string;
	}
	export interface WireCell {
	    object: number;
	    privilege: string;
	    scope?: string;
	    direct?: boolean;
	    inherited?: boolean;
	    grantOption?: boolean;
	    setRole?: string;
	    sources: WireSource[];
	}
	export interface WireEffective {
	    principal: model.PrincipalRef;
	    superuser: boolean;
	    setRoleSuperuser?: string;
	    objects: model.ObjectRef[];
	    paths: model.PrincipalRef[][];
	    grantors: string[];
	    cells: WireCell[];
	    scoped: WireCell[];
	    system?: SystemCell[];
	    reach: Reached[];
	}
	export interface WireHolder {
	    principal: model.PrincipalRef;
	    superuser?: boolean;
	    owner?: boolean;
	    cells: number;
	    scoped: number;
	}
	export interface WireHolders {
	    objects: model.ObjectRef[];
	    paths: model.PrincipalRef[][];
	    grantors: string[];
	    cellLists: WireCell[][];
	    holders: WireHolder[];
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
	    emulatedRunning: boolean;
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
	    vocabulary: vocab.Vocabulary;
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
	export interface AssumeRoleView {
	    rows: access.AssumeRoleAccess[];
	    superuser: boolean;
	    vocabulary?: vocab.AssumeRole;
	}
	
	
	export interface ConnectRequest {
	    profileId: string;
	    password: string;
	    attemptId: string;
	    mfaCode?: string;
	    sshSecret?: string;
	}
	export interface DatashareView {
	    share: model.Datashare;
	    grants: model.Grant[];
	}
	export interface DependencyNode {
	    schema: string;
	    name: string;
	    kind: 'table' | 'view' | 'materialized_view' | 'late_binding_view' | 'external_table' | 'partitioned_table' | 'foreign_table' | 'sequence';
	    owner: string;
	    readers: number;
	    public: boolean;
	    securityInvoker: boolean;
	}
	export interface DependencyGraph {
	    graph: depends.Graph;
	    nodes: DependencyNode[];
	}
	
	export interface GrantsScope {
	    principal?: model.PrincipalRef;
	    schema?: string;
	}
	export interface HistoryStatement {
	    sql: string;
	    summary: string;
	    outcome: string;
	    changeIndex: number;
	}
	export interface HistoryApply {
	    planId: string;
	    time: string;
	    profile: string;
	    profileId: string;
	    server: string;
	    serverUser: string;
	    database: string;
	    principals: string[];
	    statements: HistoryStatement[];
	    changed: boolean;
	    revertible: boolean;
	    noRevert: string[];
	}
	export interface HistoryFilter {
	    from: string;
	    to: string;
	    profileId: string;
	    principal: string;
	}
	export interface HistoryProfile {
	    id: string;
	    name: string;
	}
	export interface HistoryPage {
	    applies: HistoryApply[];
	    corruptLines: number[];
	    profiles: HistoryProfile[];
	}
	
	
	export interface KeychainStatus {
	    available: boolean;
	    message: string;
	    storeWarning: string;
	}
	
	export interface ModelView {
	    model: model.Model;
	    grants: model.Grant[];
	}
	export interface OffboardView {
	    id: string;
	    scan: offboard.Scan;
	}
	export interface PlanView {
	    id: string;
	    statements: change.Statement[];
	    transactional: boolean;
	    destructive: boolean;
	    readOnly: boolean;
	    script: string;
	    warnings: string[];
	    applyRefusal?: string;
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
	export interface RevertPlan {
	    changes: change.Change[];
	    noRevert: string[];
	}
	
	export interface SaveProfileRequest {
	    profile: profile.Profile;
	    password: string;
	    setPassword: boolean;
	    sshSecret?: string;
	    setSshSecret?: boolean;
	}
	export interface SessionInfo {
	    id: string;
	    profileId: string;
	    profileName: string;
	    readOnly: boolean;
	    server: session.ServerInfo;
	}
	export interface SurfaceOverview {
	    supported: boolean;
	    publicAssumesAll: boolean;
	    publicAssumeRoles: model.AssumeRoleGrant[];
	    datashares: DatashareView[];
	    models: ModelView[];
	    assumeRole?: vocab.AssumeRole;
	    createModel?: vocab.Privilege;
	}
	export interface TestRequest {
	    profile: profile.Profile;
	    password: string;
	    useStoredPassword: boolean;
	    attemptId: string;
	    mfaCode?: string;
	    sshSecret?: string;
	}

}

export namespace catalog {
	
	export interface GroupRow {
	    name: string;
	    members: number;
	    grants: number;
	}
	export interface ObjectRow {
	    ref: model.ObjectRef;
	    kind: string;
	    owner: string;
	    grantees: model.PrincipalRef[];
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
	export interface RoleRow {
	    name: string;
	    owner?: string;
	    externalId?: string;
	    system?: boolean;
	    superuser?: boolean;
	    members: number;
	    memberOf: number;
	    grants: number;
	    systemPrivileges?: string[];
	}
	export interface SchemaRow {
	    name: string;
	    owner: string;
	    type: string;
	    system: boolean;
	    objects: {[key: string]: number};
	    grants: number;
	}
	export interface UserRow {
	    name: string;
	    identity: 'local' | 'iam' | 'iam_role' | 'idc' | 'system';
	    connectionLimit: number;
	    superuser?: boolean;
	    createDb?: boolean;
	    createRole?: boolean;
	    passwordDisabled?: boolean;
	    validUntil?: string;
	    externalId?: string;
	    roles: number;
	    groups: number;
	    grants: number;
	}

}

export namespace change {
	
	export interface AssumeRoleSpec {
	    iamRoles: string[];
	    commands: string[];
	    grantee: model.PrincipalRef;
	    grantOption?: boolean;
	}
	export interface DatashareUsageSpec {
	    datashare: string;
	    namespaces?: string[];
	    accounts?: string[];
	    viaDataCatalog?: boolean;
	    grantOption?: boolean;
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
	    target: 'objects' | 'all_in_schema' | 'scoped_in_schema' | 'scoped_in_database' | 'create_model';
	    kind?: 'database' | 'schema' | 'table' | 'sequence' | 'column' | 'function' | 'procedure' | 'language' | 'model' | 'datashare' | 'copy_job';
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
	export interface Parameter {
	    name: string;
	    value: string;
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
	    externalId?: string;
	    setParameters?: Parameter[];
	    resetParameters?: string[];
	    successor?: string;
	}
	export interface Change {
	    kind: 'create_user' | 'alter_user' | 'drop_user' | 'create_role' | 'alter_role' | 'drop_role' | 'grant_role' | 'revoke_role' | 'create_group' | 'alter_group' | 'drop_group' | 'grant_privileges' | 'revoke_privileges' | 'grant_default_privileges' | 'revoke_default_privileges' | 'grant_system_privileges' | 'revoke_system_privileges' | 'grant_assumerole' | 'revoke_assumerole' | 'grant_datashare_usage' | 'revoke_datashare_usage';
	    user?: UserSpec;
	    role?: RoleSpec;
	    group?: GroupSpec;
	    member?: MemberSpec;
	    privilege?: PrivilegeSpec;
	    default?: DefaultSpec;
	    system?: SystemSpec;
	    assumeRole?: AssumeRoleSpec;
	    datashareUsage?: DatashareUsageSpec;
	}
	export interface Revert {
	    changes: Change[];
	    reason?: string;
	}
	export interface AuditEntry {
	    time: string;
	    planId: string;
	    profile: string;
	    profileId: string;
	    server: string;
	    serverUser: string;
	    database?: string;
	    statement: string;
	    summary?: string;
	    outcome: string;
	    changeIndex: number;
	    principals?: string[];
	    revert?: Revert;
	}
	export interface AuditPage {
	    entries: AuditEntry[];
	    corruptLines: number[];
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

export namespace compare {
	
	export interface Row {
	    section: 'attributes' | 'memberships' | 'grants' | 'defaults' | 'system';
	    label: string;
	    a: string;
	    b: string;
	    same: boolean;
	}
	export interface Comparison {
	    a: model.PrincipalRef;
	    b: model.PrincipalRef;
	    rows: Row[];
	    differences: number;
	    changes: change.Change[];
	    notCopied: string[];
	}

}

export namespace depends {
	
	export interface Rel {
	    schema: string;
	    name: string;
	    kind: string;
	    securityInvoker?: boolean;
	}
	export interface Edge {
	    view: Rel;
	    from: Rel;
	}
	export interface Graph {
	    root: Rel;
	    upstream: Rel[];
	    downstream: Rel[];
	    edges: Edge[];
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

export namespace future {
	
	export interface Source {
	    kind: string;
	    text: string;
	}
	export interface Entry {
	    grantee: model.PrincipalRef;
	    privileges: string[];
	    grantOption: string[];
	    sources: Source[];
	}
	export interface Answer {
	    creator: model.PrincipalRef;
	    schema: string;
	    objectType: 'tables' | 'functions' | 'procedures' | 'sequences' | 'types' | 'schemas';
	    entries: Entry[];
	    notes: string[];
	}
	

}

export namespace model {
	
	export interface PrincipalRef {
	    kind: 'user' | 'role' | 'group' | 'public';
	    name: string;
	}
	export interface AssumeRoleGrant {
	    iamRole: string;
	    command: string;
	    grantee: PrincipalRef;
	}
	export interface Column {
	    name: string;
	    position: number;
	    type: string;
	}
	export interface DatashareConsumer {
	    account?: string;
	    namespace?: string;
	    sharedAt?: string;
	}
	export interface Datashare {
	    name: string;
	    owner: string;
	    type: string;
	    sourceDatabase?: string;
	    consumerDatabase?: string;
	    publicAccessible: boolean;
	    producerAccount?: string;
	    producerNamespace?: string;
	    managedBy?: string;
	    consumers: DatashareConsumer[];
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
	    kind: 'database' | 'schema' | 'table' | 'sequence' | 'column' | 'function' | 'procedure' | 'language' | 'model' | 'datashare' | 'copy_job';
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
	export interface Model {
	    schema: string;
	    name: string;
	    owner: string;
	    state?: string;
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
	    lastDdl?: string;
	    identity: 'local' | 'iam' | 'iam_role' | 'idc' | 'system';
	    comment?: string;
	}

}

export namespace offboard {
	
	export interface Blockers {
	    owned: string[];
	    grants: number;
	    defaultsAsCreator: number;
	    defaultsAsGrantee: number;
	    assumeRoles?: number;
	}
	export interface Request {
	    user: string;
	    successor: string;
	    disableLogin: boolean;
	}
	export interface StepResult {
	    kind: string;
	    database: string;
	    state: string;
	    executed: number;
	    results: change.StatementResult[];
	    message?: string;
	}
	export interface Result {
	    steps: StepResult[];
	    completed: boolean;
	}
	export interface Step {
	    kind: string;
	    database: string;
	    blockers: Blockers;
	    statements: change.Statement[];
	    error?: string;
	}
	export interface Scan {
	    request: Request;
	    memberships: string[];
	    steps: Step[];
	    ready: boolean;
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

export namespace rolegraph {
	
	export interface Edge {
	    member: model.PrincipalRef;
	    of: model.PrincipalRef;
	    adminOption?: boolean;
	    noInherit?: boolean;
	}
	export interface Node {
	    ref: model.PrincipalRef;
	    superuser?: boolean;
	    system?: boolean;
	    users?: number;
	    focus?: boolean;
	}
	export interface Graph {
	    nodes: Node[];
	    edges: Edge[];
	    hidden: number;
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
	    emulated?: boolean;
	}

}

export namespace vocab {
	
	export interface Privilege {
	    name: string;
	    help: string;
	}
	export interface AssumeRole {
	    commands: Privilege[];
	    maxChain: number;
	    grantees: ('user' | 'role' | 'group' | 'public')[];
	}
	export interface DefaultType {
	    type: 'tables' | 'functions' | 'procedures' | 'sequences' | 'types' | 'schemas';
	    privileges: string[];
	    revokePrivileges?: string[];
	    databaseWideOnly?: boolean;
	}
	export interface Scoped {
	    keyword: string;
	    privileges: string[];
	    inSchema: boolean;
	    inDatabase: boolean;
	}
	export interface Kind {
	    kind: 'database' | 'schema' | 'table' | 'sequence' | 'column' | 'function' | 'procedure' | 'language' | 'model' | 'datashare' | 'copy_job';
	    keyword: string;
	    noun: string;
	    plural: string;
	    parent?: 'database' | 'schema' | 'table' | 'sequence' | 'column' | 'function' | 'procedure' | 'language' | 'model' | 'datashare' | 'copy_job';
	    privileges: Privilege[];
	    columnPrivileges?: string[];
	    relations?: ('table' | 'view' | 'materialized_view' | 'late_binding_view' | 'external_table' | 'partitioned_table' | 'foreign_table' | 'sequence')[];
	    routine?: boolean;
	    bulk?: string;
	    default?: 'tables' | 'functions' | 'procedures' | 'sequences' | 'types' | 'schemas';
	    scoped?: Scoped;
	    section: boolean;
	}
	
	
	export interface SystemGroup {
	    label: string;
	    items: string[];
	}
	export interface Vocabulary {
	    engine: string;
	    kinds: Kind[];
	    defaults: DefaultType[];
	    system?: SystemGroup[];
	    grantOption: ('user' | 'role' | 'group' | 'public')[];
	    adminOption: ('user' | 'role' | 'group' | 'public')[];
	    scopedGrantees?: ('user' | 'role' | 'group' | 'public')[];
	    aliases?: {[key: string]: string};
	    assumeRole?: AssumeRole;
	    createModel?: Privilege;
	}

}

