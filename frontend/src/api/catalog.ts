import * as Catalog from '../wailsjs/go/app/CatalogService';
import type { access, app, catalog, engine, model, vocab } from '../wailsjs/go/models';
import { callApi } from './errors';

// The catalog (the access model of one database) as the backend sends it:
// the generated bindings of the Go DTOs, named for the app (see ./types.ts).

export type PrincipalRef = model.PrincipalRef;
/** PUBLIC has an empty name. */
export type PrincipalKind = PrincipalRef['kind'];
export type ObjectRef = model.ObjectRef;
export type ObjectKind = ObjectRef['kind'];
export type Relation = model.Relation;
export type RelationKind = Relation['kind'];
export type User = model.User;
/** How a user authenticates or who owns it. */
export type IdentityType = User['identity'];
export type Role = model.Role;
export type Group = model.Group;
export type Membership = model.Membership;
/** scope is "" or a Redshift scoped permission ("TABLES", "FUNCTIONS", …) over current and future objects. */
export type Grant = model.Grant;
export type DefaultPrivilege = model.DefaultPrivilege;
export type DefaultObjectType = DefaultPrivilege['objectType'];
export type Column = model.Column;

export type Capabilities = engine.Capabilities;
export type CatalogCounts = app.CatalogCounts;
export type CatalogSummary = app.CatalogSummary;
export type UserRow = catalog.UserRow;
export type RoleRow = catalog.RoleRow;
export type GroupRow = catalog.GroupRow;
export type SchemaRow = catalog.SchemaRow;
/** A relation or routine of a schema; kind is a relation kind, or function / procedure. */
export type ObjectRow = catalog.ObjectRow;
export type PrincipalDetail = catalog.PrincipalDetail;

/** A membership path from the principal (exclusive) to `from` (inclusive); note explains an implicit step. */
export type Reached = access.Reached;
/** One way a privilege is held; setRole is the role to SET ROLE to when it is not held in the login session. */
export type EffectiveSource = access.Source;
/** Object privileges in `cells`; Redshift scoped permissions (current and future objects) in `scoped`. */
export type EffectiveCell = access.Cell;
export type Effective = access.Effective;
/** A Redshift system permission held directly or through roles. */
export type SystemCell = access.SystemCell;

/** What the engine can grant on what (backend/vocab), from the catalog summary. */
export type Vocabulary = vocab.Vocabulary;
export type VocabKind = vocab.Kind;
export type VocabPrivilege = vocab.Privilege;

/**
 * The payload of the 'catalog:progress' event (Go app.CatalogProgress). Events
 * are not bound methods, so Wails generates no type for it.
 */
export interface CatalogProgress {
  sessionId: string;
  step: string;
  done: number;
  total: number;
}

/** Error code of a call made before (or after an invalidation of) the load. */
export const CATALOG_NOT_LOADED = 'catalog_not_loaded';

// A Go nil slice arrives as null; the list calls normalise it.
const list = async <T>(p: Promise<T[] | null>): Promise<T[]> => (await p) ?? [];

export const catalogApi = {
  /** Reads the catalog; with refresh it re-reads even when cached. */
  load: (sessionId: string, refresh: boolean) => callApi(() => Catalog.Load(sessionId, refresh)),
  cancel: (sessionId: string) => callApi(() => Catalog.Cancel(sessionId)),
  /** Reconnects the session to another database of the cluster and loads it. */
  switchDatabase: (sessionId: string, database: string) => callApi(() => Catalog.SwitchDatabase(sessionId, database)),
  users: (sessionId: string) => callApi(() => list(Catalog.Users(sessionId))),
  roles: (sessionId: string) => callApi(() => list(Catalog.Roles(sessionId))),
  groups: (sessionId: string) => callApi(() => list(Catalog.Groups(sessionId))),
  principal: (sessionId: string, ref: PrincipalRef) => callApi(() => Catalog.Principal(sessionId, ref)),
  /** Effective privileges within one schema (keep answers small on big catalogs). */
  effective: (sessionId: string, ref: PrincipalRef, schema: string) =>
    callApi(() => Catalog.Effective(sessionId, ref, schema)),
  /** Effective privileges on the database itself and its languages. */
  effectiveDatabase: (sessionId: string, ref: PrincipalRef) => callApi(() => Catalog.EffectiveDatabase(sessionId, ref)),
  schemas: (sessionId: string) => callApi(() => list(Catalog.Schemas(sessionId))),
  schemaObjects: (sessionId: string, schema: string) => callApi(() => list(Catalog.SchemaObjects(sessionId, schema))),
  objectGrants: (sessionId: string, ref: ObjectRef) => callApi(() => list(Catalog.ObjectGrants(sessionId, ref))),
  /** One query, on demand. */
  columns: (sessionId: string, schema: string, relation: string) =>
    callApi(() => list(Catalog.Columns(sessionId, schema, relation))),
};
