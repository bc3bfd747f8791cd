import { describe, expect, it } from 'vitest';
import type { Effective, EffectiveCell, Holder, ObjectRef, PrincipalRef } from '../../api';
import { privilegeOrder } from '../catalog/format';
import { vocabularyOf } from '../catalog/fixtures.test-util';
import { accessRows, applyOutcome, filterAccess, holderPrivileges, holderRows, pathText } from './logic';

const orders: ObjectRef = { kind: 'table', schema: 'sales', name: 'orders' };
const user = (name: string): PrincipalRef => ({ kind: 'user', name });
const role = (name: string): PrincipalRef => ({ kind: 'role', name });
const PUBLIC: PrincipalRef = { kind: 'public', name: '' };

/** A cell held through via (granted to its last principal, or directly when empty). */
function cell(privilege: string, via: PrincipalRef[], object: ObjectRef = orders): EffectiveCell {
  return {
    object,
    privilege,
    direct: via.length === 0,
    inherited: via.length > 0,
    grantOption: false,
    sources: [{ via, grantOption: false }],
  };
}

const holders: Holder[] = [
  { principal: user('alice'), cells: [cell('SELECT', [role('analyst'), role('reader')]), cell('REFERENCES', [PUBLIC])], scoped: [] },
  { principal: user('bob'), cells: [cell('REFERENCES', [PUBLIC])], scoped: [] },
  { principal: user('root'), superuser: true, cells: [cell('REFERENCES', [PUBLIC])], scoped: [] },
  { principal: user('owner'), owner: true, cells: [], scoped: [] },
  { principal: role('reader'), cells: [cell('SELECT', [])], scoped: [] },
];

describe('who can access', () => {
  it('writes paths from the principal to the grantee', () => {
    expect(pathText(user('alice'), [role('analyst'), role('reader')])).toBe('alice → analyst → reader');
    expect(pathText(user('alice'), [])).toBe('direct');
  });

  it('filters by privilege but keeps superusers and owners, strongest access first', () => {
    const rows = holderRows(holders, { privilege: 'SELECT', text: '', hidePublicOnly: false });
    expect(rows.map((r) => `${r.principal.name}:${r.how}`)).toEqual(['root:superuser', 'owner:owner', 'reader:direct', 'alice:inherited']);
    expect(rows.find((r) => r.principal.name === 'alice')?.paths).toEqual(['alice → analyst → reader']);
    expect(rows.find((r) => r.principal.name === 'alice')?.privileges.map((p) => p.privilege)).toEqual(['SELECT']);
  });

  it('hides principals that hold something only through PUBLIC when asked', () => {
    const all = holderRows(holders, { privilege: '', text: '', hidePublicOnly: false }).map((r) => r.principal.name);
    const hidden = holderRows(holders, { privilege: '', text: '', hidePublicOnly: true }).map((r) => r.principal.name);
    expect(all).toContain('bob');
    expect(hidden).not.toContain('bob');
    expect(hidden).toContain('alice');
  });

  it('orders principals of the same access by kind, then by name as people read it (case aside, numbers by value)', () => {
    const direct = (p: PrincipalRef): Holder => ({ principal: p, cells: [cell('SELECT', [])], scoped: [] });
    const rows = holderRows([direct(user('user10')), direct(role('zeta')), direct(user('User2')), direct(user('user1')), direct(role('Alpha'))], { privilege: '', text: '', hidePublicOnly: false });
    expect(rows.map((r) => `${r.principal.kind}:${r.principal.name}`)).toEqual(['role:Alpha', 'role:zeta', 'user:user1', 'user:User2', 'user:user10']);
  });

  it('matches text against names and the roles on the path', () => {
    expect(holderRows(holders, { privilege: '', text: 'ANALYST', hidePublicOnly: false }).map((r) => r.principal.name)).toEqual(['alice']);
  });

  it('lists the privileges held, read privileges first', () => {
    expect(holderPrivileges(holders, privilegeOrder(vocabularyOf('postgres')))).toEqual(['SELECT', 'REFERENCES']);
  });
});

describe('whole-database access', () => {
  const eff: Effective = {
    principal: user('alice'),
    superuser: false,
    reach: [],
    cells: [
      cell('USAGE', [role('reader')], { kind: 'schema', schema: 'sales' }),
      cell('SELECT', [role('reader')]),
      cell('INSERT', [], { kind: 'table', schema: 'hr', name: 'people' }),
    ],
    scoped: [{ ...cell('SELECT', [], { kind: 'schema', schema: 'hr' }), scope: 'TABLES' }],
  };

  it('turns every cell into a row with how it is held', () => {
    const rows = accessRows(eff);
    expect(rows.map((r) => `${r.label}/${r.privilege}/${r.how}`)).toEqual([
      'schema sales/USAGE/inherited',
      'sales.orders/SELECT/inherited',
      'hr.people/INSERT/direct',
      'schema hr (all tables)/SELECT/direct',
    ]);
  });

  it('filters by schema, privilege, how and text (object or role on the path)', () => {
    const rows = accessRows(eff);
    expect(filterAccess(rows, { text: '', privilege: 'SELECT', schema: '', how: '' })).toHaveLength(2);
    expect(filterAccess(rows, { text: '', privilege: '', schema: 'hr', how: 'direct' })).toHaveLength(2);
    expect(filterAccess(rows, { text: 'reader', privilege: '', schema: '', how: '' }).map((r) => r.privilege)).toEqual(['USAGE', 'SELECT']);
    expect(filterAccess(rows, { text: 'people', privilege: '', schema: '', how: '' }).map((r) => r.label)).toEqual(['hr.people']);
  });
});

describe('history', () => {
  it('names the outcome of an apply', () => {
    expect(applyOutcome([{ outcome: 'ok' }, { outcome: 'ok (commit reply lost; …)' }])).toBe('applied');
    expect(applyOutcome([{ outcome: 'rolled back' }, { outcome: 'failed: boom' }])).toBe('failed');
    expect(applyOutcome([{ outcome: 'not run' }])).toBe('rolled back');
    expect(applyOutcome([{ outcome: 'ok' }, { outcome: 'failed: x' }])).toBe('partial');
  });
});
