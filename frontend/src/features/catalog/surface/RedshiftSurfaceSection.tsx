import { ActionIcon, Alert, Badge, Button, Group, Paper, Stack, Table, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconBrain, IconCheck, IconCloudShare, IconPlus, IconShieldLock, IconX } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { surfaceApi, type DatashareView, type ModelView, type PrincipalRef, type SessionInfo, type SurfaceOverview } from '../../../api';
import type { Change } from '../../../api/changes';
import { pending, usePending } from '../../changes/store';
import { useEditorEnv, type EditorEnv } from '../../editors/env';
import { featuresOf } from '../format';
import { PrincipalLink } from '../parts';
import { useCatalog, useCatalogQuery } from '../store';
import { createModelChange, datashareUsageChange, holders, lockdownChange, objectGrantChange, publicLines, iamRoleLabel } from './logic';
import { DatashareConsumerDialog, PrincipalGrantDialog } from './SurfaceDialogs';

type Dialog =
  | { type: 'consumer'; datashare: string }
  | { type: 'datashare'; datashare: string }
  | { type: 'model'; schema: string; name: string }
  | { type: 'createModel' };

/**
 * The cluster overview's Redshift section: the ASSUMEROLE lock-down check
 * with a one-click queued fix, the datashares with their consumers and
 * holders, and the ML models with theirs.
 */
