import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api';
import { summary } from './fixtures.test-util';
import { catalogFor, openObject, openPrincipal, resetCatalogStores, selectedKey, TAB_KEY } from './store';

const api = vi.hoisted(() => ({ load: vi.fn(), switchDatabase: vi.fn(), cancel: vi.fn(), users: vi.fn() }));

vi.mock('../../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../api')>();
  return { ...orig, catalogApi: { ...orig.catalogApi, ...api } };
});

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('SessionCatalog', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    resetCatalogStores();
    api.cancel.mockResolvedValue(undefined);
  });

  it('loads, then answers queries once per version', async () => {
    api.load.mockResolvedValue(summary());
    api.users.mockResolvedValue(['a']);
    const s = catalogFor('s1');
    await s.load(false);
    expect(s.state.status).toBe('ready');
    expect(s.state.version).toBe(1);
    expect(s.state.lastLoadMillis).toBe(42);
    s.ensure('users', api.users);
    s.ensure('users', api.users);
    await flush();
    expect(api.users).toHaveBeenCalledTimes(1);
    expect(s.query('users')?.data).toEqual(['a']);
    await s.load(true);
    expect(s.query('users')).toBeUndefined(); // a new version drops old answers
    expect(api.load).toHaveBeenLastCalledWith('s1', true);
  });

  it('reloads by itself when the backend dropped its snapshot', async () => {
    api.load.mockResolvedValue(summary());
    const s = catalogFor('s1');
    await s.load(false);
    api.users.mockRejectedValueOnce(new ApiError('catalog_not_loaded', 'the access model is not loaded yet'));
    s.ensure('users', api.users);
    await flush();
    await flush();
    expect(api.load).toHaveBeenCalledTimes(2);
    expect(s.state.version).toBe(2);
  });

  it('a cancelled refresh keeps the snapshot and says so; a cancelled first load explains', async () => {
    api.load.mockResolvedValueOnce(summary());
    const s = catalogFor('s1');
    await s.load(false);
    api.load.mockRejectedValueOnce(new ApiError('canceled', 'loading the catalog was cancelled'));
    await s.load(true);
    expect(s.state.status).toBe('ready');
    expect(s.state.summary?.database).toBe('analytics');
    expect(s.state.notice).toMatch(/cancelled/);

    const t = catalogFor('s2');
    api.load.mockRejectedValueOnce(new ApiError('canceled', 'loading the catalog was cancelled'));
    await t.load(false);
    expect(t.state.status).toBe('error');
    expect(t.state.error?.code).toBe('canceled');
  });

  it('a failed switch stays on the old database; a switch forgets the object selection', async () => {
    api.load.mockResolvedValue(summary());
    const s = catalogFor('s1');
    await s.load(false);
    api.switchDatabase.mockRejectedValueOnce(new ApiError('unknown_database', 'database "nope" does not exist'));
    await s.switchDatabase('nope');
    expect(s.state.status).toBe('ready');
    expect(s.state.notice).toBe('Could not switch to nope; still on analytics.');

    openObject('s1', { kind: 'table', schema: 'sales', name: 'orders' });
    api.switchDatabase.mockResolvedValueOnce(summary({ database: 'postgres' }));
    await s.switchDatabase('postgres');
    expect(s.state.summary?.database).toBe('postgres');
    expect(s.getUI('objects.selection', null)).toBeNull();
  });

  it('navigates to principals and objects', () => {
    const s = catalogFor('s1');
    s.setUI('roles.query', { text: 'data_eng', flags: [], showSystem: false });
    openPrincipal('s1', { kind: 'role', name: 'writer' });
    expect(s.getUI('roles.query', null)).toEqual({ text: '', flags: [], showSystem: false }); // it would hide writer
    s.setUI('roles.query', { text: 'WRIT', flags: [], showSystem: false });
    openPrincipal('s1', { kind: 'role', name: 'writer' });
    expect(s.getUI<{ text: string }>('roles.query', { text: '' }).text).toBe('WRIT');
    openPrincipal('s1', { kind: 'group', name: 'finance' });
    expect(s.getUI(TAB_KEY, '')).toBe('groups');
    expect(s.getUI(selectedKey('groups'), null)).toEqual({ kind: 'group', name: 'finance' });
    openPrincipal('s1', { kind: 'public', name: '' });
    expect(s.getUI(TAB_KEY, '')).toBe('roles');
    openObject('s1', { kind: 'column', schema: 'finance', name: 'salaries', column: 'bonus' });
    expect(s.getUI(TAB_KEY, '')).toBe('objects');
    expect(s.getUI('objects.selection', null)).toEqual({ kind: 'object', schema: 'finance', ref: { kind: 'table', schema: 'finance', name: 'salaries' } });
    expect(s.getUI('objects.expanded', [])).toEqual(['finance']);
  });
});
