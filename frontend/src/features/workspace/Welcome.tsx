import { Button, Code, EmptyState, Group, Stack, Text } from '@mantine/core';
import { IconDatabasePlus, IconFlask, IconPlayerPlay, IconPlugConnected } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { aboutApi, type SandboxInfo } from '../../api';
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
      {!sandbox && <SandboxNote />}
      <Group gap="lg" mt="md" c="dimmed">
        <Hint hotkey={HOTKEYS.newConnection} label="New connection" />
        <Hint hotkey={HOTKEYS.search} label="Search" />
        <Hint hotkey={HOTKEYS.connect} label="Connect selected" />
        <Hint hotkey={HOTKEYS.help} label="All shortcuts" />
      </Group>
    </Stack>
  );
}

/**
 * Without a running Local sandbox, says whether one could run here and what it
 * needs: PostgreSQL server binaries (the app starts its own throwaway server).
 */
function SandboxNote() {
  const [info, setInfo] = useState<SandboxInfo | null>(null);
  useEffect(() => {
    aboutApi.sandbox().then(setInfo, () => setInfo(null));
  }, []);
  if (!info || info.running) return null;
  return (
    <Text size="xs" c="dimmed" maw={560} ta="center" data-testid="sandbox-note">
      {info.available ? (
        <>
          Local sandbox: PostgreSQL server binaries found in <Code fz="xs">{info.binDir}</Code>. Start the app with{' '}
          <Code fz="xs">RSMATE_SANDBOX=1</Code> to practise on a throwaway, seeded database.
        </>
      ) : (
        <>
          The Local sandbox (a throwaway, seeded PostgreSQL to practise on) needs PostgreSQL server binaries on this computer:
          install the <Code fz="xs">postgresql</Code> package, or set <Code fz="xs">RSMATE_PG_BIN</Code> to their folder.
        </>
      )}
    </Text>
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
