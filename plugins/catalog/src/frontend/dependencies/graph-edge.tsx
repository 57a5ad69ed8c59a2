import { useTheme } from '@mui/material/styles';
import type { RoutedEdge } from './layout-graph.js';

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

/** The arrowhead every edge of one graph points with; `id` must be unique on the page. */
export function EdgeArrowMarker({ id }: { id: string }) {
  const { palette } = useTheme();
  return (
    <marker
      id={id}
      viewBox="0 0 10 10"
      refX="9"
      refY="5"
      markerWidth="7"
      markerHeight="7"
      orient="auto-start-reverse"
    >
      <path d="M 0 0 L 10 5 L 0 10 z" fill={palette.text.secondary} />
    </marker>
  );
}

/**
 * One relation in the relations graph: a curve along dagre's route ending in the arrow
 * marker, with the relation type at dagre's label position when labels are shown.
 *
 * @example
 * <GraphEdge edge={edge} markerId={markerId} />
 */
export function GraphEdge({ edge, markerId }: { edge: RoutedEdge; markerId: string }) {
  const { palette } = useTheme();
  return (
    <g>
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
  );
}
