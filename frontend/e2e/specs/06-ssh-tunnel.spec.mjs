// The SSH tunnel, end to end through a real sshd on loopback (e2e/sshd.mjs)
// to the sandbox PostgreSQL:
// - the form's SSH section, light and dark: off by default; on, it shows host,
//   port, user, auth method, key file with Browse, and jump hosts;
// - a bastion nobody listens on: the test names the unreachable SSH host;
// - a profile through the sshd: Test works (the e2e build's fake Confirm
//   accepts the first-use host key, which lands in the app's known_hosts),
//   Save, connect, disconnect;
// - a profile with an encrypted key and no keychain: connecting asks for the
//   database password, then the key passphrase;
// - the sshd restarted with another host key: connecting is refused, naming
//   the host and both fingerprints.
import { closeAllSessions } from '../sessions.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSshd } from '../sshd.mjs';

export const name = 'SSH tunnel: form section light and dark, unreachable bastion, connect through sshd, changed host key refused';

function need(env, key) {
  const v = env[key];
  if (!v) throw new Error(`${key} is not set: run this spec through scripts/e2e.sh`);
  return v;
}

async function openForm(page, baseURL, scheme) {
  await page.goto(baseURL, { waitUntil: 'domcontentloaded' });
  await page.evaluate((s) => localStorage.setItem('rsmate-color-scheme', s), scheme);
  await page.reload({ waitUntil: 'domcontentloaded' });
  await page.waitForFunction((s) => document.documentElement.getAttribute('data-mantine-color-scheme') === s, scheme);
  await page.getByRole('button', { name: 'New connection', exact: true }).first().click();
  const form = page.getByRole('dialog', { name: /New connection/ });
  await form.getByLabel('Name').waitFor();
  return form;
}

async function fillServer(form, name, pg) {
  await form.getByLabel('Name').fill(name);
  await form.getByText('PostgreSQL', { exact: true }).click();
  await form.getByLabel('Host').fill(pg.host);
  await form.getByLabel('Port').fill(String(pg.port));
  await form.getByLabel('Database').fill(pg.database);
  await form.getByLabel('User').fill(pg.user);
  await form.getByLabel('Password', { exact: true }).fill(pg.password);
  await form.getByLabel('SSL mode').selectOption('disable');
}

async function switchOn(form) {
  if ((await form.getByLabel('SSH host').count()) !== 0) throw new Error('the SSH section is open by default');
  const toggle = form.getByRole('switch', { name: /Connect through an SSH tunnel/ });
  await toggle.scrollIntoViewIfNeeded();
  await toggle.click({ force: true });
  await form.getByLabel('SSH host').waitFor();
}

