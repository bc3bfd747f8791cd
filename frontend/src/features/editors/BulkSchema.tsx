import { Button, Checkbox, Group, Popover, Radio, SegmentedControl, Select, Stack, Switch, Text } from '@mantine/core';
import { IconStack2 } from '@tabler/icons-react';
import { useState } from 'react';
import type { Change, PrincipalRef, Target } from '../../api/changes';
import { describeChange } from '../changes/describe';
import { pending } from '../changes/store';
import type { EditorEnv } from './env';
import { grantOptionAllowed, objectPrivileges, SCOPED_TABLE_PRIVILEGES, scopedAllowed } from './privileges';

type Kind = 'tables' | 'functions' | 'procedures';

/** The change a "whole schema" form describes, or null when incomplete. */
export function buildBulkChange(
  action: 'grant' | 'revoke',
  kind: Kind,
  scoped: boolean,
  schema: string,
  privileges: string[],
  grantee: PrincipalRef,
  grantOption: boolean,
): Change | null {
  if (!privileges.length) return null;
  const target: Target = scoped ? 'scoped_in_schema' : 'all_in_schema';
  const objectKind = kind === 'tables' ? 'table' : kind === 'functions' ? 'function' : 'procedure';
  return {
    kind: action === 'grant' ? 'grant_privileges' : 'revoke_privileges',
    privilege: { privileges, target, kind: objectKind, schemas: [schema], grantee, ...(grantOption ? { grantOption: true } : {}) },
  };
}

/**
 * "Whole schema…": GRANT/REVOKE … ON ALL TABLES|FUNCTIONS|PROCEDURES IN
 * SCHEMA, or on Redshift the scoped form that also covers future objects
 * (users and roles only).
 */
export function BulkSchemaButton({ env, grantee, schema, onQueued }: { env: EditorEnv; grantee: PrincipalRef; schema: string; onQueued?: () => void }) {
  const [opened, setOpened] = useState(false);
  const [action, setAction] = useState<'grant' | 'revoke'>('grant');
  const [kind, setKind] = useState<Kind>('tables');
  const [scope, setScope] = useState<'existing' | 'scoped'>('existing');
  const [privs, setPrivs] = useState<string[]>(['SELECT']);
  const [option, setOption] = useState(false);
  const canScope = env.caps.scopedPermissions && scopedAllowed(grantee.kind) && kind !== 'procedures';
  const scoped = canScope && scope === 'scoped';
  const all = scoped && kind === 'tables' ? SCOPED_TABLE_PRIVILEGES : objectPrivileges(env.engine, kind === 'tables' ? 'table' : 'function');
  const chosen = privs.filter((p) => all.includes(p));
  const optionOk = grantOptionAllowed(env.engine, grantee.kind) && action === 'grant';
  const change = buildBulkChange(action, kind, scoped, schema, chosen, grantee, option && optionOk);

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
              onChange={(v) => {
                const k = (v ?? 'tables') as Kind;
                setKind(k);
                setPrivs(k === 'tables' ? ['SELECT'] : ['EXECUTE']);
              }}
              data={[
                { value: 'tables', label: 'Tables and views' },
                { value: 'functions', label: 'Functions' },
                ...(env.caps.procedures ? [{ value: 'procedures', label: 'Procedures' }] : []),
              ]}
              aria-label="Objects"
              comboboxProps={{ withinPortal: false }}
            />
          </Group>
          {env.caps.scopedPermissions && kind !== 'procedures' && (
            <Radio.Group value={canScope ? scope : 'existing'} onChange={(v) => setScope(v as 'existing' | 'scoped')} label="Which objects">
              <Stack gap={6} mt={4}>
                <Radio value="existing" label={`Existing ${kind} only (ALL ${kind.toUpperCase()} IN SCHEMA)`} />
                <Radio
                  value="scoped"
                  disabled={!scopedAllowed(grantee.kind)}
                  label={`Current and future ${kind} (FOR ${kind.toUpperCase()} IN SCHEMA)`}
                  description={scopedAllowed(grantee.kind) ? 'Redshift scoped permission: also covers objects created later, by anyone.' : 'Scoped permissions go to users and roles only.'}
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
