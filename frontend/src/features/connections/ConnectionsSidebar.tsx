import {
  ActionIcon,
  Button,
  CloseButton,
  EmptyState,
  Group,
  Kbd,
  Skeleton,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import {
  IconDatabaseOff,
  IconDotsVertical,
  IconFileExport,
  IconFileImport,
  IconPlus,
  IconRefresh,
  IconSearch,
} from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { ProfileView } from '../../api';
import { HOTKEYS } from '../../app/hotkeys';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LazyMenu } from '../../components/LazyMenu';
import { shortcutLabel } from '../../components/shortcuts';
import { Tip } from '../../components/Tip';
import { useSessions } from '../sessions/SessionsProvider';
import { ConnectionList } from './ConnectionList';
import classes from './ConnectionList.module.css';
import { useConnections } from './ConnectionsProvider';

export function filterProfiles(profiles: ProfileView[], q: string): ProfileView[] {
  const t = q.trim().toLowerCase();
  if (!t) return profiles;
  return profiles.filter((p) =>
    [p.name, p.host, p.database, p.user, p.engine === 'redshift' ? 'redshift' : 'postgresql'].some((s) => s?.toLowerCase().includes(t)),
  );
}

export function ConnectionsSidebar() {
  // The ref is taken apart: read through c, it makes the hooks linter treat every c.* as a ref.
  const { searchRef, ...c } = useConnections();
  const s = useSessions();
  const [query, setQuery] = useState('');
  const shown = useMemo(() => filterProfiles(c.profiles, query), [c.profiles, query]);
  const connectedIds = useMemo(() => new Set(s.sessions.map((x) => x.profileId)), [s.sessions]);
  const connectingIds = useMemo(() => new Set(Object.keys(s.connecting)), [s.connecting]);

  return (
    <Stack gap={0} h="100%">
      <Group justify="space-between" px="sm" pt="sm" pb={6} wrap="nowrap">
        <Text size="xs" fw={700} tt="uppercase" c="dimmed" style={{ letterSpacing: '0.06em' }}>
          Connections
        </Text>
        <Group gap={2} wrap="nowrap">
          <Tip label={`New connection (${shortcutLabel(HOTKEYS.newConnection)})`}>
            <ActionIcon aria-label="Add connection" onClick={c.openNew}>
              <IconPlus size={16} />
            </ActionIcon>
          </Tip>
          <LazyMenu
            position="bottom-end"
            width={230}
            target={
              <ActionIcon aria-label="More connection actions">
                <IconDotsVertical size={16} />
              </ActionIcon>
            }
            items={[
              { label: 'Import connections…', icon: IconFileImport, onClick: () => void c.importFile() },
              { label: 'Export connections…', icon: IconFileExport, onClick: () => void c.exportAll() },
              { divider: true },
              { label: 'Reload list', icon: IconRefresh, onClick: () => void c.reload() },
              { heading: 'Exports never contain passwords.' },
            ]}
          />
        </Group>
      </Group>
      <TextInput
        mx="sm"
        mb="xs"
        ref={searchRef}
        aria-label="Search connections"
        placeholder="Search connections"
        leftSection={<IconSearch size={14} />}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setQuery('');
          if (e.key === 'Enter' && shown[0]) {
            c.select(shown[0].id);
            void s.connect(shown[0]);
          }
          if (e.key === 'ArrowDown' && shown[0]) {
            e.preventDefault();
            c.select(shown[0].id);
            (document.querySelector('[role="option"]') as HTMLElement | null)?.focus();
          }
        }}
        rightSectionWidth={query ? 28 : 60}
        rightSection={
          query ? (
            <CloseButton size="sm" aria-label="Clear search" onClick={() => setQuery('')} />
          ) : (
            <Group gap={2} wrap="nowrap" style={{ pointerEvents: 'none' }}>
              <Kbd size="xs">{shortcutLabel(HOTKEYS.search)}</Kbd>
            </Group>
          )
        }
      />
      <div className={classes.scroller}>
        {c.loading ? (
          <Stack gap={6} p={6}>
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} h={52} radius="sm" />
            ))}
          </Stack>
        ) : c.loadError ? (
          <Stack p={6}>
            <ErrorAlert error={c.loadError} />
            <Button variant="default" leftSection={<IconRefresh size={14} />} onClick={() => void c.reload()}>
              Try again
            </Button>
          </Stack>
        ) : c.profiles.length === 0 ? (
          <EmptyState
            size="sm"
            py="xl"
            px="sm"
            withIndicatorBackground
            icon={<IconDatabaseOff size={22} />}
            title="No saved connections"
            description="Add a Redshift cluster or PostgreSQL server, or paste its URL."
          >
            <EmptyState.Actions>
              <Button leftSection={<IconPlus size={14} />} onClick={c.openNew}>
                New connection
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        ) : shown.length === 0 ? (
          <Text size="xs" c="dimmed" ta="center" py="lg" px="sm">
            No connection matches “{query}”.
          </Text>
        ) : (
          <ConnectionList
            profiles={shown}
            selectedId={c.selectedId}
            connectedIds={connectedIds}
            connectingIds={connectingIds}
            canMove={(p, d) => !query && c.canMove(p, d)}
            onSelect={(p) => {
              c.select(p.id);
              const open = s.sessions.find((x) => x.profileId === p.id);
              if (open) s.activate(open.id);
            }}
            onConnect={(p) => {
              c.select(p.id);
              void s.connect(p);
            }}
            onCancelConnect={(p) => s.cancelConnect(p.id)}
            onEdit={c.openEdit}
            onDuplicate={(p) => void c.duplicate(p)}
            onDelete={(p) => void c.remove(p)}
            onMove={(p, d) => {
              if (!query && c.canMove(p, d)) void c.move(p, d);
            }}
          />
        )}
      </div>
      <Stack p="sm" gap={6} style={{ borderTop: '1px solid var(--app-border)' }}>
        <Button fullWidth variant="light" leftSection={<IconPlus size={14} />} onClick={c.openNew}>
          New connection
        </Button>
      </Stack>
    </Stack>
  );
}
