import { ActionIcon, Autocomplete, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { knownParameters, type SessionDefault } from './sessionDefaults';

/**
 * Session defaults of a user, one row per parameter (ALTER USER/ROLE … SET
 * name TO value; a removed row becomes RESET name). They apply from the
 * user's next login.
 */
export function SessionDefaultsField({
  engine,
  value,
  onChange,
  errors,
}: {
  engine: 'redshift' | 'postgres';
  value: SessionDefault[];
  onChange: (rows: SessionDefault[]) => void;
  errors?: (string | undefined)[];
}) {
  const update = (i: number, patch: Partial<SessionDefault>) => onChange(value.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const options = knownParameters(engine);
  return (
    <Stack gap={6} role="group" aria-label="Session defaults">
      {value.length === 0 && (
        <Text size="xs" c="dimmed">
          No session defaults: the user starts with the {engine === 'redshift' ? 'cluster' : 'server'} settings.
        </Text>
      )}
      {value.map((r, i) => (
        <Group key={i} gap={6} align="flex-start" wrap="nowrap">
          <Autocomplete
            size="xs"
            placeholder="parameter"
            aria-label={`Parameter ${i + 1}`}
            data={options}
            value={r.name}
            onChange={(v) => update(i, { name: v })}
            error={errors?.[i]}
            spellCheck={false}
            style={{ flex: '0 0 220px' }}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            size="xs"
            placeholder={r.name.trim().toLowerCase() === 'search_path' ? 'schema, schema, …' : 'value'}
            aria-label={`Value of ${r.name || `parameter ${i + 1}`}`}
            value={r.value}
            onChange={(e) => update(i, { value: e.currentTarget.value })}
            spellCheck={false}
            style={{ flex: 1 }}
          />
          <ActionIcon variant="subtle" color="red" aria-label={`Remove ${r.name || `parameter ${i + 1}`}`} onClick={() => onChange(value.filter((_, j) => j !== i))} mt={2}>
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
      ))}
      <Group justify="space-between">
        <Button size="compact-xs" variant="light" leftSection={<IconPlus size={12} />} onClick={() => onChange([...value, { name: '', value: '' }])}>
          Add a session default
        </Button>
        <Text size="xs" c="dimmed">
          Applies from the user's next login. Lists such as search_path: comma-separated.
        </Text>
      </Group>
    </Stack>
  );
}
