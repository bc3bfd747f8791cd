import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { aboutApi, type SandboxInfo } from '../../api';
import { renderUI } from '../../test/render';
import { SandboxOffer } from './Welcome';

vi.mock('../../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../api')>();
  return { ...orig, aboutApi: { about: vi.fn(), thirdPartyLicenses: vi.fn(), sandbox: vi.fn(), startSandbox: vi.fn() } };
});
const api = vi.mocked(aboutApi);
const found: SandboxInfo = { running: false, available: true, binDir: '/usr/lib/postgresql/15/bin', need: '' };

describe('SandboxOffer', () => {
  beforeEach(() => vi.resetAllMocks());

  it('starts the sandbox where PostgreSQL binaries were found, then reloads the connections', async () => {
    api.sandbox.mockResolvedValue(found);
    api.startSandbox.mockResolvedValue({ ...found, running: true });
    const onStarted = vi.fn(() => Promise.resolve());
    renderUI(<SandboxOffer onStarted={onStarted} />);
    expect(await screen.findByText('/usr/lib/postgresql/15/bin')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Start the Local sandbox' }));
    await waitFor(() => expect(onStarted).toHaveBeenCalledTimes(1));
    expect(api.startSandbox).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('sandbox-note')).not.toBeInTheDocument();
  });

  it('says what is needed and offers no button where no binaries were found', async () => {
    api.sandbox.mockResolvedValue({ running: false, available: false, binDir: '', need: 'PostgreSQL server binaries not found' });
    renderUI(<SandboxOffer onStarted={() => Promise.resolve()} />);
    expect(await screen.findByText(/needs PostgreSQL server binaries on this computer/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start the Local sandbox' })).not.toBeInTheDocument();
  });
});
