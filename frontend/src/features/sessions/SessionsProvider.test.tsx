import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProfileView, SessionInfo } from '../../api';
import { renderUI } from '../../test/render';
import { ConnectionsProvider } from '../connections/ConnectionsProvider';
import { StatusBar } from './StatusBar';
import { SessionsProvider, useSessions } from './SessionsProvider';

vi.mock('../../api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../api')>();
  return {
    ...real,
    profilesApi: { list: vi.fn(), keychain: vi.fn(), save: vi.fn() },
    sessionsApi: {
      list: vi.fn(), connect: vi.fn(), cancel: vi.fn(() => Promise.resolve()), disconnect: vi.fn(() => Promise.resolve()),
      startAWSSignIn: vi.fn(), finishAWSSignIn: vi.fn(),
    },
  };
});

import { ApiError, profilesApi, sessionsApi } from '../../api';
const papi = vi.mocked(profilesApi);
const sapi = vi.mocked(sessionsApi);

const prof: ProfileView = {
  id: 'p1', name: 'Warehouse', engine: 'redshift', host: 'wh.example', port: 5439, database: 'dev', user: 'admin',
  sslMode: 'require', connectTimeoutSec: 15, readOnly: true, color: '#e03131', hasPassword: false,
};
const session: SessionInfo = {
  id: 's1', profileId: 'p1', profileName: 'Warehouse', readOnly: true,
  server: { engine: 'redshift', version: 'Redshift 1.0.77467', fullVersion: 'PostgreSQL 8.0.2 … Redshift 1.0.77467', user: 'admin', database: 'dev', host: 'wh.example', port: 5439, superuser: false },
};

const iamProf: ProfileView = { ...prof, id: 'p2', name: 'SSO warehouse', auth: { method: 'iam', awsProfile: 'corp-sso' } };
let target: ProfileView = prof;

function ConnectButton() {
  const { connect, disconnect, active } = useSessions();
  return (
    <>
      <button onClick={() => void connect(target)}>go</button>
      <button onClick={() => void connect(iamProf)}>go-sso</button>
      {active && <button onClick={() => void disconnect(active.id)}>stop</button>}
    </>
  );
}

function setup(keychain = true) {
  papi.list.mockResolvedValue([prof]);
  papi.keychain.mockResolvedValue({ available: keychain, message: keychain ? '' : 'none', storeWarning: '' });
  renderUI(
    <ConnectionsProvider>
      <SessionsProvider>
        <ConnectButton />
        <StatusBar />
      </SessionsProvider>
    </ConnectionsProvider>,
  );
  return userEvent.setup({ delay: null });
}

beforeEach(() => {
  vi.clearAllMocks();
  target = prof;
  sapi.list.mockResolvedValue([]);
});

