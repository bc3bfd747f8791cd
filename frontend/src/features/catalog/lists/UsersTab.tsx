import { Checkbox, Divider, Radio, Stack, Text } from '@mantine/core';
import { IconUserQuestion } from '@tabler/icons-react';
import { useMemo } from 'react';
import { catalogApi, type IdentityType, type SessionInfo, type UserRow } from '../../../api';
import { IDENTITY_LABEL, featuresOf, fmtCount } from '../format';
import { EmptyHint } from '../parts';
import { useCatalog } from '../store';
import { UserBadges } from './badges';
import { USER_SORT_VALUES, emptyUserQuery, filterUsers, identityCounts, type UserFlag, type UserQuery } from './logic';
import type { ActiveFilter, Column } from './PrincipalList';
import { FlagChecks, PrincipalListTab, toggled, usePrincipalListState } from './PrincipalListTab';

const FLAG_LABEL: Record<UserFlag, string> = {
  superuser: 'Superuser',
  createDb: 'Can create databases',
  createRole: 'Can create roles',
  passwordDisabled: 'Password disabled',
  expired: 'Password expired',
  expiring: 'Password expires within 30 days',
  noRoles: 'In no role or group',
  directGrants: 'Has direct grants',
};

const SORTS: { key: string; label: string; dir: 'asc' | 'desc' }[] = [
  { key: 'name', label: 'Name', dir: 'asc' },
  { key: 'identity', label: 'Identity type', dir: 'asc' },
  { key: 'validUntil', label: 'Password expiry (soonest first)', dir: 'asc' },
  { key: 'connectionLimit', label: 'Connection limit', dir: 'asc' },
  { key: 'roles', label: 'Memberships (most first)', dir: 'desc' },
  { key: 'grants', label: 'Direct grants (most first)', dir: 'desc' },
];

// Expiry flags compare with the time of filtering.
const filterUsersNow = (rows: UserRow[], q: UserQuery) => filterUsers(rows, q, new Date());

export function UsersTab({ session }: { session: SessionInfo }) {
  const { summary } = useCatalog(session.id);
  const f = featuresOf(summary);
  const state = usePrincipalListState({
    session,
    tab: 'users',
    kind: 'user',
    fetch: () => catalogApi.users(session.id),
    emptyQuery: emptyUserQuery,
    sortValues: USER_SORT_VALUES,
    filter: filterUsersNow,
  });
  const { all, query, setQuery, sort, setSort, toggleFlag } = state;
  const ids = useMemo(() => identityCounts(all), [all]);

  const flags: UserFlag[] = [
    'superuser',
    'createDb',
    ...(f.postgres ? (['createRole'] as UserFlag[]) : []),
    ...(f.redshift ? (['passwordDisabled'] as UserFlag[]) : []),
    'expired',
    'expiring',
    'noRoles',
    'directGrants',
  ];
  const toggleIdentity = (id: IdentityType) => setQuery((cur) => ({ ...cur, identities: toggled(cur.identities, id) }));

  const activeFilters: ActiveFilter[] = [
    ...state.flagPills(FLAG_LABEL),
    ...query.identities.map((id) => ({ id: `id:${id}`, label: `Identity: ${IDENTITY_LABEL[id]}`, onRemove: () => toggleIdentity(id) })),
  ];

  const filters = (
    <Stack gap={8}>
      <Text size="xs" fw={700} c="dimmed">
        ATTRIBUTES
      </Text>
      <FlagChecks flags={flags} labels={FLAG_LABEL} on={query.flags} onToggle={toggleFlag} />
      {(f.redshift || ids.size > 1 || query.identities.length > 0) && (
        <>
          <Divider />
          <Text size="xs" fw={700} c="dimmed">
            IDENTITY TYPE
          </Text>
          {(['local', 'iam', 'iam_role', 'idc', 'system'] as IdentityType[])
            .filter((id) => f.redshift || ids.has(id) || query.identities.includes(id))
            .map((id) => (
              <Checkbox
                key={id}
                size="xs"
                label={`${IDENTITY_LABEL[id]} (${(ids.get(id) ?? 0).toLocaleString('en-US')})`}
                checked={query.identities.includes(id)}
                onChange={() => toggleIdentity(id)}
                disabled={!ids.get(id) && !query.identities.includes(id)}
              />
            ))}
        </>
      )}
      <Divider />
      <Text size="xs" fw={700} c="dimmed">
        SORT BY
      </Text>
      <Radio.Group value={sort.key} onChange={(k) => setSort({ key: k, dir: SORTS.find((s) => s.key === k)?.dir ?? 'asc' })}>
        <Stack gap={6}>
          {SORTS.map((s) => (
            <Radio key={s.key} size="xs" value={s.key} label={s.label} />
          ))}
        </Stack>
      </Radio.Group>
    </Stack>
  );

  const columns: Column<UserRow>[] = [
    {
      key: 'name',
      label: 'Name',
      render: (u) => (
        <>
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', fontWeight: 500 }}>{u.name}</span>
          <UserBadges user={u} />
        </>
      ),
    },
    { key: 'roles', label: f.groups ? 'Roles+groups' : 'Roles', width: f.groups ? 92 : 58, align: 'right', firstDir: 'desc', render: (u) => (u.roles + u.groups ? fmtCount(u.roles + u.groups) : '–') },
    { key: 'grants', label: 'Grants', width: 58, align: 'right', firstDir: 'desc', render: (u) => (u.grants ? fmtCount(u.grants) : '–') },
  ];

  return (
    <PrincipalListTab
      state={state}
      label="Users"
      noun={['user', 'users']}
      columns={columns}
      filters={filters}
      activeFilters={activeFilters}
      emptyAll={
        <EmptyHint icon={<IconUserQuestion size={20} />} title="No users to show">
          {summary?.partial
            ? 'This user may not see the others: the catalog view is partial.'
            : 'This cluster has no login users besides what the catalog hides.'}
        </EmptyHint>
      }
      placeholder={{
        title: 'Select a user',
        text: 'Its attributes, roles and groups, and every privilege it holds directly or inherits appear here. Use ↑ ↓ and Enter in the list.',
      }}
    />
  );
}
