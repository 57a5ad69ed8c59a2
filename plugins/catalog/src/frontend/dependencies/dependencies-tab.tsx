import { type Entity, stringifyEntityRef } from '@atrium/catalog-model';
import { EmptyState, ErrorPanel, LoadingSkeleton } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { catalogApiRef } from '../api/catalog-api.js';
import { useEntity } from '../blueprints/entity-context.js';
import { entityDisplayName } from '../components/entity-route.js';
import { graphRelationTypes, loadEntityGraph } from './entity-graph.js';
import { RelationGraph } from './relation-graph.js';
import { RelationList } from './relation-list.js';

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
  const [depth, setDepth] = useState(1);
  const [direction, setDirection] = useState<'LR' | 'TB'>('LR');
  const [showLabels, setShowLabels] = useState(true);
  const [types, setTypes] = useState<readonly string[]>(graphRelationTypes);
  const rootRef = stringifyEntityRef(entity);
  const query = useQuery({
    queryKey: ['catalog', 'graph', rootRef, entity.metadata.etag, depth, types],
    queryFn: () => loadEntityGraph(catalogApi, entity, { depth, relationTypes: types }),
    placeholderData: keepPreviousData,
  });
  const toggleType = (type: string) =>
    setTypes(types.includes(type) ? types.filter((t) => t !== type) : [...types, type]);
  const name = entityDisplayName(entity);
  let body: ReactNode;
  if (query.error && !query.data)
    body = <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  else if (!query.data) body = <LoadingSkeleton lines={6} />;
  else if (query.data.edges.length === 0) {
    body = (
      <EmptyState
        title="No relations to show"
        description="This entity has no relations of the selected types."
      />
    );
  } else {
    body = (
      <>
        {query.data.isTruncated && (
          <Alert severity="info" sx={{ mb: 2 }}>
            The neighbourhood is large, so only part of it is shown. Lower the depth or pick fewer relation
            types.
          </Alert>
        )}
        <RelationGraph
          graph={query.data}
          direction={direction}
          showLabels={showLabels}
          label={`Relations of ${name}`}
        />
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
          Select an entity to open it. Drag to move the graph; hold Ctrl (⌘ on a Mac) and scroll to zoom.
        </Typography>
        <RelationList graph={query.data} />
      </>
    );
  }
  return (
    <Box component="section" aria-labelledby="dependencies-heading">
      <Typography id="dependencies-heading" variant="h6" component="h2" sx={{ mb: 2 }}>
        Relations graph
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', mb: 2 }}>
        <FormControl size="small" sx={{ minWidth: 120 }}>
          <InputLabel id="graph-depth-label">Depth</InputLabel>
          <Select
            labelId="graph-depth-label"
            label="Depth"
            value={depth}
            onChange={(event) => setDepth(Number(event.target.value))}
          >
            {[1, 2, 3].map((value) => (
              <MenuItem key={value} value={value}>{`${value} ${value === 1 ? 'hop' : 'hops'}`}</MenuItem>
            ))}
          </Select>
        </FormControl>
        <FormControl size="small" sx={{ minWidth: 160 }}>
          <InputLabel id="graph-direction-label">Direction</InputLabel>
          <Select
            labelId="graph-direction-label"
            label="Direction"
            value={direction}
            onChange={(event) => setDirection(event.target.value === 'TB' ? 'TB' : 'LR')}
          >
            <MenuItem value="LR">Left to right</MenuItem>
            <MenuItem value="TB">Top to bottom</MenuItem>
          </Select>
        </FormControl>
        <FormControlLabel
          control={<Switch checked={showLabels} onChange={(e) => setShowLabels(e.target.checked)} />}
          label="Relation labels"
        />
        {query.isFetching && query.data && (
          <Typography variant="body2" color="text.secondary" role="status">
            Loading…
          </Typography>
        )}
      </Box>
      <Box
        role="group"
        aria-label="Relation types"
        sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 1, mb: 2 }}
      >
        {graphRelationTypes.map((type) => (
          <FormControlLabel
            key={type}
            control={
              <Checkbox size="small" checked={types.includes(type)} onChange={() => toggleType(type)} />
            }
            label={type}
          />
        ))}
      </Box>
      {body}
    </Box>
  );
}
