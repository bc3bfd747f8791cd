import { Button, Checkbox, Group, Popover, Radio, SegmentedControl, Select, Stack, Switch, Text } from '@mantine/core';
import { IconStack2 } from '@tabler/icons-react';
import { useState } from 'react';
import type { Vocabulary } from '../../api';
import type { Change, ObjectKind, PrincipalRef, Target } from '../../api/changes';
import { buildDefaultChange } from './builders';
import { catalogApi } from '../../api';
import { useCatalogQuery } from '../catalog/store';
import { describeChange } from '../changes/describe';
import { pending } from '../changes/store';
import type { EditorEnv } from './env';
import { defaultPrivileges, grantOptionAllowed, kindOf, objectPrivileges, schemaKinds, scopedAllowed, title } from './vocabulary';

/** The change a "whole schema" form describes, or null when incomplete. */
export function buildBulkChange(
  action: 'grant' | 'revoke',
  kind: ObjectKind,
  scoped: boolean,
  schema: string,
  privileges: string[],
  grantee: PrincipalRef,
  grantOption: boolean,
): Change | null {
  if (!privileges.length) return null;
  const target: Target = scoped ? 'scoped_in_schema' : 'all_in_schema';
  return {
    kind: action === 'grant' ? 'grant_privileges' : 'revoke_privileges',
    privilege: { privileges, target, kind, schemas: [schema], grantee, ...(grantOption ? { grantOption: true } : {}) },
  };
}

/**
 * The default privilege that extends a whole-schema grant to objects created
 * later by creator (ALTER DEFAULT PRIVILEGES FOR ROLE creator IN SCHEMA …), or
 * null when the kind has no default type or none of the privileges is one.
 */
export function buildLaterChange(v: Vocabulary, kind: ObjectKind, schema: string, privileges: string[], grantee: PrincipalRef, creator: PrincipalRef | null, grantOption: boolean): Change | null {
  const type = kindOf(v, kind)?.default;
  if (!type || !creator) return null;
  const allowed = defaultPrivileges(v, type);
  const privs = privileges.filter((p) => allowed.includes(p));
  if (!privs.length) return null;
  return buildDefaultChange({ action: 'grant', creator, schema, objectType: type, privileges: privs, grantee, grantOption });
}

/**
 * "Whole schema…": GRANT/REVOKE … ON ALL <kind> IN SCHEMA (each kind with a
 * bulk form in the vocabulary), or on Redshift the scoped form that also
 * covers future objects (users and roles only).
 */
