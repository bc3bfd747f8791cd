import '../../app/styles/rest.css';
import { Anchor, Badge, Button, Code, CopyButton, Group, Loader, Modal, ScrollArea, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { aboutApi, type AboutInfo, type ApiError, toApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Logo } from '../../components/Logo';

/** Which build this is, where the app keeps its files, and what it bundles. */
export function AboutDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [info, setInfo] = useState<AboutInfo | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [licenses, setLicenses] = useState<string | null>(null);
  const [showLicenses, setShowLicenses] = useState(false);

  useEffect(() => {
    if (!opened || info) return;
    aboutApi.about().then(setInfo, (e) => setError(toApiError(e)));
  }, [opened, info]);

  const openLicenses = () => {
    setShowLicenses(true);
    if (licenses === null) aboutApi.thirdPartyLicenses().then(setLicenses, (e) => setError(toApiError(e)));
  };

  return (
    <>
      <Modal
        opened={opened}
        onClose={onClose}
        size={620}
        title={
          <Group gap="xs">
            <IconInfoCircle size={16} />
            <Text fw={600}>About Redshift Mate</Text>
          </Group>
        }
      >
        {error && <ErrorAlert error={error} />}
        {!info && !error && <Loader size="sm" />}
        {info && (
          <Stack gap="md">
            <Group gap="sm" wrap="nowrap">
              <Logo size={40} />
              <div>
                <Text fw={700}>Redshift Mate {info.version}</Text>
                <Text size="sm" c="dimmed">
                  Users, roles, groups and privileges for Amazon Redshift and PostgreSQL.
                </Text>
              </div>
            </Group>
            <Table withRowBorders={false} verticalSpacing={3} horizontalSpacing="xs" fz="sm">
              <Table.Tbody>
                <Row label="Version" value={info.version} />
                <Row label="Commit" value={info.commit} />
                <Row label="Built" value={info.buildDate} />
                <Row label="Go" value={info.goVersion} />
                <Row label="Wails" value={info.wails || 'unknown'} />
                <Row label="Platform" value={info.platform} />
              </Table.Tbody>
            </Table>
            <div>
              <Text size="sm" fw={600} mb={4}>
                Where the app keeps its files
              </Text>
              <Table withRowBorders={false} verticalSpacing={3} horizontalSpacing="xs" fz="sm">
                <Table.Tbody>
                  <PathRow label="Connections" path={info.profilesFile} />
                  <PathRow label="Audit log" path={info.auditLog} />
                  {info.appLog ? (
                    <PathRow label="App log" path={info.appLog} />
                  ) : (
                    <Row label="App log" value="standard error only (the log file could not be opened)" />
                  )}
                  <Row label="Passwords" value="the system keychain, never a file" />
                </Table.Tbody>
              </Table>
            </div>
            <div>
              <Text size="sm" fw={600} mb={4}>
                Open-source software
              </Text>
              <Text size="sm" mb={6}>
                This app bundles {info.packages} third-party packages under these licences:
              </Text>
              <Group gap={6}>
                {info.licenses.map((l) => (
                  <Badge key={l.license} variant="light" color={l.license === 'UNKNOWN' ? 'gray' : 'indigo'} radius="sm">
                    {l.license} × {l.count}
                  </Badge>
                ))}
              </Group>
              <Anchor component="button" type="button" size="sm" mt={8} onClick={openLicenses}>
                Show the full licence texts
              </Anchor>
            </div>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Close
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <Modal opened={showLicenses} onClose={() => setShowLicenses(false)} size="xl" title={<Text fw={600}>Third-party licences</Text>}>
        {licenses === null ? (
          <Loader size="sm" />
        ) : (
          <ScrollArea h="65vh" type="auto">
            <Code block fz={11} style={{ whiteSpace: 'pre-wrap' }}>
              {licenses}
            </Code>
          </ScrollArea>
        )}
      </Modal>
    </>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Td w={110} c="dimmed" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Td>
      <Table.Td style={{ wordBreak: 'break-all' }}>{value}</Table.Td>
    </Table.Tr>
  );
}

function PathRow({ label, path }: { label: string; path: string }) {
  return (
    <Table.Tr>
      <Table.Td w={110} c="dimmed" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" align="flex-start">
          <Code style={{ wordBreak: 'break-all' }}>{path || 'unavailable'}</Code>
          {path && (
            <CopyButton value={path}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? 'Copied' : 'Copy path'}>
                  <Anchor component="button" type="button" onClick={copy} aria-label={`Copy the ${label.toLowerCase()} path`} c="dimmed">
                    {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                  </Anchor>
                </Tooltip>
              )}
            </CopyButton>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
