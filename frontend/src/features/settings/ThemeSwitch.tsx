import { ActionIcon, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { IconDeviceDesktop, IconMoon, IconSun } from '@tabler/icons-react';
import { HOTKEYS } from '../../app/hotkeys';
import { LazyMenu } from '../../components/LazyMenu';
import { shortcutLabel } from '../../components/shortcuts';

const OPTIONS: { value: MantineColorScheme; label: string; icon: typeof IconSun }[] = [
  { value: 'auto', label: 'Follow system', icon: IconDeviceDesktop },
  { value: 'light', label: 'Light', icon: IconSun },
  { value: 'dark', label: 'Dark', icon: IconMoon },
];

export const nextScheme = (s: MantineColorScheme): MantineColorScheme => (s === 'auto' ? 'light' : s === 'light' ? 'dark' : 'auto');

/** System / light / dark; Mantine's colour-scheme manager remembers the choice in localStorage. */
export function ThemeSwitch() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const current = OPTIONS.find((o) => o.value === colorScheme) ?? OPTIONS[0];
  return (
    <LazyMenu
      position="bottom-end"
      width={200}
      tip={`Theme: ${current.label} (${shortcutLabel(HOTKEYS.theme)})`}
      target={
        <ActionIcon aria-label="Theme" size="md">
          <current.icon size={17} />
        </ActionIcon>
      }
      items={[
        { heading: 'Theme' },
        ...OPTIONS.map((o) => ({ label: o.label, icon: o.icon, checked: o.value === colorScheme, onClick: () => setColorScheme(o.value) })),
        { divider: true },
        { heading: `Cycle with ${shortcutLabel(HOTKEYS.theme)}`, dimmed: true },
      ]}
    />
  );
}
