// Which privileges each engine grants on each kind of object, who may hold
// WITH GRANT OPTION / WITH ADMIN OPTION, and Redshift's system permissions.
// Mirrors the renderers' dialects (backend/engine/*/render) so the editors
// offer only what the backend will accept.
import type { DefaultObjectType, ObjectKind, PrincipalKind } from '../../api/changes';

export type Engine = 'redshift' | 'postgres';

export function engineOf(name: string | undefined): Engine {
  return name === 'redshift' ? 'redshift' : 'postgres';
}

/** Privilege columns per object kind, in the order the matrix shows them. */
export function objectPrivileges(engine: Engine, kind: ObjectKind): string[] {
  const rs = engine === 'redshift';
  switch (kind) {
    case 'database':
      return rs ? ['CREATE', 'TEMP', 'USAGE', 'ALTER'] : ['CREATE', 'TEMP', 'CONNECT'];
    case 'schema':
      return rs ? ['USAGE', 'CREATE', 'ALTER', 'DROP'] : ['USAGE', 'CREATE'];
    case 'table':
      return rs
        ? ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'REFERENCES', 'TRUNCATE', 'ALTER', 'DROP']
        : ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'REFERENCES', 'TRUNCATE', 'TRIGGER'];
    case 'function':
    case 'procedure':
      return ['EXECUTE'];
    case 'language':
      return ['USAGE'];
    case 'column':
      return columnPrivileges(engine);
  }
  return [];
}

export function columnPrivileges(engine: Engine): string[] {
  return engine === 'redshift' ? ['SELECT', 'UPDATE'] : ['SELECT', 'INSERT', 'UPDATE', 'REFERENCES'];
}

/** Privileges of Redshift's scoped "current and future tables" form. */
export const SCOPED_TABLE_PRIVILEGES = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'DROP', 'ALTER', 'TRUNCATE', 'REFERENCES'];

/** Who may receive WITH GRANT OPTION: Redshift users only; PostgreSQL users and roles. */
export function grantOptionAllowed(engine: Engine, kind: PrincipalKind): boolean {
  if (kind === 'user') return true;
  return engine === 'postgres' && kind === 'role';
}

/** Who may hold WITH ADMIN OPTION on a role: Redshift users only; PostgreSQL users and roles. */
export function adminOptionAllowed(engine: Engine, kind: PrincipalKind): boolean {
  if (kind === 'user') return true;
  return engine === 'postgres' && kind === 'role';
}

/** Scoped permissions go to users and roles only (never groups or PUBLIC). */
export function scopedAllowed(kind: PrincipalKind): boolean {
  return kind === 'user' || kind === 'role';
}

export const DEFAULT_OBJECT_TYPES: Record<Engine, DefaultObjectType[]> = {
  redshift: ['tables', 'functions', 'procedures'],
  postgres: ['tables', 'sequences', 'functions', 'types', 'schemas'],
};

export function defaultPrivileges(engine: Engine, t: DefaultObjectType): string[] {
  if (engine === 'redshift') {
    if (t === 'tables') return ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'DROP', 'REFERENCES', 'TRUNCATE'];
    return ['EXECUTE'];
  }
  switch (t) {
    case 'tables':
      return ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'];
    case 'sequences':
      return ['USAGE', 'SELECT', 'UPDATE'];
    case 'types':
      return ['USAGE'];
    case 'schemas':
      return ['USAGE', 'CREATE'];
  }
  return ['EXECUTE'];
}

/** Redshift system permissions, grantable to roles only (DG r_GRANT). */
export const SYSTEM_PERMISSIONS = [
  'CREATE USER',
  'DROP USER',
  'ALTER USER',
  'CREATE SCHEMA',
  'DROP SCHEMA',
  'ALTER DEFAULT PRIVILEGES',
  'ACCESS CATALOG',
  'ACCESS SYSTEM TABLE',
  'CREATE TABLE',
  'DROP TABLE',
  'ALTER TABLE',
  'CREATE OR REPLACE FUNCTION',
  'CREATE OR REPLACE EXTERNAL FUNCTION',
  'DROP FUNCTION',
  'CREATE OR REPLACE PROCEDURE',
  'DROP PROCEDURE',
  'CREATE OR REPLACE VIEW',
  'DROP VIEW',
  'CREATE MODEL',
  'DROP MODEL',
  'CREATE DATASHARE',
  'ALTER DATASHARE',
  'DROP DATASHARE',
  'CREATE LIBRARY',
  'DROP LIBRARY',
  'CREATE ROLE',
  'DROP ROLE',
  'TRUNCATE TABLE',
  'VACUUM',
  'ANALYZE',
  'CANCEL',
  'IGNORE RLS',
  'EXPLAIN RLS',
  'EXPLAIN MASKING',
];

/** Groups of system permissions for the checklist. */
export const SYSTEM_PERMISSION_GROUPS: { label: string; items: string[] }[] = [
  { label: 'Users and roles', items: ['CREATE USER', 'ALTER USER', 'DROP USER', 'CREATE ROLE', 'DROP ROLE'] },
  { label: 'Schemas and defaults', items: ['CREATE SCHEMA', 'DROP SCHEMA', 'ALTER DEFAULT PRIVILEGES'] },
  { label: 'Catalog and monitoring', items: ['ACCESS CATALOG', 'ACCESS SYSTEM TABLE', 'CANCEL'] },
  { label: 'Tables', items: ['CREATE TABLE', 'ALTER TABLE', 'DROP TABLE', 'TRUNCATE TABLE', 'VACUUM', 'ANALYZE'] },
  { label: 'Views', items: ['CREATE OR REPLACE VIEW', 'DROP VIEW'] },
  {
    label: 'Functions and procedures',
    items: ['CREATE OR REPLACE FUNCTION', 'CREATE OR REPLACE EXTERNAL FUNCTION', 'DROP FUNCTION', 'CREATE OR REPLACE PROCEDURE', 'DROP PROCEDURE'],
  },
  { label: 'Models, datashares and libraries', items: ['CREATE MODEL', 'DROP MODEL', 'CREATE DATASHARE', 'ALTER DATASHARE', 'DROP DATASHARE', 'CREATE LIBRARY', 'DROP LIBRARY'] },
  { label: 'Row-level security and masking', items: ['IGNORE RLS', 'EXPLAIN RLS', 'EXPLAIN MASKING'] },
];
