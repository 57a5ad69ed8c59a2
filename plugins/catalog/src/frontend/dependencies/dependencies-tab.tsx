import { type Entity, stringifyEntityRef } from '@atrium/catalog-model';
import { EmptyState, ErrorPanel, LoadingSkeleton } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { catalogApiRef } from '../api/catalog-api.js';
import { useEntity } from '../blueprints/entity-context.js';
import { entityDisplayName } from '../components/entity-route.js';
import { type EntityGraph, graphRelationTypes, loadEntityGraph } from './entity-graph.js';
import { GraphControls, type GraphOptions } from './graph-controls.js';
import { RelationGraph } from './relation-graph.js';
import { RelationList } from './relation-list.js';
import { RelationTypeFilter } from './relation-type-filter.js';

/**
 * The Dependencies tab: an interactive graph of the entity's neighbourhood, with depth,
 * direction, relation types and labels to choose, and the same relations as a list.
 *
 * @example
 * <DependenciesTab />
 */
export function DependenciesTab() {
  const entity = useEntity<Entity>();
  const catalogApi = useApi(catalogApiRef);
  const [options, setOptions] = useState<GraphOptions>({
    depth: 1,
    direction: 'LR',
    showLabels: true,
    types: graphRelationTypes,
  });
  const { depth, types } = options;
  const query = useQuery({
    queryKey: ['catalog', 'graph', stringifyEntityRef(entity), entity.metadata.etag, depth, types],
    queryFn: () => loadEntityGraph(catalogApi, entity, { depth, relationTypes: types }),
    placeholderData: keepPreviousData,
  });
  return (
    <Box component="section" aria-labelledby="dependencies-heading">
      <Typography id="dependencies-heading" variant="h6" component="h2" sx={{ mb: 2 }}>
        Relations graph
      </Typography>
      <GraphControls
        options={options}
        onChange={setOptions}
        isRefreshing={query.isFetching && !!query.data}
      />
      <RelationTypeFilter types={types} onChange={(next) => setOptions({ ...options, types: next })} />
      {query.error && !query.data ? (
        <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.data ? (
        <LoadingSkeleton lines={6} />
      ) : (
        <GraphResult graph={query.data} options={options} name={entityDisplayName(entity)} />
      )}
    </Box>
  );
}

/** The loaded graph, drawn and listed, or why there is nothing to draw. */
function GraphResult({ graph, options, name }: { graph: EntityGraph; options: GraphOptions; name: string }) {
  if (graph.edges.length === 0)
    return (
      <EmptyState
        title="No relations to show"
        description="This entity has no relations of the selected types."
      />
    );
  return (
    <>
      {graph.isTruncated && (
        <Alert severity="info" sx={{ mb: 2 }}>
          The neighbourhood is large, so only part of it is shown. Lower the depth or pick fewer relation
          types.
        </Alert>
      )}
      <RelationGraph
        graph={graph}
        direction={options.direction}
        showLabels={options.showLabels}
        label={`Relations of ${name}`}
      />
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
        Select an entity to open it. Drag to move the graph; hold Ctrl (⌘ on a Mac) and scroll to zoom.
      </Typography>
      <RelationList graph={graph} />
    </>
  );
}
