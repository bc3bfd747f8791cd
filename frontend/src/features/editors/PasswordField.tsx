import { ActionIcon, Box, CopyButton, Group, List, PasswordInput, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCircleDashed, IconCopy, IconWand, IconX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { generatePassword, passwordRules, passwordStrength } from './password';
import type { Engine } from './env';

const STRENGTH = [
  { label: 'Too weak', color: 'red' },
  { label: 'Weak', color: 'red' },
  { label: 'Fair', color: 'orange' },
  { label: 'Good', color: 'teal' },
  { label: 'Strong', color: 'teal' },
];

interface Props {
  engine: Engine;
  value: string;
  onChange: (v: string) => void;
  label?: string;
  description?: string;
  error?: string;
  autoFocus?: boolean;
}

/**
 * A password input with the engine's rules as a live checklist and a
 * strength bar. The value lives in the dialog's state only until queued.
 */
export function PasswordField({ engine, value, onChange, label = 'Password', description, error, autoFocus }: Props) {
  const rules = useMemo(() => passwordRules(value, engine), [value, engine]);
  const strength = passwordStrength(value);
  const [visible, setVisible] = useState(false);
  const touched = value.length > 0;
  return (
    <Stack gap={6}>
      <PasswordInput
        label={label}
        description={description}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={touched ? error : undefined}
        autoComplete="new-password"
        autoFocus={autoFocus}
        visible={visible}
        onVisibilityChange={setVisible}
        data-testid="password-input"
      />
      <Group gap="xs" wrap="nowrap" align="center">
        <Progress value={(strength / 4) * 100} color={STRENGTH[strength].color} size={4} style={{ flex: 1 }} aria-label="Password strength" />
        <Text size="xs" c="dimmed" w={52} ta="right">
          {touched ? STRENGTH[strength].label : ''}
        </Text>
        <Tooltip label="Fill in a random password that meets the rules">
          <ActionIcon
            size="sm"
            variant="subtle"
            aria-label="Generate a password"
            onClick={() => {
              onChange(generatePassword());
              setVisible(true);
            }}
          >
            <IconWand size={14} />
          </ActionIcon>
        </Tooltip>
        {/* A generated password is seen once: copy it before it is queued. */}
        <CopyButton value={value} timeout={1500}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : 'Copy the password to the clipboard'}>
              <ActionIcon size="sm" variant="subtle" color={copied ? 'teal' : undefined} aria-label="Copy the password" disabled={!value} onClick={copy}>
                {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
      <Box>
        <Text size="xs" c="dimmed" mb={2}>
          {engine === 'redshift' ? 'Redshift requires:' : 'PostgreSQL requires:'}
        </Text>
        <List size="xs" spacing={1} center aria-label="Password rules" styles={{ itemWrapper: { alignItems: 'center' } }}>
          {rules.map((r) => (
            <List.Item
              key={r.id}
              data-ok={r.ok}
              icon={
                !touched ? (
                  <IconCircleDashed size={13} color="var(--mantine-color-dimmed)" />
                ) : r.ok ? (
                  <IconCheck size={13} color="var(--mantine-color-teal-6)" />
                ) : (
                  <IconX size={13} color="var(--mantine-color-red-6)" />
                )
              }
            >
              <Text size="xs" c={!touched ? 'dimmed' : r.ok ? undefined : 'red'}>
                {r.label}
              </Text>
            </List.Item>
          ))}
        </List>
      </Box>
    </Stack>
  );
}
