// ELK's layered layout, shared by the graphs (role hierarchy, dependencies).
// ELK is loaded on first use: it is large (about 1.4 MB) and only the graph
// views need it, so it never enters the start-up bundle.

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
}

export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
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

/** Options every layered graph shares; each view adds its direction and spacing. */
const BASE: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.edgeRouting': 'SPLINES',
  'elk.spacing.componentComponent': '40',
  'elk.separateConnectedComponents': 'true',
};

/** Positions of every node by id, laid out in layers along the edges. */
export async function layered(nodes: LayoutNode[], edges: LayoutEdge[], options: Record<string, string>): Promise<Map<string, Placed>> {
  const engine = await loadElk();
  const res = await engine.layout({
    id: 'root',
    layoutOptions: { ...BASE, ...options },
    children: nodes,
    edges: edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const out = new Map<string, Placed>();
  for (const c of res.children ?? []) out.set(c.id, { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0 });
  return out;
}

/** Width of a label in 13 px type: wide scripts (CJK) take about twice a Latin letter. */
export function textWidth(s: string): number {
  return [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 14 : 7.8), 0);
}
