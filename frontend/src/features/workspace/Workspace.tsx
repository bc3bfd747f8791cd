import '../../app/styles/rest.css';
import { Badge, Box, Button, Group, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { IconLock, IconPlugConnectedX } from '@tabler/icons-react';
import { useEffect } from 'react';
import type { SessionInfo } from '../../api';
import { CatalogBanners, CatalogGate, CatalogLoadStrip } from '../catalog/CatalogStatus';
import { CatalogLoadInfo, CatalogToolbar } from '../catalog/CatalogToolbar';
import { CatalogSession } from '../catalog/parts';
import { PendingChangesButton } from '../changes/PendingChangesButton';
import { TAB_KEY, catalogFor, useCatalog, useSessionUI } from '../catalog/store';
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
  const catalog = useCatalog(session.id);
  const [stored, setTab] = useSessionUI<string>(session.id, TAB_KEY, WORKSPACE_TABS[0].value);
  const tabs = WORKSPACE_TABS.filter((t) => !t.visible || t.visible(catalog.summary));
  const tab = tabs.some((t) => t.value === stored) ? stored : tabs[0].value;

  // Read the catalog once per session (the backend answers later calls from its cache).
  useEffect(() => {
    const store = catalogFor(session.id);
    if (store.state.status === 'idle') void store.load(false);
  }, [session.id]);

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
            <EngineBadge engine={session.server.engine} emulated={session.server.emulated} size="sm" />
            {session.readOnly && (
              <Badge size="sm" variant="light" color={color || 'orange'} leftSection={<IconLock size={11} />}>
                Read-only
              </Badge>
            )}
          </Group>
          <Group gap={6} wrap="nowrap">
            <CatalogToolbar sessionId={session.id} database={session.server.database} />
            <PendingChangesButton session={session} />
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
        </Group>
        <Group gap="xs" mb="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <Text size="xs" c="dimmed" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
            {session.server.user}@{session.server.host}:{session.server.port}/{session.server.database}
          </Text>
          <CatalogLoadInfo sessionId={session.id} />
        </Group>
      </Box>
      <CatalogSession session={session}>
        <Tabs
          value={tab}
          onChange={(v) => v && setTab(v)}
          style={{ flex: 1, display: 'flex', flexDirection: 'column', minHeight: 0 }}
          keepMounted={false}
        >
          <Tabs.List px="lg">
            {tabs.map((t) => {
              const n = t.count && catalog.summary ? t.count(catalog.summary) : undefined;
              return (
                <Tabs.Tab
                  key={t.value}
                  value={t.value}
                  leftSection={<t.icon size={14} />}
                  rightSection={
                    n !== undefined ? (
                      <Badge size="xs" variant="default" radius="xl" styles={{ root: { fontVariantNumeric: 'tabular-nums' } }}>
                        {n.toLocaleString('en-US')}
                      </Badge>
                    ) : undefined
                  }
                >
                  {t.label}
                </Tabs.Tab>
              );
            })}
          </Tabs.List>
          <CatalogLoadStrip sessionId={session.id} />
          <CatalogBanners sessionId={session.id} />
          {tabs.map((t) => (
            <Tabs.Panel
              key={t.value}
              value={t.value}
              p={t.fill ? 0 : 'lg'}
              style={{ flex: 1, minHeight: 0, overflow: t.fill ? 'hidden' : 'auto' }}
            >
              {t.needsCatalog ? (
                <CatalogGate sessionId={session.id}>
                  <t.Component session={session} />
                </CatalogGate>
              ) : (
                <t.Component session={session} />
              )}
            </Tabs.Panel>
          ))}
        </Tabs>
      </CatalogSession>
    </Box>
  );
}
