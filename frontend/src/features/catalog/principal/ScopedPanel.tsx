import { Box, Button, Checkbox, Group, SegmentedControl, Select, Stack, Switch, Text } from '@mantine/core';
import { IconClockPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { catalogApi, type PrincipalDetail, type SessionInfo, type Vocabulary } from '../../../api';
import { EMPTY_VOCABULARY } from '../../editors/vocabulary';
import { describeChange } from '../../changes/describe';
import { pending, usePending } from '../../changes/store';
import { scopedMarks } from '../../editors/matrix';
import { ScopedPermissions } from '../../editors/ScopedPermissions';
import { buildScopedChange, heldScoped, revokeHeld, scopedForms, scopedGrantee, type HeldScoped } from '../../editors/scopedForms';
import { principalLabel } from '../format';
import { EmptyHint, PrivilegeBadge, Section } from '../parts';
import { useCatalog, useCatalogQuery } from '../store';
import { scopeLabel } from './grouping';

/**
 * Redshift scoped permissions of a user or role (GRANT … FOR TABLES IN
 * SCHEMA s, … FOR COPY JOBS IN DATABASE d): the ones it holds itself, with a
 * revoke per row, those queued, and a form for every scoped form. Kept apart
 * from object privileges: a scoped permission is not a grant on any object.
 */
export function ScopedPanel({ session, detail }: { session: SessionInfo; detail: PrincipalDetail }) {
  const ref = detail.ref;
  const { summary } = useCatalog(session.id);
  const database = summary?.database ?? '';
  const vocab = summary?.vocabulary ?? EMPTY_VOCABULARY;
  const held = useMemo(() => heldScoped(vocab, detail.grants), [vocab, detail.grants]);
  const queued = usePending(session.id);
  const queuedMarks = scopedMarks(
    vocab,
    [],
    queued.map((i) => i.change),
    ref,
    database,
  );
  if (!scopedGrantee(ref.kind))
    return (
      <EmptyHint title="No scoped permissions for groups or PUBLIC" compact>
        Redshift gives scoped permissions to users and roles only. Grant them to a role and grant the role to the group's users.
      </EmptyHint>
    );
  return (
    <Stack gap="md" p="lg">
      <Section title="Held scoped permissions" count={held.length} help="Each covers every current and future object of its kind in the schema or database, whoever creates it. Revoking one never removes object grants, and the other way round.">
        {held.length === 0 ? (
          <Text size="sm" c="dimmed" px="md" py="sm">
            {principalLabel(ref)} holds no scoped permissions itself. Those reached through roles are listed under Effective access.
          </Text>
        ) : (
          held.map((row) => <HeldRow key={row.key} row={row} session={session} detail={detail} vocab={vocab} />)
        )}
      </Section>
      {queuedMarks.length > 0 && <ScopedPermissions marks={queuedMarks} />}
      <ScopedForm session={session} detail={detail} database={database} vocab={vocab} />
    </Stack>
  );
}

function HeldRow({ row, session, detail, vocab }: { row: HeldScoped; session: SessionInfo; detail: PrincipalDetail; vocab: Vocabulary }) {
  const revoke = revokeHeld(vocab, row, detail.ref);
  const label = scopeLabel(row.scope, row.where);
  return (
    <Group px="md" py={6} gap="sm" wrap="nowrap" style={{ borderBottom: '1px solid var(--app-border)' }} data-scoped={label}>
      <Box style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm">{label}</Text>
        <Text size="xs" c="dimmed" ff="monospace">
          FOR {row.scope} IN {row.where.kind === 'database' ? `DATABASE ${row.where.name}` : `SCHEMA ${row.where.schema}`}
        </Text>
      </Box>
      <Group gap={4} wrap="wrap" justify="flex-end">
        {row.privileges.map((p) => (
          <PrivilegeBadge key={p.privilege} privilege={p.privilege} grantOption={p.grantOption} />
        ))}
      </Group>
      {revoke && (
        <Button
          size="compact-xs"
          variant="subtle"
          color="red"
          leftSection={<IconTrash size={12} />}
          aria-label={`Revoke ${label}`}
          onClick={() => pending.add(session.id, revoke, 'form')}
        >
          Revoke
        </Button>
      )}
    </Group>
  );
}

function ScopedForm({ session, detail, database, vocab }: { session: SessionInfo; detail: PrincipalDetail; database: string; vocab: Vocabulary }) {
  const forms = useMemo(() => scopedForms(vocab), [vocab]);
  const schemasQ = useCatalogQuery(session.id, 'schemas', () => catalogApi.schemas(session.id));
  const [action, setAction] = useState<'grant' | 'revoke'>('grant');
  const [formId, setFormId] = useState(forms[0].id);
  const [schema, setSchema] = useState<string | null>(null);
  const [privs, setPrivs] = useState<string[]>(['SELECT']);
  const [option, setOption] = useState(false);
  const form = forms.find((f) => f.id === formId) ?? forms[0];
  const schemas = (schemasQ.data ?? []).filter((s) => !s.system).map((s) => s.name);
  const where = form.inDatabase ? database : (schema ?? '');
  const isUser = detail.ref.kind === 'user';
  const change = buildScopedChange(action, form, where, privs, detail.ref, option && isUser);
  const pick = (id: string) => {
    const next = forms.find((f) => f.id === id) ?? forms[0];
    setFormId(next.id);
    setPrivs(next.kind.privileges.slice(0, 1));
  };
  return (
    <Section title="Grant or revoke a scoped permission" icon={<IconClockPlus size={15} />}>
      <Stack gap="sm" p="md" aria-label="Scoped permission form">
        <Group gap="sm" grow align="flex-end">
          <SegmentedControl
            value={action}
            onChange={(v) => setAction(v as 'grant' | 'revoke')}
            data={[
              { value: 'grant', label: 'Grant' },
              { value: 'revoke', label: 'Revoke' },
            ]}
            aria-label="Grant or revoke"
          />
          <Select
            label="Covers"
            value={form.id}
            onChange={(v) => v && pick(v)}
            data={[
              { group: 'In a schema', items: forms.filter((f) => !f.inDatabase).map((f) => ({ value: f.id, label: f.label })) },
              { group: `In database ${database}`, items: forms.filter((f) => f.inDatabase).map((f) => ({ value: f.id, label: f.label })) },
            ]}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
        {!form.inDatabase && (
          <Select
            label="Schema"
            placeholder="Pick a schema"
            data={schemas}
            value={schema}
            onChange={setSchema}
            searchable
            nothingFoundMessage="No such schema"
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <Checkbox.Group value={privs} onChange={setPrivs} label="Privileges">
          <Group gap="sm" mt={4}>
            {form.kind.privileges.map((p) => (
              <Checkbox key={p} value={p} label={p} size="xs" />
            ))}
          </Group>
        </Checkbox.Group>
        {isUser && action === 'grant' && (
          <Switch size="xs" label="WITH GRANT OPTION (users only)" checked={option} onChange={(e) => setOption(e.currentTarget.checked)} />
        )}
        <Text size="xs" c={change ? (action === 'revoke' ? 'red' : 'dimmed') : 'dimmed'}>
          {change ? describeChange(change, true).text : form.inDatabase ? 'Choose at least one privilege.' : 'Choose a schema and at least one privilege.'}
        </Text>
        <Group justify="flex-end">
          <Button
            disabled={!change}
            color={action === 'revoke' ? 'red' : undefined}
            onClick={() => {
              if (change) pending.add(session.id, change, 'form');
            }}
          >
            Queue
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}
