// Asks before an action that would drop a session's queued changes
// (disconnect, switching database): they were made for that connection and
// database, and the backend discards their previewed plan either way.
import { useSyncExternalStore } from 'react';
import { part } from '../../components/part';
import { WhenOpened } from '../../components/WhenOpened';
import { pending } from './store';

export type GuardedAction = { kind: 'disconnect' } | { kind: 'switch'; database: string };

export interface Ask {
  count: number;
  action: GuardedAction;
  resolve: (ok: boolean) => void;
}

// Loaded once the window is idle after the first screen (or when first needed).
const dialog = part(() => import('./PendingGuardDialog').then((m) => m.default));

let current: Ask | null = null;
const listeners = new Set<() => void>();

function set(a: Ask | null) {
  current = a;
  for (const l of [...listeners]) l();
}

/**
 * Resolves true when the action may go ahead: at once when nothing is
 * queued, else after the user agreed to discard the queued changes.
 */
export function confirmDropPending(sessionId: string, action: GuardedAction): Promise<boolean> {
  const count = pending.items(sessionId).length;
  if (count === 0) return Promise.resolve(true);
  current?.resolve(false);
  return new Promise((resolve) => set({ count, action, resolve }));
}

function answer(ok: boolean) {
  const a = current;
  set(null);
  a?.resolve(ok);
}

/** The confirmation dialog's place; mounted once next to the sessions UI. */
export function PendingGuardHost() {
  const ask = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
  return (
    <WhenOpened opened={!!ask} part={dialog}>
      {(PendingGuardDialog) => <PendingGuardDialog ask={ask} answer={answer} />}
    </WhenOpened>
  );
}
