// Test data for the editors: a Redshift and a PostgreSQL session with a small catalog.
import type { CatalogSummary, RoleRow, SessionInfo, UserRow } from '../../api';
import { capabilitiesOf, role, user, vocabularyOf } from '../catalog/fixtures.test-util';
import { makeEnv } from './env';

export function sessionOf(engine: 'redshift' | 'postgres', over: Partial<SessionInfo> = {}): SessionInfo {
  return {
    id: `s-${engine}`,
    profileId: 'p1',
    profileName: engine === 'redshift' ? 'Warehouse' : 'Sandbox',
    readOnly: false,
    server: {
      engine,
      version: engine === 'redshift' ? 'Redshift 1.0.77' : 'PostgreSQL 15.18',
      fullVersion: '',
      user: 'admin',
      database: 'analytics',
      host: 'db',
      port: engine === 'redshift' ? 5439 : 5432,
      superuser: true,
    },
    ...over,
  };
}

export function summaryOf(engine: 'redshift' | 'postgres'): CatalogSummary {
  return {
    sessionId: `s-${engine}`,
    engine,
    database: 'analytics',
    databases: ['analytics'],
    capabilities: capabilitiesOf(engine),
    vocabulary: vocabularyOf(engine),
    counts: { users: 2, roles: 2, systemRoles: 0, groups: 0, schemas: 1, relations: 2, routines: 0, grants: 1, defaultPrivileges: 0 },
    partial: false,
    warnings: [],
    queries: 10,
    loadMillis: 5,
    loadedAt: '2026-11-01T10:00:00Z',
  };
}

export const envOf = (engine: 'redshift' | 'postgres', over: Partial<SessionInfo> = {}) => makeEnv(sessionOf(engine, over), summaryOf(engine));

// The catalog's row fixtures, a role's with an owner filled in.
export function userRow(name: string, over: Partial<UserRow> = {}): UserRow {
  return user(name, over);
}

export function roleRow(name: string, over: Partial<RoleRow> = {}): RoleRow {
  return role(name, { owner: 'admin', ...over });
}
