import { describe, expect, it } from 'vitest';
import {
  buildAlterGroup,
  buildAlterRole,
  buildAlterUser,
  buildCreateGroup,
  buildCreateRole,
  buildCreateUser,
  buildDefaultChange,
  buildDrop,
  buildMembershipChanges,
  buildSystemChanges,
  emptyUserForm,
  splitValidUntil,
  userFormFromAttrs,
  validateUserForm,
  type UserAttrs,
  type UserForm,
} from './builders';

const form = (patch: Partial<UserForm>): UserForm => ({ ...emptyUserForm(), ...patch });

const attrs: UserAttrs = {
  name: 'alice',
  superuser: false,
  createDb: true,
  createRole: false,
  connectionLimit: 10,
  sessionTimeout: 3600,
  syslogAccess: 'RESTRICTED',
  validUntil: '2030-01-31 00:00:00+00',
  passwordDisabled: false,
};

describe('create user', () => {
  it('sends only the options set, with the password once', () => {
    const c = buildCreateUser(form({ name: ' alice ', password: 'Secret123' }), 'redshift');
    expect(c).toEqual([{ kind: 'create_user', user: { name: 'alice', password: 'Secret123' } }]);
  });

  it('maps every Redshift option', () => {
    const c = buildCreateUser(
      form({
        name: 'bob',
        passwordMode: 'disabled',
        createDb: true,
        syslogUnrestricted: true,
        connectionUnlimited: false,
        connectionLimit: 5,
        sessionTimeoutDefault: false,
        sessionTimeout: 900,
        validNever: false,
        validDate: '2031-02-03',
        validTime: '12:30',
        groups: ['etl', 'bi'],
        roles: ['reader'],
      }),
      'redshift',
    );
    expect(c).toEqual([
      {
        kind: 'create_user',
        user: {
          name: 'bob',
          passwordDisabled: true,
          createDb: true,
          syslogAccess: 'UNRESTRICTED',
          connectionLimit: 5,
          sessionTimeout: 900,
          validUntil: '2031-02-03 12:30:00',
          inGroups: ['etl', 'bi'],
        },
      },
      { kind: 'grant_role', member: { role: 'reader', member: { kind: 'user', name: 'bob' } } },
    ]);
  });

  it('puts roles in IN ROLE on PostgreSQL and drops Redshift-only options', () => {
    const c = buildCreateUser(
      form({ name: 'carol', passwordMode: 'none', createRole: true, superuser: true, syslogUnrestricted: true, sessionTimeoutDefault: false, sessionTimeout: 100, roles: ['analyst'] }),
      'postgres',
    );
    expect(c).toEqual([{ kind: 'create_user', user: { name: 'carol', superuser: true, createRole: true, inGroups: ['analyst'] } }]);
  });
});

describe('edit user: only changed fields', () => {
  const orig = userFormFromAttrs(attrs);

  it('reads the catalog attributes', () => {
    expect(orig).toMatchObject({
      name: 'alice',
      passwordMode: 'keep',
      createDb: true,
      connectionUnlimited: false,
      connectionLimit: 10,
      sessionTimeoutDefault: false,
      sessionTimeout: 3600,
      validNever: false,
      validDate: '2030-01-31',
      validTime: '',
    });
  });

  it('sends nothing when nothing changed', () => {
    expect(buildAlterUser(orig, { ...orig }, 'redshift')).toEqual([]);
  });

  it('sends just the changed attribute', () => {
    expect(buildAlterUser(orig, { ...orig, createDb: false }, 'redshift')).toEqual([{ kind: 'alter_user', user: { name: 'alice', createDb: false } }]);
    expect(buildAlterUser(orig, { ...orig, connectionUnlimited: true }, 'redshift')).toEqual([
      { kind: 'alter_user', user: { name: 'alice', connectionLimit: -1 } },
    ]);
    expect(buildAlterUser(orig, { ...orig, sessionTimeoutDefault: true }, 'redshift')).toEqual([
      { kind: 'alter_user', user: { name: 'alice', sessionTimeout: 0 } },
    ]);
    expect(buildAlterUser(orig, { ...orig, validNever: true }, 'redshift')).toEqual([
      { kind: 'alter_user', user: { name: 'alice', validUntil: 'infinity' } },
    ]);
  });

  it('renames with a new password in the same change', () => {
    expect(buildAlterUser(orig, { ...orig, name: 'alicia', passwordMode: 'set', password: 'NewPass99' }, 'redshift')).toEqual([
      { kind: 'alter_user', user: { name: 'alice', renameTo: 'alicia', password: 'NewPass99' } },
    ]);
  });

  it('disables the password', () => {
    expect(buildAlterUser(orig, { ...orig, passwordMode: 'disabled' }, 'redshift')).toEqual([
      { kind: 'alter_user', user: { name: 'alice', passwordDisabled: true } },
    ]);
  });

  it('ignores Redshift-only fields on PostgreSQL', () => {
    expect(buildAlterUser(orig, { ...orig, sessionTimeoutDefault: true, syslogUnrestricted: true }, 'postgres')).toEqual([]);
    expect(buildAlterUser(orig, { ...orig, createRole: true }, 'postgres')).toEqual([{ kind: 'alter_user', user: { name: 'alice', createRole: true } }]);
  });
});

