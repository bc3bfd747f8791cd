import { describe, expect, it } from 'vitest';
import { buildBulkChange } from './BulkSchema';

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
