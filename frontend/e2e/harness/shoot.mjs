// Screenshots of the Redshift grant surface harness (surface.html), light
// and dark: the overview section (lock-down warning, queued fix, datashares,
// models, consumer dialog refusing and rendering) and the principal page's
// IAM roles tab with its grant dialog. Needs a vite dev server:
//   RSMATE_VITE_PORT=<port> npx vite &   then   HARNESS_URL=http://localhost:<port> node e2e/harness/shoot.mjs
// Writes artifacts/harness/*.png.
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, '..', '..', '..', 'artifacts', 'harness');
mkdirSync(out, { recursive: true });
const base = process.env.HARNESS_URL || 'http://localhost:5173';

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'rsmate-harness-')), {
  executablePath: process.env.E2E_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1200, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});
const page = await context.newPage();
page.setDefaultTimeout(20000);
const shot = (name) => page.screenshot({ path: join(out, `${name}.png`), fullPage: true });

for (const scheme of ['light', 'dark']) {
  await page.goto(`${base}/e2e/harness/surface.html?view=overview&scheme=${scheme}`);
  await page.getByText('Every user may assume every IAM role of the cluster').waitFor();
  await page.getByRole('table', { name: 'Datashares' }).waitFor();
  await shot(`overview-${scheme}`);
  await page.getByRole('button', { name: 'Queue the fix' }).click();
  await page.getByText('Queued — preview and apply it from the pending changes').waitFor();
  await page.getByRole('alert').first().screenshot({ path: join(out, `lockdown-queued-${scheme}.png`) });

  await page.getByRole('button', { name: 'Add consumer…' }).click();
  await page.getByLabel('Account id').fill('12345678901');
  await page.getByText('is not an AWS account id').waitFor();
  await page.locator('.mantine-Modal-content').screenshot({ path: join(out, `consumer-refused-${scheme}.png`) });
  await page.getByLabel('Account id').fill('210987654321');
  await page.getByText("GRANT USAGE ON DATASHARE").waitFor();
  await page.locator('.mantine-Modal-content').screenshot({ path: join(out, `consumer-sql-${scheme}.png`) });
  await page.keyboard.press('Escape');

  await page.goto(`${base}/e2e/harness/surface.html?view=principal&scheme=${scheme}`);
  await page.getByRole('table', { name: 'ASSUMEROLE grants' }).waitFor();
  await shot(`principal-iamroles-${scheme}`);
  await page.getByRole('button', { name: 'Allow IAM roles…' }).click();
  await page.getByRole('checkbox', { name: 'COPY', exact: true }).check();
  await page.getByRole('checkbox', { name: 'UNLOAD', exact: true }).check();
  await page.getByLabel('IAM role ARNs').fill('RedshiftS3Read');
  await page.getByText('is not an IAM role ARN').waitFor();
  await page.locator('.mantine-Modal-content').screenshot({ path: join(out, `assumerole-refused-${scheme}.png`) });
  await page.getByLabel('IAM role ARNs').fill('arn:aws:iam::123456789012:role/RedshiftS3Read');
  await page.getByText('GRANT ASSUMEROLE ON').waitFor();
  await page.locator('.mantine-Modal-content').screenshot({ path: join(out, `assumerole-sql-${scheme}.png`) });
  await page.keyboard.press('Escape');

  for (const view of ['privileges', 'effective']) {
    await page.goto(`${base}/e2e/harness/surface.html?view=${view}&scheme=${scheme}`);
    await page.getByText('churn').first().waitFor();
    await shot(`${view}-${scheme}`);
  }
}
await context.close();
console.log(`screenshots in ${out}`);
