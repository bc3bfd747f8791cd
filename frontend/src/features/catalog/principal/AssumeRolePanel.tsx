import { ActionIcon, Alert, Badge, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconCrown, IconPlus, IconShieldLock, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { surfaceApi, type PrincipalDetail, type SessionInfo } from '../../../api';
import { pending } from '../../changes/store';
import { useEditorEnv } from '../../editors/env';
import { principalLabel } from '../format';
import { Chain, ErrorPane, PaneLoader, Section } from '../parts';
import { useCatalogQuery } from '../store';
import { groupAssumeRoles, iamRoleLabel, revokeLine } from '../surface/logic';
import { AssumeRoleDialog } from '../surface/SurfaceDialogs';

/**
 * The IAM roles a principal may assume for COPY, UNLOAD, external functions
 * and CREATE MODEL (Redshift GRANT ASSUMEROLE), its own and inherited.
 */
export function AssumeRolePanel({ session, detail }: { session: SessionInfo; detail: PrincipalDetail }) {
  const ref = detail.ref;
  const key = `assumeroles:${ref.kind}:${ref.name}`;
  const q = useCatalogQuery(session.id, key, () => surfaceApi.assumeRoles(session.id, ref));
  const env = useEditorEnv(session);
  const [adding, setAdding] = useState(false);
  const lines = useMemo(() => groupAssumeRoles(q.data?.rows ?? []), [q.data]);
  if (q.error) return <ErrorPane error={q.error} onRetry={q.reload} />;
  if (!q.data) return <PaneLoader />;
  const name = principalLabel(ref);
  const vocab = q.data.vocabulary;
  return (
    <Stack gap="md" p="lg">
      <Text size="xs" c="dimmed">
        COPY, UNLOAD, CREATE EXTERNAL FUNCTION and CREATE MODEL name an IAM role; Redshift lets a user use it only with ASSUMEROLE on that role
        for that command — granted to the user, a group or role it belongs to, or PUBLIC.
      </Text>
      {q.data.superuser && (
        <Alert color="grape" variant="light" icon={<IconCrown size={16} />} p="xs">
          {name} is a superuser: superusers always hold ASSUMEROLE, whatever is granted.
        </Alert>
      )}
      <Section
        title="IAM roles it may assume"
        count={lines.length}
        icon={<IconShieldLock size={15} />}
        tools={
          vocab &&
          !env.readOnly && (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
              Allow IAM roles…
            </Button>
          )
        }
      >
        {lines.length ? (
          <Table verticalSpacing={6} horizontalSpacing="md" fz="sm" highlightOnHover aria-label="ASSUMEROLE grants">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>IAM role</Table.Th>
                <Table.Th>For</Table.Th>
                <Table.Th>Held</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((l) => (
                <Table.Tr key={`${l.iamRole}:${l.grantee.kind}:${l.grantee.name}`}>
                  <Table.Td style={{ maxWidth: 420 }}>
                    <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                      {iamRoleLabel(l.iamRole)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {l.commands.map((c) => (
                        <Badge key={c} size="sm" variant={l.direct ? 'light' : 'outline'} color="cyan" radius="sm">
                          {c}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{l.direct ? <Text size="sm">directly</Text> : <Chain via={l.via} />}</Table.Td>
                  <Table.Td>
                    {l.direct && !env.readOnly && (
                      <Tooltip label="Queue REVOKE ASSUMEROLE">
                        <ActionIcon variant="subtle" color="red" aria-label={`Revoke ${l.iamRole}`} onClick={() => pending.add(session.id, revokeLine(l))}>
                          <IconTrash size={15} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed" px="md" py="sm">
            No ASSUMEROLE grant applies to {name}: a COPY or UNLOAD naming an IAM role fails for it.
          </Text>
        )}
      </Section>
      {adding && vocab && (
        <AssumeRoleDialog env={env} grantee={ref} commands={vocab.commands} maxChain={vocab.maxChain} onClose={() => setAdding(false)} />
      )}
    </Stack>
  );
}
