// The membership hierarchy, as the backend draws it (backend/rolegraph).
import { RoleGraph as WholeGraph, RoleGraphAround } from '../wailsjs/go/app/CatalogService';
import { model, type rolegraph } from '../wailsjs/go/models';
import { callApi } from './errors';
import type { PrincipalKind, PrincipalRef } from './catalog';

export interface RoleGraphNode {
  ref: PrincipalRef;
  superuser?: boolean;
  /** Managed by the server or service (pg_*, sys:*). */
  system?: boolean;
  /** Users that are direct members and are not drawn. */
  users?: number;
  focus?: boolean;
}

export interface RoleGraphEdge {
  member: PrincipalRef;
  of: PrincipalRef;
  adminOption?: boolean;
  /** The member must SET ROLE to use the role's privileges. */
  noInherit?: boolean;
}

export interface RoleGraph {
  nodes: RoleGraphNode[];
  edges: RoleGraphEdge[];
  /** Members of a focused principal left out beyond the backend's limit. */
  hidden: number;
}

const KINDS: ReadonlySet<string> = new Set<PrincipalKind>(['user', 'role', 'group', 'public']);

function ref(r: model.PrincipalRef): PrincipalRef {
  if (!KINDS.has(r.kind)) throw new Error(`unknown principal kind “${r.kind}” in the role graph`);
  return { kind: r.kind as PrincipalKind, name: r.name };
}

function fromWire(g: rolegraph.Graph): RoleGraph {
  return {
    nodes: (g.nodes ?? []).map((n) => ({ ...n, ref: ref(n.ref) })),
    edges: (g.edges ?? []).map((e) => ({ ...e, member: ref(e.member), of: ref(e.of) })),
    hidden: g.hidden,
  };
}

export const roleGraphApi = {
  /** Every role and group; users as counts. */
  whole: (sessionId: string) => callApi(async () => fromWire(await WholeGraph(sessionId))),
  /** The roles a principal reaches and the members that reach it. */
  around: (sessionId: string, focus: PrincipalRef) =>
    callApi(async () => fromWire(await RoleGraphAround(sessionId, focus))),
};
