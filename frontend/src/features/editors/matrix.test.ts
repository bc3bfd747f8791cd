import { describe, expect, it } from 'vitest';
import type { Change, ObjectRef, PrincipalRef } from '../../api/changes';
import {
  aggregate,
  draftFromItems,
  groupDraft,
  cellKey,
  changesFromDraft,
  draftFromChanges,
  isChecked,
  kindInSchema,
  objectKey,
  Overlay,
  scopedMarks,
  setCells,
  usageOffers,
  type CellBase,
  type CellRef,
  type Draft,
} from './matrix';
import { vocabularyOf } from '../catalog/fixtures.test-util';

const pg = vocabularyOf('postgres');
const rs = vocabularyOf('redshift');

const role: PrincipalRef = { kind: 'role', name: 'reader' };
const t = (name: string, schema = 'sales'): ObjectRef => ({ kind: 'table', schema, name });
const sch = (schema: string): ObjectRef => ({ kind: 'schema', schema });
const cell = (object: ObjectRef, privilege: string, grantee = role): CellRef => ({ grantee, object, privilege });

function apply(draft: Draft, cells: CellRef[], wanted: boolean, others: Change[] = [], base: Record<string, CellBase> = {}, grantOption = false) {
  const changes = [...others, ...changesFromDraft(draft, pg)];
  const overlay = new Overlay(
    changes.map((c, i) => ({ change: c, matrix: i >= others.length })),
    pg,
  );
  return setCells(draft, cells, wanted, overlay, (c) => base[cellKey(c.grantee, c.object, c.privilege)], grantOption);
}

describe('toggling cells', () => {
  it('grants a cell that is not held and undoes it on a second toggle', () => {
    let d: Draft = new Map();
    d = apply(d, [cell(t('orders'), 'SELECT')], true);
    expect(changesFromDraft(d, pg)).toEqual([
      { kind: 'grant_privileges', privilege: { privileges: ['SELECT'], target: 'objects', objects: [t('orders')], grantee: role } },
    ]);
    d = apply(d, [cell(t('orders'), 'SELECT')], false);
    expect(d.size).toBe(0);
  });

  it('revokes a direct grant, and unticking an inherited one queues nothing', () => {
    const base = {
      [cellKey(role, t('orders'), 'SELECT')]: { state: 'direct' as const },
      [cellKey(role, t('orders'), 'INSERT')]: { state: 'inherited' as const },
    };
    let d: Draft = apply(new Map(), [cell(t('orders'), 'SELECT')], false, [], base);
    expect(changesFromDraft(d, pg)).toEqual([
      { kind: 'revoke_privileges', privilege: { privileges: ['SELECT'], target: 'objects', objects: [t('orders')], grantee: role } },
    ]);
    d = apply(new Map(), [cell(t('orders'), 'INSERT')], false, [], base);
    expect(d.size).toBe(0);
    // Inherited is shown, but not checked: ticking it grants directly.
    expect(isChecked(base[cellKey(role, t('orders'), 'INSERT')], undefined)).toBe(false);
    d = apply(new Map(), [cell(t('orders'), 'INSERT')], true, [], base);
    expect([...d.values()].map((c) => c.action)).toEqual(['grant']);
  });

  it('groups objects with the same privileges into one change, grants before revokes, schema first', () => {
    const base = { [cellKey(role, t('c'), 'UPDATE')]: { state: 'direct' as const } };
    let d: Draft = new Map();
    d = apply(d, [cell(t('a'), 'SELECT'), cell(t('a'), 'INSERT'), cell(t('b'), 'SELECT'), cell(t('b'), 'INSERT')], true, [], base);
    d = apply(d, [cell(t('c'), 'UPDATE')], false, [], base);
    d = apply(d, [cell(sch('sales'), 'USAGE')], true, [], base);
    expect(changesFromDraft(d, pg)).toEqual([
      { kind: 'grant_privileges', privilege: { privileges: ['USAGE'], target: 'objects', objects: [sch('sales')], grantee: role } },
      { kind: 'grant_privileges', privilege: { privileges: ['SELECT', 'INSERT'], target: 'objects', objects: [t('a'), t('b')], grantee: role } },
      { kind: 'revoke_privileges', privilege: { privileges: ['UPDATE'], target: 'objects', objects: [t('c')], grantee: role } },
    ]);
  });

  it('carries WITH GRANT OPTION on grants only', () => {
    const d = apply(new Map(), [cell(t('a'), 'SELECT')], true, [], {}, true);
    expect(changesFromDraft(d, pg)[0].privilege?.grantOption).toBe(true);
  });

  it('round-trips through the pending changes', () => {
    let d: Draft = new Map();
    d = apply(d, [cell(t('a'), 'SELECT'), cell(t('b'), 'DELETE'), cell({ kind: 'function', schema: 's', name: 'f', args: 'integer' }, 'EXECUTE')], true);
    const back = draftFromChanges(changesFromDraft(d, pg), pg);
    expect([...back.keys()].sort()).toEqual([...d.keys()].sort());
  });

  it('turns a whole schema of relations into ALL TABLES IN SCHEMA', () => {
    const all = ['a', 'b', 'c'].map((n) => t(n));
    let d: Draft = new Map();
    d = apply(
      d,
      all.map((o) => cell(o, 'SELECT')),
      true,
    );
    const full = new Map([[kindInSchema('table', 'sales'), new Set(all.map(objectKey))]]);
    expect(changesFromDraft(d, pg, full)).toEqual([
      { kind: 'grant_privileges', privilege: { privileges: ['SELECT'], target: 'all_in_schema', kind: 'table', schemas: ['sales'], grantee: role } },
    ]);
  });
});

