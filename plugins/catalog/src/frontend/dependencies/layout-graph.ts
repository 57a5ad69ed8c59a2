import dagre from '@dagrejs/dagre';

/** A node to place: an id and its box size. */
export interface LayoutNodeInput {
  id: string;
  width: number;
  height: number;
}

/** An edge to route, with an optional label whose box dagre keeps clear. */
export interface LayoutEdgeInput {
  /** Unique among the edges, e.g. for React keys. */
  id: string;
  from: string;
  to: string;
  label?: string;
}

/** A placed node: `x`/`y` are its centre. */
export interface PlacedNode extends LayoutNodeInput {
  x: number;
  y: number;
}

/** A routed edge: the points of its line and where its label goes. */
export interface RoutedEdge extends LayoutEdgeInput {
  points: { x: number; y: number }[];
  labelX?: number;
  labelY?: number;
}

/** A finished layout and its size. */
export interface GraphLayout {
  nodes: PlacedNode[];
  edges: RoutedEdge[];
  width: number;
  height: number;
}

// Roughly the width of the label font per character; dagre only needs a box to keep free.
const labelCharWidth = 6.5;

/**
 * Lays out a directed graph in ranks with dagre: left to right (`LR`) or top to bottom (`TB`).
 *
 * @example
 * layoutGraph([{ id: 'a', width: 180, height: 50 }, { id: 'b', width: 180, height: 50 }], [{ id: 'a-b', from: 'a', to: 'b' }], 'LR');
 */
export function layoutGraph(
  nodes: readonly LayoutNodeInput[],
  edges: readonly LayoutEdgeInput[],
  direction: 'LR' | 'TB',
): GraphLayout {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: direction, nodesep: 28, ranksep: 90, edgesep: 12, marginx: 16, marginy: 16 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) graph.setNode(node.id, { width: node.width, height: node.height });
  edges.forEach((edge, index) => {
    graph.setEdge(
      edge.from,
      edge.to,
      edge.label ? { width: edge.label.length * labelCharWidth, height: 14, labelpos: 'c' } : {},
      `e${index}`,
    );
  });
  dagre.layout(graph);
  const placed = nodes.map((node) => {
    const { x = 0, y = 0 } = graph.node(node.id) ?? {};
    return { ...node, x, y };
  });
  const routed = edges.map((edge, index) => {
    const label = graph.edge({ v: edge.from, w: edge.to, name: `e${index}` }) ?? {};
    return {
      ...edge,
      points: (label.points ?? []).map(({ x, y }: { x: number; y: number }) => ({ x, y })),
      ...(typeof label.x === 'number' && typeof label.y === 'number'
        ? { labelX: label.x, labelY: label.y }
        : {}),
    };
  });
  const { width = 0, height = 0 } = graph.graph();
  return { nodes: placed, edges: routed, width, height };
}
