import { Badge, Box, CloseButton, Group, Text, TextInput } from '@mantine/core';
import { IconDatabase, IconFolder, IconKeyOff, IconSearch, IconShare } from '@tabler/icons-react';
import { useDeferredValue, useMemo, useState } from 'react';
import type { PrincipalDetail, SessionInfo } from '../../../api';
import { fmtCount, plural, principalLabel } from '../format';
import { usePrivilegeOrder } from '../store';
import { EmptyHint, ObjectLink, PrivilegeBadge } from '../parts';
import { VirtualRows } from '../VirtualList';
import { filterGrantRows, groupGrants, relationKinds, type ObjectGrantRow, type PrivilegeMark } from './grouping';
import classes from '../catalog.module.css';

export const GRANT_ROW_HEIGHT = 34;

/** "SELECT (id, name, +3)" for a column privilege; the whole list goes to the title. */
export function markLabel(m: PrivilegeMark): { suffix?: string; title?: string } {
  if (!m.columns) return {};
  const shown = m.columns.slice(0, 3).join(', ');
  const more = m.columns.length > 3 ? `, +${m.columns.length - 3}` : '';
  return {
    suffix: `(${shown}${more})`,
    title: `${m.privilege} on column${m.columns.length === 1 ? '' : 's'} ${m.columns.join(', ')}${m.grantOption ? ' — with grant option' : ''}`,
  };
}

export function PrivilegeMarks({ marks }: { marks: PrivilegeMark[] }) {
  return (
    <>
      {marks.map((m) => {
        const l = markLabel(m);
        return (
          <PrivilegeBadge
            key={`${m.privilege}:${m.columns?.join(',') ?? ''}`}
            privilege={m.privilege}
            grantOption={m.grantOption}
            suffix={l.suffix}
            title={l.title}
          />
        );
      })}
    </>
  );
}

function ObjectRowView({ row }: { row: ObjectGrantRow }) {
  const grantors = row.grantors.length ? `granted by ${row.grantors.join(', ')}` : undefined;
  return (
    <Group gap={8} wrap="nowrap" pl={22} style={{ width: '100%', minWidth: 0 }} title={grantors}>
      <Box style={{ width: 'min(46%, 320px)', minWidth: 0, flexShrink: 0, display: 'flex', alignItems: 'center', gap: 6 }}>
        <ObjectLink object={row.object} kind={row.kind} label={row.label} />
        {row.builtIn && (
          <Badge size="xs" variant="light" color="gray" style={{ flexShrink: 0 }} title="The engine's built-in default: never granted explicitly">
            built-in
          </Badge>
        )}
        {row.scope && (
          <Badge size="xs" variant="dot" color="teal" style={{ flexShrink: 0 }} title="Scoped permission: applies to the objects there now and to those created later">
            current and future
          </Badge>
        )}
      </Box>
      <Group gap={4} wrap="nowrap" style={{ overflow: 'hidden', minWidth: 0 }}>
        <PrivilegeMarks marks={row.privileges} />
      </Group>
    </Group>
  );
}

/** The principal's direct grants, grouped by schema then object, virtualised. */
export function GrantsPanel({ session, detail }: { session: SessionInfo; detail: PrincipalDetail }) {
  const order = usePrivilegeOrder(session.id);
  const [filter, setFilter] = useState('');
  const text = useDeferredValue(filter);
  const all = useMemo(() => groupGrants(detail.grants, relationKinds(detail.relations ?? []), order), [detail.grants, detail.relations, order]);
  const rows = useMemo(() => filterGrantRows(all, text), [all, text]);
  const objects = useMemo(() => all.filter((r) => r.type === 'object').length, [all]);
  const shown = useMemo(() => rows.filter((r) => r.type === 'object').length, [rows]);
  const name = principalLabel(detail.ref);

  if (detail.grants.length === 0) {
    return (
      <EmptyHint icon={<IconKeyOff size={20} />} title={`No privileges are granted to ${name} directly`}>
        {detail.ref.kind === 'public'
          ? 'Nothing has been granted to PUBLIC in this database beyond the built-in defaults.'
          : detail.inheritsFrom.length
            ? 'What it can do comes from its roles, groups and PUBLIC: see Effective access.'
            : 'Its access comes only from PUBLIC and from objects it owns.'}
      </EmptyHint>
    );
  }

  return (
    <>
      <Group px="lg" py="xs" gap="sm" wrap="nowrap" style={{ borderBottom: '1px solid var(--app-border)' }}>
        <TextInput
          aria-label="Filter privileges"
          placeholder="Filter by object or privilege…"
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          leftSection={<IconSearch size={14} />}
          rightSection={filter ? <CloseButton size="sm" aria-label="Clear filter" onClick={() => setFilter('')} /> : null}
          style={{ flex: 1, maxWidth: 340 }}
        />
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {text.trim() ? `${fmtCount(shown)} of ` : ''}
          {plural(objects, 'object')} · {plural(detail.grants.length, 'grant')}
        </Text>
        <Group gap={4} wrap="nowrap" ml="auto" c="dimmed" title="The grantee may grant this privilege on to others">
          <IconShare size={12} />
          <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
            with grant option
          </Text>
        </Group>
      </Group>
      <Box style={{ flex: 1, minHeight: 0 }}>
        <VirtualRows
          label={`Privileges of ${name}`}
          count={rows.length}
          rowHeight={GRANT_ROW_HEIGHT}
          rowKey={(i) => rows[i].key}
          rowClass={(i) => (rows[i].type === 'group' ? classes.groupRow : undefined)}
          empty={<EmptyHint title="No privilege matches the filter">Try part of a schema, object or privilege name.</EmptyHint>}
          renderRow={(i) => {
            const r = rows[i];
            if (r.type === 'object') return <ObjectRowView row={r} />;
            return (
              <Group gap={8} wrap="nowrap" aria-label={r.schema ? `Schema ${r.schema}` : 'Databases and languages'}>
                {r.schema ? <IconFolder size={14} /> : <IconDatabase size={14} />}
                <Text size="sm" fw={600}>
                  {r.schema ? r.schema : 'Databases and languages'}
                </Text>
                <Text size="xs" c="dimmed" fw={400}>
                  {plural(r.objects, 'object')}
                </Text>
              </Group>
            );
          }}
        />
      </Box>
    </>
  );
}
