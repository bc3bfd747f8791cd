import { Button, EmptyState, Group, Stack, Text } from '@mantine/core';
import { IconDatabasePlus, IconFlask, IconPlayerPlay, IconPlugConnected } from '@tabler/icons-react';
import { HOTKEYS } from '../../app/hotkeys';
import { ShortcutKeys } from '../../components/shortcuts';
import { useConnections } from '../connections/ConnectionsProvider';
import { useSessions } from '../sessions/SessionsProvider';

/** The main area before any connection is open: what the app does and how to start. */
export function Welcome() {
  const { profiles, openNew, selected, select } = useConnections();
  const { connect } = useSessions();
  const sandbox = profiles.find((p) => p.sandbox);
  const start = selected ?? sandbox;

  return (
    <Stack h="100%" align="center" justify="center" p="xl">
      <EmptyState
        size="lg"
        variant="light"
        icon={<IconPlugConnected size={34} stroke={1.6} />}
        title="Connect to a cluster to get started"
        description={
          <>
            Redshift Mate shows who can do what on Amazon Redshift and PostgreSQL: users, roles, groups and every privilege.
            {profiles.length
              ? ' Pick a saved connection on the left and double-click it, or create a new one.'
              : ' Create a connection with the host, database and user of your cluster — or paste its URL.'}
          </>
        }
        maw={560}
      >
        <EmptyState.Actions>
          <Group gap="sm" justify="center">
            {start && (
              <Button
                leftSection={start.sandbox ? <IconFlask size={14} /> : <IconPlayerPlay size={14} />}
                onClick={() => {
                  select(start.id);
                  void connect(start);
                }}
              >
                {start.sandbox ? 'Open the Local sandbox' : `Connect to ${start.name}`}
              </Button>
            )}
            <Button variant={start ? 'default' : 'filled'} leftSection={<IconDatabasePlus size={14} />} onClick={openNew}>
              New connection
            </Button>
          </Group>
        </EmptyState.Actions>
      </EmptyState>
      <Group gap="lg" mt="md" c="dimmed">
        <Hint hotkey={HOTKEYS.newConnection} label="New connection" />
        <Hint hotkey={HOTKEYS.search} label="Search" />
        <Hint hotkey={HOTKEYS.connect} label="Connect selected" />
        <Hint hotkey={HOTKEYS.help} label="All shortcuts" />
      </Group>
    </Stack>
  );
}

function Hint({ hotkey, label }: { hotkey: string; label: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <ShortcutKeys hotkey={hotkey} />
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}
