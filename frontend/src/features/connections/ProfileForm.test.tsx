import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProfileView } from '../../api';
import { renderUI } from '../../test/render';
import { ProfileForm } from './ProfileForm';

// Only the calls to the backend are replaced; ApiError and helpers stay real.
vi.mock('../../api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../api')>();
  return {
    ...real,
    profilesApi: { parseURL: vi.fn(), save: vi.fn(), pickCAFile: vi.fn(), pickSSHKeyFile: vi.fn() },
    sessionsApi: { test: vi.fn(), cancel: vi.fn(() => Promise.resolve()), startAWSSignIn: vi.fn(), finishAWSSignIn: vi.fn() },
  };
});

import { ApiError, profilesApi, sessionsApi } from '../../api';

const api = vi.mocked(profilesApi);
const sess = vi.mocked(sessionsApi);

const saved: ProfileView = {
  id: 'p1',
  name: 'Prod warehouse',
  engine: 'redshift',
  host: 'prod.abc.eu-west-1.redshift.amazonaws.com',
  port: 5439,
  database: 'dev',
  user: 'admin',
  sslMode: 'verify-full',
  caFile: '',
  connectTimeoutSec: 20,
  readOnly: true,
  color: '#e03131',
  hasPassword: true,
};

function setup(initial: ProfileView | null = null, keychainAvailable = true) {
  const onSaved = vi.fn();
  const onCancel = vi.fn();
  renderUI(<ProfileForm initial={initial} keychainAvailable={keychainAvailable} onSaved={onSaved} onCancel={onCancel} />);
  return { onSaved, onCancel, user: userEvent.setup({ delay: null }) };
}

const field = (label: string | RegExp) => screen.getByLabelText(label, { selector: 'input' }) as HTMLInputElement;

async function fillValid(user: ReturnType<typeof userEvent.setup>) {
  await user.type(field(/^Name/), 'Local');
  await user.type(field(/^Host/), 'localhost');
  await user.type(field(/^User/), 'alice');
}

beforeEach(() => vi.clearAllMocks());

describe('ProfileForm', () => {
  it('switching engine changes the default port, but not a port the user typed', async () => {
    const { user } = setup();
    expect(field(/^Port/).value).toBe('5439');
    await user.click(screen.getByLabelText('PostgreSQL'));
    expect(field(/^Port/).value).toBe('5432');
    await user.click(screen.getByLabelText('Redshift'));
    expect(field(/^Port/).value).toBe('5439');

    await user.clear(field(/^Port/));
    await user.type(field(/^Port/), '6000');
    await user.click(screen.getByLabelText('PostgreSQL'));
    expect(field(/^Port/).value).toBe('6000');
  });

  it('shows a specific message per invalid field and does not save', async () => {
    const { user, onSaved } = setup();
    await user.clear(field(/^Port/));
    await user.type(field(/^Port/), '70000');
    await user.clear(field(/^Connect timeout/));
    await user.type(field(/^Connect timeout/), '0');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(screen.getByText('Name is required')).toBeInTheDocument();
    expect(screen.getByText('Host is required')).toBeInTheDocument();
    expect(screen.getByText('User is required')).toBeInTheDocument();
    expect(screen.getByText('Port must be a whole number from 1 to 65535')).toBeInTheDocument();
    expect(screen.getByText('Connect timeout must be 1 to 300 seconds')).toBeInTheDocument();
    expect(api.save).not.toHaveBeenCalled();
    expect(onSaved).not.toHaveBeenCalled();

    // Messages go away as fields are fixed.
    await user.type(field(/^Name/), 'x');
    expect(screen.queryByText('Name is required')).not.toBeInTheDocument();
  });

  it('never prefills a password; a saved one is shown as "saved in keychain" with a change affordance', async () => {
    const { user } = setup(saved);
    const stored = screen.getByPlaceholderText('Saved in keychain') as HTMLInputElement;
    expect(stored.value).toBe('');
    expect(stored.readOnly).toBe(true);
    expect(document.querySelectorAll('input[type="password"]').length).toBe(0);
    expect(field(/^Name/).value).toBe('Prod warehouse');

    await user.click(screen.getByRole('button', { name: 'Change' }));
    const pw = field(/^New password/);
    expect(pw.value).toBe('');
    expect(pw.type).toBe('password');
  });

  it('forgets a saved password only when asked, and keeps it otherwise', async () => {
    const { user } = setup(saved);
    api.save.mockResolvedValue(saved);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.save).toHaveBeenCalledTimes(1));
    expect(api.save.mock.calls[0][0]).toMatchObject({ password: '', setPassword: false, profile: { id: 'p1' } });

    cleanup();
    const s2 = setup(saved);
    await s2.user.click(screen.getByRole('button', { name: 'Forget it' }));
    expect(screen.getByPlaceholderText('Removed when you save')).toBeInTheDocument();
    await s2.user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.save).toHaveBeenCalledTimes(2));
    expect(api.save.mock.calls[1][0]).toMatchObject({ password: '', setPassword: true });
  });

  it('saves the typed password to the keychain and clears it from the form', async () => {
    const { user, onSaved } = setup();
    await fillValid(user);
    await user.type(field(/^Password/), 's3cret');
    api.save.mockResolvedValue({ ...saved, id: 'new1', name: 'Local' });
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const req = api.save.mock.calls[0][0];
    expect(req.setPassword).toBe(true);
    expect(req.password).toBe('s3cret');
    expect(req.profile).toMatchObject({ name: 'Local', host: 'localhost', user: 'alice', port: 5439, engine: 'redshift' });
    expect(onSaved.mock.calls[0][1]).toEqual({ connect: false, password: undefined });
  });

  it('without a keychain, never sends the password to be stored and hands it to the connect instead', async () => {
    const { user, onSaved } = setup(null, false);
    await fillValid(user);
    await user.type(field(/^Password/), 'pw');
    api.save.mockResolvedValue({ ...saved, id: 'n', hasPassword: false });
    await user.click(screen.getByRole('button', { name: 'Save & connect' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.save.mock.calls[0][0]).toMatchObject({ password: '', setPassword: false });
    expect(onSaved.mock.calls[0][1]).toEqual({ connect: true, password: 'pw' });
  });

  it('shows the backend error with its hint when saving fails', async () => {
    const { user } = setup();
    await fillValid(user);
    api.save.mockRejectedValue(new ApiError('invalid_input', 'name is taken', '', 'Pick another name.'));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Name is taken')).toBeInTheDocument();
    expect(screen.getByText('Pick another name.')).toBeInTheDocument();
  });
});

