import { Button, Checkbox, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconDeviceMobile, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import type { ApiError, ProfileView } from '../../api';
import { ColorDot } from '../../components/ColorDot';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Props {
  profile: ProfileView | null;
  reason: ApiError | null;
  error: ApiError | null;
  busy: boolean;
  /** Offer to keep the password in the OS keychain. */
  canRemember: boolean;
  /** What is asked for: the database password (default) or the SSH tunnel's secret. */
  secretLabel?: string;
  onSubmit: (password: string, remember: boolean) => void;
  onCancel: () => void;
  /** "mfa" asks for the code of the MFA device an IAM profile's AWS role needs; it is never remembered. */
  kind?: 'password' | 'mfa';
}

/** Asks for a password, an SSH secret or an MFA code the keychain does not hold; the typed value lives only until submit. */
export function PasswordPrompt({ profile, reason, error, busy, canRemember, secretLabel = 'Password', onSubmit, onCancel, kind = 'password' }: Props) {
  const mfa = kind === 'mfa';
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(true);
  // Forget the typed password once the prompt closes (state adjusted while rendering, not in an effect).
  const [shownFor, setShownFor] = useState(profile);
  if (shownFor !== profile) {
    setShownFor(profile);
    if (!profile) setPassword('');
  }

  return (
    <Modal
      opened={!!profile}
      onClose={onCancel}
      size={420}
      title={
        <Group gap="xs">
          {mfa ? <IconDeviceMobile size={16} /> : <IconLock size={16} />}
          <Text fw={600}>{mfa ? 'MFA code required' : `${secretLabel} required`}</Text>
        </Group>
      }
    >
      {profile && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const pw = password;
            setPassword('');
            onSubmit(pw, !mfa && canRemember && remember);
          }}
        >
          <Stack gap="sm">
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <ColorDot color={profile.color} size={10} />
              <Stack gap={0} style={{ minWidth: 0 }} mt={-4}>
                <Text size="sm" fw={600} truncate>
                  {profile.name}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace" truncate>
                  {profile.user ? `${profile.user}@` : ''}
                  {profile.host}:{profile.port}/{profile.database}
                </Text>
              </Stack>
            </Group>
            {mfa && reason?.message && <Text size="sm">{reason.message[0].toUpperCase() + reason.message.slice(1)}.</Text>}
            {reason?.hint && (
              <Text size="xs" c="dimmed">
                {reason.hint}
              </Text>
            )}
            {mfa ? (
              <TextInput
                label="MFA code"
                data-autofocus
                autoComplete="one-time-code"
                inputMode="numeric"
                maxLength={16}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value.trim())}
                disabled={busy}
              />
            ) : (
              <PasswordInput
                visibilityToggleButtonProps={{ 'aria-label': 'Show or hide what is typed' }}
                label={secretLabel}
                data-autofocus
                autoComplete="off"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                disabled={busy}
              />
            )}
            {canRemember && !mfa && (
              <Checkbox
                size="xs"
                label="Remember in the OS keychain"
                checked={remember}
                onChange={(e) => setRemember(e.currentTarget.checked)}
                disabled={busy}
              />
            )}
            {error && <ErrorAlert error={error} />}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onCancel}>
                Cancel
              </Button>
              <Button type="submit" loading={busy} disabled={!password && !busy}>
                Connect
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
