// Asks before an action that would drop a session's queued changes
// (disconnect, switching database): they were made for that connection and
// database, and the backend discards their previewed plan either way.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useSyncExternalStore } from 'react';
import { useOpenedOnce } from '../../components/useOpenedOnce';
import { pending } from './store';

export type GuardedAction = { kind: 'disconnect' } | { kind: 'switch'; database: string };

interface Ask {
  count: number;
  action: GuardedAction;
  resolve: (ok: boolean) => void;
}

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

/** The confirmation dialog; mounted once next to the sessions UI. */
export function PendingGuardHost() {
  const ask = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
  const n = ask?.count ?? 0;
  const changes = `${n} pending change${n === 1 ? '' : 's'}`;
  const what = ask?.action.kind === 'switch' ? `Switch to ${ask.action.database}` : 'Disconnect';
  if (!useOpenedOnce(!!ask)) return null;
  return (
    <Modal
      opened={!!ask}
      onClose={() => answer(false)}
      title={
        <Group gap="xs">
          <IconAlertTriangle size={18} color="var(--mantine-color-orange-6)" />
          <Text fw={600}>{what} and discard {changes}?</Text>
        </Group>
      }
      centered
    >
      <Stack gap="sm">
        <Text size="sm">
          {ask?.action.kind === 'switch'
            ? 'Grants are per database: the queued changes were made for this one and would be discarded, typed passwords included. Nothing has been applied.'
            : 'The queued changes, typed passwords included, are forgotten when the connection closes. Nothing has been applied.'}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => answer(false)} data-autofocus>
            Keep changes
          </Button>
          <Button color="red" onClick={() => answer(true)}>
            Discard and {ask?.action.kind === 'switch' ? 'switch' : 'disconnect'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
