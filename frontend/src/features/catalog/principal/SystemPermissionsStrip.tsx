import { Badge, Box, Group, Text } from '@mantine/core';
import type { PrincipalRef, SystemCell } from '../../../api';
import { principalLabel } from '../format';

/** The RLS and masking permissions: they change what a query returns or explains. */
export const RLS_PERMISSIONS = ['IGNORE RLS', 'EXPLAIN RLS', 'EXPLAIN MASKING'];

/** Tooltip and accessible name: how it is held and through which roles. */
export function systemCellText(c: SystemCell): string {
  const paths = c.via.filter((p) => p.length > 0).map((p) => p.map((r: PrincipalRef) => principalLabel(r)).join(' → '));
  const how = c.direct ? (c.inherited ? 'direct and inherited' : 'direct') : 'inherited';
  return `${c.privilege} — ${how}${paths.length ? ` through ${paths.join('; ')}` : ''}`;
}

/**
 * Redshift system permissions a principal holds, directly (roles) or through
 * its roles, in effective access. The RLS and masking permissions come first:
 * IGNORE RLS lets queries bypass row-level security policies.
 */
export function SystemPermissionsStrip({ cells, px }: { cells: SystemCell[]; px?: string }) {
  if (!cells.length) return null;
  const sorted = [...cells].sort((a, b) => Number(RLS_PERMISSIONS.includes(b.privilege)) - Number(RLS_PERMISSIONS.includes(a.privilege)) || a.privilege.localeCompare(b.privilege));
  return (
    <Box role="region" aria-label="System permissions held" px={px}>
      <Box p={6} style={{ border: '1px dashed var(--app-border)', borderRadius: 6 }}>
        <Group gap={6} wrap="wrap">
          <Text size="xs" fw={600}>
            System permissions
          </Text>
          <Text size="xs" c="dimmed">
            granted to roles; they apply cluster-wide
          </Text>
          {sorted.map((c) => {
            const text = systemCellText(c);
            const rls = RLS_PERMISSIONS.includes(c.privilege);
            const hue = `var(--mantine-color-${rls ? 'orange' : 'grape'}-light-color)`;
            return (
              <Badge
                key={c.privilege}
                size="sm"
                radius="sm"
                tt="none"
                variant="light"
                color={rls ? 'orange' : 'grape'}
                style={c.direct ? undefined : { background: 'transparent', border: `1px dashed ${hue}`, color: hue }}
                title={text}
                aria-label={text}
                data-rls={rls || undefined}
              >
                {c.privilege}
              </Badge>
            );
          })}
        </Group>
      </Box>
    </Box>
  );
}
