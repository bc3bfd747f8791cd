import { describe, expect, it } from 'vitest';
import type { Grant } from '../../../api';
import { grantsByGrantee } from './logic';
import { scopedRows } from './ScopedGrantsTable';

const mart = { kind: 'schema' as const, schema: 'mart' };
const r = { kind: 'role' as const, name: 'readers' };
const grants: Grant[] = [
  { object: mart, grantee: r, privilege: 'USAGE', grantOption: false },
  { object: mart, grantee: r, privilege: 'SELECT', grantOption: false, scope: 'TABLES' },
  { object: mart, grantee: r, privilege: 'INSERT', grantOption: false, scope: 'TABLES' },
  { object: mart, grantee: r, privilege: 'EXECUTE', grantOption: false, scope: 'PROCEDURES' },
];

describe('grants on a schema', () => {
  it('never counts a scoped permission as a privilege on the schema itself', () => {
    expect(grantsByGrantee(grants).map((g) => g.privileges.map((p) => p.privilege))).toEqual([['USAGE']]);
  });

  it('lists scoped permissions per grantee and FOR keyword', () => {
    expect(scopedRows(grants).map((x) => `${x.scope}:${x.privileges.map((p) => p.privilege).join('+')}`)).toEqual(['PROCEDURES:EXECUTE', 'TABLES:SELECT+INSERT']);
  });
});
