// The Local sandbox opened as Redshift (emulated): a throwaway PostgreSQL with
// Redshift-shaped system views and a seeded warehouse (backend/sandbox/
// redshift_seed.sql), read by the unchanged Redshift reader. Browse groups, a
// user with syslog access and a session timeout, a role's system permissions;
// queue a change, read its Redshift SQL, and find Apply disabled with the reason.
// Then the Local sandbox as PostgreSQL: its overview says why there is no Groups
// tab. Screenshots light and dark.
import { closeAllSessions } from '../sessions.mjs';

export const name = 'emulated Redshift: groups, user attributes, system permissions, ASSUMEROLE, datashares, models, scoped permissions, Redshift SQL preview, Apply disabled; no Groups tab on PostgreSQL explained';

const fail = (msg) => {
  throw new Error(msg);
};

const REFUSAL = 'This is PostgreSQL dressed as Redshift: the statements are Redshift SQL and would not run here. Copy or save them to run on a cluster.';

export default async function ({ page, baseURL, shot }) {
  await page.goto(baseURL, { waitUntil: 'domcontentloaded' });
  await closeAllSessions(page);

  // Both shots of a state: light, then dark. The scheme is set on the page,
  // not through the OS: an earlier spec may have picked a theme in the app.
  const scheme = (s) => page.evaluate((v) => document.documentElement.setAttribute('data-mantine-color-scheme', v), s);
  const shots = async (label) => {
    await page.waitForTimeout(350); // drawers and tooltips finish moving
    await scheme('light');
    await shot(label);
    await scheme('dark');
    await shot(`${label}-dark`);
    await scheme('light');
  };

  // ── Open: the welcome screen starts the emulated sandbox and connects.
  const openEmulated = page.getByRole('button', { name: 'Open as Redshift (emulated)' });
  await openEmulated.waitFor();
  await shots('welcome');
  await openEmulated.click();
  await page.getByRole('tab', { name: /^Users/ }).waitFor({ timeout: 90000 });
  await page.getByLabel('Catalog load info').waitFor({ timeout: 30000 });
  const header = page.getByRole('heading', { name: 'Redshift (emulated)' });
  await header.waitFor();
  const main = page.locator('main');
  if ((await main.getByText('Emulated Redshift', { exact: true }).count()) === 0) fail('the workspace shows no "Emulated Redshift" badge');
  const row = page.getByRole('listbox', { name: 'Saved connections' }).getByRole('option', { name: 'Redshift (emulated)' });
  if (!(await row.innerText()).includes('Emulated Redshift')) fail('the connection row lacks the "Emulated Redshift" badge');
  const counts = await page.getByLabel('Catalog counts').innerText();
  if (!/\b5\b[\s\S]*groups/i.test(counts)) fail(`overview counts lack the 5 seeded groups: ${JSON.stringify(counts)}`);
  await page.getByText('Emulated Redshift', { exact: true }).last().waitFor();
  await shots('overview');

  // ── The overview's Redshift section: PUBLIC still holds ASSUMEROLE on ALL
  // (the lock-down warning), the datashares with their consumers, the ML models.
  const lockDown = page.getByText('Every user may assume every IAM role of the cluster');
  await lockDown.waitFor({ timeout: 30000 });
  const shares = page.getByRole('table', { name: 'Datashares' });
  await shares.waitFor();
  const shareText = await shares.innerText();
  for (const w of ['sales_share', 'partner_catalog', '123456789012']) if (!shareText.includes(w)) fail(`the datashares table lacks ${w}:\n${shareText}`);
  const models = await page.getByRole('table', { name: 'ML models' }).innerText();
  if (!models.includes('customer_churn')) fail(`the ML models table lacks customer_churn:\n${models}`);
  await lockDown.scrollIntoViewIfNeeded();
  await shots('overview-assumerole-warning');
  await shares.scrollIntoViewIfNeeded();
  await shots('overview-datashares-models');

  // ── A user's IAM roles (ASSUMEROLE for COPY and UNLOAD) and a role's scoped permissions.
  await page.getByRole('tab', { name: /^Users/ }).click();
  await page.getByLabel('Search users').fill('etl_loader');
  await page.getByRole('listbox', { name: 'Users' }).getByRole('option', { name: 'etl_loader' }).click();
  await page.getByRole('heading', { name: 'etl_loader' }).waitFor();
  await page.getByRole('tab', { name: 'IAM roles' }).click();
  const iam = page.getByRole('table', { name: 'ASSUMEROLE grants' });
  await iam.waitFor({ timeout: 30000 });
  const iamText = await iam.innerText();
  if (!iamText.includes('RedshiftCopyUnload') || !/COPY/.test(iamText) || !/UNLOAD/.test(iamText)) fail(`etl_loader's IAM roles:\n${iamText}`);
  await shots('user-etl-iam-roles');
  await page.getByRole('region', { name: /^User etl_loader/ }).getByRole('tab', { name: 'Overview', exact: true }).click();
  await page.getByLabel('Search users').fill('');

  await page.getByRole('tab', { name: /^Roles/ }).click();
  await page.getByLabel('Search roles').fill('data_engineer');
  await page.getByRole('listbox', { name: 'Roles' }).getByRole('option', { name: /^data_engineer/ }).click();
  await page.getByRole('heading', { name: 'data_engineer' }).waitFor();
  await page.getByRole('tab', { name: /^Scoped permissions/ }).click();
  const held = page.getByRole('region', { name: /^Held scoped permissions/ });
  await held.waitFor();
  const heldText = await held.innerText();
  if (!heldText.includes('FOR TABLES IN SCHEMA staging') || !heldText.includes('FOR PROCEDURES IN SCHEMA staging')) fail(`data_engineer's scoped permissions:\n${heldText}`);
  await shots('role-data-engineer-scoped');
  await page.getByRole('region', { name: /^Role data_engineer/ }).getByRole('tab', { name: 'Overview', exact: true }).click();
  await page.getByLabel('Search roles').fill('');

  // ── The object browser lists the schema's ML model.
  await page.getByRole('tab', { name: /^Objects/ }).click();
  const otree = page.getByRole('listbox', { name: 'Object tree' });
  await otree.waitFor();
  await otree.getByRole('option', { name: 'sales', exact: true }).click();
  await page.getByRole('heading', { name: 'sales', exact: true }).waitFor();
  await page.getByRole('region', { name: 'ML models' }).getByText('customer_churn').waitFor({ timeout: 30000 });
  await page.getByRole('region', { name: 'ML models' }).scrollIntoViewIfNeeded();
  await shots('objects-sales-models');

  // ── Groups: a group and its members.
  await page.getByRole('tab', { name: /^Groups/ }).click();
  const groups = page.getByRole('listbox', { name: 'Groups' });
  await groups.waitFor();
  const names = (await groups.getByRole('option').allInnerTexts()).map((t) => t.split('\n')[0].trim());
  for (const g of ['grp_analysts', 'grp_etl', 'grp_finance', 'grp_legacy_reports', 'grp_marketing'])
    if (!names.some((n) => n.startsWith(g))) fail(`group ${g} is not listed: ${JSON.stringify(names)}`);
  await groups.getByRole('option', { name: /^grp_analysts/ }).click();
  await page.getByRole('heading', { name: 'grp_analysts' }).waitFor();
  const members = page.getByRole('region', { name: /^Members/ });
  await members.waitFor();
  for (const u of ['anna.schmidt', 'ben.carter', 'daniel.kim', 'Mixed.Case User'])
    if (!(await members.getByText(u, { exact: true }).count())) fail(`grp_analysts does not list ${u}`);
  await shots('group-analysts');

  // ── A user with SYSLOG ACCESS UNRESTRICTED and a session timeout.
  await page.getByRole('tab', { name: /^Users/ }).click();
  await page.getByLabel('Search users').fill('marcus');
  await page.getByRole('listbox', { name: 'Users' }).getByRole('option', { name: 'marcus.webb' }).click();
  await page.getByRole('heading', { name: 'marcus.webb' }).waitFor();
  const facts = await page.locator('main').innerText();
  if (!/Session timeout[\s\S]{0,20}1 h \(3,600 s\)/.test(facts)) fail(`marcus.webb's page lacks the one-hour session timeout:\n${facts.slice(0, 1500)}`);
  if (!/System log access[\s\S]{0,20}unrestricted/i.test(facts)) fail('marcus.webb\'s page lacks "System log access unrestricted"');
  await shots('user-marcus');

  // ── A role's system permissions.
  await page.getByRole('tab', { name: /^Roles/ }).click();
  await page.getByLabel('Search roles').fill('platform_admin');
  await page.getByRole('listbox', { name: 'Roles' }).getByRole('option', { name: /^platform_admin/ }).click();
  await page.getByRole('heading', { name: 'platform_admin' }).waitFor();
  const system = page.getByRole('region', { name: /^System permissions/ });
  await system.waitFor();
  for (const p of ['CREATE USER', 'ALTER USER', 'DROP USER', 'CREATE ROLE', 'DROP ROLE'])
    if (!(await system.getByText(p, { exact: true }).count())) fail(`platform_admin does not show ${p}`);
  await system.scrollIntoViewIfNeeded();
  await shots('role-platform-admin');

  // ── Queue a new group with a member, read its Redshift SQL: Apply is disabled, with the reason.
  await page.getByRole('tab', { name: /^Groups/ }).click();
  await page.getByRole('button', { name: 'New group' }).click();
  const dlg = page.getByRole('dialog', { name: /New group/ });
  await dlg.getByLabel('Group name').fill('grp_data_science');
  const usersInput = dlg.getByLabel('Users', { exact: true });
  await usersInput.click();
  await usersInput.fill('elena');
  await page.getByRole('option', { name: 'elena.petrova', exact: true }).click();
  await dlg.getByLabel('Group name').click(); // closes the user picker, which covers the buttons
  await page.getByRole('option', { name: 'anna.schmidt', exact: true }).waitFor({ state: 'hidden' });
  await dlg.getByRole('button', { name: 'Add to pending changes' }).click();
  await dlg.waitFor({ state: 'hidden' });

  await page.getByRole('button', { name: /^Pending changes/ }).click();
  const tray = page.getByRole('dialog', { name: /Pending changes|Review SQL/ });
  await tray.waitFor();
  await tray.getByRole('button', { name: 'Review SQL' }).click();
  const statements = tray.getByRole('list', { name: 'SQL statements' });
  await statements.waitFor();
  const sql = await statements.innerText();
  if (!sql.includes('CREATE GROUP "grp_data_science" WITH USER "elena.petrova"')) fail(`the preview is not Redshift's CREATE GROUP:\n${sql}`);
  const apply = tray.getByRole('button', { name: /^Apply \d+ statements?$/ });
  if (!(await apply.isDisabled())) fail('Apply is enabled on the emulated Redshift');
  const note = tray.getByRole('note', { name: 'Preview only: emulated Redshift' });
  if ((await note.innerText()).replace(/\s+/g, ' ').indexOf(REFUSAL) < 0) fail(`the tray does not say why: ${JSON.stringify(await note.innerText())}`);
  if (!(await tray.getByRole('button', { name: 'Copy' }).isEnabled())) fail('Copy is disabled');
  await shots('preview-apply-disabled');

  // Leave nothing queued or open for later runs.
  await tray.getByRole('button', { name: 'Discard' }).click();
  await page.getByRole('button', { name: 'Discard all' }).click();
  await page.keyboard.press('Escape');
  await closeAllSessions(page);

  // ── The Local sandbox as PostgreSQL: no Groups tab, and the overview says why.
  await page.getByRole('button', { name: 'Open the Local sandbox' }).click();
  const groupsNote = page.getByTestId('no-groups-note');
  await groupsNote.waitFor({ timeout: 30000 });
  if (!(await groupsNote.innerText()).includes('PostgreSQL has no groups — use roles')) fail(`the note reads ${JSON.stringify(await groupsNote.innerText())}`);
  if ((await page.getByRole('tab', { name: /^Groups/ }).count()) !== 0) fail('a PostgreSQL session shows a Groups tab');
  await shots('postgres-no-groups-note');
  await closeAllSessions(page);
}
