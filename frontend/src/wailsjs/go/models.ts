export namespace access {
	
	export class Source {
	    via: model.PrincipalRef[];
	    grant: model.Grant;
	    setRole?: string;
	    note?: string;
	
	    static createFrom(source: any = {}) {
	        return new Source(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.via = this.convertValues(source["via"], model.PrincipalRef);
	        this.grant = this.convertValues(source["grant"], model.Grant);
	        this.setRole = source["setRole"];
	        this.note = source["note"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Cell {
	    object: model.ObjectRef;
	    privilege: string;
	    scope?: string;
	    direct: boolean;
	    inherited: boolean;
	    grantOption: boolean;
	    setRole?: string;
	    sources: Source[];
	
	    static createFrom(source: any = {}) {
	        return new Cell(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.object = this.convertValues(source["object"], model.ObjectRef);
	        this.privilege = source["privilege"];
	        this.scope = source["scope"];
	        this.direct = source["direct"];
	        this.inherited = source["inherited"];
	        this.grantOption = source["grantOption"];
	        this.setRole = source["setRole"];
	        this.sources = this.convertValues(source["sources"], Source);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Reached {
	    from: model.PrincipalRef;
	    via: model.PrincipalRef[];
	    note?: string;
	
	    static createFrom(source: any = {}) {
	        return new Reached(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = this.convertValues(source["from"], model.PrincipalRef);
	        this.via = this.convertValues(source["via"], model.PrincipalRef);
	        this.note = source["note"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Effective {
	    principal: model.PrincipalRef;
	    superuser: boolean;
	    setRoleSuperuser?: string;
	    cells: Cell[];
	    scoped: Cell[];
	    reach: Reached[];
	
	    static createFrom(source: any = {}) {
	        return new Effective(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.principal = this.convertValues(source["principal"], model.PrincipalRef);
	        this.superuser = source["superuser"];
	        this.setRoleSuperuser = source["setRoleSuperuser"];
	        this.cells = this.convertValues(source["cells"], Cell);
	        this.scoped = this.convertValues(source["scoped"], Cell);
	        this.reach = this.convertValues(source["reach"], Reached);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	

}

export namespace app {
	
	export class AWSSignIn {
	    id: string;
	    userCode: string;
	    url: string;
	
	    static createFrom(source: any = {}) {
	        return new AWSSignIn(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.userCode = source["userCode"];
	        this.url = source["url"];
	    }
	}
	export class SandboxInfo {
	    running: boolean;
	    available: boolean;
	    binDir: string;
	    need: string;
	
	    static createFrom(source: any = {}) {
	        return new SandboxInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.running = source["running"];
	        this.available = source["available"];
	        this.binDir = source["binDir"];
	        this.need = source["need"];
	    }
	}
	export class LicenseCount {
	    license: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new LicenseCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.license = source["license"];
	        this.count = source["count"];
	    }
	}
	export class AboutInfo {
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
	
	    static createFrom(source: any = {}) {
	        return new AboutInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.commit = source["commit"];
	        this.buildDate = source["buildDate"];
	        this.goVersion = source["goVersion"];
	        this.wails = source["wails"];
	        this.platform = source["platform"];
	        this.configDir = source["configDir"];
	        this.profilesFile = source["profilesFile"];
	        this.auditLog = source["auditLog"];
	        this.appLog = source["appLog"];
	        this.packages = source["packages"];
	        this.licenses = this.convertValues(source["licenses"], LicenseCount);
	        this.sandbox = this.convertValues(source["sandbox"], SandboxInfo);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CatalogCounts {
	    users: number;
	    roles: number;
	    systemRoles: number;
	    groups: number;
	    schemas: number;
	    relations: number;
	    routines: number;
	    grants: number;
	    defaultPrivileges: number;
	
	    static createFrom(source: any = {}) {
	        return new CatalogCounts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.users = source["users"];
	        this.roles = source["roles"];
	        this.systemRoles = source["systemRoles"];
	        this.groups = source["groups"];
	        this.schemas = source["schemas"];
	        this.relations = source["relations"];
	        this.routines = source["routines"];
	        this.grants = source["grants"];
	        this.defaultPrivileges = source["defaultPrivileges"];
	    }
	}
	export class CatalogSummary {
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
	    // Go type: time
	    loadedAt: any;
	
	    static createFrom(source: any = {}) {
	        return new CatalogSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sessionId = source["sessionId"];
	        this.engine = source["engine"];
	        this.database = source["database"];
	        this.databases = source["databases"];
	        this.capabilities = this.convertValues(source["capabilities"], engine.Capabilities);
	        this.counts = this.convertValues(source["counts"], CatalogCounts);
	        this.partial = source["partial"];
	        this.warnings = source["warnings"];
	        this.queries = source["queries"];
	        this.loadMillis = source["loadMillis"];
	        this.loadedAt = this.convertValues(source["loadedAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ApplyResult {
	    applied: boolean;
	    cancelled: boolean;
	    executed: number;
	    outcome: string;
	    commitReplyLost: boolean;
	    statements: change.StatementResult[];
	    noEffect: number;
	    reloadError: string;
	    auditError: string;
	    catalog: CatalogSummary;
	
	    static createFrom(source: any = {}) {
	        return new ApplyResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.applied = source["applied"];
	        this.cancelled = source["cancelled"];
	        this.executed = source["executed"];
	        this.outcome = source["outcome"];
	        this.commitReplyLost = source["commitReplyLost"];
	        this.statements = this.convertValues(source["statements"], change.StatementResult);
	        this.noEffect = source["noEffect"];
	        this.reloadError = source["reloadError"];
	        this.auditError = source["auditError"];
	        this.catalog = this.convertValues(source["catalog"], CatalogSummary);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class ConnectRequest {
	    profileId: string;
	    password: string;
	    attemptId: string;
	    mfaCode?: string;
	    sshSecret: string;
	
	    static createFrom(source: any = {}) {
	        return new ConnectRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profileId = source["profileId"];
	        this.password = source["password"];
	        this.attemptId = source["attemptId"];
	        this.mfaCode = source["mfaCode"];
	        this.sshSecret = source["sshSecret"];
	    }
	}
	export class KeychainStatus {
	    available: boolean;
	    message: string;
	    storeWarning: string;
	
	    static createFrom(source: any = {}) {
	        return new KeychainStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.available = source["available"];
	        this.message = source["message"];
	        this.storeWarning = source["storeWarning"];
	    }
	}
	
	export class PlanView {
	    id: string;
	    statements: change.Statement[];
	    transactional: boolean;
	    destructive: boolean;
	    readOnly: boolean;
	    script: string;
	    warnings: string[];
	
	    static createFrom(source: any = {}) {
	        return new PlanView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.statements = this.convertValues(source["statements"], change.Statement);
	        this.transactional = source["transactional"];
	        this.destructive = source["destructive"];
	        this.readOnly = source["readOnly"];
	        this.script = source["script"];
	        this.warnings = source["warnings"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ProfileView {
	    id: string;
	    name: string;
	    engine: string;
	    host: string;
	    port: number;
	    database: string;
	    user: string;
	    sslMode: string;
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
	
	    static createFrom(source: any = {}) {
	        return new ProfileView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.engine = source["engine"];
	        this.host = source["host"];
	        this.port = source["port"];
	        this.database = source["database"];
	        this.user = source["user"];
	        this.sslMode = source["sslMode"];
	        this.caFile = source["caFile"];
	        this.connectTimeoutSec = source["connectTimeoutSec"];
	        this.readOnly = source["readOnly"];
	        this.color = source["color"];
	        this.auth = this.convertValues(source["auth"], profile.AuthSettings);
	        this.ssh = this.convertValues(source["ssh"], profile.SSHTunnel);
	        this.passwordSaved = source["passwordSaved"];
	        this.sandbox = source["sandbox"];
	        this.hasPassword = source["hasPassword"];
	        this.passwordForgotten = source["passwordForgotten"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class SaveProfileRequest {
	    profile: profile.Profile;
	    password: string;
	    setPassword: boolean;
	    sshSecret: string;
	    setSshSecret: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SaveProfileRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profile = this.convertValues(source["profile"], profile.Profile);
	        this.password = source["password"];
	        this.setPassword = source["setPassword"];
	        this.sshSecret = source["sshSecret"];
	        this.setSshSecret = source["setSshSecret"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SessionInfo {
	    id: string;
	    profileId: string;
	    profileName: string;
	    readOnly: boolean;
	    server: session.ServerInfo;
	
	    static createFrom(source: any = {}) {
	        return new SessionInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.profileId = source["profileId"];
	        this.profileName = source["profileName"];
	        this.readOnly = source["readOnly"];
	        this.server = this.convertValues(source["server"], session.ServerInfo);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TestRequest {
	    profile: profile.Profile;
	    password: string;
	    useStoredPassword: boolean;
	    attemptId: string;
	    mfaCode?: string;
	    sshSecret: string;
	
	    static createFrom(source: any = {}) {
	        return new TestRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profile = this.convertValues(source["profile"], profile.Profile);
	        this.password = source["password"];
	        this.useStoredPassword = source["useStoredPassword"];
	        this.attemptId = source["attemptId"];
	        this.mfaCode = source["mfaCode"];
	        this.sshSecret = source["sshSecret"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace catalog {
	
	export class GroupRow {
	    name: string;
	    members: number;
	    grants: number;
	
	    static createFrom(source: any = {}) {
	        return new GroupRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.members = source["members"];
	        this.grants = source["grants"];
	    }
	}
	export class ObjectRow {
	    ref: model.ObjectRef;
	    kind: string;
	    owner: string;
	    grantees: model.PrincipalRef[];
	
	    static createFrom(source: any = {}) {
	        return new ObjectRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ref = this.convertValues(source["ref"], model.ObjectRef);
	        this.kind = source["kind"];
	        this.owner = source["owner"];
	        this.grantees = this.convertValues(source["grantees"], model.PrincipalRef);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PrincipalDetail {
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
	
	    static createFrom(source: any = {}) {
	        return new PrincipalDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ref = this.convertValues(source["ref"], model.PrincipalRef);
	        this.user = this.convertValues(source["user"], model.User);
	        this.role = this.convertValues(source["role"], model.Role);
	        this.group = this.convertValues(source["group"], model.Group);
	        this.memberOf = this.convertValues(source["memberOf"], model.Membership);
	        this.members = this.convertValues(source["members"], model.Membership);
	        this.grants = this.convertValues(source["grants"], model.Grant);
	        this.defaultsAsOwner = this.convertValues(source["defaultsAsOwner"], model.DefaultPrivilege);
	        this.defaultsReceived = this.convertValues(source["defaultsReceived"], model.DefaultPrivilege);
	        this.systemPrivileges = source["systemPrivileges"];
	        this.relations = this.convertValues(source["relations"], model.Relation);
	        this.inheritsFrom = this.convertValues(source["inheritsFrom"], access.Reached);
	        this.owned = this.convertValues(source["owned"], ObjectRow);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RoleRow {
	    name: string;
	    owner?: string;
	    externalId?: string;
	    system?: boolean;
	    superuser?: boolean;
	    members: number;
	    memberOf: number;
	    grants: number;
	    systemPrivileges?: string[];
	
	    static createFrom(source: any = {}) {
	        return new RoleRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.owner = source["owner"];
	        this.externalId = source["externalId"];
	        this.system = source["system"];
	        this.superuser = source["superuser"];
	        this.members = source["members"];
	        this.memberOf = source["memberOf"];
	        this.grants = source["grants"];
	        this.systemPrivileges = source["systemPrivileges"];
	    }
	}
	export class SchemaRow {
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
	
	    static createFrom(source: any = {}) {
	        return new SchemaRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.owner = source["owner"];
	        this.type = source["type"];
	        this.system = source["system"];
	        this.tables = source["tables"];
	        this.views = source["views"];
	        this.sequences = source["sequences"];
	        this.functions = source["functions"];
	        this.procedures = source["procedures"];
	        this.grants = source["grants"];
	    }
	}
	export class UserRow {
	    name: string;
	    identity: string;
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
	
	    static createFrom(source: any = {}) {
	        return new UserRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.identity = source["identity"];
	        this.connectionLimit = source["connectionLimit"];
	        this.superuser = source["superuser"];
	        this.createDb = source["createDb"];
	        this.createRole = source["createRole"];
	        this.passwordDisabled = source["passwordDisabled"];
	        this.validUntil = source["validUntil"];
	        this.externalId = source["externalId"];
	        this.roles = source["roles"];
	        this.groups = source["groups"];
	        this.grants = source["grants"];
	    }
	}

}

export namespace change {
	
	export class AuditEntry {
	    // Go type: time
	    time: any;
	    planId: string;
	    profile: string;
	    profileId: string;
	    server: string;
	    serverUser: string;
	    statement: string;
	    outcome: string;
	
	    static createFrom(source: any = {}) {
	        return new AuditEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.time = this.convertValues(source["time"], null);
	        this.planId = source["planId"];
	        this.profile = source["profile"];
	        this.profileId = source["profileId"];
	        this.server = source["server"];
	        this.serverUser = source["serverUser"];
	        this.statement = source["statement"];
	        this.outcome = source["outcome"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class AuditPage {
	    entries: AuditEntry[];
	    corruptLines: number[];
	
	    static createFrom(source: any = {}) {
	        return new AuditPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.entries = this.convertValues(source["entries"], AuditEntry);
	        this.corruptLines = source["corruptLines"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SystemSpec {
	    privileges: string[];
	    role: string;
	
	    static createFrom(source: any = {}) {
	        return new SystemSpec(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.privileges = source["privileges"];
	        this.role = source["role"];
	    }
	}
	export class DefaultSpec {
	    creator: model.PrincipalRef;
	    schema?: string;
	    objectType: string;
	    privileges: string[];
	    grantee: model.PrincipalRef;
	    grantOption?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new DefaultSpec(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.creator = this.convertValues(source["creator"], model.PrincipalRef);
	        this.schema = source["schema"];
	        this.objectType = source["objectType"];
	        this.privileges = source["privileges"];
	        this.grantee = this.convertValues(source["grantee"], model.PrincipalRef);
	        this.grantOption = source["grantOption"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PrivilegeSpec {
	    privileges: string[];
	    target: string;
	    objects?: model.ObjectRef[];
	    columns?: string[];
	    schemas?: string[];
	    database?: string;
	    grantee: model.PrincipalRef;
	    grantOption?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PrivilegeSpec(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.privileges = source["privileges"];
	        this.target = source["target"];
	        this.objects = this.convertValues(source["objects"], model.ObjectRef);
	        this.columns = source["columns"];
	        this.schemas = source["schemas"];
	        this.database = source["database"];
	        this.grantee = this.convertValues(source["grantee"], model.PrincipalRef);
	        this.grantOption = source["grantOption"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MemberSpec {
	    role: string;
	    member: model.PrincipalRef;
	    adminOption?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new MemberSpec(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.role = source["role"];
	        this.member = this.convertValues(source["member"], model.PrincipalRef);
	        this.adminOption = source["adminOption"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class GroupSpec {
	    name: string;
	    renameTo?: string;
	    users?: string[];
	    addUsers?: string[];
	    dropUsers?: string[];
	
	    static createFrom(source: any = {}) {
	        return new GroupSpec(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.renameTo = source["renameTo"];
	        this.users = source["users"];
	        this.addUsers = source["addUsers"];
	        this.dropUsers = source["dropUsers"];
	    }
	}
	export class RoleSpec {
	    name: string;
	    renameTo?: string;
	    owner?: string;
	    externalId?: string;
	    force?: boolean;
	    successor?: string;
	
	    static createFrom(source: any = {}) {
	        return new RoleSpec(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.renameTo = source["renameTo"];
	        this.owner = source["owner"];
	        this.externalId = source["externalId"];
	        this.force = source["force"];
	        this.successor = source["successor"];
	    }
	}
	export class UserSpec {
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
	
	    static createFrom(source: any = {}) {
	        return new UserSpec(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.renameTo = source["renameTo"];
	        this.password = source["password"];
	        this.passwordDisabled = source["passwordDisabled"];
	        this.superuser = source["superuser"];
	        this.createDb = source["createDb"];
	        this.createRole = source["createRole"];
	        this.syslogAccess = source["syslogAccess"];
	        this.connectionLimit = source["connectionLimit"];
	        this.sessionTimeout = source["sessionTimeout"];
	        this.validUntil = source["validUntil"];
	        this.inGroups = source["inGroups"];
	        this.successor = source["successor"];
	    }
	}
	export class Change {
	    kind: string;
	    user?: UserSpec;
	    role?: RoleSpec;
	    group?: GroupSpec;
	    member?: MemberSpec;
	    privilege?: PrivilegeSpec;
	    default?: DefaultSpec;
	    system?: SystemSpec;
	
	    static createFrom(source: any = {}) {
	        return new Change(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.user = this.convertValues(source["user"], UserSpec);
	        this.role = this.convertValues(source["role"], RoleSpec);
	        this.group = this.convertValues(source["group"], GroupSpec);
	        this.member = this.convertValues(source["member"], MemberSpec);
	        this.privilege = this.convertValues(source["privilege"], PrivilegeSpec);
	        this.default = this.convertValues(source["default"], DefaultSpec);
	        this.system = this.convertValues(source["system"], SystemSpec);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	
	
	export class Statement {
	    sql: string;
	    summary: string;
	    outsideTransaction: boolean;
	    destructive: boolean;
	    changeIndex: number;
	
	    static createFrom(source: any = {}) {
	        return new Statement(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sql = source["sql"];
	        this.summary = source["summary"];
	        this.outsideTransaction = source["outsideTransaction"];
	        this.destructive = source["destructive"];
	        this.changeIndex = source["changeIndex"];
	    }
	}
	export class StatementResult {
	    outcome: string;
	    notices: string[];
	    detail?: string;
	
	    static createFrom(source: any = {}) {
	        return new StatementResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.outcome = source["outcome"];
	        this.notices = source["notices"];
	        this.detail = source["detail"];
	    }
	}
	

}

export namespace engine {
	
	export class Capabilities {
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
	
	    static createFrom(source: any = {}) {
	        return new Capabilities(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.groups = source["groups"];
	        this.roles = source["roles"];
	        this.nestedRoles = source["nestedRoles"];
	        this.roleAdminOption = source["roleAdminOption"];
	        this.systemPrivileges = source["systemPrivileges"];
	        this.scopedPermissions = source["scopedPermissions"];
	        this.columnPrivileges = source["columnPrivileges"];
	        this.procedures = source["procedures"];
	        this.defaultPrivileges = source["defaultPrivileges"];
	        this.sessionTimeout = source["sessionTimeout"];
	        this.syslogAccess = source["syslogAccess"];
	        this.maxIdentifierBytes = source["maxIdentifierBytes"];
	    }
	}

}

export namespace model {
	
	export class Column {
	    name: string;
	    position: number;
	    type: string;
	
	    static createFrom(source: any = {}) {
	        return new Column(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.position = source["position"];
	        this.type = source["type"];
	    }
	}
	export class PrincipalRef {
	    kind: string;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new PrincipalRef(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.name = source["name"];
	    }
	}
	export class DefaultPrivilege {
	    creator: PrincipalRef;
	    schema?: string;
	    objectType: string;
	    grantee: PrincipalRef;
	    privilege: string;
	    grantOption: boolean;
	    implied?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new DefaultPrivilege(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.creator = this.convertValues(source["creator"], PrincipalRef);
	        this.schema = source["schema"];
	        this.objectType = source["objectType"];
	        this.grantee = this.convertValues(source["grantee"], PrincipalRef);
	        this.privilege = source["privilege"];
	        this.grantOption = source["grantOption"];
	        this.implied = source["implied"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ObjectRef {
	    kind: string;
	    schema?: string;
	    name?: string;
	    args?: string;
	    column?: string;
	
	    static createFrom(source: any = {}) {
	        return new ObjectRef(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.schema = source["schema"];
	        this.name = source["name"];
	        this.args = source["args"];
	        this.column = source["column"];
	    }
	}
	export class Grant {
	    object: ObjectRef;
	    grantee: PrincipalRef;
	    privilege: string;
	    grantOption: boolean;
	    grantor?: string;
	    scope?: string;
	    implied?: boolean;
	    default?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Grant(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.object = this.convertValues(source["object"], ObjectRef);
	        this.grantee = this.convertValues(source["grantee"], PrincipalRef);
	        this.privilege = source["privilege"];
	        this.grantOption = source["grantOption"];
	        this.grantor = source["grantor"];
	        this.scope = source["scope"];
	        this.implied = source["implied"];
	        this.default = source["default"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Group {
	    id: number;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new Group(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	    }
	}
	export class Membership {
	    member: PrincipalRef;
	    of: PrincipalRef;
	    adminOption: boolean;
	    grantor?: string;
	    inheritOption?: boolean;
	    setOption?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Membership(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.member = this.convertValues(source["member"], PrincipalRef);
	        this.of = this.convertValues(source["of"], PrincipalRef);
	        this.adminOption = source["adminOption"];
	        this.grantor = source["grantor"];
	        this.inheritOption = source["inheritOption"];
	        this.setOption = source["setOption"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class Relation {
	    schema: string;
	    name: string;
	    kind: string;
	    owner: string;
	
	    static createFrom(source: any = {}) {
	        return new Relation(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.schema = source["schema"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.owner = source["owner"];
	    }
	}
	export class Role {
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
	
	    static createFrom(source: any = {}) {
	        return new Role(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.owner = source["owner"];
	        this.externalId = source["externalId"];
	        this.system = source["system"];
	        this.superuser = source["superuser"];
	        this.createDb = source["createDb"];
	        this.createRole = source["createRole"];
	        this.inherit = source["inherit"];
	        this.comment = source["comment"];
	    }
	}
	export class User {
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
	    identity: string;
	    comment?: string;
	
	    static createFrom(source: any = {}) {
	        return new User(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.superuser = source["superuser"];
	        this.createDb = source["createDb"];
	        this.createRole = source["createRole"];
	        this.inherit = source["inherit"];
	        this.bypassRls = source["bypassRls"];
	        this.replication = source["replication"];
	        this.connectionLimit = source["connectionLimit"];
	        this.sessionTimeout = source["sessionTimeout"];
	        this.syslogAccess = source["syslogAccess"];
	        this.validUntil = source["validUntil"];
	        this.passwordDisabled = source["passwordDisabled"];
	        this.externalId = source["externalId"];
	        this.config = source["config"];
	        this.identity = source["identity"];
	        this.comment = source["comment"];
	    }
	}

}

export namespace profile {
	
	export class AuthSettings {
	    method: string;
	    awsProfile?: string;
	    region?: string;
	    clusterId?: string;
	    workgroup?: string;
	    withIam?: boolean;
	    autoCreate?: boolean;
	    dbGroups?: string[];
	    durationSec?: number;
	
	    static createFrom(source: any = {}) {
	        return new AuthSettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.method = source["method"];
	        this.awsProfile = source["awsProfile"];
	        this.region = source["region"];
	        this.clusterId = source["clusterId"];
	        this.workgroup = source["workgroup"];
	        this.withIam = source["withIam"];
	        this.autoCreate = source["autoCreate"];
	        this.dbGroups = source["dbGroups"];
	        this.durationSec = source["durationSec"];
	    }
	}
	export class Rejection {
	    name: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new Rejection(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.reason = source["reason"];
	    }
	}
	export class ImportResult {
	    added: string[];
	    skipped: string[];
	    rejected: Rejection[];
	
	    static createFrom(source: any = {}) {
	        return new ImportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.added = source["added"];
	        this.skipped = source["skipped"];
	        this.rejected = this.convertValues(source["rejected"], Rejection);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SSHHop {
	    host: string;
	    port: number;
	    user?: string;
	
	    static createFrom(source: any = {}) {
	        return new SSHHop(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.host = source["host"];
	        this.port = source["port"];
	        this.user = source["user"];
	    }
	}
	export class SSHTunnel {
	    host: string;
	    port: number;
	    user: string;
	    auth: string;
	    keyFile?: string;
	    jumpHosts?: SSHHop[];
	
	    static createFrom(source: any = {}) {
	        return new SSHTunnel(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.host = source["host"];
	        this.port = source["port"];
	        this.user = source["user"];
	        this.auth = source["auth"];
	        this.keyFile = source["keyFile"];
	        this.jumpHosts = this.convertValues(source["jumpHosts"], SSHHop);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Profile {
	    id: string;
	    name: string;
	    engine: string;
	    host: string;
	    port: number;
	    database: string;
	    user: string;
	    sslMode: string;
	    caFile?: string;
	    connectTimeoutSec: number;
	    readOnly: boolean;
	    color?: string;
	    auth?: AuthSettings;
	    ssh?: SSHTunnel;
	    passwordSaved?: boolean;
	    sandbox?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Profile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.engine = source["engine"];
	        this.host = source["host"];
	        this.port = source["port"];
	        this.database = source["database"];
	        this.user = source["user"];
	        this.sslMode = source["sslMode"];
	        this.caFile = source["caFile"];
	        this.connectTimeoutSec = source["connectTimeoutSec"];
	        this.readOnly = source["readOnly"];
	        this.color = source["color"];
	        this.auth = this.convertValues(source["auth"], AuthSettings);
	        this.ssh = this.convertValues(source["ssh"], SSHTunnel);
	        this.passwordSaved = source["passwordSaved"];
	        this.sandbox = source["sandbox"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	

}

export namespace session {
	
	export class ServerInfo {
	    engine: string;
	    version: string;
	    fullVersion: string;
	    user: string;
	    database: string;
	    host: string;
	    port: number;
	    superuser: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ServerInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.engine = source["engine"];
	        this.version = source["version"];
	        this.fullVersion = source["fullVersion"];
	        this.user = source["user"];
	        this.database = source["database"];
	        this.host = source["host"];
	        this.port = source["port"];
	        this.superuser = source["superuser"];
	    }
	}

}

