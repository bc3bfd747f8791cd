import { Button, Checkbox, Group, Popover, Radio, SegmentedControl, Select, Stack, Switch, Text } from '@mantine/core';
import { IconStack2 } from '@tabler/icons-react';
import { useState } from 'react';
import type { Change, ObjectKind, PrincipalRef, Target } from '../../api/changes';
import { describeChange } from '../changes/describe';
import { pending } from '../changes/store';
import type { EditorEnv } from './env';
import { grantOptionAllowed, kindOf, objectPrivileges, schemaKinds, scopedAllowed, title } from './vocabulary';

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
          {change && (
            <Text size="xs" c={action === 'revoke' ? 'red' : 'dimmed'}>
              {describeChange(change, env.engine === 'redshift').text}
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
                pending.add(env.sessionId, change, 'bulk');
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
