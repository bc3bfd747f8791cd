import { ActionIcon, Alert, Button, Checkbox, Group, Loader, Paper, SegmentedControl, Select, SimpleGrid, Stack, Switch, Table, Text, Tooltip } from '@mantine/core';
import { IconCalendarTime, IconInfoCircle, IconPlus, IconSettingsCog, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { DefaultPrivilege } from '../../api';
import type { Change, DefaultObjectType, PrincipalRef } from '../../api/changes';
import { describeChange, principalLabel } from '../changes/describe';
import { pending, usePending } from '../changes/store';
import { buildDefaultChange, buildSystemChanges, type DefaultForm } from './builders';
import { granteeSelectProps, parseGranteeValue, useGranteeOptions, usePrincipalOrPending, useSchemas } from './data';
import { EditorModal, EditorModalLoading } from './EditorModal';
import type { EditorEnv } from './env';
import { granteeKey } from './matrix';
import { defaultPrivileges, defaultTypes, grantOptionAllowed } from './vocabulary';
import { Section } from './UserDialog';

const parseRef = parseGranteeValue;

interface DefaultGroup {
  key: string;
  creator: PrincipalRef;
  schema: string;
  objectType: string;
  grantee: PrincipalRef;
  grantOption: boolean;
  privileges: string[];
}

/** Groups default-privilege rows by rule, privileges together. */
export function groupDefaults(rows: DefaultPrivilege[]): DefaultGroup[] {
  const m = new Map<string, DefaultGroup>();
  for (const d of rows) {
    if (d.implied) continue;
    const key = [granteeKey(d.creator), d.schema ?? '', d.objectType, granteeKey(d.grantee), d.grantOption ? 1 : 0].join('|');
    let g = m.get(key);
    if (!g) m.set(key, (g = { key, creator: d.creator, schema: d.schema ?? '', objectType: d.objectType, grantee: d.grantee, grantOption: d.grantOption, privileges: [] }));
    if (!g.privileges.includes(d.privilege)) g.privileges.push(d.privilege);
  }
  return [...m.values()];
}

/**
 * Default privileges: what objects a creator makes later will grant, in a
 * schema or database-wide. Shows the rules that involve the principal and
 * queues new grants or revokes.
 */
export function DefaultPrivilegesDialog({ env, principal, onClose }: { env: EditorEnv; principal?: PrincipalRef; onClose: () => void }) {
  const { engine, caps, sessionId } = env;
  const rs = engine === 'redshift';
  const detail = usePrincipalOrPending(sessionId, principal ?? null);
  const granteeOptions = useGranteeOptions(sessionId, { groups: caps.groups });
  const creatorOptions = useGranteeOptions(sessionId, { groups: false, public: false, roles: !rs });
  const schemas = useSchemas(sessionId);
  usePending(sessionId);

  const creatorIsPrincipal = principal && (principal.kind === 'user' || (!rs && principal.kind === 'role'));
  const [f, setF] = useState<DefaultForm>(() => ({
    action: 'grant',
    creator: creatorIsPrincipal ? principal! : { kind: 'user', name: env.session.server.user },
    schema: '',
    objectType: defaultTypes(env.vocab)[0] ?? 'tables',
    privileges: defaultPrivileges(env.vocab, defaultTypes(env.vocab)[0] ?? 'tables').slice(0, 1),
    grantee: principal && !creatorIsPrincipal ? principal : principal?.kind === 'role' ? principal : { kind: 'role', name: '' },
    grantOption: false,
  }));
  const allowedPrivs = defaultPrivileges(env.vocab, f.objectType);
  const privs = f.privileges.filter((p) => allowedPrivs.includes(p));
  const ready = !!f.creator.name && privs.length > 0 && (f.grantee.kind === 'public' || !!f.grantee.name) && !(f.objectType === 'schemas' && f.schema);
  const change = ready ? buildDefaultChange({ ...f, privileges: privs, grantOption: f.grantOption && grantOptionAllowed(env.vocab, f.grantee.kind) }) : null;

  const rules = useMemo(() => groupDefaults([...(detail.data?.defaultsAsOwner ?? []), ...(detail.data?.defaultsReceived ?? [])]), [detail.data]);


  const [queued, setQueued] = useState<string[]>([]);
  const queue = (c: Change) => {
    pending.add(sessionId, c);
    setQueued((q) => [...q, describeChange(c, rs).text]);
  };

  return (
    <EditorModal
      opened
      onClose={onClose}
      size={760}
      title={principal ? `Default privileges of ${principalLabel(principal)}` : 'Default privileges'}
      subtitle="Privileges that objects get when they are created later, per creator."
      icon={<IconCalendarTime size={16} />}
    >
      {principal && (
        <Section title={`Rules involving ${principal.name || 'PUBLIC'} (${rules.length})`}>
          {detail.loading && !detail.data ? (
            <Loader size="sm" />
          ) : rules.length === 0 ? (
            <Text size="xs" c="dimmed">
              No default privileges name {principal.name || 'PUBLIC'} as creator or grantee.
            </Text>
          ) : (
            <Paper withBorder radius="sm">
              <Table fz="xs" verticalSpacing={4} striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Objects created by</Table.Th>
                    <Table.Th>In</Table.Th>
                    <Table.Th>Type</Table.Th>
                    <Table.Th>Grantee</Table.Th>
                    <Table.Th>Privileges</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rules.map((r) => (
                    <Table.Tr key={r.key}>
                      <Table.Td>{principalLabel(r.creator)}</Table.Td>
                      <Table.Td>{r.schema ? `schema ${r.schema}` : 'whole database'}</Table.Td>
                      <Table.Td>{r.objectType}</Table.Td>
                      <Table.Td>{principalLabel(r.grantee)}</Table.Td>
                      <Table.Td>
                        {r.privileges.join(', ')}
                        {r.grantOption ? ' (grant option)' : ''}
                      </Table.Td>
                      <Table.Td>
                        <Tooltip label="Queue a revoke of this rule">
                          <ActionIcon
                            size="sm"
                            color="red"
                            aria-label={`Revoke default ${r.privileges.join(', ')} on ${r.objectType} for ${principalLabel(r.grantee)}`}
                            onClick={() =>
                              queue(
                                buildDefaultChange({
                                  action: 'revoke',
                                  creator: r.creator,
                                  schema: r.schema,
                                  objectType: r.objectType as DefaultObjectType,
                                  privileges: r.privileges,
                                  grantee: r.grantee,
                                  grantOption: false,
                                }),
                              )
                            }
                          >
                            <IconTrash size={14} />
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )}
        </Section>
      )}

      {queued.length > 0 && (
        <Alert color="teal" variant="light" p="xs" aria-label="Queued rules">
          <Stack gap={2}>
            {queued.map((t, i) => (
              <Text key={i} size="xs">
                Queued: {t}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}

      <Section title="Add a rule">
        <SegmentedControl
          value={f.action}
          onChange={(v) => setF({ ...f, action: v as 'grant' | 'revoke' })}
          data={[
            { value: 'grant', label: 'Grant by default' },
            { value: 'revoke', label: 'Revoke by default' },
          ]}
          w={320}
        />
        <SimpleGrid cols={2} spacing="sm">
          <Select
            label="Objects created by"
            data={creatorOptions}
            value={f.creator.name ? granteeKey(f.creator) : null}
            onChange={(v) => v && setF({ ...f, creator: parseRef(v) })}
            searchable
            description={rs ? 'Redshift: a user (FOR USER). Roles and groups cannot be creators.' : 'A user or role (FOR ROLE).'}
            {...granteeSelectProps}
          />
          <Select
            label="Where"
            data={[{ value: '', label: 'Anywhere in the database' }, ...(schemas.data ?? []).filter((s) => !s.system).map((s) => ({ value: s.name, label: `schema ${s.name}` }))]}
            value={f.schema}
            onChange={(v) => setF({ ...f, schema: v ?? '' })}
            searchable
            error={f.objectType === 'schemas' && f.schema ? 'Defaults on schemas are database-wide only.' : undefined}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label="Object type"
            data={defaultTypes(env.vocab).map((t) => ({ value: t, label: t }))}
            value={f.objectType}
            onChange={(v) => v && setF({ ...f, objectType: v as DefaultObjectType, privileges: [defaultPrivileges(env.vocab, v as DefaultObjectType)[0]] })}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={f.action === 'grant' ? 'Grant to' : 'Revoke from'}
            data={granteeOptions}
            value={f.grantee.kind === 'public' || f.grantee.name ? granteeKey(f.grantee) : null}
            onChange={(v) => v && setF({ ...f, grantee: parseRef(v) })}
            searchable
            placeholder="User, role, group or PUBLIC"
            {...granteeSelectProps}
          />
        </SimpleGrid>
        <Checkbox.Group value={privs} onChange={(v) => setF({ ...f, privileges: v })} label="Privileges">
          <Group gap="md" mt={4}>
            {allowedPrivs.map((p) => (
              <Checkbox key={p} value={p} label={p} size="xs" />
            ))}
          </Group>
        </Checkbox.Group>
        {f.action === 'grant' && grantOptionAllowed(env.vocab, f.grantee.kind) && (
          <Switch size="xs" label="WITH GRANT OPTION" checked={f.grantOption} onChange={(e) => setF({ ...f, grantOption: e.currentTarget.checked })} />
        )}
        {rs && (
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={16} />} p="xs">
            <Text size="xs">
              Defaults apply only to objects the named creator makes. To cover objects anyone creates in a schema, grant a scoped permission instead (Whole schema → Current and future, in the privilege editor).
            </Text>
          </Alert>
        )}
        <Group justify="space-between" wrap="nowrap">
          <Text size="xs" c={f.action === 'revoke' ? 'red' : 'dimmed'} style={{ minWidth: 0 }}>
            {change ? describeChange(change, rs).text : 'Choose a creator, privileges and a grantee.'}
          </Text>
          <Button leftSection={<IconPlus size={14} />} disabled={!change} onClick={() => change && queue(change)}>
            Queue rule
          </Button>
        </Group>
      </Section>
    </EditorModal>
  );
}

/** Redshift system permissions of a role, as a checklist. */
export function SystemPermissionsDialog({ env, role, onClose }: { env: EditorEnv; role: string; onClose: () => void }) {
  const detail = usePrincipalOrPending(env.sessionId, { kind: 'role', name: role });
  if (!detail.data)
    return <EditorModalLoading onClose={onClose} title={`System permissions of ${role}`} icon={<IconSettingsCog size={16} />} error={detail.error} />;
  return <SystemForm env={env} role={role} current={detail.data.systemPrivileges ?? []} onClose={onClose} />;
}

function SystemForm({ env, role, current, onClose }: { env: EditorEnv; role: string; current: string[]; onClose: () => void }) {
  const [want, setWant] = useState<string[]>(current);
  const changes = buildSystemChanges(role, current, want);
  return (
    <EditorModal
      opened
      onClose={onClose}
      size={720}
      title={`System permissions of role ${role}`}
      subtitle="Cluster-wide rights held through a role (Redshift grants them to roles only)."
      icon={<IconSettingsCog size={16} />}
      changes={changes}
      isRedshift
      submitDisabled={changes.length === 0}
      onSubmit={() => {
        pending.add(env.sessionId, changes);
        onClose();
      }}
    >
      <Checkbox.Group value={want} onChange={setWant}>
        <SimpleGrid cols={2} spacing="md" verticalSpacing="md">
          {(env.vocab.system ?? []).map((g) => (
            <Stack key={g.label} gap={4}>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.05em' }}>
                {g.label}
              </Text>
              {g.items.map((p) => (
                <Checkbox key={p} value={p} size="xs" label={p} styles={{ label: { color: current.includes(p) !== want.includes(p) ? (want.includes(p) ? 'var(--mantine-color-teal-7)' : 'var(--mantine-color-red-7)') : undefined } }} />
              ))}
            </Stack>
          ))}
        </SimpleGrid>
      </Checkbox.Group>
    </EditorModal>
  );
}