describe('validate user form', () => {
  const now = new Date('2026-01-01T00:00:00');
  it('reports each problem on its field', () => {
    const e = validateUserForm(
      form({
        name: '',
        password: 'weak',
        connectionUnlimited: false,
        connectionLimit: -3,
        sessionTimeoutDefault: false,
        sessionTimeout: 30,
        validNever: false,
        validDate: '2020-05-01',
      }),
      'redshift',
      { mode: 'create', now },
    );
    expect(e.name).toBe('Enter a user name.');
    expect(e.password).toBe('The password has 4 characters; Redshift requires at least 8.');
    expect(e.connectionLimit).toBe('The connection limit cannot be negative.');
    expect(e.sessionTimeout).toBe('Between 60 and 1,728,000 seconds (20 days).');
    expect(e.validDate).toBe('The date is in the past: the password would already be expired.');
  });

  it('refuses taken names, PUBLIC and overlong names', () => {
    expect(validateUserForm(form({ name: 'bob', password: 'Secret123' }), 'redshift', { mode: 'create', takenNames: new Set(['bob']) }).name).toBe('bob already exists.');
    expect(validateUserForm(form({ name: 'Public', password: 'Secret123' }), 'redshift', { mode: 'create' }).name).toMatch(/reserved/);
    expect(validateUserForm(form({ name: 'x'.repeat(64), password: 'Secret123' }), 'postgres', { mode: 'create' }).name).toBe('The name is longer than 63 bytes.');
    expect(validateUserForm(form({ name: 'x'.repeat(64), password: 'Secret123' }), 'redshift', { mode: 'create' }).name).toBeUndefined();
  });

  it('asks for a new password when renaming a Redshift user that has one, not a password-disabled one', () => {
    const orig = userFormFromAttrs(attrs);
    expect(validateUserForm({ ...orig, name: 'alicia' }, 'redshift', { mode: 'edit', orig }).password).toBe(
      'Renaming clears the password on Redshift: enter a new one, or disable password login.',
    );
    expect(validateUserForm({ ...orig, name: 'alicia' }, 'postgres', { mode: 'edit', orig }).password).toBeUndefined();
    const iam = { ...orig, passwordMode: 'disabled' as const };
    expect(validateUserForm({ ...iam, name: 'alicia' }, 'redshift', { mode: 'edit', orig: iam }).password).toBeUndefined();
    expect(buildAlterUser(iam, { ...iam, name: 'alicia' }, 'redshift')).toEqual([{ kind: 'alter_user', user: { name: orig.name, renameTo: 'alicia' } }]);
  });

  it('refuses to disable a superuser password on Redshift', () => {
    expect(validateUserForm(form({ name: 'root2', passwordMode: 'disabled', superuser: true }), 'redshift', { mode: 'create' }).passwordMode).toMatch(
      /superuser/,
    );
  });

  it('accepts a valid form', () => {
    expect(validateUserForm(form({ name: 'dave', password: 'Secret123', validNever: false, validDate: '2027-01-01' }), 'redshift', { mode: 'create', now })).toEqual({});
  });

  it('does not flag an unchanged expiry already in the past on edit', () => {
    const orig = userFormFromAttrs({ ...attrs, validUntil: '2020-01-01 00:00:00+00' });
    expect(validateUserForm({ ...orig }, 'redshift', { mode: 'edit', orig, now }).validDate).toBeUndefined();
  });
});

describe('valid until parsing', () => {
  it('splits the server form', () => {
    expect(splitValidUntil('')).toEqual({ never: true, date: '', time: '' });
    expect(splitValidUntil('infinity')).toEqual({ never: true, date: '', time: '' });
    expect(splitValidUntil('2027-06-30 18:45:00+00')).toEqual({ never: false, date: '2027-06-30', time: '18:45' });
    expect(splitValidUntil('2027-06-30T00:00:00Z')).toEqual({ never: false, date: '2027-06-30', time: '' });
  });
});