export function BulkSchemaButton({ env, grantee, schema, onQueued }: { env: EditorEnv; grantee: PrincipalRef; schema: string; onQueued?: () => void }) {
  const v = env.vocab;
  const kinds = schemaKinds(v).filter((k) => k.bulk || k.scoped?.inSchema);
  const [opened, setOpened] = useState(false);
  const [action, setAction] = useState<'grant' | 'revoke'>('grant');
  const [picked, setKind] = useState<ObjectKind | null>(null);
  const kind = picked ?? kinds[0]?.kind ?? '';
  const k = kindOf(v, kind);
  const [scope, setScope] = useState<'existing' | 'scoped'>('existing');
  const [privs, setPrivs] = useState<string[] | null>(null);
  const [option, setOption] = useState(false);
  const scopedForm = k?.scoped?.inSchema ? k.scoped : undefined;
  const canScope = !!scopedForm && scopedAllowed(v, grantee.kind);
  const scoped = (canScope && scope === 'scoped') || (!k?.bulk && canScope);
  const all = scoped ? (scopedForm?.privileges ?? []) : objectPrivileges(v, kind);
  const chosen = (privs ?? all.slice(0, 1)).filter((p) => all.includes(p));
  const optionOk = grantOptionAllowed(v, grantee.kind) && action === 'grant';
  const change = k && (k.bulk || scoped) ? buildBulkChange(action, kind, scoped, schema, chosen, grantee, option && optionOk) : null;
  const plural = k?.plural ?? '';

  // PostgreSQL: the same grant for objects created later, through the
  // creator's default privileges (Redshift offers its scoped form above).
  const offerLater = action === 'grant' && !scoped && !scopedForm && env.caps.defaultPrivileges && !!k?.default;
  // Read only while the offer shows (the same cache keys as the other editors and the list tabs).
  const ask = opened && offerLater;
  const schemas = useCatalogQuery(env.sessionId, ask ? 'ed:schemas' : null, () => catalogApi.schemas(env.sessionId));
  const users = useCatalogQuery(env.sessionId, ask ? 'users' : null, () => catalogApi.users(env.sessionId));
  const roles = useCatalogQuery(env.sessionId, ask ? 'roles' : null, () => catalogApi.roles(env.sessionId));
  const [later, setLater] = useState(false);
  const [creatorName, setCreator] = useState<string | null>(null);
  const owner = schemas.data?.find((x) => x.name === schema)?.owner ?? '';
  const creatorOf = (name: string): PrincipalRef | null =>
    !name ? null : users.data?.some((u) => u.name === name) ? { kind: 'user', name } : roles.data?.some((r) => r.name === name) ? { kind: 'role', name } : null;
  const creator = creatorOf(creatorName ?? owner);
  const laterChange = offerLater && later ? buildLaterChange(v, kind, schema, chosen, grantee, creator, option && optionOk) : null;
  const creatorChoices = [...(users.data ?? []).map((u) => u.name), ...(roles.data ?? []).filter((r) => !r.system).map((r) => r.name)];

  return (
    <Popover opened={opened} onChange={setOpened} width={420} position="bottom-end" withArrow shadow="md" trapFocus withinPortal>
      <Popover.Target>
        <Button variant="light" leftSection={<IconStack2 size={14} />} onClick={() => setOpened((o) => !o)} mb={2}>
          Whole schema…
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm" aria-label="Whole schema">
          <Text size="sm" fw={600}>
            Every object of schema {schema}
          </Text>
          <Group gap="xs" grow>
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
              value={kind}
              onChange={(x) => {
                setKind(x ?? kinds[0]?.kind ?? '');
                setPrivs(null);
              }}
              data={kinds.map((x) => ({ value: x.kind, label: title(x.plural) }))}
              aria-label="Objects"
              comboboxProps={{ withinPortal: false }}
            />
          </Group>
          {scopedForm && (
            <Radio.Group value={scoped ? 'scoped' : 'existing'} onChange={(x) => setScope(x as 'existing' | 'scoped')} label="Which objects">
              <Stack gap={6} mt={4}>
                {k?.bulk && <Radio value="existing" label={`Existing ${plural} only (${k.bulk})`} />}
                <Radio
                  value="scoped"
                  disabled={!scopedAllowed(v, grantee.kind)}
                  label={`Current and future ${plural} (FOR ${scopedForm.keyword} IN SCHEMA)`}
                  description={scopedAllowed(v, grantee.kind) ? 'Redshift scoped permission: also covers objects created later, by anyone.' : 'Scoped permissions go to users and roles only.'}
                />
              </Stack>
            </Radio.Group>
          )}
          <Checkbox.Group value={chosen} onChange={setPrivs} label="Privileges">
            <Group gap="sm" mt={4}>
              {all.map((p) => (
                <Checkbox key={p} value={p} label={p} size="xs" />
              ))}
            </Group>
          </Checkbox.Group>
          {optionOk && <Switch size="xs" label="WITH GRANT OPTION" checked={option} onChange={(e) => setOption(e.currentTarget.checked)} />}
          {offerLater && (
            <Stack gap={4}>
              <Checkbox size="xs" label={`Also ${plural} created later by`} checked={later} onChange={(e) => setLater(e.currentTarget.checked)} />
              {later && (
                <Select
                  size="xs"
                  aria-label="Created later by"
                  data={creatorChoices}
                  value={creatorName ?? owner}
                  onChange={(x) => setCreator(x)}
                  searchable
                  limit={50}
                  comboboxProps={{ withinPortal: false }}
                  description="Default privileges apply to what this user or role creates in the schema; the schema's owner is the usual creator."
                />
              )}
            </Stack>
          )}
          {change && (
            <Text size="xs" c={action === 'revoke' ? 'red' : 'dimmed'}>
              {describeChange(change, env.engine === 'redshift').text}
            </Text>
          )}
          {laterChange && (
            <Text size="xs" c="dimmed">
              {describeChange(laterChange, env.engine === 'redshift').text}
            </Text>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setOpened(false)}>
              Cancel
            </Button>
            <Button
              disabled={!change}
              color={action === 'revoke' ? 'red' : undefined}
              onClick={() => {
                if (!change) return;
                pending.add(env.sessionId, laterChange ? [change, laterChange] : change, 'bulk');
                onQueued?.();
                setOpened(false);
              }}
            >
              Queue
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
