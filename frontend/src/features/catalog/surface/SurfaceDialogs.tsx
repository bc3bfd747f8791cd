// Editor dialogs of Redshift's grant surface: GRANT ASSUMEROLE, datashare
// consumers (USAGE to a namespace or account), and ALTER/SHARE, EXECUTE ON
// MODEL and CREATE MODEL to a principal. Each renders its change through the
// backend as you type, so a refusal (a bad ARN, a GUID, a grant option the
// grammar forbids) shows before anything is queued.
import { Alert, Checkbox, Group, Loader, SegmentedControl, Select, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconCloudShare, IconShieldLock } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { Change, PrincipalRef } from '../../../api/changes';
import type { VocabPrivilege } from '../../../api/catalog';
import { pending } from '../../changes/store';
import { granteeSelectProps, parseGranteeValue, useGranteeOptions, usePlanPreview } from '../../editors/data';
import { EditorModal } from '../../editors/EditorModal';
import type { EditorEnv } from '../../editors/env';
import { principalLabel } from '../format';
import { assumeRoleChange, datashareUsageChange, iamRolesOf, type ConsumerKind, type IamTarget } from './logic';

/** The rendered statements, or the backend's refusal, under a dialog's form. */
export function RenderedSql({ sessionId, changes }: { sessionId: string; changes: Change[] | null }) {
  const plan = usePlanPreview(sessionId, changes);
  if (!changes) return null;
  if (plan.loading) return <Loader size="xs" />;
  if (plan.error)
    return (
      <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} />} p="xs" role="alert">
        <Text size="sm">{plan.error.replace(/^change \d+ \([^)]*\): /, '')}</Text>
      </Alert>
    );
  return (
    <Stack gap={2} aria-label="Statements">
      {plan.statements.map((s, i) => (
        <Text key={i} size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {s.sql};
        </Text>
      ))}
    </Stack>
  );
}

function useRenderable(sessionId: string, changes: Change[] | null) {
  const plan = usePlanPreview(sessionId, changes);
  return !!changes && !plan.loading && !plan.error && plan.statements.length > 0;
}

function GranteePicker({ env, value, onChange, groups = true }: { env: EditorEnv; value: string | null; onChange: (v: string | null) => void; groups?: boolean }) {
  const options = useGranteeOptions(env.sessionId, { groups: groups && env.caps.groups });
  return (
    <Select
      label="Grantee"
      placeholder="Choose a user, role, group or PUBLIC"
      data={options}
      value={value}
      onChange={onChange}
      searchable
      {...granteeSelectProps}
    />
  );
}

/** GRANT ASSUMEROLE ON … TO grantee FOR …; the grantee is fixed on a principal page. */
export function AssumeRoleDialog({
  env,
  grantee: fixed,
  commands,
  maxChain,
  onClose,
}: {
  env: EditorEnv;
  grantee?: PrincipalRef;
  commands: VocabPrivilege[];
  maxChain: number;
  onClose: () => void;
}) {
  const [target, setTarget] = useState<IamTarget>('arns');
  const [arns, setArns] = useState('');
  const [cmds, setCmds] = useState<string[]>([]);
  const [all, setAll] = useState(false);
  const [granteeValue, setGranteeValue] = useState<string | null>(null);
  const grantee = fixed ?? (granteeValue ? parseGranteeValue(granteeValue) : null);
  const roles = iamRolesOf(target, arns);
  const chosen = all ? ['ALL'] : cmds;
  const change = grantee && roles.length && chosen.length ? assumeRoleChange(true, roles, chosen, grantee) : null;
  const ok = useRenderable(env.sessionId, change ? [change] : null);
  return (
    <EditorModal
      opened
      onClose={onClose}
      size={640}
      title={fixed ? `Allow ${principalLabel(fixed)} to assume IAM roles` : 'Grant ASSUMEROLE'}
      subtitle="Which IAM roles COPY, UNLOAD, external functions and CREATE MODEL may name. Only superusers grant it; there is no grant option."
      icon={<IconShieldLock size={16} />}
      changes={change && ok ? [change] : []}
      isRedshift
      submitDisabled={!ok}
      onSubmit={() => {
        if (change) pending.add(env.sessionId, [change]);
        onClose();
      }}
    >
      {!fixed && <GranteePicker env={env} value={granteeValue} onChange={setGranteeValue} />}
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          IAM roles
        </Text>
        <SegmentedControl
          value={target}
          onChange={(v) => setTarget(v as IamTarget)}
          data={[
            { value: 'arns', label: 'Role ARNs' },
            { value: 'default', label: 'Cluster default role' },
            { value: 'all', label: 'Every attached role' },
          ]}
        />
        {target === 'arns' && (
          <Textarea
            aria-label="IAM role ARNs"
            description={`One ARN per line. A role chain is one line of ARNs joined by commas, no spaces (at most ${maxChain} roles).`}
            placeholder="arn:aws:iam::123456789012:role/RedshiftS3Read"
            autosize
            minRows={2}
            maxRows={6}
            value={arns}
            onChange={(e) => setArns(e.currentTarget.value)}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
          />
        )}
      </Stack>
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          For commands
        </Text>
        <Checkbox label="ALL (every command below)" checked={all} onChange={(e) => setAll(e.currentTarget.checked)} />
        <Checkbox.Group value={all ? [] : cmds} onChange={setCmds}>
          <Group gap="lg">
            {commands.map((c) => (
              <Checkbox key={c.name} value={c.name} label={c.name} title={c.help} disabled={all} />
            ))}
          </Group>
        </Checkbox.Group>
      </Stack>
      <RenderedSql sessionId={env.sessionId} changes={change ? [change] : null} />
    </EditorModal>
  );
}

