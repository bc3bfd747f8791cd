import { Alert, Checkbox, Loader, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle, IconTrash, IconUsersGroup, IconUserShield } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { Change, PrincipalRef } from '../../api/changes';
import { pending } from '../changes/store';
import { buildAlterGroup, buildAlterRole, buildCreateGroup, buildCreateRole, buildDropRole, type RoleForm } from './builders';
import { useGroups, usePendingNames, usePrincipal, useRoles, useSchemas, useUsers } from './data';
import { EditorModal, EditorModalLoading } from './EditorModal';
import type { EditorEnv } from './env';
import { Section } from './UserDialog';

function nameError(name: string, taken: Set<string>, maxBytes: number, what: string, unchanged?: string): string | undefined {
  const n = name.trim();
  if (!n) return `Enter a ${what} name.`;
  if (n.includes('\u0000')) return 'A name cannot contain a NUL character.';
  if (new TextEncoder().encode(n).length > maxBytes) return `The name is longer than ${maxBytes} bytes.`;
  if (/^public$/i.test(n)) return `PUBLIC is reserved and cannot name a ${what}.`;
  if (n !== unchanged && taken.has(n)) return `${n} already exists.`;
  return undefined;
}

// Queued changes show in the header's pending count; no toast to cover the screen.
function queue(sessionId: string, changes: Change[]) {
  pending.add(sessionId, changes);
}

// A name form's submit: show the error, or queue what changed (if anything) and close.
function submitForm(sessionId: string, err: string | undefined, changes: Change[], showError: () => void, onClose: () => void) {
  if (err) return showError();
  if (changes.length) queue(sessionId, changes);
  onClose();
}

// ── roles ─────────────────────────────────────────────────────────

export function RoleDialog({ env, name, onClose }: { env: EditorEnv; name?: string; onClose: () => void }) {
  const detail = usePrincipal(env.sessionId, name ? { kind: 'role', name } : null);
  if (name && !detail.data?.role)
    return <EditorModalLoading onClose={onClose} title={`Edit role ${name}`} icon={<IconUserShield size={16} />} error={detail.error} />;
  const r = detail.data?.role;
  const orig = r ? { name: r.name, owner: r.owner ?? '', externalId: r.externalId ?? '' } : undefined;
  return <RoleForm env={env} orig={orig} onClose={onClose} />;
}

function RoleForm({ env, orig, onClose }: { env: EditorEnv; orig?: RoleForm; onClose: () => void }) {
  const rs = env.engine === 'redshift';
  const [f, setF] = useState<RoleForm>(orig ?? { name: '', owner: '', externalId: '' });
  const [shown, setShown] = useState(false);
  const users = useUsers(env.sessionId);
  const roles = useRoles(env.sessionId);
  const queued = usePendingNames(env.sessionId);
  const taken = useMemo(
    () => new Set([...(roles.data ?? []).map((x) => x.name), ...(users.data ?? []).map((x) => x.name), ...queued.roles, ...queued.users]),
    [roles.data, users.data, queued],
  );
  const err = nameError(f.name, taken, env.caps.maxIdentifierBytes, 'role', orig?.name);
  const changes = orig ? buildAlterRole(orig, f, env.engine) : buildCreateRole(f, env.engine);
  const submit = () => submitForm(env.sessionId, err, changes, () => setShown(true), onClose);
  return (
    <EditorModal
      opened
      onClose={onClose}
      title={orig ? `Edit role ${orig.name}` : 'New role'}
      icon={<IconUserShield size={16} />}
      changes={changes}
      isRedshift={rs}
      onSubmit={submit}
      submitDisabled={!!orig && changes.length === 0}
    >
      <TextInput
        label={orig ? 'Name (type a new one to rename)' : 'Role name'}
        value={f.name}
        onChange={(e) => setF({ ...f, name: e.currentTarget.value })}
        error={shown || f.name ? err : undefined}
        data-autofocus
        spellCheck={false}
        autoComplete="off"
        description={
          rs
            ? 'Redshift role names cannot start with sys: or ds:, nor contain a colon or slash, and must differ from every user name.'
            : 'Users and roles share one namespace in PostgreSQL.'
        }
      />
      {rs && (
        <>
          <Select
            label="Owner"
            description={orig ? 'The user who may alter or drop the role.' : 'Leave empty: you own the role.'}
            data={[...new Set([...(users.data ?? []).map((u) => u.name), ...queued.users])]}
            value={f.owner || null}
            onChange={(v) => setF({ ...f, owner: v ?? '' })}
            searchable
            clearable={!orig}
            allowDeselect={!orig}
            placeholder="Pick a user"
            nothingFoundMessage="No such user"
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label="External id"
            description="The role's id at a registered identity provider (e.g. an Azure AD group id), for roles managed by the provider."
            value={f.externalId}
            onChange={(e) => setF({ ...f, externalId: e.currentTarget.value })}
            spellCheck={false}
          />
        </>
      )}
    </EditorModal>
  );
}

