import { describe, expect, it } from 'vitest';
import type { Profile } from '../../api';
import { newProfile } from './defaults';
import { hasErrors, LIMITS, validateHost, validateProfile } from './validate';

function valid(over: Partial<Profile> = {}): Profile {
  return { ...newProfile('redshift'), name: 'Warehouse', host: 'c1.abc.eu-west-1.redshift.amazonaws.com', user: 'admin', ...over };
}

describe('validateProfile', () => {
  it('accepts a complete profile', () => {
    expect(validateProfile(valid())).toEqual({});
  });

  it('requires name, host, database and user with a message per field', () => {
    const e = validateProfile(valid({ name: '  ', host: '', database: '', user: ' ' }));
    expect(e).toEqual({
      name: 'Name is required',
      host: 'Host is required',
      database: 'Database is required',
      user: 'User is required',
    });
  });

  it('limits the name to 100 characters (counted as characters, not bytes)', () => {
    expect(validateProfile(valid({ name: 'é'.repeat(100) })).name).toBeUndefined();
    expect(validateProfile(valid({ name: 'x'.repeat(101) })).name).toBe('Name must be at most 100 characters');
  });

  it.each([
    [0, true],
    [1, false],
    [5439, false],
    [65535, false],
    [65536, true],
    [-5, true],
    [54.5, true],
    [NaN, true],
  ])('port %s → error %s', (port, bad) => {
    const e = validateProfile(valid({ port }));
    expect(e.port).toBe(bad ? 'Port must be a whole number from 1 to 65535' : undefined);
  });

  it.each([
    [0, true],
    [1, false],
    [300, false],
    [301, true],
    [2.5, true],
    [NaN, true],
  ])('connect timeout %s → error %s', (t, bad) => {
    const e = validateProfile(valid({ connectTimeoutSec: t }));
    expect(e.connectTimeoutSec).toBe(bad ? 'Connect timeout must be 1 to 300 seconds' : undefined);
  });

  it('rejects an unknown SSL mode and engine', () => {
    const e = validateProfile(valid({ sslMode: 'prefer' as Profile['sslMode'], engine: 'mysql' as Profile['engine'] }));
    expect(e.sslMode).toBe('Choose an SSL mode');
    expect(e.engine).toBe('Choose Redshift or PostgreSQL');
  });

  it('refuses a CA file when SSL is disabled', () => {
    expect(validateProfile(valid({ sslMode: 'disable', caFile: '/etc/ca.pem' })).caFile).toMatch(/needs SSL mode/);
    expect(validateProfile(valid({ sslMode: 'verify-full', caFile: '/etc/ca.pem' })).caFile).toBeUndefined();
  });

  it('checks the colour format', () => {
    expect(validateProfile(valid({ color: '#3b5bdb' })).color).toBeUndefined();
    expect(validateProfile(valid({ color: 'red' })).color).toBe('Colour must look like #3b5bdb');
  });

  it('hasErrors', () => {
    expect(hasErrors({})).toBe(false);
    expect(hasErrors({ host: 'x' })).toBe(true);
  });
});

describe('validateHost', () => {
  it.each([
    ['db.example.com', undefined],
    ['10.0.0.7', undefined],
    ['::1', undefined],
    ['[2001:db8::1]', undefined],
    ['postgres://db/x', 'Enter only the host name; paste whole URLs into "Paste a connection URL"'],
    ['db example', 'Host must not contain spaces'],
    ['db/dev', 'Enter only the host name, without user, port, database or options'],
    ['me@db', 'Enter only the host name, without user, port, database or options'],
    ['db.example.com:5439', 'Enter only the host name; put the port in the Port field'],
  ])('%s', (host, want) => {
    expect(validateHost(host)).toBe(want);
  });
});

describe('byte limits (as the backend counts them)', () => {
  it('limits host, database, user and CA file path in UTF-8 bytes', () => {
    expect(validateProfile(valid({ database: 'd'.repeat(127) }))).toEqual({});
    expect(validateProfile(valid({ database: 'd'.repeat(128) })).database).toBe('Database must be at most 127 bytes');
    expect(validateProfile(valid({ user: 'é'.repeat(64) })).user).toBe('User must be at most 127 bytes'); // 64 chars, 128 bytes
    expect(validateHost('h'.repeat(256))).toBe('Host must be at most 255 bytes');
    expect(validateProfile(valid({ caFile: '/' + 'c'.repeat(LIMITS.caFileMaxBytes) })).caFile).toBe(
      'The CA file path must be at most 4096 bytes',
    );
  });
});