describe('select-all', () => {
  it('selects the unchecked cells of a row and clears it again', () => {
    const row = ['SELECT', 'INSERT', 'UPDATE'].map((p) => cell(t('a'), p));
    const base = { [cellKey(role, t('a'), 'SELECT')]: { state: 'direct' as const } };
    let d = apply(new Map(), row, true, [], base);
    expect([...d.values()].map((c) => `${c.action} ${c.privilege}`).sort()).toEqual(['grant INSERT', 'grant UPDATE']);
    d = apply(d, row, false, [], base);
    expect([...d.values()].map((c) => `${c.action} ${c.privilege}`)).toEqual(['revoke SELECT']);
  });

  it('aggregates a column', () => {
    expect(aggregate([true, true])).toBe('all');
    expect(aggregate([true, false])).toBe('some');
    expect(aggregate([false, false])).toBe('none');
  });
});

describe('overlay of queued changes', () => {
  it('shows a bulk grant on every relation of the schema, and a later per-object revoke wins', () => {
    const bulk: Change = { kind: 'grant_privileges', privilege: { privileges: ['SELECT'], target: 'all_in_schema', kind: 'table', schemas: ['sales'], grantee: role } };
    const o = new Overlay([{ change: bulk, matrix: false }], pg);
    expect(o.get(role, t('x'), 'SELECT')).toBe('grant');
    expect(o.get(role, t('x', 'finance'), 'SELECT')).toBeUndefined();
    expect(o.get(role, t('x'), 'INSERT')).toBeUndefined();
    expect(o.get({ kind: 'user', name: 'reader' }, t('x'), 'SELECT')).toBeUndefined();
    // Unticking a bulk-granted cell queues a revoke after it.
    const d = apply(new Map(), [cell(t('x'), 'SELECT')], false, [bulk]);
    expect([...d.values()].map((c) => c.action)).toEqual(['revoke']);
  });

  it('expands ALL and ignores revoking only the grant option', () => {
    const all: Change = { kind: 'grant_privileges', privilege: { privileges: ['ALL'], target: 'objects', objects: [t('a')], grantee: role } };
    const opt: Change = { kind: 'revoke_privileges', privilege: { privileges: ['SELECT'], target: 'objects', objects: [t('a')], grantee: role, grantOption: true } };
    const o = new Overlay(
      [
        { change: all, matrix: false },
        { change: opt, matrix: false },
      ],
      pg,
    );
    expect(o.get(role, t('a'), 'TRIGGER')).toBe('grant');
    expect(o.get(role, t('a'), 'SELECT')).toBe('grant');
  });
});

describe('USAGE offer', () => {
  const grant = (objects: ObjectRef[]): Change => ({ kind: 'grant_privileges', privilege: { privileges: ['SELECT'], target: 'objects', objects, grantee: role } });

  it('offers USAGE on schemas whose objects are granted but which the grantee cannot use', () => {
    const changes = [grant([t('a'), t('b', 'finance')]), { kind: 'grant_privileges', privilege: { privileges: ['SELECT'], target: 'all_in_schema', kind: 'table', schemas: ['raw'], grantee: role } } as Change];
    const o = new Overlay(
      changes.map((change) => ({ change, matrix: false })),
      pg,
    );
    const usage: Record<string, boolean> = { sales: false, finance: true, raw: false };
    expect(usageOffers(changes, role, (s) => usage[s], o)).toEqual(['raw', 'sales']);
  });

  it('stops offering once USAGE is queued, and ignores other grantees and unknown schemas', () => {
    const changes: Change[] = [
      grant([t('a')]),
      { kind: 'grant_privileges', privilege: { privileges: ['USAGE'], target: 'objects', objects: [sch('sales')], grantee: role } },
      { kind: 'grant_privileges', privilege: { privileges: ['SELECT'], target: 'objects', objects: [t('z', 'other')], grantee: { kind: 'user', name: 'x' } } },
      grant([t('q', 'unknown')]),
    ];
    const o = new Overlay(
      changes.map((change) => ({ change, matrix: false })),
      pg,
    );
    expect(usageOffers(changes, role, (s) => (s === 'unknown' ? undefined : false), o)).toEqual([]);
  });
});