describe('ProfileForm: paste a URL', () => {
  it('fills only the fields the URL yielded', async () => {
    const { user } = setup();
    await user.type(field(/^Name/), 'Keep this name');
    api.parseURL.mockResolvedValue({
      id: '',
      name: '',
      engine: 'postgres',
      host: 'db.internal',
      port: 6432,
      database: 'sales',
      user: '',
      sslMode: 'verify-full',
      connectTimeoutSec: 0,
      readOnly: false,
    });
    fireEvent.change(field(/^Paste a connection URL/), { target: { value: 'postgresql://db.internal:6432/sales?sslmode=verify-full' } });
    await user.click(screen.getByRole('button', { name: 'Fill' }));

    await waitFor(() => expect(field(/^Host/).value).toBe('db.internal'));
    expect(api.parseURL).toHaveBeenCalledWith('postgresql://db.internal:6432/sales?sslmode=verify-full');
    expect(field(/^Port/).value).toBe('6432');
    expect(field(/^Database/).value).toBe('sales');
    expect(screen.getByLabelText('PostgreSQL')).toBeChecked();
    expect(field(/^Name/).value).toBe('Keep this name');
    expect(field(/^User/).value).toBe('');
    expect(field(/^Connect timeout/).value).toBe('15 s');
    expect(screen.getByText(/Filled engine, host, port, database, SSL mode from the URL/)).toBeInTheDocument();
    // The URL (which may hold a password) does not linger in the form.
    expect(field(/^Paste a connection URL/).value).toBe('');
  });

  it('fills from a paste event directly', async () => {
    setup();
    api.parseURL.mockResolvedValue({ id: '', name: '', engine: 'redshift', host: 'c.x.us-east-1.redshift.amazonaws.com', port: 5439, database: 'dev', user: 'u', sslMode: 'require', connectTimeoutSec: 0, readOnly: false });
    fireEvent.paste(field(/^Paste a connection URL/), { clipboardData: { getData: () => 'c.x.us-east-1.redshift.amazonaws.com:5439/dev' } });
    await waitFor(() => expect(field(/^Host/).value).toBe('c.x.us-east-1.redshift.amazonaws.com'));
    expect(field(/^Name/).value).toBe('c');
  });

  it('on a malformed URL shows the specific message and leaves the form unchanged', async () => {
    const { user } = setup();
    await user.type(field(/^Host/), 'before.example');
    api.parseURL.mockRejectedValue(new ApiError('invalid_input', 'unknown URL scheme "mysql"', '', ''));
    fireEvent.change(field(/^Paste a connection URL/), { target: { value: 'mysql://x/y' } });
    await user.type(field(/^Paste a connection URL/), '{Enter}');

    expect(await screen.findByText('Unknown URL scheme "mysql"')).toBeInTheDocument();
    expect(field(/^Host/).value).toBe('before.example');
    expect(field(/^Port/).value).toBe('5439');
    expect(field(/^Paste a connection URL/).value).toBe('mysql://x/y');
  });
});

