import { describe, expect, it } from 'vitest';
import { describeChange } from './describe';
import { tokenize } from './sqlTokens';

describe('describeChange', () => {
  it('never shows a password', () => {
    const d = describeChange({ kind: 'create_user', user: { name: 'alice', password: 'Secret123', superuser: true } }, true);
    expect(d.text).toBe('Create user alice (password: set, SUPERUSER (CREATEUSER))');
    expect(d.text).not.toContain('Secret123');
    expect(d.destructive).toBe(false);
  });

  it('marks drops and revokes destructive and says what is lost', () => {
    const drop = describeChange({ kind: 'drop_user', user: { name: 'bob' } });
    expect(drop.destructive).toBe(true);
    expect(drop.loss).toMatch(/can no longer sign in/);
    const rev = describeChange({
      kind: 'revoke_privileges',
      privilege: { privileges: ['SELECT'], target: 'all_in_schema', kind: 'table', schemas: ['sales'], grantee: { kind: 'role', name: 'reader' } },
    });
    expect(rev.text).toBe('Revoke SELECT on all tables in schema sales from role reader');
    expect(rev.destructive).toBe(true);
    expect(describeChange({ kind: 'drop_role', role: { name: 'r', force: true } }).loss).toMatch(/every grant of it/);
  });

  it('describes grants on objects, columns and memberships', () => {
    expect(
      describeChange({
        kind: 'grant_privileges',
        privilege: {
          privileges: ['SELECT', 'INSERT'],
          target: 'objects',
          objects: ['a', 'b', 'c', 'd'].map((n) => ({ kind: 'table' as const, schema: 's', name: n })),
          grantee: { kind: 'user', name: 'u' },
          grantOption: true,
        },
      }).text,
    ).toBe('Grant SELECT, INSERT on s.a, s.b, s.c and 1 more to user u with grant option');
    expect(
      describeChange({
        kind: 'grant_privileges',
        privilege: { privileges: ['UPDATE'], target: 'objects', objects: [{ kind: 'table', schema: 's', name: 't' }], columns: ['x'], grantee: { kind: 'public', name: '' } },
      }).text,
    ).toBe('Grant UPDATE on column x of s.t to PUBLIC');
    expect(describeChange({ kind: 'grant_role', member: { role: 'r', member: { kind: 'role', name: 'q' }, adminOption: true } }).text).toBe(
      'Grant role r to role q with admin option',
    );
    expect(describeChange({ kind: 'alter_user', user: { name: 'u', renameTo: 'v', password: 'x' } }).text).toBe('Change user u: rename to v, password: set');
  });
});

describe('SQL tokenizer', () => {
  it('gives the text back and classifies tokens', () => {
    const sql = `GRANT SELECT ON "Reporting Area"."It""s" TO ROLE "r" -- note\nALTER USER u PASSWORD '********' CONNECTION LIMIT 10`;
    const toks = tokenize(sql);
    expect(toks.map((t) => t.text).join('')).toBe(sql);
    const of = (type: string) => toks.filter((t) => t.type === type).map((t) => t.text);
    expect(of('keyword')).toEqual(['GRANT', 'SELECT', 'ON', 'TO', 'ROLE', 'ALTER', 'USER', 'PASSWORD', 'CONNECTION', 'LIMIT']);
    expect(of('ident')).toEqual(['"Reporting Area"', '"It""s"', '"r"']);
    expect(of('string')).toEqual(["'********'"]);
    expect(of('comment')).toEqual(['-- note']);
    expect(of('number')).toEqual(['10']);
  });

  it('follows the engine on backslashes in literals', () => {
    // PostgreSQL: 'a\' is a whole literal; Redshift: \' escapes the quote.
    expect(tokenize(`'a\\' x`, false).map((t) => t.type)).toEqual(['string', 'space', 'word']);
    expect(tokenize(`'a\\' x`, true).map((t) => t.type)).toEqual(['string']);
    expect(tokenize(`'a\\\\' x`, true).map((t) => t.type)).toEqual(['string', 'space', 'word']);
  });
});
