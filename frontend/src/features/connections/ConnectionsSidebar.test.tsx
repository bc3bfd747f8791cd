import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProfileView } from '../../api';
import { renderUI } from '../../test/render';
import { SessionsProvider } from '../sessions/SessionsProvider';
import { ConnectionList } from './ConnectionList';
import { ConnectionsProvider } from './ConnectionsProvider';
import { ConnectionsSidebar, filterProfiles } from './ConnectionsSidebar';

vi.mock('../../api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../api')>();
  return {
    ...real,
    profilesApi: {
      list: vi.fn(),
      keychain: vi.fn(),
      reorder: vi.fn(() => Promise.resolve()),
      remove: vi.fn(),
      duplicate: vi.fn(),
      importFile: vi.fn(),
    },
    sessionsApi: { list: vi.fn(() => Promise.resolve([])), connect: vi.fn(), cancel: vi.fn(), disconnect: vi.fn() },
  };
});

import { profilesApi } from '../../api';
const api = vi.mocked(profilesApi);

const base = { host: 'h', port: 5432, database: 'd', user: 'u', sslMode: 'require', connectTimeoutSec: 15, readOnly: false, hasPassword: false } as const;
const sandbox: ProfileView = { ...base, id: 'sandbox', name: 'Local sandbox', engine: 'postgres', sslMode: 'disable', sandbox: true, hasPassword: true };
const prod: ProfileView = { ...base, id: 'a', name: 'Prod warehouse', engine: 'redshift', port: 5439, readOnly: true, color: '#e03131' };
const staging: ProfileView = { ...base, id: 'b', name: 'Staging PG', engine: 'postgres', host: 'staging.internal' };

const noop = () => {};
function list(profiles: ProfileView[], over: Partial<Parameters<typeof ConnectionList>[0]> = {}) {
  return renderUI(
    <ConnectionList
      profiles={profiles}
      selectedId={null}
      connectedIds={new Set()}
      connectingIds={new Set()}
      canMove={() => true}
      onSelect={noop}
      onConnect={noop}
      onCancelConnect={noop}
      onEdit={noop}
      onDuplicate={noop}
      onDelete={noop}
      onMove={noop}
      {...over}
    />,
  );
}

beforeEach(() => {
  vi.clearAllMocks();
  api.keychain.mockResolvedValue({ available: true, message: '', storeWarning: '' });
});

