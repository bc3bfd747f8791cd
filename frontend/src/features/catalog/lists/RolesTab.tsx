import { Badge, Divider, Stack, Switch, Text } from '@mantine/core';
import { IconUserShield } from '@tabler/icons-react';
import { useMemo } from 'react';
import { catalogApi, type RoleRow, type SessionInfo } from '../../../api';
import { featuresOf, fmtCount } from '../format';
import { PrincipalIcon } from '../icons';
import { EmptyHint } from '../parts';
import { useCatalog } from '../store';
import { SystemBadge } from './badges';
import { ROLE_SORT_VALUES, emptyRoleQuery, filterRoles, type RoleFlag } from './logic';
import { ROW_HEIGHT, type ActiveFilter, type Column } from './PrincipalList';
import { FlagChecks, PrincipalListTab, usePrincipalListState } from './PrincipalListTab';
import classes from '../catalog.module.css';

const FLAG_LABEL: Record<RoleFlag, string> = {
  systemPermissions: 'With system permissions',
  noMembers: 'Without members',
  noGrants: 'Without direct grants',
  nested: 'Granted to other roles',
};

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

export function RolesTab({ session }: { session: SessionInfo }) {
  const { summary } = useCatalog(session.id);
  const f = featuresOf(summary);
  const state = usePrincipalListState({
    session,
    tab: 'roles',
    kind: 'role',
    fetch: () => catalogApi.roles(session.id),
    emptyQuery: emptyRoleQuery,
    sortValues: ROLE_SORT_VALUES,
    filter: filterRoles,
  });
  const { all, query, setQuery, selected, setSelected } = state;
  const systemCount = useMemo(() => all.filter((r) => r.system).length, [all]);
  const total = query.showSystem ? all.length : all.length - systemCount;

  const flags: RoleFlag[] = [...(f.systemPermissions ? (['systemPermissions'] as RoleFlag[]) : []), 'nested', 'noMembers', 'noGrants'];
  const activeFilters: ActiveFilter[] = [
    ...state.flagPills(FLAG_LABEL),
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
      <FlagChecks flags={flags} labels={FLAG_LABEL} on={query.flags} onToggle={state.toggleFlag} />
    </Stack>
  );

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

  return (
    <PrincipalListTab
      state={state}
      label="Roles"
      noun={['role', 'roles']}
      total={total}
      columns={columns}
      filters={filters}
      activeFilters={activeFilters}
      pinned={pinned}
      emptyAll={
        <EmptyHint icon={<IconUserShield size={20} />} title="No roles yet">
          {systemCount && !query.showSystem
            ? `Only system roles exist (${systemCount}); switch them on in the filters to see them.`
            : 'Roles bundle privileges so users can be granted one role instead of many grants.'}
        </EmptyHint>
      }
      placeholder={{
        title: 'Select a role',
        text: 'See who is a member (directly or through nested roles), which roles it belongs to, and every privilege it grants.',
      }}
    />
  );
}
