import { Checkbox, Stack, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useDeferredValue, useMemo, useState } from 'react';
import { catalogApi, type GroupRow, type PrincipalRef, type SessionInfo } from '../../../api';
import { fmtCount } from '../format';
import { EmptyHint, ErrorPane, PaneLoader } from '../parts';
import { PrincipalPane } from '../principal/PrincipalPane';
import { ListActions } from '../slots';
import { selectedKey, useCatalogQuery, useSessionUI } from '../store';
import { GROUP_SORT_VALUES, emptyGroupQuery, filterGroups, nextSort, sortRows, type GroupFlag, type GroupQuery, type Sort } from './logic';
import { PrincipalList, type ActiveFilter, type Column } from './PrincipalList';
import { SplitView } from './SplitView';

const FLAG_LABEL: Record<GroupFlag, string> = { empty: 'Without members', withGrants: 'With direct grants' };

/** Redshift's legacy groups: flat sets of users that can hold grants. */
export function GroupsTab({ session }: { session: SessionInfo }) {
  const q = useCatalogQuery(session.id, 'groups', () => catalogApi.groups(session.id));
  const [query, setQuery] = useSessionUI<GroupQuery>(session.id, 'groups.query', emptyGroupQuery);
  const [sort, setSort] = useSessionUI<Sort>(session.id, 'groups.sort', { key: 'name', dir: 'asc' });
  const [selected, setSelected] = useSessionUI<PrincipalRef | null>(session.id, selectedKey('groups'), null);
  const [active, setActive] = useState(-1);
  const text = useDeferredValue(query.text);
  const all = useMemo(() => q.data ?? [], [q.data]);
  const sorted = useMemo(() => sortRows(all, sort, GROUP_SORT_VALUES), [all, sort]);
  const rows = useMemo(() => filterGroups(sorted, { ...query, text }), [sorted, query, text]);

  const toggle = (fl: GroupFlag) =>
    setQuery((cur) => ({ ...cur, flags: cur.flags.includes(fl) ? cur.flags.filter((x) => x !== fl) : [...cur.flags, fl] }));
  const activeFilters: ActiveFilter[] = query.flags.map((fl) => ({ id: fl, label: FLAG_LABEL[fl], onRemove: () => toggle(fl) }));

  const columns: Column<GroupRow>[] = [
    { key: 'name', label: 'Name', render: (g) => <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', fontWeight: 500 }}>{g.name}</span> },
    { key: 'members', label: 'Members', width: 78, align: 'right', firstDir: 'desc', render: (g) => (g.members ? fmtCount(g.members) : '–') },
    { key: 'grants', label: 'Grants', width: 58, align: 'right', firstDir: 'desc', render: (g) => (g.grants ? fmtCount(g.grants) : '–') },
  ];

  let list;
  if (q.error) list = <ErrorPane error={q.error} onRetry={q.reload} />;
  else if (!q.data) list = <PaneLoader label="Loading groups…" />;
  else
    list = (
      <PrincipalList<GroupRow>
        label="Groups"
        noun={['group', 'groups']}
        rows={rows}
        total={all.length}
        columns={columns}
        sort={sort}
        onSort={(k) => setSort(nextSort(sort, k, columns.find((c) => c.key === k)?.firstDir))}
        search={query.text}
        onSearch={(t) => setQuery((cur) => ({ ...cur, text: t }))}
        filters={
          <Stack gap={8}>
            <Text size="xs" fw={700} c="dimmed">
              ONLY GROUPS
            </Text>
            {(Object.keys(FLAG_LABEL) as GroupFlag[]).map((fl) => (
              <Checkbox key={fl} size="xs" label={FLAG_LABEL[fl]} checked={query.flags.includes(fl)} onChange={() => toggle(fl)} />
            ))}
          </Stack>
        }
        activeFilters={activeFilters}
        onClearFilters={() => setQuery((cur) => ({ ...emptyGroupQuery, text: cur.text }))}
        selected={selected?.name ?? null}
        onOpen={(g) => setSelected({ kind: 'group', name: g.name })}
        activeIndex={active}
        onActiveChange={setActive}
        actions={<ListActions session={session} list="groups" />}
        emptyAll={
          <EmptyHint icon={<IconUsers size={20} />} title="No groups in this cluster">
            Groups are Redshift's older way to bundle users; roles do the same and can nest.
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
          placeholder={{ title: 'Select a group', text: 'See its users and the privileges granted to the group.' }}
        />
      }
    />
  );
}
