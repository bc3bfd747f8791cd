import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import indexHtml from '../../index.html?raw';
import { FIRST_SCREEN_KEY, saveFirstScreen, type SavedFirstScreen } from './firstScreen';
import { COLOR_SCHEME_KEY } from './Root';

// index.html's inline scripts, run as the page runs them: the head's (early
// calls, the first screen's key), then the body's (the saved first screen, the
// entry script). vite.config.ts writes the build id and the entry in a build.
const inline = [...indexHtml.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);

interface Answers {
  profiles: unknown;
  keychain: unknown;
  sandbox: unknown;
}

const answers: Answers = {
  profiles: [{ id: 'a1', name: 'Analytics (prod)', host: 'analytics.example.internal' }],
  keychain: { available: true },
  sandbox: { available: false },
};

const SCREEN = '<style data-mantine-styles="true">:root{}</style><nav><p>Analytics (prod)</p></nav>';

type Painted = (saved: boolean) => Promise<void>;
type Go = Record<string, Record<string, (() => Promise<unknown>) | Painted>>;
let painted: ReturnType<typeof vi.fn<Painted>>;

/** Installs a backend answering with a (a call whose value is an Error rejects; never: no answer). */
function backend(a: Answers | 'never') {
  const reply = (v: unknown) => () =>
    a === 'never' ? new Promise(() => {}) : v instanceof Error ? Promise.reject(v) : Promise.resolve(v);
  const get = (k: keyof Answers) => (a === 'never' ? undefined : a[k]);
  painted = vi.fn<Painted>(() => Promise.resolve());
  (window as unknown as { go: { app: Go } }).go = {
    app: {
      ProfilesService: { List: reply(get('profiles')), Keychain: reply(get('keychain')) },
      AboutService: { Sandbox: reply(get('sandbox')), Painted: painted },
    },
  };
}

/** A page load: a fresh #root, then index.html's scripts with this build's id and entry. */
function loadPage(build = 'b1', entry = '/assets/index-b1.js') {
  document.head.innerHTML = '';
  document.body.innerHTML = '<div id="root"></div>';
  document.documentElement.removeAttribute('data-mantine-color-scheme');
  for (const code of inline)
    new Function(code.replace('__RSMATE_BUILD__', build).replace('__RSMATE_ENTRY__', entry))();
}

const root = () => document.getElementById('root')!;
const entryScripts = () => [...document.head.querySelectorAll('script[type="module"]')].map((s) => s.getAttribute('src'));

/** A start that rendered SCREEN with these answers and saved it. */
async function savedStart(a = answers, build = 'b1', scheme = 'light') {
  backend(a);
  loadPage(build);
  await vi.advanceTimersByTimeAsync(0);
  root().innerHTML = SCREEN;
  document.documentElement.setAttribute('data-mantine-color-scheme', scheme);
  await saveFirstScreen();
}

describe('the first screen saved for the next start (index.html, firstScreen.ts)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    localStorage.clear();
  });
  afterEach(() => {
    vi.useRealTimers();
    delete (window as { go?: unknown }).go;
  });

  it('with nothing saved, loads the app at once and shows nothing', async () => {
    backend(answers);
    loadPage();
    expect(entryScripts()).toEqual(['/assets/index-b1.js']);
    await vi.advanceTimersByTimeAsync(100);
    expect(root().innerHTML).toBe('');
    expect(painted).not.toHaveBeenCalled();
  });

  it('saves what #root shows with the build, scheme and answers, and the next start shows it before the app loads', async () => {
    await savedStart();
    const saved = JSON.parse(localStorage.getItem(FIRST_SCREEN_KEY)!) as SavedFirstScreen;
    expect(saved).toEqual({ build: 'b1', scheme: 'light', html: SCREEN, key: JSON.stringify([answers.profiles, answers.keychain, answers.sandbox]) });

    backend(answers);
    loadPage();
    // The app's code waits: evaluating it would hold the first frame back.
    expect(entryScripts()).toEqual([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(root().innerHTML).toBe(SCREEN);
    // Shown, not working: the app's code lifts that when it renders.
    expect(root().hasAttribute('inert')).toBe(true);
    expect(document.documentElement.getAttribute('data-mantine-color-scheme')).toBe('light');
    expect(painted).not.toHaveBeenCalled();
    // Two frames later it has been painted: the backend is told, the app loads.
    await vi.advanceTimersByTimeAsync(40);
    expect(painted).toHaveBeenCalledTimes(1);
    expect(painted).toHaveBeenCalledWith(true);
    expect(entryScripts()).toEqual(['/assets/index-b1.js']);
  });

  it.each([
    ['a connection changed', { ...answers, profiles: [{ id: 'a1', name: 'Analytics (renamed)' }] }],
    ['the keychain status changed', { ...answers, keychain: { available: false } }],
    ['a call failed', { ...answers, sandbox: new Error('no') }],
  ])('is not shown when %s, and the app loads as soon as that is known', async (_, now) => {
    await savedStart();
    backend(now as Answers);
    loadPage();
    await vi.advanceTimersByTimeAsync(0);
    expect(root().innerHTML).toBe('');
    expect(entryScripts()).toEqual(['/assets/index-b1.js']);
    await vi.advanceTimersByTimeAsync(100);
    expect(painted).not.toHaveBeenCalled();
  });

  it.each([
    ['an event handler', '<img src="x" onerror="window.hacked = 1">'],
    ['a script', '<script>window.hacked = 1</script>'],
    ['a frame', '<iframe src="about:blank"></iframe>'],
    ['a javascript: address', '<a href=" javascript:window.hacked = 1">x</a>'],
  ])('is not shown when it holds %s (it could run code), and the app loads', async (_, markup) => {
    await savedStart();
    const saved = JSON.parse(localStorage.getItem(FIRST_SCREEN_KEY)!) as SavedFirstScreen;
    localStorage.setItem(FIRST_SCREEN_KEY, JSON.stringify({ ...saved, html: SCREEN + markup }));
    backend(answers);
    loadPage();
    await vi.advanceTimersByTimeAsync(100);
    expect(root().innerHTML).toBe('');
    expect(entryScripts()).toEqual(['/assets/index-b1.js']);
    expect(painted).not.toHaveBeenCalled();
  });

  it('is not shown by another build, nor in another colour scheme', async () => {
    await savedStart();
    backend(answers);
    loadPage('b2', '/assets/index-b2.js');
    expect(entryScripts()).toEqual(['/assets/index-b2.js']);

    localStorage.setItem(COLOR_SCHEME_KEY, 'dark');
    loadPage();
    expect(entryScripts()).toEqual(['/assets/index-b1.js']);
    await vi.advanceTimersByTimeAsync(100);
    expect(root().innerHTML).toBe('');
    expect(painted).not.toHaveBeenCalled();
  });

  it('a backend that does not answer holds the app back one second at most, and nothing is shown', async () => {
    await savedStart();
    backend('never');
    loadPage();
    await vi.advanceTimersByTimeAsync(999);
    expect(entryScripts()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(entryScripts()).toEqual(['/assets/index-b1.js']);
    expect(root().innerHTML).toBe('');
  });

  it('saves nothing under the dev server or after a failed call', async () => {
    await savedStart(answers, 'dev');
    expect(localStorage.getItem(FIRST_SCREEN_KEY)).toBeNull();
    await savedStart({ ...answers, profiles: new Error('no') });
    expect(localStorage.getItem(FIRST_SCREEN_KEY)).toBeNull();
  });
});
