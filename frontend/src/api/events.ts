import { EventsOn } from '../wailsjs/runtime/runtime';
import type { CatalogProgress } from './catalog';
import type { OffboardProgress } from './offboard';
import type { SessionInfo } from './types';

declare global {
  interface Window {
    /** The Wails runtime; absent in unit tests and a plain browser. */
    runtime?: { EventsOnMultiple?: unknown };
  }
}

/** Events the backend emits, by name, with their payload. */
export interface AppEvents {
  'session:opened': SessionInfo;
  'session:closed': string;
  /** The session's server changed (e.g. it switched database). */
  'session:updated': SessionInfo;
  'catalog:progress': CatalogProgress;
  /** One step of an offboarding started or ended. */
  'offboard:progress': OffboardProgress;
}

/**
 * Subscribes to a backend event and returns the unsubscribe function. Outside
 * the Wails runtime (unit tests, a plain browser) it does nothing.
 */
export function onEvent<K extends keyof AppEvents>(name: K, cb: (data: AppEvents[K]) => void): () => void {
  if (typeof window.runtime?.EventsOnMultiple !== 'function') return () => {};
  return EventsOn(name, (data: AppEvents[K]) => cb(data));
}
