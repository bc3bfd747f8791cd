import { Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconCalendarTime, IconInfoCircle, IconRefresh, IconFolder, IconKey, IconMathFunction, IconTable, IconUser, IconUserShield, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { SessionInfo } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { featuresOf, fmtCount } from './format';
import { TAB_KEY, catalogFor, useCatalog, type WorkspaceTabValue } from './store';

function Stat({ icon, label, value, tab, sessionId }: { icon: ReactNode; label: string; value: number; tab?: WorkspaceTabValue; sessionId: string }) {
  const body = (
    <Group gap="sm" wrap="nowrap">
      <ThemeIcon variant="light" size="lg" radius="md" color={tab ? undefined : 'gray'}>
        {icon}
      </ThemeIcon>
      <div>
        <Text fw={700} size="lg" style={{ fontVariantNumeric: 'tabular-nums', lineHeight: 1.1 }}>
          {fmtCount(value)}
        </Text>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
      </div>
    </Group>
  );
  return tab ? (
    <UnstyledButton
      onClick={() => catalogFor(sessionId).setUI(TAB_KEY, tab)}
      aria-label={`${fmtCount(value)} ${label}: open`}
      style={{ borderRadius: 8, padding: 4, margin: -4 }}
      className="rsmate-stat"
    >
      {body}
    </UnstyledButton>
  ) : (
    <div>{body}</div>
  );
}

/**
 * Where the Groups count would be, on an engine without groups: people who
 * know Redshift look for the Groups tab and should learn why it is missing.
 */
function NoGroupsNote({ engine }: { engine: string }) {
  const name = engine === 'postgres' ? 'PostgreSQL' : engine;
  return (
    <Group gap={8} mt="md" wrap="nowrap" align="flex-start" role="note" aria-label="No groups on this engine" data-testid="no-groups-note">
      <ThemeIcon variant="light" color="blue" size="sm" radius="sm" style={{ flexShrink: 0 }}>
        <IconInfoCircle size={14} />
      </ThemeIcon>
      <Text size="sm">
        <b>No Groups tab:</b> {name} has no groups — use roles (its <code>CREATE GROUP</code> makes a role). Groups exist on Redshift
        {engine === 'postgres' ? '; to try them without a cluster, open the Local sandbox as Redshift (emulated) from the welcome screen.' : '.'}
      </Text>
    </Group>
  );
}

/** Sizes of the loaded catalog on the Overview tab; each opens its tab. */
export function OverviewCounts({ session }: { session: SessionInfo }) {
  const { summary, status, error, load } = useCatalog(session.id);
  const f = featuresOf(summary);
  return (
    <Paper withBorder radius="md" p="md" style={{ background: 'var(--app-main-bg)' }} aria-label="Catalog counts">
      <Text fw={600} size="sm" mb="sm">
        Access model of {summary?.database ?? session.server.database}
      </Text>
      {!summary && status === 'error' && error ? (
        <Stack gap="sm">
          <ErrorAlert error={error} />
          <Group>
            <Button leftSection={<IconRefresh size={14} />} onClick={() => void load(true)}>
              {error.code === 'canceled' ? 'Load the catalog' : 'Retry'}
            </Button>
          </Group>
        </Stack>
      ) : !summary ? (
        <SimpleGrid cols={4} spacing="md">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} h={40} animate={status === 'loading'} />
          ))}
        </SimpleGrid>
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="lg" verticalSpacing="md">
            <Stat sessionId={session.id} icon={<IconUser size={18} />} label="users" value={summary.counts.users} tab="users" />
            <Stat sessionId={session.id} icon={<IconUserShield size={18} />} label="roles" value={summary.counts.roles - (summary.counts.systemRoles ?? 0)} tab="roles" />
            {f.groups && <Stat sessionId={session.id} icon={<IconUsers size={18} />} label="groups" value={summary.counts.groups} tab="groups" />}
            <Stat sessionId={session.id} icon={<IconFolder size={18} />} label="schemas" value={summary.counts.schemas} tab="objects" />
            <Stat sessionId={session.id} icon={<IconTable size={18} />} label="tables and views" value={summary.counts.relations} tab="objects" />
            <Stat sessionId={session.id} icon={<IconMathFunction size={18} />} label={f.procedures ? 'functions and procedures' : 'functions'} value={summary.counts.routines} tab="objects" />
            <Stat sessionId={session.id} icon={<IconKey size={18} />} label="grants" value={summary.counts.grants} />
            {f.defaultPrivileges && <Stat sessionId={session.id} icon={<IconCalendarTime size={18} />} label="default privileges" value={summary.counts.defaultPrivileges} />}
          </SimpleGrid>
          {!f.groups && <NoGroupsNote engine={f.engine} />}
        </>
      )}
    </Paper>
  );
}
