import { describe, expect, it } from 'vitest';
import { role, user } from '../fixtures.test-util';
import {
  ROLE_SORT_VALUES,
  USER_SORT_VALUES,
  emptyRoleQuery,
  emptyUserQuery,
  filterGroups,
  filterRoles,
  filterUsers,
  identityCounts,
  compareNames,
  nameKey,
  nextSort,
  sortRows,
  sortRowsCached,
} from './logic';

const now = new Date('2026-11-01T00:00:00Z');
const users = [
  user('anna.schmidt', { roles: 1, grants: 0 }),
  user('priya.raman', { superuser: true, roles: 0 }),
  user('olivia.bennett', { createDb: true, roles: 1 }),
  user('IAM:alice', { identity: 'iam', passwordDisabled: true }),
  user('IAMR:etl', { identity: 'iam_role', passwordDisabled: true }),
  user('rdsdb', { identity: 'system', superuser: true }),
  user('contractor.jlee', { validUntil: '2026-10-01 00:00:00+00', roles: 1 }),
  user('temp.ops', { validUntil: '2026-11-15 00:00:00+00', roles: 2, grants: 7 }),
  user('user10', { connectionLimit: 10, grants: 3 }),
  user('user2', { connectionLimit: 5 }),
];
const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe('filterUsers', () => {
  it('searches names case-insensitively', () => {
    expect(names(filterUsers(users, { ...emptyUserQuery, text: '  IAM' }, now))).toEqual(['IAM:alice', 'IAMR:etl']);
    expect(names(filterUsers(users, { ...emptyUserQuery, text: 'RAMAN' }, now))).toEqual(['priya.raman']);
    expect(filterUsers(users, emptyUserQuery, now)).toHaveLength(users.length);
  });
  it('applies attribute flags together', () => {
    expect(names(filterUsers(users, { ...emptyUserQuery, flags: ['superuser'] }, now))).toEqual(['priya.raman', 'rdsdb']);
    expect(names(filterUsers(users, { ...emptyUserQuery, flags: ['superuser'], text: 'rds' }, now))).toEqual(['rdsdb']);
    expect(names(filterUsers(users, { ...emptyUserQuery, flags: ['createDb'] }, now))).toEqual(['olivia.bennett']);
    expect(names(filterUsers(users, { ...emptyUserQuery, flags: ['passwordDisabled'] }, now))).toEqual(['IAM:alice', 'IAMR:etl']);
    expect(names(filterUsers(users, { ...emptyUserQuery, flags: ['directGrants'] }, now))).toEqual(['temp.ops', 'user10']);
  });
  it('treats the two expiry flags as one union', () => {
    expect(names(filterUsers(users, { ...emptyUserQuery, flags: ['expired'] }, now))).toEqual(['contractor.jlee']);
    expect(names(filterUsers(users, { ...emptyUserQuery, flags: ['expiring'] }, now))).toEqual(['temp.ops']);
    expect(names(filterUsers(users, { ...emptyUserQuery, flags: ['expired', 'expiring'] }, now))).toEqual(['contractor.jlee', 'temp.ops']);
  });
  it('filters by identity type', () => {
    expect(names(filterUsers(users, { ...emptyUserQuery, identities: ['iam', 'system'] }, now))).toEqual(['IAM:alice', 'rdsdb']);
    expect(identityCounts(users).get('local')).toBe(7);
  });
  it('finds users without roles', () => {
    expect(names(filterUsers(users, { ...emptyUserQuery, flags: ['noRoles'] }, now))).toEqual(['priya.raman', 'IAM:alice', 'IAMR:etl', 'rdsdb', 'user10', 'user2']);
  });
});

describe('sortRows', () => {
  it('sorts names the way people read them', () => {
    const sorted = names(sortRows(users, { key: 'name', dir: 'asc' }, USER_SORT_VALUES));
    expect(sorted.indexOf('user2')).toBeLessThan(sorted.indexOf('user10'));
    expect(sorted[0]).toBe('anna.schmidt');
  });
  it('sorts numbers numerically, ties by name', () => {
    expect(names(sortRows(users, { key: 'grants', dir: 'desc' }, USER_SORT_VALUES)).slice(0, 3)).toEqual(['temp.ops', 'user10', 'anna.schmidt']);
    expect(names(sortRows(users, { key: 'connectionLimit', dir: 'asc' }, USER_SORT_VALUES)).slice(0, 2)).toEqual(['user2', 'user10']);
  });
  it('puts passwords that never expire last', () => {
    const sorted = names(sortRows(users, { key: 'validUntil', dir: 'asc' }, USER_SORT_VALUES));
    expect(sorted.slice(0, 2)).toEqual(['contractor.jlee', 'temp.ops']);
  });
  it('does not mutate its input', () => {
    const copy = [...users];
    sortRows(users, { key: 'name', dir: 'desc' }, USER_SORT_VALUES);
    expect(users).toEqual(copy);
  });
  it('flips direction on the same column and starts a new one in its natural direction', () => {
    expect(nextSort({ key: 'name', dir: 'asc' }, 'name')).toEqual({ key: 'name', dir: 'desc' });
    expect(nextSort({ key: 'name', dir: 'asc' }, 'grants', 'desc')).toEqual({ key: 'grants', dir: 'desc' });
  });
  it('keeps up with 20,000 rows', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => user(`user${i}`, { grants: i % 97, superuser: i % 1000 === 0 }));
    const hits = filterUsers(many, { ...emptyUserQuery, text: 'user19', flags: [] }, now);
    expect(hits).toHaveLength(1111); // user19, user190-199, user1900-1999, user19000-19999
    const sup = filterUsers(many, { ...emptyUserQuery, flags: ['superuser'] }, now);
    expect(sup).toHaveLength(20);
    const sorted = sortRows(many, { key: 'grants', dir: 'desc' }, USER_SORT_VALUES);
    expect(sorted[0].grants).toBe(96);
    expect(sorted[sorted.length - 1].grants).toBe(0);
  });
});

