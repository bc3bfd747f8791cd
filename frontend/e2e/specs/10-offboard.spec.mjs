// Offboarding on the sandbox cluster (analytics and postgres): a user made
// for the spec; offboarding scans every database, shows one plan each, runs
// them in order (the e2e build's dialogs answer the confirmation yes) and the
// user is gone. The three-database case with owned objects and grants is
// app/offboard_test.go.
import { openSandbox } from '../sessions.mjs';

export const name = 'offboarding: scan every database, review the plans, apply with progress';

const fail = (msg) => {
  throw new Error(msg);
};

export default async function ({ page, baseURL, shot }) {
  const user = `leaver.${Date.now().toString(36)}`;
  await openSandbox(page, baseURL);
  const usersTab = page.getByRole('tab', { name: /^Users/ });

  // A user to offboard, with a password (so there is a sign-in to stop).
  await usersTab.click();
  await page.getByRole('button', { name: 'New user' }).click();
  const newUser = page.getByRole('dialog', { name: /New user/ });
  await newUser.getByLabel('User name').fill(user);
  await newUser.getByTestId('password-input').fill('Leaving-Soon-2026');
  await newUser.getByRole('button', { name: 'Add to pending changes' }).click();
  await newUser.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: /Pending changes/ }).first().click();
  const tray = page.getByRole('dialog', { name: /Pending changes|Review SQL|Apply result/ });
  await tray.waitFor();
  await tray.getByRole('button', { name: 'Review SQL' }).click();
  await tray.getByRole('button', { name: /^Apply \d+ statements?$/ }).click();
  await tray.getByText('Apply result').waitFor({ timeout: 30000 });
  await page.keyboard.press('Escape');
  await tray.waitFor({ state: 'hidden' });

  await page.getByLabel('Search users').fill(user);
  await page.getByRole('listbox', { name: 'Users' }).getByRole('option', { name: user }).click();
  await page.getByRole('heading', { name: user }).waitFor();
  await page.getByRole('button', { name: `More actions for ${user}` }).click();
  await page.getByRole('menuitem', { name: 'Offboard from every database…' }).click();
  const dlg = page.getByRole('dialog', { name: new RegExp(`Offboard ${user.replace('.', '\\.')}`) });
  await dlg.waitFor();
  await dlg.getByRole('button', { name: 'Scan every database' }).click();
  const stepTitles = async () => (await dlg.locator('.mantine-Accordion-control').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  await dlg.getByText('Drop the user · analytics').waitFor({ timeout: 60000 });
  const titles = await stepTitles();
  if (!titles[0]?.startsWith('1. Stop new sign-ins · analytics')) fail(`first step: ${JSON.stringify(titles)}`);
  if (!titles.some((t) => t.includes('Clear · postgres') && t.includes('nothing here'))) fail(`postgres should have nothing to clear: ${JSON.stringify(titles)}`);
  await page.waitForTimeout(300);
  await shot('scanned-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot('scanned-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await dlg.getByRole('button', { name: /^Offboard .* \(\d+ plans?\)$/ }).click();
  await dlg.getByText(`${user} is gone`).waitFor({ timeout: 60000 });
  const badges = await dlg.locator('.mantine-Badge-root').allInnerTexts();
  if (!badges.some((b) => /done, read back/i.test(b))) fail(`no step reads "done, read back": ${JSON.stringify(badges)}`);
  await shot('done');
  await dlg.getByRole('button', { name: 'Close' }).click();
  await page.getByLabel('Search users').fill(user);
  await page.getByText(/^0 of [\d,]+ users$/).waitFor({ timeout: 30000 });
}
