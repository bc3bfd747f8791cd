// Automatic layout of the role graph with ELK's layered algorithm: members
// below the roles they belong to, edges pointing up, crossings minimised.
// ELK is loaded on first use (it is large and only this view needs it).
import type { PrincipalRef } from '../../api';
import type { RoleGraph, RoleGraphNode } from '../../api/rolegraph';

export const NODE_HEIGHT = 40;

export const nodeId = (r: PrincipalRef) => `${r.kind}:${r.name}`;

/** Wide enough for the kind icon, the name (13 px) and the badges. */
export function nodeWidth(n: RoleGraphNode): number {
  const users = n.users ? 34 + String(n.users).length * 7 : 0;
  const su = n.superuser ? 30 : 0;
  // Wide scripts (CJK) take about twice the width of Latin letters.
  const text = [...n.ref.name].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 14 : 7.8), 0);
  return Math.round(Math.min(300, Math.max(96, 56 + text + users + su)));
}

/** The graph without the server's own roles (and their memberships). */
export function withoutSystem(g: RoleGraph): RoleGraph {
  const keep = new Set(g.nodes.filter((n) => !n.system || n.focus).map((n) => nodeId(n.ref)));
  return {
    ...g,
    nodes: g.nodes.filter((n) => keep.has(nodeId(n.ref))),
    edges: g.edges.filter((e) => keep.has(nodeId(e.member)) && keep.has(nodeId(e.of))),
  };
}

export interface Placed {
  x: number;
  y: number;
  width: number;
}

type Elk = { layout: (graph: object) => Promise<{ children?: { id: string; x?: number; y?: number; width?: number }[] }> };
let elk: Promise<Elk> | null = null;

function loadElk(): Promise<Elk> {
  elk ??= import('elkjs/lib/elk.bundled.js').then((m) => new m.default() as Elk);
  return elk;
}

/** Positions of every node, by nodeId. */
export async function layoutGraph(g: RoleGraph): Promise<Map<string, Placed>> {
  const engine = await loadElk();
  const res = await engine.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'UP',
      'elk.edgeRouting': 'SPLINES',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.spacing.nodeNode': '22',
      'elk.spacing.componentComponent': '40',
      'elk.separateConnectedComponents': 'true',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: g.nodes.map((n) => ({ id: nodeId(n.ref), width: nodeWidth(n), height: NODE_HEIGHT })),
    edges: g.edges.map((e, i) => ({ id: `e${i}`, sources: [nodeId(e.member)], targets: [nodeId(e.of)] })),
  });
  const out = new Map<string, Placed>();
  for (const c of res.children ?? []) out.set(c.id, { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0 });
  return out;
}

/** The nodes and edges along a membership path (principal first, then each role it goes through). */
export function pathParts(path: PrincipalRef[]): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set(path.map(nodeId));
  const edges = new Set<string>();
  for (let i = 0; i + 1 < path.length; i++) edges.add(`${nodeId(path[i])}>${nodeId(path[i + 1])}`);
  return { nodes, edges };
}
