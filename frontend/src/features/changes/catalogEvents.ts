// After an apply the catalog of a session is stale. The apply flow announces
// it with a window CustomEvent; views subscribe through useCatalogVersion (a
// counter that bumps per session) or onCatalogChanged.
import { useSyncExternalStore } from 'react';
import type { CatalogSummary } from '../../api/changes';

export const CATALOG_CHANGED = 'rsmate:catalog-changed';

export interface CatalogChangedDetail {
  sessionId: string;
  /** The refreshed catalog summary the apply returned, when there is one. */
  catalog?: CatalogSummary;
}

const versions = new Map<string, number>();

export function emitCatalogChanged(detail: CatalogChangedDetail) {
  versions.set(detail.sessionId, (versions.get(detail.sessionId) ?? 0) + 1);
  window.dispatchEvent(new CustomEvent<CatalogChangedDetail>(CATALOG_CHANGED, { detail }));
}

/** Calls cb after every apply (of any session); returns the unsubscribe function. */
export function onCatalogChanged(cb: (d: CatalogChangedDetail) => void): () => void {
  const h = (e: Event) => cb((e as CustomEvent<CatalogChangedDetail>).detail);
  window.addEventListener(CATALOG_CHANGED, h);
  return () => window.removeEventListener(CATALOG_CHANGED, h);
}

function subscribe(l: () => void) {
  return onCatalogChanged(() => l());
}

/** A number that grows each time the session's catalog changed: put it in effect deps to reload. */
export function useCatalogVersion(sessionId: string): number {
  return useSyncExternalStore(
    subscribe,
    () => versions.get(sessionId) ?? 0,
    () => versions.get(sessionId) ?? 0,
  );
}
