import { type Entity, stringifyEntityRef } from '@atrium/catalog-model';
import { useApi } from '@atrium/web-kernel';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { catalogApiRef } from '../api/catalog-api.js';
import { EntityRefLink } from '../components/entity-ref-link.js';
import { entityDisplayName } from '../components/entity-route.js';
import type { ImportResult } from './import-plan.js';

/** How long to wait for new entities to show up before leaving them to the user. */
const pollIntervalMs = 1_000;
const maxPolls = 30;

function EntityStatus({
  entity,
  found,
  isWaiting,
}: {
  entity: Entity;
  found: Entity | null | undefined;
  isWaiting: boolean;
}) {
  if (found) return <EntityRefLink entityRef={found} />;
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1 }}>
      {entityDisplayName(entity)}
      {isWaiting ? (
        <>
          <CircularProgress size={14} aria-hidden="true" />
          <Typography variant="caption" color="text.secondary">
            processing…
          </Typography>
        </>
      ) : (
        <Typography variant="caption" color="text.secondary">
          not processed yet; it appears once the catalog has read it
        </Typography>
      )}
    </Box>
  );
}

/**
 * The result of an import: what was registered, and each new entity, linked as soon as
 * the catalog has ingested it (polled briefly, since ingestion is asynchronous).
 *
 * @example
 * <ImportResultView result={result} />
 */
export function ImportResultView({ result }: { result: ImportResult }) {
  const catalogApi = useApi(catalogApiRef);
  const refs = result.entities.map((entity) => stringifyEntityRef(entity));
  const queryKey = ['catalog', 'import-result', refs];
  const polls = useQueryClient().getQueryState(queryKey)?.dataUpdateCount ?? 0;
  const query = useQuery({
    queryKey,
    queryFn: () =>
      catalogApi.getEntitiesByRefs({
        body: { entityRefs: refs, fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'] },
      }),
    enabled: refs.length > 0,
    staleTime: 0,
    refetchInterval: (q) => {
      const isComplete = q.state.data?.items.every((item) => item !== null) ?? false;
      return isComplete || q.state.dataUpdateCount >= maxPolls ? false : pollIntervalMs;
    },
  });
  const items = query.data?.items;
  // Past the last poll the user is told to check back instead of watching a spinner forever.
  const isWaiting = !query.isError && polls < maxPolls;
  return (
    <Box>
      <Alert severity="success" sx={{ mb: 2 }}>
        {`Registered ${result.locations.map((location) => location.target).join(', ')}.`}
      </Alert>
      {result.entities.length > 0 && (
        <>
          <Typography variant="subtitle1" component="h3" gutterBottom>
            New entities
          </Typography>
          <Box component="ul" aria-label="Imported entities" sx={{ mt: 0 }}>
            {result.entities.map((entity, index) => (
              <li key={refs[index]}>
                <EntityStatus entity={entity} found={items?.[index]} isWaiting={isWaiting} />
              </li>
            ))}
          </Box>
        </>
      )}
    </Box>
  );
}
