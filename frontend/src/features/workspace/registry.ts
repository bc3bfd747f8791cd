import { IconInfoSquareRounded } from '@tabler/icons-react';
import { OverviewTab } from './OverviewTab';
import type { WorkspaceTab } from './tabs';

// Later features (users, roles, groups, privileges) append their tab here.
export const WORKSPACE_TABS: WorkspaceTab[] = [{ value: 'overview', label: 'Overview', icon: IconInfoSquareRounded, Component: OverviewTab }];
