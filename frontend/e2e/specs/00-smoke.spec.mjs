// The app loads through the Wails dev server and its Go bindings answer.
export const name = 'app loads and the Go bindings answer';

export default async function ({ page, baseURL, env, shot }) {
  await page.goto(baseURL, { waitUntil: 'domcontentloaded' });

  const title = await page.title();
  if (title !== 'Redshift Mate') throw new Error(`page title is ${JSON.stringify(title)}, want "Redshift Mate"`);

  // React rendered something into #root.
  await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0);
  const text = (await page.locator('#root').innerText()).trim();
  if (!text) throw new Error('#root rendered no text');

  // The Wails runtime injected the bound services; calling one reaches real Go code.
  await page.waitForFunction(() => typeof window.go?.app?.ProfilesService?.List === 'function');
  const profiles = await page.evaluate(() => window.go.app.ProfilesService.List());
  if (!Array.isArray(profiles)) throw new Error(`ProfilesService.List returned ${JSON.stringify(profiles)}`);

  if (env.RSMATE_SANDBOX === '1') {
    const sb = profiles.find((p) => p.id === 'sandbox');
    if (!sb) throw new Error(`no sandbox profile in ${JSON.stringify(profiles.map((p) => p.id))}`);
    if (sb.name !== 'Local sandbox' || String(sb.port) !== env.E2E_PG_PORT) {
      throw new Error(`sandbox profile is ${JSON.stringify(sb)}, want "Local sandbox" on port ${env.E2E_PG_PORT}`);
    }
  }
  await shot('loaded');
}
