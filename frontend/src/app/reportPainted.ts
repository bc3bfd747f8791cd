import { aboutApi } from '../api';
import { saveFirstScreen } from './firstScreen';

let reported = false;

/**
 * Tells the backend, once, that the welcome screen the app rendered has been
 * painted, two animation frames after the render that showed it: "painted"
 * (the first screen is on view; a no-op when index.html showed the saved one
 * earlier) and "interactive". The backend logs the time since start (the
 * start-up benchmark reads both lines). Then saves the screen for the next
 * start (firstScreen.ts).
 */
export function reportPainted(): void {
  if (reported) return;
  reported = true;
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      // Best effort: a missing bridge (tests, a browser tab) is not an error.
      Promise.resolve()
        .then(() => aboutApi.painted())
        .then(() => aboutApi.interactive())
        .catch(() => {});
      void saveFirstScreen();
    }),
  );
}

/**
 * Runs fn after the next frame has been painted (two animation frames from
 * now): for what must show but need not be in the first screen, such as a
 * start-up notice. Returns a cancel function.
 */
export function afterNextPaint(fn: () => void): () => void {
  if (typeof window.requestAnimationFrame !== 'function') {
    const t = setTimeout(fn, 0);
    return () => clearTimeout(t);
  }
  let id = requestAnimationFrame(() => {
    id = requestAnimationFrame(fn);
  });
  return () => cancelAnimationFrame(id);
}

/** Loads a module once the window is idle (so a later click finds it ready). */
export function prefetchLater(load: () => Promise<unknown>): void {
  const run = () => void load().catch(() => {});
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 300);
}

const idleLoads: (() => Promise<unknown>)[] = [];

/**
 * Registers a lazily loaded part (a menu's code, a dialog) that the window
 * fetches once it is idle after the first screen (loadIdleParts), so that its
 * first use finds it ready. Returns load, for React.lazy.
 */
export function loadWhenIdle<T>(load: () => Promise<T>): () => Promise<T> {
  idleLoads.push(load);
  return load;
}

/** Fetches every part registered with loadWhenIdle, once the window is idle. */
export function loadIdleParts(): void {
  prefetchLater(() => Promise.all(idleLoads.map((load) => load())));
}
