import { Badge, Center, Group, Loader, Paper, Text, useComputedColorScheme } from '@mantine/core';
import { IconShieldCheck, IconUsers, IconWorld } from '@tabler/icons-react';
import {
  Background,
  Controls,
  Handle,
  MarkerType,
  MiniMap,
  Position,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge,
  type Node,
  type NodeProps,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, type KeyboardEvent } from 'react';
import type { DependencyGraph } from '../../api/depends';
import { ObjectIcon } from '../catalog/icons';
import { openObject } from '../catalog/store';
import { DEP_NODE_HEIGHT, dependencyShape, kindText, layoutDependencies, type DepEdge, type DepNode } from './dependsLayout';
import type { Placed } from './elk';
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
  const scheme = useComputedColorScheme('light');
  const shape = useMemo(() => dependencyShape(g), [g]);
  const laidOut = useLayout(shape, layoutDependencies);
  const flow = useReactFlow();
  const { nodes, edges } = useMemo(() => (laidOut ? toFlow(shape, laidOut) : { nodes: [], edges: [] }), [shape, laidOut]);
  useEffect(() => {
    if (laidOut) requestAnimationFrame(() => void flow.fitView({ padding: 0.12, maxZoom: 1, duration: 0 }));
  }, [laidOut, flow]);
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
  if (!laidOut)
    return (
      <Center h="100%">
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            Laying out {shape.nodes.length} relations…
          </Text>
        </Group>
      </Center>
    );
  return (
    <div style={{ height: '100%' }} onKeyDown={onKeyDown}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        colorMode={scheme}
        minZoom={0.05}
        nodesConnectable={false}
        nodesDraggable={false}
        edgesFocusable={false}
        onNodeClick={(_, n) => open(n.id)}
        proOptions={{ hideAttribution: true }}
        aria-label="Dependency graph"
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
        {nodes.length > 30 && <MiniMap pannable zoomable nodeStrokeWidth={3} nodeColor={(n) => colorOf((n.data as { node: DepNode }).node.kind)} />}
      </ReactFlow>
    </div>
  );
}

function Legend() {
  return (
    <Paper withBorder p={6} radius="sm" className={classes.legend}>
      <Group gap="sm">
        {(['table', 'view', 'materialized_view', 'late_binding_view'] as const).map((k) => (
          <Group key={k} gap={4}>
            <span style={{ color: colorOf(k), display: 'flex' }}>
              <ObjectIcon kind={k} size={13} />
            </span>
            <Text size="xs">{kindText(k)}</Text>
          </Group>
        ))}
        <Group gap={4}>
          <IconUsers size={12} aria-hidden />
          <Text size="xs">principals that can SELECT it</Text>
        </Group>
        <Text size="xs" c="dimmed">
          arrow: read by →
        </Text>
      </Group>
    </Paper>
  );
}

/** The graph around one relation: what it is built from, left; the views built on it, right. */
export default function DependencyGraphView({ sessionId, graph }: { sessionId: string; graph: DependencyGraph }) {
  return (
    <div className={classes.canvas} style={{ height: '100%' }}>
      <ReactFlowProvider>
        <Canvas sessionId={sessionId} g={graph} />
      </ReactFlowProvider>
      <Legend />
    </div>
  );
}
