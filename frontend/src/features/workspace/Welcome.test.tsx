import { renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { aboutApi, type SandboxInfo } from '../../api';
import { renderUI } from '../../test/render';
import { useState } from 'react';
import { EmulatedRedshiftButton, SandboxOffer, useSandboxInfo } from './Welcome';

vi.mock('../../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../api')>();
  return { ...orig, aboutApi: { about: vi.fn(), thirdPartyLicenses: vi.fn(), sandbox: vi.fn(), startSandbox: vi.fn(), startEmulatedSandbox: vi.fn() } };
});
const api = vi.mocked(aboutApi);
const found: SandboxInfo = { running: false, emulatedRunning: false, available: true, binDir: '/usr/lib/postgresql/15/bin', need: '' };

/** SandboxOffer with the state Welcome keeps for it. */
function Offer({ initial, onStarted }: { initial: SandboxInfo; onStarted: () => Promise<unknown> }) {
  const [info, setInfo] = useState<SandboxInfo | null>(initial);
  return <SandboxOffer info={info} onInfo={setInfo} onStarted={onStarted} />;
}

describe('useSandboxInfo', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    window.rsmateEarly = undefined;
  });

  it('asks the backend once per welcome screen', async () => {
    api.sandbox.mockResolvedValue(found);
    const { result } = renderHook(() => useSandboxInfo());
    await waitFor(() => expect(result.current[0]).toEqual(found));
    expect(api.sandbox).toHaveBeenCalledTimes(1);
  });

  it('starts with the answer of the call index.html started, without asking again', () => {
    window.rsmateEarly = { sandbox: { promise: Promise.resolve(), done: true, value: found } };
    const { result } = renderHook(() => useSandboxInfo());
    expect(result.current[0]).toEqual(found);
    expect(api.sandbox).not.toHaveBeenCalled();
    expect(window.rsmateEarly.sandbox).toBeUndefined();
  });

  it('asks again when the early call failed', async () => {
    window.rsmateEarly = { sandbox: { promise: Promise.resolve(), done: true, error: new Error('gone') } };
    api.sandbox.mockResolvedValue(found);
    const { result } = renderHook(() => useSandboxInfo());
    expect(result.current[0]).toBeNull();
    await waitFor(() => expect(result.current[0]).toEqual(found));
    expect(api.sandbox).toHaveBeenCalledTimes(1);
  });
});

describe('SandboxOffer', () => {
  beforeEach(() => vi.resetAllMocks());

  it('starts the sandbox where PostgreSQL binaries were found, then reloads the connections', async () => {
    api.startSandbox.mockResolvedValue({ ...found, running: true });
    const onStarted = vi.fn(() => Promise.resolve());
    renderUI(<Offer initial={found} onStarted={onStarted} />);
    expect(await screen.findByText('/usr/lib/postgresql/15/bin')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Start the Local sandbox' }));
    await waitFor(() => expect(onStarted).toHaveBeenCalledTimes(1));
    expect(api.startSandbox).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('sandbox-note')).not.toBeInTheDocument();
  });

  it('says what is needed and offers no button where no binaries were found', async () => {
    const none = { running: false, emulatedRunning: false, available: false, binDir: '', need: 'PostgreSQL server binaries not found' };
    renderUI(<Offer initial={none} onStarted={() => Promise.resolve()} />);
    expect(await screen.findByText(/needs PostgreSQL server binaries on this computer/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start the Local sandbox' })).not.toBeInTheDocument();
  });
});

describe('EmulatedRedshiftButton', () => {
  beforeEach(() => vi.resetAllMocks());

  const emulated = {
    id: 'sandbox-redshift', name: 'Redshift (emulated)', engine: 'redshift' as const, host: '127.0.0.1', port: 5433, database: 'dev',
    user: 'rsmate_admin', sslMode: 'disable' as const, connectTimeoutSec: 10, readOnly: false, sandbox: true, hasPassword: true,
  };

  it('starts the emulated Redshift, reloads the connections and opens its profile', async () => {
    api.startEmulatedSandbox.mockResolvedValue({ ...found, emulatedRunning: true });
    const reload = vi.fn(() => Promise.resolve([emulated]));
    const onOpen = vi.fn();
    renderUI(<EmulatedRedshiftButton available profiles={[]} reload={reload} onOpen={onOpen} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Open as Redshift (emulated)' }));
    await waitFor(() => expect(onOpen).toHaveBeenCalledWith(emulated));
    expect(api.startEmulatedSandbox).toHaveBeenCalledTimes(1);
  });

  it('opens a running emulated Redshift without starting another', async () => {
    const onOpen = vi.fn();
    renderUI(<EmulatedRedshiftButton available={false} profiles={[emulated]} reload={() => Promise.resolve([])} onOpen={onOpen} />);
    await userEvent.click(screen.getByRole('button', { name: 'Open as Redshift (emulated)' }));
    expect(onOpen).toHaveBeenCalledWith(emulated);
    expect(api.startEmulatedSandbox).not.toHaveBeenCalled();
  });

  it('is not offered where no PostgreSQL binaries were found', async () => {
    renderUI(<EmulatedRedshiftButton available={false} profiles={[]} reload={() => Promise.resolve([])} onOpen={vi.fn()} />);
    expect(screen.queryByRole('button', { name: 'Open as Redshift (emulated)' })).not.toBeInTheDocument();
  });
});
