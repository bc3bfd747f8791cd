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
