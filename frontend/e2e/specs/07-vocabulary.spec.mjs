// The vocabulary drives the editors and the object browser: on the sandbox
// (PostgreSQL), sequences are their own kind, with their own section in the
// privilege editor and in a schema's page, and their own privileges.
import { openSandbox } from '../sessions.mjs';

export const name = 'vocabulary: sequences in the privilege editor and the object browser';

const fail = (msg) => {
  throw new Error(msg);
};

async function both(page, shot, label) {
  await page.waitForTimeout(300);
  await shot(`${label}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(300);
  await shot(`${label}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

export default async function ({ page, baseURL, shot }) {
  await openSandbox(page, baseURL);

  // The object browser: schema sales has a Sequences section listing its serials' sequences.
  await page.getByRole('tab', { name: /^Objects/ }).click();
  const tree = page.getByRole('listbox', { name: 'Object tree' });
  await tree.waitFor();
  await tree.getByRole('option', { name: 'sales', exact: true }).click();
  await page.getByRole('heading', { name: 'sales', exact: true }).waitFor();
  const seqList = page.getByRole('list', { name: 'Sequences in sales' }).or(page.getByLabel('Sequences in sales'));
  await seqList.first().waitFor();
  const seqText = await seqList.first().innerText();
  if (!seqText.includes('orders_id_seq')) fail(`the Sequences section of sales lacks orders_id_seq: ${JSON.stringify(seqText)}`);
  const tablesText = await page.getByLabel('Tables in sales').first().innerText();
  if (tablesText.includes('orders_id_seq')) fail('a sequence is listed among the tables of sales');
  await page.getByText('Sequences', { exact: true }).first().scrollIntoViewIfNeeded();
  await both(page, shot, 'objects-schema-sales-sequences');

  // The privilege editor: a Sequences section with the sequence privileges only.
  await page.getByRole('tab', { name: /^Roles/ }).click();
  await page.getByRole('textbox', { name: 'Search roles' }).fill('writer');
  await page.getByRole('option', { name: 'writer' }).first().click();
  const detail = page.getByRole('region', { name: /writer$/ });
  await detail.getByRole('button', { name: 'Privileges' }).click();
  const editor = page.getByRole('dialog', { name: /Privileges of role writer/ });
  await editor.waitFor();
  const input = editor.getByRole('combobox', { name: 'Schema' });
  await input.click();
  await input.fill('sales');
  await page.getByRole('option').filter({ has: page.getByText('sales', { exact: true }) }).click();
  await editor.getByText(/^Sequences \(\d+\)$/).click();
  const grid = editor.getByRole('grid', { name: 'Privileges on sequences of sales' });
  await grid.waitFor();
  const heads = (await grid.getByRole('columnheader').allInnerTexts()).map((t) => t.trim()).filter((t) => /^[A-Z]+$/.test(t));
  if (JSON.stringify(heads) !== JSON.stringify(['USAGE', 'SELECT', 'UPDATE'])) fail(`sequence columns ${JSON.stringify(heads)}, want USAGE, SELECT, UPDATE`);
  await grid.getByRole('checkbox', { name: 'UPDATE on sales.orders_id_seq' }).waitFor();
  await editor.getByText('UPDATE', { exact: true }).first().hover();
  await page.getByText('UPDATE: call nextval and setval').waitFor();
  await both(page, shot, 'privilege-editor-sequences');
  await editor.getByRole('button', { name: 'Done' }).click();
}
