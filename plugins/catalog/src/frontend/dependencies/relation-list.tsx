import Box from '@mui/material/Box';
import { EntityRefLink } from '../components/entity-ref-link.js';
import type { EntityGraph } from './entity-graph.js';

/**
 * The graph's relations as a plain list, for keyboard and screen-reader users and for
 * copying; collapsed by default.
 *
 * @example
 * <RelationList graph={graph} />
 */
export function RelationList({ graph }: { graph: EntityGraph }) {
  const entities = new Map(graph.nodes.map((node) => [node.ref, node.entity]));
  const link = (ref: string) => {
    const entity = entities.get(ref);
    return <EntityRefLink entityRef={entity ?? ref} />;
  };
  return (
    <Box component="details" sx={{ mt: 2, '& summary': { cursor: 'pointer', fontWeight: 600 } }}>
      <summary>{`Relations as a list (${graph.edges.length})`}</summary>
      <Box component="ul" sx={{ mt: 1 }}>
        {graph.edges.map((edge) => (
          <li key={`${edge.from} ${edge.type} ${edge.to}`}>
            {link(edge.from)}{' '}
            <Box component="code" sx={{ mx: 0.5 }}>
              {edge.type}
            </Box>{' '}
            {link(edge.to)}
          </li>
        ))}
      </Box>
    </Box>
  );
}
