import { Checkbox, Divider, Radio, Stack, Text } from '@mantine/core';
import { IconUserQuestion } from '@tabler/icons-react';
import { useDeferredValue, useMemo, useState } from 'react';
import { catalogApi, type IdentityType, type PrincipalRef, type SessionInfo, type UserRow } from '../../../api';
import { IDENTITY_LABEL, featuresOf, fmtCount } from '../format';
import { EmptyHint, ErrorPane, PaneLoader } from '../parts';
import { PrincipalPane } from '../principal/PrincipalPane';
import { ListActions } from '../slots';
import { selectedKey, useCatalog, useCatalogQuery, useSessionUI } from '../store';
import { UserBadges } from './badges';
import { USER_SORT_VALUES, emptyUserQuery, filterUsers, identityCounts, nextSort, sortRows, type Sort, type UserFlag, type UserQuery } from './logic';
import { PrincipalList, type ActiveFilter, type Column } from './PrincipalList';
import { SplitView } from './SplitView';

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

export function UsersTab({ session }: { session: SessionInfo }) {
  const { summary } = useCatalog(session.id);
  const f = featuresOf(summary);
  const q = useCatalogQuery(session.id, 'users', () => catalogApi.users(session.id));
  const [query, setQuery] = useSessionUI<UserQuery>(session.id, 'users.query', emptyUserQuery);
  const [sort, setSort] = useSessionUI<Sort>(session.id, 'users.sort', { key: 'name', dir: 'asc' });
  const [selected, setSelected] = useSessionUI<PrincipalRef | null>(session.id, selectedKey('users'), null);
  const [active, setActive] = useState(-1);
  const text = useDeferredValue(query.text);

  const all = useMemo(() => q.data ?? [], [q.data]);
  // Sort once, filter on each keystroke: filtering keeps the order and is O(n).
  const sorted = useMemo(() => sortRows(all, sort, USER_SORT_VALUES), [all, sort]);
  const rows = useMemo(() => filterUsers(sorted, { ...query, text }, new Date()), [sorted, query, text]);
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
  const toggle = (flag: UserFlag) =>
    setQuery((cur) => ({ ...cur, flags: cur.flags.includes(flag) ? cur.flags.filter((x) => x !== flag) : [...cur.flags, flag] }));
  const toggleIdentity = (id: IdentityType) =>
    setQuery((cur) => ({
      ...cur,
      identities: cur.identities.includes(id) ? cur.identities.filter((x) => x !== id) : [...cur.identities, id],
    }));

  const active_: ActiveFilter[] = [
    ...query.flags.map((fl) => ({ id: fl, label: FLAG_LABEL[fl], onRemove: () => toggle(fl) })),
    ...query.identities.map((id) => ({ id: `id:${id}`, label: `Identity: ${IDENTITY_LABEL[id]}`, onRemove: () => toggleIdentity(id) })),
  ];

  const filters = (
    <Stack gap={8}>
      <Text size="xs" fw={700} c="dimmed">
        ATTRIBUTES
      </Text>
      {flags.map((fl) => (
        <Checkbox key={fl} size="xs" label={FLAG_LABEL[fl]} checked={query.flags.includes(fl)} onChange={() => toggle(fl)} />
      ))}
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

  const open = (u: UserRow) => setSelected({ kind: 'user', name: u.name });

  let list;
  if (q.error) list = <ErrorPane error={q.error} onRetry={q.reload} />;
  else if (!q.data) list = <PaneLoader label="Loading users…" />;
  else
    list = (
      <PrincipalList<UserRow>
        label="Users"
        noun={['user', 'users']}
        rows={rows}
        total={all.length}
        columns={columns}
        sort={sort}
        onSort={(k) => setSort(nextSort(sort, k, columns.find((c) => c.key === k)?.firstDir))}
        search={query.text}
        onSearch={(t) => setQuery((cur) => ({ ...cur, text: t }))}
        filters={filters}
        activeFilters={active_}
        onClearFilters={() => setQuery((cur) => ({ ...emptyUserQuery, text: cur.text }))}
        selected={selected?.name ?? null}
        onOpen={open}
        activeIndex={active}
        onActiveChange={setActive}
        actions={<ListActions session={session} list="users" />}
        emptyAll={
          <EmptyHint icon={<IconUserQuestion size={20} />} title="No users to show">
            {summary?.partial
              ? 'This user may not see the others: the catalog view is partial.'
              : 'This cluster has no login users besides what the catalog hides.'}
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
            title: 'Select a user',
            text: 'Its attributes, roles and groups, and every privilege it holds directly or inherits appear here. Use ↑ ↓ and Enter in the list.',
          }}
        />
      }
    />
  );
}
