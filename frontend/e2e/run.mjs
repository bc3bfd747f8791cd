// End-to-end runner: drives the real app (served by `wails dev`) with Debian's
// Chromium through playwright-core. Specs run serially in file-name order.
//
// Spec contract (frontend/e2e/specs/*.spec.mjs):
//   export const name = 'what it checks';
//   export default async function ({ page, baseURL, env, shot }) { ... }  // throw to fail
// shot(label) saves artifacts/e2e/<specfile>-<NN>-<label>.png.
//
// Env: E2E_BASE_URL (default http://localhost:34115), E2E_SPEC (substring filter),
// E2E_HEADED=1 (show the browser), E2E_ARTIFACTS (default <repo>/artifacts/e2e).
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const specDir = join(here, 'specs');
const artifacts = resolve(process.env.E2E_ARTIFACTS || join(repo, 'artifacts', 'e2e'));
const baseURL = process.env.E2E_BASE_URL || 'http://localhost:34115';
const filter = process.env.E2E_SPEC || '';
const timeoutMs = Number(process.env.E2E_TIMEOUT_MS || 15000);

const safe = (s) => String(s).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'shot';

async function main() {
  mkdirSync(artifacts, { recursive: true });
  const files = readdirSync(specDir)
    .filter((f) => f.endsWith('.spec.mjs') && f.includes(filter))
    .sort();
  if (files.length === 0) {
    console.error(`no spec files in ${specDir}${filter ? ` matching "${filter}"` : ''}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }

  const userDataDir = mkdtempSync(join(tmpdir(), 'rsmate-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.E2E_CHROMIUM || '/usr/bin/chromium',
    headless: process.env.E2E_HEADED !== '1',
    viewport: { width: 1360, height: 860 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });

  let passed = 0;
  let failed = 0;
  const results = [];
  try {
    for (const file of files) {
      const stem = basename(file, '.spec.mjs');
      const mod = await import(pathToFileURL(join(specDir, file)).href);
      const title = mod.name || stem;
      if (typeof mod.default !== 'function') {
        failed++;
        results.push({ file, title, ok: false, ms: 0, err: 'no default export function' });
        console.log(`✗ ${file} — ${title}: no default export function`);
        continue;
      }

      const page = await context.newPage();
      page.setDefaultTimeout(timeoutMs);
      page.setDefaultNavigationTimeout(timeoutMs * 2);
      const consoleLog = [];
      page.on('console', (m) => consoleLog.push(`[${m.type()}] ${m.text()}`));
      page.on('pageerror', (e) => consoleLog.push(`[pageerror] ${e.stack || e.message}`));
      page.on('requestfailed', (r) => consoleLog.push(`[requestfailed] ${r.url()} ${r.failure()?.errorText || ''}`));

      let n = 0;
      const shot = async (label) => {
        // A shot named dark must show the dark theme (a scheme a spec stored
        // once made every later spec's "dark" shots light).
        // The app follows an emulated OS scheme a frame or two later.
        if (/(^|-)dark(-|$)/.test(safe(label))) {
          const dark = await page
            .waitForFunction(() => document.documentElement.getAttribute('data-mantine-color-scheme') === 'dark', null, { timeout: 3000 })
            .then(() => true, () => false);
          if (!dark) throw new Error(`shot "${label}" is named dark but the page shows the ${await page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))} theme`);
        }
        // Colours that change with the theme fade (Mantine's 150 ms
        // background transitions): the shot waits for them to end.
        await page
          .waitForFunction(() => !document.getAnimations().some((x) => x instanceof CSSTransition && x.playState === 'running'), null, { timeout: 2000 })
          .catch(() => {});
        n++;
        const path = join(artifacts, `${stem}-${String(n).padStart(2, '0')}-${safe(label)}.png`);
        await page.screenshot({ path, fullPage: false });
        return path;
      };

      const started = Date.now();
      console.log(`▶ ${file} — ${title}`);
      try {
        await mod.default({ page, baseURL, env: process.env, shot });
        passed++;
        const ms = Date.now() - started;
        results.push({ file, title, ok: true, ms });
        console.log(`✓ ${file} (${ms} ms)`);
      } catch (err) {
        failed++;
        const ms = Date.now() - started;
        results.push({ file, title, ok: false, ms, err: String(err?.message || err) });
        console.log(`✗ ${file} (${ms} ms): ${err?.stack || err}`);
        try {
          await page.screenshot({ path: join(artifacts, `${stem}-FAILED.png`), fullPage: true });
        } catch (e) {
          console.log(`  (no failure screenshot: ${e.message})`);
        }
        writeFileSync(join(artifacts, `${stem}-FAILED-console.log`), consoleLog.join('\n') + '\n');
        if (consoleLog.length) {
          console.log('  browser console (last 30 lines):');
          for (const line of consoleLog.slice(-30)) console.log(`    ${line}`);
        }
      } finally {
        // The next spec starts with the app's default theme (follow the OS).
        await page.evaluate(() => localStorage.removeItem('rsmate-color-scheme')).catch(() => {});
        await page.close().catch(() => {});
      }
    }
  } finally {
    await context.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  }

  console.log('');
  for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.file}  ${r.title}${r.ok ? '' : ` — ${r.err}`}`);
  console.log(`artifacts: ${artifacts}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((err) => {
  console.error(err?.stack || err);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
