// The dependency graph of one relation as nodes and edges, and their layout:
// what it is built from on the left, the relation, the views built on it (at
// any depth) on the right; an edge runs from what a view reads to the view.
import type { DependencyGraph, DependencyNode } from '../../api/depends';
import { RELATION_LABEL } from '../catalog/format';
import { layered, textWidth, type Placed } from './elk';

export const DEP_NODE_HEIGHT = 52;

export type Side = 'root' | 'upstream' | 'downstream';

export interface DepNode extends DependencyNode {
  id: string;
  side: Side;
  width: number;
  /** What a screen reader hears, and what the e2e spec finds the node by. */
  label: string;
}

export interface DepEdge {
  id: string;
  /** The relation read. */
  source: string;
  /** The view built on it. */
  target: string;
  label: string;
}

type Named = { schema: string; name: string };

/** Unambiguous whatever the names hold (dots, quotes). */
export const relId = (r: Named) => JSON.stringify([r.schema, r.name]);
export const qualified = (r: Named) => `${r.schema}.${r.name}`;

/** "5 can read it", "everyone can read it (PUBLIC)". */
export function readersText(n: Pick<DependencyNode, 'readers' | 'public'>): string {
  if (n.public) return 'everyone can read it (PUBLIC)';
  return `${n.readers} ${n.readers === 1 ? 'principal' : 'principals'} can read it`;
}

export function kindText(kind: string): string {
  return (RELATION_LABEL[kind] ?? 'Relation').toLowerCase();
}

function nodeLabel(n: DependencyNode, side: Side): string {
  const parts = [`${kindText(n.kind)} ${qualified(n)}`];
  if (side === 'root') parts.push('this relation');
  if (side === 'upstream') parts.push('it is built from this');
  if (side === 'downstream') parts.push('built on it');
  if (n.owner) parts.push(`owner ${n.owner}`);
  parts.push(readersText(n));
  if (n.securityInvoker) parts.push('checks the reader’s own privileges (security_invoker)');
  return parts.join(', ');
}

/** Wide enough for the icon and the qualified name (13 px), or for the kind, owner and reader count (11 px). */
function width(n: DependencyNode): number {
  const title = 44 + textWidth(qualified(n));
  const meta = 40 + textWidth(`${kindText(n.kind)} · ${n.owner}`) * 0.85 + textWidth(n.public ? 'everyone' : String(n.readers)) * 0.85 + 26;
  return Math.round(Math.min(320, Math.max(150, title, meta)));
}

/** The graph's nodes (the relation first) and edges, each named for assistive technology. */
export function dependencyShape(dg: DependencyGraph): { nodes: DepNode[]; edges: DepEdge[] } {
  const { graph } = dg;
  const side = new Map<string, Side>();
  for (const r of graph.upstream) side.set(relId(r), 'upstream');
  for (const r of graph.downstream) side.set(relId(r), 'downstream');
  side.set(relId(graph.root), 'root');
  const nodes: DepNode[] = [];
  const seen = new Set<string>();
  for (const n of dg.nodes) {
    const id = relId(n);
    if (seen.has(id)) continue;
    seen.add(id);
    const s = side.get(id) ?? 'downstream';
    nodes.push({ ...n, id, side: s, width: width(n), label: nodeLabel(n, s) });
  }
  const edges: DepEdge[] = [];
  const seenEdge = new Set<string>();
  for (const e of graph.edges) {
    const source = relId(e.from);
    const target = relId(e.view);
    const id = `${source}>${target}`;
    if (seenEdge.has(id) || !seen.has(source) || !seen.has(target)) continue;
    seenEdge.add(id);
    edges.push({ id, source, target, label: `${qualified(e.view)} is built on ${qualified(e.from)}` });
  }
  return { nodes, edges };
}

/**
 * Positions by node id: layers left to right along "is read by". No model
 * order (it triples ELK's time here) and, past LARGE nodes, one pass of
 * crossing minimisation: a table with hundreds of views is mostly one wide
 * fan-out where more passes find nothing better, and the layout runs on the
 * main thread.
 */
export function layoutDependencies(shape: { nodes: DepNode[]; edges: DepEdge[] }): Promise<Map<string, Placed>> {
  return layered(
    shape.nodes.map((n) => ({ id: n.id, width: n.width, height: DEP_NODE_HEIGHT })),
    shape.edges,
    {
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '48',
      'elk.spacing.nodeNode': '16',
      'elk.layered.thoroughness': shape.nodes.length > LARGE ? '1' : '7',
    },
  );
}

const LARGE = 60;
