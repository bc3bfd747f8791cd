// Browsing the access model end to end on the seeded sandbox (backend/sandbox/seed.sql):
// connect, find a user, read its roles and privileges, walk to a nested role,
// open a table in the object browser and read its grantees, switch database.
export const name = 'catalog: users, roles, effective access and the object browser on the sandbox';

const fail = (msg) => {
  throw new Error(msg);
};

async function texts(locator) {
  return (await locator.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

export default async function ({ page, baseURL, shot }) {
  await page.goto(baseURL, { waitUntil: 'domcontentloaded' });
  const sandbox = page.getByRole('listbox', { name: 'Saved connections' }).getByRole('option', { name: 'Local sandbox' });
  await sandbox.waitFor();

  // Connect (or reuse a sandbox session an earlier spec left open).
  const usersTab = page.getByRole('tab', { name: /^Users/ });
  if (!(await usersTab.isVisible())) {
    await sandbox.hover();
    await sandbox.getByRole('button', { name: 'Connect to Local sandbox' }).click();
  }
  await usersTab.waitFor({ timeout: 30000 });
  const status = page.getByRole('status', { name: 'Connection status' });
  const db = page.getByRole('combobox', { name: 'Database' });
  // A session left open by an earlier run may sit on another database.
  if ((await db.inputValue()) !== 'analytics') {
    await db.click();
    await page.getByRole('option', { name: 'analytics', exact: true }).click();
    await status.getByText(/\/analytics$/).waitFor({ timeout: 30000 });
  }
  const info = page.getByLabel('Catalog load info');
  await info.waitFor({ timeout: 30000 });
  const infoText = await info.innerText();
  if (!/^Loaded [\d,]+ objects and [\d,]+ grants( in [\d.]+ m?s)? with \d+ quer(y|ies)/.test(infoText)) fail(`load info reads ${JSON.stringify(infoText)}`);
  await shot('connected-overview');
  // The sandbox is PostgreSQL: no Groups tab, and the overview says why.
  if (await page.getByRole('tab', { name: /^Groups/ }).count()) fail('a PostgreSQL session shows a Groups tab');
  const noGroups = await page.getByRole('note', { name: 'No groups on this engine' }).innerText();
  if (!/PostgreSQL has no groups — use roles/.test(noGroups)) fail(`the no-groups note reads ${JSON.stringify(noGroups)}`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot('connected-overview-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  const counts = await page.getByLabel('Catalog counts').innerText();
  if (!/\b1[3-9]\b[\s\S]*roles/.test(counts)) fail(`overview counts lack the 13 seeded roles: ${JSON.stringify(counts)}`);

  // ── Users: search, open, memberships and privileges.
  await usersTab.click();
  const users = page.getByRole('listbox', { name: 'Users' });
  await users.waitFor();
  const countLabel = page.getByLabel('Users count');
  const total = Number((await countLabel.innerText()).match(/^([\d,]+) users$/)?.[1]?.replace(/,/g, '') ?? NaN);
  if (!(total >= 41)) fail(`users count reads ${JSON.stringify(await countLabel.innerText())}, want at least the 41 seeded logins`);
  // 44 seeded logins are there; the list is virtualised, so search rather than scroll.
  await page.getByLabel('Search users').fill('julia');
  await page.waitForFunction((n) => document.querySelector('[aria-label="Users count"]')?.textContent === `1 of ${n.toLocaleString('en-US')} users`, total);
  await shot('users-search-julia');
  await users.getByRole('option', { name: 'julia.rossi' }).click();
  await page.getByRole('heading', { name: 'julia.rossi' }).waitFor();
  const memberOf = page.getByRole('region', { name: 'Member of' });
  if (!(await memberOf.getByRole('button', { name: /finance_analyst/ }).isVisible())) fail('julia.rossi is not shown as a member of finance_analyst');
  const inherits = page.getByRole('region', { name: 'Inherits from' });
  const path = await inherits.getByLabel('Path to reader').innerText();
  if (!/julia\.rossi[\s\S]*finance_analyst[\s\S]*analyst[\s\S]*reader/.test(path)) fail(`the path to reader reads ${JSON.stringify(path)}`);
  await shot('user-julia-overview');

  await page.getByRole('tab', { name: /^Privileges/ }).click();
  const privs = page.getByRole('list', { name: 'Privileges of julia.rossi' });
  await privs.waitFor();
  const rows = await texts(privs.getByRole('listitem'));
  if (!rows.some((r) => r.startsWith('finance'))) fail(`no finance group among ${JSON.stringify(rows)}`);
  const salaries = rows.find((r) => r.startsWith('salaries'));
  if (!salaries || !salaries.includes('SELECT (department, id, name)') || !salaries.includes('UPDATE (bonus)'))
    fail(`julia.rossi's column grants on finance.salaries read ${JSON.stringify(salaries)}`);
  await shot('user-julia-privileges');

  await page.getByRole('tab', { name: /^Effective access/ }).click();
  await page.getByRole('combobox', { name: 'Schema' }).waitFor();
  if ((await page.getByRole('combobox', { name: 'Schema' }).inputValue()) !== 'finance') {
    await page.getByRole('combobox', { name: 'Schema' }).click();
    await page.getByRole('option', { name: 'finance', exact: true }).click();
  }
  const eff = page.getByRole('list', { name: 'Effective access of julia.rossi' });
  await eff.waitFor();
  const accounts = eff.getByRole('listitem').filter({ hasText: 'accounts' });
  const select = accounts.locator('[data-privilege="SELECT"]').first();
  await select.waitFor();
  const title = (await select.getAttribute('title')) || '';
  if ((await select.getAttribute('data-inherited')) === null || !title.includes('julia.rossi → finance_analyst'))
    fail(`SELECT on finance.accounts should be inherited through finance_analyst; badge title ${JSON.stringify(title)}`);
  await shot('user-julia-effective');

  // ── Access PostgreSQL grants outside the ACLs, and what SET ROLE unlocks.
  const effectiveOf = async (user, schema) => {
    await page.getByLabel('Search users').fill(user);
    await users.getByRole('option', { name: user, exact: true }).click();
    await page.getByRole('heading', { name: user, exact: true }).waitFor();
    await page.getByRole('tab', { name: /^Effective access/ }).click();
    const picker = page.getByRole('combobox', { name: 'Schema' });
    await picker.waitFor();
    if ((await picker.inputValue()) !== schema) {
      await picker.click();
      await page.getByRole('option', { name: schema, exact: true }).click();
    }
    const list = page.getByRole('list', { name: `Effective access of ${user}` });
    await list.waitFor();
    return list;
  };
  const rowOf = (list, label) => list.getByRole('listitem').filter({ has: page.getByText(label, { exact: true }) });

  // ops.oncall does not inherit platform_admin (NOINHERIT before PostgreSQL 16,
  // WITH INHERIT FALSE from 16): platform_admin's table is one SET ROLE away.
  const oncall = await effectiveOf('ops.oncall', 'finance');
  const payroll = rowOf(oncall, 'payroll_runs');
  await payroll.locator('[data-set-role-label="platform_admin"]').waitFor();
  const later = payroll.locator('[data-privilege="SELECT"][data-set-role="platform_admin"]');
  if ((await later.count()) !== 1) fail('ops.oncall should reach SELECT on finance.payroll_runs after SET ROLE platform_admin');
  if (!((await later.getAttribute('title')) || '').includes('after SET ROLE platform_admin')) fail('the SET ROLE badge does not name the role to set');
  if ((await payroll.locator('[data-privilege]:not([data-set-role])').count()) !== 0) fail('ops.oncall holds something on payroll_runs in its login session');
  await shot('user-oncall-effective-set-role');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot('user-oncall-effective-set-role-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByText('Login session', { exact: true }).click(); // the radio input itself is hidden
  if ((await oncall.locator('[data-set-role]').count()) !== 0) fail('the "Login session" filter still shows SET ROLE badges');
  await page.getByText('+ after SET ROLE', { exact: true }).click();

  // dwh_readonly reads everything through pg_read_all_data: no ACL names it.
  const readonly = await effectiveOf('dwh_readonly', 'finance');
  const salariesRead = rowOf(readonly, 'salaries').locator('[data-privilege="SELECT"]');
  await salariesRead.waitFor();
  if (!((await salariesRead.getAttribute('title')) || '').includes('member of pg_read_all_data')) fail('SELECT on salaries should say "member of pg_read_all_data"');
  if (!(await page.getByLabel('Implicit access').innerText()).includes('member of pg_read_all_data')) fail('the panel does not say the access comes from pg_read_all_data');
  await shot('user-dwh-readonly-effective');

  // analytics_owner owns the database, hence pg_database_owner, which owns public.
  const owner = await effectiveOf('analytics_owner', 'public');
  const create = rowOf(owner, 'public (the schema)').locator('[data-privilege="CREATE"]');
  await create.waitFor();
  if (!((await create.getAttribute('title')) || '').includes('owner of the database, hence pg_database_owner')) fail('CREATE on public should come from pg_database_owner');
  await shot('user-analytics-owner-effective');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot('user-analytics-owner-effective-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('tab', { name: /^Overview/ }).nth(1).click(); // the detail's own Overview
  const ownerPath = page.getByRole('region', { name: 'Inherits from' }).getByLabel('Path to pg_database_owner');
  if (!(await ownerPath.innerText()).includes('owner of the database, hence pg_database_owner')) fail('Inherits from does not explain pg_database_owner');
  await shot('user-analytics-owner-overview');

  // ── Roles: a nested role and its chain.
  await page.getByRole('tab', { name: /^Overview/ }).nth(1).click(); // the detail's own Overview
  await page.getByRole('tab', { name: /^Roles/ }).click();
  const roles = page.getByRole('listbox', { name: 'Roles' });
  await roles.waitFor();
  await page.getByLabel('Search roles').fill('data_eng');
  await roles.getByRole('option', { name: 'data_engineer' }).click();
  await page.getByRole('heading', { name: 'data_engineer' }).waitFor();
  const members = page.getByRole('region', { name: 'Members' });
  const memberRows = await texts(members.locator('[data-principal]'));
  for (const who of ['platform_admin', 'omar.aziz', 'dbt_runner', 'farah.haddad']) {
    if (!memberRows.some((r) => r.startsWith(who))) fail(`data_engineer's members lack ${who}: ${JSON.stringify(memberRows)}`);
  }
  if (!memberRows.find((r) => r.startsWith('platform_admin'))?.includes('admin option')) fail('platform_admin holds data_engineer WITH ADMIN OPTION, not shown');
  await shot('role-data-engineer');
  // writer is the role data_engineer belongs to: follow the link.
  await page.getByRole('region', { name: 'Member of' }).getByRole('button', { name: /writer/ }).click();
  await page.getByRole('heading', { name: 'writer', exact: true }).waitFor();
  if (!(await page.getByRole('region', { name: 'Member of' }).getByRole('button', { name: /reader/ }).isVisible())) fail('writer should be a member of reader');
  const writerMembers = await texts(page.getByRole('region', { name: 'Members' }).locator('[data-principal]'));
  for (const who of ['data_engineer', 'etl_loader', 'fivetran_svc', 'airflow_svc']) {
    if (!writerMembers.some((r) => r.startsWith(who))) fail(`writer's members lack ${who}: ${JSON.stringify(writerMembers)}`);
  }
  await shot('role-writer-nested');

  // ── Objects: sales → orders and its grantees.
  await page.getByRole('tab', { name: /^Objects/ }).click();
  const tree = page.getByRole('listbox', { name: 'Object tree' });
  await tree.waitFor();
  await shot('objects-database');
  await tree.getByRole('option', { name: 'sales', exact: true }).click();
  await page.getByRole('heading', { name: 'sales', exact: true }).waitFor();
  await shot('objects-schema-sales');
  await tree.getByRole('option', { name: 'orders', exact: true }).click();
  await page.getByRole('heading', { name: 'sales.orders' }).waitFor();
  const grants = page.getByRole('table', { name: 'Grants on this table' });
  await grants.waitFor();
  const want = { reader: ['SELECT'], writer: ['INSERT', 'UPDATE', 'DELETE'], sales_ops: ['SELECT', 'UPDATE'], bi_developer: ['SELECT'] };
  for (const [grantee, privileges] of Object.entries(want)) {
    const row = grants.locator(`tr[data-grantee="${grantee}"]`);
    if ((await row.count()) !== 1) fail(`sales.orders has no grant row for ${grantee}`);
    const got = await row.locator('[data-privilege]').evaluateAll((els) => els.map((e) => e.getAttribute('data-privilege')));
    if (JSON.stringify(got) !== JSON.stringify(privileges)) fail(`${grantee} on sales.orders holds ${JSON.stringify(got)}, want ${JSON.stringify(privileges)}`);
  }
  if ((await grants.locator('tr[data-grantee="bi_developer"] [data-grant-option]').count()) !== 1) fail('bi_developer holds SELECT on sales.orders WITH GRANT OPTION, not shown');
  await page.getByRole('table', { name: 'Columns' }).waitFor();
  await shot('objects-table-orders');

  // ── Switch database and back: the status bar follows.
  await db.click();
  await page.getByRole('option', { name: 'postgres', exact: true }).click();
  await status.getByText(/\/postgres$/).waitFor({ timeout: 30000 });
  const selected = await page.getByRole('tab', { selected: true }).allInnerTexts();
  if (!selected.some((t) => t.startsWith('Objects'))) fail(`switching database left the Objects tab: selected tabs ${JSON.stringify(selected)}`);
  await page.getByRole('heading', { name: 'postgres', exact: true }).waitFor();
  await shot('switched-to-postgres');
  await db.click();
  await page.getByRole('option', { name: 'analytics', exact: true }).click();
  await status.getByText(/\/analytics$/).waitFor({ timeout: 30000 });
  await tree.getByRole('option', { name: 'sales', exact: true }).waitFor();
  await shot('back-on-analytics');
}
