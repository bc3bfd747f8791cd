import * as Catalog from '../wailsjs/go/app/CatalogService';
import { model } from '../wailsjs/go/models';
import { callApi } from './errors';

// Plain shapes of the catalog (the access model of one database). They mirror
// the generated classes so features never import ../wailsjs.

export type PrincipalKind = 'user' | 'role' | 'group' | 'public';
export type IdentityType = 'local' | 'iam' | 'iam_role' | 'idc' | 'system';
export type ObjectKind = 'database' | 'schema' | 'table' | 'column' | 'function' | 'procedure' | 'language';
export type RelationKind =
  | 'table'
  | 'view'
  | 'materialized_view'
  | 'late_binding_view'
  | 'external_table'
  | 'partitioned_table'
  | 'foreign_table'
  | 'sequence';

/** PUBLIC has an empty name. */
export interface PrincipalRef {
  kind: PrincipalKind;
  name: string;
}

export interface ObjectRef {
  kind: ObjectKind;
  schema?: string;
  name?: string;
  args?: string;
  column?: string;
}

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

export interface CatalogCounts {
  users: number;
  roles: number;
  /** Of roles: sys:*, ds:*, pg_* (hidden by default in lists). */
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
  capabilities: Capabilities;
  counts: CatalogCounts;
  partial: boolean;
  warnings: string[];
  queries: number;
  /** 0 when the answer came from the cache. */
  loadMillis: number;
  loadedAt: string;
}

