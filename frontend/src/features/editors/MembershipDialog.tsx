import { ActionIcon, Badge, Button, Checkbox, Group, Paper, Select, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconHierarchy2, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { Change, PrincipalRef } from '../../api/changes';
import { pending } from '../changes/store';
import { buildAlterGroup, buildMembershipChanges, type MembershipRow } from './builders';
import { useGroups, usePendingNames, usePrincipalOrPending, useRoles, useUsers } from './data';
import { EditorModal, EditorModalLoading } from './EditorModal';
import type { EditorEnv } from './env';
import { granteeKey } from './matrix';
import { adminOptionAllowed } from './vocabulary';
import { Section } from './UserDialog';

interface Row {
  key: string;
  label: string;
  kindBadge?: string;
  admin?: boolean;
  adminAllowed: boolean;
  isNew: boolean;
  removed: boolean;
  onAdmin?: (v: boolean) => void;
  onRemove: () => void;
}

function RowList({ rows, empty }: { rows: Row[]; empty: string }) {
  if (!rows.length)
    return (
      <Text size="xs" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <Paper withBorder radius="sm" p={0}>
      <Stack gap={0}>
        {rows.map((r, i) => (
          <Group
            key={r.key}
            justify="space-between"
            wrap="nowrap"
            px="sm"
            py={5}
            style={{ borderTop: i ? '1px solid var(--app-border)' : undefined, opacity: r.removed ? 0.7 : 1 }}
            aria-label={`Membership ${r.label}`}
          >
            <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
              {r.kindBadge && (
                <Badge size="xs" variant="light" color={r.kindBadge === 'user' ? 'blue' : 'grape'}>
                  {r.kindBadge}
                </Badge>
              )}
              <Text size="sm" truncate td={r.removed ? 'line-through' : undefined} c={r.removed ? 'red' : undefined}>
                {r.label}
              </Text>
              {r.isNew && (
                <Badge size="xs" color="teal" variant="light">
                  new
                </Badge>
              )}
            </Group>
            <Group gap="sm" wrap="nowrap">
              {r.adminAllowed && r.onAdmin && (
                <Checkbox size="xs" label="admin option" checked={!!r.admin} disabled={r.removed} onChange={(e) => r.onAdmin!(e.currentTarget.checked)} />
              )}
              <Tooltip label={r.removed ? 'Keep' : 'Remove'}>
                <ActionIcon size="sm" color={r.removed ? 'gray' : 'red'} aria-label={`${r.removed ? 'Keep' : 'Remove'} ${r.label}`} onClick={r.onRemove}>
                  {r.removed ? <IconArrowBackUp size={14} /> : <IconTrash size={14} />}
                </ActionIcon>
              </Tooltip>
            </Group>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

/** Rows of a wanted membership list, with removed current ones kept (struck through) so they can be restored. */
function rowsOf(current: MembershipRow[], wanted: MembershipRow[], setWanted: (w: MembershipRow[]) => void, adminAllowed: boolean, badge?: (k: string) => string): Row[] {
  const cur = new Map(current.map((m) => [m.role, m]));
  const want = new Map(wanted.map((m) => [m.role, m]));
  const keys = [...new Set([...current.map((m) => m.role), ...wanted.map((m) => m.role)])];
  return keys.map((k) => {
    const w = want.get(k);
    const label = k.includes('\u0000') ? k.split('\u0000')[1] : k;
    return {
      key: k,
      label,
      kindBadge: badge?.(k),
      admin: w?.adminOption ?? cur.get(k)?.adminOption,
      adminAllowed,
      isNew: !cur.has(k),
      removed: !w,
      onAdmin: (v) => setWanted(wanted.map((m) => (m.role === k ? { ...m, adminOption: v } : m))),
      onRemove: () => (w ? setWanted(wanted.filter((m) => m.role !== k)) : setWanted([...wanted, cur.get(k)!])),
    };
  });
}

function Adder({ options, placeholder, onAdd, withAdmin }: { options: { value: string; label: string }[]; placeholder: string; onAdd: (v: string, admin: boolean) => void; withAdmin: boolean }) {
  const [v, setV] = useState<string | null>(null);
  const [admin, setAdmin] = useState(false);
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <Select
        data={options}
        value={v}
        onChange={setV}
        searchable
        placeholder={placeholder}
        nothingFoundMessage="Nothing found"
        style={{ flex: 1 }}
        comboboxProps={{ withinPortal: true }}
        aria-label={placeholder}
      />
      {withAdmin && <Checkbox size="xs" label="with admin option" checked={admin} onChange={(e) => setAdmin(e.currentTarget.checked)} />}
      <Button
        variant="light"
        leftSection={<IconPlus size={14} />}
        disabled={!v}
        onClick={() => {
          if (v) onAdd(v, admin);
          setV(null);
          setAdmin(false);
        }}
      >
        Add
      </Button>
    </Group>
  );
}

const SEP = '\u0000';

/**
 * Grants and revokes role memberships of a user or role ("member of"), the
 * members of a role, and a Redshift user's groups. The backend refuses
 * cycles before any SQL runs; its message shows in the preview.
 */
export function MembershipDialog({ env, principal, onClose }: { env: EditorEnv; principal: PrincipalRef; onClose: () => void }) {
  const detail = usePrincipalOrPending(env.sessionId, principal);
  if (!detail.data)
    return <EditorModalLoading onClose={onClose} title={`Memberships of ${principal.name}`} icon={<IconHierarchy2 size={16} />} error={detail.error} />;
  const d = detail.data;
  const memberOf = d.memberOf.filter((m) => m.of.kind === 'role').map((m) => ({ role: m.of.name, adminOption: m.adminOption }));
  const groups = d.memberOf.filter((m) => m.of.kind === 'group').map((m) => m.of.name);
  const members = d.members.map((m) => ({ role: `${m.member.kind}${SEP}${m.member.name}`, adminOption: m.adminOption }));
  return <MembershipForm env={env} principal={principal} memberOf={memberOf} members={members} groups={groups} onClose={onClose} key={granteeKey(principal)} />;
}

function MembershipForm({
  env,
  principal,
  memberOf,
  members,
  groups,
  onClose,
}: {
  env: EditorEnv;
  principal: PrincipalRef;
  memberOf: MembershipRow[];
  members: MembershipRow[];
  groups: string[];
  onClose: () => void;
}) {
  const { engine, caps, sessionId } = env;
  const [wantOf, setWantOf] = useState(memberOf);
  const [wantMembers, setWantMembers] = useState(members);
  const [wantGroups, setWantGroups] = useState(groups);
  const roles = useRoles(sessionId);
  const users = useUsers(sessionId);
  const allGroups = useGroups(sessionId, caps.groups && principal.kind === 'user');
  const queued = usePendingNames(sessionId);
  const isRole = principal.kind === 'role';

  const changes: Change[] = useMemo(() => {
    const out = buildMembershipChanges(principal, memberOf, wantOf);
    if (isRole) {
      // Each member is its own member ref; diff them one by one.
      const cur = new Map(members.map((m) => [m.role, m.adminOption]));
      const want = new Map(wantMembers.map((m) => [m.role, m.adminOption]));
      for (const k of new Set([...cur.keys(), ...want.keys()])) {
        const [kind, name] = k.split(SEP);
        const ref = { kind: kind as PrincipalRef['kind'], name };
        out.push(
          ...buildMembershipChanges(ref, cur.has(k) ? [{ role: principal.name, adminOption: !!cur.get(k) }] : [], want.has(k) ? [{ role: principal.name, adminOption: !!want.get(k) }] : []),
        );
      }
    }
    const before = new Set(groups);
    const after = new Set(wantGroups);
    for (const g of wantGroups) if (!before.has(g)) out.push(...buildAlterGroup(g, [], g, [principal.name]));
    for (const g of groups) if (!after.has(g)) out.push(...buildAlterGroup(g, [principal.name], g, []));
    return out;
  }, [principal, memberOf, wantOf, members, wantMembers, groups, wantGroups, isRole]);

  const taken = new Set(wantOf.map((m) => m.role));
  const roleNames = [...(roles.data ?? []).filter((r) => !r.system).map((r) => r.name), ...queued.roles];
  const roleOptions = [...new Set(roleNames)]
    .filter((n) => !taken.has(n) && !(isRole && n === principal.name))
    .map((n) => ({ value: n, label: queued.roles.includes(n) ? `${n} (queued)` : n }));
  const memberTaken = new Set(wantMembers.map((m) => m.role));
  const userNames = [...new Set([...(users.data ?? []).map((u) => u.name), ...queued.users])];
  const memberOptions = [
    ...userNames.map((n) => ({ value: `user${SEP}${n}`, label: `${n} (user${queued.users.includes(n) ? ', queued' : ''})` })),
    ...[...new Set(roleNames)].filter((n) => n !== principal.name).map((n) => ({ value: `role${SEP}${n}`, label: `${n} (role${queued.roles.includes(n) ? ', queued' : ''})` })),
  ].filter((o) => !memberTaken.has(o.value));
  const groupOptions = [...new Set([...(allGroups.data ?? []).map((g) => g.name), ...queued.groups])].filter((g) => !wantGroups.includes(g));

  const adminForPrincipal = adminOptionAllowed(env.vocab, principal.kind);
  return (
    <EditorModal
      opened
      onClose={onClose}
      size={640}
      title={`Memberships of ${principal.kind} ${principal.name}`}
      subtitle="Roles pass their privileges to their members, nested roles included."
      icon={<IconHierarchy2 size={16} />}
      changes={changes}
      isRedshift={engine === 'redshift'}
      onSubmit={() => {
        if (changes.length) {
          pending.add(sessionId, changes);
        }
        onClose();
      }}
      submitDisabled={changes.length === 0}
    >
      <Section title={`Member of (${wantOf.length})`}>
        <RowList rows={rowsOf(memberOf, wantOf, setWantOf, adminForPrincipal)} empty={`${principal.name} belongs to no role.`} />
        <Adder
          options={roleOptions}
          placeholder="Grant a role…"
          withAdmin={adminForPrincipal}
          onAdd={(role, admin) => setWantOf([...wantOf, { role, adminOption: admin }])}
        />
        {!adminForPrincipal && isRole && (
          <Text size="xs" c="dimmed">
            Redshift gives the admin option on a role only to users.
          </Text>
        )}
      </Section>
      {isRole && (
        <Section title={`Members (${wantMembers.length})`}>
          <RowList
            rows={rowsOf(members, wantMembers, setWantMembers, true, (k) => k.split(SEP)[0]).map((r) => ({
              ...r,
              adminAllowed: adminOptionAllowed(env.vocab, r.kindBadge as PrincipalRef['kind']),
            }))}
            empty={`No user or role holds ${principal.name}.`}
          />
          <Adder
            options={memberOptions}
            placeholder="Grant this role to a user or role…"
            withAdmin={engine === 'postgres'}
            onAdd={(k, admin) => setWantMembers([...wantMembers, { role: k, adminOption: admin && adminOptionAllowed(env.vocab, k.split(SEP)[0] as PrincipalRef['kind']) }])}
          />
        </Section>
      )}
      {caps.groups && principal.kind === 'user' && (
        <Section title={`Groups (${wantGroups.length})`}>
          <RowList
            rows={[...new Set([...groups, ...wantGroups])].map((g) => ({
              key: g,
              label: g,
              adminAllowed: false,
              isNew: !groups.includes(g),
              removed: !wantGroups.includes(g),
              onRemove: () => setWantGroups(wantGroups.includes(g) ? wantGroups.filter((x) => x !== g) : [...wantGroups, g]),
            }))}
            empty={`${principal.name} is in no group.`}
          />
          <Adder options={groupOptions.map((g) => ({ value: g, label: g }))} placeholder="Add to a group…" withAdmin={false} onAdd={(g) => setWantGroups([...wantGroups, g])} />
        </Section>
      )}
    </EditorModal>
  );
}
