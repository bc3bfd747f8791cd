import { Alert, Badge, Code, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconDatabase, IconFlask, IconLock, IconServer2, IconUserShield } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { SessionInfo } from '../../api';
import { EngineBadge } from '../../components/EngineBadge';
import { OverviewCounts } from '../catalog/OverviewCounts';
import { RedshiftSurfaceSection } from '../catalog/surface/RedshiftSurfaceSection';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ wordBreak: 'break-all' }}>
        {children}
      </Text>
    </Stack>
  );
}

function Card({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" style={{ background: 'var(--app-main-bg)' }}>
      <Group gap="xs" mb="sm">
        <ThemeIcon variant="light" size="md" radius="sm">
          {icon}
        </ThemeIcon>
        <Text fw={600} size="sm">
          {title}
        </Text>
      </Group>
      <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
        {children}
      </SimpleGrid>
    </Paper>
  );
}

export function OverviewTab({ session }: { session: SessionInfo }) {
  const s = session.server;
  return (
    <Stack gap="md" maw={980}>
      {session.readOnly && (
        <Alert color="orange" variant="light" icon={<IconLock size={18} />} title="Read-only / production connection">
          Browsing is allowed; every change will be refused for this connection.
        </Alert>
      )}
      {s.emulated && (
        <Alert color="orange" variant="light" icon={<IconFlask size={18} />} title="Emulated Redshift">
          The Local sandbox&apos;s PostgreSQL, read through Redshift-shaped system views by the same reader a Redshift cluster gets: groups, system
          permissions, syslog access, session timeouts and the rest show as on Redshift, and every change previews as Redshift SQL. Nothing can be
          applied here; copy or save the SQL to run it on a cluster.
        </Alert>
      )}
      <OverviewCounts session={session} />
      <RedshiftSurfaceSection session={session} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card icon={<IconServer2 size={16} />} title="Server">
          <Fact label="Engine">
            <EngineBadge engine={s.engine} emulated={s.emulated} size="sm" />
          </Fact>
          <Fact label="Version">{s.version}</Fact>
          <Fact label="Host">{s.host}</Fact>
          <Fact label="Port">{s.port}</Fact>
        </Card>
        <Card icon={<IconUserShield size={16} />} title="Signed in">
          <Fact label="User">{s.user}</Fact>
          <Fact label="Privileges">
            {s.superuser ? (
              <Badge size="sm" color="grape" variant="light">
                Superuser
              </Badge>
            ) : (
              <Badge size="sm" color="gray" variant="light">
                Regular user
              </Badge>
            )}
          </Fact>
          <Fact label="Database">
            <Group gap={4}>
              <IconDatabase size={14} />
              {s.database}
            </Group>
          </Fact>
          <Fact label="Mode">{s.emulated ? 'Browse and preview only' : session.readOnly ? 'Read-only' : 'Read and write'}</Fact>
        </Card>
      </SimpleGrid>
      <Paper withBorder radius="md" p="md" style={{ background: 'var(--app-main-bg)' }}>
        <Text size="xs" c="dimmed" fw={600} mb={6}>
          version()
        </Text>
        <Code block fz="xs" style={{ whiteSpace: 'pre-wrap' }}>
          {s.fullVersion}
        </Code>
      </Paper>
      {!s.superuser && (
        <Text size="xs" c="dimmed">
          Without superuser rights some catalog views show only what this user may see; lists will say when they are partial.
        </Text>
      )}
    </Stack>
  );
}
