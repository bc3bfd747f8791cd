// Insight end to end on the Local sandbox (backend/sandbox/seed.sql): who can
// access a table (through roles, superuser), filtered by privilege and
// exported as CSV through the save dialog; the database's grants exported as
// a SQL script; a user's access across the whole database walked by keyboard
// with the path panel following; and the History tab reverting an apply
// through the pending changes tray, checked with psql.
// The app runs with RSMATE_FAKE_DIALOGS=1: confirmations answer yes and every
// save dialog returns RSMATE_FAKE_SAVE_FILE.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { openSandbox } from '../sessions.mjs';

export const name = 'insight: who can access, whole-database access by keyboard, exports, history and revert';

const fail = (msg) => {
  throw new Error(msg);
};

function need(env, key) {
  return env[key] || fail(`${key} is not set`);
}

/** Runs an export from a section's Export menu and returns what was saved. */
async function exportFrom(page, region, item, savePath) {
  rmSync(savePath, { force: true });
  await region.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: item }).click();
  for (let i = 0; i < 60 && !existsSync(savePath); i++) await page.waitForTimeout(250);
  if (!existsSync(savePath)) fail(`"${item}" saved nothing to ${savePath}`);
  await page.getByText(savePath).first().waitFor(); // the notification names the file
  return readFileSync(savePath, 'utf8');
}

