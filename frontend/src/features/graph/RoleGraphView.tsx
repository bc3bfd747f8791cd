import { ActionIcon, Alert, Badge, Button, Center, Group, Loader, Paper, Select, Stack, Switch, Text, Tooltip } from '@mantine/core';
import { IconFocusCentered, IconHierarchy2, IconX } from '@tabler/icons-react';
import { Handle, MarkerType, Position, ReactFlowProvider, type Edge, type Node, type NodeProps } from '@xyflow/react';
import { useMemo } from 'react';
import type { PrincipalRef } from '../../api';
import { roleGraphApi, type RoleGraph, type RoleGraphNode } from '../../api/rolegraph';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PrincipalIcon } from '../catalog/icons';
import { openPrincipal, useCatalogQuery, useSessionUI } from '../catalog/store';
import { NODE_HEIGHT, layoutGraph, nodeId, nodeWidth, pathParts, withoutSystem, type Placed } from './layout';
import { GRAPH_FOCUS, GRAPH_PATH } from './navigation';
import { useLayout } from './useLayout';
import { GraphFlow } from './Flow';
import { PaneLoader } from '../catalog/parts';
import classes from './graph.module.css';

type PrincipalNodeData = { node: RoleGraphNode; width: number; onPath: boolean; dimmed: boolean };
type PrincipalFlowNode = Node<PrincipalNodeData, 'principal'>;

const KIND_COLOR: Record<string, string> = { user: 'blue', role: 'teal', group: 'orange', public: 'gray' };

function PrincipalNode({ data }: NodeProps<PrincipalFlowNode>) {
  const { node, width, onPath, dimmed } = data;
  const kind = node.ref.kind;
  return (
    <div
      className={classes.node}
      data-focus={node.focus || undefined}
      data-path={onPath || undefined}
      data-dimmed={dimmed || undefined}
      style={{ width, height: NODE_HEIGHT, borderColor: `var(--mantine-color-${KIND_COLOR[kind]}-6)` }}
      title={`${kind} ${node.ref.name}${node.superuser ? ' (superuser)' : ''}${node.users ? `: ${node.users} users are direct members` : ''}`}
    >
      <Handle type="target" position={Position.Top} className={classes.handle} />
      <PrincipalIcon kind={kind} size={16} color={`var(--mantine-color-${KIND_COLOR[kind]}-6)`} />
      <span className={classes.name}>{node.ref.name}</span>
      {node.superuser && (
        <Badge size="xs" color="grape" variant="filled">
          su
        </Badge>
      )}
      {!!node.users && (
        <Badge size="xs" variant="light" color="gray" leftSection={<PrincipalIcon kind="user" size={10} />}>
          {node.users}
        </Badge>
      )}
      <Handle type="source" position={Position.Bottom} className={classes.handle} />
    </div>
  );
}

const nodeTypes = { principal: PrincipalNode };

function toFlow(g: RoleGraph, pos: Map<string, Placed>, path: PrincipalRef[]): { nodes: PrincipalFlowNode[]; edges: Edge[] } {
  const on = pathParts(path);
  const highlighting = path.length > 0;
  const nodes: PrincipalFlowNode[] = g.nodes.map((n) => {
    const id = nodeId(n.ref);
    const p = pos.get(id);
    return {
      id,
      type: 'principal',
      position: { x: p?.x ?? 0, y: p?.y ?? 0 },
      data: { node: n, width: p?.width || nodeWidth(n), onPath: on.nodes.has(id), dimmed: highlighting && !on.nodes.has(id) },
      draggable: true,
      connectable: false,
    };
  });
  const edges: Edge[] = g.edges.map((e) => {
    const id = `${nodeId(e.member)}>${nodeId(e.of)}`;
    const lit = on.edges.has(id);
    return {
      id,
      // Member below, role above: the edge leaves the member's top and enters the role's bottom.
      source: nodeId(e.of),
      target: nodeId(e.member),
      label: [e.adminOption ? 'admin' : '', e.noInherit ? 'no inherit' : ''].filter(Boolean).join(' · ') || undefined,
      markerStart: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
      className: classes.edge,
      style: {
        strokeDasharray: e.noInherit ? '5 4' : undefined,
        strokeWidth: lit ? 3 : 1.4,
        stroke: lit ? 'var(--mantine-primary-color-filled)' : undefined,
        opacity: highlighting && !lit ? 0.35 : 1,
      },
      labelStyle: { fontSize: 10 },
    };
  });
  return { nodes, edges };
}

function Legend() {
  return (
    <Paper withBorder p={6} radius="sm" className={classes.legend}>
      <Group gap="sm">
        {(['user', 'role', 'group'] as const).map((k) => (
          <Group key={k} gap={4}>
            <PrincipalIcon kind={k} size={13} color={`var(--mantine-color-${KIND_COLOR[k]}-6)`} />
            <Text size="xs">{k}</Text>
          </Group>
        ))}
        <Text size="xs" c="dimmed">
          arrow: member → role · dashed: does not inherit (SET ROLE first)
        </Text>
      </Group>
    </Paper>
  );
}

