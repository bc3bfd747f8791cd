import { describe, expect, it } from 'vitest';
import { vocabularyOf } from '../catalog/fixtures.test-util';
import { buildScopedChange, heldScoped, revokeHeld, scopedForms } from './scopedForms';

const v = vocabularyOf('redshift');
const role = { kind: 'role' as const, name: 'loaders' };
const user = { kind: 'user' as const, name: 'ann' };

describe('Redshift scoped forms, from the vocabulary', () => {
  it('offers every form of DG r_GRANT: three in a schema, six in the database', () => {
    const forms = scopedForms(v);
    expect(forms.filter((f) => !f.inDatabase).map((f) => f.kind.keyword)).toEqual(['TABLES', 'FUNCTIONS', 'PROCEDURES']);
    expect(forms.filter((f) => f.inDatabase).map((f) => f.kind.keyword).sort()).toEqual(['COPY JOBS', 'FUNCTIONS', 'LANGUAGES', 'PROCEDURES', 'SCHEMAS', 'TABLES']);
  });

  it('builds a copy-jobs grant in the database, privileges in the grammar order, ALL when every one is chosen', () => {
    const copyJobs = scopedForms(v).find((f) => f.kind.keyword === 'COPY JOBS')!;
    expect(buildScopedChange('grant', copyJobs, 'dev', ['DROP', 'CREATE'], role, false)).toEqual({
      kind: 'grant_privileges',
      privilege: { privileges: ['CREATE', 'DROP'], target: 'scoped_in_database', kind: 'copy_job', database: 'dev', grantee: role },
    });
    expect(buildScopedChange('grant', copyJobs, 'dev', ['DROP', 'CREATE', 'ALTER'], role, false)?.privilege?.privileges).toEqual(['ALL']);
  });

  it('puts a schema form on the schema, the grant option only for users, nothing for groups or PUBLIC', () => {
    const procs = scopedForms(v).find((f) => f.kind.keyword === 'PROCEDURES' && !f.inDatabase)!;
    expect(buildScopedChange('grant', procs, 'etl', ['EXECUTE'], user, true)).toEqual({
      kind: 'grant_privileges',
      privilege: { privileges: ['EXECUTE'], target: 'scoped_in_schema', kind: 'procedure', schemas: ['etl'], grantee: user, grantOption: true },
    });
    expect(buildScopedChange('grant', procs, 'etl', ['EXECUTE'], role, true)?.privilege?.grantOption).toBeUndefined();
    expect(buildScopedChange('grant', procs, 'etl', ['EXECUTE'], { kind: 'group', name: 'g' }, false)).toBeNull();
    expect(buildScopedChange('grant', procs, 'etl', ['EXECUTE'], { kind: 'public', name: '' }, false)).toBeNull();
    expect(buildScopedChange('grant', procs, '', ['EXECUTE'], user, false)).toBeNull();
    expect(buildScopedChange('grant', procs, 'etl', ['SELECT'], user, false)).toBeNull();
  });

  it('groups held scoped grants per form and place, and revokes a row in one change', () => {
    const db = { kind: 'database' as const, name: 'dev' };
    const held = heldScoped(v, [
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
    expect(revokeHeld(v, held[1], role)).toEqual({
      kind: 'revoke_privileges',
      privilege: { privileges: ['CREATE', 'DROP'], target: 'scoped_in_database', kind: 'copy_job', database: 'dev', grantee: role },
    });
  });
});