describe('roles, groups, memberships, system and default privileges', () => {
  it('builds roles with Redshift-only owner and external id', () => {
    expect(buildCreateRole({ name: 'r1', owner: 'alice', externalId: 'ext-1' }, 'redshift')).toEqual([
      { kind: 'create_role', role: { name: 'r1', externalId: 'ext-1', owner: 'alice' } },
    ]);
    expect(buildCreateRole({ name: 'r1', owner: 'alice', externalId: 'ext-1' }, 'postgres')).toEqual([{ kind: 'create_role', role: { name: 'r1' } }]);
    expect(buildAlterRole({ name: 'r1', owner: 'a', externalId: '' }, { name: 'r2', owner: 'a', externalId: '' }, 'redshift')).toEqual([
      { kind: 'alter_role', role: { name: 'r1', renameTo: 'r2' } },
    ]);
    expect(buildAlterRole({ name: 'r1', owner: 'a', externalId: '' }, { name: 'r1', owner: 'a', externalId: '' }, 'redshift')).toEqual([]);
    expect(buildDrop({ kind: 'role', name: 'r1' })).toEqual({ kind: 'drop_role', role: { name: 'r1' } });
    expect(buildDrop({ kind: 'role', name: 'r1' }, ' heir ')).toEqual({ kind: 'drop_role', role: { name: 'r1', successor: 'heir' } });
    expect(buildDrop({ kind: 'user', name: 'u' }, 'bob')).toEqual({ kind: 'drop_user', user: { name: 'u', successor: 'bob' } });
    expect(buildDrop({ kind: 'group', name: 'g' }, 'ignored')).toEqual({ kind: 'drop_group', group: { name: 'g' } });
  });

  it('diffs group members and renames last', () => {
    expect(buildCreateGroup('g', ['a'])).toEqual({ kind: 'create_group', group: { name: 'g', users: ['a'] } });
    expect(buildAlterGroup('g', ['a', 'b'], 'g2', ['b', 'c'])).toEqual([
      { kind: 'alter_group', group: { name: 'g', addUsers: ['c'], dropUsers: ['a'] } },
      { kind: 'alter_group', group: { name: 'g', renameTo: 'g2' } },
    ]);
    expect(buildAlterGroup('g', ['a'], 'g', ['a'])).toEqual([]);
  });

  it('grants and revokes memberships and admin options', () => {
    const u = { kind: 'user' as const, name: 'alice' };
    const c = buildMembershipChanges(
      u,
      [
        { role: 'keep', adminOption: false },
        { role: 'gone', adminOption: false },
        { role: 'demote', adminOption: true },
        { role: 'promote', adminOption: false },
      ],
      [
        { role: 'keep', adminOption: false },
        { role: 'demote', adminOption: false },
        { role: 'promote', adminOption: true },
        { role: 'new', adminOption: false },
      ],
    );
    expect(c).toEqual([
      { kind: 'revoke_role', member: { role: 'gone', member: u } },
      { kind: 'revoke_role', member: { role: 'demote', member: u, adminOption: true } },
      { kind: 'grant_role', member: { role: 'promote', member: u, adminOption: true } },
      { kind: 'grant_role', member: { role: 'new', member: u } },
    ]);
  });

  it('diffs system permissions', () => {
    expect(buildSystemChanges('ops', ['CREATE USER', 'VACUUM'], ['VACUUM', 'ANALYZE'])).toEqual([
      { kind: 'grant_system_privileges', system: { role: 'ops', privileges: ['ANALYZE'] } },
      { kind: 'revoke_system_privileges', system: { role: 'ops', privileges: ['CREATE USER'] } },
    ]);
    expect(buildSystemChanges('ops', ['VACUUM'], ['VACUUM'])).toEqual([]);
  });

  it('builds default privileges, database-wide when no schema', () => {
    expect(
      buildDefaultChange({
        action: 'grant',
        creator: { kind: 'user', name: 'etl' },
        schema: '',
        objectType: 'tables',
        privileges: ['SELECT'],
        grantee: { kind: 'role', name: 'reader' },
        grantOption: false,
      }),
    ).toEqual({
      kind: 'grant_default_privileges',
      default: { creator: { kind: 'user', name: 'etl' }, objectType: 'tables', privileges: ['SELECT'], grantee: { kind: 'role', name: 'reader' } },
    });
    expect(
      buildDefaultChange({
        action: 'revoke',
        creator: { kind: 'user', name: 'etl' },
        schema: 'raw',
        objectType: 'functions',
        privileges: ['EXECUTE'],
        grantee: { kind: 'public', name: '' },
        grantOption: true,
      }).default,
    ).toEqual({ creator: { kind: 'user', name: 'etl' }, schema: 'raw', objectType: 'functions', privileges: ['EXECUTE'], grantee: { kind: 'public', name: '' } });
  });
});