function GraphCanvas({ g, path, onFocus }: { g: RoleGraph; path: PrincipalRef[]; onFocus: (r: PrincipalRef) => void }) {
  const laidOut = useLayout(g, layoutGraph);
  const { nodes, edges } = useMemo(() => (laidOut ? toFlow(g, laidOut, path) : { nodes: [], edges: [] }), [g, laidOut, path]);
  if (!laidOut) return <PaneLoader label={`Laying out ${g.nodes.length} principals…`} />;
  return (
    <GraphFlow<PrincipalFlowNode>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      label="Role hierarchy"
      layout={laidOut}
      fit={{ padding: 0.15, maxZoom: 1.2 }}
      onNodeClick={(_, n) => onFocus(n.data.node.ref)}
      miniMapColor={(n) => `var(--mantine-color-${KIND_COLOR[n.data.node.ref.kind]}-5)`}
    />
  );
}

/** The role hierarchy: every role and group, or everything around one principal. */
export default function RoleGraphView({ sessionId }: { sessionId: string }) {
  const [focus, setFocus] = useSessionUI<PrincipalRef | null>(sessionId, GRAPH_FOCUS, null);
  const [path, setPath] = useSessionUI<PrincipalRef[]>(sessionId, GRAPH_PATH, []);
  const [showSystem, setShowSystem] = useSessionUI<boolean>(sessionId, 'graph.system', false);
  const key = focus ? `graph:${nodeId(focus)}` : 'graph:whole';
  const q = useCatalogQuery(sessionId, key, () => (focus ? roleGraphApi.around(sessionId, focus) : roleGraphApi.whole(sessionId)));
  const whole = useCatalogQuery(sessionId, 'graph:whole', () => roleGraphApi.whole(sessionId));
  const choices = useMemo(
    () =>
      (whole.data?.nodes ?? []).map((n) => ({ value: nodeId(n.ref), label: `${n.ref.name} (${n.ref.kind})` })),
    [whole.data],
  );
  const shown = useMemo(() => (q.data && !showSystem ? withoutSystem(q.data) : q.data), [q.data, showSystem]);
  const systemCount = useMemo(() => (q.data?.nodes ?? []).filter((n) => n.system && !n.focus).length, [q.data]);
  const pick = (r: PrincipalRef | null) => {
    setPath([]);
    setFocus(r);
  };
  return (
    <Stack gap={0} h="100%">
      <Group gap="sm" px="md" py={8} className={classes.toolbar} wrap="nowrap">
        <IconHierarchy2 size={18} stroke={1.7} aria-hidden />
        <Text fw={600} size="sm">
          {focus ? (
            <>
              Around {focus.kind} <code>{focus.name}</code>
            </>
          ) : (
            'Every role and group'
          )}
        </Text>
        {shown && (
          <Text size="xs" c="dimmed">
            {shown.nodes.length} principals · {shown.edges.length} memberships
            {shown.hidden > 0 && ` · ${shown.hidden} more members not drawn`}
          </Text>
        )}
        <div style={{ flex: 1 }} />
        {systemCount > 0 && (
          <Switch size="xs" label={`System roles (${systemCount})`} checked={showSystem} onChange={(e) => setShowSystem(e.currentTarget.checked)} />
        )}
        <Select
          size="xs"
          w={260}
          searchable
          clearable
          placeholder="Focus on a role or group…"
          aria-label="Focus on a principal"
          data={choices}
          value={focus && focus.kind !== 'user' ? nodeId(focus) : null}
          onChange={(v) => {
            const n = whole.data?.nodes.find((x) => nodeId(x.ref) === v);
            pick(n ? n.ref : null);
          }}
          limit={50}
        />
        {focus && (
          <>
            <Button size="xs" variant="light" leftSection={<IconFocusCentered size={14} />} onClick={() => openPrincipal(sessionId, focus)}>
              Open {focus.kind}
            </Button>
            <Tooltip label="Show every role and group">
              <ActionIcon variant="subtle" aria-label="Show every role and group" onClick={() => pick(null)}>
                <IconX size={16} />
              </ActionIcon>
            </Tooltip>
          </>
        )}
      </Group>
      {path.length > 1 && (
        <Alert variant="light" py={6} px="md" radius={0} withCloseButton onClose={() => setPath([])} closeButtonLabel="Stop highlighting">
          <Text size="xs">Highlighted: {path.map((p) => p.name).join(' → ')}</Text>
        </Alert>
      )}
      <div className={classes.canvas}>
        {q.error ? (
          <Center h="100%" p="md">
            <ErrorAlert error={q.error} />
          </Center>
        ) : !shown ? (
          <Center h="100%">
            <Loader size="sm" />
          </Center>
        ) : shown.nodes.length === 0 ? (
          <Center h="100%">
            <Text c="dimmed" size="sm">
              No roles or groups in this database yet.
            </Text>
          </Center>
        ) : (
          <ReactFlowProvider>
            <GraphCanvas g={shown} path={path} onFocus={pick} />
          </ReactFlowProvider>
        )}
        <Legend />
      </div>
    </Stack>
  );
}