describe('collapsed columns', () => {
  it('keeps the cells behind ALL TABLES IN SCHEMA, so later toggles see them', () => {
    const all = ['a', 'b', 'c'].map((n) => t(n));
    const full = new Map([[kindInSchema('table', 'sales'), new Set(all.map(objectKey))]]);
    const overlayOf = (items: { change: Change; cells?: ReturnType<typeof groupDraft>[number]['cells'] }[]) =>
      new Overlay(
        items.map((i) => ({ change: i.change, matrix: true })),
        pg,
      );
    let items = groupDraft(
      setCells(new Map(), all.map((o) => cell(o, 'SELECT')), true, new Overlay([], pg), () => undefined, false),
      pg,
      full,
    );
    expect(items.map((i) => i.change.privilege?.target)).toEqual(['all_in_schema']);
    let draft = draftFromItems(items, pg);
    expect(draft.size).toBe(3);
    // Tick INSERT on a: SELECT on a must stay granted.
    draft = setCells(draft, [cell(t('a'), 'INSERT')], true, overlayOf(items), () => undefined, false);
    items = groupDraft(draft, pg, full);
    const o = overlayOf(items);
    expect(o.get(role, t('a'), 'SELECT')).toBe('grant');
    expect(o.get(role, t('a'), 'INSERT')).toBe('grant');
    expect(o.get(role, t('b'), 'INSERT')).toBeUndefined();
  });
});

describe('scopedMarks', () => {
  const sales: ObjectRef = { kind: 'schema', schema: 'sales' };
  const dev: ObjectRef = { kind: 'database', name: 'dev' };
  const held = [
    { object: sales, privilege: 'SELECT', scope: 'TABLES', direct: true, inherited: false, grantOption: false, sources: [] },
    { object: dev, privilege: 'USAGE', scope: 'SCHEMAS', direct: false, inherited: true, grantOption: false, sources: [{ via: [{ kind: 'role' as const, name: 'bi' }], grantOption: false }] },
    // an object privilege cell is not a scoped permission
    { object: sales, privilege: 'USAGE', direct: true, inherited: false, grantOption: false, sources: [] },
  ];
  const queued: Change[] = [
    { kind: 'revoke_privileges', privilege: { privileges: ['SELECT'], target: 'scoped_in_schema', kind: 'table', schemas: ['sales'], grantee: role } },
    { kind: 'grant_privileges', privilege: { privileges: ['insert'], target: 'scoped_in_database', kind: 'table', grantee: role } },
    { kind: 'revoke_privileges', privilege: { privileges: ['USAGE'], target: 'scoped_in_database', kind: 'schema', grantee: role, grantOption: true } },
    { kind: 'grant_privileges', privilege: { privileges: ['DELETE'], target: 'scoped_in_schema', kind: 'table', schemas: ['sales'], grantee: { kind: 'role', name: 'other' } } },
    { kind: 'grant_privileges', privilege: { privileges: ['SELECT'], target: 'all_in_schema', kind: 'table', schemas: ['sales'], grantee: role } },
  ];

  it('lists held and queued scoped permissions, the last queued action winning', () => {
    const got = scopedMarks(rs, held, queued, role, 'dev').map((m) => [m.scope, objectKey(m.where), m.privilege, m.state, m.via?.length ?? 0]);
    expect(got).toEqual([
      ['SCHEMAS', objectKey(dev), 'USAGE', 'inherited', 1],
      ['TABLES', objectKey(dev), 'INSERT', 'grant', 0],
      ['TABLES', objectKey(sales), 'SELECT', 'revoke', 0],
    ]);
  });

  it('filters by scope and covered object', () => {
    const got = scopedMarks(rs, held, queued, role, 'dev', (scope, where) => scope === 'TABLES' && where.kind === 'schema');
    expect(got.map((m) => `${m.privilege}:${m.state}`)).toEqual(['SELECT:revoke']);
  });

  it('does not mark table cells for a queued scoped grant', () => {
    const overlay = new Overlay([{ change: { kind: 'grant_privileges', privilege: { privileges: ['SELECT'], target: 'scoped_in_schema', kind: 'table', schemas: ['sales'], grantee: role } }, matrix: false }], rs);
    expect(overlay.get(role, t('a'), 'SELECT')).toBeUndefined();
  });
});
