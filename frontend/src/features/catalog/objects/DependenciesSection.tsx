import { Anchor, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowsSplit2 } from '@tabler/icons-react';
import { dependsApi, type DependencyRel } from '../../../api/depends';
import { ObjectIcon } from '../icons';
import { EmptyHint, ErrorPane, PaneLoader, Section } from '../parts';
import { openObject, useCatalogQuery } from '../store';

const KIND: Record<string, string> = { r: 'table', v: 'view', m: 'materialized_view', p: 'partitioned_table', f: 'foreign_table' };

function RelList({ sessionId, title, rels, empty }: { sessionId: string; title: string; rels: DependencyRel[]; empty: string }) {
  return (
    <Stack gap={4} aria-label={title} role="list">
      <Text size="xs" fw={600} c="dimmed" tt="uppercase">
        {title} ({rels.length})
      </Text>
      {rels.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        rels.map((r) => (
          <Group key={`${r.schema}.${r.name}`} gap={6} wrap="nowrap" role="listitem">
            <ObjectIcon kind={KIND[r.kind] ?? 'table'} />
            <Anchor size="sm" component="button" onClick={() => openObject(sessionId, { kind: 'table', schema: r.schema, name: r.name })}>
              {r.schema}.{r.name}
            </Anchor>
          </Group>
        ))
      )}
    </Stack>
  );
}

/** Views built on a relation (who loses access when its grants change) and what it is built from. */
export function DependenciesSection({ sessionId, schema, relation }: { sessionId: string; schema: string; relation: string }) {
  const q = useCatalogQuery(sessionId, `depends:${schema}\u001f${relation}`, () => dependsApi.around(sessionId, schema, relation));
  return (
    <Section
      title="Dependencies"
      icon={<IconArrowsSplit2 size={15} />}
      count={q.data ? q.data.upstream.length + q.data.downstream.length : undefined}
      help="Read from the server when you open the object. A view reads its tables with its owner's privileges: revoking a table privilege from a reader does not change what the reader sees through a view, while revoking it from the view's owner breaks the view for everyone. Late-binding views record no dependencies."
    >
      {q.error ? (
        <ErrorPane error={q.error} onRetry={q.reload} />
      ) : !q.data ? (
        <PaneLoader label="Reading dependencies…" />
      ) : q.data.upstream.length + q.data.downstream.length === 0 ? (
        <EmptyHint title="No views are built on it, and it reads no other relation" compact />
      ) : (
        <SimpleGrid cols={2} p="md" spacing="lg">
          <RelList sessionId={sessionId} title="Built on it" rels={q.data.downstream} empty="No views read it." />
          <RelList sessionId={sessionId} title="Built from" rels={q.data.upstream} empty="It reads no other relation." />
        </SimpleGrid>
      )}
    </Section>
  );
}