// ── groups (Redshift) ─────────────────────────────────────────────

export function GroupDialog({ env, name, onClose }: { env: EditorEnv; name?: string; onClose: () => void }) {
  const detail = usePrincipal(env.sessionId, name ? { kind: 'group', name } : null);
  if (name && !detail.data?.group)
    return <EditorModalLoading onClose={onClose} title={`Edit group ${name}`} icon={<IconUsersGroup size={16} />} error={detail.error} />;
  const members = (detail.data?.members ?? []).filter((m) => m.member.kind === 'user').map((m) => m.member.name);
  return <GroupForm env={env} origName={name} origUsers={members} onClose={onClose} />;
}

function GroupForm({ env, origName, origUsers, onClose }: { env: EditorEnv; origName?: string; origUsers: string[]; onClose: () => void }) {
  const [name, setName] = useState(origName ?? '');
  const [users, setUsers] = useState<string[]>(origUsers);
  const [shown, setShown] = useState(false);
  const allUsers = useUsers(env.sessionId);
  const groups = useGroups(env.sessionId);
  const queued = usePendingNames(env.sessionId);
  const taken = useMemo(() => new Set([...(groups.data ?? []).map((g) => g.name), ...queued.groups]), [groups.data, queued]);
  const err = nameError(name, taken, env.caps.maxIdentifierBytes, 'group', origName);
  const changes: Change[] = origName ? buildAlterGroup(origName, origUsers, name, users) : [buildCreateGroup(name, users)];
  const submit = () => submitForm(env.sessionId, err, changes, () => setShown(true), onClose);
  return (
    <EditorModal
      opened
      onClose={onClose}
      title={origName ? `Edit group ${origName}` : 'New group'}
      subtitle="Groups are Redshift's legacy way to share privileges among users."
      icon={<IconUsersGroup size={16} />}
      changes={changes}
      isRedshift
      onSubmit={submit}
      submitDisabled={!!origName && changes.length === 0}
    >
      <TextInput
        label={origName ? 'Name (type a new one to rename)' : 'Group name'}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={shown || name ? err : undefined}
        data-autofocus
        spellCheck={false}
        autoComplete="off"
      />
      <MultiSelect
        size="xs"
        label="Users"
        description={origName ? 'Add or remove users; only the difference is sent.' : 'Users who join the group when it is created.'}
        data={[...new Set([...(allUsers.data ?? []).map((u) => u.name), ...queued.users])]}
        value={users}
        onChange={setUsers}
        searchable
        clearable
        hidePickedOptions
        placeholder="Pick users"
        nothingFoundMessage="No such user"
        maxDropdownHeight={260}
        comboboxProps={{ withinPortal: true }}
      />
    </EditorModal>
  );
}

// ── drop ──────────────────────────────────────────────────────────

