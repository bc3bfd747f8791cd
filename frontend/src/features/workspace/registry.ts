import { IconFolders, IconHierarchy2, IconHistory, IconInfoSquareRounded, IconUser, IconUserShield, IconUsers } from '@tabler/icons-react';
import { GroupsTab } from '../catalog/lists/GroupsTab';
import { RolesTab } from '../catalog/lists/RolesTab';
import { UsersTab } from '../catalog/lists/UsersTab';
import { ObjectsTab } from '../catalog/objects/ObjectsTab';
import { RoleGraphTab } from '../graph/RoleGraphTab';
import { LazyHistoryTab } from '../insight/lazy';
import { OverviewTab } from './OverviewTab';
import type { WorkspaceTab } from './tabs';

// Later features (privileges, audit …) append their tab here.
export const WORKSPACE_TABS: WorkspaceTab[] = [
  { value: 'overview', label: 'Overview', icon: IconInfoSquareRounded, Component: OverviewTab },
  { value: 'users', label: 'Users', icon: IconUser, Component: UsersTab, count: (s) => s.counts.users, fill: true, needsCatalog: true },
  { value: 'roles', label: 'Roles', icon: IconUserShield, Component: RolesTab, count: (s) => s.counts.roles - (s.counts.systemRoles ?? 0), fill: true, needsCatalog: true },
  {
    value: 'groups',
    label: 'Groups',
    icon: IconUsers,
    Component: GroupsTab,
    count: (s) => s.counts.groups,
    visible: (s) => !!s?.capabilities.groups,
    fill: true,
    needsCatalog: true,
  },
  { value: 'objects', label: 'Objects', icon: IconFolders, Component: ObjectsTab, count: (s) => s.counts.relations + s.counts.routines, fill: true, needsCatalog: true },
  { value: 'graph', label: 'Graph', icon: IconHierarchy2, Component: RoleGraphTab, fill: true, needsCatalog: true },
  { value: 'history', label: 'History', icon: IconHistory, Component: LazyHistoryTab },
];
