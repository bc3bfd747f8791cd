// An IAM profile end to end: the form's Authentication choice (light and
// dark), a Redshift endpoint host filling cluster and region, Test connection
// and Connect through the real AWS SDK against the local AWS stand-in
// (scripts/fakeaws, reached through AWS_ENDPOINT_URL set by scripts/e2e.sh),
// which issues a temporary password for IAM:<user> in the sandbox PostgreSQL.
// Then IAM Identity Center: a profile whose AWS profile (e2e-sso) has an
// expired cached token offers "Sign in to AWS"; signing in (the stand-in
// confirms the device code after two polls) caches a token and connects.
import { closeAllSessions } from '../sessions.mjs';
export const name = 'IAM profile: form light and dark, test and connect with temporary credentials, SSO sign-in';

const RS_HOST = 'examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com';

function need(env, key) {
  const v = env[key];
  if (!v) throw new Error(`${key} is not set`);
  return v;
}

async function expectAttr(locator, attr, want, what) {
  const got = await locator.getAttribute(attr);
  if (got !== want) throw new Error(`${what} is ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
}

export default async function ({ page, baseURL, env, shot }) {
  if (!env.AWS_ENDPOINT_URL) throw new Error('AWS_ENDPOINT_URL is not set: run through scripts/e2e.sh');
  const pg = { host: need(env, 'E2E_PG_HOST'), port: need(env, 'E2E_PG_PORT'), database: need(env, 'E2E_PG_DATABASE') };
  const dbUser = `e2e_iam_${Date.now().toString(36)}`;
  const profileName = `E2E IAM ${Date.now().toString(36)}`;

  // An earlier spec may have left sessions open: "Not connected" below means none.
  await page.goto(baseURL, { waitUntil: 'domcontentloaded' });
  await closeAllSessions(page);

  // The form in both colour schemes, with the settings a Redshift endpoint implies.
  for (const scheme of ['light', 'dark']) {
    await page.goto(baseURL, { waitUntil: 'domcontentloaded' });
    await page.evaluate((s) => localStorage.setItem('rsmate-color-scheme', s), scheme);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.waitForFunction((s) => document.documentElement.getAttribute('data-mantine-color-scheme') === s, scheme);
    await page.getByRole('button', { name: 'New connection', exact: true }).first().click();
    const form = page.getByRole('dialog', { name: /New connection/ });
    await form.getByLabel('Name').fill('IAM form');
    await form.getByLabel('Host').fill(RS_HOST);
    await form.getByText('IAM, provisioned', { exact: true }).click();
    if ((await form.getByLabel('Password', { exact: true }).count()) !== 0) throw new Error('the password field is shown for IAM');
    await expectAttr(form.getByLabel('Cluster identifier'), 'placeholder', 'examplecluster', 'the cluster placeholder');
    await expectAttr(form.getByLabel('Region'), 'placeholder', 'us-west-2', 'the region placeholder');
    await form.getByRole('textbox', { name: /^Database user/ }).fill('alice');
    await form.getByLabel('AWS profile').fill('e2e');
    await form.getByLabel('Join groups').fill('analysts');
    await form.getByText('Sign in with').scrollIntoViewIfNeeded();
    await shot(`${scheme}-iam-provisioned`);
    await form.getByText('IAM, Serverless', { exact: true }).click();
    await form.getByLabel('Host').fill('analytics.123456789012.eu-central-1.redshift-serverless.amazonaws.com');
    await expectAttr(form.getByLabel('Workgroup'), 'placeholder', 'analytics', 'the workgroup placeholder');
    if ((await form.getByRole('textbox', { name: /^Database user/ }).count()) !== 0) throw new Error('Serverless asks for a database user');
    await form.getByText('Sign in with').scrollIntoViewIfNeeded();
    await shot(`${scheme}-iam-serverless`);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
  }
  await page.evaluate(() => localStorage.removeItem('rsmate-color-scheme'));
  await page.reload({ waitUntil: 'domcontentloaded' });

  // A real profile against the sandbox: the host is not a Redshift endpoint, so cluster and region are typed.
  const list = page.getByRole('listbox', { name: 'Saved connections' });
  const status = page.getByRole('status', { name: 'Connection status' });
  await page.getByRole('button', { name: 'New connection', exact: true }).first().click();
  const form = page.getByRole('dialog', { name: /New connection/ });
  await form.getByLabel('Name').fill(profileName);
  await form.getByLabel('Host').fill(pg.host);
  await form.getByLabel('Port').fill(pg.port);
  await form.getByRole('textbox', { name: /^Database\s*\*?$/ }).fill(pg.database);
  await form.getByLabel('SSL mode').selectOption('disable');
  await form.getByText('IAM, provisioned', { exact: true }).click();
  await form.getByRole('textbox', { name: /^Database user/ }).fill(dbUser);
  await form.getByLabel('AWS profile').fill('e2e');
  await form.getByLabel('Region').fill('us-east-1');
  await form.getByLabel('Cluster identifier').fill('sandbox');
  await form.getByRole('button', { name: 'Test connection' }).click();
  const ok = form.getByText(/Connection works/);
  await ok.waitFor({ timeout: 30000 }).catch(async (e) => {
    await shot('test-failed');
    const alert = await form.getByRole('alert').allInnerTexts().catch(() => []);
    throw new Error(`Test connection failed: ${alert.join(' | ') || e.message}`);
  });
  await form.getByText(`IAM:${dbUser}`, { exact: true }).waitFor();
  await shot('tested');

  await form.getByRole('button', { name: 'Save & connect' }).click();
  await form.waitFor({ state: 'hidden' });
  const connected = status.getByText(`IAM:${dbUser}@`, { exact: false });
  await connected.waitFor({ timeout: 30000 }).catch(async (e) => {
    await shot('connect-failed');
    throw new Error(`status bar does not show IAM:${dbUser}: ${(await status.innerText().catch(() => '')) || e.message}`);
  });
  await shot('connected');

  // Clean up: disconnect and delete the profile (the fake confirmation answers yes).
  await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await status.getByText('Not connected').waitFor();
  const row = list.getByRole('option', { name: profileName });
  await row.hover();
  await row.getByRole('button', { name: `Actions for ${profileName}` }).click();
  await page.getByRole('menuitem', { name: /Delete/ }).click();
  await row.waitFor({ state: 'detached' });

  // IAM Identity Center: the cached token of e2e-sso has expired (scripts/e2e.sh wrote it).
  const ssoName = `E2E SSO ${Date.now().toString(36)}`;
  await page.getByRole('button', { name: 'New connection', exact: true }).first().click();
  const sf = page.getByRole('dialog', { name: /New connection/ });
  await sf.getByLabel('Name').fill(ssoName);
  await sf.getByLabel('Host').fill(pg.host);
  await sf.getByLabel('Port').fill(pg.port);
  await sf.getByRole('textbox', { name: /^Database\s*\*?$/ }).fill(pg.database);
  await sf.getByLabel('SSL mode').selectOption('disable');
  await sf.getByText('IAM, provisioned', { exact: true }).click();
  await sf.getByRole('textbox', { name: /^Database user/ }).fill(`${dbUser}_sso`);
  await sf.getByLabel('AWS profile').fill('e2e-sso');
  await sf.getByLabel('Region').fill('us-east-1');
  await sf.getByLabel('Cluster identifier').fill('sandbox');
  // Testing from the form finds the expired sign-in and offers it there too (cancelled here).
  await sf.getByRole('button', { name: 'Test connection' }).click();
  await sf.getByRole('button', { name: 'Sign in to AWS…' }).click({ timeout: 30000 });
  const formSignIn = page.getByRole('dialog', { name: /Sign in to AWS/ });
  await formSignIn.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
  await page.waitForTimeout(400); // let the modal's fade-in finish before the screenshot
  await shot('light-sso-sign-in-from-form');
  await formSignIn.getByRole('button', { name: 'Cancel' }).click();
  await formSignIn.waitFor({ state: 'detached' });
  await sf.getByRole('button', { name: 'Save', exact: true }).click();
  await sf.waitFor({ state: 'hidden' });
  const ssoRow = list.getByRole('option', { name: ssoName });
  const signInDialog = page.getByRole('dialog', { name: /Sign in to AWS/ });
  for (const scheme of ['light', 'dark']) {
    await page.evaluate((sc) => localStorage.setItem('rsmate-color-scheme', sc), scheme);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.waitForFunction((sc) => document.documentElement.getAttribute('data-mantine-color-scheme') === sc, scheme);
    await ssoRow.hover();
    await ssoRow.getByRole('button', { name: `Connect to ${ssoName}` }).click();
    await signInDialog.getByText(/has expired or is missing/).waitFor({ timeout: 30000 });
    await shot(`${scheme}-sso-sign-in-offered`);
    if (scheme === 'light') {
      await signInDialog.getByRole('button', { name: 'Cancel' }).click();
      await signInDialog.waitFor({ state: 'detached' });
    }
  }
  await signInDialog.getByRole('button', { name: 'Sign in', exact: true }).click();
  await signInDialog.getByText('ABCD-EFGH', { exact: true }).waitFor();
  await shot('dark-sso-code-shown');
  await signInDialog.waitFor({ state: 'detached', timeout: 30000 });
  await status.getByText(`IAM:${dbUser}_sso@`, { exact: false }).waitFor({ timeout: 30000 }).catch(async (e) => {
    await shot('sso-connect-failed');
    throw new Error(`after signing in, the status bar does not show IAM:${dbUser}_sso: ${(await status.innerText().catch(() => '')) || e.message}`);
  });
  await shot('dark-sso-connected');
  await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await status.getByText('Not connected').waitFor();
  await ssoRow.hover();
  await ssoRow.getByRole('button', { name: `Actions for ${ssoName}` }).click();
  await page.getByRole('menuitem', { name: /Delete/ }).click();
  await ssoRow.waitFor({ state: 'detached' });
  await page.evaluate(() => localStorage.removeItem('rsmate-color-scheme'));
}