export function DropDialog({ env, principal, onClose }: { env: EditorEnv; principal: PrincipalRef; onClose: () => void }) {
  const rs = env.engine === 'redshift';
  const detail = usePrincipal(env.sessionId, principal);
  const schemas = useSchemas(env.sessionId);
  const [force, setForce] = useState(false);
  const d = detail.data;
  const kind = principal.kind;
  const change: Change =
    kind === 'user' ? { kind: 'drop_user', user: { name: principal.name } } : kind === 'role' ? buildDropRole(principal.name, rs && force) : { kind: 'drop_group', group: { name: principal.name } };
  const self = kind === 'user' && principal.name === env.session.server.user;
  const facts: string[] = [];
  if (d) {
    if (d.grants.length) facts.push(`${d.grants.length} direct privilege${d.grants.length === 1 ? '' : 's'}`);
    if (d.memberOf.length) facts.push(`membership in ${d.memberOf.length} role${d.memberOf.length === 1 ? '' : 's'} or group${d.memberOf.length === 1 ? '' : 's'}`);
    if (d.members.length) facts.push(`${d.members.length} member${d.members.length === 1 ? '' : 's'}`);
    if (d.defaultsAsOwner.length) facts.push(`${d.defaultsAsOwner.length} default privilege${d.defaultsAsOwner.length === 1 ? '' : 's'} it set`);
  }
  // What it owns in this database: the server refuses the drop until ownership moves.
  const owned: { kind: string; ref: { schema?: string; name?: string } }[] =
    d?.owned ?? (schemas.data ?? []).filter((s) => s.owner === principal.name).map((s) => ({ kind: 'schema', ref: { schema: s.name } }));
  const ownedNames = owned.map((o) => `${o.kind.replace(/_/g, ' ')} ${o.ref.schema ?? ''}${o.ref.name ? `.${o.ref.name}` : ''}`);
  const ownedText = ownedNames.length > 6 ? `${ownedNames.slice(0, 6).join(', ')} and ${ownedNames.length - 6} more` : ownedNames.join(', ');
  return (
    <EditorModal
      opened
      onClose={onClose}
      title={`Drop ${kind} ${principal.name}`}
      icon={<IconTrash size={16} />}
      destructive
      changes={[change]}
      isRedshift={rs}
      submitLabel={`Queue drop ${kind}`}
      onSubmit={self ? undefined : () => {
        queue(env.sessionId, [change]);
        onClose();
      }}
    >
      {self && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />}>
          You are connected as {principal.name}: a session cannot drop its own user.
        </Alert>
      )}
      {detail.loading && !d ? (
        <Loader size="sm" />
      ) : (
        <Section title="What will be lost">
          <Text size="sm">
            {facts.length ? `${principal.name} has ${facts.join(', ')}; all of it goes with the ${kind}.` : `${principal.name} holds no direct privileges or memberships.`}
          </Text>
          {owned.length > 0 && (
            <Text size="sm" c="orange">
              It owns {owned.length === 1 ? 'one object' : `${owned.length} objects`} in this database ({ownedText}): the drop will fail until
              their ownership is transferred.
            </Text>
          )}
          {kind === 'user' && (
            <Text size="xs" c="dimmed">
              The server refuses to drop a user who still owns objects{rs ? ' (in this database; Redshift checks only the current one)' : ''}.
            </Text>
          )}
        </Section>
      )}
      {kind === 'role' && rs && (
        <Stack gap={6}>
          <Checkbox
            color="red"
            label="Force: also remove every grant of this role to users and roles (DROP ROLE … FORCE)"
            checked={force}
            onChange={(e) => setForce(e.currentTarget.checked)}
          />
          {force ? (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} p="xs">
              <Text size="xs">
                With FORCE, every user and role that holds {principal.name} loses it — and everything it granted them — at once. Without it (RESTRICT), the drop
                fails while the role is still granted to someone.
              </Text>
            </Alert>
          ) : (
            <Text size="xs" c="dimmed">
              RESTRICT (the default): the drop fails while the role is granted to a user or role; revoke it first.
            </Text>
          )}
        </Stack>
      )}
      {kind === 'role' && !rs && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={16} />} p="xs">
          <Text size="xs">PostgreSQL removes the role's memberships with it; the drop fails while the role owns objects or holds privileges.</Text>
        </Alert>
      )}
      <Text size="xs" c="dimmed">
        Nothing runs yet: the drop is queued, and applying it asks for confirmation.
      </Text>
    </EditorModal>
  );
}