describe('connect flow', () => {
  it('shows engine, version and target in the status bar, and "Not connected" after disconnect', async () => {
    const user = setup();
    sapi.connect.mockResolvedValue(session);
    expect(await screen.findByText('Not connected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'go' }));
    const bar = screen.getByRole('status', { name: 'Connection status' });
    await waitFor(() => expect(bar).toHaveTextContent('Redshift 1.0.77467'));
    expect(bar).toHaveTextContent('Redshift');
    expect(bar).toHaveTextContent('admin@wh.example:5439/dev');
    expect(bar).toHaveTextContent('Read-only');
    await user.click(screen.getByRole('button', { name: 'stop' }));
    expect(sapi.disconnect).toHaveBeenCalledWith('s1');
    await waitFor(() => expect(bar).toHaveTextContent('Not connected'));
  });

  it('asks for the password when none is saved, retries with it, and remembers it once accepted', async () => {
    const user = setup(true);
    sapi.connect
      .mockRejectedValueOnce(new ApiError('password_required', 'no password is saved for "Warehouse"', '', 'Enter the password to connect.'))
      .mockResolvedValueOnce(session);
    papi.save.mockResolvedValue({ ...prof, hasPassword: true });
    await screen.findByText('Keychain');
    await user.click(screen.getByRole('button', { name: 'go' }));
    const pw = await screen.findByLabelText('Password');
    expect(screen.getByText('Enter the password to connect.')).toBeInTheDocument();
    await user.type(pw, 'hunter2');
    await user.click(screen.getByRole('button', { name: 'Connect' }));

    await waitFor(() => expect(sapi.connect).toHaveBeenCalledTimes(2));
    expect(sapi.connect.mock.calls[0][0].password).toBe('');
    expect(sapi.connect.mock.calls[1][0]).toMatchObject({ profileId: 'p1', password: 'hunter2' });
    await waitFor(() => expect(papi.save).toHaveBeenCalledWith({ profile: expect.objectContaining({ id: 'p1' }), password: 'hunter2', setPassword: true }));
    expect(papi.save.mock.calls[0][0].profile).not.toHaveProperty('hasPassword');
    await waitFor(() => expect(screen.queryByLabelText('Password')).not.toBeInTheDocument());
  });

  it('keeps the prompt open on a wrong password, shows why, and never stores a refused password', async () => {
    const user = setup(true);
    sapi.connect
      .mockRejectedValueOnce(new ApiError('password_required', 'a password is needed to connect'))
      .mockRejectedValueOnce(new ApiError('auth_failed', 'the server rejected the user name or password for admin', '28P01', 'Check the password.'));
    await user.click(screen.getByRole('button', { name: 'go' }));
    await user.type(await screen.findByLabelText('Password'), 'nope');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByText('The server rejected the user name or password for admin')).toBeInTheDocument();
    // The typed password is gone from the field after submit.
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
    expect(papi.save).not.toHaveBeenCalled();
  });

  it('asks for an MFA code when the AWS role needs one, sends it as mfaCode, and never stores it', async () => {
    const user = setup(true);
    sapi.connect
      .mockRejectedValueOnce(new ApiError('aws_mfa_required', 'AWS profile "dba" assumes a role that needs a code from your MFA device', '', 'Enter the current MFA code and connect again.'))
      .mockResolvedValueOnce(session);
    await user.click(screen.getByRole('button', { name: 'go' }));
    expect(await screen.findByText('MFA code required')).toBeInTheDocument();
    expect(screen.queryByLabelText('Remember in the OS keychain')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('MFA code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(sapi.connect).toHaveBeenCalledTimes(2));
    expect(sapi.connect.mock.calls[1][0]).toMatchObject({ profileId: 'p1', password: '', mfaCode: '123456' });
    await waitFor(() => expect(screen.queryByLabelText('MFA code')).not.toBeInTheDocument());
    expect(papi.save).not.toHaveBeenCalled();
  });

  it('an expired IAM Identity Center sign-in offers Sign in, shows the code, then connects', async () => {
    const user = setup(true);
    let confirm: () => void = () => {};
    sapi.connect
      .mockRejectedValueOnce(new ApiError('aws_sso_expired', 'the IAM Identity Center (SSO) sign-in of AWS profile "corp-sso" has expired or is missing', '', 'Sign in again.'))
      .mockResolvedValueOnce({ ...session, profileId: 'p2' });
    sapi.startAWSSignIn.mockResolvedValue({ id: 'sso-1', userCode: 'ABCD-EFGH', url: 'https://device.sso.example/?user_code=ABCD-EFGH' });
    sapi.finishAWSSignIn.mockImplementation(() => new Promise<void>((resolve) => (confirm = resolve)));
    await user.click(screen.getByRole('button', { name: 'go-sso' }));
    expect(await screen.findByText('Sign in to AWS')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('ABCD-EFGH')).toBeInTheDocument();
    expect(sapi.startAWSSignIn).toHaveBeenCalledWith('corp-sso');
    expect(sapi.connect).toHaveBeenCalledTimes(1); // not before AWS confirms
    confirm();
    await waitFor(() => expect(sapi.connect).toHaveBeenCalledTimes(2));
    expect(sapi.connect.mock.calls[1][0]).toMatchObject({ profileId: 'p2' });
    await waitFor(() => expect(screen.queryByText('Sign in to AWS')).not.toBeInTheDocument());
  });

  it('cancelling a sign-in stops the wait in the backend', async () => {
    const user = setup(true);
    sapi.connect.mockRejectedValueOnce(new ApiError('aws_sso_expired', 'expired', '', ''));
    sapi.startAWSSignIn.mockResolvedValue({ id: 'sso-2', userCode: 'WXYZ-1234', url: 'https://x' });
    sapi.finishAWSSignIn.mockImplementation(() => new Promise<void>(() => {}));
    await user.click(screen.getByRole('button', { name: 'go-sso' }));
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    await screen.findByText('WXYZ-1234');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(sapi.cancel).toHaveBeenCalledWith('sso-2');
    await waitFor(() => expect(screen.queryByText('WXYZ-1234')).not.toBeInTheDocument());
  });

  it('without a keychain does not offer to remember', async () => {
    const user = setup(false);
    sapi.connect.mockRejectedValueOnce(new ApiError('password_required', 'a password is needed to connect'));
    await screen.findByText('No keychain');
    await user.click(screen.getByRole('button', { name: 'go' }));
    await screen.findByLabelText('Password');
    expect(screen.queryByLabelText('Remember in the OS keychain')).not.toBeInTheDocument();
  });

  it('asks for the database password, then the SSH key passphrase, connects with both and remembers both', async () => {
    target = { ...prof, ssh: { host: 'bastion', port: 22, user: 'ops', auth: 'key', keyFile: '/k' } };
    const user = setup(true);
    sapi.connect
      .mockRejectedValueOnce(new ApiError('password_required', 'no password is saved for "Warehouse"'))
      .mockRejectedValueOnce(new ApiError('ssh_key_passphrase_required', 'the SSH key file /k is encrypted and no passphrase is saved', '', 'Enter the key passphrase.'))
      .mockRejectedValueOnce(new ApiError('ssh_key_passphrase_wrong', 'the saved passphrase does not open the SSH key file /k'))
      .mockResolvedValueOnce(session);
    papi.save.mockResolvedValue({ ...target, hasPassword: true });
    await screen.findByText('Keychain');
    await user.click(screen.getByRole('button', { name: 'go' }));
    await user.type(await screen.findByLabelText('Password'), 'hunter2');
    await user.click(screen.getByRole('button', { name: 'Connect' }));

    // The database password was accepted as far as it went; now the tunnel's passphrase.
    const pp = await screen.findByLabelText('SSH key passphrase');
    expect(screen.getByText('SSH key passphrase required')).toBeInTheDocument();
    expect(screen.getByText('Enter the key passphrase.')).toBeInTheDocument();
    await user.type(pp, 'nope');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByText('The saved passphrase does not open the SSH key file /k')).toBeInTheDocument();
    await user.type(screen.getByLabelText('SSH key passphrase'), 'opensesame');
    await user.click(screen.getByRole('button', { name: 'Connect' }));

    await waitFor(() => expect(sapi.connect).toHaveBeenCalledTimes(4));
    expect(sapi.connect.mock.calls[2][0]).toMatchObject({ password: 'hunter2', sshSecret: 'nope' });
    expect(sapi.connect.mock.calls[3][0]).toMatchObject({ password: 'hunter2', sshSecret: 'opensesame' });
    await waitFor(() =>
      expect(papi.save).toHaveBeenCalledWith({
        profile: expect.objectContaining({ id: 'p1' }),
        password: 'hunter2',
        setPassword: true,
        sshSecret: 'opensesame',
        setSshSecret: true,
      }),
    );
    expect(papi.save).toHaveBeenCalledTimes(1);
  });
});

describe('start', () => {
  function Counter({ onRender }: { onRender: () => void }) {
    const { sessions } = useSessions();
    onRender();
    return <p>{sessions.length} sessions</p>;
  }

  function mount(onRender: () => void) {
    papi.list.mockResolvedValue([prof]);
    papi.keychain.mockResolvedValue({ available: true, message: '', storeWarning: '' });
    renderUI(
      <ConnectionsProvider>
        <SessionsProvider>
          <Counter onRender={onRender} />
        </SessionsProvider>
      </ConnectionsProvider>,
    );
  }

  it('an empty session list from the backend does not render the window again', async () => {
    const renders = vi.fn();
    let answer: (l: SessionInfo[]) => void = () => {};
    sapi.list.mockReturnValue(new Promise((r) => (answer = r)));
    mount(renders);
    expect(screen.getByText('0 sessions')).toBeInTheDocument();
    const before = renders.mock.calls.length;
    answer([]);
    await waitFor(() => expect(sapi.list).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(renders).toHaveBeenCalledTimes(before);
  });

  it('sessions the backend already holds (a reloaded page) are listed', async () => {
    sapi.list.mockResolvedValue([session]);
    mount(() => {});
    expect(await screen.findByText('1 sessions')).toBeInTheDocument();
  });
});
