import type { Icon } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { SessionInfo } from '../../api';

/** One tab of a session's workspace. Features add theirs to WORKSPACE_TABS. */
export interface WorkspaceTab {
  value: string;
  label: string;
  icon: Icon;
  Component: ComponentType<{ session: SessionInfo }>;
}