async function both(page, shot, label) {
  await page.waitForTimeout(300);
  await shot(label);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(300);
  await shot(`${label}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

export default async function ({ page, baseURL, env, shot }) {
  const savePath = need(env, 'RSMATE_FAKE_SAVE_FILE');
  const pg = { host: need(env, 'E2E_PG_HOST'), port: need(env, 'E2E_PG_PORT'), user: need(env, 'E2E_PG_USER'), password: need(env, 'E2E_PG_PASSWORD') };
  const psql = (sql) =>
    execFileSync('psql', ['-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', pg.host, '-p', String(pg.port), '-U', pg.user, '-d', 'analytics', '-c', sql], {
      env: { ...process.env, PGPASSWORD: pg.password },
      encoding: 'utf8',
      timeout: 30000,
    }).trim();
  await openSandbox(page, baseURL, 'analytics');

  // ── Who can access sales.orders: UPDATE through sales_ops, superusers too.
  await page.getByRole('tab', { name: /^Objects/ }).click();
  const tree = page.getByRole('listbox', { name: 'Object tree' });
  await tree.getByRole('option', { name: 'sales', exact: true }).click();
  await page.getByRole('heading', { name: 'sales', exact: true }).waitFor();
  await tree.getByRole('option', { name: 'orders', exact: true }).click();
  await page.getByRole('heading', { name: 'sales.orders' }).waitFor();
  const who = page.getByRole('region', { name: 'Who can access' });
  const holders = who.getByRole('listbox', { name: 'Who can access' });
  await holders.waitFor({ timeout: 30000 });
  await who.getByRole('combobox', { name: 'Privilege' }).click();
  await page.getByRole('option', { name: 'UPDATE', exact: true }).click();
  await who.getByRole('textbox', { name: 'Filter principals' }).fill('george');
  const george = holders.getByRole('option', { name: /^george\.lopez: inherited; UPDATE; george\.lopez → sales_ops$/ });
  await george.waitFor();
  await who.getByRole('textbox', { name: 'Filter principals' }).fill('');
  await holders.getByRole('option', { name: /^priya\.raman: superuser/ }).waitFor();
  await who.scrollIntoViewIfNeeded();
  await both(page, shot, 'who-can-access-orders-update');

  const csv = await exportFrom(page, who, 'Who can access (UPDATE) as CSV', savePath);
  if (!csv.startsWith('object,principal_kind,principal,privilege')) fail(`who-can-access CSV header: ${csv.slice(0, 80)}`);
  if (!csv.includes('table sales.orders,user,george.lopez,UPDATE,,inherited,false,user george.lopez > role sales_ops,')) fail(`CSV lacks george.lopez's path:\n${csv}`);
  if (/,SELECT,/.test(csv)) fail('the UPDATE export carries other privileges');

  // ── The database's grants as a replayable SQL script.
  await tree.getByRole('option', { name: 'Database analytics', exact: true }).click();
  await page.getByRole('heading', { name: 'analytics', exact: true }).waitFor();
  const dbWho = page.getByRole('region', { name: 'Who can access' });
  await dbWho.getByRole('listbox', { name: 'Who can access' }).waitFor({ timeout: 30000 });
  await dbWho.scrollIntoViewIfNeeded();
  await both(page, shot, 'who-can-access-database');
  const script = await exportFrom(page, dbWho, 'Grants of the database as SQL script', savePath);
  if (!/^BEGIN;$/m.test(script) || !script.trimEnd().endsWith('COMMIT;')) fail(`the script is not one transaction:\n${script.slice(0, 400)}`);
  if (!/GRANT SELECT, UPDATE ON TABLE "sales"\."customers", "sales"\."orders" TO "sales_ops";/.test(script)) fail(`the script lacks sales_ops' grants:\n${script}`);
  if (!script.includes('GRANT SELECT ON TABLE "sales"."customers", "sales"."orders" TO "bi_developer" WITH GRANT OPTION;')) fail('the script lacks the grant option of bi_developer');

  // ── julia.rossi's access across the whole database, by keyboard.
  await page.getByRole('tab', { name: /^Users/ }).click();
  await page.getByLabel('Search users').fill('julia');
  await page.getByRole('listbox', { name: 'Users' }).getByRole('option', { name: 'julia.rossi' }).click();
  await page.getByRole('heading', { name: 'julia.rossi' }).waitFor();
  await page.getByRole('tab', { name: 'Whole database' }).click();
  const access = page.getByRole('listbox', { name: 'Access across the database' });
  await access.waitFor({ timeout: 30000 });
  await page.getByRole('textbox', { name: 'Filter objects' }).fill('finance_analyst');
  const why = page.getByRole('region', { name: 'Why' });
  await access.focus();
  await page.keyboard.press('ArrowDown');
  const first = await why.locator('[data-why]').getAttribute('data-why');
  const firstText = await why.innerText();
  if (!/julia\.rossi[\s\S]*finance_analyst/.test(firstText)) fail(`the path panel after ArrowDown reads ${JSON.stringify(firstText)}`);
  await page.keyboard.press('ArrowDown');
  const second = await why.locator('[data-why]').getAttribute('data-why');
  if (!second || second === first) fail('the path panel did not follow the keyboard to the next row');
  await both(page, shot, 'whole-database-julia-keyboard');

  // ── History and revert: an apply (made through the bound services), found by
  // principal in the History tab, reverted through the pending changes tray.
  const planId = await page.evaluate(async () => {
    const sessions = await window.go.app.SessionsService.List();
    const sid = sessions.find((s) => s.profileName === 'Local sandbox').id;
    const plan = await window.go.app.ChangesService.Preview(sid, [
      {
        kind: 'grant_privileges',
        privilege: { privileges: ['INSERT'], target: 'objects', objects: [{ kind: 'table', schema: 'sales', name: 'invoices' }], grantee: { kind: 'user', name: 'julia.rossi' } },
      },
    ]);
    const r = await window.go.app.ChangesService.Apply(plan.id);
    if (!r.applied) throw new Error(`setup apply: ${JSON.stringify(r)}`);
    return plan.id;
  });
  if (psql(`SELECT has_table_privilege('julia.rossi', 'sales.invoices', 'INSERT')`) !== 't') fail('the setup grant did not apply');
  await page.getByRole('tab', { name: /^History/ }).click();
  await page.getByRole('textbox', { name: 'Principal' }).fill('julia.rossi');
  const card = page.locator(`[data-plan="${planId}"]`);
  await card.waitFor({ timeout: 15000 });
  const cardText = await card.innerText();
  if (!cardText.includes('GRANT INSERT ON TABLE "sales"."invoices" TO "julia.rossi"')) fail(`the history card lacks the statement:\n${cardText}`);
  await both(page, shot, 'history-julia');
  await card.getByRole('button', { name: 'Revert' }).click();
  await page.getByText('Queued 1 change to undo this apply').waitFor();
  const tray = page.getByRole('dialog', { name: /Pending changes|Review SQL|Apply result/ });
  await page.getByRole('button', { name: /^Pending changes/ }).click();
  await tray.waitFor();
  await tray.getByRole('button', { name: 'Review SQL' }).click();
  const statements = tray.getByRole('list', { name: 'SQL statements' });
  await statements.waitFor();
  const sql = await statements.innerText();
  if (!sql.includes('REVOKE INSERT ON TABLE "sales"."invoices" FROM "julia.rossi"')) fail(`the revert preview reads:\n${sql}`);
  await both(page, shot, 'revert-preview');
  await tray.getByRole('button', { name: /^Apply \d+ statements?$/ }).click();
  await tray.getByText('Apply result').waitFor({ timeout: 30000 });
  if (psql(`SELECT has_table_privilege('julia.rossi', 'sales.invoices', 'INSERT')`) !== 'f') fail('the revert did not remove INSERT');
}
