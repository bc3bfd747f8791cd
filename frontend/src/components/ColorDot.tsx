import { Box } from '@mantine/core';

interface Props {
  color?: string;
  size?: number;
}

/** The profile's colour, the one cue that follows a connection everywhere. */
export function ColorDot({ color, size = 10 }: Props) {
  return (
    <Box
      aria-hidden
      style={{
        width: size,
        height: size,
        minWidth: size,
        borderRadius: '50%',
        background: color || 'var(--mantine-color-gray-5)',
        boxShadow: '0 0 0 2px color-mix(in srgb, currentColor 8%, transparent)',
      }}
    />
  );
}
