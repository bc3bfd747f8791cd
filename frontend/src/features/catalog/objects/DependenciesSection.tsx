import { Anchor, Box, Center, Group, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconArrowsSplit2 } from '@tabler/icons-react';
import { Suspense, lazy, useMemo } from 'react';
import { dependsApi, type DependencyNode, type DependencyRel } from '../../../api/depends';
import { ObjectIcon } from '../icons';
import { RELATION_LABEL } from '../format';
import { EmptyHint, ErrorPane, PaneLoader, Section } from '../parts';
import { openObject, useCatalogQuery, useSessionUI } from '../store';

// The graph (xyflow and ELK) loads when a dependency graph is first shown.
const DependencyGraphView = lazy(() => import('../../graph/DependencyGraphView'));

const nodeKey = (r: { schema: string; name: string }) => `${r.schema}\u001f${r.name}`;

function readers(n: DependencyNode | undefined): string {
  if (!n) return '';
  if (n.public) return 'everyone (PUBLIC) can read it';
  return `${n.readers} can read it`;
}

function RelList({
  sessionId,
  title,
  rels,
  nodes,
  empty,
}: {
  sessionId: string;
  title: string;
  rels: DependencyRel[];
  nodes: Map<string, DependencyNode>;
  empty: string;
}) {
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
        rels.map((r) => {
          const n = nodes.get(nodeKey(r));
          const kind = n?.kind ?? 'table';
          return (
            <Group key={nodeKey(r)} gap={6} wrap="nowrap" role="listitem">
              <ObjectIcon kind={kind} />
              <Anchor size="sm" component="button" style={{ whiteSpace: 'nowrap', flexShrink: 0 }} onClick={() => openObject(sessionId, { kind: 'table', schema: r.schema, name: r.name })}>
                {r.schema}.{r.name}
              </Anchor>
              <Text size="xs" c="dimmed" truncate="end" style={{ minWidth: 0 }}>
                {[RELATION_LABEL[kind]?.toLowerCase(), n?.owner && `owner ${n.owner}`, readers(n), n?.securityInvoker && 'security_invoker'].filter(Boolean).join(' · ')}
              </Text>
            </Group>
          );
        })
      )}
    </Stack>
  );
}

/**
 * What a change of grants means through views, in one sentence (PostgreSQL
 * rewrites a view with its owner's privileges; Redshift's CREATE VIEW page
 * says the same of late-binding views: the reader needs SELECT on the view,
 * its owner on what it reads).
 */
export const VIEW_ACCESS_NOTE =
  'A view reads what it is built on with its owner’s privileges (Redshift late-binding views too): revoking the base table from a reader does not take away what they read through a view, but revoking it from a view’s owner breaks that view for all its readers; only security_invoker views (PostgreSQL 15+) check each reader.';

/** Views built on a relation (who loses access when its grants change) and what it is built from, as a graph or a list. */
export function DependenciesSection({ sessionId, schema, relation }: { sessionId: string; schema: string; relation: string }) {
  const q = useCatalogQuery(sessionId, `depends:${schema}\u001f${relation}`, () => dependsApi.around(sessionId, schema, relation));
  const [view, setView] = useSessionUI<string>(sessionId, 'depends.view', 'graph');
  const nodes = useMemo(() => new Map((q.data?.nodes ?? []).map((n) => [nodeKey(n), n])), [q.data]);
  const g = q.data?.graph;
  const count = g ? g.upstream.length + g.downstream.length : undefined;
  const root = g ? nodes.get(nodeKey(g.root)) : undefined;
  return (
    <Section
      title="Dependencies"
      icon={<IconArrowsSplit2 size={15} />}
      count={count}
      help="Read from the server when you open the object; who can read each relation comes from the loaded catalog. Late-binding views record no dependencies."
      tools={
        !!count && (
          <SegmentedControl
            size="xs"
            aria-label="Show dependencies as"
            value={view}
            onChange={setView}
            data={[
              { value: 'graph', label: 'Graph' },
              { value: 'list', label: 'List' },
            ]}
          />
        )
      }
    >
      {q.error ? (
        <ErrorPane error={q.error} onRetry={q.reload} />
      ) : !q.data || !g ? (
        <PaneLoader label="Reading dependencies…" />
      ) : count === 0 ? (
        <EmptyHint title="No views are built on it, and it reads no other relation" compact />
      ) : (
        <Stack gap="xs" p="md" pt="xs">
          <Text size="xs" c="dimmed" maw={900}>
            {root && <>This {RELATION_LABEL[root.kind]?.toLowerCase() ?? 'relation'}: {readers(root)} (Who can access lists them). </>}
            {VIEW_ACCESS_NOTE}
          </Text>
          {view === 'graph' ? (
            <Box h={Math.min(520, Math.max(230, 60 * Math.max(g.upstream.length, g.downstream.length) + 110))} style={{ border: '1px solid var(--app-border)', borderRadius: 4 }}>
              <Suspense
                fallback={
                  <Center h="100%">
                    <Loader size="sm" />
                  </Center>
                }
              >
                <DependencyGraphView sessionId={sessionId} graph={q.data} />
              </Suspense>
            </Box>
          ) : (
            <Stack gap="md">
              <RelList sessionId={sessionId} title="Built on it" rels={g.downstream} nodes={nodes} empty="No views read it." />
              <RelList sessionId={sessionId} title="Built from" rels={g.upstream} nodes={nodes} empty="It reads no other relation." />
            </Stack>
          )}
        </Stack>
      )}
    </Section>
  );
}
