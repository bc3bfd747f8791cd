// Small building blocks shared by the catalog screens.
import { Badge, Box, Button, Center, Group, Loader, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconArrowRight, IconChevronDown, IconInfoCircle, IconChevronUp, IconRefresh, IconSelector, IconShare } from '@tabler/icons-react';
import { createContext, useContext, type ReactNode } from 'react';
import type { ApiError, ObjectRef, PrincipalRef, SessionInfo } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Sort } from './lists/logic';
import { objectFullName, principalLabel } from './format';
import { ObjectIcon, PrincipalIcon } from './icons';
import { openObject, openPrincipal } from './store';
import classes from './catalog.module.css';

const SessionCtx = createContext<SessionInfo | null>(null);

/** The session the catalog screens below browse. */
export function CatalogSession({ session, children }: { session: SessionInfo; children: ReactNode }) {
  return <SessionCtx.Provider value={session}>{children}</SessionCtx.Provider>;
}

export function useSession(): SessionInfo {
  const s = useContext(SessionCtx);
  if (!s) throw new Error('useSession outside CatalogSession');
  return s;
}

/** A principal's name that opens its detail. */
export function PrincipalLink({ principal, size = 'sm', withIcon = true }: { principal: PrincipalRef; size?: 'xs' | 'sm'; withIcon?: boolean }) {
  const session = useSession();
  return (
    <button
      type="button"
      className={classes.link}
      style={{ fontSize: `var(--mantine-font-size-${size})` }}
      onClick={(e) => {
        e.stopPropagation();
        openPrincipal(session.id, principal);
      }}
      title={principal.kind === 'public' ? 'PUBLIC: every user' : `Open ${principal.kind} ${principal.name}`}
    >
      {withIcon && <PrincipalIcon kind={principal.kind} size={size === 'xs' ? 12 : 14} color="currentColor" />}
      <span className={classes.linkText}>{principalLabel(principal)}</span>
    </button>
  );
}

/** An object's name that opens it in the object browser. */
export function ObjectLink({ object, kind, label }: { object: ObjectRef; kind?: string; label?: string }) {
  const session = useSession();
  return (
    <button
      type="button"
      className={classes.link}
      onClick={(e) => {
        e.stopPropagation();
        openObject(session.id, object);
      }}
      title={`Open ${objectFullName(object)} in the object browser`}
    >
      <ObjectIcon kind={kind ?? object.kind} />
      <span className={classes.linkText}>{label ?? objectFullName(object)}</span>
    </button>
  );
}

/** The membership path "alice → analyst → reader" as links. */
export function Chain({ from, via }: { from?: PrincipalRef; via: PrincipalRef[] }) {
  return (
    <span className={classes.chain}>
      {from && (
        <Text span size="sm" fw={600}>
          {principalLabel(from)}
        </Text>
      )}
      {via.map((p, i) => (
        <span key={`${p.kind}:${p.name}:${i}`} className={classes.chain}>
          {(from || i > 0) && <IconArrowRight size={12} style={{ color: 'var(--mantine-color-dimmed)' }} aria-label="member of" />}
          <PrincipalLink principal={p} />
        </span>
      ))}
    </span>
  );
}

const READ = new Set(['SELECT', 'USAGE', 'EXECUTE', 'CONNECT', 'TEMP', 'TEMPORARY', 'REFERENCES']);
const WRITE = new Set(['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']);

export function privilegeColor(p: string): string {
  const u = p.toUpperCase();
  if (READ.has(u)) return 'blue';
  if (WRITE.has(u)) return 'orange';
  return 'grape';
}

/**
 * A privilege keyword. A grant option shows as a share mark (it may be passed
 * on); "inherited" is drawn outlined so direct and inherited read apart;
 * "setRole" (held only after SET ROLE) is dotted and muted: not held yet.
 */
