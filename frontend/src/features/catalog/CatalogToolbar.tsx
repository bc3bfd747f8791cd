import { Button, Group, Select, Text, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconDatabase, IconRefresh } from '@tabler/icons-react';
import { shortcutLabel } from '../../components/shortcuts';
import { confirmDropPending } from '../changes/PendingGuard';
import { pending } from '../changes/store';
import { loadInfo, parseServerTime } from './format';
import { useCatalog } from './store';

export const CATALOG_HOTKEYS = {
  refresh: 'mod+R',
  search: 'mod+F',
} as const;

/** Database switcher and Refresh, for the workspace header. */
export function CatalogToolbar({ sessionId, database }: { sessionId: string; database: string }) {
  const c = useCatalog(sessionId);
  const busy = c.status === 'loading';
  const current = c.summary?.database ?? database;
  const dbs = c.summary?.databases?.length ? c.summary.databases : [current];
  const data = dbs.includes(current) ? dbs : [current, ...dbs];

  const switchTo = async (database: string) => {
    if (!(await confirmDropPending(sessionId, { kind: 'switch', database }))) return;
    pending.clear(sessionId);
    await c.switchDatabase(database);
  };

  useHotkeys([[CATALOG_HOTKEYS.refresh, () => !document.querySelector('[role="dialog"]') && void c.load(true)]], []);

  return (
    <Group gap={6} wrap="nowrap">
      <Tooltip label="Grants are per database: switch to browse another one" position="bottom">
        <Select
          aria-label="Database"
          data={data}
          value={c.switchingTo ?? current}
          onChange={(v) => v && v !== current && void switchTo(v)}
          disabled={busy || data.length < 2}
          leftSection={<IconDatabase size={14} />}
          w={190}
          searchable={data.length > 8}
          comboboxProps={{ withinPortal: true }}
          nothingFoundMessage="No such database"
        />
      </Tooltip>
      <Tooltip label={`Read the catalog again (${shortcutLabel(CATALOG_HOTKEYS.refresh)})`} position="bottom">
        <Button
          variant="default"
          leftSection={<IconRefresh size={14} />}
          onClick={() => void c.load(true)}
          loading={busy && c.refreshing}
          disabled={busy && !c.refreshing}
        >
          Refresh
        </Button>
      </Tooltip>
    </Group>
  );
}

/** "Loaded 175 objects and 512 grants in 84 ms with 10 queries", subtle. */
export function CatalogLoadInfo({ sessionId }: { sessionId: string }) {
  const c = useCatalog(sessionId);
  if (!c.summary) return null;
  const at = parseServerTime(c.summary.loadedAt.replace(/(\.\d{3})\d+/, '$1'));
  const when = at ? ` at ${at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}` : '';
  return (
    <Text size="xs" c="dimmed" aria-label="Catalog load info" title={at ? `Read at ${at.toLocaleString()}` : undefined}>
      {loadInfo(c.summary, c.lastLoadMillis)}
      {when}
    </Text>
  );
}
