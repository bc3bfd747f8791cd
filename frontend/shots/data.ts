// Canned Redshift answers for the screenshot harness.
import type { CatalogSummary, Effective, Grant, PrincipalDetail, RoleRow, SchemaRow, SessionInfo, User, UserRow } from '../src/api';
import { capabilitiesOf, vocabularyOf } from '../src/features/catalog/fixtures.test-util';

export const session: SessionInfo = {
  id: 's1',
  profileId: 'p1',
  profileName: 'Redshift (emulated)',
  readOnly: false,
  server: { engine: 'redshift', version: 'Redshift 1.0.80000', fullVersion: 'Redshift 1.0.80000', user: 'admin', database: 'dev', host: 'cluster', port: 5439, superuser: true },
};

export const summary: CatalogSummary = {
  sessionId: 's1',
  engine: 'redshift',
  database: 'dev',
  databases: ['dev'],
  capabilities: capabilitiesOf('redshift'),
  vocabulary: vocabularyOf('redshift'),
  counts: { users: 2, roles: 2, systemRoles: 0, groups: 0, schemas: 3, relations: 0, routines: 0, grants: 8, defaultPrivileges: 0 },
  partial: false,
  warnings: [],
  queries: 22,
  loadMillis: 40,
  loadedAt: '2026-11-30T12:00:00Z',
};

const db = { kind: 'database' as const, name: 'dev' };
const loader = { kind: 'role' as const, name: 'etl_loader' };
const ann = { kind: 'user' as const, name: 'aad:ann' };
const sc = (object: Grant['object'], grantee: Grant['grantee'], privilege: string, scope: string, grantOption = false): Grant => ({ object, grantee, privilege, grantOption, scope });

const roleGrants: Grant[] = [
  sc(db, loader, 'CREATE', 'COPY JOBS'),
  sc(db, loader, 'ALTER', 'COPY JOBS'),
  sc(db, loader, 'USAGE', 'LANGUAGES'),
  sc(db, loader, 'EXECUTE', 'FUNCTIONS'),
  sc({ kind: 'schema', schema: 'etl' }, loader, 'EXECUTE', 'PROCEDURES'),
  sc({ kind: 'schema', schema: 'mart' }, loader, 'SELECT', 'TABLES'),
  sc({ kind: 'schema', schema: 'mart' }, loader, 'INSERT', 'TABLES'),
  { object: { kind: 'schema', schema: 'mart' }, grantee: loader, privilege: 'USAGE', grantOption: false },
];

const annUser: User = {
  id: 104,
  name: 'aad:ann',
  superuser: false,
  createDb: false,
  createRole: false,
  inherit: true,
  bypassRls: false,
  replication: false,
  connectionLimit: -1,
  sessionTimeout: 3600,
  syslogAccess: 'RESTRICTED',
  validUntil: '',
  passwordDisabled: true,
  externalId: '5f3c9a2e-77b1-4c1d-9d2e-1b2a3c4d5e6f',
  config: ['search_path=mart, "Odd, one", public', 'statement_timeout=300000', 'query_group=etl'],
  lastDdl: '2026-11-28T16:42:05Z',
  identity: 'idc',
};

export function detailOf(ref: { kind: string; name: string }): PrincipalDetail {
  const base = { memberOf: [], members: [], defaultsAsOwner: [], defaultsReceived: [], relations: [], inheritsFrom: [], owned: [] };
  if (ref.kind === 'user')
    return {
      ...base,
      ref: ann,
      user: annUser,
      memberOf: [{ member: ann, of: loader, adminOption: false }],
      grants: [sc({ kind: 'schema', schema: 'mart' }, ann, 'SELECT', 'TABLES', true)],
      systemPrivileges: [],
      inheritsFrom: [{ from: loader, via: [loader] }],
    };
  return {
    ...base,
    ref: loader,
    role: { id: 201, name: 'etl_loader', owner: 'admin', externalId: '', system: false, superuser: false, createDb: false, createRole: false, inherit: true },
    members: [{ member: ann, of: loader, adminOption: false }],
    grants: roleGrants,
    systemPrivileges: ['CREATE TABLE', 'EXPLAIN RLS', 'IGNORE RLS'],
  };
}

export function effectiveOf(ref: { kind: string; name: string }): Effective {
  const via = ref.kind === 'user' ? [loader] : [];
  const inherited = ref.kind === 'user';
  return {
    principal: ref.kind === 'user' ? ann : loader,
    superuser: false,
    cells: [],
    scoped: roleGrants
      .filter((g) => g.scope)
      .map((g) => ({ object: g.object, privilege: g.privilege, scope: g.scope, direct: !inherited, inherited, grantOption: false, sources: [{ via, grantOption: g.grantOption, grantor: g.grantor }] })),
    system: [
      { privilege: 'CREATE TABLE', direct: !inherited, inherited, via: [via] },
      { privilege: 'EXPLAIN RLS', direct: !inherited, inherited, via: [via] },
      { privilege: 'IGNORE RLS', direct: !inherited, inherited, via: [via] },
    ],
    reach: ref.kind === 'user' ? [{ from: loader, via: [loader] }] : [],
  };
}

const schema = (name: string, system = false): SchemaRow => ({ name, owner: 'admin', type: 'local', system, objects: { table: 4, function: 1, procedure: 1 }, grants: 2 });
export const schemas: SchemaRow[] = [schema('etl'), schema('mart'), schema('public'), schema('pg_catalog', true)];
export const users: UserRow[] = [{ ...annUser, roles: 1, groups: 0, grants: 1 }];
export const roles: RoleRow[] = [{ ...detailOf(loader).role!, members: 1, memberOf: 0, grants: 8, systemPrivileges: ['CREATE TABLE', 'EXPLAIN RLS', 'IGNORE RLS'] }];

/** Grants on a schema or the database, scoped ones included (as the backend's ObjectGrants answers). */
export function grantsOn(ref: { kind: string; schema?: string; name?: string }): Grant[] {
  const all: Grant[] = [...roleGrants, ...detailOf(ann).grants, { object: db, grantee: { kind: 'public', name: '' }, privilege: 'TEMP', grantOption: false }];
  return all.filter((g) => g.object.kind === ref.kind && (ref.kind === 'database' || g.object.schema === ref.schema));
}
