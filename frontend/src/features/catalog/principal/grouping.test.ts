import { describe, expect, it } from 'vitest';
import type { EffectiveCell } from '../../../api';
import { privilegeOrder } from '../format';
import { juliaDetail, vocabularyOf } from '../fixtures.test-util';

const order = privilegeOrder(vocabularyOf('postgres'));
import { filterEffective, filterGrantRows, groupDefaults, groupEffective, groupGrants, relationKinds, sourceLines, type ObjectGrantRow } from './grouping';

describe('groupGrants', () => {
  const rows = groupGrants(juliaDetail.grants, relationKinds(juliaDetail.relations), order);

  it('groups by schema, database-level first, then objects', () => {
    expect(rows.map((r) => (r.type === 'group' ? `# ${r.schema || '(database)'} ${r.objects}` : `  ${r.label}`))).toEqual([
      '# (database) 1',
      '  analytics',
      '# finance 1',
      '  salaries',
      '# sales 2',
      '  sales (the schema)',
      '  v_orders',
    ]);
  });

  it('folds column grants into their relation, per privilege', () => {
    const salaries = rows.find((r) => r.type === 'object' && r.label === 'salaries') as ObjectGrantRow;
    expect(salaries.kind).toBe('table');
    expect(salaries.privileges).toEqual([
      { privilege: 'SELECT', grantOption: false, columns: ['id', 'name'] },
      { privilege: 'UPDATE', grantOption: false, columns: ['bonus'] },
    ]);
  });

  it('keeps kinds and grant options', () => {
    const view = rows.find((r) => r.type === 'object' && r.label === 'v_orders') as ObjectGrantRow;
    expect(view.kind).toBe('view');
    expect(view.privileges).toEqual([{ privilege: 'SELECT', grantOption: true }]);
    expect(view.grantors).toEqual(['admin']);
    expect(view.builtIn).toBe(false);
    const builtIn = groupGrants([{ object: { kind: 'language', name: 'sql' }, grantee: { kind: 'public', name: '' }, privilege: 'USAGE', grantOption: false, default: true }]);
    expect((builtIn[1] as ObjectGrantRow).builtIn).toBe(true);
  });

  it('labels scoped permissions as covering future objects', () => {
    const scoped = groupGrants([
      { object: { kind: 'schema', schema: 'sales' }, grantee: { kind: 'role', name: 'r' }, privilege: 'SELECT', grantOption: false, scope: 'TABLES' },
    ]);
    expect((scoped[1] as ObjectGrantRow).label).toBe('All tables in schema sales');
    expect((scoped[1] as ObjectGrantRow).scope).toBe('TABLES');
  });

  it('filters rows and recounts groups', () => {
    const f = filterGrantRows(rows, 'update');
    expect(f.map((r) => (r.type === 'group' ? `# ${r.schema} ${r.objects}` : r.label))).toEqual(['# finance 1', 'salaries']);
    expect(filterGrantRows(rows, '')).toBe(rows);
    expect(filterGrantRows(rows, 'nothing-like-this')).toEqual([]);
  });
});

describe('groupDefaults', () => {
  it('folds privileges per rule and leaves out the creator’s own', () => {
    const creator = { kind: 'role' as const, name: 'dbt_runner' };
    const grantee = { kind: 'role' as const, name: 'analyst' };
    const rules = groupDefaults([
      { creator, schema: 'staging', objectType: 'tables', grantee, privilege: 'SELECT', grantOption: false },
      { creator, schema: 'staging', objectType: 'tables', grantee, privilege: 'INSERT', grantOption: true },
      { creator, schema: '', objectType: 'functions', grantee, privilege: 'EXECUTE', grantOption: false },
      { creator, schema: '', objectType: 'functions', grantee: creator, privilege: 'EXECUTE', grantOption: false, implied: true },
    ], { order });
    expect(rules.map((r) => [r.schema, r.objectType, r.grantee.name, r.privileges.map((p) => `${p.privilege}${p.grantOption ? '+' : ''}`)])).toEqual([
      ['', 'functions', 'analyst', ['EXECUTE']],
      ['staging', 'tables', 'analyst', ['SELECT', 'INSERT+']],
    ]);
  });
});

describe('groupEffective', () => {
  const me = { kind: 'user' as const, name: 'julia.rossi' };
  const fa = { kind: 'role' as const, name: 'finance_analyst' };
  const cell = (column: string | undefined, privilege: string, direct: boolean, via: (typeof fa)[] = []): EffectiveCell => ({
    object: { kind: column ? 'column' : 'table', schema: 'finance', name: 'salaries', column },
    privilege,
    direct,
    inherited: !direct,
    grantOption: false,
    sources: [{ via, grantOption: false, grantor: 'admin' }],
  });

  it('one row per object, column cells of one state share a badge', () => {
    const rows = groupEffective([cell('name', 'SELECT', true), cell(undefined, 'SELECT', false, [fa]), cell('id', 'SELECT', true), cell('bonus', 'UPDATE', true)], undefined, order);
    expect(rows).toHaveLength(1);
    expect(rows[0].marks.map((m) => [m.privilege, m.direct, m.columns ?? null])).toEqual([
      ['SELECT', false, null],
      ['SELECT', true, ['id', 'name']],
      ['UPDATE', true, ['bonus']],
    ]);
  });

  it('explains the path of an inherited privilege', () => {
    expect(sourceLines(cell(undefined, 'SELECT', false, [fa]), me)).toEqual(['via julia.rossi → finance_analyst (by admin)']);
    expect(sourceLines(cell(undefined, 'SELECT', true), me)).toEqual(['granted directly (by admin)']);
  });

  const owner = { kind: 'role' as const, name: 'pg_database_owner' };
  const setRoleCell = (column: string | undefined, role: string): EffectiveCell => ({
    ...cell(column, 'UPDATE', false, [fa]),
    inherited: false,
    setRole: role,
    sources: [{ via: [fa], setRole: role, grantOption: false }],
  });

  it('keeps what SET ROLE unlocks on badges of its own, per role to set', () => {
    const rows = groupEffective([cell('bonus', 'UPDATE', false, [fa]), setRoleCell('salary', 'finance_analyst'), setRoleCell('name', 'finance_analyst')], undefined, order);
    expect(rows[0].marks.map((m) => [m.privilege, m.setRole ?? null, m.columns])).toEqual([
      ['UPDATE', null, ['bonus']],
      ['UPDATE', 'finance_analyst', ['name', 'salary']],
    ]);
  });

  it('filters the login session apart from SET ROLE', () => {
    const held = cell(undefined, 'SELECT', false, [fa]);
    const later = setRoleCell(undefined, 'finance_analyst');
    expect(filterEffective([held, later], 'session')).toEqual([held]);
    expect(filterEffective([held, later], 'set_role')).toEqual([later]);
    expect(filterEffective([held, later], 'all')).toEqual([held, later]);
  });

  it('names the role to set and the implicit step of a path', () => {
    expect(sourceLines(setRoleCell(undefined, 'finance_analyst'), me)).toEqual(['after SET ROLE finance_analyst: via julia.rossi → finance_analyst']);
    const implicit: EffectiveCell = {
      ...cell(undefined, 'CREATE', false, [owner]),
      sources: [
        {
          via: [owner],
          note: 'owner of the database, hence pg_database_owner',
          grantOption: false, grantor: 'pg_database_owner',
        },
      ],
    };
    expect(sourceLines(implicit, me)).toEqual(['via julia.rossi → pg_database_owner (owner of the database, hence pg_database_owner, by pg_database_owner)']);
  });
});
