import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconShieldCheck, IconUsers, IconWorld } from '@tabler/icons-react';
import { Handle, MarkerType, Position, ReactFlowProvider, type Edge, type Node, type NodeProps } from '@xyflow/react';
import { useMemo, type KeyboardEvent } from 'react';
import type { DependencyGraph } from '../../api/depends';
import { ObjectIcon } from '../catalog/icons';
import { openObject } from '../catalog/store';
import { DEP_NODE_HEIGHT, dependencyShape, kindText, layoutDependencies, type DepEdge, type DepNode } from './dependsLayout';
import type { Placed } from './elk';
import { GraphFlow } from './Flow';
import { PaneLoader } from '../catalog/parts';
import { useLayout } from './useLayout';
import classes from './graph.module.css';

type RelFlowNode = Node<{ node: DepNode }, 'relation'>;

export const KIND_COLOR: Record<string, string> = {
  table: 'blue',
  partitioned_table: 'blue',
  external_table: 'cyan',
  foreign_table: 'cyan',
  view: 'teal',
  late_binding_view: 'orange',
  materialized_view: 'grape',
};
const colorOf = (kind: string) => `var(--mantine-color-${KIND_COLOR[kind] ?? 'gray'}-6)`;

function RelationNode({ data }: NodeProps<RelFlowNode>) {
  const n = data.node;
  return (
    <div
      className={`${classes.node} ${classes.relNode}`}
      data-focus={n.side === 'root' || undefined}
      data-side={n.side}
      style={{ width: n.width, height: DEP_NODE_HEIGHT, borderColor: colorOf(n.kind) }}
      title={n.label}
    >
      <Handle type="target" position={Position.Left} className={classes.handle} />
      <Group gap={6} wrap="nowrap">
        <span style={{ color: colorOf(n.kind), display: 'flex' }}>
          <ObjectIcon kind={n.kind} size={15} />
        </span>
        <span className={classes.name}>
          <span className={classes.schema}>{n.schema}.</span>
          {n.name}
        </span>
        {n.securityInvoker && (
          <Badge size="xs" variant="light" color="yellow" leftSection={<IconShieldCheck size={10} />}>
            invoker
          </Badge>
        )}
      </Group>
      <Group gap={6} wrap="nowrap" className={classes.meta}>
        <span>{kindText(n.kind)}</span>
        {n.owner && <span className={classes.name}>· {n.owner}</span>}
        <span className={classes.readers} data-public={n.public || undefined}>
          {n.public ? <IconWorld size={11} aria-hidden /> : <IconUsers size={11} aria-hidden />}
          {n.public ? 'everyone' : n.readers}
        </span>
      </Group>
      <Handle type="source" position={Position.Right} className={classes.handle} />
    </div>
  );
}

const nodeTypes = { relation: RelationNode };

function toFlow(shape: { nodes: DepNode[]; edges: DepEdge[] }, pos: Map<string, Placed>): { nodes: RelFlowNode[]; edges: Edge[] } {
  const nodes: RelFlowNode[] = shape.nodes.map((n) => {
    const p = pos.get(n.id);
    return {
      id: n.id,
      type: 'relation',
      position: { x: p?.x ?? 0, y: p?.y ?? 0 },
      data: { node: n },
      ariaLabel: n.label,
      // A node is a button: Enter or a click opens the relation's page.
      ariaRole: 'button',
      draggable: false,
      connectable: false,
      selectable: false,
    };
  });
  const edges: Edge[] = shape.edges.map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    ariaLabel: e.label,
    markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
    className: classes.edge,
    style: { strokeWidth: 1.4 },
  }));
  return { nodes, edges };
}

function Canvas({ sessionId, g }: { sessionId: string; g: DependencyGraph }) {
  const shape = useMemo(() => dependencyShape(g), [g]);
  const laidOut = useLayout(shape, layoutDependencies);
  const { nodes, edges } = useMemo(() => (laidOut ? toFlow(shape, laidOut) : { nodes: [], edges: [] }), [shape, laidOut]);
  const open = (id: string) => {
    const n = shape.nodes.find((x) => x.id === id);
    if (n && n.side !== 'root') openObject(sessionId, { kind: 'table', schema: n.schema, name: n.name });
  };
  // xyflow makes each node a tab stop and pans to it on focus; Enter or Space opens it.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const id = (e.target as HTMLElement).closest('.react-flow__node')?.getAttribute('data-id');
    if (id) {
      e.preventDefault();
      open(id);
    }
  };
  if (!laidOut) return <PaneLoader label={`Laying out ${shape.nodes.length} relations…`} />;
  return (
    <div style={{ height: '100%' }} onKeyDown={onKeyDown}>
      <GraphFlow<RelFlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        label="Dependency graph"
        layout={laidOut}
        // Clear of the zoom controls at the bottom left.
        fit={{ padding: { top: '20px', bottom: '20px', right: '20px', left: '60px' }, maxZoom: 1 }}
        nodesDraggable={false}
        edgesFocusable={false}
        onNodeClick={(_, n) => open(n.id)}
        miniMapColor={(n) => colorOf(n.data.node.kind)}
      />
    </div>
  );
}

function Legend() {
  return (
    <Group gap="sm" px={8} py={4} className={classes.legendBar}>
      {(['table', 'view', 'materialized_view', 'late_binding_view'] as const).map((k) => (
        <Group key={k} gap={4} wrap="nowrap">
          <span style={{ color: colorOf(k), display: 'flex' }}>
            <ObjectIcon kind={k} size={13} />
          </span>
          <Text size="xs">{kindText(k)}</Text>
        </Group>
      ))}
      <Group gap={4} wrap="nowrap">
        <IconUsers size={12} aria-hidden />
        <Text size="xs">principals that can SELECT it</Text>
      </Group>
      <Text size="xs" c="dimmed">
        arrow: from what a view reads to the view
      </Text>
    </Group>
  );
}

/** The graph around one relation: what it is built from, left; the views built on it, right. */
export default function DependencyGraphView({ sessionId, graph }: { sessionId: string; graph: DependencyGraph }) {
  return (
    <Stack gap={0} h="100%">
      <div className={classes.canvas}>
        <ReactFlowProvider>
          <Canvas sessionId={sessionId} g={graph} />
        </ReactFlowProvider>
      </div>
      <Legend />
    </Stack>
  );
}
