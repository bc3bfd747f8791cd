import { Group, NumberInput, PasswordInput, SegmentedControl, Input, SimpleGrid, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { SSHAuth, SSHTunnel } from '../../api';
import { optionValue } from '../../components/options';
import { FilePathInput } from './FilePathInput';
import { formatHops, parseHops } from './sshHops';
import { LIMITS } from './validate';

interface Props {
  value: SSHTunnel | undefined;
  /** undefined turns the tunnel off. */
  onChange: (t: SSHTunnel | undefined) => void;
  /** The passphrase or password typed in this form ("" keeps the saved one). */
  secret: string;
  onSecret: (s: string) => void;
  /** The saved profile had a tunnel with this auth: its secret may be saved. */
  savedAuth?: SSHAuth;
  keychainAvailable: boolean;
  onBrowse: () => Promise<string>;
  onError: (e: unknown) => void;
}

const NEW_TUNNEL: SSHTunnel = { host: '', port: 22, user: '', auth: 'key', keyFile: '' };

/** The "SSH tunnel" part of the profile form: off unless switched on. */
const SSH_AUTHS: { value: SSHAuth; label: string }[] = [
  { value: 'key', label: 'Key file' },
  { value: 'agent', label: 'SSH agent' },
  { value: 'password', label: 'Password' },
];

export function SshSection({ value, onChange, secret, onSecret, savedAuth, keychainAvailable, onBrowse, onError }: Props) {
  const [hopsText, setHopsText] = useState(() => formatHops(value?.jumpHosts ?? undefined));
  const on = !!value;
  const t = value ?? NEW_TUNNEL;
  const set = (patch: Partial<SSHTunnel>) => onChange({ ...t, ...patch });

  const secretLabel = t.auth === 'password' ? 'SSH password' : 'Key passphrase';
  const keepsSaved = savedAuth === t.auth && t.auth !== 'agent';
  const secretHelp = !keychainAvailable
    ? 'No OS keychain here: it cannot be saved'
    : keepsSaved
      ? 'Empty keeps the saved one, if any; kept in the OS keychain'
      : t.auth === 'password'
        ? 'Saved in the OS keychain'
        : 'Only for an encrypted key; saved in the OS keychain';

  return (
    <>
      <Switch
        label="Connect through an SSH tunnel"
        description="For private clusters behind a bastion; SSH server keys are always verified."
        checked={on}
        onChange={(e) => onChange(e.currentTarget.checked ? { ...NEW_TUNNEL } : undefined)}
      />
      {on && (
        <>
          <Group gap="sm" align="flex-start" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label="SSH host"
              required
              placeholder="bastion.example.com"
              value={t.host}
              maxLength={LIMITS.hostMaxBytes}
              onChange={(e) => set({ host: e.currentTarget.value })}
              spellCheck={false}
            />
            <NumberInput
              w={90}
              label="SSH port"
              min={1}
              max={65535}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              thousandSeparator={false}
              hideControls
              value={t.port}
              onChange={(v) => set({ port: typeof v === 'number' ? v : Number(v) })}
            />
            <TextInput
              w={150}
              label="SSH user"
              required
              autoComplete="off"
              value={t.user}
              onChange={(e) => set({ user: e.currentTarget.value })}
              spellCheck={false}
            />
          </Group>
          <Input.Wrapper label="SSH authentication" labelElement="div">
            <SegmentedControl
              fullWidth
              mt={2}
              aria-label="SSH authentication"
              value={t.auth}
              onChange={(v) => {
                const auth = optionValue(SSH_AUTHS, v);
                if (auth) set({ auth });
              }}
              data={SSH_AUTHS}
            />
          </Input.Wrapper>
          {t.auth === 'agent' ? (
            <Text size="xs" c="dimmed">
              Uses the keys of the running SSH agent (SSH_AUTH_SOCK). Nothing is saved.
            </Text>
          ) : (
            <SimpleGrid cols={t.auth === 'key' ? 2 : 1} spacing="sm" verticalSpacing={8}>
              {t.auth === 'key' && (
                <FilePathInput
                  label="Private key file"
                  required
                  placeholder="~/.ssh/id_ed25519"
                  value={t.keyFile ?? ''}
                  onChange={(keyFile) => set({ keyFile })}
                  onBrowse={onBrowse}
                  onBrowseError={onError}
                  what="key file"
                  browseLabel="Browse for the SSH key file"
                />
              )}
              <PasswordInput
                visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the SSH secret' }}
                label={secretLabel}
                autoComplete="new-password"
                value={secret}
                maxLength={LIMITS.passwordMaxBytes}
                onChange={(e) => onSecret(e.currentTarget.value)}
                description={secretHelp}
              />
            </SimpleGrid>
          )}
          <TextInput
            label="Jump hosts"
            placeholder="user@jump1.example.com:22, jump2.example.com"
            description="Optional, in order, as ssh -J takes them; they use the same authentication."
            value={hopsText}
            onChange={(e) => {
              setHopsText(e.currentTarget.value);
              set({ jumpHosts: parseHops(e.currentTarget.value) });
            }}
            spellCheck={false}
          />
        </>
      )}
    </>
  );
}
