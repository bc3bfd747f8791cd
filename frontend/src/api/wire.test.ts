import { describe, expect, it } from 'vitest';
import { effectiveFromWire } from './catalog';
import { holdersFromWire } from './insight';

const orders = { kind: 'table' as const, schema: 'sales', name: 'orders' };
const sales = { kind: 'schema' as const, schema: 'sales' };
const analyst = { kind: 'role' as const, name: 'analyst' };
const reader = { kind: 'role' as const, name: 'reader' };

describe('wire answers', () => {
  it('effectiveFromWire puts objects and paths in place and fills omitted flags', () => {
    const e = effectiveFromWire({
      principal: { kind: 'user', name: 'alice' },
      superuser: false,
      objects: [orders, sales],
      paths: [[], [analyst, reader]],
      grantors: ['', 'admin'],
      cells: [
        { object: 0, privilege: 'SELECT', direct: true, inherited: true, grantOption: true, sources: [{ via: 0, grantOption: true, grantor: 1 }, { via: 1 }] },
        { object: 0, privilege: 'INSERT', inherited: true, sources: [{ via: 1, note: 'n' }] },
      ],
      scoped: [{ object: 1, privilege: 'SELECT', scope: 'TABLES', setRole: 'analyst', sources: [{ via: 1, setRole: 'analyst' }] }],
      reach: [],
    });
    expect(e.cells).toEqual([
      {
        object: orders,
        privilege: 'SELECT',
        direct: true,
        inherited: true,
        grantOption: true,
        sources: [
          { via: [], grantOption: true, grantor: 'admin' },
          { via: [analyst, reader], grantOption: false },
        ],
      },
      { object: orders, privilege: 'INSERT', direct: false, inherited: true, grantOption: false, sources: [{ via: [analyst, reader], grantOption: false, note: 'n' }] },
    ]);
    expect(e.scoped[0]).toMatchObject({ object: sales, scope: 'TABLES', setRole: 'analyst', direct: false, inherited: false, sources: [{ via: [analyst, reader], setRole: 'analyst' }] });
    // One path array for every source that names it.
    expect(e.cells[1].sources[0].via).toBe(e.cells[0].sources[1].via);
    expect(e).not.toHaveProperty('objects');
    expect(e).not.toHaveProperty('paths');
  });

  it('holdersFromWire resolves every holder against the shared tables and cell lists', () => {
    const hs = holdersFromWire({
      objects: [orders],
      paths: [[], [reader]],
      grantors: [''],
      cellLists: [[], [{ object: 0, privilege: 'SELECT', direct: true, sources: [{ via: 0 }] }], [{ object: 0, privilege: 'SELECT', inherited: true, sources: [{ via: 1 }] }]],
      holders: [
        { principal: reader, cells: 1, scoped: 0 },
        { principal: { kind: 'user', name: 'alice' }, cells: 2, scoped: 0 },
        { principal: { kind: 'user', name: 'bob' }, cells: 2, scoped: 0 },
      ],
    });
    expect(hs.map((h) => [h.principal.name, h.cells[0].object, h.cells[0].direct, h.cells[0].sources[0].via, h.scoped])).toEqual([
      ['reader', orders, true, [], []],
      ['alice', orders, false, [reader], []],
      ['bob', orders, false, [reader], []],
    ]);
    expect(hs[2].cells).toBe(hs[1].cells);
  });
});
