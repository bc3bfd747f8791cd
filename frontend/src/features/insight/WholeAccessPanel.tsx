import { Badge, Box, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconHierarchy2, IconRoute, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { catalogApi, insightApi, type PrincipalDetail, type SessionInfo } from '../../api';
import { fmtCount, principalKey } from '../catalog/format';
import { Chain, EmptyHint, ErrorPane, PaneLoader, PrivilegeBadge } from '../catalog/parts';
import { useCatalogQuery } from '../catalog/store';
import { VirtualList } from '../catalog/VirtualList';
import { openGraph } from '../graph/navigation';
import { ExportMenu } from './ExportMenu';
import { accessRows, filterAccess, type AccessFilter, type AccessRow } from './logic';

const HOW_TEXT: Record<AccessRow['how'], string> = { direct: 'direct', inherited: 'inherited', set_role: 'after SET ROLE' };

/** The path panel: why the active row's privilege is held, every source with its membership chain. */
function WhyPanel({ row, detail, sessionId }: { row: AccessRow | undefined; detail: PrincipalDetail; sessionId: string }) {
  return (
    <Box
      h={170}
      px="lg"
      py="sm"
      style={{ flexShrink: 0, borderTop: '1px solid var(--app-border)', overflow: 'auto' }}
      role="region"
      aria-label="Why"
      aria-live="polite"
    >
      <Group gap={6} mb="xs">
        <IconRoute size={15} />
        <Text fw={600} size="sm">
          Why
        </Text>
      </Group>
      {!row ? (
        <Text size="xs" c="dimmed">
          Focus the list and move with the arrow keys (or click a row): the path behind the privilege shows here.
        </Text>
      ) : (
        <Stack gap="xs" data-why={row.key}>
          <Text size="sm">
            <b>{row.privilege}</b> on {row.label}: {HOW_TEXT[row.how]}
            {row.grantOption ? ', with grant option' : ''}
          </Text>
          {row.sources.map((s, i) => (
            <Box key={i} px={8} py={4} style={{ border: '1px solid var(--app-border)', borderRadius: 4 }} data-source={i}>
              {s.via.length === 0 ? (
                <Text size="sm">Granted directly to {detail.ref.kind === 'public' ? 'PUBLIC' : detail.ref.name}</Text>
              ) : (
                <Group gap="xs" justify="space-between" wrap="nowrap">
                  <Chain from={detail.ref} via={s.via} />
                  {s.via.every((p) => p.kind !== 'public') && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      leftSection={<IconHierarchy2 size={12} />}
                      onClick={() => openGraph(sessionId, detail.ref, [detail.ref, ...s.via])}
                    >
                      Show in role graph
                    </Button>
                  )}
                </Group>
              )}
              <Text size="xs" c="dimmed" mt={2}>
                {[
                  s.setRole && `after SET ROLE ${s.setRole}`,
                  s.note,
                  s.grantOption && 'with grant option',
                  row.scope && `scoped: every current and future ${row.scope.toLowerCase()}`,
                  s.grantor && `granted by ${s.grantor}`,
                ]
                  .filter(Boolean)
                  .join(' · ') || 'granted to ' + (s.via.length ? s.via[s.via.length - 1].name || 'PUBLIC' : 'it')}
              </Text>
            </Box>
          ))}
        </Stack>
      )}
    </Box>
  );
}

