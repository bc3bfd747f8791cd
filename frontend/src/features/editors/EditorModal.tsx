import { Alert, Box, Button, Group, Loader, Modal, ScrollArea, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconListCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Change } from '../../api/changes';
import { describeChange } from '../changes/describe';

interface Props {
  opened: boolean;
  onClose: () => void;
  title: string;
  icon: ReactNode;
  subtitle?: ReactNode;
  size?: number | string;
  children: ReactNode;
  /** What submitting will queue, shown live under the form. */
  changes?: Change[];
  isRedshift?: boolean;
  submitLabel?: string;
  onSubmit?: () => void;
  submitDisabled?: boolean;
  /** Extra footer content, left of the buttons. */
  footer?: ReactNode;
  destructive?: boolean;
}

/**
 * The frame every editor dialog shares: a title, the form, the list of
 * changes it will queue, and Cancel / "Add to pending changes".
 */
export function EditorModal({
  opened,
  onClose,
  title,
  icon,
  subtitle,
  size = 560,
  children,
  changes,
  isRedshift,
  submitLabel = 'Add to pending changes',
  onSubmit,
  submitDisabled,
  footer,
  destructive,
}: Props) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size={size}
      scrollAreaComponent={ScrollArea.Autosize}
      title={
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon variant="light" size="md" radius="sm" color={destructive ? 'red' : undefined}>
            {icon}
          </ThemeIcon>
          <Stack gap={0}>
            <Text fw={600}>{title}</Text>
            {subtitle && (
              <Text size="xs" c="dimmed">
                {subtitle}
              </Text>
            )}
          </Stack>
        </Group>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!submitDisabled) onSubmit?.();
        }}
      >
        <Stack gap="md">
          {children}
          {changes && <QueuePreview changes={changes} isRedshift={isRedshift} />}
          <Group justify="space-between" wrap="nowrap" mt={4}>
            <Box style={{ minWidth: 0 }}>{footer}</Box>
            <Group gap="xs" wrap="nowrap">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              {onSubmit && (
                <Button type="submit" disabled={submitDisabled} color={destructive ? 'red' : undefined} leftSection={<IconListCheck size={14} />}>
                  {submitLabel}
                </Button>
              )}
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The changes a dialog will queue, in words (red for destructive ones). */
/** The dialog frame while the detail an editor needs loads, or why it failed. */
export function EditorModalLoading({ onClose, title, icon, error }: { onClose: () => void; title: string; icon: ReactNode; error: { message: string } | null }) {
  return (
    <EditorModal opened onClose={onClose} title={title} icon={icon}>
      {error ? <Text c="red">{error.message}</Text> : <Loader size="sm" />}
    </EditorModal>
  );
}

export function QueuePreview({ changes, isRedshift }: { changes: Change[]; isRedshift?: boolean }) {
  if (changes.length === 0)
    return (
      <Text size="xs" c="dimmed">
        No changes yet.
      </Text>
    );
  const described = changes.map((c) => describeChange(c, isRedshift));
  const lost = described.filter((d) => d.destructive && d.loss);
  return (
    <Stack gap={6}>
      <Box
        p={8}
        style={{ borderRadius: 'var(--mantine-radius-sm)', background: 'light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))', border: '1px solid var(--app-border)' }}
      >
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={4} style={{ letterSpacing: '0.05em' }}>
          Will queue {changes.length} {changes.length === 1 ? 'change' : 'changes'}
        </Text>
        <Stack gap={2} aria-label="Changes to queue">
          {described.map((d, i) => (
            <Text key={i} size="xs" c={d.destructive ? 'red' : undefined} style={{ wordBreak: 'break-word' }}>
              {d.destructive ? '− ' : '+ '}
              {d.text}
            </Text>
          ))}
        </Stack>
      </Box>
      {lost.length > 0 && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} p="xs">
          <Stack gap={2}>
            {lost.map((d, i) => (
              <Text key={i} size="xs">
                {d.loss}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
