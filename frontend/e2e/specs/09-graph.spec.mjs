// The role hierarchy as a graph on the seeded sandbox (backend/sandbox/seed.sql):
// every role drawn with users as counts, then the picture around julia.rossi
// opened from her page (finance_analyst → analyst → reader), light and dark;
// then the dependencies of sales.orders as a graph (a view over a view
// included; nodes and edges by their names, opened by keyboard) and as a list.
import { openSandbox } from '../sessions.mjs';

export const name = 'role graph and relation dependencies';

const fail = (msg) => {
  throw new Error(msg);
};

export default async function ({ page, baseURL, shot }) {
  await openSandbox(page, baseURL);
  const usersTab = page.getByRole('tab', { name: /^Users/ });

  // The whole hierarchy: roles only, users folded into counts.
  await page.getByRole('tab', { name: /^Graph/ }).click();
  const flow = page.getByLabel('Role hierarchy');
  await flow.waitFor({ timeout: 30000 });
  const node = (name) => flow.locator('.react-flow__node').filter({ has: page.locator(`span:text-is("${name}")`) });
  await node('finance_analyst').waitFor({ timeout: 30000 });
  if (await node('julia.rossi').count()) fail('the whole hierarchy draws a user; users should be counts there');
  const nodes = await flow.locator('.react-flow__node').count();
  if (nodes < 13) fail(`the whole hierarchy draws ${nodes} nodes, want at least the 13 seeded roles`);
  const edges = await flow.locator('.react-flow__edge').count();
  if (edges < 4) fail(`only ${edges} role-to-role memberships drawn`);
  const finance = await node('finance_analyst').innerText();
  if (!/\b3\b/.test(finance)) fail(`finance_analyst should count its 3 direct users, reads ${JSON.stringify(finance)}`);
  await page.emulateMedia({ colorScheme: 'light' });
  await shot('whole-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot('whole-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Around one user, from the user's page.
  await usersTab.click();
  await page.getByLabel('Search users').fill('julia');
  await page.getByRole('listbox', { name: 'Users' }).getByRole('option', { name: 'julia.rossi' }).click();
  await page.getByRole('heading', { name: 'julia.rossi' }).waitFor();
  await page.getByRole('button', { name: 'Show in the role graph' }).click();
  await page.getByText('Around user').waitFor();
  for (const n of ['julia.rossi', 'finance_analyst', 'analyst', 'reader']) await node(n).waitFor({ timeout: 30000 });
  const focused = await flow.locator('[data-focus]').innerText();
  if (!focused.includes('julia.rossi')) fail(`the focused node reads ${JSON.stringify(focused)}`);
  // Nothing unrelated: marketing_analyst is a sibling, not on julia's way up.
  if (await node('marketing_analyst').count()) fail('marketing_analyst is drawn around julia.rossi');
  await shot('around-julia-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot('around-julia-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Clicking a role re-centres on it.
  await node('analyst').click();
  await page.getByText('Around role').waitFor();
  await node('marketing_analyst').waitFor({ timeout: 30000 });
  await shot('around-analyst');
  await page.getByRole('button', { name: 'Show every role and group' }).click();
  await page.getByText('Every role and group').waitFor();

  // ── Dependencies of a table: the views built on sales.orders, at any depth.
  await page.getByRole('tab', { name: /^Objects/ }).click();
  const tree = page.getByRole('listbox', { name: 'Object tree' });
  await tree.waitFor();
  const sales = tree.getByRole('option', { name: 'sales', exact: true });
  if ((await tree.getByRole('option', { name: 'orders', exact: true }).count()) === 0) await sales.click();
  await tree.getByRole('option', { name: 'orders', exact: true }).click();
  await page.getByRole('heading', { name: 'sales.orders' }).waitFor();
  // As a graph by default: the table in the middle, the views built on it
  // (at any depth) to its right, each node a button named for its kind,
  // owner and readers; each edge an image named "X is built on Y".
  const deps = page.getByRole('region', { name: 'Dependencies' });
  const depGraph = deps.getByRole('application', { name: 'Dependency graph' });
  await depGraph.waitFor({ timeout: 30000 });
  const relNode = (label) => depGraph.getByRole('button', { name: label });
  const root = relNode(/^table sales\.orders, this relation, owner \S+, \d+ principals can read it$/);
  await root.waitFor({ timeout: 30000 });
  const summary = relNode(/^view sales\.v_order_summary, built on it, owner \S+, \d+ principals? can read it$/);
  const daily = relNode(/^materialized view sales\.mv_daily_revenue, built on it, owner \S+, \d+ principals can read it$/);
  const byRegion = relNode(/^view Reporting Area\.Revenue by Region, built on it, owner bi_developer, everyone can read it \(PUBLIC\)$/);
  for (const n of [summary, daily, byRegion]) await n.waitFor();
  // The count is the who-can-access answer for SELECT: at least the superusers, the owner and reader.
  const count = async (n) => Number(/(\d+) principals? can read it/.exec(await n.getAttribute('aria-label'))[1]);
  if ((await count(root)) < 3) fail(`sales.orders counts ${await count(root)} readers`);
  if (!(await root.innerText()).includes(String(await count(root)))) fail('the table node does not show its reader count');
  for (const e of ['sales.v_order_summary is built on sales.orders', 'sales.mv_daily_revenue is built on sales.orders', 'Reporting Area.Revenue by Region is built on sales.v_order_summary'])
    await depGraph.getByRole('img', { name: e }).waitFor({ state: 'attached' }); // a straight edge has no height: "hidden" to Playwright
  if ((await depGraph.locator('.react-flow__edge').count()) !== 3) fail('the graph around sales.orders should draw exactly 3 edges');
  const box = async (n) => (await n.boundingBox()) ?? fail('node not drawn');
  const [rootBox, summaryBox, regionBox] = [await box(root), await box(summary), await box(byRegion)];
  if (!(rootBox.x < summaryBox.x && summaryBox.x < regionBox.x)) fail(`not laid out left to right: orders ${rootBox.x}, v_order_summary ${summaryBox.x}, Revenue by Region ${regionBox.x}`);
  await deps.getByText(/A view reads what it is built on with its owner’s privileges/).waitFor();
  await deps.scrollIntoViewIfNeeded();
  await shot('dependencies-orders-graph-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot('dependencies-orders-graph-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // By keyboard: Tab from the table's node reaches the views; Enter opens one.
  await root.focus();
  let reached = '';
  for (let i = 0; i < 6 && !reached.startsWith('view sales.v_order_summary'); i++) {
    await page.keyboard.press('Tab');
    reached = (await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) ?? '';
  }
  if (!reached.startsWith('view sales.v_order_summary')) fail(`Tab never reached the v_order_summary node (last: ${reached})`);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'sales.v_order_summary' }).waitFor();
  // Around the view: the tables it reads on one side, the view built on it on the other.
  await relNode(/^view sales\.v_order_summary, this relation/).waitFor({ timeout: 30000 });
  const customers = relNode(/^table sales\.customers, it is built from this/);
  await customers.waitFor();
  await relNode(/^table sales\.regions, it is built from this/).waitFor();
  const [custBox, viewBox, upBox] = [await box(customers), await box(relNode(/^view sales\.v_order_summary, this relation/)), await box(relNode(/^view Reporting Area\.Revenue by Region, built on it/))];
  if (!(custBox.x < viewBox.x && viewBox.x < upBox.x)) fail(`around v_order_summary: customers ${custBox.x}, the view ${viewBox.x}, Revenue by Region ${upBox.x}; want left to right`);
  await page.getByRole('region', { name: 'Dependencies' }).scrollIntoViewIfNeeded();
  await shot('dependencies-v_order_summary-graph');

  // The list stays as the accessible alternative, with the same facts.
  await tree.getByRole('option', { name: 'orders', exact: true }).click();
  await page.getByRole('heading', { name: 'sales.orders' }).waitFor();
  await deps.scrollIntoViewIfNeeded();
  await deps.getByText('List', { exact: true }).click();
  const builtOn = page.getByRole('list', { name: 'Built on it' });
  await builtOn.waitFor({ timeout: 30000 });
  const views = (await builtOn.getByRole('listitem').allInnerTexts()).map((t) => t.trim());
  for (const v of ['sales.v_order_summary', 'sales.mv_daily_revenue', 'Reporting Area.Revenue by Region'])
    if (!views.some((t) => t.startsWith(v))) fail(`views built on sales.orders: ${JSON.stringify(views)}, missing ${v}`);
  if (!views.some((t) => t.startsWith('Reporting Area.Revenue by Region') && t.includes('everyone (PUBLIC) can read it'))) fail(`the list does not say PUBLIC reads Revenue by Region: ${JSON.stringify(views)}`);
  await deps.scrollIntoViewIfNeeded();
  await shot('dependencies-orders-list');
  await deps.getByText('Graph', { exact: true }).click();
  await depGraph.waitFor();

  // ── Objects created later in raw by etl_loader: its default privileges give
  // reader SELECT and fivetran_svc INSERT, UPDATE, DELETE (backend/sandbox/seed.sql).
  await tree.getByRole('option', { name: 'raw', exact: true }).click();
  await page.getByRole('heading', { name: 'raw', exact: true }).waitFor();
  const later = page.getByRole('region', { name: 'Objects created later' });
  await later.scrollIntoViewIfNeeded();
  await later.getByRole('combobox', { name: 'Created by' }).fill('etl_loader');
  await page.getByRole('option', { name: 'etl_loader (user)' }).click();
  const gets = later.getByRole('table', { name: 'What a new object gets' });
  await gets.waitFor({ timeout: 30000 });
  const getsText = (await gets.innerText()).replace(/\s+/g, ' ');
  for (const w of ['etl_loader', 'owns what it creates', 'reader', 'fivetran_svc', 'default privilege set by etl_loader in schema raw'])
    if (!getsText.includes(w)) fail(`what a new table in raw gets lacks ${w}: ${getsText}`);
  if (getsText.includes('MAINTAIN')) fail('MAINTAIN offered on a server before PostgreSQL 17');
  await later.scrollIntoViewIfNeeded();
  await shot('future-objects-raw');

  // ── A whole-schema grant can extend to tables created later (the default privilege offer).
  await page.getByRole('tab', { name: /^Roles/ }).click();
  await page.getByLabel('Search roles').fill('reader');
  await page.getByRole('listbox', { name: 'Roles' }).getByRole('option', { name: /^reader/ }).first().click();
  await page.getByRole('heading', { name: 'reader', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Privileges', exact: true }).click();
  const editor = page.getByRole('dialog', { name: /Privileges of role reader/ });
  await editor.waitFor();
  await editor.getByRole('button', { name: 'Whole schema…' }).click();
  const whole = page.getByLabel('Whole schema');
  await whole.getByRole('checkbox', { name: /^Also tables created later by/ }).check();
  const creator = whole.getByRole('combobox', { name: 'Created later by' });
  await creator.waitFor();
  if (!(await creator.inputValue())) fail('no creator offered for tables created later');
  await whole.getByText(/default/i).first().waitFor();
  await shot('whole-schema-later-offer');
  await whole.getByRole('button', { name: 'Cancel' }).click();
  await page.keyboard.press('Escape');
  await page.getByLabel('Search roles').fill('');

  // ── Compare two users and queue "make B like A" (then discard it: nothing is applied here).
  await page.getByRole('tab', { name: /^Users/ }).click();
  await page.getByLabel('Search users').fill('julia');
  await page.getByRole('listbox', { name: 'Users' }).getByRole('option', { name: 'julia.rossi' }).click();
  await page.getByRole('heading', { name: 'julia.rossi' }).waitFor();
  await page.getByRole('button', { name: 'More actions for julia.rossi' }).click();
  await page.getByRole('menuitem', { name: 'Compare with…' }).click();
  const cmp = page.getByRole('dialog', { name: /Compare julia\.rossi/ });
  await cmp.waitFor();
  await cmp.getByRole('combobox', { name: 'B' }).fill('ben.carter');
  await page.getByRole('option', { name: 'ben.carter (user)' }).click();
  const table = cmp.getByRole('table', { name: 'Comparison' });
  await table.waitFor({ timeout: 30000 });
  const differing = (await table.locator('tr[data-differs]').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  if (!differing.some((t) => t.startsWith('role finance_analyst ✓'))) fail(`julia.rossi's finance_analyst membership is not a difference: ${JSON.stringify(differing)}`);
  const make = cmp.getByRole('button', { name: /^Make ben\.carter like julia\.rossi \(\d+ changes\)$/ });
  await make.waitFor();
  await shot('compare-julia-ben');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot('compare-julia-ben-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await make.click();
  await cmp.getByText(/changes added to the pending changes/).waitFor();
  await cmp.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: /Pending changes/ }).first().click();
  const tray = page.getByRole('dialog', { name: /Pending changes/ });
  await tray.waitFor();
  if (!(await tray.getByText(/ben\.carter/).first().isVisible())) fail('the queued make-like changes do not name ben.carter');
  await tray.getByRole('button', { name: 'Discard' }).click();
  await page.getByRole('button', { name: 'Discard all' }).click();
  await page.keyboard.press('Escape');

  // ── The path behind a privilege, highlighted in the graph: from julia.rossi's
  // whole-database access, by keyboard, to the roles it comes through.
  await page.getByRole('tab', { name: 'Whole database' }).click();
  const access = page.getByRole('listbox', { name: 'Access across the database' });
  await access.waitFor({ timeout: 30000 });
  await page.getByRole('textbox', { name: 'Filter objects' }).fill('finance_analyst');
  await access.focus();
  await page.keyboard.press('ArrowDown');
  const why = page.getByRole('region', { name: 'Why' });
  await why.getByRole('button', { name: 'Show in role graph' }).first().click();
  const lit = page.getByText(/^Highlighted: julia\.rossi → finance_analyst/);
  await lit.waitFor({ timeout: 30000 });
  await node('finance_analyst').waitFor();
  const onPath = (await flow.locator('[data-path]').allInnerTexts()).map((t) => t.trim());
  if (!onPath.some((t) => t.startsWith('julia.rossi')) || !onPath.some((t) => t.startsWith('finance_analyst'))) fail(`nodes on the path: ${JSON.stringify(onPath)}`);
  await shot('path-highlighted');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot('path-highlighted-dark');
  await page.emulateMedia({ colorScheme: 'light' });
}
