// The pending change set of each session: typed changes queued by the editors,
// in the order they will be planned. Typed passwords stay here, in memory
// only, until the set is applied or discarded or the session disconnects
// (a preview, Back and a failed apply keep them). A small external store so dialogs,
// the privilege matrix and the tray share it without a provider.
import { useSyncExternalStore } from 'react';
import type { Change } from '../../api/changes';
import type { DraftCell } from '../editors/matrix';

/** Who queued an item: the matrix and bulk editors rewrite their own items. */
export type Origin = 'form' | 'matrix' | 'bulk';

export interface PendingItem {
  id: string;
  change: Change;
  origin: Origin;
  /** Matrix items: the toggled cells this change stands for. */
  cells?: DraftCell[];
}

export interface NewItem {
  change: Change;
  cells?: DraftCell[];
}

type Listener = () => void;

const sets = new Map<string, PendingItem[]>();
const listeners = new Set<Listener>();
const EMPTY: PendingItem[] = [];
let seq = 0;

function emit() {
  for (const l of [...listeners]) l();
}

function put(sessionId: string, items: PendingItem[]) {
  if (items.length === 0) sets.delete(sessionId);
  else sets.set(sessionId, items);
  emit();
}

function newId(): string {
  seq += 1;
  return `c${seq}`;
}

export const pending = {
  items(sessionId: string): PendingItem[] {
    return sets.get(sessionId) ?? EMPTY;
  },

  changes(sessionId: string): Change[] {
    return pending.items(sessionId).map((i) => i.change);
  },

  /** Appends changes; returns the new items' ids. */
  add(sessionId: string, changes: Change | Change[], origin: Origin = 'form'): string[] {
    const list = Array.isArray(changes) ? changes : [changes];
    if (list.length === 0) return [];
    const added = list.map((change) => ({ id: newId(), change, origin }));
    put(sessionId, [...pending.items(sessionId), ...added]);
    return added.map((a) => a.id);
  },

  remove(sessionId: string, id: string) {
    put(
      sessionId,
      pending.items(sessionId).filter((i) => i.id !== id),
    );
  },

  /** Moves an item by delta places (clamped). */
  move(sessionId: string, id: string, delta: number) {
    const items = [...pending.items(sessionId)];
    const i = items.findIndex((x) => x.id === id);
    if (i < 0) return;
    const j = Math.max(0, Math.min(items.length - 1, i + delta));
    if (i === j) return;
    const [it] = items.splice(i, 1);
    items.splice(j, 0, it);
    put(sessionId, items);
  },

  /** Replaces one item's change. */
  update(sessionId: string, id: string, change: Change) {
    put(
      sessionId,
      pending.items(sessionId).map((i) => (i.id === id ? { ...i, change } : i)),
    );
  },

  /**
   * Replaces every item that `mine` selects with `entries`, at the place of
   * the first replaced item, or at the end (atEnd, or when none matched).
   * The matrix editors keep their grouped grants and revokes this way, last
   * so that they win over bulk changes queued before.
   */
  replace(sessionId: string, mine: (i: PendingItem) => boolean, entries: (Change | NewItem)[], origin: Origin, atEnd = false) {
    const items = pending.items(sessionId);
    const at = atEnd ? -1 : items.findIndex(mine);
    const kept = items.filter((i) => !mine(i));
    const fresh = entries.map((e) => {
      const ni: NewItem = 'kind' in e ? { change: e } : e;
      return { id: newId(), change: ni.change, origin, ...(ni.cells ? { cells: ni.cells } : {}) };
    });
    const pos = at < 0 ? kept.length : items.slice(0, at).filter((i) => !mine(i)).length;
    put(sessionId, [...kept.slice(0, pos), ...fresh, ...kept.slice(pos)]);
  },

  clear(sessionId: string) {
    put(sessionId, []);
  },

  subscribe(l: Listener): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },

  /** Test helper: forgets every session's set. */
  reset() {
    sets.clear();
    emit();
  },
};

/** The pending items of one session, re-rendering on every change. */
export function usePending(sessionId: string): PendingItem[] {
  return useSyncExternalStore(
    pending.subscribe,
    () => pending.items(sessionId),
    () => pending.items(sessionId),
  );
}
