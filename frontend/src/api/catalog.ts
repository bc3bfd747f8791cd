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
/**
 * One way a privilege is held: the grant of its cell's privilege (and scope)
 * on its cell's object to the last principal of via (the principal itself
 * when via is empty); setRole is the role to SET ROLE to when it is not held
 * in the login session.
 */
export interface EffectiveSource {
  via: PrincipalRef[];
  grantOption: boolean;
  grantor?: string;
  setRole?: string;
  note?: string;
}
/** One privilege on one object (or, scope set, one Redshift scoped permission) and the sources behind it. */
export interface EffectiveCell {
  object: ObjectRef;
  privilege: string;
  scope?: string;
  direct: boolean;
  inherited: boolean;
  grantOption: boolean;
  setRole?: string;
  sources: EffectiveSource[];
}
/** Object privileges in `cells`; Redshift scoped permissions (current and future objects) in `scoped`. */
export interface Effective extends Omit<access.WireEffective, 'objects' | 'paths' | 'grantors' | 'cells' | 'scoped'> {
  cells: EffectiveCell[];
  scoped: EffectiveCell[];
}

/** The objects, paths and grantors a wire answer's cells point into (Go access.Tables). */
type WireTables = Pick<access.WireEffective, 'objects' | 'paths' | 'grantors'>;

/**
 * Cells of a wire answer (Go access.WireCell: objects, paths and grantors by index, a
 * source's grant implied by its cell) with their objects and paths in place.
 * Cells share those objects and path arrays: the whole database's access is
 * tens of thousands of cells over a few paths.
 */
export function cellsFromWire(t: WireTables, cells: access.WireCell[] | null | undefined): EffectiveCell[] {
  return (cells ?? []).map((c) => ({
    object: t.objects[c.object],
    privilege: c.privilege,
    scope: c.scope,
    direct: !!c.direct,
    inherited: !!c.inherited,
    grantOption: !!c.grantOption,
    setRole: c.setRole,
    sources: c.sources.map((s) => ({ via: t.paths[s.via], grantOption: !!s.grantOption, grantor: t.grantors[s.grantor ?? 0] || undefined, setRole: s.setRole, note: s.note })),
  }));
}

export function effectiveFromWire(w: access.WireEffective): Effective {
  const { objects, paths, grantors, cells, scoped, ...rest } = w;
  const t = { objects: objects ?? [], paths: paths ?? [], grantors: grantors ?? [] };
  return { ...rest, reach: rest.reach ?? [], cells: cellsFromWire(t, cells), scoped: cellsFromWire(t, scoped) };
}
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
    callApi(async () => effectiveFromWire(await Catalog.Effective(sessionId, ref, schema))),
  /** Effective privileges on the database itself and its languages. */
  effectiveDatabase: (sessionId: string, ref: PrincipalRef) =>
    callApi(async () => effectiveFromWire(await Catalog.EffectiveDatabase(sessionId, ref))),
  schemas: (sessionId: string) => callApi(() => list(Catalog.Schemas(sessionId))),
  schemaObjects: (sessionId: string, schema: string) => callApi(() => list(Catalog.SchemaObjects(sessionId, schema))),
  objectGrants: (sessionId: string, ref: ObjectRef) => callApi(() => list(Catalog.ObjectGrants(sessionId, ref))),
  /** One query, on demand. */
  columns: (sessionId: string, schema: string, relation: string) =>
    callApi(() => list(Catalog.Columns(sessionId, schema, relation))),
};
