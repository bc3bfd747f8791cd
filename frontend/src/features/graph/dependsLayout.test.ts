import { describe, expect, it } from 'vitest';
import type { DependencyGraph, DependencyNode, DependencyRel } from '../../api/depends';
import { DEP_NODE_HEIGHT, dependencyShape, layoutDependencies, relId } from './dependsLayout';

const rel = (name: string, kind = 'v', schema = 'sales'): DependencyRel => ({ schema, name, kind });
const node = (r: DependencyRel, more: Partial<DependencyNode> = {}): DependencyNode => ({
  schema: r.schema,
  name: r.name,
  kind: r.kind === 'r' ? 'table' : r.kind === 'm' ? 'materialized_view' : 'view',
  owner: 'etl',
  readers: 3,
  public: false,
  securityInvoker: false,
  ...more,
});

// raw.orders_src → sales.orders → v_orders → v_big → mv_big
const src = rel('orders_src', 'r', 'raw');
const orders = rel('orders', 'r');
const vOrders = rel('v_orders');
const vBig = rel('v_big');
const mvBig = rel('mv_big', 'm');
const graph: DependencyGraph = {
  graph: {
    root: orders,
    upstream: [src],
    downstream: [mvBig, vBig, vOrders],
    edges: [
      { view: orders, from: src },
      { view: vOrders, from: orders },
      { view: vBig, from: vOrders },
      { view: mvBig, from: vBig },
    ],
  },
  nodes: [node(orders, { readers: 7 }), node(src), node(mvBig, { public: true }), node(vBig, { securityInvoker: true }), node(vOrders, { readers: 1 })],
};

/** CPU time of this process (vitest runs in Node), which a loaded machine inflates less than wall time. */
function cpuMs(): number {
  const u = (globalThis as unknown as { process: { cpuUsage(): { user: number; system: number } } }).process.cpuUsage();
  return (u.user + u.system) / 1000;
}

describe('dependency graph shape', () => {
  it('names each node by kind, side, owner and readers, and each edge as "is built on"', () => {
    const { nodes, edges } = dependencyShape(graph);
    expect(nodes.map((n) => [n.name, n.side])).toEqual([
      ['orders', 'root'],
      ['orders_src', 'upstream'],
      ['mv_big', 'downstream'],
      ['v_big', 'downstream'],
      ['v_orders', 'downstream'],
    ]);
    expect(nodes[0].label).toBe('table sales.orders, this relation, owner etl, 7 principals can read it');
    expect(nodes[2].label).toBe('materialized view sales.mv_big, built on it, owner etl, everyone can read it (PUBLIC)');
    expect(nodes[3].label).toContain('security_invoker');
    expect(nodes[4].label).toContain('1 principal can read it');
    expect(edges.map((e) => e.label)).toEqual([
      'sales.orders is built on raw.orders_src',
      'sales.v_orders is built on sales.orders',
      'sales.v_big is built on sales.v_orders',
      'sales.mv_big is built on sales.v_big',
    ]);
    expect(edges[1]).toMatchObject({ source: relId(orders), target: relId(vOrders) });
  });

  it('keeps names with dots apart', () => {
    expect(relId({ schema: 'a.b', name: 'c' })).not.toBe(relId({ schema: 'a', name: 'b.c' }));
  });

  it('lays out what it is built from left of the relation and the views built on it right, deeper further', async () => {
    const shape = dependencyShape(graph);
    const pos = await layoutDependencies(shape);
    const x = (r: DependencyRel) => pos.get(relId(r))!.x;
    expect(pos.size).toBe(5);
    expect(x(src)).toBeLessThan(x(orders));
    expect(x(orders)).toBeLessThan(x(vOrders));
    expect(x(vOrders)).toBeLessThan(x(vBig));
    expect(x(vBig)).toBeLessThan(x(mvBig));
  });

  it('lays out a table with 200 dependent views (two levels) without overlapping nodes', async () => {
    const first = Array.from({ length: 150 }, (_, i) => rel(`v${i}`));
    const second = Array.from({ length: 50 }, (_, i) => rel(`w${i}`));
    const g: DependencyGraph = {
      graph: {
        root: orders,
        upstream: [],
        downstream: [...first, ...second],
        edges: [...first.map((v) => ({ view: v, from: orders })), ...second.map((w, i) => ({ view: w, from: first[i * 3] }))],
      },
      nodes: [node(orders), ...first.map((v) => node(v)), ...second.map((w) => node(w))],
    };
    const shape = dependencyShape(g);
    await layoutDependencies(dependencyShape(graph)); // ELK loaded and warm
    const t0 = performance.now();
    const c0 = cpuMs();
    const pos = await layoutDependencies(shape);
    const ms = performance.now() - t0;
    const cpu = cpuMs() - c0;
    console.info(`dependency layout: 201 nodes, 200 edges in ${ms.toFixed(0)} ms wall, ${cpu.toFixed(0)} ms CPU`);
    expect(pos.size).toBe(201);
    // Layered: the views built directly on the table share a column right of it, the second level further right.
    expect(pos.get(relId(first[0]))!.x).toBeGreaterThan(pos.get(relId(orders))!.x);
    expect(pos.get(relId(second[0]))!.x).toBeGreaterThan(pos.get(relId(first[0]))!.x);
    const column = first.map((v) => pos.get(relId(v))!).sort((a, b) => a.y - b.y);
    for (let i = 1; i < column.length; i++) if (column[i].x === column[i - 1].x) expect(column[i].y - column[i - 1].y).toBeGreaterThanOrEqual(DEP_NODE_HEIGHT);
    expect(ms).toBeLessThan(10000);
  });
});
