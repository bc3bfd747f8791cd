import { describe, expect, it } from 'vitest';
import { generatePassword, passwordError, passwordRules, passwordStrength } from './password';

const broken = (pw: string, engine = 'redshift') =>
  passwordRules(pw, engine)
    .filter((r) => !r.ok)
    .map((r) => r.id);

describe('Redshift password rules', () => {
  it('accepts a password that meets every rule', () => {
    expect(broken('Abcdefg1')).toEqual([]);
    expect(passwordError('Str0ng!Pass#', 'redshift')).toBeNull();
  });

  it('names each broken rule with its own message', () => {
    expect(passwordError('Abc1', 'redshift')).toBe('The password has 4 characters; Redshift requires at least 8.');
    expect(passwordError('A1' + 'b'.repeat(63), 'redshift')).toBe('The password has 65 characters; Redshift allows at most 64.');
    expect(passwordError('abcdefg1', 'redshift')).toBe('Add an upper-case letter (A–Z).');
    expect(passwordError('ABCDEFG1', 'redshift')).toBe('Add a lower-case letter (a–z).');
    expect(passwordError('Abcdefgh', 'redshift')).toBe('Add a digit (0–9).');
    expect(passwordError('Abcd efg1', 'redshift')).toBe('Remove the space: Redshift allows printable ASCII characters without spaces.');
    expect(passwordError('Abcdéfg1', 'redshift')).toBe('Remove “é”: Redshift allows only printable ASCII (codes 33 to 126).');
    expect(passwordError('Abcdefg1@', 'redshift')).toBe(`Remove an at sign (@): Redshift forbids ' " \\ / and @.`);
    expect(passwordError('', 'redshift')).toBe('Enter a password.');
  });

  it('lists every forbidden character found', () => {
    const r = passwordRules(`Ab1'"\\/@xyz`, 'redshift').find((x) => x.id === 'forbidden')!;
    expect(r.ok).toBe(false);
    expect(r.message).toContain("a single quote (')");
    expect(r.message).toContain('a double quote (")');
    expect(r.message).toContain('a backslash (\\)');
    expect(r.message).toContain('a slash (/)');
    expect(r.message).toContain('an at sign (@)');
  });

  it('keeps the 8 and 64 boundaries inclusive', () => {
    expect(broken('Abcdef12')).toEqual([]);
    expect(broken('A1' + 'b'.repeat(62))).toEqual([]);
    expect(broken('Abcdef1')).toEqual(['length']);
  });
});

describe('PostgreSQL password rules', () => {
  it('needs only 8 characters', () => {
    expect(passwordError('password', 'postgres')).toBeNull();
    expect(passwordError('short', 'postgres')).toBe('The password has 5 characters; at least 8 are required.');
    expect(passwordError('with space ok', 'postgres')).toBeNull();
    expect(passwordError('ünïcödé!', 'postgres')).toBeNull();
  });
});

describe('strength and generation', () => {
  it('scores longer and more varied passwords higher', () => {
    expect(passwordStrength('')).toBe(0);
    expect(passwordStrength('abcdefgh')).toBeLessThan(passwordStrength('Abcdefgh1!xyzQ'));
    expect(passwordStrength('Abcdefgh1!xyzQrs')).toBe(4);
  });

  it('generates passwords that pass Redshift rules', () => {
    for (let i = 0; i < 50; i++) {
      const pw = generatePassword();
      expect(pw).toHaveLength(20);
      expect(passwordError(pw, 'redshift')).toBeNull();
    }
  });
});
