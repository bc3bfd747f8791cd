import { Badge, Box, Button, Group, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { IconLock, IconPlugConnectedX } from '@tabler/icons-react';
import { useState } from 'react';
import type { SessionInfo } from '../../api';
import { HOTKEYS } from '../../app/hotkeys';
import { ColorDot } from '../../components/ColorDot';
import { EngineBadge } from '../../components/EngineBadge';
import { shortcutLabel } from '../../components/shortcuts';
import { useConnections } from '../connections/ConnectionsProvider';
import { useSessions } from '../sessions/SessionsProvider';
import { WORKSPACE_TABS } from './registry';

/** The page of one open session: a title, then the feature tabs. */
export function Workspace({ session }: { session: SessionInfo }) {
  const { disconnect } = useSessions();
  const { profiles } = useConnections();
  const profile = profiles.find((p) => p.id === session.profileId);
  const color = profile?.color;
  const [tabBySession, setTabBySession] = useState<Record<string, string>>({});
  const tab = tabBySession[session.id] ?? WORKSPACE_TABS[0].value;

  return (
    <Box h="100%" style={{ display: 'flex', flexDirection: 'column' }}>
      <Box
        px="lg"
        pt="md"
        style={{
          borderTop: session.readOnly ? `3px solid ${color || 'var(--mantine-color-orange-6)'}` : undefined,
        }}
      >
        <Group justify="space-between" wrap="nowrap" mb="xs">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <ColorDot color={color} size={12} />
            <Title order={3} fz={20} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
              {session.profileName || session.server.host}
            </Title>
            <EngineBadge engine={session.server.engine} size="sm" />
            {session.readOnly && (
              <Badge size="sm" variant="light" color={color || 'orange'} leftSection={<IconLock size={11} />}>
                Read-only
              </Badge>
            )}
          </Group>
          <Tooltip label={`Close this session (${shortcutLabel(HOTKEYS.disconnect)})`}>
            <Button
              variant="default"
              leftSection={<IconPlugConnectedX size={14} />}
              onClick={() => void disconnect(session.id)}
            >
              Disconnect
            </Button>
          </Tooltip>
        </Group>
        <Text size="xs" c="dimmed" ff="monospace" mb="sm">
          {session.server.user}@{session.server.host}:{session.server.port}/{session.server.database}
        </Text>
      </Box>
      <Tabs
        value={tab}
        onChange={(v) => v && setTabBySession((m) => ({ ...m, [session.id]: v }))}
        style={{ flex: 1, display: 'flex', flexDirection: 'column', minHeight: 0 }}
        keepMounted={false}
      >
        <Tabs.List px="lg">
          {WORKSPACE_TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value} leftSection={<t.icon size={14} />}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {WORKSPACE_TABS.map((t) => (
          <Tabs.Panel key={t.value} value={t.value} p="lg" style={{ flex: 1, overflow: 'auto' }}>
            <t.Component session={session} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Box>
  );
}
