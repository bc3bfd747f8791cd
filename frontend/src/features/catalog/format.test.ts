import { describe, expect, it } from 'vitest';
import {
  connectionLimit,
  featuresOf,
  loadInfo,
  objectFullName,
  parseServerTime,
  passwordExpiry,
  privilegeOrder,
  relativeTime,
  sessionTimeout,
  sortPrivileges,
  stepLabel,
} from './format';
import { summary, vocabularyOf } from './fixtures.test-util';

describe('parseServerTime', () => {
  it('reads PostgreSQL and Redshift renderings', () => {
    expect(parseServerTime('2027-06-30 00:00:00+00')?.toISOString()).toBe('2027-06-30T00:00:00.000Z');
    expect(parseServerTime('2027-06-30 02:00:00+02')?.toISOString()).toBe('2027-06-30T00:00:00.000Z');
    expect(parseServerTime('2027-06-30 05:30:00+0530')?.toISOString()).toBe('2027-06-30T00:00:00.000Z');
    expect(parseServerTime('2027-06-30 00:00:00')?.toISOString()).toBe('2027-06-30T00:00:00.000Z');
    expect(parseServerTime('2026-11-01T10:00:00.123Z')?.toISOString()).toBe('2026-11-01T10:00:00.123Z');
  });
  it('tells never from unreadable', () => {
    expect(parseServerTime('')).toBeNull();
    expect(parseServerTime('infinity')).toBeNull();
    expect(parseServerTime('soon')).toBeUndefined();
  });
});

describe('passwordExpiry', () => {
  const now = new Date('2026-11-01T00:00:00Z');
  it('classifies', () => {
    expect(passwordExpiry('', now)).toBe('never');
    expect(passwordExpiry('2026-10-31 00:00:00+00', now)).toBe('expired');
    expect(passwordExpiry('2026-11-20 00:00:00+00', now)).toBe('expiring');
    expect(passwordExpiry('2027-06-30 00:00:00+00', now)).toBe('valid');
    expect(passwordExpiry('garbage', now)).toBe('unknown');
  });
  it('says when in words', () => {
    expect(relativeTime(new Date('2026-11-04T00:00:00Z'), now)).toBe('in 3 days');
    expect(relativeTime(new Date('2025-11-01T00:00:00Z'), now)).toBe('1 year ago');
  });
});

describe('attribute formatting', () => {
  it('formats limits and timeouts', () => {
    expect(connectionLimit(-1)).toBe('unlimited');
    expect(connectionLimit(0)).toBe('none (0)');
    expect(connectionLimit(1500)).toBe('1,500');
    expect(sessionTimeout(0)).toBe('cluster default');
    expect(sessionTimeout(5400)).toBe('1 h 30 min (5,400 s)');
  });
  it('names objects', () => {
    expect(objectFullName({ kind: 'table', schema: 'sales', name: 'orders' })).toBe('sales.orders');
    expect(objectFullName({ kind: 'procedure', schema: 'finance', name: 'close_period', args: 'integer, integer' })).toBe(
      'finance.close_period(integer, integer)',
    );
    expect(objectFullName({ kind: 'schema', schema: 'raw' })).toBe('raw');
    expect(objectFullName({ kind: 'column', schema: 'finance', name: 'salaries', column: 'bonus' })).toBe('finance.salaries.bonus');
  });
  it('orders privileges as GRANT lists them', () => {
    expect(sortPrivileges([{ privilege: 'DELETE' }, { privilege: 'SELECT' }, { privilege: 'USAGE' }, { privilege: 'INSERT' }], privilegeOrder(vocabularyOf('postgres'))).map((p) => p.privilege)).toEqual([
      'SELECT',
      'INSERT',
      'DELETE',
      'USAGE',
    ]);
  });
});

describe('load info and features', () => {
  it('summarises a load', () => {
    expect(loadInfo(summary(), 42)).toBe('Loaded 11 objects and 9 grants in 42 ms with 10 queries');
    expect(loadInfo(summary({ queries: 1 }), 0)).toBe('Loaded 11 objects and 9 grants with 1 query');
    expect(loadInfo(summary(), 2500)).toContain('in 2.50 s');
  });
  it('derives what the engine shows', () => {
    const pg = featuresOf(summary());
    expect([pg.groups, pg.sessionTimeout, pg.syslog, pg.postgres, pg.redshift]).toEqual([false, false, false, true, false]);
    const rs = featuresOf(
      summary({ engine: 'redshift', capabilities: { ...summary().capabilities, groups: true, sessionTimeout: true, syslogAccess: true, systemPrivileges: true } }),
    );
    expect([rs.groups, rs.sessionTimeout, rs.syslog, rs.systemPermissions, rs.redshift]).toEqual([true, true, true, true, true]);
  });
  it('labels steps', () => {
    expect(stepLabel('default privileges')).toBe('Default privileges');
    expect(stepLabel('done')).toBe('Indexing');
  });
});
