import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import { type MouseEvent, useId, useMemo, useRef } from 'react';
import { useNavigate } from 'react-router';
import { entityRoute } from '../components/entity-route.js';
import type { EntityGraph } from './entity-graph.js';
import { EdgeArrowMarker, GraphEdge } from './graph-edge.js';
import { GraphNode, graphNodeSize } from './graph-node.js';
import { layoutGraph } from './layout-graph.js';
import { usePanZoom } from './use-pan-zoom.js';
import { ZoomControls } from './zoom-controls.js';

/** Props of {@link RelationGraph}. */
export interface RelationGraphProps {
  graph: EntityGraph;
  direction: 'LR' | 'TB';
  showLabels: boolean;
  /** Names the graph for assistive technology. */
  label: string;
}

const figureSx = {
  m: 0,
  position: 'relative',
  border: 1,
  borderColor: 'divider',
  borderRadius: 1,
  bgcolor: 'background.default',
} as const;

/** Lays the graph out again only when it, the direction or the labels change. */
function useGraphLayout(graph: EntityGraph, direction: RelationGraphProps['direction'], showLabels: boolean) {
  return useMemo(
    () =>
      layoutGraph(
        graph.nodes.map((node) => ({ id: node.ref, ...graphNodeSize })),
        graph.edges.map((edge) => ({
          id: `${edge.from} ${edge.type} ${edge.to}`,
          from: edge.from,
          to: edge.to,
          label: showLabels ? edge.type : undefined,
        })),
        direction,
      ),
    [graph, direction, showLabels],
  );
}

/**
 * Draws an entity graph as SVG, laid out by dagre: nodes are links to entity pages, edges
 * carry their relation type. Drag to pan; ctrl/⌘ + wheel or the buttons to zoom.
 *
 * @example
 * <RelationGraph graph={graph} direction="LR" showLabels label="Relations of petstore" />
 */
export function RelationGraph({ graph, direction, showLabels, label }: RelationGraphProps) {
  const theme = useTheme();
  const navigate = useNavigate();
  const markerId = useId().replace(/:/g, '');
  const svgRef = useRef<SVGSVGElement>(null);
  const panZoom = usePanZoom(svgRef);
  const layout = useGraphLayout(graph, direction, showLabels);
  const nodesByRef = new Map(graph.nodes.map((node) => [node.ref, node]));
  const open = (event: MouseEvent, ref: string) => {
    event.preventDefault();
    if (!panZoom.wasDragged()) navigate(entityRoute(ref));
  };
  const viewHeight = Math.min(Math.max(layout.height, 240), 620);
  return (
    <Box component="figure" aria-label={label} sx={figureSx}>
      <ZoomControls zoomIn={panZoom.zoomIn} zoomOut={panZoom.zoomOut} reset={panZoom.reset} />
      <svg
        ref={svgRef}
        aria-label={label}
        width="100%"
        height={viewHeight}
        viewBox={`0 0 ${Math.max(layout.width, 1)} ${Math.max(layout.height, 1)}`}
        preserveAspectRatio="xMidYMid meet"
        style={{
          display: 'block',
          cursor: 'grab',
          touchAction: 'none',
          fontFamily: theme.typography.fontFamily,
        }}
        {...panZoom.handlers}
      >
        <defs>
          <EdgeArrowMarker id={markerId} />
        </defs>
        <g transform={panZoom.transformAttribute}>
          {layout.edges.map((edge) => (
            <GraphEdge key={edge.id} edge={edge} markerId={markerId} />
          ))}
          {layout.nodes.map((placed) => {
            const node = nodesByRef.get(placed.id);
            return node ? (
              <GraphNode
                key={placed.id}
                node={node}
                placed={placed}
                isRoot={node.ref === graph.rootRef}
                onOpen={open}
              />
            ) : null;
          })}
        </g>
      </svg>
    </Box>
  );
}
