// Screenshots of the harness views, light and dark:
//   node shots/shoot.mjs   → artifacts/shots/<view>-<scheme>.png
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const out = resolve(root, '..', 'artifacts', 'shots');
mkdirSync(out, { recursive: true });

const server = await createServer({ root, configFile: join(root, 'vite.config.ts'), server: { port: Number(process.env.SHOTS_PORT) || 0, strictPort: false } });
await server.listen();
const base = server.resolvedUrls.local[0];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const page = await browser.newPage({ viewport: { width: 1200, height: 860 } });
page.on('pageerror', (e) => console.error('page error:', e.message));

const views = [
  { view: 'role-scoped', tab: 'Scoped permissions' },
  { view: 'role-overview', tab: null },
  { view: 'user-overview', tab: null },
  { view: 'user-effective', tab: 'Effective access' },
  { view: 'user-dialog', tab: null },
  { view: 'user-dialog-defaults', tab: null, scrollTo: 'Session defaults' },
  { view: 'schema-object', tab: null, wait: 'table' },
  { view: 'database-object', tab: null, wait: 'table' },
];
try {
  for (const scheme of ['light', 'dark']) {
    for (const v of views) {
      await page.goto(`${base}shots/index.html?view=${v.view}&scheme=${scheme}`);
      await page.waitForSelector(v.wait ?? '[role="tablist"], [role="dialog"]', { timeout: 30000 });
      if (v.tab) await page.getByRole('tab', { name: new RegExp(v.tab) }).click();
      if (v.scrollTo) await page.getByRole('group', { name: v.scrollTo }).scrollIntoViewIfNeeded();
      await page.waitForTimeout(1200);
      const path = join(out, `${v.view}-${scheme}.png`);
      await page.screenshot({ path, fullPage: false });
      console.log(path);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
