import { describe, expect, it } from 'vitest';
import { buildAlterUser, buildCreateUser, emptyUserForm, userFormFromAttrs, validateUserForm } from './builders';

const attrs = {
  name: 'aad:bob',
  superuser: false,
  createDb: false,
  createRole: false,
  connectionLimit: -1,
  sessionTimeout: 0,
  syslogAccess: 'RESTRICTED',
  validUntil: '',
  passwordDisabled: true,
  externalId: 'ABC123',
  config: ['search_path=a, b', 'statement_timeout=5min'],
};

describe('user dialog: external id and session defaults', () => {
  it('creates an identity-provider user with its external id and session defaults in one change', () => {
    const f = { ...emptyUserForm(), name: 'aad:ann', passwordMode: 'disabled' as const, externalId: ' X-1 ', sessionDefaults: [{ name: 'Search_Path', value: 'mart, public' }] };
    expect(buildCreateUser(f, 'redshift')).toEqual([
      { kind: 'create_user', user: { name: 'aad:ann', passwordDisabled: true, externalId: 'X-1', setParameters: [{ name: 'search_path', value: 'mart, public' }] } },
    ]);
  });

  it('on PostgreSQL sends session defaults but never an external id', () => {
    const f = { ...emptyUserForm(), name: 'ann', passwordMode: 'none' as const, externalId: 'X', sessionDefaults: [{ name: 'work_mem', value: '8MB' }] };
    expect(buildCreateUser(f, 'postgres')).toEqual([{ kind: 'create_user', user: { name: 'ann', setParameters: [{ name: 'work_mem', value: '8MB' }] } }]);
  });

  it('edits only what changed: a new value, a removed default, a new external id', () => {
    const orig = { ...userFormFromAttrs(attrs), passwordMode: 'disabled' as const };
    expect(orig.sessionDefaults).toEqual([
      { name: 'search_path', value: 'a, b' },
      { name: 'statement_timeout', value: '5min' },
    ]);
    expect(buildAlterUser(orig, orig, 'redshift')).toEqual([]);
    const next = { ...orig, externalId: 'NEW', sessionDefaults: [{ name: 'search_path', value: 'a, b, c' }] };
    expect(buildAlterUser(orig, next, 'redshift')).toEqual([
      {
        kind: 'alter_user',
        user: { name: 'aad:bob', externalId: 'NEW', setParameters: [{ name: 'search_path', value: 'a, b, c' }], resetParameters: ['statement_timeout'] },
      },
    ]);
  });

  it('explains an external id without disabled password, a removed external id and bad parameter names', () => {
    const create = { ...emptyUserForm(), name: 'n:bob', password: 'Secret123x', externalId: 'X' };
    expect(validateUserForm(create, 'redshift', { mode: 'create' }).externalId).toMatch(/disable password login/);
    const orig = { ...userFormFromAttrs(attrs), passwordMode: 'disabled' as const };
    expect(validateUserForm({ ...orig, externalId: '' }, 'redshift', { mode: 'edit', orig }).externalId).toMatch(/no documented way to remove/);
    const bad = validateUserForm({ ...orig, sessionDefaults: [{ name: 'x;y', value: '1' }, { name: 'ok', value: '' }] }, 'redshift', { mode: 'edit', orig });
    expect(bad.sessionDefaults).toBeTruthy();
    expect(bad.sessionDefaultRows).toEqual([expect.stringMatching(/Letters a-z/), undefined]);
  });
});
