import { Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconCalendarTime, IconRefresh, IconFolder, IconKey, IconMathFunction, IconTable, IconUser, IconUserShield, IconUsers } from '@tabler/icons-react';
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
      )}
      {summary && !f.groups && (
        <Text size="xs" c="dimmed" mt="sm" data-testid="no-groups-note">
          No Groups tab: PostgreSQL has no groups of its own. A group is a role that users are members of, so groups are listed under Roles.
          {session.server.engine === 'postgres' && ' To see Redshift\'s groups without a cluster, open the Local sandbox as Redshift (emulated) from the welcome screen.'}
        </Text>
      )}
    </Paper>
  );
}
