import { Stack, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { catalogApi, type GroupRow, type SessionInfo } from '../../../api';
import { fmtCount } from '../format';
import { EmptyHint } from '../parts';
import { GROUP_SORT_VALUES, emptyGroupQuery, filterGroups, type GroupFlag } from './logic';
import type { Column } from './PrincipalList';
import { FlagChecks, PrincipalListTab, usePrincipalListState } from './PrincipalListTab';

const FLAG_LABEL: Record<GroupFlag, string> = { empty: 'Without members', withGrants: 'With direct grants' };

const columns: Column<GroupRow>[] = [
  { key: 'name', label: 'Name', render: (g) => <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', fontWeight: 500 }}>{g.name}</span> },
  { key: 'members', label: 'Members', width: 78, align: 'right', firstDir: 'desc', render: (g) => (g.members ? fmtCount(g.members) : '–') },
  { key: 'grants', label: 'Grants', width: 58, align: 'right', firstDir: 'desc', render: (g) => (g.grants ? fmtCount(g.grants) : '–') },
];

/** Redshift's legacy groups: flat sets of users that can hold grants. */
export function GroupsTab({ session }: { session: SessionInfo }) {
  const state = usePrincipalListState({
    session,
    tab: 'groups',
    kind: 'group',
    fetch: () => catalogApi.groups(session.id),
    emptyQuery: emptyGroupQuery,
    sortValues: GROUP_SORT_VALUES,
    filter: filterGroups,
  });

  return (
    <PrincipalListTab
      state={state}
      label="Groups"
      noun={['group', 'groups']}
      columns={columns}
      filters={
        <Stack gap={8}>
          <Text size="xs" fw={700} c="dimmed">
            ONLY GROUPS
          </Text>
          <FlagChecks flags={Object.keys(FLAG_LABEL) as GroupFlag[]} labels={FLAG_LABEL} on={state.query.flags} onToggle={state.toggleFlag} />
        </Stack>
      }
      activeFilters={state.flagPills(FLAG_LABEL)}
      emptyAll={
        <EmptyHint icon={<IconUsers size={20} />} title="No groups in this cluster">
          Groups are Redshift's older way to bundle users; roles do the same and can nest.
        </EmptyHint>
      }
      placeholder={{ title: 'Select a group', text: 'See its users and the privileges granted to the group.' }}
    />
  );
}
