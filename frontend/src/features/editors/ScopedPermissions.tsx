import { Badge, Box, Group, Text } from '@mantine/core';
import { scopeLabel } from '../catalog/principal/grouping';
import type { ScopedMark } from './matrix';
import { pathText } from './useDraft';

const STATE_TEXT: Record<ScopedMark['state'], string> = {
  direct: 'held directly',
  inherited: 'inherited',
  grant: 'to grant',
  revoke: 'to revoke',
};

/** Accessible name and tooltip of one scoped permission. */
export function scopedText(m: ScopedMark): string {
  const via = m.via?.length ? ` through ${m.via.map(pathText).join('; ')}` : '';
  return `${m.privilege} on ${scopeLabel(m.scope, m.where).replace(/^All/, 'all')} — ${STATE_TEXT[m.state]}${via}`;
}

/**
 * Redshift scoped permissions (GRANT … FOR TABLES IN SCHEMA …), shown in their
 * own strip: they cover current and future objects without being grants on
 * any of them, so object grids and effective object rows never tick them.
 */
export function ScopedPermissions({ marks, px }: { marks: ScopedMark[]; px?: string }) {
  if (!marks.length) return null;
  return (
    <Box role="region" aria-label="Scoped permissions" px={px}>
      <Box p={6} style={{ border: '1px dashed var(--app-border)', borderRadius: 6 }}>
        <Group gap={6} wrap="wrap">
          <Text size="xs" fw={600}>
            Scoped permissions
          </Text>
          <Text size="xs" c="dimmed">
            cover current and future objects; they are not grants on each object, so object rows do not show them
          </Text>
          {marks.map((m) => {
            const text = scopedText(m);
            const pending = m.state === 'grant' || m.state === 'revoke';
            const color = m.state === 'grant' ? 'teal' : m.state === 'revoke' ? 'red' : 'indigo';
            // Same look as the privilege badges: light, dashed outline when inherited, solid when queued.
            const hue = `var(--mantine-color-${color}-light-color)`;
            const look =
              m.state === 'inherited'
                ? { background: 'transparent', border: `1px dashed ${hue}`, color: hue }
                : pending
                  ? { border: `1px solid ${hue}` }
                  : undefined;
            return (
              <Badge
                key={m.key}
                size="sm"
                radius="sm"
                tt="none"
                variant="light"
                color={color}
                style={look}
                title={text}
                aria-label={text}
                data-state={m.state}
              >
                {m.privilege} · {scopeLabel(m.scope, m.where).replace(/^All /, '')}
                {pending ? ` (${STATE_TEXT[m.state]})` : ''}
              </Badge>
            );
          })}
        </Group>
      </Box>
    </Box>
  );
}
