import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { Ask } from './PendingGuard';

/** The confirmation PendingGuardHost shows; loaded the first time it is needed. */
export default function PendingGuardDialog({ ask, answer }: { ask: Ask | null; answer: (ok: boolean) => void }) {
  const n = ask?.count ?? 0;
  const changes = `${n} pending change${n === 1 ? '' : 's'}`;
  const what = ask?.action.kind === 'switch' ? `Switch to ${ask.action.database}` : 'Disconnect';
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
