// How a catalog load shows itself: a progress strip while it runs, banners for
// partial visibility and notices, and a gate that stands in for a tab's
// content until there is a snapshot to browse.
import { ActionIcon, Alert, Anchor, Box, Button, Center, Group, List, Paper, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconEyeOff, IconInfoCircle, IconPlayerStop, IconRefresh, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { stepLabel } from './format';
import { useCatalog } from './store';

function progressText(step: string | undefined, done: number, total: number, switchingTo: string | null): string {
  if (switchingTo && !step) return `Connecting to ${switchingTo}…`;
  if (!total) return 'Reading the access model…';
  return `${stepLabel(step ?? '')} · step ${Math.min(done + 1, total)} of ${total}`;
}

/** A slim strip under the tabs while a load runs over an existing snapshot. */
export function CatalogLoadStrip({ sessionId }: { sessionId: string }) {
  const c = useCatalog(sessionId);
  if (c.status !== 'loading' || !c.summary) return null;
  const p = c.progress;
  const pct = p && p.total ? Math.round((p.done / p.total) * 100) : 0;
  return (
    <Box px="lg" py={6} style={{ borderBottom: '1px solid var(--app-border)' }} role="status" aria-label="Catalog loading">
      <Group gap="sm" wrap="nowrap">
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {c.switchingTo ? `Switching to ${c.switchingTo}` : 'Refreshing'}
        </Text>
        <Progress value={Math.max(pct, 4)} size="sm" animated style={{ flex: 1 }} aria-label="Catalog load progress" />
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {progressText(p?.step, p?.done ?? 0, p?.total ?? 0, c.switchingTo)}
        </Text>
        <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconPlayerStop size={12} />} onClick={c.cancel}>
          Cancel
        </Button>
      </Group>
    </Box>
  );
}

/** Partial-visibility warning, notices and a failed switch, above every tab. */
export function CatalogBanners({ sessionId }: { sessionId: string }) {
  const { version } = useCatalog(sessionId);
  // A new load shows its warnings again, even if the last ones were hidden.
  return <Banners key={version} sessionId={sessionId} />;
}

function Banners({ sessionId }: { sessionId: string }) {
  const c = useCatalog(sessionId);
  const [hidden, { open: hide }] = useDisclosure(false);
  const [expanded, { toggle }] = useDisclosure(false);
  const s = c.summary;
  const items: ReactNode[] = [];
  if (c.notice) {
    items.push(
      <Alert
        key="notice"
        variant="light"
        color={c.error ? 'red' : 'blue'}
        icon={<IconInfoCircle size={16} />}
        withCloseButton
        closeButtonLabel="Dismiss"
        onClose={c.store.dismissNotice}
        py={6}
        title={c.notice}
        styles={{ title: { marginBottom: c.error ? 2 : 0 } }}
      >
        {c.error && (
          <Text size="xs">
            {c.error.message}
            {c.error.hint ? `. ${c.error.hint}` : ''}
          </Text>
        )}
      </Alert>,
    );
  }
  if (s?.partial && !hidden) {
    const warnings = s.warnings ?? [];
    items.push(
      <Alert
        key="partial"
        variant="light"
        color="yellow"
        icon={<IconEyeOff size={16} />}
        py={6}
        role="alert"
        aria-label="Partial catalog"
        title="Partial view: this user cannot see every row of the catalog"
        withCloseButton
        closeButtonLabel="Hide until the next load"
        onClose={hide}
      >
        <Text size="xs">
          Lists and privileges below may be incomplete. Connect as a superuser (or a user with ACCESS SYSTEM TABLE) for the
          whole picture.{' '}
          {warnings.length > 0 && (
            <Anchor component="button" size="xs" onClick={toggle}>
              {expanded ? 'Hide details' : `Show ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`}
            </Anchor>
          )}
        </Text>
        {expanded && (
          <List size="xs" mt={4} spacing={2}>
            {warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        )}
      </Alert>,
    );
  } else if (s && !s.partial && (s.warnings ?? []).length > 0 && !hidden) {
    items.push(
      <Alert
        key="warnings"
        variant="light"
        color="yellow"
        icon={<IconInfoCircle size={16} />}
        py={6}
        withCloseButton
        closeButtonLabel="Hide until the next load"
        onClose={hide}
        title={s.warnings.length === 1 ? s.warnings[0] : `${s.warnings.length} notes from the catalog load`}
      >
        {s.warnings.length > 1 && (
          <List size="xs" spacing={2}>
            {s.warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        )}
      </Alert>,
    );
  }
  if (!items.length) return null;
  return (
    <Stack gap={6} px="lg" py="sm" style={{ borderBottom: '1px solid var(--app-border)' }}>
      {items}
    </Stack>
  );
}

/**
 * Renders children once a snapshot exists; before that, the load's progress
 * (with Cancel) or its error (with Retry).
 */
export function CatalogGate({ sessionId, children }: { sessionId: string; children: ReactNode }) {
  const c = useCatalog(sessionId);
  if (c.summary) return <>{children}</>;
  if (c.status === 'error' && c.error) {
    const cancelled = c.error.code === 'canceled';
    return (
      <Center h="100%" p="xl">
        <Stack maw={560} w="100%" gap="sm">
          {cancelled ? (
            <Alert variant="light" color="gray" icon={<IconPlayerStop size={18} />} title="Loading was cancelled">
              Nothing is shown until the access model is read. Load it when you are ready.
            </Alert>
          ) : (
            <ErrorAlert error={c.error} />
          )}
          <Group>
            <Button leftSection={<IconRefresh size={14} />} onClick={() => void c.load(true)}>
              {cancelled ? 'Load the catalog' : 'Retry'}
            </Button>
          </Group>
        </Stack>
      </Center>
    );
  }
  const p = c.progress;
  const pct = p && p.total ? Math.round((p.done / p.total) * 100) : 0;
  return (
    <Center h="100%" p="xl">
      <Paper withBorder radius="md" p="lg" w={460} role="status" aria-label="Catalog loading">
        <Stack gap="sm">
          <Group justify="space-between" wrap="nowrap">
            <Text fw={600} size="sm">
              {c.switchingTo ? `Switching to ${c.switchingTo}` : 'Reading the access model'}
            </Text>
            <Tooltip label="Stop reading the catalog">
              <ActionIcon aria-label="Cancel loading" onClick={c.cancel} disabled={c.status !== 'loading'}>
                <IconX size={14} />
              </ActionIcon>
            </Tooltip>
          </Group>
          <Progress value={Math.max(pct, 4)} size="md" animated aria-label="Catalog load progress" />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {progressText(p?.step, p?.done ?? 0, p?.total ?? 0, c.switchingTo)}
            </Text>
            <Button size="compact-xs" variant="default" onClick={c.cancel} disabled={c.status !== 'loading'}>
              Cancel
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            Users, roles, memberships, objects and every grant are read in a fixed handful of queries, whatever the size of the
            cluster.
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
