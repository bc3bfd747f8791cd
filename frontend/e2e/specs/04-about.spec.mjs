// The About dialog (Ctrl+I) shows what the real Go AboutService reports:
// the build, the files the app writes, and the bundled licences.
export const name = 'About shows the build, the app files and the bundled licences';

export default async function ({ page, baseURL, shot }) {
  await page.goto(baseURL, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => typeof window.go?.app?.AboutService?.About === 'function');
  const want = await page.evaluate(() => window.go.app.AboutService.About());

  await page.getByRole('button', { name: 'About Redshift Mate' }).waitFor();
  await page.keyboard.press('Control+I');
  const dlg = page.getByRole('dialog', { name: /About Redshift Mate/ });
  await dlg.waitFor();
  for (const text of [want.profilesFile, want.auditLog, want.appLog, want.goVersion, `MIT × ${want.licenses.find((l) => l.license === 'MIT').count}`]) {
    if (!text) throw new Error(`About() returned an empty field: ${JSON.stringify(want)}`);
    await dlg.getByText(text, { exact: true }).waitFor();
  }
  if (!want.profilesFile.endsWith('profiles.json') || !want.auditLog.endsWith('audit.jsonl')) {
    throw new Error(`unexpected paths ${want.profilesFile}, ${want.auditLog}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await shot('about-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot('about-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await dlg.getByRole('button', { name: 'Show the full licence texts' }).click();
  const full = page.getByRole('dialog', { name: /Third-party licences/ });
  await full.getByText(/github\.com\/wailsapp\/wails\/v2 v2\.9\.2 \(go\) — MIT/).waitFor();
  await shot('licences');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
}
