import { Group, Kbd } from '@mantine/core';

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

const KEY_LABEL: Record<string, string> = {
  mod: isMac ? '⌘' : 'Ctrl',
  shift: isMac ? '⇧' : 'Shift',
  alt: isMac ? '⌥' : 'Alt',
  enter: isMac ? '↩' : 'Enter',
  arrowup: '↑',
  arrowdown: '↓',
};

function keys(hotkey: string): string[] {
  return hotkey.split('+').map((k) => KEY_LABEL[k.toLowerCase()] ?? k.toUpperCase());
}

/** "mod+shift+L" → "Ctrl+Shift+L" (or "⌘⇧L" on macOS), for tooltips and menus. */
export function shortcutLabel(hotkey: string): string {
  return keys(hotkey).join(isMac ? '' : '+');
}

/** The same, as keycaps. */
export function ShortcutKeys({ hotkey, size = 'xs' }: { hotkey: string; size?: 'xs' | 'sm' }) {
  return (
    <Group gap={3} wrap="nowrap" component="span">
      {keys(hotkey).map((k) => (
        <Kbd key={k} size={size}>
          {k}
        </Kbd>
      ))}
    </Group>
  );
}
