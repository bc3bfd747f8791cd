import { Badge, type BadgeProps } from '@mantine/core';

const LABEL: Record<string, string> = { redshift: 'Redshift', postgres: 'PostgreSQL' };
const COLOR: Record<string, string> = { redshift: 'red', postgres: 'blue' };

export function EngineBadge({ engine, ...rest }: { engine: string } & BadgeProps) {
  return (
    <Badge size="xs" variant="light" color={COLOR[engine] ?? 'gray'} {...rest}>
      {LABEL[engine] ?? engine}
    </Badge>
  );
}