export function PrivilegeBadge({
  privilege,
  grantOption,
  inherited,
  setRole,
  title,
  suffix,
}: {
  privilege: string;
  grantOption?: boolean;
  inherited?: boolean;
  /** The role to SET ROLE to for this privilege (not held in the login session). */
  setRole?: string;
  title?: string;
  suffix?: string;
}) {
  const label = `${privilege}${suffix ? ` ${suffix}` : ''}`;
  const color = privilegeColor(privilege);
  // Inherited: dashed outline in the same hue, readable in both themes.
  // After SET ROLE: dotted, in the dimmed text colour, so it never reads as held.
  const look = setRole
    ? { background: 'transparent', border: '1px dotted var(--mantine-color-dimmed)', color: 'var(--mantine-color-dimmed)' }
    : inherited
      ? { background: 'transparent', border: `1px dashed var(--mantine-color-${color}-light-color)`, color: `var(--mantine-color-${color}-light-color)` }
      : {};
  return (
    <Badge
      size="sm"
      radius="sm"
      variant="light"
      color={color}
      title={title ?? (grantOption ? `${privilege} with grant option: may grant it to others` : privilege)}
      rightSection={grantOption ? <IconShare size={10} aria-label="with grant option" /> : undefined}
      styles={{ root: { flexShrink: 0, fontFamily: 'var(--mantine-font-family-monospace)', fontWeight: 600, ...look }, label: { overflow: 'visible' } }}
      data-privilege={privilege}
      data-grant-option={grantOption || undefined}
      data-inherited={inherited || undefined}
      data-set-role={setRole || undefined}
    >
      {label}
    </Badge>
  );
}

/** A loading placeholder for a pane. */
export function PaneLoader({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center h="100%" mih={120}>
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </Group>
    </Center>
  );
}

/** A failed call inside a pane, with a way to try again. */
export function ErrorPane({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  return (
    <Stack p="md" gap="sm">
      <ErrorAlert error={error} />
      <Group>
        <Button variant="default" leftSection={<IconRefresh size={14} />} onClick={onRetry}>
          Try again
        </Button>
      </Group>
    </Stack>
  );
}

/** An empty state that says why it is empty and what to do. */
export function EmptyHint({ icon, title, children, compact }: { icon?: ReactNode; title: string; children?: ReactNode; compact?: boolean }) {
  return (
    <Stack align="center" gap={6} py={compact ? 'md' : 'xl'} px="md" ta="center" role="note">
      {icon && (
        <ThemeIcon variant="light" color="gray" size={compact ? 'lg' : 'xl'} radius="xl">
          {icon}
        </ThemeIcon>
      )}
      <Text fw={600} size="sm">
        {title}
      </Text>
      {children && (
        <Text size="xs" c="dimmed" maw={380}>
          {children}
        </Text>
      )}
    </Stack>
  );
}

/** A sortable column header. */
export function SortHeader({
  label,
  sortKey,
  sort,
  onSort,
  align = 'left',
}: {
  label: string;
  sortKey: string;
  sort: Sort;
  onSort: (key: string) => void;
  align?: 'left' | 'right';
}) {
  const active = sort.key === sortKey;
  const Icon = !active ? IconSelector : sort.dir === 'asc' ? IconChevronUp : IconChevronDown;
  return (
    <button
      type="button"
      className={classes.sortButton}
      data-sorted={active || undefined}
      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      aria-label={`Sort by ${label}`}
      onClick={() => onSort(sortKey)}
      style={{ justifyContent: align === 'right' ? 'flex-end' : 'flex-start', width: '100%' }}
    >
      {label}
      <Icon size={12} style={{ opacity: active ? 1 : 0.5, flexShrink: 0 }} />
    </button>
  );
}

/** A titled block with an optional count and tools. */
export function Section({
  title,
  count,
  icon,
  tools,
  children,
  help,
}: {
  title: string;
  count?: number;
  icon?: ReactNode;
  tools?: ReactNode;
  help?: string;
  children: ReactNode;
}) {
  return (
    <Box className={classes.section} component="section" aria-label={title}>
      <div className={classes.sectionHead}>
        {icon}
        <Text fw={600} size="sm">
          {title}
        </Text>
        {count !== undefined && (
          <Badge size="sm" variant="default" radius="xl" styles={{ root: { fontVariantNumeric: 'tabular-nums' } }}>
            {count.toLocaleString('en-US')}
          </Badge>
        )}
        {help && (
          <Tooltip label={help} multiline w={300}>
            <IconInfoCircle size={14} style={{ color: 'var(--mantine-color-dimmed)', cursor: 'help' }} aria-label={help} />
          </Tooltip>
        )}
        <Box style={{ flex: 1 }} />
        {tools}
      </div>
      {children}
    </Box>
  );
}
