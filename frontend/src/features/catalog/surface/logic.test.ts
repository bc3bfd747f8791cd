import { describe, expect, it } from 'vitest';
import { describeChange } from '../../changes/describe';
import type { AssumeRoleAccess } from '../../../api/surface';
import { assumeRoleChange, createModelChange, datashareUsageChange, groupAssumeRoles, holders, iamRoleLines, iamRolesOf, lockdownChange, revokeLine } from './logic';

const arn = 'arn:aws:iam::123456789012:role/S3';
const row = (iamRole: string, command: string, kind: string, name: string, via: { kind: string; name: string }[] = []) =>
  ({ iamRole, command, grantee: { kind, name }, via }) as unknown as AssumeRoleAccess;

describe('ASSUMEROLE changes', () => {
  it('takes one ARN or chain per line and the keywords alone', () => {
    expect(iamRoleLines(` ${arn}\n\n${arn},arn:aws:iam::1:role/b \n`)).toEqual([arn, `${arn},arn:aws:iam::1:role/b`]);
    expect(iamRolesOf('default', arn)).toEqual(['default']);
    expect(iamRolesOf('all', '')).toEqual(['ALL']);
  });

  it('queues the lock-down as REVOKE ON ALL FROM PUBLIC FOR ALL and words it', () => {
    const c = lockdownChange();
    expect(c).toEqual({ kind: 'revoke_assumerole', assumeRole: { iamRoles: ['ALL'], commands: ['ALL'], grantee: { kind: 'public', name: '' } } });
    const d = describeChange(c, true);
    expect(d.destructive).toBe(true);
    expect(d.text).toBe('Stop PUBLIC from assuming every IAM role of the cluster for every command (COPY, UNLOAD, EXTERNAL FUNCTION, CREATE MODEL)');
  });

  it('groups rows per IAM role and grantee and revokes a line in one change', () => {
    const lines = groupAssumeRoles([
      row(arn, 'COPY', 'user', 'alice'),
      row(arn, 'UNLOAD', 'user', 'alice'),
      row(arn, 'UNLOAD', 'group', 'etl', [{ kind: 'group', name: 'etl' }]),
    ]);
    expect(lines.map((l) => [l.grantee.name, l.commands, l.direct])).toEqual([
      ['alice', ['COPY', 'UNLOAD'], true],
      ['etl', ['UNLOAD'], false],
    ]);
    expect(revokeLine(lines[0])).toEqual(assumeRoleChange(false, [arn], ['COPY', 'UNLOAD'], { kind: 'user', name: 'alice' }));
  });
});

describe('datashare and model changes', () => {
  it('sends namespaces or accounts, VIA DATA CATALOG only with accounts', () => {
    expect(datashareUsageChange(true, 's', 'namespace', ['g'], true).datashareUsage).toEqual({ datashare: 's', namespaces: ['g'] });
    expect(datashareUsageChange(false, 's', 'account', ['123456789012'], true).datashareUsage).toEqual({
      datashare: 's',
      accounts: ['123456789012'],
      viaDataCatalog: true,
    });
    expect(describeChange(datashareUsageChange(false, 's', 'account', ['123456789012'])).text).toBe('Stop sharing datashare s with account 123456789012');
  });

  it('words CREATE MODEL and collects holders per grantee', () => {
    expect(describeChange(createModelChange(true, { kind: 'role', name: 'ml' })).text).toBe('Grant CREATE MODEL on the database (create ML models) to role ml');
    const h = holders([
      { object: { kind: 'datashare', name: 's' }, grantee: { kind: 'user', name: 'u' }, privilege: 'ALTER', grantOption: true },
      { object: { kind: 'datashare', name: 's' }, grantee: { kind: 'user', name: 'u' }, privilege: 'SHARE', grantOption: false },
      { object: { kind: 'datashare', name: 's' }, grantee: { kind: 'public', name: '' }, privilege: 'SHARE', grantOption: false },
    ] as never);
    expect(h.map((x) => [x.grantee.kind, x.privileges.map((p) => p.name)])).toEqual([
      ['user', ['ALTER', 'SHARE']],
      ['public', ['SHARE']],
    ]);
  });
});
