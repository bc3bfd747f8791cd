import { ColorSwatch, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconCalendarTime } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { catalogApi, type DefaultObjectType, type PrincipalRef, type SessionInfo } from '../../../api';
import { futureApi } from '../../../api/future';
import { defaultTypes } from '../../editors/vocabulary';
import { EmptyHint, ErrorPane, PaneLoader, PrincipalLink, PrivilegeBadge, Section } from '../parts';
import { useCatalog, useCatalogQuery } from '../store';

const SOURCE_COLOR: Record<string, string> = {
  owner: 'gray',
  builtin: 'gray',
  default_database: 'blue',
  default_schema: 'blue',
  scoped_schema: 'grape',
  scoped_database: 'grape',
};

/**
 * "What will a table created by U in this schema get, and for whom?" —
 * ownership, built-in grants, U's default privileges and (Redshift) the
 * scoped permissions that cover objects anyone creates.
 */
export function FutureObjectsSection({ session, schema }: { session: SessionInfo; schema: string }) {
  const { summary } = useCatalog(session.id);
  const types = summary ? defaultTypes(summary.vocabulary) : [];
  const users = useCatalogQuery(session.id, 'users', () => catalogApi.users(session.id));
  const roles = useCatalogQuery(session.id, 'roles', () => catalogApi.roles(session.id));
  const creators = useMemo(() => {
    const out: { value: string; label: string; ref: PrincipalRef }[] = [];
    for (const u of users.data ?? []) out.push({ value: `user:${u.name}`, label: `${u.name} (user)`, ref: { kind: 'user', name: u.name } });
    if (summary?.engine === 'postgres') for (const r of roles.data ?? []) if (!r.system) out.push({ value: `role:${r.name}`, label: `${r.name} (role)`, ref: { kind: 'role', name: r.name } });
    return out;
  }, [users.data, roles.data, summary?.engine]);
  const [creatorKey, setCreatorKey] = useState<string | null>(null);
  const [picked, setType] = useState<DefaultObjectType | null>(null);
  const type = picked ?? types[0] ?? 'tables';
  const creator = creators.find((c) => c.value === creatorKey)?.ref ?? null;
  const q = useCatalogQuery(session.id, creator ? `future:${schema}\u001f${creatorKey}\u001f${type}` : null, () => futureApi.simulate(session.id, creator!, schema, type));
  return (
    <Section
      title="Objects created later"
      icon={<IconCalendarTime size={15} />}
      help="Who gets what on an object created tomorrow in this schema: its creator owns it, default privileges the creator set add grants, Redshift scoped permissions cover objects anyone creates. Members of each grantee get the same."
    >
      <Stack gap="sm" p="md">
        <Group gap="sm">
          <Select
            size="xs"
            w={280}
            label="Created by"
            placeholder="Choose who creates it…"
            data={creators}
            value={creatorKey}
            onChange={setCreatorKey}
            searchable
            limit={100}
          />
          <Select size="xs" w={160} label="A new" data={types.map((t) => ({ value: t, label: t.replace(/s$/, '') }))} value={type} onChange={(v) => v && setType(v as DefaultObjectType)} allowDeselect={false} />
        </Group>
        {!creator ? (
          <Text size="xs" c="dimmed">
            Choose a creator to see what a new object gets.
          </Text>
        ) : q.error ? (
          <ErrorPane error={q.error} onRetry={q.reload} />
        ) : !q.data ? (
          <PaneLoader />
        ) : q.data.entries.length === 0 ? (
          <EmptyHint title="Nobody but superusers could use it" compact />
        ) : (
          <Table verticalSpacing={5} fz="sm" aria-label="What a new object gets">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Grantee</Table.Th>
                <Table.Th>Privileges</Table.Th>
                <Table.Th>Because</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.entries.map((e) => (
                <Table.Tr key={`${e.grantee.kind}:${e.grantee.name}`}>
                  <Table.Td>
                    <PrincipalLink principal={e.grantee} size="sm" />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {e.privileges.map((p) => (
                        <PrivilegeBadge key={p} privilege={p} grantOption={e.grantOption.includes(p)} />
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {e.sources.map((s) => (
                        <Group key={s.kind + s.text} gap={6} wrap="nowrap" align="flex-start">
                          <ColorSwatch color={`var(--mantine-color-${SOURCE_COLOR[s.kind] ?? 'gray'}-5)`} size={8} mt={5} withShadow={false} />
                          <Text size="xs">{s.text}</Text>
                        </Group>
                      ))}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {q.data?.notes.map((n) => (
          <Text key={n} size="xs" c="dimmed">
            {n}
          </Text>
        ))}
      </Stack>
    </Section>
  );
}
