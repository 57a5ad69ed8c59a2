import Add from '@mui/icons-material/Add';
import CenterFocusStrong from '@mui/icons-material/CenterFocusStrong';
import Remove from '@mui/icons-material/Remove';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import { useTheme } from '@mui/material/styles';
import Tooltip from '@mui/material/Tooltip';
import { type MouseEvent, useId, useMemo, useRef } from 'react';
import { useNavigate } from 'react-router';
import { entityRoute } from '../components/entity-route.js';
import type { EntityGraph } from './entity-graph.js';
import { GraphNode, graphNodeSize } from './graph-node.js';
import { layoutGraph, type RoutedEdge } from './layout-graph.js';
import { usePanZoom } from './use-pan-zoom.js';

function edgePath(points: RoutedEdge['points']): string {
  const [first, ...rest] = points;
  if (!first) return '';
  // Quadratic curves through the midpoints smooth dagre's polyline without leaving it.
  let path = `M ${first.x} ${first.y}`;
  rest.forEach((point, index) => {
    const next = rest[index + 1];
    if (!next) path += ` L ${point.x} ${point.y}`;
    else path += ` Q ${point.x} ${point.y} ${(point.x + next.x) / 2} ${(point.y + next.y) / 2}`;
  });
  return path;
}

/** Props of {@link RelationGraph}. */
export interface RelationGraphProps {
  graph: EntityGraph;
  direction: 'LR' | 'TB';
  showLabels: boolean;
  /** Names the graph for assistive technology. */
  label: string;
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
  const layout = useMemo(
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
  const nodesByRef = new Map(graph.nodes.map((node) => [node.ref, node]));
  const open = (event: MouseEvent, ref: string) => {
    event.preventDefault();
    if (!panZoom.wasDragged()) navigate(entityRoute(ref));
  };
  const { palette } = theme;
  const viewHeight = Math.min(Math.max(layout.height, 240), 620);
  return (
    <Box
      component="figure"
      aria-label={label}
      sx={{
        m: 0,
        position: 'relative',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        bgcolor: 'background.default',
      }}
    >
      <Box
        sx={{
          position: 'absolute',
          top: 8,
          right: 8,
          display: 'flex',
          flexDirection: 'column',
          bgcolor: 'background.paper',
          borderRadius: 1,
          boxShadow: 1,
        }}
      >
        <Tooltip title="Zoom in" placement="left">
          <IconButton size="small" aria-label="Zoom in" onClick={panZoom.zoomIn}>
            <Add fontSize="small" />
          </IconButton>
        </Tooltip>
        <Tooltip title="Zoom out" placement="left">
          <IconButton size="small" aria-label="Zoom out" onClick={panZoom.zoomOut}>
            <Remove fontSize="small" />
          </IconButton>
        </Tooltip>
        <Tooltip title="Fit to view" placement="left">
          <IconButton size="small" aria-label="Fit to view" onClick={panZoom.reset}>
            <CenterFocusStrong fontSize="small" />
          </IconButton>
        </Tooltip>
      </Box>
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
          <marker
            id={markerId}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" fill={palette.text.secondary} />
          </marker>
        </defs>
        <g transform={panZoom.transformAttribute}>
          {layout.edges.map((edge) => (
            <g key={edge.id}>
              <path
                d={edgePath(edge.points)}
                fill="none"
                stroke={palette.text.secondary}
                strokeOpacity={0.6}
                strokeWidth={1.3}
                markerEnd={`url(#${markerId})`}
              />
              {edge.label && edge.labelX !== undefined && edge.labelY !== undefined && (
                <text
                  x={edge.labelX}
                  y={edge.labelY + 4}
                  textAnchor="middle"
                  fontSize={11}
                  fill={palette.text.secondary}
                  paintOrder="stroke"
                  stroke={palette.background.default}
                  strokeWidth={3}
                >
                  {edge.label}
                </text>
              )}
            </g>
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
