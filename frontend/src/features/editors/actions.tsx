import { Button, Group, Menu, Tooltip } from '@mantine/core';
import {
  IconCalendarTime,
  IconChevronDown,
  IconColumns3,
  IconDoorExit,
  IconEdit,
  IconGitCompare,
  IconHierarchy2,
  IconKey,
  IconLockPassword,
  IconPlus,
  IconSettingsCog,
  IconShieldLock,
  IconTrash,
} from '@tabler/icons-react';
import type { ObjectRef, PrincipalDetail, PrincipalRef, SessionInfo } from '../../api';
import { openEditor } from './editorStore';
import { useEditorEnv } from './env';
import { kindOf } from './vocabulary';

/** Edit buttons for a user, role, group or PUBLIC (the catalog's PrincipalActions slot). */
export function PrincipalEditActions({ session, principal, detail }: { session: SessionInfo; principal: PrincipalRef; detail?: PrincipalDetail }) {
  const env = useEditorEnv(session);
  const sid = session.id;
  const open = (spec: Parameters<typeof openEditor>[1]) => () => openEditor(sid, spec);
  const system = !!detail?.role?.system || detail?.user?.identity === 'system';
  const name = principal.name;
  const privileges = (
    <Button size="xs" variant="light" leftSection={<IconKey size={14} />} onClick={open({ type: 'privileges', principal })}>
      Privileges
    </Button>
  );
  if (principal.kind === 'public')
    return (
      <Group gap={6} wrap="nowrap">
        {privileges}
        <Button size="xs" variant="default" leftSection={<IconCalendarTime size={14} />} onClick={open({ type: 'defaults', principal })}>
          Default privileges
        </Button>
      </Group>
    );
  const edit = (
    <Tooltip label={system ? 'A system principal: managed by the server' : `Edit ${principal.kind} ${name}`}>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconEdit size={14} />}
        disabled={system}
        onClick={open(principal.kind === 'user' ? { type: 'user', mode: 'edit', name } : principal.kind === 'role' ? { type: 'role', mode: 'edit', name } : { type: 'group', mode: 'edit', name })}
      >
        Edit
      </Button>
    </Tooltip>
  );
  return (
    <Group gap={6} wrap="nowrap">
      {edit}
      {privileges}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="xs" variant="default" rightSection={<IconChevronDown size={14} />} aria-label={`More actions for ${name}`}>
            More
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {principal.kind === 'user' && (
            <Menu.Item leftSection={<IconLockPassword size={14} />} disabled={system} onClick={open({ type: 'user', mode: 'edit', name, resetPassword: true })}>
              Reset password…
            </Menu.Item>
          )}
          {principal.kind !== 'group' && (
            <Menu.Item leftSection={<IconHierarchy2 size={14} />} disabled={system} onClick={open({ type: 'membership', principal })}>
              Memberships…
            </Menu.Item>
          )}
          {principal.kind === 'group' && (
            <Menu.Item leftSection={<IconHierarchy2 size={14} />} onClick={open({ type: 'group', mode: 'edit', name })}>
              Members…
            </Menu.Item>
          )}
          {principal.kind === 'role' && env.caps.systemPrivileges && (
            <Menu.Item leftSection={<IconSettingsCog size={14} />} disabled={system} onClick={open({ type: 'system', role: name })}>
              System permissions…
            </Menu.Item>
          )}
          {env.caps.defaultPrivileges && (
            <Menu.Item leftSection={<IconCalendarTime size={14} />} onClick={open({ type: 'defaults', principal })}>
              Default privileges…
            </Menu.Item>
          )}
          <Menu.Item leftSection={<IconGitCompare size={14} />} onClick={open({ type: 'compare', principal })}>
            Compare with…
          </Menu.Item>
          <Menu.Divider />
          {principal.kind === 'user' && (
            <Menu.Item color="red" leftSection={<IconDoorExit size={14} />} disabled={system} onClick={open({ type: 'offboard', user: name })}>
              Offboard from every database…
            </Menu.Item>
          )}
          <Menu.Item color="red" leftSection={<IconTrash size={14} />} disabled={system} onClick={open({ type: 'drop', principal })}>
            Drop {principal.kind}…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

/** Buttons for an object in the object browser (the catalog's ObjectActions slot). */
export function ObjectEditActions({ session, object }: { session: SessionInfo; object: ObjectRef }) {
  const env = useEditorEnv(session);
  const sid = session.id;
  const target: ObjectRef = object.kind === 'database' && !object.name ? { kind: 'database', name: env.database } : object;
  return (
    <Group gap={6} wrap="nowrap">
      <Button size="xs" variant="light" leftSection={<IconShieldLock size={14} />} onClick={() => openEditor(sid, { type: 'objectGrants', object: target })}>
        Edit privileges
      </Button>
      {!!kindOf(env.vocab, object.kind)?.columnPrivileges?.length && env.caps.columnPrivileges && (
        <Button size="xs" variant="default" leftSection={<IconColumns3 size={14} />} onClick={() => openEditor(sid, { type: 'columns', object })}>
          Column privileges
        </Button>
      )}
      {object.kind === 'schema' && env.caps.defaultPrivileges && (
        <Button size="xs" variant="default" leftSection={<IconCalendarTime size={14} />} onClick={() => openEditor(sid, { type: 'defaults' })}>
          Default privileges
        </Button>
      )}
    </Group>
  );
}

/** "New user / role / group" next to a list's search box (the catalog's ListActions slot). */
export function ListEditActions({ session, list }: { session: SessionInfo; list: 'users' | 'roles' | 'groups' }) {
  const env = useEditorEnv(session);
  if (list === 'groups' && !env.caps.groups) return null;
  const type = list === 'users' ? 'user' : list === 'roles' ? 'role' : 'group';
  return (
    <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => openEditor(session.id, { type, mode: 'create' })}>
      New {type}
    </Button>
  );
}
