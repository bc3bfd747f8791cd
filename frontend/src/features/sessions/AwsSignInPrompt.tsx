import { Button, Code, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconBrandAws } from '@tabler/icons-react';
import type { ApiError, AWSSignIn, ProfileView } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useOpenedOnce } from '../../components/useOpenedOnce';

interface Props {
  profile: ProfileView | null;
  /** Why signing in is needed (the expired-token error). */
  reason: ApiError | null;
  /** The sign-in in progress: the code to confirm in the browser. */
  signIn: AWSSignIn | null;
  error: ApiError | null;
  busy: boolean;
  onSignIn: () => void;
  onCancel: () => void;
}

/**
 * IAM Identity Center sign-in for an IAM profile whose cached SSO token has
 * expired: the browser opens on AWS's confirmation page, the user checks the
 * code shown here, and the connection is retried once AWS confirms.
 */
export function AwsSignInPrompt({ profile, reason, signIn, error, busy, onSignIn, onCancel }: Props) {
  const awsProfile = profile?.auth?.awsProfile || 'default';
  if (!useOpenedOnce(!!profile)) return null;
  return (
    <Modal
      opened={!!profile}
      onClose={onCancel}
      size={440}
      // Above the connection form when opened from a test there.
      zIndex={300}
      title={
        <Group gap="xs">
          <IconBrandAws size={18} />
          <Text fw={600}>Sign in to AWS</Text>
        </Group>
      }
    >
      {profile && (
        <Stack gap="sm">
          <Text size="sm">
            {reason ? reason.message[0].toUpperCase() + reason.message.slice(1) + '.' : 'The AWS sign-in has expired.'}
          </Text>
          {signIn ? (
            <>
              <Text size="sm">
                Confirm this code on the AWS page that opened in your browser:
              </Text>
              <Code block fz="xl" ta="center" fw={700} aria-label="Sign-in code">
                {signIn.userCode}
              </Code>
              <Text size="xs" c="dimmed">
                No browser window? Open this address yourself:{' '}
                <Code style={{ wordBreak: 'break-all', userSelect: 'all' }}>{signIn.url}</Code>
              </Text>
              <Group gap="xs" role="status">
                <Loader size={14} />
                <Text size="xs" c="dimmed">
                  Waiting for AWS to confirm the sign-in…
                </Text>
              </Group>
            </>
          ) : (
            <Text size="xs" c="dimmed">
              Signs in to IAM Identity Center for AWS profile <b>{awsProfile}</b> in your browser, as{' '}
              <Code>aws sso login</Code> does, then connects.
            </Text>
          )}
          {error && <ErrorAlert error={error} />}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            {!signIn && (
              <Button leftSection={<IconBrandAws size={14} />} loading={busy} onClick={onSignIn}>
                Sign in
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
