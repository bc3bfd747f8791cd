import { Group, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { Grant } from '../../../api';
import { principalKey } from '../format';
import { PrincipalLink, PrivilegeBadge } from '../parts';

interface Row {
  key: string;
  grantee: Grant['grantee'];
  scope: string;
  privileges: { privilege: string; grantOption: boolean }[];
}

/** Scoped grants on a schema or database, one row per grantee and FOR keyword. */
export function scopedRows(grants: Grant[]): Row[] {
  const m = new Map<string, Row>();
  for (const g of grants) {
    if (!g.scope) continue;
    const key = `${principalKey(g.grantee)}\u001f${g.scope}`;
    let r = m.get(key);
    if (!r) m.set(key, (r = { key, grantee: g.grantee, scope: g.scope, privileges: [] }));
    if (!r.privileges.some((p) => p.privilege === g.privilege)) r.privileges.push({ privilege: g.privilege, grantOption: g.grantOption });
  }
  return [...m.values()].sort((a, b) => a.scope.localeCompare(b.scope) || a.grantee.name.localeCompare(b.grantee.name));
}

/**
 * Redshift scoped permissions that cover this schema's or database's objects
 * (GRANT … FOR TABLES IN SCHEMA s): not privileges on the schema or database
 * itself, so they get their own table. Nothing renders when there are none.
 */
export function ScopedGrantsTable({ grants, where }: { grants: Grant[]; where: string }) {
  const rows = useMemo(() => scopedRows(grants), [grants]);
  if (!rows.length)
    return (
      <Text size="sm" c="dimmed" px="md" py="sm">
        No scoped permissions cover {where}.
      </Text>
    );
  return (
    <Table verticalSpacing={6} horizontalSpacing="md" fz="sm" highlightOnHover aria-label={`Scoped permissions in ${where}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Grantee</Table.Th>
          <Table.Th>Covers</Table.Th>
          <Table.Th>Privileges</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key} data-grantee={r.grantee.name} data-scope={r.scope}>
            <Table.Td>
              <PrincipalLink principal={r.grantee} />
            </Table.Td>
            <Table.Td>
              <Text size="xs">
                all current and future {r.scope.toLowerCase()}{' '}
                <Text span size="xs" c="dimmed" ff="monospace">
                  (FOR {r.scope})
                </Text>
              </Text>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {r.privileges.map((p) => (
                  <PrivilegeBadge key={p.privilege} privilege={p.privilege} grantOption={p.grantOption} />
                ))}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
