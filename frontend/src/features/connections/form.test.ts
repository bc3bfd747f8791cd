import { describe, expect, it } from 'vitest';
import type { Profile } from '../../api';
import { applyParsed, portIsCustom, switchEngine, targetChanged, toFormValues, toProfile, urlHasPassword } from './form';

describe('switchEngine', () => {
  it('moves the port to the new engine default while the user has not set it', () => {
    const v = toFormValues(null);
    expect(v.engine).toBe('redshift');
    expect(v.port).toBe(5439);
    const pg = switchEngine(v, 'postgres', false);
    expect(pg.port).toBe(5432);
    expect(pg.database).toBe('postgres');
    expect(switchEngine(pg, 'redshift', false).port).toBe(5439);
  });

  it('keeps a port the user typed, and a database they chose', () => {
    const v = { ...toFormValues(null), port: 6000, database: 'sales' };
    const pg = switchEngine(v, 'postgres', true);
    expect(pg.port).toBe(6000);
    expect(pg.database).toBe('sales');
  });

  it('portIsCustom', () => {
    expect(portIsCustom(toFormValues(null))).toBe(false);
    expect(portIsCustom({ ...toFormValues(null), port: 15439 })).toBe(true);
  });
});

describe('applyParsed', () => {
  const base = { ...toFormValues(null), name: 'Mine', user: 'keep_me', connectTimeoutSec: 30 };

  it('takes only the fields the parser returned', () => {
    const r = applyParsed(base, { host: 'db.internal', port: 6543, database: 'sales', engine: 'postgres' }, false);
    expect(r.values).toMatchObject({ name: 'Mine', user: 'keep_me', host: 'db.internal', port: 6543, database: 'sales', engine: 'postgres', connectTimeoutSec: 30 });
    expect(r.filled).toEqual(['engine', 'host', 'port', 'database']);
    expect(r.portTouched).toBe(true);
  });

  it('applies the engine default port when the URL names no port', () => {
    const r = applyParsed(base, { host: 'c.x.us-east-1.redshift.amazonaws.com', engine: 'redshift' }, false);
    expect(r.values.port).toBe(5439);
    const pg = applyParsed({ ...base }, { host: 'h', engine: 'postgres' }, false);
    expect(pg.values.port).toBe(5432);
  });

  it('derives a name from the host when the form has none', () => {
    const r = applyParsed({ ...base, name: '' }, { host: 'analytics.abc.eu-west-1.redshift.amazonaws.com' }, false);
    expect(r.values.name).toBe('analytics');
  });
});

describe('toProfile', () => {
  it('trims text and turns mid-edit numbers into numbers', () => {
    const p = toProfile({ ...toFormValues(null), name: ' a ', host: ' h ', port: '5439', connectTimeoutSec: '' });
    expect(p.name).toBe('a');
    expect(p.host).toBe('h');
    expect(p.port).toBe(5439);
    expect(p.connectTimeoutSec).toBeNaN();
  });

  it('never carries hasPassword', () => {
    const p = toProfile(toFormValues({ ...toFormValues(null), port: 1, connectTimeoutSec: 1, hasPassword: true } as never));
    expect('hasPassword' in p).toBe(false);
  });
});

describe('urlHasPassword', () => {
  it.each([
    ['postgres://u:secret@h/db', true],
    ['postgresql://u@h/db', false],
    ['jdbc:redshift://h:5439/dev;UID=u', false],
    ['h:5439/dev', false],
  ])('%s', (url, want) => expect(urlHasPassword(url)).toBe(want));
});

describe('SSL defaults', () => {
  it('a new Redshift profile verifies fully, a PostgreSQL one requires TLS', () => {
    expect(toFormValues(null).sslMode).toBe('verify-full');
    expect(switchEngine(toFormValues(null), 'postgres', false).sslMode).toBe('require');
  });

  it('keeps an SSL mode the user chose, or one that comes with a CA file', () => {
    const chosen = { ...toFormValues(null), sslMode: 'verify-ca' as const };
    expect(switchEngine(chosen, 'postgres', false).sslMode).toBe('verify-ca');
    const withCA = { ...toFormValues(null), caFile: '/ca.pem' };
    expect(switchEngine(withCA, 'postgres', false).sslMode).toBe('verify-full');
  });
});

describe('targetChanged', () => {
  const saved: Profile = { ...toProfile(toFormValues(null)), id: 'p', name: 'P', host: 'H.example.com', user: 'u', caFile: '' };
  it.each([
    ['nothing', {}, false],
    ['the name', { name: 'Other' }, false],
    ['read-only and colour', { readOnly: true, color: '#e03131' }, false],
    ['the host letter case and spaces', { host: ' h.example.com ' }, false],
    ['the host', { host: 'evil.example.com' }, true],
    ['the port', { port: 5440 }, true],
    ['the user', { user: 'v' }, true],
    ['the database', { database: 'other' }, true],
    ['the SSL mode', { sslMode: 'require' }, true],
    ['the CA file', { caFile: '/tmp/ca.pem' }, true],
  ] as const)('changing %s: %s', (_, over, want) => {
    expect(targetChanged(saved, { ...toFormValues(saved), ...over })).toBe(want);
  });
});
