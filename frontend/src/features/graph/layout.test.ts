import { describe, expect, it } from 'vitest';
import type { PrincipalKind } from '../../api';
import type { RoleGraph } from '../../api/rolegraph';
import { layoutGraph, nodeId, pathParts, withoutSystem } from './layout';

const ref = (kind: PrincipalKind, name: string) => ({ kind, name });

const graph: RoleGraph = {
  nodes: [
    { ref: ref('role', 'admin') },
    { ref: ref('role', 'analyst') },
    { ref: ref('role', 'reader'), users: 12 },
    { ref: ref('user', 'ana') },
  ],
  edges: [
    { member: ref('role', 'reader'), of: ref('role', 'analyst') },
    { member: ref('role', 'analyst'), of: ref('role', 'admin') },
    { member: ref('user', 'ana'), of: ref('role', 'reader') },
  ],
  hidden: 0,
};

describe('role graph layout', () => {
  it('places every node, members below the roles they belong to', async () => {
    const pos = await layoutGraph(graph);
    expect(pos.size).toBe(4);
    const y = (k: PrincipalKind, n: string) => pos.get(nodeId(ref(k, n)))!.y;
    expect(y('user', 'ana')).toBeGreaterThan(y('role', 'reader'));
    expect(y('role', 'reader')).toBeGreaterThan(y('role', 'analyst'));
    expect(y('role', 'analyst')).toBeGreaterThan(y('role', 'admin'));
  });

  it('lays out 300 roles and their memberships', async () => {
    const nodes = Array.from({ length: 300 }, (_, i) => ({ ref: ref('role', `r${i}`), users: i % 7 }));
    const edges = nodes.slice(10).map((n, i) => ({ member: n.ref, of: ref('role', `r${Math.floor((i + 10) / 4)}`) }));
    const pos = await layoutGraph({ nodes, edges, hidden: 0 });
    expect(pos.size).toBe(300);
    const ys = new Set([...pos.values()].map((p) => Math.round(p.y)));
    expect(ys.size).toBeGreaterThan(2); // layered, not one row
  });

  it('names the nodes and edges of a path', () => {
    const p = pathParts([ref('user', 'ana'), ref('role', 'reader'), ref('role', 'analyst')]);
    expect([...p.nodes]).toEqual(['user:ana', 'role:reader', 'role:analyst']);
    expect([...p.edges]).toEqual(['user:ana>role:reader', 'role:reader>role:analyst']);
  });

  it('leaves the server’s own roles out unless one is the focus', () => {
    const g: RoleGraph = {
      nodes: [{ ref: ref('role', 'pg_monitor'), system: true }, { ref: ref('role', 'pg_read_all_stats'), system: true, focus: true }, { ref: ref('role', 'app') }],
      edges: [
        { member: ref('role', 'pg_monitor'), of: ref('role', 'pg_read_all_stats') },
        { member: ref('role', 'app'), of: ref('role', 'pg_read_all_stats') },
      ],
      hidden: 0,
    };
    const w = withoutSystem(g);
    expect(w.nodes.map((n) => n.ref.name)).toEqual(['pg_read_all_stats', 'app']);
    expect(w.edges).toEqual([{ member: ref('role', 'app'), of: ref('role', 'pg_read_all_stats') }]);
  });
});
