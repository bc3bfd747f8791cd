import { describe, expect, it } from 'vitest';
import type { Grant, ObjectRow, SchemaRow } from '../../../api';
import { privilegeOrder } from '../format';
import { vocabularyOf } from '../fixtures.test-util';
import { columnGrants, flattenTree, grantsByGrantee, schemaCounts } from './logic';

const pg = vocabularyOf('postgres');

const schema = (name: string, over: Partial<SchemaRow> = {}): SchemaRow => ({
  name,
  owner: 'admin',
  type: 'local',
  system: false,
  objects: {},
  grants: 0,
  ...over,
});
const obj = (schemaName: string, name: string, kind: ObjectRow['kind']): ObjectRow => ({
  ref: { kind: kind === 'function' || kind === 'procedure' ? kind : 'table', schema: schemaName, name, args: kind === 'function' ? 'integer' : undefined },
  kind,
  owner: 'admin',
  grantees: [],
});

describe('flattenTree', () => {
  const schemas = [schema('finance'), schema('sales'), schema('pg_catalog', { system: true })];
  const objects = new Map<string, ObjectRow[] | undefined>([
    ['sales', [obj('sales', 'v_summary', 'view'), obj('sales', 'orders', 'table'), obj('sales', 'order_total', 'function'), obj('sales', 'customers', 'table')]],
  ]);
  const label = (r: ReturnType<typeof flattenTree>[number]) =>
    r.type === 'database' ? r.name : r.type === 'schema' ? `${r.expanded ? '-' : '+'} ${r.schema.name}` : r.type === 'object' ? `    ${r.object.ref.name}` : `    (${r.text})`;

  it('lists schemas and the objects of expanded ones, tables before views before routines', () => {
    const rows = flattenTree({ database: 'analytics', schemas, expanded: new Set(['sales']), objects, filter: '', showSystem: false });
    expect(rows.map(label)).toEqual(['analytics', '+ finance', '- sales', '    customers', '    orders', '    v_summary', '    order_total']);
  });

  it('shows system schemas on request and a note while objects load', () => {
    const rows = flattenTree({ database: 'db', schemas, expanded: new Set(['finance']), objects, filter: '', showSystem: true });
    expect(rows.map(label)).toEqual(['db', '- finance', '    (Loading…)', '+ sales', '+ pg_catalog']);
  });

  it('filters schema names, and objects inside expanded schemas', () => {
    expect(flattenTree({ database: 'db', schemas, expanded: new Set(['sales']), objects, filter: 'ord', showSystem: false }).map(label)).toEqual([
      'db',
      '- sales',
      '    orders',
      '    order_total',
    ]);
    expect(flattenTree({ database: 'db', schemas, expanded: new Set(), objects, filter: 'FIN', showSystem: false }).map(label)).toEqual(['db', '+ finance']);
  });
});

describe('grant tables', () => {
  const grants: Grant[] = [
    { object: { kind: 'table', schema: 's', name: 't' }, grantee: { kind: 'role', name: 'reader' }, privilege: 'SELECT', grantOption: false, grantor: 'admin' },
    { object: { kind: 'table', schema: 's', name: 't' }, grantee: { kind: 'role', name: 'writer' }, privilege: 'UPDATE', grantOption: true, grantor: 'admin' },
    { object: { kind: 'table', schema: 's', name: 't' }, grantee: { kind: 'role', name: 'writer' }, privilege: 'INSERT', grantOption: false, grantor: 'admin' },
    { object: { kind: 'table', schema: 's', name: 't' }, grantee: { kind: 'public', name: '' }, privilege: 'SELECT', grantOption: false, grantor: 'admin', default: true },
    { object: { kind: 'column', schema: 's', name: 't', column: 'email' }, grantee: { kind: 'user', name: 'ann' }, privilege: 'SELECT', grantOption: false },
    { object: { kind: 'column', schema: 's', name: 't', column: 'email' }, grantee: { kind: 'user', name: 'ann' }, privilege: 'UPDATE', grantOption: true },
  ];

  it('one row per grantee, PUBLIC first, privileges in GRANT order', () => {
    const rows = grantsByGrantee(grants, privilegeOrder(pg));
    expect(rows.map((r) => [r.grantee.kind === 'public' ? 'PUBLIC' : r.grantee.name, r.privileges.map((p) => `${p.privilege}${p.grantOption ? '+' : ''}`), r.builtIn])).toEqual([
      ['PUBLIC', ['SELECT'], true],
      ['reader', ['SELECT'], false],
      ['writer', ['INSERT', 'UPDATE+'], false],
    ]);
  });

  it('column grants by column', () => {
    const cols = columnGrants(grants, privilegeOrder(pg));
    expect([...cols.keys()]).toEqual(['email']);
    expect(cols.get('email')![0].privileges).toEqual([
      { privilege: 'SELECT', grantOption: false },
      { privilege: 'UPDATE', grantOption: true },
    ]);
  });

  it('counts a schema per vocabulary kind, in the vocabulary order', () => {
    expect(schemaCounts(pg, schema('x', { objects: { function: 1, table: 8 } }))).toBe('8 tables · 1 function');
    expect(schemaCounts(pg, schema('x', { objects: { table: 1, procedure: 3 } }))).toBe('1 table · 3 procedures');
    expect(schemaCounts(pg, schema('x'))).toBe('empty');
  });
});