export interface CatalogProgress {
  sessionId: string;
  step: string;
  done: number;
  total: number;
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
  /** -1 is unlimited. */
  connectionLimit: number;
  /** Seconds; 0 is the cluster default. */
  sessionTimeout: number;
  syslogAccess: string;
  /** As the server prints it; "" is never. */
  validUntil: string;
  passwordDisabled: boolean;
  externalId: string;
  config: string[] | null;
  identity: IdentityType;
  comment?: string;
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

export interface Group {
  id: number;
  name: string;
}

/** One line of the users list: what the list shows, filters and sorts on. Zero attributes are left out of the JSON. */
export interface UserRow {
  name: string;
  identity: IdentityType;
  /** -1 is unlimited. */
  connectionLimit: number;
  superuser?: boolean;
  createDb?: boolean;
  createRole?: boolean;
  passwordDisabled?: boolean;
  /** As the server prints it; absent is never. */
  validUntil?: string;
  externalId?: string;
  roles: number;
  groups: number;
  grants: number;
}

/** One line of the roles list (zero attributes left out, as UserRow). */
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

export interface GroupRow {
  name: string;
  members: number;
  grants: number;
}

export interface Membership {
  member: PrincipalRef;
  of: PrincipalRef;
  adminOption: boolean;
  grantor?: string;
  inheritOption?: boolean;
  setOption?: boolean;
}

export interface Grant {
  object: ObjectRef;
  grantee: PrincipalRef;
  privilege: string;
  grantOption: boolean;
  grantor?: string;
  /** "" or a Redshift scoped permission ("TABLES", "FUNCTIONS", …) over current and future objects. */
  scope?: string;
  implied?: boolean;
  default?: boolean;
}

export interface DefaultPrivilege {
  creator: PrincipalRef;
  schema?: string;
  objectType: string;
  grantee: PrincipalRef;
  privilege: string;
  grantOption: boolean;
  implied?: boolean;
}

export interface Relation {
  schema: string;
  name: string;
  kind: RelationKind;
  owner: string;
}

export interface Reached {
  from: PrincipalRef;
  /** Membership path from the principal (exclusive) to `from` (inclusive). */
  via: PrincipalRef[];
  /** Explains an implicit step of the path ("owner of the database, hence pg_database_owner"). */
  note?: string;
}

export interface PrincipalDetail {
  ref: PrincipalRef;
  user?: User;
  role?: Role;
  group?: Group;
  memberOf: Membership[];
  members: Membership[];
  grants: Grant[];
  defaultsAsOwner: DefaultPrivilege[];
  defaultsReceived: DefaultPrivilege[];
  systemPrivileges: string[];
  relations: Relation[];
  inheritsFrom: Reached[];
  /** Schemas, relations and routines it owns in this database (a drop fails until they move). */
  owned?: ObjectRow[];
}

export interface EffectiveSource {
  via: PrincipalRef[];
  grant: Grant;
  /** The role to SET ROLE to for this source to apply; absent when it applies in the login session. */
  setRole?: string;
  /** Explains a step no catalog row shows: "member of pg_read_all_data", "owner of the database, hence pg_database_owner". */
  note?: string;
}

export interface EffectiveCell {
  object: ObjectRef;
  privilege: string;
  /** Redshift scoped permission: what it covers in `object` (a schema or the database), e.g. "TABLES". Only in `Effective.scoped`. */
  scope?: string;
  direct: boolean;
  inherited: boolean;
  grantOption: boolean;
  /**
   * Set when the privilege is not held in the login session but one SET ROLE
   * away (PostgreSQL): the nearest role to set. direct and inherited are false then.
   */
  setRole?: string;
  sources: EffectiveSource[];
}

export interface Effective {
  principal: PrincipalRef;
  superuser: boolean;
  /** A superuser role it can SET ROLE to (PostgreSQL). */
  setRoleSuperuser?: string;
  /** Object privileges. */
  cells: EffectiveCell[];
  /** Redshift scoped permissions (current and future objects), never mixed into `cells`. */
  scoped: EffectiveCell[];
  reach: Reached[];
}

export interface SchemaRow {
  name: string;
  owner: string;
  /** local, external or shared */
  type: string;
  system: boolean;
  tables: number;
  views: number;
  sequences: number;
  functions: number;
  procedures: number;
  grants: number;
}

export interface ObjectRow {
  ref: ObjectRef;
  /** A relation kind, or function / procedure. */
  kind: RelationKind | 'function' | 'procedure';
  owner: string;
  grantees: PrincipalRef[];
}

export interface Column {
  name: string;
  position: number;
  type: string;
}

/** Error code of a call made before (or after an invalidation of) the load. */
export const CATALOG_NOT_LOADED = 'catalog_not_loaded';

const arr = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
const principal = (r: PrincipalRef) => model.PrincipalRef.createFrom(r);

export const catalogApi = {
  /** Reads the catalog; with refresh it re-reads even when cached. */
  load: (sessionId: string, refresh: boolean) =>
    callApi(async () => (await Catalog.Load(sessionId, refresh)) as unknown as CatalogSummary),
  cancel: (sessionId: string) => callApi(() => Catalog.Cancel(sessionId)),
  /** Reconnects the session to another database of the cluster and loads it. */
  switchDatabase: (sessionId: string, database: string) =>
    callApi(async () => (await Catalog.SwitchDatabase(sessionId, database)) as unknown as CatalogSummary),
  users: (sessionId: string) => callApi(async () => arr<UserRow>(await Catalog.Users(sessionId))),
  roles: (sessionId: string) => callApi(async () => arr<RoleRow>(await Catalog.Roles(sessionId))),
  groups: (sessionId: string) => callApi(async () => arr<GroupRow>(await Catalog.Groups(sessionId))),
  principal: (sessionId: string, ref: PrincipalRef) =>
    callApi(async () => (await Catalog.Principal(sessionId, principal(ref))) as unknown as PrincipalDetail),
  /** Effective privileges within one schema (keep answers small on big catalogs). */
  effective: (sessionId: string, ref: PrincipalRef, schema: string) =>
    callApi(async () => (await Catalog.Effective(sessionId, principal(ref), schema)) as unknown as Effective),
  /** Effective privileges on the database itself and its languages. */
  effectiveDatabase: (sessionId: string, ref: PrincipalRef) =>
    callApi(async () => (await Catalog.EffectiveDatabase(sessionId, principal(ref))) as unknown as Effective),
  schemas: (sessionId: string) => callApi(async () => arr<SchemaRow>(await Catalog.Schemas(sessionId))),
  schemaObjects: (sessionId: string, schema: string) =>
    callApi(async () => arr<ObjectRow>(await Catalog.SchemaObjects(sessionId, schema))),
  objectGrants: (sessionId: string, ref: ObjectRef) =>
    callApi(async () => arr<Grant>(await Catalog.ObjectGrants(sessionId, model.ObjectRef.createFrom(ref)))),
  /** One query, on demand. */
  columns: (sessionId: string, schema: string, relation: string) =>
    callApi(async () => arr<Column>(await Catalog.Columns(sessionId, schema, relation))),
};
