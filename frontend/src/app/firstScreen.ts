/**
 * The welcome screen, saved after each start so that the next one can show it
 * before the app's code has loaded (frontend/index.html shows it when the
 * build, the colour scheme and the backend's answers are the same; the app
 * then renders over it). It holds what the welcome screen shows — connection
 * names, hosts and users, as the connections file does — and never a secret:
 * no screen shows one.
 */

// index.html reads it under this key (firstScreen.test.ts runs it against this constant).
export const FIRST_SCREEN_KEY = 'rsmate-first-screen';

/** What index.html finds in localStorage. */
export interface SavedFirstScreen {
  /** The build that rendered it (window.rsmateBuild). */
  build: string;
  /** The backend's answers it shows (window.rsmateFirstScreenKey). */
  key: string;
  /** The resolved colour scheme, light or dark. */
  scheme: string;
  /** #root's markup: the screen and Mantine's style elements. */
  html: string;
}

declare global {
  interface Window {
    rsmateBuild?: string;
    rsmateFirstScreenKey?: Promise<string | null>;
  }
}

/**
 * Saves the welcome screen as it is on screen now, for the next start. Call it
 * once the welcome screen the app rendered from index.html's early answers has
 * been painted. Does nothing under the dev server, or when a call failed.
 */
export async function saveFirstScreen(root: HTMLElement | null = document.getElementById('root')): Promise<void> {
  const build = window.rsmateBuild;
  const key = await window.rsmateFirstScreenKey;
  const scheme = document.documentElement.getAttribute('data-mantine-color-scheme');
  if (!root || !build || build === 'dev' || !key || !scheme) return;
  const saved: SavedFirstScreen = { build, key, scheme, html: root.innerHTML };
  const text = JSON.stringify(saved);
  try {
    // Unchanged: no write (it goes to disk).
    if (localStorage.getItem(FIRST_SCREEN_KEY) !== text) localStorage.setItem(FIRST_SCREEN_KEY, text);
  } catch {
    // Storage full or refused: the next start renders without it.
  }
}
