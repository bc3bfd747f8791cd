// Shared e2e step: specs share one running app, so an earlier spec may have
// left sessions open. closeAllSessions closes every session tab and waits for
// the status bar to say "Not connected".
export async function closeAllSessions(page) {
  const status = page.getByRole('status', { name: 'Connection status' });
  const tabs = page.getByRole('tablist', { name: 'Open sessions' }).getByRole('button', { name: /^Disconnect / });
  // Let the session list load before counting its tabs.
  await page.getByRole('listbox', { name: 'Saved connections' }).waitFor();
  while ((await tabs.count()) > 0) {
    const before = await tabs.count();
    await tabs.first().click();
    await page.waitForFunction((n) => document.querySelectorAll('[aria-label="Open sessions"] [role="tab"]').length < n, before);
  }
  await status.getByText('Not connected').waitFor();
}

// Shared e2e step: a session on the Local sandbox, on one database, with its
// catalog loaded. Reuses a sandbox session an earlier spec left open.
export async function openSandbox(page, baseURL, database = 'analytics') {
  await page.goto(baseURL, { waitUntil: 'domcontentloaded' });
  const sandbox = page.getByRole('listbox', { name: 'Saved connections' }).getByRole('option', { name: 'Local sandbox' });
  await sandbox.waitFor({ timeout: 30000 });
  const sessionTab = page.getByRole('tablist', { name: 'Open sessions' }).getByRole('tab', { name: /Local sandbox/ });
  if ((await sessionTab.count()) > 0) await sessionTab.first().click();
  else {
    await sandbox.hover();
    await sandbox.getByRole('button', { name: 'Connect to Local sandbox' }).click();
  }
  await page.getByRole('tab', { name: /^Users/ }).waitFor({ timeout: 30000 });
  const db = page.getByRole('combobox', { name: 'Database' });
  if ((await db.inputValue()) !== database) {
    await db.click();
    await page.getByRole('option', { name: database, exact: true }).click();
    await page.getByRole('status', { name: 'Connection status' }).getByText(new RegExp(`/${database}$`)).waitFor({ timeout: 30000 });
  }
  await page.getByLabel('Catalog load info').waitFor({ timeout: 30000 });
}
