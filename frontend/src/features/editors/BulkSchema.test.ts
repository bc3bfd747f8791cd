import { describe, expect, it } from 'vitest';
import { vocabularyOf } from '../catalog/fixtures.test-util';
import { buildBulkChange, buildLaterChange } from './BulkSchema';

const role = { kind: 'role' as const, name: 'r' };

describe('whole-schema form', () => {
  it('scoped procedures use FOR PROCEDURES IN SCHEMA (DG r_GRANT scoped permissions)', () => {
    expect(buildBulkChange('grant', 'procedure', true, 'etl', ['EXECUTE'], role, false)).toEqual({
      kind: 'grant_privileges',
      privilege: { privileges: ['EXECUTE'], target: 'scoped_in_schema', kind: 'procedure', schemas: ['etl'], grantee: role },
    });
  });

  it('existing procedures only still use ALL PROCEDURES IN SCHEMA', () => {
    const c = buildBulkChange('revoke', 'procedure', false, 'etl', ['EXECUTE'], role, false);
    expect([c?.privilege?.target, c?.privilege?.kind]).toEqual(['all_in_schema', 'procedure']);
  });
});

describe('whole-schema grant extended to objects created later (PostgreSQL default privileges)', () => {
  const v = vocabularyOf('postgres');
  const owner = { kind: 'user' as const, name: 'etl_loader' };
  it('grants the same privileges by default to what the creator makes in the schema', () => {
    expect(buildLaterChange(v, 'table', 'raw', ['SELECT', 'INSERT'], role, owner, false)).toEqual({
      kind: 'grant_default_privileges',
      default: { creator: owner, schema: 'raw', objectType: 'tables', privileges: ['SELECT', 'INSERT'], grantee: role },
    });
    expect(buildLaterChange(v, 'sequence', 'raw', ['USAGE'], role, owner, true)?.default?.grantOption).toBe(true);
  });
  it('offers nothing for a kind without a default type, without a creator, or without a privilege defaults can give', () => {
    expect(buildLaterChange(v, 'procedure', 'raw', ['EXECUTE'], role, owner, false)).toBeNull();
    expect(buildLaterChange(v, 'table', 'raw', ['SELECT'], role, null, false)).toBeNull();
    expect(buildLaterChange(v, 'table', 'raw', [], role, owner, false)).toBeNull();
  });
});
