import { Badge, type BadgeProps } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';

const LABEL: Record<string, string> = { redshift: 'Redshift', postgres: 'PostgreSQL' };
const COLOR: Record<string, string> = { redshift: 'red', postgres: 'blue' };

/** What the "Emulated Redshift" badge means, for its tooltip and screen readers. */
export const EMULATED_TITLE = 'PostgreSQL dressed as Redshift: browse and preview Redshift SQL; nothing can be applied here';

/**
 * The engine of a profile or session. An emulated Redshift (the Local
 * sandbox opened as Redshift) says so instead of passing for a cluster.
 */
export function EngineBadge({ engine, emulated, ...rest }: { engine: string; emulated?: boolean } & BadgeProps) {
  if (emulated) {
    return (
      <Badge size="xs" variant="light" color="orange" leftSection={<IconFlask size={10} />} title={EMULATED_TITLE} {...rest}>
        Emulated Redshift
      </Badge>
    );
  }
  return (
    <Badge size="xs" variant="light" color={COLOR[engine] ?? 'gray'} {...rest}>
      {LABEL[engine] ?? engine}
    </Badge>
  );
}

/** The Local sandbox opened as Redshift: a sandbox profile whose engine is Redshift. */
export function isEmulatedRedshift(p: { sandbox?: boolean; engine: string }): boolean {
  return !!p.sandbox && p.engine === 'redshift';
}
