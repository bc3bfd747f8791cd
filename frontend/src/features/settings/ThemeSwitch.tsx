import { ActionIcon, Menu, Text, Tooltip, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { IconCheck, IconDeviceDesktop, IconMoon, IconSun } from '@tabler/icons-react';
import { HOTKEYS } from '../../app/hotkeys';
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
    <Menu position="bottom-end" width={200}>
      <Menu.Target>
        <Tooltip label={`Theme: ${current.label} (${shortcutLabel(HOTKEYS.theme)})`}>
          <ActionIcon aria-label="Theme" size="md">
            <current.icon size={17} />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Theme</Menu.Label>
        {OPTIONS.map((o) => (
          <Menu.Item
            key={o.value}
            leftSection={<o.icon size={14} />}
            rightSection={o.value === colorScheme ? <IconCheck size={14} /> : null}
            onClick={() => setColorScheme(o.value)}
          >
            {o.label}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Label>
          <Text size="xs" c="dimmed">
            Cycle with {shortcutLabel(HOTKEYS.theme)}
          </Text>
        </Menu.Label>
      </Menu.Dropdown>
    </Menu>
  );
}
