// The canvas every graph view shares: xyflow over a finished layout, fitted
// once per layout, with a background, zoom controls and, past 30 nodes, a
// minimap.
import { useComputedColorScheme } from '@mantine/core';
import { Background, Controls, MiniMap, ReactFlow, useReactFlow, type Edge, type FitViewOptions, type Node, type ReactFlowProps } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect } from 'react';

type GraphFlowProps<N extends Node> = Omit<ReactFlowProps<N, Edge>, 'nodes' | 'edges' | 'aria-label'> & {
  nodes: N[];
  edges: Edge[];
  label: string;
  /** Changes when a new layout is placed: the view fits to it then, not on every highlight. */
  layout: unknown;
  fit: Pick<FitViewOptions, 'padding' | 'maxZoom'>;
  miniMapColor: (n: N) => string;
};

export function GraphFlow<N extends Node>({ nodes, edges, label, layout, fit, miniMapColor, ...rest }: GraphFlowProps<N>) {
  const scheme = useComputedColorScheme('light');
  const flow = useReactFlow();
  useEffect(() => {
    requestAnimationFrame(() => void flow.fitView({ ...fit, duration: 0 }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- fit once per layout
  }, [layout, flow]);
  return (
    <ReactFlow<N, Edge>
      nodes={nodes}
      edges={edges}
      colorMode={scheme}
      minZoom={0.05}
      nodesConnectable={false}
      proOptions={{ hideAttribution: true }}
      aria-label={label}
      {...rest}
    >
      <Background gap={24} />
      <Controls showInteractive={false} />
      {nodes.length > 30 && <MiniMap<N> pannable zoomable nodeStrokeWidth={3} nodeColor={miniMapColor} />}
    </ReactFlow>
  );
}
