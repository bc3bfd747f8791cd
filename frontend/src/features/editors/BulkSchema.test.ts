import { describe, expect, it } from 'vitest';
import { buildBulkChange } from './BulkSchema';

const role = { kind: 'role' as const, name: 'r' };

describe('whole-schema form', () => {
  it('scoped procedures use FOR PROCEDURES IN SCHEMA (DG r_GRANT scoped permissions)', () => {
    expect(buildBulkChange('grant', 'procedures', true, 'etl', ['EXECUTE'], role, false)).toEqual({
      kind: 'grant_privileges',
      privilege: { privileges: ['EXECUTE'], target: 'scoped_procedures_in_schema', schemas: ['etl'], grantee: role },
    });
  });

  it('existing procedures only still use ALL PROCEDURES IN SCHEMA', () => {
    expect(buildBulkChange('revoke', 'procedures', false, 'etl', ['EXECUTE'], role, false)?.privilege?.target).toBe('all_procedures_in_schema');
  });
});
