// Connection profiles end to end: create a PostgreSQL profile, test it, save
// it, connect, read engine and version in the status bar, disconnect, delete.
// The app runs with RSMATE_FAKE_DIALOGS=1 (confirmations answer yes) and
// RSMATE_SANDBOX=1 (the "Local sandbox" profile is listed).
import { closeAllSessions } from '../sessions.mjs';
export const name = 'connection profiles: create, test, save, connect, disconnect, delete';

function need(env, key) {
  const v = env[key];
  if (!v) throw new Error(`${key} is not set`);
  return v;
}

export default async function ({ page, baseURL, env, shot }) {
  const pg = {
    host: need(env, 'E2E_PG_HOST'),
    port: need(env, 'E2E_PG_PORT'),
    user: need(env, 'E2E_PG_USER'),
    password: need(env, 'E2E_PG_PASSWORD'),
    database: need(env, 'E2E_PG_DATABASE'),
  };
  const profileName = `E2E PostgreSQL ${Date.now().toString(36)}`;

  await page.goto(baseURL, { waitUntil: 'domcontentloaded' });
  const list = page.getByRole('listbox', { name: 'Saved connections' });
  const status = page.getByRole('status', { name: 'Connection status' });

  // The sandbox profile is listed, with its badge.
  const sandbox = list.getByRole('option', { name: 'Local sandbox' });
  await sandbox.waitFor();
  const sandboxBadges = await sandbox.innerText();
  if (!/PostgreSQL/.test(sandboxBadges)) throw new Error(`sandbox row lacks the engine badge: ${JSON.stringify(sandboxBadges)}`);
  if ((sandboxBadges.match(/Local sandbox/g) || []).length < 2) throw new Error(`sandbox row lacks the "Local sandbox" badge: ${JSON.stringify(sandboxBadges)}`);
  // Start from no open session (an earlier spec may have left one).
  await closeAllSessions(page);
  await shot('start');

  // Create.
  await page.getByRole('button', { name: 'New connection', exact: true }).first().click();
  const form = page.getByRole('dialog', { name: /New connection/ });
  await form.getByLabel('Name').waitFor();
  await form.getByLabel('Name').fill(profileName);
  const port = form.getByLabel('Port');
  if ((await port.inputValue()) !== '5439') throw new Error(`a new profile's port is ${await port.inputValue()}, want Redshift's 5439`);
  await form.getByText('PostgreSQL', { exact: true }).click(); // the engine switch
  if ((await port.inputValue()) !== '5432') throw new Error(`after switching to PostgreSQL the port is ${await port.inputValue()}, want 5432`);
  await form.getByLabel('Host').fill(pg.host);
  await port.fill(pg.port);
  await form.getByLabel('Database').fill(pg.database);
  await form.getByLabel('User').fill(pg.user);
  await form.getByLabel('Password').fill(pg.password);
  await form.getByLabel('SSL mode').selectOption('disable');
  await shot('form-filled');

  // Test.
  await form.getByRole('button', { name: 'Test connection' }).click();
  const ok = form.getByText(/Connection works: PostgreSQL 15/);
  await ok.waitFor({ timeout: 30000 }).catch(async (e) => {
    await shot('test-failed');
    const alert = await form.getByRole('alert').allInnerTexts().catch(() => []);
    throw new Error(`Test connection did not report PostgreSQL 15: ${alert.join(' | ') || e.message}`);
  });
  await shot('tested');

  // Save.
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await form.waitFor({ state: 'hidden' });
  const row = list.getByRole('option', { name: profileName });
  await row.waitFor();
  const rowText = await row.innerText();
  if (!rowText.includes(`${pg.user}@${pg.host}:${pg.port}/${pg.database}`)) throw new Error(`saved row reads ${JSON.stringify(rowText)}`);
  await shot('saved');

  // Connect. Without an OS keychain the password was not stored: the app asks for it.
  await row.hover();
  await row.getByRole('button', { name: `Connect to ${profileName}` }).click();
  const prompt = page.getByRole('dialog', { name: /Password required/ });
  const connected = status.getByText(/PostgreSQL 15\.\d+/);
  await Promise.race([connected.waitFor({ timeout: 30000 }), prompt.waitFor({ timeout: 30000 })]);
  if (await prompt.isVisible()) {
    await shot('password-prompt');
    await prompt.getByLabel('Password').fill(pg.password);
    await prompt.getByRole('button', { name: 'Connect' }).click();
    await prompt.waitFor({ state: 'hidden' });
  }
  await connected.waitFor({ timeout: 30000 });
  const bar = await status.innerText();
  for (const want of ['PostgreSQL', `${pg.user}@${pg.host}:${pg.port}/${pg.database}`]) {
    if (!bar.includes(want)) throw new Error(`status bar ${JSON.stringify(bar)} lacks ${JSON.stringify(want)}`);
  }
  await page.getByRole('heading', { name: profileName }).waitFor();
  await page.getByRole('tab', { name: 'Overview' }).waitFor();
  await shot('connected');

  // Disconnect.
  await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await status.getByText('Not connected').waitFor();
  await page.getByRole('heading', { name: profileName }).waitFor({ state: 'detached' });
  await shot('disconnected');

  // Delete (the fake confirmation answers yes).
  await row.hover();
  await row.getByRole('button', { name: `Actions for ${profileName}` }).click();
  await page.getByRole('menuitem', { name: /Delete/ }).click();
  await row.waitFor({ state: 'detached' });
  const names = await list.getByRole('option').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  if (names.includes(profileName)) throw new Error(`"${profileName}" is still listed after delete`);
  if (!names.includes('Local sandbox')) throw new Error(`the sandbox vanished: ${JSON.stringify(names)}`);
  await shot('deleted');
}
