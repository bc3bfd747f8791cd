import { Button, Code, EmptyState, Group, Stack, Text } from '@mantine/core';
import { IconDatabasePlus, IconFlask, IconPlayerPlay, IconPlugConnected } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { aboutApi, type ProfileView, type SandboxInfo } from '../../api';
import { earlyOr, earlyValue, takeEarly } from '../../app/early';
import { HOTKEYS } from '../../app/hotkeys';
import { isEmulatedRedshift } from '../../components/EngineBadge';
import { notifyError } from '../../components/notify';
import { ShortcutKeys } from '../../components/shortcuts';
import { Tip } from '../../components/Tip';
import { useConnections } from '../connections/ConnectionsProvider';
import { useSessions } from '../sessions/SessionsProvider';

/** The main area before any connection is open: what the app does and how to start. */
export function Welcome() {
  const { profiles, openNew, selected, select, reload } = useConnections();
  const { connect } = useSessions();
  const [sandboxInfo, setSandboxInfo] = useSandboxInfo();
  const sandbox = profiles.find((p) => p.sandbox && !isEmulatedRedshift(p));
  // The emulated Redshift has a button of its own below.
  const start = selected && !isEmulatedRedshift(selected) ? selected : sandbox;
  const open = (p: ProfileView) => {
    select(p.id);
    void connect(p);
  };

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
                onClick={() => open(start)}
              >
                {start.id === sandbox?.id ? 'Open the Local sandbox' : `Connect to ${start.name}`}
              </Button>
            )}
            <EmulatedRedshiftButton available={!!sandboxInfo?.available} profiles={profiles} reload={reload} onOpen={open} />
            <Button variant={start ? 'default' : 'filled'} leftSection={<IconDatabasePlus size={14} />} onClick={openNew}>
              New connection
            </Button>
          </Group>
        </EmptyState.Actions>
      </EmptyState>
      {!sandbox && <SandboxOffer info={sandboxInfo} onInfo={setSandboxInfo} onStarted={reload} />}
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
 * Whether the Local sandbox runs or could (PostgreSQL server binaries found),
 * asked once per welcome screen; the first screen has the answer of the call
 * index.html started. null until known, or when the question failed.
 */
export function useSandboxInfo(): [SandboxInfo | null, (info: SandboxInfo) => void] {
  const [early] = useState(() => takeEarly<SandboxInfo>('sandbox'));
  const [info, setInfo] = useState<SandboxInfo | null>(() => earlyValue(early) ?? null);
  useEffect(() => {
    if (earlyValue(early)) return;
    let live = true;
    earlyOr(early, aboutApi.sandbox).then(
      (i) => live && setInfo(i),
      () => live && setInfo(null),
    );
    return () => {
      live = false;
    };
  }, [early]);
  return [info, setInfo];
}

/**
 * Without a running Local sandbox: a button that starts one where PostgreSQL
 * server binaries were found (the app runs its own throwaway server), or what
 * it would need elsewhere.
 */
export function SandboxOffer({
  info,
  onInfo,
  onStarted,
}: {
  info: SandboxInfo | null;
  onInfo: (info: SandboxInfo) => void;
  onStarted: () => Promise<unknown>;
}) {
  const [starting, setStarting] = useState(false);
  if (!info || info.running) return null;
  if (!info.available) {
    return (
      <Text size="xs" c="dimmed" maw={560} ta="center" data-testid="sandbox-note">
        The Local sandbox (a throwaway, seeded PostgreSQL to practise on) needs PostgreSQL server binaries on this computer:
        install the <Code fz="xs">postgresql</Code> package, or set <Code fz="xs">RSMATE_PG_BIN</Code> to their folder.
      </Text>
    );
  }
  const start = async () => {
    setStarting(true);
    try {
      onInfo(await aboutApi.startSandbox());
      await onStarted();
    } catch (e) {
      notifyError(e);
    } finally {
      setStarting(false);
    }
  };
  return (
    <Stack gap={4} align="center" maw={560} data-testid="sandbox-note">
      <Button variant="light" size="xs" leftSection={<IconFlask size={14} />} loading={starting} onClick={() => void start()}>
        Start the Local sandbox
      </Button>
      <Text size="xs" c="dimmed" ta="center">
        A throwaway PostgreSQL with a realistic set of users, roles and grants to practise on, using the server binaries in{' '}
        <Code fz="xs">{info.binDir}</Code>. It is deleted when the app closes.
      </Text>
    </Stack>
  );
}

/**
 * Opens the Local sandbox as "Redshift (emulated)", starting it first (a
 * throwaway PostgreSQL with Redshift's system views) where PostgreSQL server
 * binaries were found. Nothing is applied there: it is for browsing and
 * previewing Redshift SQL without a cluster.
 */
export function EmulatedRedshiftButton({
  available,
  profiles,
  reload,
  onOpen,
}: {
  /** PostgreSQL server binaries were found (useSandboxInfo). */
  available: boolean;
  profiles: ProfileView[];
  reload: () => Promise<ProfileView[]>;
  onOpen: (p: ProfileView) => void;
}) {
  const running = profiles.find(isEmulatedRedshift);
  const [starting, setStarting] = useState(false);
  if (!running && !available) return null;
  const open = async () => {
    let p = running;
    if (!p) {
      setStarting(true);
      try {
        await aboutApi.startEmulatedSandbox();
        p = (await reload()).find(isEmulatedRedshift);
      } catch (e) {
        notifyError(e);
      } finally {
        setStarting(false);
      }
    }
    if (p) onOpen(p);
  };
  return (
    <Tip
      multiline
      w={320}
      label="The Local sandbox read through Redshift's system views: groups, system permissions, syslog access, session timeouts and the rest, every change previewed as Redshift SQL. Nothing is applied there."
    >
      <Button variant="default" leftSection={<IconFlask size={14} />} loading={starting} onClick={() => void open()}>
        Open as Redshift (emulated)
      </Button>
    </Tip>
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
