import { ActionIcon, Badge, Group, Loader, Text } from '@mantine/core';
import {
  IconArrowDown,
  IconArrowUp,
  IconCopy,
  IconDots,
  IconFlask,
  IconLock,
  IconPencil,
  IconPlayerPlay,
  IconPlugConnected,
  IconTrash,
  IconX,
} from '@tabler/icons-react';
import type { KeyboardEvent } from 'react';
import type { ProfileView } from '../../api';
import { HOTKEYS } from '../../app/hotkeys';
import { ColorDot } from '../../components/ColorDot';
import { LazyMenu } from '../../components/LazyMenu';
import { EngineBadge, isEmulatedRedshift } from '../../components/EngineBadge';
import { shortcutLabel } from '../../components/shortcuts';
import { Tip } from '../../components/Tip';
import classes from './ConnectionList.module.css';
import { needsUser } from './auth';

export interface ConnectionListProps {
  profiles: ProfileView[];
  selectedId: string | null;
  /** profile ids with at least one open session */
  connectedIds: Set<string>;
  /** profile ids with a connect in progress */
  connectingIds: Set<string>;
  canMove: (p: ProfileView, delta: -1 | 1) => boolean;
  onSelect: (p: ProfileView) => void;
  onConnect: (p: ProfileView) => void;
  onCancelConnect: (p: ProfileView) => void;
  onEdit: (p: ProfileView) => void;
  onDuplicate: (p: ProfileView) => void;
  onDelete: (p: ProfileView) => void;
  onMove: (p: ProfileView, delta: -1 | 1) => void;
}

export function ConnectionList(props: ConnectionListProps) {
  const { profiles } = props;
  return (
    <div role="listbox" aria-label="Saved connections">
      {profiles.map((p) => (
        <ConnectionItem key={p.id} profile={p} {...props} />
      ))}
    </div>
  );
}

function ConnectionItem({
  profile: p,
  selectedId,
  connectedIds,
  connectingIds,
  canMove,
  onSelect,
  onConnect,
  onCancelConnect,
  onEdit,
  onDuplicate,
  onDelete,
  onMove,
}: { profile: ProfileView } & ConnectionListProps) {
  const selected = p.id === selectedId;
  const connected = connectedIds.has(p.id);
  const busy = connectingIds.has(p.id);
  // IAM profiles whose user AWS picks (Serverless, IAM identity) say "IAM" instead.
  const who = needsUser(p) ? p.user : 'IAM';
  const target = `${who}@${p.host}:${p.port}/${p.database}`;

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter') onConnect(p);
    else if (e.altKey && e.key === 'ArrowUp') {
      e.preventDefault();
      onMove(p, -1);
    } else if (e.altKey && e.key === 'ArrowDown') {
      e.preventDefault();
      onMove(p, 1);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const sib = (e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling) as HTMLElement | null;
      sib?.focus();
      sib?.click();
    }
  };

  return (
    <div
      className={classes.item}
      role="option"
      aria-selected={selected}
      aria-label={p.name}
      data-selected={selected || undefined}
      tabIndex={0}
      onClick={() => onSelect(p)}
      onDoubleClick={() => onConnect(p)}
      onKeyDown={onKeyDown}
    >
      <ColorDot color={p.color} />
      <div className={classes.body}>
        <Group gap={6} wrap="nowrap">
          <Text className={classes.name} truncate>
            {p.name}
          </Text>
          {connected && (
            <Tip label="Connected">
              <span className={classes.live} aria-label="Connected" role="img" />
            </Tip>
          )}
        </Group>
        <Text className={classes.sub} truncate title={target}>
          {target}
        </Text>
        <Group gap={4} mt={4} wrap="nowrap">
          <EngineBadge engine={p.engine} emulated={isEmulatedRedshift(p)} />
          {p.readOnly && (
            <Badge
              size="xs"
              variant="light"
              color={p.color || 'orange'}
              leftSection={<IconLock size={10} />}
              title="Read-only / production: no changes can be applied"
            >
              Read-only
            </Badge>
          )}
          {p.sandbox && (
            <Badge size="xs" variant="light" color="teal" leftSection={<IconFlask size={10} />}>
              Local sandbox
            </Badge>
          )}
        </Group>
      </div>
      <div className={classes.actions} data-busy={busy || undefined}>
        {busy ? (
          <Tip label="Cancel connecting">
            <ActionIcon aria-label={`Cancel connecting to ${p.name}`} onClick={(e) => (e.stopPropagation(), onCancelConnect(p))}>
              <Group gap={0} pos="relative">
                <Loader size={16} />
                <IconX size={9} style={{ position: 'absolute', left: 3.5, top: 3.5 }} />
              </Group>
            </ActionIcon>
          </Tip>
        ) : (
          <Tip label={`${connected ? 'Open another session' : 'Connect'} (${shortcutLabel(HOTKEYS.connect)})`}>
            <ActionIcon
              aria-label={`Connect to ${p.name}`}
              color="brand"
              variant="subtle"
              onClick={(e) => {
                e.stopPropagation();
                onConnect(p);
              }}
            >
              <IconPlayerPlay size={15} />
            </ActionIcon>
          </Tip>
        )}
        <LazyMenu
          position="bottom-end"
          width={220}
          target={
            <ActionIcon aria-label={`Actions for ${p.name}`} onClick={(e) => e.stopPropagation()}>
              <IconDots size={15} />
            </ActionIcon>
          }
          dropdownProps={{ onClick: (e) => e.stopPropagation() }}
          items={[
            { label: 'Connect', icon: IconPlugConnected, shortcut: HOTKEYS.connect, onClick: () => onConnect(p), disabled: busy },
            { label: 'Edit…', icon: IconPencil, shortcut: HOTKEYS.edit, onClick: () => onEdit(p), disabled: p.sandbox },
            { label: 'Duplicate', icon: IconCopy, onClick: () => onDuplicate(p), disabled: isEmulatedRedshift(p) },
            { divider: true },
            { label: 'Move up', icon: IconArrowUp, shortcut: HOTKEYS.moveUp, onClick: () => onMove(p, -1), disabled: !canMove(p, -1) },
            { label: 'Move down', icon: IconArrowDown, shortcut: HOTKEYS.moveDown, onClick: () => onMove(p, 1), disabled: !canMove(p, 1) },
            { divider: true },
            { label: 'Delete…', icon: IconTrash, color: 'red', onClick: () => onDelete(p), disabled: p.sandbox },
          ]}
        />
      </div>
    </div>
  );
}
