import { Alert, Anchor, Text } from '@mantine/core';
import { IconShieldExclamation } from '@tabler/icons-react';
import type { SSLMode } from '../../api';

interface Props {
  sslMode: SSLMode;
  caFile: string;
  onVerifyFull: () => void;
}

/**
 * Says plainly what a TLS setting does not protect against. `require` without a
 * CA file encrypts but accepts any certificate, so whoever sits on the network
 * path can pose as the server and receive the password.
 */
export function TlsNote({ sslMode, caFile, onVerifyFull }: Props) {
  const withCA = caFile.trim() !== '';
  if (sslMode === 'require' && !withCA) {
    return (
      <Alert
        variant="light"
        color="yellow"
        icon={<IconShieldExclamation size={18} />}
        title="The server certificate is not verified"
        p="xs"
        data-testid="tls-note"
      >
        <Text size="xs">
          The connection is encrypted, but any server on the network path could pose as this one and receive the password.{' '}
          {/* inherit the alert's text colour: the link colour is too faint on the dark alert */}
          <Anchor component="button" type="button" size="xs" c="inherit" fw={700} underline="always" onClick={onVerifyFull}>
            Use verify-full
          </Anchor>{' '}
          to check the certificate against the system&apos;s trusted CAs (or a CA file).
        </Text>
      </Alert>
    );
  }
  if (sslMode === 'require' && withCA) {
    return (
      <Text size="xs" c="dimmed" data-testid="tls-note">
        With a CA file, require checks the certificate chain (like verify-ca) but not the host name.
      </Text>
    );
  }
  if (sslMode === 'disable') {
    return (
      <Alert variant="light" color="red" icon={<IconShieldExclamation size={18} />} title="Not encrypted" p="xs" data-testid="tls-note">
        <Text size="xs">
          The password and every query travel in clear text. Use it only for a server on this machine or a fully trusted network.
        </Text>
      </Alert>
    );
  }
  return null;
}
