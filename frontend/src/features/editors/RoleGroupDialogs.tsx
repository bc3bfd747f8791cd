import { Alert, List, Loader, MultiSelect, ScrollArea, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconTrash, IconUsersGroup, IconUserShield } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { Change, PrincipalRef } from '../../api/changes';
import { pending } from '../changes/store';
import { buildAlterGroup, buildAlterRole, buildCreateGroup, buildCreateRole, buildDrop, type RoleForm } from './builders';
import { useGroups, usePendingNames, usePlanPreview, usePrincipal, useRoles, useUsers } from './data';
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

/**
 * Drop a user, role or group. The backend renders, before the DROP, every
 * revoke and ownership transfer that makes it succeed in this database; the
 * dialog lists exactly those statements (from a preview of the change), so
 * its words are the plan's. What the principal owns needs a successor.
 */
export function DropDialog({ env, principal, onClose }: { env: EditorEnv; principal: PrincipalRef; onClose: () => void }) {
  const rs = env.engine === 'redshift';
  const detail = usePrincipal(env.sessionId, principal);
  const users = useUsers(env.sessionId);
  const roles = useRoles(env.sessionId);
  const [successor, setSuccessor] = useState<string | null>(null);
  const d = detail.data;
  const kind = principal.kind;
  const self = kind === 'user' && principal.name === env.session.server.user;
  const owned = d?.owned ?? [];
  const change = buildDrop(principal, successor ?? '');
  const plan = usePlanPreview(env.sessionId, self || !d ? null : [change]);
  const successors = useMemo(() => {
    const groups = [{ group: 'Users', items: (users.data ?? []).map((u) => u.name).filter((n) => n !== principal.name) }];
    // PostgreSQL roles can own objects; Redshift objects are owned by users.
    if (!rs) groups.push({ group: 'Roles', items: (roles.data ?? []).filter((r) => !r.system).map((r) => r.name).filter((n) => n !== principal.name) });
    return groups;
  }, [users.data, roles.data, rs, principal.name]);
  const ownedNames = owned.map((o) => `${o.kind.replace(/_/g, ' ')} ${o.ref.schema ?? ''}${o.ref.name ? `.${o.ref.name}` : ''}`);
  const ownedText = ownedNames.length > 6 ? `${ownedNames.slice(0, 6).join(', ')} and ${ownedNames.length - 6} more` : ownedNames.join(', ');
  const ready = !self && !!d && !plan.loading && !plan.error && plan.statements.length > 0;
  // The backend knows more owned things than the detail lists (databases, roles):
  // its refusal asks for a successor too.
  const askSuccessor = kind !== 'group' && (owned.length > 0 || !!successor || /choose who takes (it|them) over/.test(plan.error ?? ''));
  const before = plan.statements.slice(0, -1);
  return (
    <EditorModal
      opened
      onClose={onClose}
      title={`Drop ${kind} ${principal.name}`}
      icon={<IconTrash size={16} />}
      destructive
      submitLabel={`Queue drop ${kind}`}
      submitDisabled={!ready}
      onSubmit={
        self
          ? undefined
          : () => {
              queue(env.sessionId, [change]);
              onClose();
            }
      }
    >
      {self && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />}>
          You are connected as {principal.name}: a session cannot drop its own user.
        </Alert>
      )}
      {!self && askSuccessor && (
        <Select
          label="Successor"
          description={
            owned.length
              ? `${principal.name} owns ${owned.length === 1 ? 'one object' : `${owned.length} objects`} in database ${env.database} (${ownedText}). Who takes ${owned.length === 1 ? 'it' : 'them'} over (ALTER … OWNER TO)?`
              : `Who takes over what ${principal.name} owns in database ${env.database} (ALTER … OWNER TO)?`
          }
          placeholder={rs ? 'Choose a user' : 'Choose a user or role'}
          data={successors}
          value={successor}
          onChange={setSuccessor}
          searchable
          clearable
          maxDropdownHeight={260}
        />
      )}
      {!self && (
        <Section title="What the drop runs">
          {(detail.loading && !d) || plan.loading ? (
            <Loader size="sm" />
          ) : plan.error ? (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} />} p="xs">
              <Text size="sm">{plan.error.replace(/^change \d+ \([^)]*\): /, '')}</Text>
            </Alert>
          ) : (
            <Stack gap={4}>
              <Text size="sm">
                {before.length
                  ? `In database ${env.database}, ${before.length === 1 ? '1 statement runs' : `${before.length} statements run`} before the drop:`
                  : `${principal.name} holds and owns nothing here; the drop runs alone.`}
              </Text>
              {before.length > 0 && (
                <ScrollArea.Autosize mah={220} type="auto">
                  <List size="sm" spacing={2} aria-label="Statements before the drop">
                    {before.map((s, i) => (
                      <List.Item key={i}>{s.summary}</List.Item>
                    ))}
                  </List>
                </ScrollArea.Autosize>
              )}
              {plan.statements.length > 0 && (
                <Text size="sm" fw={500} c="red">
                  {plan.statements[plan.statements.length - 1].summary}.
                </Text>
              )}
              {plan.warnings.map((w, i) => (
                <Text key={i} size="xs" c="orange">
                  {w}
                </Text>
              ))}
            </Stack>
          )}
          {kind !== 'group' && !/another database/.test(plan.statements[plan.statements.length - 1]?.summary ?? '') && (
            <Text size="xs" c="dimmed">
              {rs
                ? 'Redshift checks only this database: grants in other databases do not stop the drop, and objects owned there are left with an unknown owner.'
                : 'Privileges and objects in other databases of the cluster are not cleared here; PostgreSQL refuses the drop while any remain.'}
            </Text>
          )}
        </Section>
      )}
      <Text size="xs" c="dimmed">
        Nothing runs yet: the drop is queued, and applying it asks for confirmation.
      </Text>
    </EditorModal>
  );
}
