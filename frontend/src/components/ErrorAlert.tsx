import { Alert, Anchor, Code, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ApiError } from '../api';
import { sentence } from './text';

interface Props {
  error: ApiError;
  onClose?: () => void;
}

/** What happened (message), what to do (hint), and the server's words on demand (detail). */
export function ErrorAlert({ error, onClose }: Props) {
  const [open, { toggle }] = useDisclosure(false);
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={sentence(error.message)}
      withCloseButton={!!onClose}
      onClose={onClose}
      closeButtonLabel="Dismiss error"
      role="alert"
      styles={{ title: { marginBottom: error.hint || error.detail ? 4 : 0 } }}
    >
      <Stack gap={4}>
        {error.hint && <Text size="sm">{error.hint}</Text>}
        {error.detail && (
          <>
            <Anchor component="button" type="button" size="xs" c="dimmed" onClick={toggle} aria-expanded={open} style={{ alignSelf: 'flex-start' }}>
              {open ? 'Hide details' : 'Show details'}
            </Anchor>
            {open && (
              <Code block fz="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {error.detail}
              </Code>
            )}
          </>
        )}
      </Stack>
    </Alert>
  );
}
