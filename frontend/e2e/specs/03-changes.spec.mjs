// Changes end to end on the Local sandbox: create a user with a password and
// two roles, nest one role in the other and grant it to the user, grant
// SELECT on all tables of a schema to the role (accepting the USAGE offer),
// read the SQL preview, apply, verify with psql (as the new user too) and in
// the UI; then revoke, drop the user and the roles, and verify they are gone.
// The app runs with RSMATE_FAKE_DIALOGS=1: the destructive-apply confirmation answers yes.
import { execFileSync, spawn } from 'node:child_process';

export const name = 'changes: users, roles, nesting, schema grants, SQL preview, apply, revoke, drop';

function need(env, key) {
  const v = env[key];
  if (!v) throw new Error(`${key} is not set`);
  return v;
}

function psqlAs(pg, user, password, sql) {
  return execFileSync('psql', ['-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', pg.host, '-p', String(pg.port), '-U', user, '-d', pg.database, '-c', sql], {
    env: { ...process.env, PGPASSWORD: password, PGCONNECT_TIMEOUT: '10' },
    encoding: 'utf8',
    timeout: 30000,
  }).trim();
}

function expectEqual(what, got, want) {
  if (got !== want) throw new Error(`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
}

async function pickSchema(page, dialog, schema) {
  const input = dialog.getByRole('combobox', { name: 'Schema' });
  await input.click();
  await input.fill(schema);
  // Options show the name and, dimmed, the schema's object counts.
  await page.getByRole('option').filter({ has: page.getByText(schema, { exact: true }) }).click();
}

/** Opens a role's privilege editor from the Roles tab, on one schema. */
async function openRolePrivileges(page, role, schema) {
  await page.getByRole('tab', { name: /^Roles/ }).click();
  await page.getByRole('textbox', { name: 'Search roles' }).fill(role);
  await page.getByRole('option', { name: role }).click();
  const detail = page.getByRole('region', { name: new RegExp(`${role}$`) });
  await detail.getByRole('button', { name: 'Privileges' }).click();
  const editor = page.getByRole('dialog', { name: new RegExp(`Privileges of role ${role}`) });
  await editor.waitFor();
  await pickSchema(page, editor, schema);
  return editor;
}

async function pick(page, input, optionName) {
  await input.click();
  await input.fill(optionName.replace(/ \(.*$/, ''));
  await page.getByRole('option', { name: optionName, exact: true }).click();
}

export default async function ({ page, baseURL, env, shot }) {
  const pg = {
    host: need(env, 'E2E_PG_HOST'),
    port: need(env, 'E2E_PG_PORT'),
    user: need(env, 'E2E_PG_USER'),
    password: need(env, 'E2E_PG_PASSWORD'),
    database: need(env, 'E2E_PG_DATABASE'),
  };
  const psql = (sql) => psqlAs(pg, pg.user, pg.password, sql);
  const s = Date.now().toString(36);
  const user = `e2e_user_${s}`;
  const role = `e2e_reader_${s}`;
  const team = `e2e_team_${s}`;
  const password = `E2e-Secret9-${s}`;
  const schema = 'sales';

  await page.goto(baseURL, { waitUntil: 'domcontentloaded' });
  // Use the sandbox session: open it, or switch to it when an earlier spec left it open.
  const pendingButton = page.getByRole('button', { name: /^Pending changes/ });
  const openSandbox = page.getByRole('button', { name: 'Open the Local sandbox' });
  const sessionTab = page.getByRole('tablist', { name: 'Open sessions' }).getByRole('tab', { name: /Local sandbox/ });
  await Promise.race([pendingButton.waitFor({ timeout: 30000 }), openSandbox.waitFor({ timeout: 30000 })]);
  if (await openSandbox.isVisible()) await openSandbox.click();
  else if ((await sessionTab.count()) > 0) await sessionTab.first().click();
  await pendingButton.waitFor({ timeout: 30000 });
  await page.getByRole('tab', { name: /^Users/ }).waitFor({ timeout: 30000 });
  // An earlier spec may have left the session on another database: grants are per database.
  const db = page.getByRole('combobox', { name: 'Database' });
  if ((await db.inputValue()) !== pg.database) {
    await db.click();
    await page.getByRole('option', { name: pg.database, exact: true }).click();
    for (let i = 0; i < 60 && (await db.inputValue()) !== pg.database; i++) await page.waitForTimeout(500);
    await page.getByLabel('Catalog load info').waitFor({ timeout: 30000 });
  }
  await shot('workspace');

  const tray = page.getByRole('dialog', { name: /Pending changes|Review SQL|Apply result/ });
  const openTray = async () => {
    if (!(await tray.isVisible())) await pendingButton.click();
    await tray.waitFor();
    await page.waitForTimeout(350); // let the drawer finish sliding in
  };
  const settledShot = async (label) => {
    await page.waitForTimeout(350);
    await shot(label);
  };

  // 1. Create a user with a password.
  await page.getByRole('tab', { name: /^Users/ }).click();
  await page.getByRole('button', { name: 'New user' }).click();
  const newUser = page.getByRole('dialog', { name: /New user/ });
  await newUser.getByLabel('User name').fill(user);
  await newUser.getByTestId('password-input').fill('short');
  await newUser.getByText('The password has 5 characters; at least 8 are required.').waitFor();
  await newUser.getByTestId('password-input').fill(password);
  await newUser.getByText(`Create user ${user} (password: set)`).waitFor();
  await settledShot('new-user');
  await newUser.getByRole('button', { name: 'Add to pending changes' }).click();
  await newUser.waitFor({ state: 'hidden' });

  // 2. Create two roles.
  await page.getByRole('tab', { name: /^Roles/ }).click();
  for (const r of [role, team]) {
    await page.getByRole('button', { name: 'New role' }).click();
    const dlg = page.getByRole('dialog', { name: /New role/ });
    await dlg.getByLabel('Role name').fill(r);
    await dlg.getByRole('button', { name: 'Add to pending changes' }).click();
    await dlg.waitFor({ state: 'hidden' });
  }
  const badge = await pendingButton.innerText();
  if (!badge.includes('3')) throw new Error(`the pending button should count 3 changes: ${JSON.stringify(badge)}`);

  // 3. Nest the role in the team role and grant it to the user (from the tray, before anything is applied).
  await openTray();
  await shot('tray-three-creates');
  await tray.getByRole('listitem', { name: `Create role ${role}` }).getByRole('button', { name: 'Memberships…' }).click();
  const members = page.getByRole('dialog', { name: new RegExp(`Memberships of role ${role}`) });
  await members.waitFor();
  const adder = members.getByRole('combobox', { name: 'Grant this role to a user or role…' });
  await pick(page, adder, `${team} (role, queued)`);
  await members.getByRole('button', { name: 'Add', exact: true }).last().click();
  await pick(page, adder, `${user} (user, queued)`);
  await members.getByRole('button', { name: 'Add', exact: true }).last().click();
  await members.getByText(`Grant role ${role} to role ${team}`).waitFor();
  await members.getByText(`Grant role ${role} to user ${user}`).waitFor();
  await settledShot('memberships');
  await members.getByRole('button', { name: 'Add to pending changes' }).click();
  await members.waitFor({ state: 'hidden' });

  // 4. Grant SELECT on all tables of the schema to the role, accepting the USAGE offer.
  await openTray();
  await tray.getByRole('listitem', { name: `Create role ${role}` }).getByRole('button', { name: 'Privileges…' }).click();
  const editor = page.getByRole('dialog', { name: new RegExp(`Privileges of role ${role}`) });
  await editor.waitFor();
  await pickSchema(page, editor, schema);
  await editor.getByRole('grid', { name: `Privileges on tables of ${schema}` }).waitFor();
  await editor.getByRole('button', { name: 'Whole schema…' }).click();
  const bulk = page.getByLabel('Whole schema');
  await bulk.getByText(`Grant SELECT on all tables in schema ${schema} to role ${role}`).waitFor();
  await bulk.getByRole('button', { name: 'Queue' }).click();
  const offer = editor.getByRole('alert', { name: `USAGE missing on ${schema}` });
  await offer.waitFor();
  await settledShot('usage-offer');
  await offer.getByRole('button', { name: `Add USAGE on ${schema}` }).click();
  await offer.waitFor({ state: 'detached' });
  const usageCell = editor.getByRole('checkbox', { name: `USAGE on schema ${schema}` });
  expectEqual('USAGE cell after accepting the offer', await usageCell.getAttribute('data-state'), 'grant');
  const ordersSelect = editor.getByRole('checkbox', { name: `SELECT on ${schema}.orders` });
  expectEqual('SELECT on orders after the whole-schema grant', await ordersSelect.getAttribute('data-state'), 'grant');
  await settledShot('matrix-queued');
  await editor.getByRole('button', { name: 'Done' }).click();
  await editor.waitFor({ state: 'hidden' });

  // 5. Read the SQL preview.
  await openTray();
  await tray.getByRole('button', { name: 'Review SQL' }).click();
  const statements = tray.getByRole('list', { name: 'SQL statements' });
  await statements.waitFor();
  const sql = await statements.innerText();
  for (const want of [
    `CREATE ROLE "${user}" LOGIN PASSWORD <password redacted>`,
    `CREATE ROLE "${role}" NOLOGIN`,
    `GRANT "${role}" TO "${team}"`,
    `GRANT "${role}" TO "${user}"`,
    `GRANT SELECT ON ALL TABLES IN SCHEMA "${schema}" TO "${role}"`,
    `GRANT USAGE ON SCHEMA "${schema}" TO "${role}"`,
  ]) {
    if (!sql.includes(want)) throw new Error(`the preview lacks ${JSON.stringify(want)}:\n${sql}`);
  }
  if (sql.includes(password)) throw new Error('the preview shows the clear-text password');
  if (/SCRAM-SHA-256\$/.test(sql)) throw new Error('the preview shows the password verifier');
  const pageText = await page.evaluate(() => document.body.innerText + JSON.stringify(localStorage));
  if (pageText.includes(password)) throw new Error('the password is still on the page or in storage after preview');
  await settledShot('sql-preview');

  // 6. Apply: the tray shows each statement's outcome, checked in the catalog read after COMMIT.
  await tray.getByRole('button', { name: /^Apply \d+ statements?$/ }).click();
  await tray.getByText('Apply result').waitFor({ timeout: 30000 });
  const outcomes = await tray.locator('[data-outcome]').evaluateAll((els) => els.map((e) => e.getAttribute('data-outcome')));
  if (outcomes.length === 0 || outcomes.some((o) => o !== 'ok' && o !== 'unverified')) throw new Error(`statement outcomes after apply: ${outcomes}`);
  if (!outcomes.includes('ok')) throw new Error(`no statement was checked in the catalog: ${outcomes}`);
  await settledShot('apply-result');
  await page.evaluate(() => document.documentElement.setAttribute('data-mantine-color-scheme', 'dark'));
  await settledShot('apply-result-dark');
  await page.evaluate(() => document.documentElement.setAttribute('data-mantine-color-scheme', 'light'));
  await tray.getByRole('button', { name: 'Done' }).click();
  await tray.waitFor({ state: 'hidden' });
  if ((await pendingButton.innerText()).match(/\d/)) throw new Error(`the pending set is not empty after apply: ${await pendingButton.innerText()}`);
  await shot('applied');

  // 7. Verify in the database: through the role, the user can read the schema; nesting is in place; the password works.
  expectEqual('user may SELECT sales.orders', psql(`SELECT has_table_privilege('${user}', '${schema}.orders', 'SELECT')`), 't');
  expectEqual('user may use schema sales', psql(`SELECT has_schema_privilege('${user}', '${schema}', 'USAGE')`), 't');
  expectEqual('user may not INSERT', psql(`SELECT has_table_privilege('${user}', '${schema}.orders', 'INSERT')`), 'f');
  expectEqual('role is nested in team', psql(`SELECT pg_has_role('${team}', '${role}', 'MEMBER')`), 't');
  expectEqual('user holds no direct table grant', psql(`SELECT count(*) FROM information_schema.role_table_grants WHERE grantee = '${user}'`), '0');
  expectEqual('password verifier is SCRAM', psql(`SELECT left(rolpassword, 14) FROM pg_authid WHERE rolname = '${user}'`), 'SCRAM-SHA-256$');
  expectEqual('the new user logs in with its password', psqlAs(pg, user, password, `SELECT current_user || ':' || (SELECT count(*) >= 0 FROM ${schema}.orders)`), `${user}:true`);

  // 8. Verify in the UI: the user's detail lists the role; its matrix shows SELECT as inherited.
  await page.getByRole('tab', { name: /^Users/ }).click();
  await page.getByRole('textbox', { name: 'Search users' }).fill(user);
  await page.getByRole('option', { name: user }).click();
  const detail = page.getByRole('region', { name: new RegExp(`${user}$`) });
  await detail.getByText(role).first().waitFor();
  await shot('user-detail');
  await detail.getByRole('button', { name: 'Privileges' }).click();
  const userEditor = page.getByRole('dialog', { name: new RegExp(`Privileges of user ${user}`) });
  await userEditor.waitFor();
  await pickSchema(page, userEditor, schema);
  const inherited = userEditor.getByRole('checkbox', { name: `SELECT on ${schema}.orders` });
  await inherited.waitFor();
  expectEqual('user SELECT cell', await inherited.getAttribute('data-state'), 'inherited');
  await inherited.hover();
  await page.getByText(new RegExp(`Inherited through role ${role}`)).waitFor();
  await settledShot('user-matrix-inherited');
  await userEditor.getByRole('button', { name: 'Done' }).click();

  // 9. Revoke the schema grants from the role, then drop the user and both roles.
  const roleEditor = await openRolePrivileges(page, role, schema);
  const roleSelect = roleEditor.getByRole('checkbox', { name: `SELECT on ${schema}.orders` });
  await roleSelect.waitFor();
  expectEqual('role SELECT cell after apply', await roleSelect.getAttribute('data-state'), 'direct');
  await roleEditor.getByRole('button', { name: 'Whole schema…' }).click();
  await page.getByLabel('Whole schema').getByText('Revoke', { exact: true }).click();
  await page.getByLabel('Whole schema').getByText(`Revoke SELECT on all tables in schema ${schema} from role ${role}`).waitFor();
  await page.getByLabel('Whole schema').getByRole('button', { name: 'Queue' }).click();
  await roleEditor.getByRole('checkbox', { name: `USAGE on schema ${schema}` }).click();
  expectEqual('USAGE cell after untick', await roleEditor.getByRole('checkbox', { name: `USAGE on schema ${schema}` }).getAttribute('data-state'), 'revoke');
  expectEqual('SELECT cell after the whole-schema revoke', await roleSelect.getAttribute('data-state'), 'revoke');
  await settledShot('revoke-queued');
  await roleEditor.getByRole('button', { name: 'Done' }).click();
  await roleEditor.waitFor({ state: 'hidden' });

  // The user owns a schema: its drop dialog asks for a successor and lists
  // the ownership transfer it queues before the DROP.
  const owned = `e2e_owned_${s}`;
  psql(`CREATE SCHEMA "${owned}" AUTHORIZATION "${user}"`);
  const refresh = page.getByRole('button', { name: 'Refresh', exact: true });
  await refresh.click();
  await page.waitForTimeout(300);
  await refresh.and(page.locator(':not([data-loading])')).waitFor();
  const drop = async (tab, search, who, kind, successor) => {
    await page.getByRole('tab', { name: tab }).click();
    await page.getByRole('textbox', { name: search }).fill(who);
    await page.getByRole('option', { name: who }).click();
    const region = page.getByRole('region', { name: new RegExp(`${who}$`) });
    await region.getByRole('button', { name: `More actions for ${who}` }).click();
    await page.getByRole('menuitem', { name: `Drop ${kind}…` }).click();
    const dlg = page.getByRole('dialog', { name: new RegExp(`Drop ${kind} ${who}`) });
    await dlg.getByText('What the drop runs').waitFor();
    if (successor) {
      await dlg.getByText(/choose who takes it over/).waitFor();
      await settledShot(`drop-${kind}-needs-successor`);
      await pick(page, dlg.getByRole('combobox', { name: 'Successor' }), successor);
      await dlg.getByText(`Make ${successor} the owner of schema ${owned} (owned by ${who})`).waitFor();
    }
    await dlg.getByText(new RegExp(`^Drop ${kind} ${who}.*\\.$`)).waitFor();
    await settledShot(`drop-${kind}-dialog`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await settledShot(`drop-${kind}-dialog-dark`);
    await page.emulateMedia({ colorScheme: 'light' });
    await dlg.getByRole('button', { name: `Queue drop ${kind}` }).click();
    await dlg.waitFor({ state: 'hidden' });
  };
  await drop(/^Users/, 'Search users', user, 'user', pg.user);
  await drop(/^Roles/, 'Search roles', team, 'role');
  await drop(/^Roles/, 'Search roles', role, 'role');

  await openTray();
  const destructiveItems = await tray.locator('[role="listitem"][data-destructive]').count();
  if (destructiveItems < 5) throw new Error(`expected at least 5 destructive (red) pending changes, got ${destructiveItems}`);
  await shot('tray-destructive');
  await tray.getByRole('button', { name: 'Review SQL' }).click();
  await statements.waitFor();
  const sql2 = await statements.innerText();
  for (const want of [
    `REVOKE SELECT ON ALL TABLES IN SCHEMA "${schema}" FROM "${role}"`,
    `REVOKE USAGE ON SCHEMA "${schema}" FROM "${role}"`,
    `ALTER SCHEMA "${owned}" OWNER TO "${pg.user}"`,
    `DROP ROLE "${user}"`,
    `DROP ROLE "${team}"`,
    `DROP ROLE "${role}"`,
  ]) {
    if (!sql2.includes(want)) throw new Error(`the second preview lacks ${JSON.stringify(want)}:\n${sql2}`);
  }
  await tray.getByText('Destructive changes').waitFor();
  await settledShot('sql-preview-destructive');
  await tray.getByRole('button', { name: /^Apply \d+ statements?$/ }).click();
  await tray.getByText('Apply result').waitFor({ timeout: 30000 });
  await settledShot('dropped-result');
  await tray.getByRole('button', { name: 'Done' }).click();
  await tray.waitFor({ state: 'hidden' });
  await shot('dropped');

  // 10. Verify they are gone, in the database and in the UI.
  expectEqual('roles left', psql(`SELECT count(*) FROM pg_roles WHERE rolname IN ('${user}', '${role}', '${team}')`), '0');
  expectEqual('owner of the dropped user\'s schema', psql(`SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = '${owned}'`), pg.user);
  await page.getByRole('tab', { name: /^Users/ }).click();
  await page.getByRole('textbox', { name: 'Search users' }).fill(user);
  await page.getByRole('option', { name: user }).waitFor({ state: 'detached' });
  await shot('gone');

  // 11. A REVOKE the server accepts but that removes nothing: the grant was made
  // by another grantor, and the app revokes as the owner. The tray says "no effect".
  const grantor = `e2e_grantor_${s}`;
  const target = `e2e_target_${s}`;
  psql(
    `CREATE ROLE ${grantor}; CREATE ROLE ${target}; GRANT USAGE ON SCHEMA ${schema} TO ${grantor}, ${target}; ` +
      `GRANT SELECT ON ${schema}.orders TO ${grantor} WITH GRANT OPTION; SET ROLE ${grantor}; GRANT SELECT ON ${schema}.orders TO ${target}; RESET ROLE`,
  );
  try {
    await page.getByRole('button', { name: 'Refresh' }).click();
    const targetEditor = await openRolePrivileges(page, target, schema);
    const targetDetail = page.getByRole('region', { name: new RegExp(`${target}$`) });
    const cell = targetEditor.getByRole('checkbox', { name: `SELECT on ${schema}.orders` });
    await cell.waitFor();
    await cell.click();
    expectEqual('SELECT cell after untick', await cell.getAttribute('data-state'), 'revoke');
    await targetEditor.getByRole('button', { name: 'Done' }).click();
    await targetEditor.waitFor({ state: 'hidden' });
    await openTray();
    await tray.getByRole('button', { name: 'Review SQL' }).click();
    await statements.waitFor();
    await tray.getByRole('button', { name: /^Apply \d+ statements?$/ }).click();
    await tray.getByText('Apply result').waitFor({ timeout: 30000 });
    await tray.getByText(/statements? had no effect/).waitFor();
    const noEffect = await tray.locator('[data-outcome="no_effect"]').count();
    if (noEffect !== 1) throw new Error(`expected one "no effect" statement, got ${noEffect}`);
    expectEqual('the privilege is still there on the server', psql(`SELECT has_table_privilege('${target}', '${schema}.orders', 'SELECT')`), 't');
    await settledShot('apply-no-effect');
    await page.evaluate(() => document.documentElement.setAttribute('data-mantine-color-scheme', 'dark'));
    await settledShot('apply-no-effect-dark');
    await page.evaluate(() => document.documentElement.setAttribute('data-mantine-color-scheme', 'light'));
    await tray.getByRole('button', { name: 'Done' }).click();
    await tray.waitFor({ state: 'hidden' });

    // 12. A running apply offers Cancel: another session's open transaction
    // changed the ACL of orders (GRANT takes no table lock, but waits for that
    // row), so the app's GRANT waits. (Cancel itself is proven by the Go tests:
    // the wails dev browser bridge runs bound calls one at a time, so a Cancel
    // sent from here would only arrive after the apply returned.)
    const locker = spawn('psql', ['-X', '-h', pg.host, '-p', String(pg.port), '-U', pg.user, '-d', pg.database, '-c',
      `BEGIN; GRANT SELECT ON ${schema}.orders TO ${grantor}; SELECT pg_sleep(60); COMMIT`], {
      env: { ...process.env, PGPASSWORD: pg.password }, stdio: 'ignore',
    });
    const endLocker = () =>
      psql(`SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(60)%' AND pid <> pg_backend_pid()`);
    try {
      for (let i = 0; i < 50 && psql(`SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%pg_sleep(60)%' AND pid <> pg_backend_pid()`) !== '1'; i++) {
        await page.waitForTimeout(100);
      }
      await targetDetail.getByRole('button', { name: 'Privileges' }).click();
      await targetEditor.waitFor();
      await pickSchema(page, targetEditor, schema);
      await targetEditor.getByRole('checkbox', { name: `INSERT on ${schema}.orders` }).click();
      await targetEditor.getByRole('button', { name: 'Done' }).click();
      await targetEditor.waitFor({ state: 'hidden' });
      await openTray();
      await tray.getByRole('button', { name: 'Review SQL' }).click();
      await statements.waitFor();
      await tray.getByRole('button', { name: /^Apply \d+ statements?$/ }).click();
      await tray.getByRole('button', { name: 'Cancel apply' }).waitFor();
      await page.waitForTimeout(800);
      await shot('apply-running');
      endLocker();
      await tray.getByText('Apply result').waitFor({ timeout: 30000 });
      await tray.getByRole('button', { name: 'Done' }).click();
      await tray.waitFor({ state: 'hidden' });
    } finally {
      endLocker();
      locker.kill();
    }

    // 13. Disconnecting with a queued change asks first; "Keep changes" keeps it.
    await targetDetail.getByRole('button', { name: 'Privileges' }).click();
    await targetEditor.waitFor();
    await pickSchema(page, targetEditor, schema);
    await targetEditor.getByRole('checkbox', { name: `DELETE on ${schema}.orders` }).click();
    await targetEditor.getByRole('button', { name: 'Done' }).click();
    await targetEditor.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
    const guard = page.getByRole('dialog', { name: /Disconnect and discard 1 pending change/ });
    await guard.waitFor();
    await settledShot('disconnect-asks');
    await page.evaluate(() => document.documentElement.setAttribute('data-mantine-color-scheme', 'dark'));
    await settledShot('disconnect-asks-dark');
    await page.evaluate(() => document.documentElement.setAttribute('data-mantine-color-scheme', 'light'));
    await guard.getByRole('button', { name: 'Keep changes' }).click();
    await guard.waitFor({ state: 'hidden' });
    if (!(await pendingButton.innerText()).includes('1')) throw new Error(`the queued change is gone after "Keep changes": ${await pendingButton.innerText()}`);
    await openTray();
    await tray.getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('button', { name: 'Discard all' }).click();
    await page.keyboard.press('Escape');
  } finally {
    psql(`REVOKE ALL ON ${schema}.orders FROM ${target} CASCADE; REVOKE ALL ON ${schema}.orders FROM ${grantor} CASCADE; ` +
      `REVOKE USAGE ON SCHEMA ${schema} FROM ${grantor}, ${target}; DROP ROLE ${target}; DROP ROLE ${grantor}`);
  }
}
