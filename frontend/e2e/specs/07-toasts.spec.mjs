// A toast raised while a dialog is open is seen (it is the outcome of what the
// dialog did, e.g. "Script saved") and never covers the dialog's buttons: at
// the app's smallest window the toast is above the dialog, at the top centre,
// and every footer button and the close button stay the element under their centre.
export const name = 'a toast shows over an open dialog without covering its buttons';

const fail = (msg) => {
  throw new Error(msg);
};

export default async function ({ page, baseURL, shot }) {
  await page.setViewportSize({ width: 960, height: 600 }); // main.go MinWidth × MinHeight
  try {
    await page.goto(baseURL, { waitUntil: 'domcontentloaded' });
    await page.getByRole('listbox', { name: 'Saved connections' }).waitFor();

    await page.keyboard.press('Control+N');
    const dlg = page.getByRole('dialog', { name: /New connection/ });
    await dlg.waitFor();
    // A toast that stays until closed, through the app's own notifications
    // store: the module instance Vite serves the app (same URL, same query).
    await page.evaluate(async () => {
      const url = performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .find((n) => n.includes('/.vite/deps/@mantine_notifications.js'));
      if (!url) throw new Error('the app did not load @mantine/notifications from the Vite deps');
      const m = await import(url);
      m.notifications.show({ id: 'e2e-toast', color: 'teal', title: 'Connections exported', message: 'Written to /tmp/connections.json (without passwords).', autoClose: false });
    });
    const toast = page.getByRole('alert').filter({ hasText: 'Connections exported' });
    await toast.waitFor();
    await page.waitForTimeout(600); // the dialog's and the toast's transitions

    const buttons = ['Test connection', 'Save', 'Save & connect'];
    const tb = await toast.boundingBox();
    if (!tb) fail('the toast is not shown');
    for (const name of buttons) {
      const b = dlg.getByRole('button', { name, exact: true });
      const bb = await b.boundingBox();
      if (!bb) fail(`the dialog has no ${name} button`);
      const onTop = await b.evaluate((el, [x, y]) => el.contains(document.elementFromPoint(x, y)), [bb.x + bb.width / 2, bb.y + bb.height / 2]);
      if (!onTop) fail(`the toast covers the dialog's ${name} button`);
    }
    const close = dlg.locator('.mantine-Modal-close');
    const cb = await close.boundingBox();
    if (!cb || !(await close.evaluate((el, [x, y]) => el.contains(document.elementFromPoint(x, y)), [cb.x + cb.width / 2, cb.y + cb.height / 2])))
      fail("the toast covers the dialog's close button");
    // The toast itself is on top: readable and closable while the dialog is open.
    const seen = await toast.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)) && el.contains(document.elementFromPoint(r.right - 8, r.bottom - 8));
    });
    if (!seen) fail('the toast is hidden under the dialog');

    // The scheme set directly: an earlier spec may have stored a choice that
    // outranks the OS preference.
    const scheme = (s) => page.evaluate((v) => document.documentElement.setAttribute('data-mantine-color-scheme', v), s);
    const before = await page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'));
    await scheme('light');
    await shot('toast-over-dialog-light');
    await scheme('dark');
    await page.waitForTimeout(400); // let the toasts repaint in the new scheme
    await shot('toast-over-dialog-dark');
    await scheme(before ?? 'light');
    await page.evaluate(() => {
      const url = performance.getEntriesByType('resource').map((e) => e.name).find((n) => n.includes('/.vite/deps/@mantine_notifications.js'));
      return import(url).then((m) => m.notifications.hide('e2e-toast'));
    });
    await page.keyboard.press('Escape');
    await dlg.waitFor({ state: 'hidden' });
  } finally {
    await page.setViewportSize({ width: 1360, height: 860 });
  }
}