/** Everything a principal can do in the whole database (all schemas), in one virtualised table. */
export function WholeAccessPanel({ session, detail }: { session: SessionInfo; detail: PrincipalDetail }) {
  const ref = detail.ref;
  const q = useCatalogQuery(session.id, `effective:${principalKey(ref)}:*`, () => catalogApi.effective(session.id, ref, ''));
  const [filter, setFilter] = useState<AccessFilter>({ text: '', privilege: '', schema: '', how: '' });
  const [active, setActive] = useState(-1);
  const all = useMemo(() => (q.data ? accessRows(q.data) : []), [q.data]);
  const rows = useMemo(() => filterAccess(all, filter), [all, filter]);
  const privileges = useMemo(() => [...new Set(all.map((r) => r.privilege))].sort(), [all]);
  const schemas = useMemo(() => [...new Set(all.map((r) => r.schema).filter(Boolean))].sort(), [all]);
  const set = (p: Partial<AccessFilter>) => {
    setFilter((f) => ({ ...f, ...p }));
    setActive(-1);
  };
  const scope = { principal: ref };

  if (q.error) return <ErrorPane error={q.error} onRetry={q.reload} />;
  if (!q.data) return <PaneLoader label="Computing access across the database…" />;
  return (
    <Box style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <Group gap="sm" px="lg" py="xs" wrap="wrap">
        <TextInput
          size="xs"
          w={220}
          aria-label="Filter objects"
          placeholder="Filter objects or roles"
          leftSection={<IconSearch size={12} />}
          value={filter.text}
          onChange={(e) => set({ text: e.currentTarget.value })}
        />
        <Select size="xs" w={150} aria-label="Schema" data={[{ value: '', label: 'Every schema' }, ...schemas.map((s) => ({ value: s, label: s }))]} value={filter.schema} onChange={(v) => set({ schema: v ?? '' })} allowDeselect={false} searchable />
        <Select size="xs" w={140} aria-label="Privilege" data={[{ value: '', label: 'Every privilege' }, ...privileges.map((p) => ({ value: p, label: p }))]} value={filter.privilege} onChange={(v) => set({ privilege: v ?? '' })} allowDeselect={false} />
        <Select
          size="xs"
          w={150}
          aria-label="How held"
          data={[
            { value: '', label: 'Direct or inherited' },
            { value: 'direct', label: 'Direct' },
            { value: 'inherited', label: 'Inherited' },
            { value: 'set_role', label: 'After SET ROLE' },
          ]}
          value={filter.how}
          onChange={(v) => set({ how: (v ?? '') as AccessFilter['how'] })}
          allowDeselect={false}
        />
        {q.data.superuser && (
          <Badge color="grape" variant="light">
            Superuser: passes every check
          </Badge>
        )}
        <Box style={{ flex: 1 }} />
        <Text size="xs" c="dimmed">
          {fmtCount(rows.length)} of {fmtCount(all.length)} privileges
        </Text>
        <ExportMenu
          items={[
            { label: 'Grants as SQL script', run: () => insightApi.exportGrants(session.id, scope, 'sql') },
            { label: 'Grants as CSV', run: () => insightApi.exportGrants(session.id, scope, 'csv') },
          ]}
        />
      </Group>
      <Box style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0, borderTop: '1px solid var(--app-border)' }}>
        <Box style={{ flex: 1, minHeight: 0 }}>
          <VirtualList
            label="Access across the database"
            count={rows.length}
            rowHeight={32}
            rowKey={(i) => rows[i].key}
            rowLabel={(i) => `${rows[i].privilege} on ${rows[i].label}, ${HOW_TEXT[rows[i].how]}`}
            activeIndex={active}
            onActiveChange={setActive}
            selectedIndex={active}
            onOpen={setActive}
            empty={<EmptyHint compact title="No privileges match">Change the filters above.</EmptyHint>}
            renderRow={(i) => {
              const r = rows[i];
              return (
                <Group gap={10} wrap="nowrap" px="lg" style={{ width: '100%', minWidth: 0 }}>
                  <Text size="sm" truncate="end" style={{ flex: 2, minWidth: 0 }} title={r.label}>
                    {r.label}
                  </Text>
                  <Box w={120} style={{ flexShrink: 0 }}>
                    <PrivilegeBadge privilege={r.privilege} grantOption={r.grantOption} inherited={r.how !== 'direct'} setRole={r.how === 'set_role' ? r.sources[0]?.setRole : undefined} />
                  </Box>
                  <Text size="xs" c="dimmed" truncate="end" style={{ flex: 1, minWidth: 0 }}>
                    {r.how === 'direct' ? 'direct' : `via ${r.sources[0]?.via.map((p) => p.name || 'PUBLIC').join(' → ')}`}
                  </Text>
                </Group>
              );
            }}
          />
        </Box>
        <WhyPanel row={rows[active]} detail={detail} sessionId={session.id} />
      </Box>
    </Box>
  );
}

export default WholeAccessPanel;
