import { EventsOn } from '../wailsjs/runtime/runtime';
import type { CatalogProgress } from './catalog';
import type { OffboardProgress } from './offboard';
import type { SessionInfo } from './types';

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
  const w = window as unknown as { runtime?: { EventsOnMultiple?: unknown } };
  if (!w.runtime || typeof w.runtime.EventsOnMultiple !== 'function') return () => {};
  return EventsOn(name, (data: AppEvents[K]) => cb(data));
}