describe('filterRoles and filterGroups', () => {
  const roles = [
    role('analyst', { members: 8, grants: 9 }),
    role('sys:dba', { system: true, systemPrivileges: ['CREATE USER'] }),
    role('pg_monitor', { system: true }),
    role('unused', {}),
    role('writer', { memberOf: 1, grants: 90, members: 4 }),
    role('security_admin', { systemPrivileges: ['ALTER USER'], members: 1 }),
  ];
  it('hides system roles unless asked', () => {
    expect(names(filterRoles(roles, emptyRoleQuery))).toEqual(['analyst', 'unused', 'writer', 'security_admin']);
    expect(filterRoles(roles, { ...emptyRoleQuery, showSystem: true })).toHaveLength(6);
  });
  it('filters by system permissions, membership and grants', () => {
    expect(names(filterRoles(roles, { ...emptyRoleQuery, flags: ['systemPermissions'] }))).toEqual(['security_admin']);
    expect(names(filterRoles(roles, { ...emptyRoleQuery, flags: ['systemPermissions'], showSystem: true }))).toEqual(['sys:dba', 'security_admin']);
    expect(names(filterRoles(roles, { ...emptyRoleQuery, flags: ['noMembers', 'noGrants'] }))).toEqual(['unused']);
    expect(names(filterRoles(roles, { ...emptyRoleQuery, flags: ['nested'] }))).toEqual(['writer']);
  });
  it('sorts roles by members', () => {
    expect(names(sortRows(filterRoles(roles, emptyRoleQuery), { key: 'members', dir: 'desc' }, ROLE_SORT_VALUES))).toEqual([
      'analyst',
      'writer',
      'security_admin',
      'unused',
    ]);
  });
  it('filters groups', () => {
    const groups = [
      { id: 1, name: 'finance', members: 3, grants: 0 },
      { id: 2, name: 'empty_group', members: 0, grants: 2 },
    ];
    expect(names(filterGroups(groups, { text: '', flags: ['empty'] }))).toEqual(['empty_group']);
    expect(names(filterGroups(groups, { text: 'FIN', flags: [] }))).toEqual(['finance']);
    expect(filterGroups(groups, { text: 'fin', flags: ['withGrants'] })).toHaveLength(0);
  });
});

describe('name order without a collator', () => {
  it('orders digit runs as numbers, ignores case and accents, puts punctuation before digits before letters', () => {
    const sorted = ['user10', 'User2', 'user2', 'ana', 'Ána', 'a_b', 'ab', 'a1', 'user002', 'zed', 'IAM:alice'].sort(compareNames);
    expect(sorted).toEqual(['a_b', 'a1', 'ab', 'ana', 'Ána', 'IAM:alice', 'User2', 'user002', 'user2', 'user10', 'zed']);
    expect(nameKey('User10')).toBe(nameKey('user10'));
    expect(nameKey('x007') === nameKey('x7')).toBe(true);
  });
});

describe('sortRowsCached', () => {
  const many = Array.from({ length: 100_000 }, (_, i) => user(`bench_x${String((i * 7919) % 100_000).padStart(6, '0')}`, { grants: i % 13 }));
  it('sorts 100,000 rows once per order and answers a second mount with the same array', () => {
    const byName = sortRowsCached(many, { key: 'name', dir: 'asc' }, USER_SORT_VALUES);
    expect(byName[0].name).toBe('bench_x000000');
    expect(byName[99_999].name).toBe('bench_x099999');
    expect(sortRowsCached(many, { key: 'name', dir: 'asc' }, USER_SORT_VALUES)).toBe(byName);
    const byGrants = sortRowsCached(many, { key: 'grants', dir: 'desc' }, USER_SORT_VALUES);
    expect(byGrants).not.toBe(byName);
    expect(byGrants[0].grants).toBe(12);
    expect(sortRowsCached([...many], { key: 'name', dir: 'asc' }, USER_SORT_VALUES)).not.toBe(byName);
  });
  it('filters the sorted rows by name or external id, and returns them untouched when nothing filters', () => {
    const rows = [user('alice', { externalId: 'EXT-42' }), user('bob')];
    expect(names(filterUsers(rows, { ...emptyUserQuery, text: 'ext-4' }, now))).toEqual(['alice']);
    expect(filterUsers(rows, emptyUserQuery, now)).toBe(rows);
    const byName = sortRowsCached(many, { key: 'name', dir: 'asc' }, USER_SORT_VALUES);
    expect(filterUsers(byName, { ...emptyUserQuery, text: 'X0490' }, now)).toHaveLength(100);
    // Typed on, and back: the narrowed search gives what a full one gives.
    expect(names(filterUsers(byName, { ...emptyUserQuery, text: 'x04901' }, now))).toEqual(byName.filter((u) => u.name.includes('x04901')).map((u) => u.name));
    expect(filterUsers(byName, { ...emptyUserQuery, text: 'x049' }, now)).toHaveLength(1000);
    expect(filterUsers(byName, { ...emptyUserQuery, text: '9' }, now)).toHaveLength(byName.filter((u) => u.name.includes('9')).length);
  });
});
