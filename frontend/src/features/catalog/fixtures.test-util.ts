// Test data shaped like the backend's answers (a small analytics warehouse).
import type { CatalogSummary, Grant, PrincipalDetail, Role, RoleRow, SessionInfo, User, UserRow, Vocabulary } from '../../api';
import vocabularies from '../../testdata/vocabulary.json';

export const session: SessionInfo = {
  id: 's1',
  profileId: 'p1',
  profileName: 'Test cluster',
  readOnly: false,
  server: { engine: 'postgres', version: 'PostgreSQL 15.18', fullVersion: 'PostgreSQL 15.18', user: 'admin', database: 'analytics', host: 'db', port: 5432, superuser: true },
};

/** What each engine can do; Redshift adds groups, system and scoped permissions, session settings. */
export function capabilitiesOf(engine: 'redshift' | 'postgres'): CatalogSummary['capabilities'] {
  const rs = engine === 'redshift';
  return {
    groups: rs,
    roles: true,
    nestedRoles: true,
    roleAdminOption: true,
    systemPrivileges: rs,
    scopedPermissions: rs,
    columnPrivileges: true,
    procedures: true,
    defaultPrivileges: true,
    sessionTimeout: rs,
    syslogAccess: rs,
    maxIdentifierBytes: rs ? 127 : 63,
  };
}

/** The backend's vocabulary of an engine (backend/vocab, kept current by its Go test). */
export function vocabularyOf(engine: 'redshift' | 'postgres'): Vocabulary {
  return vocabularies[engine] as Vocabulary;
}

export function summary(over: Partial<CatalogSummary> = {}): CatalogSummary {
  return {
    sessionId: 's1',
    engine: 'postgres',
    database: 'analytics',
    databases: ['analytics', 'postgres'],
    capabilities: capabilitiesOf('postgres'),
    vocabulary: vocabularyOf('postgres'),
    counts: { users: 3, roles: 2, systemRoles: 0, groups: 0, schemas: 2, relations: 3, routines: 1, grants: 9, defaultPrivileges: 1 },
    partial: false,
    warnings: [],
    queries: 10,
    loadMillis: 42,
    loadedAt: '2026-11-01T10:00:00Z',
    ...over,
  };
}

export function user(name: string, over: Partial<UserRow> = {}): UserRow {
  return { name, identity: 'local', connectionLimit: -1, roles: 0, groups: 0, grants: 0, ...over };
}

/** A user's full attributes, as the detail call returns them. */
export function userAttrs(name: string, over: Partial<User> = {}): User {
  return {
    id: 1,
    name,
    superuser: false,
    createDb: false,
    createRole: false,
    inherit: true,
    bypassRls: false,
    replication: false,
    connectionLimit: -1,
    sessionTimeout: 0,
    syslogAccess: '',
    validUntil: '',
    passwordDisabled: false,
    externalId: '',
    config: [],
    identity: 'local',
    ...over,
  };
}

/** A role's full attributes, as the detail call returns them. */
export function roleAttrs(name: string, over: Partial<Role> = {}): Role {
  return { id: 2, name, owner: '', externalId: '', system: false, superuser: false, createDb: false, createRole: false, inherit: true, ...over };
}

export function role(name: string, over: Partial<RoleRow> = {}): RoleRow {
  return { name, members: 0, memberOf: 0, grants: 0, ...over };
}

export const users: UserRow[] = [
  user('julia.rossi', { roles: 1, grants: 4 }),
  user('priya.raman', { superuser: true }),
  user('contractor.jlee', { validUntil: '2020-06-30 00:00:00+00', roles: 1 }),
];

const g = (o: Partial<Grant['object']> & { kind: Grant['object']['kind'] }, privilege: string, grantee: Grant['grantee'], extra: Partial<Grant> = {}): Grant => ({
  object: o,
  grantee,
  privilege,
  grantOption: false,
  grantor: 'admin',
  ...extra,
});

const julia = { kind: 'user' as const, name: 'julia.rossi' };

export const juliaDetail: PrincipalDetail = {
  ref: julia,
  user: userAttrs('julia.rossi'),
  memberOf: [{ member: julia, of: { kind: 'role', name: 'finance_analyst' }, adminOption: true, grantor: 'admin' }],
  members: [],
  grants: [
    g({ kind: 'column', schema: 'finance', name: 'salaries', column: 'name' }, 'SELECT', julia),
    g({ kind: 'column', schema: 'finance', name: 'salaries', column: 'id' }, 'SELECT', julia),
    g({ kind: 'column', schema: 'finance', name: 'salaries', column: 'bonus' }, 'UPDATE', julia),
    g({ kind: 'table', schema: 'sales', name: 'v_orders' }, 'SELECT', julia, { grantOption: true }),
    g({ kind: 'schema', schema: 'sales' }, 'USAGE', julia),
    g({ kind: 'database', name: 'analytics' }, 'TEMP', julia),
  ],
  defaultsAsOwner: [],
  defaultsReceived: [
    { creator: { kind: 'role', name: 'etl_loader' }, schema: 'raw', objectType: 'tables', grantee: julia, privilege: 'SELECT', grantOption: false },
  ],
  systemPrivileges: [],
  relations: [
    { schema: 'finance', name: 'salaries', kind: 'table', owner: 'admin' },
    { schema: 'sales', name: 'v_orders', kind: 'view', owner: 'admin' },
  ],
  inheritsFrom: [
    { from: { kind: 'role', name: 'finance_analyst' }, via: [{ kind: 'role', name: 'finance_analyst' }] },
    { from: { kind: 'role', name: 'analyst' }, via: [{ kind: 'role', name: 'finance_analyst' }, { kind: 'role', name: 'analyst' }] },
    { from: { kind: 'public', name: '' }, via: [{ kind: 'public', name: '' }] },
  ],
  owned: [],
};
