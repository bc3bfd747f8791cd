export namespace app {
	
	export class ConnectRequest {
	    profileId: string;
	    password: string;
	    attemptId: string;
	
	    static createFrom(source: any = {}) {
	        return new ConnectRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profileId = source["profileId"];
	        this.password = source["password"];
	        this.attemptId = source["attemptId"];
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
	    sandbox?: boolean;
	    hasPassword: boolean;
	
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
	        this.sandbox = source["sandbox"];
	        this.hasPassword = source["hasPassword"];
	    }
	}
	export class SaveProfileRequest {
	    profile: profile.Profile;
	    password: string;
	    setPassword: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SaveProfileRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profile = this.convertValues(source["profile"], profile.Profile);
	        this.password = source["password"];
	        this.setPassword = source["setPassword"];
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
	
	    static createFrom(source: any = {}) {
	        return new TestRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profile = this.convertValues(source["profile"], profile.Profile);
	        this.password = source["password"];
	        this.useStoredPassword = source["useStoredPassword"];
	        this.attemptId = source["attemptId"];
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
	
	export class ImportResult {
	    added: string[];
	    skipped: string[];
	
	    static createFrom(source: any = {}) {
	        return new ImportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.added = source["added"];
	        this.skipped = source["skipped"];
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
	        this.sandbox = source["sandbox"];
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