describe('ProfileForm: test connection', () => {
  it('reports engine and version on success', async () => {
    const { user } = setup();
    await fillValid(user);
    sess.test.mockResolvedValue({
      engine: 'postgres', version: 'PostgreSQL 15.18', fullVersion: 'PostgreSQL 15.18 on x86_64', user: 'alice',
      database: 'dev', host: 'localhost', port: 5439, superuser: false,
    });
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('Connection works: PostgreSQL 15.18')).toBeInTheDocument();
    expect(sess.test.mock.calls[0][0]).toMatchObject({ useStoredPassword: false, profile: { host: 'localhost' } });
  });

  it('uses the stored password for a saved profile', async () => {
    const { user } = setup(saved);
    sess.test.mockResolvedValue({ engine: 'redshift', version: 'Redshift 1.0.7', fullVersion: '', user: 'admin', database: 'dev', host: saved.host, port: 5439, superuser: true });
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    await screen.findByText('Connection works: Redshift 1.0.7');
    expect(sess.test.mock.calls[0][0]).toMatchObject({ useStoredPassword: true, password: '', profile: { id: 'p1' } });
  });

  it('can be cancelled while running', async () => {
    const { user } = setup();
    await fillValid(user);
    let reject: (e: unknown) => void = () => {};
    sess.test.mockReturnValue(new Promise((_, rej) => (reject = rej)));
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel test' }));
    const attemptId = sess.test.mock.calls[0][0].attemptId;
    expect(attemptId).toBeTruthy();
    expect(sess.cancel).toHaveBeenCalledWith(attemptId);
    reject(new ApiError('canceled', 'the connection attempt was cancelled'));
    expect(await screen.findByText('Test cancelled.')).toBeInTheDocument();
  });

  it('shows message and hint of a failure, with the detail on demand', async () => {
    const { user } = setup();
    await fillValid(user);
    sess.test.mockRejectedValue(new ApiError('auth_failed', 'the server rejected the user name or password for alice', 'FATAL: password authentication failed (SQLSTATE 28P01)', 'Check the password.'));
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('The server rejected the user name or password for alice')).toBeInTheDocument();
    expect(screen.getByText('Check the password.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show details' }));
    expect(screen.getByText(/SQLSTATE 28P01/)).toBeVisible();
  });

  it('a new Redshift profile starts at verify-full and a PostgreSQL one at require, following the engine while untouched', async () => {
    const { user } = setup();
    const ssl = () => screen.getByLabelText('SSL mode') as HTMLSelectElement;
    expect(ssl().value).toBe('verify-full');
    await user.click(screen.getByLabelText('PostgreSQL'));
    expect(ssl().value).toBe('require');
    await user.click(screen.getByLabelText('Redshift'));
    expect(ssl().value).toBe('verify-full');
  });

  it('require without a CA file says the server certificate is not verified, and offers verify-full', async () => {
    const { user } = setup();
    const ssl = () => screen.getByLabelText('SSL mode') as HTMLSelectElement;
    expect(screen.queryByText('The server certificate is not verified')).not.toBeInTheDocument();
    await user.selectOptions(ssl(), 'require');
    expect(screen.getByText('The server certificate is not verified')).toBeInTheDocument();
    expect(screen.getByText(/any server on the network path could pose as this one and receive the password/)).toBeInTheDocument();

    // With a CA file, require checks the chain: the note says what it still does not check.
    await user.type(field(/^CA file/), '/etc/ssl/rds-ca.pem');
    expect(screen.queryByText('The server certificate is not verified')).not.toBeInTheDocument();
    expect(screen.getByTestId('tls-note')).toHaveTextContent('checks the certificate chain (like verify-ca) but not the host name');
    await user.clear(field(/^CA file/));

    await user.click(screen.getByRole('button', { name: 'Use verify-full' }));
    expect(ssl().value).toBe('verify-full');
    expect(screen.queryByTestId('tls-note')).not.toBeInTheDocument();

    await user.selectOptions(ssl(), 'disable');
    expect(screen.getByText('Not encrypted')).toBeInTheDocument();
  });

  it('with a saved password, changing where it connects says the saved password goes only to the saved server', async () => {
    const { user } = setup(saved);
    const hint = /It goes only to the saved server: saving these changes forgets it/;
    expect(screen.queryByText(hint)).not.toBeInTheDocument();
    await user.type(field(/^Host/), 'x');
    expect(screen.getByText(hint)).toBeInTheDocument();
    await user.type(field(/^Host/), '{Backspace}');
    expect(screen.queryByText(hint)).not.toBeInTheDocument();
    // Name, colour and the read-only switch do not decide where the password goes.
    await user.type(field(/^Name/), ' 2');
    expect(screen.queryByText(hint)).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('SSL mode'), 'require');
    expect(screen.getByText(hint)).toBeInTheDocument();
  });

  it('IAM provisioned hides the password, shows the settings derived from the host, and tests without a password', async () => {
    const { user } = setup();
    await user.type(field(/^Name/), 'Warehouse');
    await user.type(field(/^Host/), 'examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com');
    await user.type(field(/^User/), 'alice');
    await user.type(screen.getByLabelText(/^Password/, { selector: 'input' }), 'typed-before');
    await user.click(screen.getByLabelText('IAM, provisioned'));

    expect(screen.queryByLabelText(/^Password$/, { selector: 'input' })).not.toBeInTheDocument();
    expect(field(/^Region/).placeholder).toBe('us-west-2');
    expect(field(/^Cluster identifier/).placeholder).toBe('examplecluster');
    expect(field(/^Database user\s*\*?$/).value).toBe('alice');
    await user.type(field(/^AWS profile/), 'dev-sso');
    await user.type(field(/^Join groups/), 'analysts, loaders');
    await user.click(screen.getByLabelText('Auto-create user'));
    sess.test.mockResolvedValue({ engine: 'redshift', version: 'Redshift 1.0', fullVersion: '', user: 'IAM:alice', database: 'dev', host: 'h', port: 5439, superuser: false });
    await user.click(screen.getByRole('button', { name: 'Test connection' }));

    await waitFor(() => expect(sess.test).toHaveBeenCalled());
    const req = sess.test.mock.calls[0][0];
    expect(req.password).toBe('');
    expect(req.useStoredPassword).toBe(false);
    expect(req.profile.auth).toEqual({ method: 'iam', awsProfile: 'dev-sso', dbGroups: ['analysts', 'loaders'], autoCreate: true });
    expect(await screen.findByText('IAM:alice')).toBeInTheDocument();
  });

  it('IAM Serverless needs no database user and names the workgroup from the host', async () => {
    const { user, onSaved } = setup();
    await user.type(field(/^Name/), 'Serverless');
    await user.type(field(/^Host/), 'analytics.123456789012.eu-central-1.redshift-serverless.amazonaws.com');
    await user.click(screen.getByLabelText('IAM, Serverless'));
    expect(screen.queryByLabelText(/^User/, { selector: 'input' })).not.toBeInTheDocument();
    expect(field(/^Workgroup/).placeholder).toBe('analytics');
    api.save.mockResolvedValue({ ...saved, hasPassword: false });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.save).toHaveBeenCalled());
    const req = api.save.mock.calls[0][0];
    expect(req.profile.auth).toEqual({ method: 'iam-serverless' });
    expect(req.setPassword).toBe(false);
    expect(onSaved).toHaveBeenCalled();
  });

  it('a pasted IAM JDBC URL selects IAM and fills its settings', async () => {
    const { user } = setup();
    api.parseURL.mockResolvedValue({
      engine: 'redshift', host: 'c1.abc.us-east-1.redshift.amazonaws.com', port: 5439, database: 'dev', user: 'bob',
      auth: { method: 'iam', awsProfile: 'prod', autoCreate: true },
    } as never);
    await user.type(field(/^Paste a connection URL/), 'jdbc:redshift:iam://c1.abc.us-east-1.redshift.amazonaws.com:5439/dev?DbUser=bob{Enter}');
    expect(await screen.findByText(/Filled .*authentication/)).toBeInTheDocument();
    expect((screen.getByLabelText('IAM, provisioned') as HTMLInputElement).checked).toBe(true);
    expect(field(/^AWS profile/).value).toBe('prod');
  });

  it('switching to PostgreSQL drops IAM and shows the password again', async () => {
    const { user } = setup();
    await user.click(screen.getByLabelText('IAM, Serverless'));
    await user.click(screen.getByLabelText('PostgreSQL'));
    expect(screen.queryByLabelText('IAM, Serverless')).not.toBeInTheDocument();
    expect(screen.getByLabelText(/^Password/, { selector: 'input' })).toBeInTheDocument();
  });

  it('a test that finds the SSO sign-in expired offers Sign in, then tests again', async () => {
    const { user } = setup();
    await user.type(field(/^Name/), 'SSO');
    await user.type(field(/^Host/), 'examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com');
    await user.click(screen.getByLabelText('IAM, provisioned'));
    await user.type(field(/^Database user\s*\*?$/), 'alice');
    await user.type(field(/^AWS profile/), 'corp-sso');
    sess.test
      .mockRejectedValueOnce(new ApiError('aws_sso_expired', 'the IAM Identity Center (SSO) sign-in of AWS profile "corp-sso" has expired or is missing', '', 'Sign in again.'))
      .mockResolvedValueOnce({ engine: 'redshift', version: 'Redshift 1.0', fullVersion: '', user: 'IAM:alice', database: 'dev', host: 'h', port: 5439, superuser: false });
    sess.startAWSSignIn.mockResolvedValue({ id: 'sso-1', userCode: 'ABCD-EFGH', url: 'https://x' });
    sess.finishAWSSignIn.mockResolvedValue(undefined);
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    await user.click(await screen.findByRole('button', { name: 'Sign in to AWS…' }));
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(sess.test).toHaveBeenCalledTimes(2));
    expect(sess.startAWSSignIn).toHaveBeenCalledWith('corp-sso');
    expect(await screen.findByText('IAM:alice')).toBeInTheDocument();
  });

  it('the SSH tunnel is off by default; switched on, its settings and passphrase are saved', async () => {
    const { user } = setup();
    expect(screen.queryByLabelText(/^SSH host/)).toBeNull();
    await fillValid(user);
    await user.click(screen.getByRole('switch', { name: /Connect through an SSH tunnel/ }));
    await user.type(field(/^SSH host/), 'bastion.example.com');
    await user.type(field(/^SSH user/), 'ops');
    api.pickSSHKeyFile.mockResolvedValue('/home/ops/.ssh/id_ed25519');
    await user.click(screen.getByRole('button', { name: 'Browse for the SSH key file' }));
    await waitFor(() => expect(field(/^Private key file/).value).toBe('/home/ops/.ssh/id_ed25519'));
    await user.type(field(/^Key passphrase/), 'pp');
    await user.type(field(/^Jump hosts/), 'j@jump1:2200, jump2');
    api.save.mockResolvedValue({ ...saved, id: 'new' });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.save).toHaveBeenCalled());
    const req = api.save.mock.calls[0][0];
    expect(req.profile.ssh).toEqual({
      host: 'bastion.example.com',
      port: 22,
      user: 'ops',
      auth: 'key',
      keyFile: '/home/ops/.ssh/id_ed25519',
      jumpHosts: [{ host: 'jump1', port: 2200, user: 'j' }, { host: 'jump2', port: 22 }],
    });
    expect(req.sshSecret).toBe('pp');
    expect(req.setSshSecret).toBe(true);
  });

  it('the agent method asks for no secret, and switching the tunnel off sends none', async () => {
    const { user } = setup({ ...saved, ssh: { host: 'b', port: 22, user: 'ops', auth: 'key', keyFile: '/k' } });
    await user.click(screen.getByLabelText('SSH agent'));
    expect(screen.queryByLabelText(/^Key passphrase/)).toBeNull();
    await user.click(screen.getByRole('switch', { name: /Connect through an SSH tunnel/ }));
    api.save.mockResolvedValue(saved);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.save).toHaveBeenCalled());
    expect(api.save.mock.calls[0][0].profile.ssh).toBeUndefined();
    expect(api.save.mock.calls[0][0].setSshSecret).toBe(false);
  });
});
