import type { Icon } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { CatalogSummary, SessionInfo } from '../../api';

/** One tab of a session's workspace. Features add theirs to WORKSPACE_TABS. */
export interface WorkspaceTab {
  value: string;
  label: string;
  icon: Icon;
  Component: ComponentType<{ session: SessionInfo }>;
  /** Whether the connected engine has this (e.g. groups only on Redshift); shown when absent. */
  visible?: (summary: CatalogSummary | null) => boolean;
  /** A count next to the label, from the loaded catalog. */
  count?: (summary: CatalogSummary) => number;
  /** The component fills the panel and scrolls itself (split views, virtual lists). */
  fill?: boolean;
  /** Needs a loaded catalog: until then the panel shows the load's progress or error. */
  needsCatalog?: boolean;
}