describe('ConnectionList', () => {
  it('shows each connection with its engine, read-only and sandbox badges', () => {
    list([sandbox, prod, staging]);
    const rows = screen.getAllByRole('option');
    expect(rows.map((r) => r.getAttribute('aria-label'))).toEqual(['Local sandbox', 'Prod warehouse', 'Staging PG']);

    const sb = within(rows[0]);
    expect(sb.getByText('PostgreSQL')).toBeInTheDocument();
    expect(sb.getAllByText('Local sandbox')).toHaveLength(2); // name and badge
    expect(sb.queryByText('Read-only')).not.toBeInTheDocument();

    const p = within(rows[1]);
    expect(p.getByText('Redshift')).toBeInTheDocument();
    expect(p.getByText('Read-only')).toBeInTheDocument();
    expect(p.getByText('u@h:5439/d')).toBeInTheDocument();

    expect(within(rows[2]).getByText('PostgreSQL')).toBeInTheDocument();
    expect(within(rows[2]).queryByText('Read-only')).not.toBeInTheDocument();
  });

  it('connects on double-click, Enter and the connect button', async () => {
    const onConnect = vi.fn();
    const user = userEvent.setup({ delay: null });
    list([prod], { onConnect });
    const row = screen.getByRole('option', { name: 'Prod warehouse' });
    await user.dblClick(row);
    row.focus();
    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('button', { name: 'Connect to Prod warehouse' }));
    expect(onConnect).toHaveBeenCalledTimes(3);
  });

  it('marks connected ones and offers cancel while connecting', () => {
    list([prod, staging], { connectedIds: new Set(['a']), connectingIds: new Set(['b']) });
    expect(within(screen.getByRole('option', { name: 'Prod warehouse' })).getByRole('img', { name: 'Connected' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel connecting to Staging PG' })).toBeInTheDocument();
  });

  it('the sandbox cannot be edited or deleted', async () => {
    const user = userEvent.setup({ delay: null });
    list([sandbox]);
    await user.click(screen.getByRole('button', { name: 'Actions for Local sandbox' }));
    expect(await screen.findByRole('menuitem', { name: /Edit/ })).toBeDisabled();
    expect(screen.getByRole('menuitem', { name: /Delete/ })).toBeDisabled();
    expect(screen.getByRole('menuitem', { name: /Duplicate/ })).toBeEnabled();
  });
});

function sidebar() {
  return renderUI(
    <ConnectionsProvider>
      <SessionsProvider>
        <ConnectionsSidebar />
      </SessionsProvider>
    </ConnectionsProvider>,
  );
}

describe('ConnectionsSidebar', () => {
  it('explains what to do when there are no connections', async () => {
    api.list.mockResolvedValue([]);
    sidebar();
    expect(await screen.findByText('No saved connections')).toBeInTheDocument();
    expect(screen.getByText(/Add a Redshift cluster or PostgreSQL server/)).toBeInTheDocument();
  });

  it('lists profiles and filters them by search', async () => {
    api.list.mockResolvedValue([sandbox, prod, staging]);
    const user = userEvent.setup({ delay: null });
    sidebar();
    expect(await screen.findByRole('option', { name: 'Prod warehouse' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Search connections'), 'staging');
    expect(screen.getAllByRole('option').map((o) => o.getAttribute('aria-label'))).toEqual(['Staging PG']);
    await user.clear(screen.getByLabelText('Search connections'));
    await user.type(screen.getByLabelText('Search connections'), 'nothing-like-this');
    expect(screen.getByText(/No connection matches/)).toBeInTheDocument();
  });

  it('shows a load failure with its hint and a retry', async () => {
    const { ApiError } = await import('../../api');
    api.list.mockRejectedValue(new ApiError('profile_store', 'cannot open the connection profiles', 'permission denied', 'Check the folder.'));
    sidebar();
    expect(await screen.findByText('Cannot open the connection profiles')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('reorders with move down: the backend receives the new order of stored profiles only', async () => {
    api.list.mockResolvedValue([sandbox, prod, staging]);
    const user = userEvent.setup({ delay: null });
    sidebar();
    await user.click(await screen.findByRole('button', { name: 'Actions for Prod warehouse' }));
    await user.click(await screen.findByRole('menuitem', { name: /Move down/ }));
    expect(api.reorder).toHaveBeenCalledWith(['b', 'a']);
  });

  it('an import names the entries it left out, with the reason for each', async () => {
    api.list.mockResolvedValue([staging]);
    api.importFile.mockResolvedValue({
      added: ['Staging PG'],
      skipped: [],
      rejected: [{ name: 'entry 2', reason: 'the host is empty' }, { name: 'Old', reason: 'SSL mode must be disable, require, verify-ca or verify-full, not "prefer"' }],
    });
    const user = userEvent.setup({ delay: null });
    sidebar();
    await user.click(await screen.findByRole('button', { name: 'More connection actions' }));
    await user.click(await screen.findByRole('menuitem', { name: /Import connections/ }));
    expect(await screen.findByText('Connections imported, some left out')).toBeInTheDocument();
    expect(
      screen.getByText('Added 1: Staging PG. Not imported 2: entry 2 (the host is empty); Old (SSL mode must be disable, require, verify-ca or verify-full, not "prefer").'),
    ).toBeInTheDocument();
  });

  it('announces once when no keychain is available', async () => {
    api.list.mockResolvedValue([]);
    api.keychain.mockResolvedValue({ available: false, message: 'No OS keychain is available, so passwords are not saved.', storeWarning: '' });
    sidebar();
    expect(await screen.findByText('No OS keychain')).toBeInTheDocument();
    expect(api.keychain).toHaveBeenCalledTimes(1);
  });
});

describe('filterProfiles', () => {
  it('matches name, host, database, user and engine', () => {
    expect(filterProfiles([prod, staging], 'redshift').map((p) => p.id)).toEqual(['a']);
    expect(filterProfiles([prod, staging], 'STAGING.int').map((p) => p.id)).toEqual(['b']);
    expect(filterProfiles([prod, staging], '').length).toBe(2);
  });
});

describe('the calls index.html starts before the app loads', () => {
  const settled = <T,>(value: T) => ({ promise: Promise.resolve(), done: true, value });

  beforeEach(() => {
    window.rsmateEarly = undefined;
  });

  it('lists the connections in the first render, without asking again', () => {
    window.rsmateEarly = { profiles: settled([prod, staging]), keychain: settled({ available: true, message: '', storeWarning: '' }) };
    sidebar();
    // Synchronously: no loading state in between.
    expect(screen.getAllByRole('option').map((r) => r.getAttribute('aria-label'))).toEqual(['Prod warehouse', 'Staging PG']);
    expect(api.list).not.toHaveBeenCalled();
    expect(api.keychain).not.toHaveBeenCalled();
  });

  it('waits for a call still under way', async () => {
    let answer!: () => void;
    const early: NonNullable<typeof window.rsmateEarly>['profiles'] = { promise: new Promise<void>((r) => (answer = r)) };
    window.rsmateEarly = { profiles: early };
    sidebar();
    expect(screen.queryByRole('option')).not.toBeInTheDocument();
    Object.assign(early, { done: true, value: [staging] });
    answer();
    expect(await screen.findByRole('option', { name: 'Staging PG' })).toBeInTheDocument();
    expect(api.list).not.toHaveBeenCalled();
  });

  it('asks again when the early call failed', async () => {
    window.rsmateEarly = { profiles: { promise: Promise.resolve(), done: true, error: new Error('not ready') } };
    api.list.mockResolvedValue([prod]);
    sidebar();
    expect(await screen.findByRole('option', { name: 'Prod warehouse' })).toBeInTheDocument();
    expect(api.list).toHaveBeenCalledTimes(1);
  });
});
