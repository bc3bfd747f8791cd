// Toasts show over the dimmed page but never over a dialog: at the app's
// smallest window a bottom-right toast and a centred dialog's footer share the
// same corner, and the dialog's buttons must stay on top (and clickable).
export const name = 'a toast never covers the buttons of an open dialog';

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
    let overlapping = 0;
    for (const name of buttons) {
      const b = dlg.getByRole('button', { name, exact: true });
      const bb = await b.boundingBox();
      if (!bb) fail(`the dialog has no ${name} button`);
      const cx = bb.x + bb.width / 2;
      const cy = bb.y + bb.height / 2;
      if (cx >= tb.x && cx <= tb.x + tb.width && cy >= tb.y && cy <= tb.y + tb.height) overlapping++;
      const onTop = await b.evaluate((el, [x, y]) => el.contains(document.elementFromPoint(x, y)), [cx, cy]);
      if (!onTop) fail(`the toast covers the dialog's ${name} button`);
    }
    // The check means something only when the toast and a button share a spot.
    if (overlapping === 0) fail(`the toast (${JSON.stringify(tb)}) and the dialog's buttons do not overlap at 960×600: the test proves nothing`);
    // Outside the dialog the toast is above the dimmed backdrop: readable and closable.
    const free = await toast.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.right - 8, r.bottom - 8);
      return el.contains(hit);
    });
    if (!free) fail('the toast is hidden under the dialog backdrop');

    // The scheme set directly: an earlier spec may have stored a choice that
    // outranks the OS preference.
    const scheme = (s) => page.evaluate((v) => document.documentElement.setAttribute('data-mantine-color-scheme', v), s);
    const before = await page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'));
    await scheme('light');
    await shot('toast-under-dialog-light');
    await scheme('dark');
    await page.waitForTimeout(400); // let the toasts repaint in the new scheme
    await shot('toast-under-dialog-dark');
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
