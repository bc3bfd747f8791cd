import { Input, NumberInput, SegmentedControl, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { AuthMethod, AuthSettings } from '../../api';
import { optionValue } from '../../components/options';
import { AUTH_METHODS, parseGroups, parseRedshiftHost, withMethod } from './auth';

interface Props {
  host: string;
  auth: AuthSettings | undefined;
  error?: string;
  onChange: (auth: AuthSettings | undefined) => void;
}

/**
 * The authentication choice of a Redshift profile and, for IAM, its settings.
 * Empty region, cluster and workgroup fields take what the host name says
 * (shown as placeholders); the backend fills them the same way on save.
 */
export function AuthFields({ host, auth, error, onChange }: Props) {
  const method: AuthMethod = auth?.method === 'iam' || auth?.method === 'iam-serverless' ? auth.method : 'password';
  const facts = parseRedshiftHost(host);
  const [groupsText, setGroupsText] = useState(() => (auth?.dbGroups ?? []).join(', '));
  const patch = (p: Partial<AuthSettings>) => onChange({ ...(auth ?? { method }), ...p });

  return (
    <Stack gap={8}>
      <Input.Wrapper label="Sign in with" labelElement="div" error={error}>
        <SegmentedControl
          fullWidth
          mt={2}
          aria-label="Authentication"
          value={method}
          onChange={(v) => {
            const m = optionValue(AUTH_METHODS, v);
            if (m) onChange(withMethod(auth, m));
          }}
          data={AUTH_METHODS}
        />
      </Input.Wrapper>
      {method === 'password' ? (
        <Text size="xs" c="dimmed">
          A database user and its password, saved in the OS keychain when one is available.
        </Text>
      ) : (
        <>
          <SimpleGrid cols={3} spacing="sm" verticalSpacing={8}>
            <TextInput
              label="AWS profile"
              placeholder="default"
              description="From ~/.aws/config"
              value={auth?.awsProfile ?? ''}
              onChange={(e) => patch({ awsProfile: e.currentTarget.value })}
              spellCheck={false}
            />
            <TextInput
              label="Region"
              placeholder={facts?.region ?? 'us-east-1'}
              description={facts ? 'Empty: from the host name' : 'Required'}
              value={auth?.region ?? ''}
              onChange={(e) => patch({ region: e.currentTarget.value })}
              spellCheck={false}
            />
            {method === 'iam' ? (
              <TextInput
                label="Cluster identifier"
                placeholder={facts?.clusterId ?? 'my-cluster'}
                description={facts?.clusterId ? 'Empty: from the host name' : 'Required'}
                value={auth?.clusterId ?? ''}
                onChange={(e) => patch({ clusterId: e.currentTarget.value })}
                spellCheck={false}
              />
            ) : (
              <TextInput
                label="Workgroup"
                placeholder={facts?.workgroup ?? 'default-workgroup'}
                description={facts?.workgroup ? 'Empty: from the host name' : 'Required'}
                value={auth?.workgroup ?? ''}
                onChange={(e) => patch({ workgroup: e.currentTarget.value })}
                spellCheck={false}
              />
            )}
          </SimpleGrid>
          {method === 'iam' && (
            <Switch
              label="Database user from the IAM identity"
              description="GetClusterCredentialsWithIAM: signs in as IAM:name or IAMR:role, no database user to choose."
              checked={!!auth?.withIam}
              onChange={(e) => patch({ withIam: e.currentTarget.checked })}
            />
          )}
          <SimpleGrid cols={3} spacing="sm" verticalSpacing={8}>
            {method === 'iam' && !auth?.withIam && (
              <>
                <TextInput
                  label="Join groups"
                  placeholder="none"
                  description="DbGroups, comma-separated"
                  value={groupsText}
                  onChange={(e) => {
                    setGroupsText(e.currentTarget.value);
                    const groups = parseGroups(e.currentTarget.value);
                    patch({ dbGroups: groups.length ? groups : undefined });
                  }}
                  spellCheck={false}
                />
                <Switch
                  mt={26}
                  label="Auto-create user"
                  checked={!!auth?.autoCreate}
                  onChange={(e) => patch({ autoCreate: e.currentTarget.checked })}
                />
              </>
            )}
            <NumberInput
              label="Credential lifetime"
              suffix=" s"
              placeholder="900"
              description="900–3600, renewed before it ends"
              min={900}
              max={3600}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              value={auth?.durationSec || ''}
              onChange={(v) => patch({ durationSec: typeof v === 'number' ? v : undefined })}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            The app asks AWS for a temporary database password with your AWS profile (keys, role, credential_process or
            IAM Identity Center) each time it opens a connection. Nothing secret is stored. The identity needs{' '}
            <b>{method === 'iam' ? (auth?.withIam ? 'redshift:GetClusterCredentialsWithIAM' : 'redshift:GetClusterCredentials') : 'redshift-serverless:GetCredentials'}</b>.
          </Text>
        </>
      )}
    </Stack>
  );
}
