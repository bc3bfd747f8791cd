import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { IconInfoCircle, IconUserEdit, IconUserPlus } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { pending } from '../changes/store';
import {
  buildAlterUser,
  buildCreateUser,
  emptyUserForm,
  SESSION_TIMEOUT_MAX,
  SESSION_TIMEOUT_MIN,
  userFormFromAttrs,
  validateUserForm,
  type PasswordMode,
  type UserForm,
} from './builders';
import { useGroups, usePendingNames, usePrincipal, useRoles, useUsers } from './data';
import { EditorModal, EditorModalLoading } from './EditorModal';
import type { EditorEnv } from './env';
import { PasswordField } from './PasswordField';
import { SessionDefaultsField } from './SessionDefaultsField';

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={8}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" style={{ letterSpacing: '0.06em' }}>
        {title}
      </Text>
      {children}
    </Stack>
  );
}

/** "3600" → "1 h", for the session timeout hint. */
export function humanSeconds(s: number): string {
  if (s < 60) return `${s} s`;
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  return [d && `${d} d`, h && `${h} h`, m && `${m} min`].filter(Boolean).join(' ') || `${s} s`;
}

function inDays(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

interface Props {
  env: EditorEnv;
  /** Edit this user; create when absent. */
  name?: string;
  /** Open the edit form with "Set a new password" chosen. */
  resetPassword?: boolean;
  onClose: () => void;
}

export function UserDialog({ env, name, resetPassword, onClose }: Props) {
  const detail = usePrincipal(env.sessionId, name ? { kind: 'user', name } : null);
  const user = detail.data?.user;
  if (name && !user)
    return <EditorModalLoading onClose={onClose} title={`Edit user ${name}`} icon={<IconUserEdit size={16} />} error={detail.error} />;
  const orig = user
    ? {
        ...userFormFromAttrs(user),
        passwordMode: (user.passwordDisabled ? 'disabled' : 'keep') as PasswordMode,
      }
    : undefined;
  return <UserForm env={env} orig={orig} start={orig && resetPassword ? { ...orig, passwordMode: 'set' } : orig} passwordDisabled={!!user?.passwordDisabled} onClose={onClose} key={name ?? ''} />;
}

function UserForm({ env, orig, start, passwordDisabled, onClose }: { env: EditorEnv; orig?: UserForm; start?: UserForm; passwordDisabled: boolean; onClose: () => void }) {
  const { engine, caps, sessionId } = env;
  const rs = engine === 'redshift';
  const editing = !!orig;
  const [f, setF] = useState<UserForm>(() => start ?? orig ?? emptyUserForm());
  const [showErrors, setShowErrors] = useState(false);
  const users = useUsers(sessionId);
  const roles = useRoles(sessionId);
  const groups = useGroups(sessionId, caps.groups);
  const queued = usePendingNames(sessionId);
  const set = <K extends keyof UserForm>(k: K, v: UserForm[K]) => setF((cur) => ({ ...cur, [k]: v }));

  const renamed = editing && f.name.trim() !== orig!.name;
  // Redshift clears an md5 password on rename; a password-disabled user has none to lose.
  const needsNewPassword = renamed && rs && f.passwordMode !== 'disabled';
  const taken = useMemo(() => {
    const s = new Set([...(users.data ?? []).map((u) => u.name), ...queued.users]);
    // User and role names must differ: PostgreSQL shares one namespace, Redshift refuses a user named as a role.
    for (const r of [...(roles.data ?? []).map((x) => x.name), ...queued.roles]) s.add(r);
    return s;
  }, [users.data, roles.data, queued]);
  const errors = validateUserForm(f, engine, { mode: editing ? 'edit' : 'create', orig, takenNames: taken, maxNameBytes: caps.maxIdentifierBytes });
  const changes = editing ? buildAlterUser(orig!, f, engine) : buildCreateUser(f, engine);
  const invalid = Object.keys(errors).length > 0;
  const err = (k: keyof UserForm) => (showErrors || (k === 'password' && f.password) ? errors[k] : undefined);

  const passwordModes: { value: PasswordMode; label: string }[] = editing
    ? passwordDisabled
      ? [
          { value: 'disabled', label: 'Keep disabled' },
          { value: 'set', label: 'Enable with a new password' },
        ]
      : [
          { value: 'keep', label: 'Keep current' },
          { value: 'set', label: 'Set a new password' },
          { value: 'disabled', label: rs ? 'Disable' : 'Remove' },
        ]
    : [
        { value: 'set', label: 'Set a password' },
        rs ? { value: 'disabled', label: 'Disabled (IAM / SSO only)' } : { value: 'none', label: 'No password' },
      ];

  const submit = () => {
    if (invalid) {
      setShowErrors(true);
      return;
    }
    if (changes.length === 0) {
      onClose();
      return;
    }
    pending.add(sessionId, changes);
    setF((cur) => ({ ...cur, password: '' }));
    onClose();
  };

  const roleOptions = [...new Set([...(roles.data ?? []).filter((r) => !r.system).map((r) => r.name), ...queued.roles])];
  const groupOptions = [...new Set([...(groups.data ?? []).map((g) => g.name), ...queued.groups])];

  return (
    <EditorModal
      opened
      onClose={onClose}
      title={editing ? `Edit user ${orig!.name}` : 'New user'}
      subtitle={editing ? 'Only the fields you change are sent.' : undefined}
      icon={editing ? <IconUserEdit size={16} /> : <IconUserPlus size={16} />}
      size={600}
      changes={changes}
      isRedshift={rs}
      onSubmit={submit}
      submitDisabled={editing && changes.length === 0}
    >
      <Section title="Identity">
        <TextInput
          label={editing ? 'Name (type a new one to rename)' : 'User name'}
          value={f.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={err('name') ?? (f.name && errors.name)}
          autoFocus={!editing}
          data-autofocus={!editing || undefined}
          spellCheck={false}
          autoComplete="off"
        />
        {renamed && rs && !needsNewPassword && (
          <Text size="xs" c="dimmed">
            Password login stays disabled after the rename.
          </Text>
        )}
        {needsNewPassword && (
          <Alert color="orange" variant="light" icon={<IconInfoCircle size={16} />} p="xs">
            <Text size="xs">
              Redshift stores passwords as an MD5 hash salted with the user name, so renaming clears the password. Enter a new password below; it is set right
              after the rename, in the same transaction.
            </Text>
          </Alert>
        )}
      </Section>

      <Section title="Password">
        <SegmentedControl
          fullWidth
          data={passwordModes}
          value={needsNewPassword && f.passwordMode === 'keep' ? 'set' : f.passwordMode}
          onChange={(v) => set('passwordMode', v as PasswordMode)}
          aria-label="Password"
        />
        {errors.passwordMode && <Text size="xs" c="red">{errors.passwordMode}</Text>}
        {(f.passwordMode === 'set' || needsNewPassword) && (
          <PasswordField
            engine={engine}
            label={editing ? 'New password' : 'Password'}
            value={f.password}
            onChange={(v) => setF((cur) => ({ ...cur, password: v, passwordMode: 'set' }))}
            error={err('password') ?? errors.password}
            description={
              rs
                ? 'Sent as an MD5 hash salted with the user name; the clear text never reaches the server log.'
                : 'Sent as a SCRAM-SHA-256 verifier computed here; the clear text never reaches the server.'
            }
          />
        )}
        {f.passwordMode === 'disabled' && (
          <Text size="xs" c="dimmed">
            {rs
              ? 'The user can sign in only with IAM temporary credentials or an identity provider.'
              : 'The user has no password and cannot sign in with one.'}
          </Text>
        )}
        {errors.password && f.passwordMode !== 'set' && showErrors && <Text size="xs" c="red">{errors.password}</Text>}
        {rs && (
          <TextInput
            label="External id (identity-provider user)"
            description="EXTERNALID: the user's id at a registered identity provider; needs password login disabled. The name is usually namespace:user."
            value={f.externalId}
            onChange={(e) => set('externalId', e.currentTarget.value)}
            error={err('externalId') ?? (f.externalId !== (orig?.externalId ?? '') ? errors.externalId : undefined)}
            placeholder="none"
            spellCheck={false}
            autoComplete="off"
          />
        )}
      </Section>

      <Section title="Privileges">
        <Switch
          label={rs ? 'Superuser (CREATEUSER)' : 'Superuser'}
          description={
            rs
              ? 'On Redshift the CREATEUSER keyword makes a superuser: every check is bypassed. To let someone create users without that, grant the CREATE USER system permission to a role instead.'
              : 'Bypasses every permission check.'
          }
          checked={f.superuser}
          onChange={(e) => set('superuser', e.currentTarget.checked)}
          color="red"
        />
        <Switch label="May create databases (CREATEDB)" checked={f.createDb} onChange={(e) => set('createDb', e.currentTarget.checked)} />
        {!rs && <Switch label="May create roles (CREATEROLE)" checked={f.createRole} onChange={(e) => set('createRole', e.currentTarget.checked)} />}
        {caps.syslogAccess && (
          <Switch
            label="Unrestricted system log access (SYSLOG ACCESS UNRESTRICTED)"
            description="Sees other users' rows in system tables and views, such as their query text. Restricted users see only their own."
            checked={f.syslogUnrestricted}
            onChange={(e) => set('syslogUnrestricted', e.currentTarget.checked)}
          />
        )}
      </Section>

      <Section title="Limits">
        <SimpleGrid cols={caps.sessionTimeout ? 2 : 1} spacing="md">
          <Stack gap={6}>
            <NumberInput
              label="Connection limit"
              description="Concurrent sessions; not enforced for superusers"
              min={0}
              allowDecimal={false}
              allowNegative={false}
              disabled={f.connectionUnlimited}
              value={f.connectionUnlimited ? '' : f.connectionLimit}
              onChange={(v) => set('connectionLimit', typeof v === 'number' ? v : v === '' ? '' : Number(v))}
              error={err('connectionLimit')}
              placeholder={f.connectionUnlimited ? 'unlimited' : 'concurrent sessions'}
            />
            <Checkbox label="Unlimited connections" checked={f.connectionUnlimited} onChange={(e) => set('connectionUnlimited', e.currentTarget.checked)} />
          </Stack>
          {caps.sessionTimeout && (
            <Stack gap={6}>
              <NumberInput
                label="Session timeout (seconds)"
                min={SESSION_TIMEOUT_MIN}
                max={SESSION_TIMEOUT_MAX}
                allowDecimal={false}
                allowNegative={false}
                thousandSeparator=","
                disabled={f.sessionTimeoutDefault}
                value={f.sessionTimeoutDefault ? '' : f.sessionTimeout}
                onChange={(v) => set('sessionTimeout', typeof v === 'number' ? v : v === '' ? '' : Number(v))}
                error={err('sessionTimeout')}
                placeholder={f.sessionTimeoutDefault ? 'cluster default' : '60 to 1,728,000'}
                description={
                  !f.sessionTimeoutDefault && typeof f.sessionTimeout === 'number'
                    ? `= ${humanSeconds(f.sessionTimeout)} (60 s to 20 days)`
                    : 'Idle time before the server closes a session; new sessions only'
                }
              />
              <Checkbox
                label="Cluster default idle timeout"
                checked={f.sessionTimeoutDefault}
                onChange={(e) => set('sessionTimeoutDefault', e.currentTarget.checked)}
              />
            </Stack>
          )}
        </SimpleGrid>
      </Section>

      <Section title="Session defaults">
        <SessionDefaultsField
          engine={engine}
          value={f.sessionDefaults}
          onChange={(rows) => set('sessionDefaults', rows)}
          errors={errors.sessionDefaultRows?.map((x, i) => (showErrors || f.sessionDefaults[i]?.name ? x : undefined))}
        />
      </Section>

      <Section title="Password expiry">
        <Checkbox label="Password never expires" checked={f.validNever} onChange={(e) => set('validNever', e.currentTarget.checked)} />
        {!f.validNever && (
          <Stack gap={6}>
            <Group gap="sm" align="flex-start" wrap="nowrap">
              <TextInput
                type="date"
                label="Valid until"
                value={f.validDate}
                onChange={(e) => set('validDate', e.currentTarget.value)}
                error={err('validDate') ?? (f.validDate ? errors.validDate : undefined)}
                style={{ flex: 1 }}
              />
              <TextInput
                type="time"
                label="Time (optional)"
                value={f.validTime}
                onChange={(e) => set('validTime', e.currentTarget.value)}
                w={140}
              />
            </Group>
            <Group gap={6}>
              <Text size="xs" c="dimmed">
                Quick:
              </Text>
              {[1, 30, 90, 365].map((n) => (
                <Button key={n} size="compact-xs" variant="light" onClick={() => setF((cur) => ({ ...cur, validDate: inDays(n), validTime: '' }))}>
                  {n === 1 ? 'tomorrow' : `+${n} days`}
                </Button>
              ))}
            </Group>
            <Text size="xs" c="dimmed">
              After this moment the password no longer works (the user stays). {editing ? 'To expire it soon, pick tomorrow.' : ''}
            </Text>
          </Stack>
        )}
      </Section>

      {!editing && (
        <Section title="Membership">
          {caps.groups && (
            <MultiSelect
              size="xs"
              label="In groups"
              data={groupOptions}
              value={f.groups}
              onChange={(v) => set('groups', v)}
              searchable
              clearable
              placeholder={groupOptions.length ? 'Pick groups' : 'No groups'}
              nothingFoundMessage="No such group"
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <MultiSelect
            size="xs"
            label={rs ? 'Granted roles' : 'Member of roles (IN ROLE)'}
            data={roleOptions}
            value={f.roles}
            onChange={(v) => set('roles', v)}
            searchable
            clearable
            placeholder="Pick roles"
            nothingFoundMessage="No such role"
            comboboxProps={{ withinPortal: true }}
          />
        </Section>
      )}
    </EditorModal>
  );
}