export function RedshiftSurfaceSection({ session }: { session: SessionInfo }) {
  const { summary } = useCatalog(session.id);
  const redshift = featuresOf(summary).redshift;
  const q = useCatalogQuery(session.id, redshift ? 'surface' : null, () => surfaceApi.overview(session.id));
  const env = useEditorEnv(session);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const o = q.data;
  if (!redshift || !o?.supported) return null;
  return (
    <Stack gap="md">
      <LockdownAlert session={session} overview={o} readOnly={env.readOnly} />
      <Card icon={<IconCloudShare size={16} />} title="Datashares" count={o.datashares.length}>
        <DatasharesTable env={env} rows={o.datashares} onDialog={setDialog} />
      </Card>
      <Card
        icon={<IconBrain size={16} />}
        title="ML models"
        count={o.models.length}
        tools={
          !env.readOnly && (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setDialog({ type: 'createModel' })}>
              Grant CREATE MODEL…
            </Button>
          )
        }
      >
        <ModelsTable env={env} rows={o.models} onDialog={setDialog} />
      </Card>
      {dialog && <SurfaceDialog env={env} overview={o} dialog={dialog} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

function SurfaceDialog({ env, overview, dialog, onClose }: { env: EditorEnv; overview: SurfaceOverview; dialog: Dialog; onClose: () => void }) {
  switch (dialog.type) {
    case 'consumer':
      return <DatashareConsumerDialog env={env} datashare={dialog.datashare} onClose={onClose} />;
    case 'datashare':
      return (
        <PrincipalGrantDialog
          env={env}
          title={`Grant on datashare ${dialog.datashare}`}
          subtitle="ALTER adds or removes objects; SHARE adds or removes consumers."
          icon={<IconCloudShare size={16} />}
          privileges={[
            { name: 'ALTER', help: 'add or remove objects' },
            { name: 'SHARE', help: 'add or remove consumers' },
          ]}
          build={(p, g, opt) => objectGrantChange(true, p, [{ kind: 'datashare', name: dialog.datashare }], g, opt)}
          onClose={onClose}
        />
      );
    case 'model':
      return (
        <PrincipalGrantDialog
          env={env}
          title={`Grant EXECUTE on model ${dialog.schema}.${dialog.name}`}
          subtitle="EXECUTE lets the grantee run the model's prediction function."
          icon={<IconBrain size={16} />}
          privileges={[{ name: 'EXECUTE', help: 'run the prediction function' }]}
          build={(p, g, opt) => objectGrantChange(true, p, [{ kind: 'model', schema: dialog.schema, name: dialog.name }], g, opt)}
          onClose={onClose}
        />
      );
    case 'createModel':
      return (
        <PrincipalGrantDialog
          env={env}
          title="Grant CREATE MODEL"
          subtitle={`Lets the grantee create ML models in database ${env.database}. Who holds it today is not listed: Redshift documents no catalog view for it.`}
          icon={<IconBrain size={16} />}
          privileges={overview.createModel ? [overview.createModel] : [{ name: 'CREATE MODEL', help: 'create ML models' }]}
          build={(_p, g, opt) => createModelChange(true, g, opt)}
          onClose={onClose}
        />
      );
  }
}

function Card({ icon, title, count, tools, children }: { icon: ReactNode; title: string; count?: number; tools?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" style={{ background: 'var(--app-main-bg)' }} component="section" aria-label={title}>
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <ThemeIcon variant="light" size="md" radius="sm">
            {icon}
          </ThemeIcon>
          <Text fw={600} size="sm">
            {title}
          </Text>
          {count !== undefined && (
            <Badge size="xs" variant="default" radius="xl">
              {count}
            </Badge>
          )}
        </Group>
        {tools}
      </Group>
      {children}
    </Paper>
  );
}

function sameChange(a: Change, b: Change): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** PUBLIC still holding ASSUMEROLE on every role for every command: warn and offer the fix. */
function LockdownAlert({ session, overview, readOnly }: { session: SessionInfo; overview: SurfaceOverview; readOnly: boolean }) {
  const queued = usePending(session.id).some((i) => sameChange(i.change, lockdownChange()));
  const others = publicLines(overview.publicAssumeRoles.filter((r) => !(r.iamRole === 'ALL')));
  if (!overview.publicAssumesAll)
    return others.length ? (
      <Alert color="yellow" variant="light" icon={<IconShieldLock size={18} />} title="PUBLIC may assume some IAM roles">
        {others.map((l) => `${iamRoleLabel(l.iamRole)} for ${l.commands.join(', ')}`).join('; ')}. Every user, now and future, may use them.
      </Alert>
    ) : null;
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title="Every user may assume every IAM role of the cluster">
      <Stack gap="xs">
        <Text size="sm">
          PUBLIC still holds ASSUMEROLE on ALL for ALL, so any user can name any IAM role attached to the cluster in COPY, UNLOAD, external
          functions and CREATE MODEL. AWS asks every cluster to revoke it once, then grant ASSUMEROLE only to those who need it:
        </Text>
        <Text size="xs" ff="monospace">
          REVOKE ASSUMEROLE ON ALL FROM PUBLIC FOR ALL;
        </Text>
        {!readOnly && (
          <Group>
            {queued ? (
              <Badge color="teal" variant="light" leftSection={<IconCheck size={12} />}>
                Queued — preview and apply it from the pending changes
              </Badge>
            ) : (
              <Button size="xs" color="orange" onClick={() => pending.add(session.id, lockdownChange())}>
                Queue the fix
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

function Holders({ env, rows, revoke }: { env: EditorEnv; rows: ReturnType<typeof holders>; revoke: (p: string, g: PrincipalRef) => Change }) {
  if (!rows.length)
    return (
      <Text size="xs" c="dimmed">
        nobody (owner only)
      </Text>
    );
  return (
    <Stack gap={2}>
      {rows.map((h) => (
        <Group key={`${h.grantee.kind}:${h.grantee.name}`} gap={4} wrap="nowrap">
          <PrincipalLink principal={h.grantee} size="xs" />
          {h.privileges.map((p) => (
            <Group key={p.name} gap={0} wrap="nowrap">
              <Badge size="xs" radius="sm" variant="light" title={p.grantOption ? `${p.name} with grant option` : p.name} styles={{ label: { overflow: 'visible' } }}>
                {p.name}
                {p.grantOption ? '*' : ''}
              </Badge>
              {!env.readOnly && (
                <Tooltip label={`Queue REVOKE ${p.name}`}>
                  <ActionIcon size={16} variant="subtle" color="red" aria-label={`Revoke ${p.name} from ${h.grantee.kind} ${h.grantee.name}`} onClick={() => pending.add(env.sessionId, revoke(p.name, h.grantee))}>
                    <IconX size={11} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
          ))}
        </Group>
      ))}
    </Stack>
  );
}

function DatasharesTable({ env, rows, onDialog }: { env: EditorEnv; rows: DatashareView[]; onDialog: (d: Dialog) => void }) {
  if (!rows.length)
    return (
      <Text size="sm" c="dimmed">
        No datashare is produced by or shared with this cluster (or the connected user may see none: svv_datashares shows rows to superusers, owners and ALTER/USAGE holders).
      </Text>
    );
  return (
    <Table verticalSpacing={6} horizontalSpacing="sm" fz="sm" aria-label="Datashares">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Datashare</Table.Th>
          <Table.Th>Owner</Table.Th>
          <Table.Th>Consumers</Table.Th>
          <Table.Th>ALTER / SHARE held by</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(({ share: d, grants }) => {
          const outbound = d.type !== 'INBOUND';
          return (
            <Table.Tr key={d.name}>
              <Table.Td>
                <Stack gap={2}>
                  <Text size="sm" fw={500}>
                    {d.name}
                  </Text>
                  <Group gap={4}>
                    <Badge size="xs" variant="outline" color={outbound ? 'blue' : 'grape'}>
                      {d.type || 'OUTBOUND'}
                    </Badge>
                    {d.publicAccessible && (
                      <Badge size="xs" variant="outline" color="orange">
                        publicly accessible
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {outbound ? `from database ${d.sourceDatabase || '?'}` : `from account ${d.producerAccount || '?'}${d.consumerDatabase ? ` → database ${d.consumerDatabase}` : ''}`}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>{d.owner || <Text size="xs" c="dimmed">—</Text>}</Table.Td>
              <Table.Td>
                {outbound ? (
                  <Stack gap={2}>
                    {d.consumers.length === 0 && (
                      <Text size="xs" c="dimmed">
                        none
                      </Text>
                    )}
                    {d.consumers.map((c) => {
                      const kind = c.namespace ? 'namespace' : 'account';
                      const id = c.namespace || c.account || '';
                      return (
                        <Group key={`${kind}:${id}`} gap={4} wrap="nowrap">
                          <Text size="xs" ff="monospace">
                            {kind} {id}
                          </Text>
                          {!env.readOnly && (
                            <Tooltip label="Queue REVOKE USAGE">
                              <ActionIcon size="xs" variant="subtle" color="red" aria-label={`Stop sharing with ${kind} ${id}`} onClick={() => pending.add(env.sessionId, datashareUsageChange(false, d.name, kind, [id]))}>
                                <IconX size={12} />
                              </ActionIcon>
                            </Tooltip>
                          )}
                        </Group>
                      );
                    })}
                  </Stack>
                ) : (
                  <Text size="xs" c="dimmed">
                    shared with this cluster
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {outbound ? (
                  <Holders env={env} rows={holders(grants)} revoke={(p, g) => objectGrantChange(false, [p], [{ kind: 'datashare', name: d.name }], g)} />
                ) : (
                  <Text size="xs" c="dimmed">
                    granted on the producer
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {outbound && !env.readOnly && (
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    <Button size="compact-xs" variant="light" onClick={() => onDialog({ type: 'consumer', datashare: d.name })}>
                      Add consumer…
                    </Button>
                    <Button size="compact-xs" variant="default" onClick={() => onDialog({ type: 'datashare', datashare: d.name })}>
                      Grant…
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function ModelsTable({ env, rows, onDialog }: { env: EditorEnv; rows: ModelView[]; onDialog: (d: Dialog) => void }) {
  if (!rows.length)
    return (
      <Text size="sm" c="dimmed">
        No ML model in database {env.database} that the connected user may see (svv_ml_model_info shows others' models to superusers only).
      </Text>
    );
  return (
    <Table verticalSpacing={6} horizontalSpacing="sm" fz="sm" aria-label="ML models">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Model</Table.Th>
          <Table.Th>Owner</Table.Th>
          <Table.Th>State</Table.Th>
          <Table.Th>EXECUTE held by</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(({ model: m, grants }) => (
          <Table.Tr key={`${m.schema}.${m.name}`}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {m.schema}.{m.name}
              </Text>
            </Table.Td>
            <Table.Td>{m.owner}</Table.Td>
            <Table.Td>
              <Text size="xs">{m.state}</Text>
            </Table.Td>
            <Table.Td>
              <Holders env={env} rows={holders(grants)} revoke={(p, g) => objectGrantChange(false, [p], [{ kind: 'model', schema: m.schema, name: m.name }], g)} />
            </Table.Td>
            <Table.Td>
              {!env.readOnly && (
                <Button size="compact-xs" variant="default" onClick={() => onDialog({ type: 'model', schema: m.schema, name: m.name })}>
                  Grant…
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
