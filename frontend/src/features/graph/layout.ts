// Automatic layout of the role graph with ELK's layered algorithm: members
// below the roles they belong to, edges pointing up, crossings minimised.
import type { PrincipalRef } from '../../api';
import type { RoleGraph, RoleGraphNode } from '../../api/rolegraph';
import { layered, textWidth, type Placed } from './elk';

export type { Placed } from './elk';

export const NODE_HEIGHT = 40;

export const nodeId = (r: PrincipalRef) => `${r.kind}:${r.name}`;

/** Wide enough for the kind icon, the name (13 px) and the badges. */
export function nodeWidth(n: RoleGraphNode): number {
  const users = n.users ? 34 + String(n.users).length * 7 : 0;
  const su = n.superuser ? 30 : 0;
  const text = textWidth(n.ref.name);
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

/** Positions of every node, by nodeId. */
export function layoutGraph(g: RoleGraph): Promise<Map<string, Placed>> {
  return layered(
    g.nodes.map((n) => ({ id: nodeId(n.ref), width: nodeWidth(n), height: NODE_HEIGHT })),
    g.edges.map((e, i) => ({ id: `e${i}`, source: nodeId(e.member), target: nodeId(e.of) })),
    {
      'elk.direction': 'UP',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.spacing.nodeNode': '22',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
  );
}

/** The nodes and edges along a membership path (principal first, then each role it goes through). */
export function pathParts(path: PrincipalRef[]): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set(path.map(nodeId));
  const edges = new Set<string>();
  for (let i = 0; i + 1 < path.length; i++) edges.add(`${nodeId(path[i])}>${nodeId(path[i + 1])}`);
  return { nodes, edges };
}