/** GRANT USAGE ON DATASHARE d TO NAMESPACE 'guid' | ACCOUNT 'id' [VIA DATA CATALOG]. */
export function DatashareConsumerDialog({ env, datashare, onClose }: { env: EditorEnv; datashare: string; onClose: () => void }) {
  const [kind, setKind] = useState<ConsumerKind>('account');
  const [id, setId] = useState('');
  const [via, setVia] = useState(false);
  const change = id.trim() ? datashareUsageChange(true, datashare, kind, [id.trim()], kind === 'account' && via) : null;
  const ok = useRenderable(env.sessionId, change ? [change] : null);
  return (
    <EditorModal
      opened
      onClose={onClose}
      title={`Add a consumer to datashare ${datashare}`}
      subtitle="USAGE lets the consumer read the datashare's objects. It has no grant option; you need SHARE on the datashare."
      icon={<IconCloudShare size={16} />}
      changes={change && ok ? [change] : []}
      isRedshift
      submitDisabled={!ok}
      onSubmit={() => {
        if (change) pending.add(env.sessionId, [change]);
        onClose();
      }}
    >
      <SegmentedControl
        value={kind}
        onChange={(v) => setKind(v as ConsumerKind)}
        data={[
          { value: 'account', label: 'AWS account' },
          { value: 'namespace', label: 'Namespace in this account' },
        ]}
      />
      <TextInput
        label={kind === 'account' ? 'Account id' : 'Namespace GUID'}
        placeholder={kind === 'account' ? '123456789012' : '86b5169f-01dc-4a6f-9fbb-e2e24359e9a8'}
        value={id}
        onChange={(e) => setId(e.currentTarget.value)}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      {kind === 'account' && (
        <Switch label="Via the AWS Glue Data Catalog (Lake Formation)" checked={via} onChange={(e) => setVia(e.currentTarget.checked)} />
      )}
      <RenderedSql sessionId={env.sessionId} changes={change ? [change] : null} />
    </EditorModal>
  );
}

/**
 * Grants one object's privileges (datashare ALTER/SHARE, model EXECUTE) or
 * CREATE MODEL to a chosen principal. The grant option is offered; the
 * backend refuses it for roles, groups and PUBLIC.
 */
export function PrincipalGrantDialog({
  env,
  title,
  subtitle,
  icon,
  privileges,
  build,
  onClose,
}: {
  env: EditorEnv;
  title: string;
  subtitle: string;
  icon: ReactNode;
  privileges: VocabPrivilege[];
  build: (privileges: string[], grantee: PrincipalRef, grantOption: boolean) => Change;
  onClose: () => void;
}) {
  const [granteeValue, setGranteeValue] = useState<string | null>(null);
  const [privs, setPrivs] = useState<string[]>(privileges.length === 1 ? [privileges[0].name] : []);
  const [option, setOption] = useState(false);
  const grantee = granteeValue ? parseGranteeValue(granteeValue) : null;
  const change = grantee && privs.length ? build(privs, grantee, option) : null;
  const ok = useRenderable(env.sessionId, change ? [change] : null);
  return (
    <EditorModal
      opened
      onClose={onClose}
      title={title}
      subtitle={subtitle}
      icon={icon}
      changes={change && ok ? [change] : []}
      isRedshift
      submitDisabled={!ok}
      onSubmit={() => {
        if (change) pending.add(env.sessionId, [change]);
        onClose();
      }}
    >
      <GranteePicker env={env} value={granteeValue} onChange={setGranteeValue} />
      {privileges.length > 1 && (
        <Checkbox.Group label="Privileges" value={privs} onChange={setPrivs}>
          <Group gap="lg" mt={4}>
            {privileges.map((p) => (
              <Checkbox key={p.name} value={p.name} label={`${p.name} — ${p.help}`} />
            ))}
          </Group>
        </Checkbox.Group>
      )}
      <Checkbox label="With grant option (users only)" checked={option} onChange={(e) => setOption(e.currentTarget.checked)} />
      <RenderedSql sessionId={env.sessionId} changes={change ? [change] : null} />
    </EditorModal>
  );
}
