export namespace access {
	
	export class AssumeRoleAccess {
	    iamRole: string;
	    command: string;
	    grantee: model.PrincipalRef;
	    via: model.PrincipalRef[];
	
	    static createFrom(source: any = {}) {
	        return new AssumeRoleAccess(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.iamRole = source["iamRole"];
	        this.command = source["command"];
	        this.grantee = this.convertValues(source["grantee"], model.PrincipalRef);
	        this.via = this.convertValues(source["via"], model.PrincipalRef);
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
	export class SystemCell {
	    privilege: string;
	    direct: boolean;
	    inherited: boolean;
	    via: model.PrincipalRef[][];
	
	    static createFrom(source: any = {}) {
	        return new SystemCell(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.privilege = source["privilege"];
	        this.direct = source["direct"];
	        this.inherited = source["inherited"];
	        this.via = this.convertValues(source["via"], model.PrincipalRef);
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
	    system: SystemCell[];
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
	        this.system = this.convertValues(source["system"], SystemCell);
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
	export class Holder {
	    principal: model.PrincipalRef;
	    superuser?: boolean;
	    owner?: boolean;
	    cells: Cell[];
	    scoped: Cell[];
	
	    static createFrom(source: any = {}) {
	        return new Holder(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.principal = this.convertValues(source["principal"], model.PrincipalRef);
	        this.superuser = source["superuser"];
	        this.owner = source["owner"];
	        this.cells = this.convertValues(source["cells"], Cell);
	        this.scoped = this.convertValues(source["scoped"], Cell);
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
	    emulatedRunning: boolean;
	    available: boolean;
	    binDir: string;
	    need: string;
	
	    static createFrom(source: any = {}) {
	        return new SandboxInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.running = source["running"];
	        this.emulatedRunning = source["emulatedRunning"];
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
	    vocabulary: vocab.Vocabulary;
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
	        this.vocabulary = this.convertValues(source["vocabulary"], vocab.Vocabulary);
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
	export class AssumeRoleView {
	    rows: access.AssumeRoleAccess[];
	    superuser: boolean;
	    vocabulary?: vocab.AssumeRole;
	
	    static createFrom(source: any = {}) {
	        return new AssumeRoleView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], access.AssumeRoleAccess);
	        this.superuser = source["superuser"];
	        this.vocabulary = this.convertValues(source["vocabulary"], vocab.AssumeRole);
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
	export class DatashareView {
	    share: model.Datashare;
	    grants: model.Grant[];
	
	    static createFrom(source: any = {}) {
	        return new DatashareView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.share = this.convertValues(source["share"], model.Datashare);
	        this.grants = this.convertValues(source["grants"], model.Grant);
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
	export class GrantsScope {
	    principal?: model.PrincipalRef;
	    schema?: string;
	
	    static createFrom(source: any = {}) {
	        return new GrantsScope(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.principal = this.convertValues(source["principal"], model.PrincipalRef);
	        this.schema = source["schema"];
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
	export class GroupRow {
	    id: number;
	    name: string;
	    members: number;
	    grants: number;
	
	    static createFrom(source: any = {}) {
	        return new GroupRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.members = source["members"];
	        this.grants = source["grants"];
	    }
	}
	export class HistoryStatement {
	    sql: string;
	    summary: string;
	    outcome: string;
	    changeIndex: number;
	
	    static createFrom(source: any = {}) {
	        return new HistoryStatement(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sql = source["sql"];
	        this.summary = source["summary"];
	        this.outcome = source["outcome"];
	        this.changeIndex = source["changeIndex"];
	    }
	}
	export class HistoryApply {
	    planId: string;
	    // Go type: time
	    time: any;
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
	
	    static createFrom(source: any = {}) {
	        return new HistoryApply(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.planId = source["planId"];
	        this.time = this.convertValues(source["time"], null);
	        this.profile = source["profile"];
	        this.profileId = source["profileId"];
	        this.server = source["server"];
	        this.serverUser = source["serverUser"];
	        this.database = source["database"];
	        this.principals = source["principals"];
	        this.statements = this.convertValues(source["statements"], HistoryStatement);
	        this.changed = source["changed"];
	        this.revertible = source["revertible"];
	        this.noRevert = source["noRevert"];
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
	export class HistoryFilter {
	    from: string;
	    to: string;
	    profileId: string;
	    principal: string;
	
	    static createFrom(source: any = {}) {
	        return new HistoryFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.profileId = source["profileId"];
	        this.principal = source["principal"];
	    }
	}
	export class HistoryProfile {
	    id: string;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new HistoryProfile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	    }
	}
	export class HistoryPage {
	    applies: HistoryApply[];
	    corruptLines: number[];
	    profiles: HistoryProfile[];
	
	    static createFrom(source: any = {}) {
	        return new HistoryPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.applies = this.convertValues(source["applies"], HistoryApply);
	        this.corruptLines = source["corruptLines"];
	        this.profiles = this.convertValues(source["profiles"], HistoryProfile);
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
	
	export class ModelView {
	    model: model.Model;
	    grants: model.Grant[];
	
	    static createFrom(source: any = {}) {
	        return new ModelView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.model = this.convertValues(source["model"], model.Model);
	        this.grants = this.convertValues(source["grants"], model.Grant);
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
	export class OffboardView {
	    id: string;
	    scan: offboard.Scan;
	
	    static createFrom(source: any = {}) {
	        return new OffboardView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.scan = this.convertValues(source["scan"], offboard.Scan);
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
	export class PlanView {
	    id: string;
	    statements: change.Statement[];
	    transactional: boolean;
	    destructive: boolean;
	    readOnly: boolean;
	    script: string;
	    warnings: string[];
	    applyRefusal: string;
	
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
	        this.applyRefusal = source["applyRefusal"];
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
	export class RevertPlan {
	    changes: change.Change[];
	    noRevert: string[];
	
	    static createFrom(source: any = {}) {
	        return new RevertPlan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.changes = this.convertValues(source["changes"], change.Change);
	        this.noRevert = source["noRevert"];
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
	
	    static createFrom(source: any = {}) {
	        return new RoleRow(source);
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
	        this.members = source["members"];
	        this.memberOf = source["memberOf"];
	        this.grants = source["grants"];
	        this.systemPrivileges = source["systemPrivileges"];
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
	export class SchemaRow {
	    name: string;
	    owner: string;
	    type: string;
	    system: boolean;
	    objects: {[key: string]: number};
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
	        this.objects = source["objects"];
	        this.grants = source["grants"];
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
	export class SurfaceOverview {
	    supported: boolean;
	    publicAssumesAll: boolean;
	    publicAssumeRoles: model.AssumeRoleGrant[];
	    datashares: DatashareView[];
	    models: ModelView[];
	    assumeRole?: vocab.AssumeRole;
	    createModel?: vocab.Privilege;
	
	    static createFrom(source: any = {}) {
	        return new SurfaceOverview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.supported = source["supported"];
	        this.publicAssumesAll = source["publicAssumesAll"];
	        this.publicAssumeRoles = this.convertValues(source["publicAssumeRoles"], model.AssumeRoleGrant);
	        this.datashares = this.convertValues(source["datashares"], DatashareView);
	        this.models = this.convertValues(source["models"], ModelView);
	        this.assumeRole = this.convertValues(source["assumeRole"], vocab.AssumeRole);
	        this.createModel = this.convertValues(source["createModel"], vocab.Privilege);
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
	export class UserRow {
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
	    identity: string;
	    comment?: string;
	    roles: number;
	    groups: number;
	    grants: number;
	
	    static createFrom(source: any = {}) {
	        return new UserRow(source);
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
	        this.lastDdl = source["lastDdl"];
	        this.identity = source["identity"];
	        this.comment = source["comment"];
	        this.roles = source["roles"];
	        this.groups = source["groups"];
	        this.grants = source["grants"];
	    }
	}

}

export namespace change {
	
	export class AssumeRoleSpec {
	    iamRoles: string[];
	    commands: string[];
	    grantee: model.PrincipalRef;
	    grantOption?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new AssumeRoleSpec(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.iamRoles = source["iamRoles"];
	        this.commands = source["commands"];
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
	export class DatashareUsageSpec {
	    datashare: string;
	    namespaces?: string[];
	    accounts?: string[];
	    viaDataCatalog?: boolean;
	    grantOption?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new DatashareUsageSpec(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.datashare = source["datashare"];
	        this.namespaces = source["namespaces"];
	        this.accounts = source["accounts"];
	        this.viaDataCatalog = source["viaDataCatalog"];
	        this.grantOption = source["grantOption"];
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
	    kind?: string;
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
	        this.kind = source["kind"];
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
	export class Parameter {
	    name: string;
	    value: string;
	
	    static createFrom(source: any = {}) {
	        return new Parameter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.value = source["value"];
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
	    externalId?: string;
	    setParameters?: Parameter[];
	    resetParameters?: string[];
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
	        this.externalId = source["externalId"];
	        this.setParameters = this.convertValues(source["setParameters"], Parameter);
	        this.resetParameters = source["resetParameters"];
	        this.successor = source["successor"];
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
	export class Change {
	    kind: string;
	    user?: UserSpec;
	    role?: RoleSpec;
	    group?: GroupSpec;
	    member?: MemberSpec;
	    privilege?: PrivilegeSpec;
	    default?: DefaultSpec;
	    system?: SystemSpec;
	    assumeRole?: AssumeRoleSpec;
	    datashareUsage?: DatashareUsageSpec;
	
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
	        this.assumeRole = this.convertValues(source["assumeRole"], AssumeRoleSpec);
	        this.datashareUsage = this.convertValues(source["datashareUsage"], DatashareUsageSpec);
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
	export class Revert {
	    changes: Change[];
	    reason?: string;
	
	    static createFrom(source: any = {}) {
	        return new Revert(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.changes = this.convertValues(source["changes"], Change);
	        this.reason = source["reason"];
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
	export class AuditEntry {
	    // Go type: time
	    time: any;
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
	        this.database = source["database"];
	        this.statement = source["statement"];
	        this.summary = source["summary"];
	        this.outcome = source["outcome"];
	        this.changeIndex = source["changeIndex"];
	        this.principals = source["principals"];
	        this.revert = this.convertValues(source["revert"], Revert);
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

export namespace compare {
	
	export class Row {
	    section: string;
	    label: string;
	    a: string;
	    b: string;
	    same: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Row(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.section = source["section"];
	        this.label = source["label"];
	        this.a = source["a"];
	        this.b = source["b"];
	        this.same = source["same"];
	    }
	}
	export class Comparison {
	    a: model.PrincipalRef;
	    b: model.PrincipalRef;
	    rows: Row[];
	    differences: number;
	    changes: change.Change[];
	    notCopied: string[];
	
	    static createFrom(source: any = {}) {
	        return new Comparison(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.a = this.convertValues(source["a"], model.PrincipalRef);
	        this.b = this.convertValues(source["b"], model.PrincipalRef);
	        this.rows = this.convertValues(source["rows"], Row);
	        this.differences = source["differences"];
	        this.changes = this.convertValues(source["changes"], change.Change);
	        this.notCopied = source["notCopied"];
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

export namespace depends {
	
	export class Rel {
	    schema: string;
	    name: string;
	    kind: string;
	
	    static createFrom(source: any = {}) {
	        return new Rel(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.schema = source["schema"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	    }
	}
	export class Edge {
	    view: Rel;
	    from: Rel;
	
	    static createFrom(source: any = {}) {
	        return new Edge(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.view = this.convertValues(source["view"], Rel);
	        this.from = this.convertValues(source["from"], Rel);
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
	export class Graph {
	    root: Rel;
	    upstream: Rel[];
	    downstream: Rel[];
	    edges: Edge[];
	
	    static createFrom(source: any = {}) {
	        return new Graph(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.root = this.convertValues(source["root"], Rel);
	        this.upstream = this.convertValues(source["upstream"], Rel);
	        this.downstream = this.convertValues(source["downstream"], Rel);
	        this.edges = this.convertValues(source["edges"], Edge);
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

export namespace future {
	
	export class Source {
	    kind: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new Source(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.text = source["text"];
	    }
	}
	export class Entry {
	    grantee: model.PrincipalRef;
	    privileges: string[];
	    grantOption: string[];
	    sources: Source[];
	
	    static createFrom(source: any = {}) {
	        return new Entry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.grantee = this.convertValues(source["grantee"], model.PrincipalRef);
	        this.privileges = source["privileges"];
	        this.grantOption = source["grantOption"];
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
	export class Answer {
	    creator: model.PrincipalRef;
	    schema: string;
	    objectType: string;
	    entries: Entry[];
	    notes: string[];
	
	    static createFrom(source: any = {}) {
	        return new Answer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.creator = this.convertValues(source["creator"], model.PrincipalRef);
	        this.schema = source["schema"];
	        this.objectType = source["objectType"];
	        this.entries = this.convertValues(source["entries"], Entry);
	        this.notes = source["notes"];
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

export namespace model {
	
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
	export class AssumeRoleGrant {
	    iamRole: string;
	    command: string;
	    grantee: PrincipalRef;
	
	    static createFrom(source: any = {}) {
	        return new AssumeRoleGrant(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.iamRole = source["iamRole"];
	        this.command = source["command"];
	        this.grantee = this.convertValues(source["grantee"], PrincipalRef);
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
	export class DatashareConsumer {
	    account?: string;
	    namespace?: string;
	    sharedAt?: string;
	
	    static createFrom(source: any = {}) {
	        return new DatashareConsumer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.account = source["account"];
	        this.namespace = source["namespace"];
	        this.sharedAt = source["sharedAt"];
	    }
	}
	export class Datashare {
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
	
	    static createFrom(source: any = {}) {
	        return new Datashare(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.owner = source["owner"];
	        this.type = source["type"];
	        this.sourceDatabase = source["sourceDatabase"];
	        this.consumerDatabase = source["consumerDatabase"];
	        this.publicAccessible = source["publicAccessible"];
	        this.producerAccount = source["producerAccount"];
	        this.producerNamespace = source["producerNamespace"];
	        this.managedBy = source["managedBy"];
	        this.consumers = this.convertValues(source["consumers"], DatashareConsumer);
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
	export class Model {
	    schema: string;
	    name: string;
	    owner: string;
	    state?: string;
	
	    static createFrom(source: any = {}) {
	        return new Model(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.schema = source["schema"];
	        this.name = source["name"];
	        this.owner = source["owner"];
	        this.state = source["state"];
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
	    lastDdl?: string;
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
	        this.lastDdl = source["lastDdl"];
	        this.identity = source["identity"];
	        this.comment = source["comment"];
	    }
	}

}

export namespace offboard {
	
	export class Blockers {
	    owned: string[];
	    grants: number;
	    defaultsAsCreator: number;
	    defaultsAsGrantee: number;
	
	    static createFrom(source: any = {}) {
	        return new Blockers(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.owned = source["owned"];
	        this.grants = source["grants"];
	        this.defaultsAsCreator = source["defaultsAsCreator"];
	        this.defaultsAsGrantee = source["defaultsAsGrantee"];
	    }
	}
	export class Request {
	    user: string;
	    successor: string;
	    disableLogin: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Request(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.user = source["user"];
	        this.successor = source["successor"];
	        this.disableLogin = source["disableLogin"];
	    }
	}
	export class StepResult {
	    kind: string;
	    database: string;
	    state: string;
	    executed: number;
	    results: change.StatementResult[];
	    message?: string;
	
	    static createFrom(source: any = {}) {
	        return new StepResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.database = source["database"];
	        this.state = source["state"];
	        this.executed = source["executed"];
	        this.results = this.convertValues(source["results"], change.StatementResult);
	        this.message = source["message"];
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
	export class Result {
	    steps: StepResult[];
	    completed: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.steps = this.convertValues(source["steps"], StepResult);
	        this.completed = source["completed"];
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
	export class Step {
	    kind: string;
	    database: string;
	    blockers: Blockers;
	    statements: change.Statement[];
	    error?: string;
	
	    static createFrom(source: any = {}) {
	        return new Step(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.database = source["database"];
	        this.blockers = this.convertValues(source["blockers"], Blockers);
	        this.statements = this.convertValues(source["statements"], change.Statement);
	        this.error = source["error"];
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
	export class Scan {
	    request: Request;
	    memberships: string[];
	    steps: Step[];
	    ready: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Scan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.request = this.convertValues(source["request"], Request);
	        this.memberships = source["memberships"];
	        this.steps = this.convertValues(source["steps"], Step);
	        this.ready = source["ready"];
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

export namespace rolegraph {
	
	export class Edge {
	    member: model.PrincipalRef;
	    of: model.PrincipalRef;
	    adminOption?: boolean;
	    noInherit?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Edge(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.member = this.convertValues(source["member"], model.PrincipalRef);
	        this.of = this.convertValues(source["of"], model.PrincipalRef);
	        this.adminOption = source["adminOption"];
	        this.noInherit = source["noInherit"];
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
	export class Node {
	    ref: model.PrincipalRef;
	    superuser?: boolean;
	    system?: boolean;
	    users?: number;
	    focus?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Node(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ref = this.convertValues(source["ref"], model.PrincipalRef);
	        this.superuser = source["superuser"];
	        this.system = source["system"];
	        this.users = source["users"];
	        this.focus = source["focus"];
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
	export class Graph {
	    nodes: Node[];
	    edges: Edge[];
	    hidden: number;
	
	    static createFrom(source: any = {}) {
	        return new Graph(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.nodes = this.convertValues(source["nodes"], Node);
	        this.edges = this.convertValues(source["edges"], Edge);
	        this.hidden = source["hidden"];
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
	    emulated: boolean;
	
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
	        this.emulated = source["emulated"];
	    }
	}

}

export namespace vocab {
	
	export class Privilege {
	    name: string;
	    help: string;
	
	    static createFrom(source: any = {}) {
	        return new Privilege(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.help = source["help"];
	    }
	}
	export class AssumeRole {
	    commands: Privilege[];
	    maxChain: number;
	    grantees: string[];
	
	    static createFrom(source: any = {}) {
	        return new AssumeRole(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.commands = this.convertValues(source["commands"], Privilege);
	        this.maxChain = source["maxChain"];
	        this.grantees = source["grantees"];
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
	export class DefaultType {
	    type: string;
	    privileges: string[];
	    revokePrivileges?: string[];
	    databaseWideOnly?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new DefaultType(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.privileges = source["privileges"];
	        this.revokePrivileges = source["revokePrivileges"];
	        this.databaseWideOnly = source["databaseWideOnly"];
	    }
	}
	export class Scoped {
	    keyword: string;
	    privileges: string[];
	    inSchema: boolean;
	    inDatabase: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Scoped(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.keyword = source["keyword"];
	        this.privileges = source["privileges"];
	        this.inSchema = source["inSchema"];
	        this.inDatabase = source["inDatabase"];
	    }
	}
	export class Kind {
	    kind: string;
	    keyword: string;
	    noun: string;
	    plural: string;
	    parent?: string;
	    privileges: Privilege[];
	    columnPrivileges?: string[];
	    relations?: string[];
	    routine?: boolean;
	    bulk?: string;
	    default?: string;
	    scoped?: Scoped;
	    section: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Kind(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.keyword = source["keyword"];
	        this.noun = source["noun"];
	        this.plural = source["plural"];
	        this.parent = source["parent"];
	        this.privileges = this.convertValues(source["privileges"], Privilege);
	        this.columnPrivileges = source["columnPrivileges"];
	        this.relations = source["relations"];
	        this.routine = source["routine"];
	        this.bulk = source["bulk"];
	        this.default = source["default"];
	        this.scoped = this.convertValues(source["scoped"], Scoped);
	        this.section = source["section"];
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
	
	
	export class SystemGroup {
	    label: string;
	    items: string[];
	
	    static createFrom(source: any = {}) {
	        return new SystemGroup(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.label = source["label"];
	        this.items = source["items"];
	    }
	}
	export class Vocabulary {
	    engine: string;
	    kinds: Kind[];
	    defaults: DefaultType[];
	    system?: SystemGroup[];
	    grantOption: string[];
	    adminOption: string[];
	    scopedGrantees?: string[];
	    aliases?: {[key: string]: string};
	    assumeRole?: AssumeRole;
	    createModel?: Privilege;
	
	    static createFrom(source: any = {}) {
	        return new Vocabulary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.engine = source["engine"];
	        this.kinds = this.convertValues(source["kinds"], Kind);
	        this.defaults = this.convertValues(source["defaults"], DefaultType);
	        this.system = this.convertValues(source["system"], SystemGroup);
	        this.grantOption = source["grantOption"];
	        this.adminOption = source["adminOption"];
	        this.scopedGrantees = source["scopedGrantees"];
	        this.aliases = source["aliases"];
	        this.assumeRole = this.convertValues(source["assumeRole"], AssumeRole);
	        this.createModel = this.convertValues(source["createModel"], Privilege);
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

