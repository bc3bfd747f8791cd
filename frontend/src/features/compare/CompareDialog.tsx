import { ActionIcon, Alert, Badge, Button, Group, Loader, Modal, ScrollArea, Select, Stack, Switch, Table, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconArrowsLeftRight, IconGitCompare } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { ApiError, PrincipalRef } from '../../api';
import { compareApi, type Comparison } from '../../api/compare';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PrincipalIcon } from '../catalog/icons';
import { pending } from '../changes/store';
import { useGroups, useRoles, useUsers } from '../editors/data';
import type { EditorEnv } from '../editors/env';
import { groupRows } from './rows';

const refKey = (r: PrincipalRef) => `${r.kind}:${r.name}`;

/**
 * Two principals side by side — attributes, memberships, privileges, default
 * privileges, system permissions — and "make B like A" as pending changes,
 * previewed in the tray like any other edit.
 */
export function CompareDialog({ env, principal, onClose }: { env: EditorEnv; principal: PrincipalRef; onClose: () => void }) {
  const sid = env.sessionId;
  const users = useUsers(sid);
  const roles = useRoles(sid);
  const groups = useGroups(sid, env.caps.groups);
  const [a, setA] = useState<PrincipalRef>(principal);
  const [b, setB] = useState<PrincipalRef | null>(null);
  const [onlyDiff, setOnlyDiff] = useState(true);
  // Answers are kept with the pair they answer, so a new pair shows nothing stale.
  const pairKey = b ? `${refKey(a)}|${refKey(b)}` : '';
  const [answer, setAnswer] = useState<{ key: string; cmp?: Comparison; error?: ApiError } | null>(null);
  const [queuedFor, setQueuedFor] = useState<{ key: string; n: number } | null>(null);
  const cmp = answer?.key === pairKey ? (answer.cmp ?? null) : null;
  const error = answer?.key === pairKey ? (answer.error ?? null) : null;
  const queued = queuedFor?.key === pairKey ? queuedFor.n : 0;

  const choices = useMemo(() => {
    const out: { value: string; label: string; ref: PrincipalRef }[] = [];
    const add = (ref: PrincipalRef) => out.push({ value: refKey(ref), label: `${ref.name} (${ref.kind})`, ref });
    for (const u of users.data ?? []) add({ kind: 'user', name: u.name });
    for (const r of roles.data ?? []) if (!r.system) add({ kind: 'role', name: r.name });
    for (const g of groups.data ?? []) add({ kind: 'group', name: g.name });
    return out.filter((c) => c.value !== refKey(a));
  }, [users.data, roles.data, groups.data, a]);

  useEffect(() => {
    if (!b) return;
    let live = true;
    const key = `${refKey(a)}|${refKey(b)}`;
    compareApi.principals(sid, a, b).then(
      (c) => live && setAnswer({ key, cmp: c }),
      (e: ApiError) => live && setAnswer({ key, error: e }),
    );
    return () => {
      live = false;
    };
  }, [sid, a, b]);

  const grouped = useMemo(() => (cmp ? groupRows(cmp.rows, onlyDiff) : []), [cmp, onlyDiff]);
  const name = (r: PrincipalRef) => (
    <Group gap={4} wrap="nowrap">
      <PrincipalIcon kind={r.kind} />
      <Text size="sm" fw={600} truncate>
        {r.name}
      </Text>
    </Group>
  );

  return (
    <Modal
      opened
      onClose={onClose}
      size={900}
      scrollAreaComponent={ScrollArea.Autosize}
      title={
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon variant="light" size="md" radius="sm">
            <IconGitCompare size={16} />
          </ThemeIcon>
          <Text fw={600}>Compare {a.name}</Text>
        </Group>
      }
    >
      <Stack gap="md">
        <Group gap="sm" align="flex-end">
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              A
            </Text>
            {name(a)}
          </Stack>
          <Tooltip label="Swap A and B">
            <ActionIcon variant="default" aria-label="Swap A and B" disabled={!b} onClick={() => b && (setA(b), setB(a))}>
              <IconArrowsLeftRight size={16} />
            </ActionIcon>
          </Tooltip>
          <Select
            label="B"
            placeholder="Choose a user, role or group…"
            data={choices}
            value={b ? refKey(b) : null}
            onChange={(v) => setB(choices.find((c) => c.value === v)?.ref ?? null)}
            searchable
            w={320}
            limit={100}
          />
          <Switch label="Only differences" checked={onlyDiff} onChange={(e) => setOnlyDiff(e.currentTarget.checked)} mb={6} />
        </Group>
        {error && <ErrorAlert error={error} />}
        {b && !cmp && !error && (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              Comparing…
            </Text>
          </Group>
        )}
        {cmp && b && (
          <>
            <Text size="sm" aria-label="Comparison summary">
              {cmp.differences === 0 ? `${a.name} and ${b.name} have the same access.` : `${cmp.differences} differences.`}
            </Text>
            {grouped.length > 0 && (
              <Table verticalSpacing={4} fz="sm" aria-label="Comparison" withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>What</Table.Th>
                    <Table.Th w={170}>{name(a)}</Table.Th>
                    <Table.Th w={170}>{name(b)}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {grouped.map((g) => [
                    <Table.Tr key={g.section}>
                      <Table.Td colSpan={3} bg="var(--mantine-color-default-hover)">
                        <Group gap={6}>
                          <Text size="xs" fw={700} tt="uppercase">
                            {g.title}
                          </Text>
                          {g.differences > 0 && (
                            <Badge size="xs" variant="light" color="orange">
                              {g.differences} differ
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>,
                    ...g.rows.map((r) => (
                      <Table.Tr
                        key={`${g.section}|${r.label}`}
                        data-differs={!r.same || undefined}
                        style={r.same ? undefined : { boxShadow: 'inset 3px 0 0 var(--mantine-color-orange-6)' }}
                      >
                        <Table.Td fw={r.same ? undefined : 600}>{r.label}</Table.Td>
                        <Table.Td>{r.a || <Text c="dimmed">—</Text>}</Table.Td>
                        <Table.Td>{r.b || <Text c="dimmed">—</Text>}</Table.Td>
                      </Table.Tr>
                    )),
                  ])}
                </Table.Tbody>
              </Table>
            )}
            {cmp.notCopied.length > 0 && (
              <Alert variant="light" color="gray" title={`Not copied by "make ${b.name} like ${a.name}"`}>
                <Stack gap={2}>
                  {cmp.notCopied.map((n) => (
                    <Text key={n} size="xs">
                      {n}
                    </Text>
                  ))}
                </Stack>
              </Alert>
            )}
            {queued > 0 && (
              <Alert variant="light" color="teal">
                {queued} changes added to the pending changes: review their SQL in the tray before applying.
              </Alert>
            )}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
          <Button
            disabled={!cmp || !b || cmp.changes.length === 0 || queued > 0}
            onClick={() => {
              if (!cmp) return;
              pending.add(sid, cmp.changes);
              setQueuedFor({ key: pairKey, n: cmp.changes.length });
            }}
          >
            {b ? `Make ${b.name} like ${a.name}` : 'Make B like A'}
            {cmp && cmp.changes.length > 0 ? ` (${cmp.changes.length} changes)` : ''}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
