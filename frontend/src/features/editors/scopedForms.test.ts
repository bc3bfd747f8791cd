import { describe, expect, it } from 'vitest';
import { buildScopedChange, heldScoped, revokeHeld, scopedForms, scopeOfTarget, scopedTarget } from './scopedForms';

const role = { kind: 'role' as const, name: 'loaders' };
const user = { kind: 'user' as const, name: 'ann' };

describe('Redshift scoped forms', () => {
  it('offers every form of DG r_GRANT: three in a schema, six in the database', () => {
    const forms = scopedForms();
    expect(forms.filter((f) => !f.inDatabase).map((f) => f.kind.keyword)).toEqual(['TABLES', 'FUNCTIONS', 'PROCEDURES']);
    expect(forms.filter((f) => f.inDatabase).map((f) => f.kind.keyword)).toEqual(['TABLES', 'FUNCTIONS', 'PROCEDURES', 'SCHEMAS', 'LANGUAGES', 'COPY JOBS']);
    expect(scopedTarget('SCHEMAS', false)).toBeUndefined();
    expect(scopeOfTarget('scoped_copy_jobs_in_database')).toEqual({ scope: 'COPY JOBS', database: true });
  });

  it('builds a copy-jobs grant in the database, privileges in the grammar order, ALL when every one is chosen', () => {
    const copyJobs = scopedForms().find((f) => f.target === 'scoped_copy_jobs_in_database')!;
    expect(buildScopedChange('grant', copyJobs, 'dev', ['DROP', 'CREATE'], role, false)).toEqual({
      kind: 'grant_privileges',
      privilege: { privileges: ['CREATE', 'DROP'], target: 'scoped_copy_jobs_in_database', database: 'dev', grantee: role },
    });
    expect(buildScopedChange('grant', copyJobs, 'dev', ['DROP', 'CREATE', 'ALTER'], role, false)?.privilege?.privileges).toEqual(['ALL']);
  });

  it('puts a schema form on the schema, the grant option only for users, nothing for groups or PUBLIC', () => {
    const procs = scopedForms().find((f) => f.target === 'scoped_procedures_in_schema')!;
    expect(buildScopedChange('grant', procs, 'etl', ['EXECUTE'], user, true)).toEqual({
      kind: 'grant_privileges',
      privilege: { privileges: ['EXECUTE'], target: 'scoped_procedures_in_schema', schemas: ['etl'], grantee: user, grantOption: true },
    });
    expect(buildScopedChange('grant', procs, 'etl', ['EXECUTE'], role, true)?.privilege?.grantOption).toBeUndefined();
    expect(buildScopedChange('grant', procs, 'etl', ['EXECUTE'], { kind: 'group', name: 'g' }, false)).toBeNull();
    expect(buildScopedChange('grant', procs, 'etl', ['EXECUTE'], { kind: 'public', name: '' }, false)).toBeNull();
    expect(buildScopedChange('grant', procs, '', ['EXECUTE'], user, false)).toBeNull();
    expect(buildScopedChange('grant', procs, 'etl', ['SELECT'], user, false)).toBeNull();
  });

  it('groups held scoped grants per form and place, and revokes a row in one change', () => {
    const db = { kind: 'database' as const, name: 'dev' };
    const held = heldScoped([
      { object: db, grantee: role, privilege: 'USAGE', grantOption: false, scope: 'LANGUAGES' },
      { object: { kind: 'schema', schema: 'etl' }, grantee: role, privilege: 'EXECUTE', grantOption: false, scope: 'PROCEDURES' },
      { object: db, grantee: role, privilege: 'CREATE', grantOption: false, scope: 'COPY JOBS' },
      { object: db, grantee: role, privilege: 'DROP', grantOption: false, scope: 'COPY JOBS' },
      { object: db, grantee: role, privilege: 'TEMP', grantOption: false },
    ]);
    expect(held.map((h) => `${h.scope}@${h.where.name ?? h.where.schema}:${h.privileges.map((p) => p.privilege).join('+')}`)).toEqual([
      'LANGUAGES@dev:USAGE',
      'COPY JOBS@dev:CREATE+DROP',
      'PROCEDURES@etl:EXECUTE',
    ]);
    expect(revokeHeld(held[1], role)).toEqual({
      kind: 'revoke_privileges',
      privilege: { privileges: ['CREATE', 'DROP'], target: 'scoped_copy_jobs_in_database', database: 'dev', grantee: role },
    });
  });
});
