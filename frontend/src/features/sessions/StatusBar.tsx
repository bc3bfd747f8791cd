import { Badge, Group, Text } from '@mantine/core';
import { IconKey, IconKeyOff, IconLock, IconPlugConnected, IconPlugConnectedX } from '@tabler/icons-react';
import { ColorDot } from '../../components/ColorDot';
import { Tip } from '../../components/Tip';
import { useConnections, useKeychain } from '../connections/ConnectionsProvider';
import { engineLabel } from '../connections/defaults';
import { useSessions } from './SessionsProvider';

export function StatusBar() {
  const { active, sessions } = useSessions();
  const { profiles } = useConnections();
  const keychain = useKeychain();
  const profile = active ? profiles.find((p) => p.id === active.profileId) : undefined;
  const s = active?.server;

  return (
    <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="md" role="status" aria-label="Connection status">
      <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
        {s ? (
          <>
            <IconPlugConnected size={13} color="var(--mantine-color-teal-6)" />
            <ColorDot color={profile?.color} size={8} />
            <Text size="xs" fw={600}>
              {engineLabel(s.engine)}
            </Text>
            <Text size="xs" c="dimmed">
              ·
            </Text>
            <Text size="xs">
              {s.version}
            </Text>
            <Text size="xs" c="dimmed">
              ·
            </Text>
            <Text size="xs" ff="monospace" truncate>
              {s.user}@{s.host}:{s.port}/{s.database}
            </Text>
            {active?.readOnly && (
              <Badge
                size="xs"
                variant="filled"
                color={profile?.color || 'orange'}
                leftSection={<IconLock size={10} />}
                styles={{ root: { textTransform: 'none' } }}
              >
                Read-only
              </Badge>
            )}
          </>
        ) : (
          <>
            <IconPlugConnectedX size={13} color="var(--mantine-color-dimmed)" />
            <Text size="xs" c="dimmed">
              Not connected
            </Text>
          </>
        )}
      </Group>
      <Group gap="md" wrap="nowrap">
        {sessions.length > 1 && (
          <Text size="xs" c="dimmed">
            {sessions.length} sessions open
          </Text>
        )}
        {keychain && (
          <Tip
            label={keychain.available ? 'Passwords are stored in the OS keychain' : 'No OS keychain: passwords are asked at connect time'}
            position="top-end"
          >
            <Group gap={4} wrap="nowrap" c="dimmed">
              {keychain.available ? <IconKey size={12} /> : <IconKeyOff size={12} />}
              <Text size="xs">{keychain.available ? 'Keychain' : 'No keychain'}</Text>
            </Group>
          </Tip>
        )}
      </Group>
    </Group>
  );
}
