import { Badge, Checkbox, Divider, Stack, Switch, Text } from '@mantine/core';
import { IconUserShield } from '@tabler/icons-react';
import { useDeferredValue, useMemo, useState } from 'react';
import { catalogApi, type PrincipalRef, type RoleRow, type SessionInfo } from '../../../api';
import { featuresOf, fmtCount } from '../format';
import { PrincipalIcon } from '../icons';
import { EmptyHint, ErrorPane, PaneLoader } from '../parts';
import { PrincipalPane } from '../principal/PrincipalPane';
import { ListActions } from '../slots';
import { selectedKey, useCatalog, useCatalogQuery, useSessionUI } from '../store';
import { SystemBadge } from './badges';
import { ROLE_SORT_VALUES, emptyRoleQuery, filterRoles, nextSort, sortRows, type RoleFlag, type RoleQuery, type Sort } from './logic';
import { PrincipalList, ROW_HEIGHT, type ActiveFilter, type Column } from './PrincipalList';
import { SplitView } from './SplitView';
import classes from '../catalog.module.css';

const FLAG_LABEL: Record<RoleFlag, string> = {
  systemPermissions: 'With system permissions',
  noMembers: 'Without members',
  noGrants: 'Without direct grants',
  nested: 'Granted to other roles',
};

export function RolesTab({ session }: { session: SessionInfo }) {
  const { summary } = useCatalog(session.id);
  const f = featuresOf(summary);
  const q = useCatalogQuery(session.id, 'roles', () => catalogApi.roles(session.id));
  const [query, setQuery] = useSessionUI<RoleQuery>(session.id, 'roles.query', emptyRoleQuery);
  const [sort, setSort] = useSessionUI<Sort>(session.id, 'roles.sort', { key: 'name', dir: 'asc' });
  const [selected, setSelected] = useSessionUI<PrincipalRef | null>(session.id, selectedKey('roles'), null);
  const [active, setActive] = useState(-1);
  const text = useDeferredValue(query.text);

  const all = useMemo(() => q.data ?? [], [q.data]);
  const sorted = useMemo(() => sortRows(all, sort, ROLE_SORT_VALUES), [all, sort]);
  const rows = useMemo(() => filterRoles(sorted, { ...query, text }), [sorted, query, text]);
  const systemCount = useMemo(() => all.filter((r) => r.system).length, [all]);
  const total = query.showSystem ? all.length : all.length - systemCount;

  const flags: RoleFlag[] = [...(f.systemPermissions ? (['systemPermissions'] as RoleFlag[]) : []), 'nested', 'noMembers', 'noGrants'];
  const toggle = (fl: RoleFlag) =>
    setQuery((cur) => ({ ...cur, flags: cur.flags.includes(fl) ? cur.flags.filter((x) => x !== fl) : [...cur.flags, fl] }));
  const activeFilters: ActiveFilter[] = [
    ...query.flags.map((fl) => ({ id: fl, label: FLAG_LABEL[fl], onRemove: () => toggle(fl) })),
    ...(query.showSystem ? [{ id: 'system', label: 'Including system roles', onRemove: () => setQuery((c) => ({ ...c, showSystem: false })) }] : []),
  ];

  const filters = (
    <Stack gap={8}>
      <Switch
        size="xs"
        label={`Show system roles (${systemCount.toLocaleString('en-US')})`}
        description={f.redshift ? 'sys:* and ds:* roles managed by Redshift' : 'pg_* roles built into PostgreSQL'}
        checked={query.showSystem}
        onChange={(e) => {
          const on = e.currentTarget.checked;
          setQuery((c) => ({ ...c, showSystem: on }));
        }}
      />
      <Divider />
      <Text size="xs" fw={700} c="dimmed">
        ONLY ROLES
      </Text>
      {flags.map((fl) => (
        <Checkbox key={fl} size="xs" label={FLAG_LABEL[fl]} checked={query.flags.includes(fl)} onChange={() => toggle(fl)} />
      ))}
    </Stack>
  );

  const columns: Column<RoleRow>[] = [
    {
      key: 'name',
      label: 'Name',
      render: (r) => (
        <>
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', fontWeight: 500 }}>{r.name}</span>
          {r.system && <SystemBadge />}
          {r.superuser && (
            <Badge size="xs" color="grape" variant="filled" style={{ flexShrink: 0 }}>
              superuser
            </Badge>
          )}
          {(r.systemPrivileges?.length ?? 0) > 0 && (
            <Badge size="xs" color="grape" variant="light" style={{ flexShrink: 0 }} title={r.systemPrivileges!.join(', ')}>
              {r.systemPrivileges!.length} system permission{r.systemPrivileges!.length === 1 ? '' : 's'}
            </Badge>
          )}
        </>
      ),
    },
    { key: 'members', label: 'Members', width: 78, align: 'right', firstDir: 'desc', render: (r) => (r.members ? fmtCount(r.members) : '–') },
    { key: 'grants', label: 'Grants', width: 58, align: 'right', firstDir: 'desc', render: (r) => (r.grants ? fmtCount(r.grants) : '–') },
  ];

  const publicSelected = selected?.kind === 'public';
  const pinned = (
    <div
      role="button"
      tabIndex={0}
      aria-label="PUBLIC"
      aria-pressed={publicSelected}
      className={classes.row}
      data-selected={publicSelected || undefined}
      style={{ position: 'relative', height: ROW_HEIGHT, borderBottom: '1px solid var(--app-border)' }}
      onClick={() => setSelected({ kind: 'public', name: '' })}
      onKeyDown={(e) => e.key === 'Enter' && setSelected({ kind: 'public', name: '' })}
    >
      <PrincipalIcon kind="public" />
      <span style={{ fontWeight: 500 }}>PUBLIC</span>
      <Text span size="xs" c="dimmed">
        every user — what everyone can do
      </Text>
    </div>
  );

  let list;
  if (q.error) list = <ErrorPane error={q.error} onRetry={q.reload} />;
  else if (!q.data) list = <PaneLoader label="Loading roles…" />;
  else
    list = (
      <PrincipalList<RoleRow>
        label="Roles"
        noun={['role', 'roles']}
        rows={rows}
        total={total}
        columns={columns}
        sort={sort}
        onSort={(k) => setSort(nextSort(sort, k, columns.find((c) => c.key === k)?.firstDir))}
        search={query.text}
        onSearch={(t) => setQuery((cur) => ({ ...cur, text: t }))}
        filters={filters}
        activeFilters={activeFilters}
        onClearFilters={() => setQuery((cur) => ({ ...emptyRoleQuery, text: cur.text }))}
        selected={selected && selected.kind === 'role' ? selected.name : null}
        onOpen={(r) => setSelected({ kind: 'role', name: r.name })}
        activeIndex={active}
        onActiveChange={setActive}
        actions={<ListActions session={session} list="roles" />}
        pinned={pinned}
        emptyAll={
          <EmptyHint icon={<IconUserShield size={20} />} title="No roles yet">
            {systemCount && !query.showSystem
              ? `Only system roles exist (${systemCount}); switch them on in the filters to see them.`
              : 'Roles bundle privileges so users can be granted one role instead of many grants.'}
          </EmptyHint>
        }
      />
    );

  return (
    <SplitView
      list={list}
      detail={
        <PrincipalPane
          session={session}
          principal={selected}
          placeholder={{
            title: 'Select a role',
            text: 'See who is a member (directly or through nested roles), which roles it belongs to, and every privilege it grants.',
          }}
        />
      }
    />
  );
}
