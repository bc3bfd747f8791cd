// The profile form's TLS states, light and dark: a new Redshift profile starts
// at verify-full; require without a CA file says the certificate is not
// verified (and offers verify-full); require with a CA file says what it still
// does not check; disable says nothing is encrypted; a pasted Redshift JDBC URL
// lands on verify-full.
export const name = 'profile form: TLS states and defaults, light and dark';

const RS_HOST = 'examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com';

async function expectValue(locator, want, what) {
  const got = await locator.inputValue();
  if (got !== want) throw new Error(`${what} is ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
}

export default async function ({ page, baseURL, shot }) {
  for (const scheme of ['light', 'dark']) {
    await page.goto(baseURL, { waitUntil: 'domcontentloaded' });
    await page.evaluate((s) => localStorage.setItem('rsmate-color-scheme', s), scheme);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.waitForFunction((s) => document.documentElement.getAttribute('data-mantine-color-scheme') === s, scheme);

    await page.getByRole('button', { name: 'New connection', exact: true }).first().click();
    const form = page.getByRole('dialog', { name: /New connection/ });
    const ssl = form.getByLabel('SSL mode');
    const note = form.getByTestId('tls-note');
    await ssl.waitFor();
    await expectValue(ssl, 'verify-full', 'a new Redshift profile\'s SSL mode');
    if ((await note.count()) !== 0) throw new Error('verify-full shows a TLS warning');
    await form.getByLabel('Name').fill('TLS states');
    await form.getByLabel('Host').fill(RS_HOST);
    await form.getByLabel('User').fill('awsuser');
    await ssl.scrollIntoViewIfNeeded();
    await shot(`${scheme}-verify-full-default`);

    await ssl.selectOption('require');
    await form.getByText('The server certificate is not verified', { exact: true }).waitFor();
    await note.scrollIntoViewIfNeeded();
    await shot(`${scheme}-require-not-verified`);

    await form.getByRole('textbox', { name: 'CA file' }).fill('/etc/ssl/certs/ca-certificates.crt');
    await note.getByText('but not the host name').waitFor();
    await shot(`${scheme}-require-with-ca-file`);
    await form.getByRole('button', { name: 'Clear CA file' }).click();

    await form.getByRole('button', { name: 'Use verify-full' }).click();
    await expectValue(ssl, 'verify-full', 'SSL mode after "Use verify-full"');

    await ssl.selectOption('disable');
    await form.getByText('Not encrypted', { exact: true }).waitFor();
    await note.scrollIntoViewIfNeeded();
    await shot(`${scheme}-disable`);

    // A pasted Redshift JDBC URL without ssl options lands on verify-full.
    await ssl.selectOption('require');
    const url = form.getByLabel('Paste a connection URL');
    await url.fill(`jdbc:redshift://${RS_HOST}:5439/dev;UID=awsuser`);
    await url.press('Enter');
    await form.getByText(/Filled .*SSL mode/).waitFor();
    await expectValue(ssl, 'verify-full', 'SSL mode after pasting a Redshift JDBC URL');
    await url.scrollIntoViewIfNeeded();
    await shot(`${scheme}-pasted-redshift-url`);

    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
  }
  await page.evaluate(() => localStorage.removeItem('rsmate-color-scheme'));
}