export default async function ({ page, baseURL, env, shot }) {
  const pg = {
    host: need(env, 'E2E_PG_HOST'),
    port: need(env, 'E2E_PG_PORT'),
    user: need(env, 'E2E_PG_USER'),
    password: need(env, 'E2E_PG_PASSWORD'),
    database: need(env, 'E2E_PG_DATABASE'),
  };
  const configDir = need(env, 'RSMATE_CONFIG_DIR');
  // An earlier spec may have left sessions open: "Not connected" below means none.
  await page.goto(baseURL, { waitUntil: 'domcontentloaded' });
  await closeAllSessions(page);

  for (const scheme of ['light', 'dark']) {
    const form = await openForm(page, baseURL, scheme);
    await fillServer(form, `Unreachable bastion ${scheme}`, pg);
    await switchOn(form);
    // Port 9 (discard) on loopback: nothing listens there.
    await form.getByLabel('SSH host').fill('127.0.0.1');
    await form.getByLabel('SSH port').fill('9');
    await form.getByLabel('SSH user').fill('ops');
    await form.getByLabel('Private key file').fill('/home/ops/.ssh/id_ed25519');
    await form.getByLabel('Jump hosts').fill('ops@jump.example.com:2222');
    await form.getByLabel('Jump hosts').scrollIntoViewIfNeeded();
    await shot(`${scheme}-ssh-key-file`);

    await form.getByText('Password', { exact: true }).last().click(); // the SSH auth method
    await form.getByLabel('Jump hosts').fill('');
    await form.getByLabel('SSH password').fill('ssh-pw');
    await form.getByRole('button', { name: 'Test connection' }).click();
    const err = form.getByText(/SSH host 127\.0\.0\.1:9 could not be reached/i);
    await err.waitFor({ timeout: 30000 });
    await err.scrollIntoViewIfNeeded();
    await shot(`${scheme}-ssh-unreachable`);
    await form.getByRole('button', { name: 'Cancel', exact: true }).click();
    await form.waitFor({ state: 'hidden' });
  }

  const sshd = await startSshd();
  try {
    const name = 'Through sshd';
    const form = await openForm(page, baseURL, 'light');
    await fillServer(form, name, pg);
    await switchOn(form);
    await form.getByLabel('SSH host').fill(sshd.host);
    await form.getByLabel('SSH port').fill(String(sshd.port));
    await form.getByLabel('SSH user').fill(sshd.user);
    await form.getByLabel('Private key file').fill(sshd.keyFile);
    await form.getByRole('button', { name: 'Test connection' }).click();
    await form
      .getByText(/Connection works: PostgreSQL/)
      .waitFor({ timeout: 30000 })
      .catch(async (e) => {
        await shot('ssh-test-failed');
        const alert = await form.getByRole('alert').allInnerTexts().catch(() => []);
        throw new Error(`Test through sshd failed: ${alert.join(' | ') || e.message}\n${sshd.log()}`);
      });
    await shot('ssh-test-works');
    const known = readFileSync(join(configDir, 'known_hosts'), 'utf8');
    if (!known.includes(`[127.0.0.1]:${sshd.port} ssh-ed25519 `))
      throw new Error(`the accepted host key is not in the app's known_hosts: ${JSON.stringify(known)}`);
    if (!/Accepted publickey for/.test(sshd.log())) throw new Error(`sshd logged no key login:\n${sshd.log()}`);

    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await form.waitFor({ state: 'hidden' });
    const row = page.getByRole('option', { name });
    await row.hover();
    await row.getByRole('button', { name: `Connect to ${name}` }).click();
    const status = page.getByRole('status', { name: 'Connection status' });
    const prompt = page.getByRole('dialog', { name: /Password required/ });
    const connected = status.getByText(/PostgreSQL 1\d\.\d+/);
    await Promise.race([connected.waitFor({ timeout: 30000 }), prompt.waitFor({ timeout: 30000 })]);
    if (await prompt.isVisible()) {
      await prompt.getByLabel('Password').fill(pg.password);
      await prompt.getByRole('button', { name: 'Connect' }).click();
      await prompt.waitFor({ state: 'hidden' });
    }
    await connected.waitFor({ timeout: 30000 });
    await page.getByRole('heading', { name }).waitFor();
    await shot('ssh-connected');
    await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
    await status.getByText('Not connected').waitFor();

    // An encrypted key whose passphrase no keychain holds: asked at connect.
    const encName = 'Encrypted key';
    const encForm = await openForm(page, baseURL, 'light');
    await fillServer(encForm, encName, pg);
    await switchOn(encForm);
    await encForm.getByLabel('SSH host').fill(sshd.host);
    await encForm.getByLabel('SSH port').fill(String(sshd.port));
    await encForm.getByLabel('SSH user').fill(sshd.user);
    await encForm.getByLabel('Private key file').fill(sshd.encryptedKeyFile);
    await encForm.getByRole('button', { name: 'Save', exact: true }).click();
    await encForm.waitFor({ state: 'hidden' });
    const encRow = page.getByRole('option', { name: encName });
    await encRow.hover();
    await encRow.getByRole('button', { name: `Connect to ${encName}` }).click();
    const ppPrompt = page.getByRole('dialog', { name: /SSH key passphrase required/ });
    // Without a keychain the database password is asked first; with one
    // (make test runs a Secret Service) the form saved it.
    await Promise.race([prompt.waitFor({ timeout: 30000 }), ppPrompt.waitFor({ timeout: 30000 })]);
    if (await prompt.isVisible()) {
      await prompt.getByLabel('Password').fill(pg.password);
      await prompt.getByRole('button', { name: 'Connect' }).click();
    }
    await ppPrompt.waitFor({ timeout: 30000 });
    await page.waitForTimeout(400); // the dialog's transition
    await shot('ssh-passphrase-prompt');
    await ppPrompt.getByLabel('SSH key passphrase').fill(sshd.passphrase);
    await ppPrompt.getByRole('button', { name: 'Connect' }).click();
    await connected.waitFor({ timeout: 30000 });
    await page.getByRole('heading', { name: encName }).waitFor();
    await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
    await status.getByText('Not connected').waitFor();

    // The same host:port now presents another key: refused, never asked.
    await sshd.restartWithNewHostKey();
    await row.hover();
    await row.getByRole('button', { name: `Connect to ${name}` }).click();
    await Promise.race([
      page.getByText(/SSH host key of 127\.0\.0\.1:\d+ has changed/).first().waitFor({ timeout: 30000 }),
      prompt.waitFor({ timeout: 30000 }),
    ]);
    if (await prompt.isVisible()) {
      await prompt.getByLabel('Password').fill(pg.password);
      await prompt.getByRole('button', { name: 'Connect' }).click();
    }
    const changed = page.getByText(/SSH host key of 127\.0\.0\.1:\d+ has changed/).first();
    await changed.waitFor({ timeout: 30000 });
    const text = await changed.innerText();
    if ((text.match(/SHA256:/g) ?? []).length < 2) throw new Error(`the refusal does not name both fingerprints: ${text}`);
    await prompt.waitFor({ state: 'hidden' });
    await page.waitForTimeout(800); // let the dialog and the toast finish their transitions
    await shot('ssh-host-key-changed');
  } finally {
    await sshd.stop();
  }
}
