import {
  IconBrain,
  IconCloud,
  IconCloudShare,
  IconCode,
  IconColumns3,
  IconDatabase,
  IconEye,
  IconEyeDotted,
  IconFolder,
  IconListNumbers,
  IconMathFunction,
  IconStack2,
  IconTable,
  IconTerminal2,
  IconUser,
  IconUserShield,
  IconUsers,
  IconWorld,
  type Icon,
} from '@tabler/icons-react';
import type { PrincipalKind } from '../../api';

const OBJECT_ICON: Record<string, Icon> = {
  database: IconDatabase,
  schema: IconFolder,
  table: IconTable,
  partitioned_table: IconTable,
  foreign_table: IconCloud,
  external_table: IconCloud,
  view: IconEye,
  late_binding_view: IconEyeDotted,
  materialized_view: IconStack2,
  sequence: IconListNumbers,
  column: IconColumns3,
  function: IconMathFunction,
  procedure: IconTerminal2,
  language: IconCode,
  model: IconBrain,
  datashare: IconCloudShare,
};

/** Icon of an object or relation kind ("view", "procedure", …). */
export function ObjectIcon({ kind, size = 14 }: { kind: string; size?: number }) {
  const I = OBJECT_ICON[kind] ?? IconTable;
  return <I size={size} stroke={1.7} style={{ flexShrink: 0, color: 'var(--mantine-color-dimmed)' }} aria-hidden />;
}

const PRINCIPAL_ICON: Record<PrincipalKind, Icon> = { user: IconUser, role: IconUserShield, group: IconUsers, public: IconWorld };

export function PrincipalIcon({ kind, size = 14, color }: { kind: PrincipalKind; size?: number; color?: string }) {
  const I = PRINCIPAL_ICON[kind] ?? IconUser;
  return <I size={size} stroke={1.7} style={{ flexShrink: 0, color: color ?? 'var(--mantine-color-dimmed)' }} aria-hidden />;
}
