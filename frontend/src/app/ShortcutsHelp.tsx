import './styles/rest.css';
import { Group, Modal, Stack, Text } from '@mantine/core';
import { IconKeyboard } from '@tabler/icons-react';
import { ShortcutKeys } from '../components/shortcuts';
import { HOTKEY_HELP } from './hotkeys';

export function ShortcutsHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size={440}
      title={
        <Group gap="xs">
          <IconKeyboard size={16} />
          <Text fw={600}>Keyboard shortcuts</Text>
        </Group>
      }
    >
      <Stack gap={8}>
        {HOTKEY_HELP.map((h) => (
          <Group key={h.what} justify="space-between" wrap="nowrap">
            <Text size="sm">{h.what}</Text>
            <ShortcutKeys hotkey={h.keys} />
          </Group>
        ))}
      </Stack>
    </Modal>
  );
}
