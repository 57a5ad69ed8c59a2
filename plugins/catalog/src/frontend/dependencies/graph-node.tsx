import { useTheme } from '@mui/material/styles';
import type { MouseEvent } from 'react';
import { entityDisplayName, entityRoute, toCompoundRef } from '../components/entity-route.js';
import type { EntityGraphNode } from './entity-graph.js';
import type { PlacedNode } from './layout-graph.js';

/** Size of every node box, which the layout reserves. */
export const graphNodeSize = { width: 196, height: 54 };

const maxLabel = 26;
const truncate = (value: string) => (value.length > maxLabel ? `${value.slice(0, maxLabel - 1)}…` : value);

function nodeText(node: EntityGraphNode): { kind: string; name: string } {
  if (node.entity) return { kind: node.entity.kind, name: entityDisplayName(node.entity) };
  try {
    const ref = toCompoundRef(node.ref);
    return { kind: ref.kind, name: ref.name };
  } catch {
    return { kind: '', name: node.ref };
  }
}

/** Props of {@link GraphNode}. */
export interface GraphNodeProps {
  node: EntityGraphNode;
  placed: PlacedNode;
  isRoot: boolean;
  /** Opens the node's entity page; called instead of following the href. */
  onOpen(event: MouseEvent, ref: string): void;
}

/**
 * One entity in the relations graph: a box with its kind and name, a link to its page
 * (except for the entity the page is about), dashed when the catalog lacks the entity.
 *
 * @example
 * <GraphNode node={node} placed={placed} isRoot={false} onOpen={open} />
 */
export function GraphNode({ node, placed, isRoot, onOpen }: GraphNodeProps) {
  const { palette } = useTheme();
  const { kind, name } = nodeText(node);
  const kindLine = node.entity ? kind : `${kind} · not in catalog`;
  const { width, height } = graphNodeSize;
  const box = (
    <>
      <rect
        x={placed.x - width / 2}
        y={placed.y - height / 2}
        width={width}
        height={height}
        rx={8}
        fill={isRoot ? palette.primary.main : palette.background.paper}
        stroke={isRoot ? palette.primary.main : palette.divider}
        strokeWidth={1.5}
        strokeDasharray={node.entity ? undefined : '5 4'}
      />
      <text
        x={placed.x}
        y={placed.y - 6}
        textAnchor="middle"
        fontSize={11}
        letterSpacing={0.6}
        // Uppercase by style, so the accessible name can repeat the visible text as written.
        style={{ textTransform: 'uppercase' }}
        fill={isRoot ? palette.primary.contrastText : palette.text.secondary}
      >
        {/* The trailing space keeps kind and name apart in the link's text, as its label reads. */}
        {`${kindLine} `}
      </text>
      <text
        x={placed.x}
        y={placed.y + 13}
        textAnchor="middle"
        fontSize={14}
        fontWeight={600}
        fill={isRoot ? palette.primary.contrastText : palette.text.primary}
      >
        {truncate(name)}
      </text>
    </>
  );
  if (isRoot) return <g aria-current="page">{box}</g>;
  return (
    <a
      href={entityRoute(node.ref)}
      onClick={(event) => onOpen(event, node.ref)}
      aria-label={`${kindLine} ${name}`}
    >
      {box}
    </a>
  );
}
