import { Group, Stack, Table, Text } from '@mantine/core';
import { IconCalendarPlus, IconCalendarUser } from '@tabler/icons-react';
import { useMemo } from 'react';
import type { PrincipalDetail } from '../../../api';
import { principalLabel } from '../format';
import { PrincipalLink, Section } from '../parts';
import { PrivilegeMarks } from './GrantsPanel';
import { groupDefaults, type DefaultRule } from './grouping';

const TYPE_LABEL: Record<string, string> = {
  tables: 'Tables',
  functions: 'Functions',
  procedures: 'Procedures',
  sequences: 'Sequences',
  types: 'Types',
  schemas: 'Schemas',
};

function Scope({ schema }: { schema: string }) {
  return schema ? (
    <Text span size="sm" ff="monospace">
      {schema}
    </Text>
  ) : (
    <Text span size="sm" c="dimmed" fs="italic">
      every schema
    </Text>
  );
}

function RulesTable({ rules, side }: { rules: DefaultRule[]; side: 'creator' | 'grantee' }) {
  return (
    <Table verticalSpacing={6} horizontalSpacing="md" fz="sm" highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{side === 'creator' ? 'Granted to' : 'When created by'}</Table.Th>
          <Table.Th>In schema</Table.Th>
          <Table.Th>On new</Table.Th>
          <Table.Th>Privileges</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rules.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td>
              <PrincipalLink principal={side === 'creator' ? r.grantee : r.creator} />
            </Table.Td>
            <Table.Td>
              <Scope schema={r.schema} />
            </Table.Td>
            <Table.Td>{TYPE_LABEL[r.objectType] ?? r.objectType}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                <PrivilegeMarks marks={r.privileges} />
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Default privileges: as the creator of future objects, and as their grantee. */
export function DefaultsPanel({ detail, order = [] }: { detail: PrincipalDetail; order?: readonly string[] }) {
  const asOwner = useMemo(() => groupDefaults(detail.defaultsAsOwner, { order }), [detail.defaultsAsOwner, order]);
  const received = useMemo(() => groupDefaults(detail.defaultsReceived, { order }), [detail.defaultsReceived, order]);
  const name = principalLabel(detail.ref);
  return (
    <Stack gap="md" p="lg">
      <Text size="xs" c="dimmed">
        Default privileges are granted automatically on objects created later — but only on objects created by the named creator
        (FOR USER / FOR ROLE), in the named schema or in every schema.
      </Text>
      {detail.ref.kind !== 'public' && detail.ref.kind !== 'group' && (
        <Section title={`When ${name} creates objects`} count={asOwner.length} icon={<IconCalendarUser size={15} />}>
          {asOwner.length ? (
            <RulesTable rules={asOwner} side="creator" />
          ) : (
            <Text size="sm" c="dimmed" px="md" py="sm">
              Objects {name} creates get no privileges beyond the engine's own defaults.
            </Text>
          )}
        </Section>
      )}
      <Section title={`What ${name} receives on new objects`} count={received.length} icon={<IconCalendarPlus size={15} />}>
        {received.length ? (
          <RulesTable rules={received} side="grantee" />
        ) : (
          <Text size="sm" c="dimmed" px="md" py="sm">
            No default privilege names {name} as grantee: new objects are not shared with it automatically.
          </Text>
        )}
      </Section>
    </Stack>
  );
}
