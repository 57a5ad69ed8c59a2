import { type Entity, stringifyEntityRef } from '@atrium/catalog-model';
import { ErrorPanel, Link, LoadingSkeleton } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { toEntityQueryParams } from '../../common/index.js';
import { catalogApiRef } from '../api/catalog-api.js';
import { useEntity } from '../blueprints/entity-context.js';
import { catalogIndexPath } from '../components/entity-route.js';
import { EntitySummaryTable } from '../components/entity-summary-table.js';
import { InfoCard } from '../components/info-card.js';
import { summaryFields } from './use-related-entities.js';

const pageSize = 10;

/**
 * Entities a group or user owns, found by `relations.ownedBy=<ref>` and paged on the
 * server, so a team owning thousands of entities costs one small request per page.
 *
 * @example
 * <OwnedEntitiesCard />
 */
export function OwnedEntitiesCard() {
  const entity = useEntity<Entity>();
  const catalogApi = useApi(catalogApiRef);
  const ref = stringifyEntityRef(entity);
  const [cursor, setCursor] = useState<string>();
  const query = useQuery({
    queryKey: ['catalog', 'owned', ref, cursor],
    queryFn: () => {
      const page = { limit: pageSize, fields: summaryFields };
      const request = cursor
        ? { ...page, cursor }
        : {
            ...page,
            filter: { 'relations.ownedBy': ref },
            orderField: { field: 'metadata.name', order: 'asc' as const },
          };
      return catalogApi.getEntitiesByQuery({ query: toEntityQueryParams(request) });
    },
    placeholderData: keepPreviousData,
  });
  const { data } = query;
  let body: ReactNode;
  if (query.error && !data) body = <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  else if (!data) body = <LoadingSkeleton lines={3} />;
  else if (data.items.length === 0) {
    body = (
      <Typography variant="body2" color="text.secondary">
        Owns no entities.
      </Typography>
    );
  } else {
    body = (
      <>
        <EntitySummaryTable
          label="Owned entities"
          rows={data.items.map((item) => ({ ref: stringifyEntityRef(item), entity: item }))}
        />
        <Box sx={{ display: 'flex', justifyContent: 'flex-end', gap: 1, mt: 1 }}>
          <Button
            size="small"
            disabled={!data.pageInfo.prevCursor}
            onClick={() => setCursor(data.pageInfo.prevCursor)}
          >
            Previous
          </Button>
          <Button
            size="small"
            disabled={!data.pageInfo.nextCursor}
            onClick={() => setCursor(data.pageInfo.nextCursor)}
          >
            Next
          </Button>
        </Box>
      </>
    );
  }
  return (
    <InfoCard
      title="Owned entities"
      subheader={
        data && data.totalItems >= 0
          ? `${data.totalItems} ${data.totalItems === 1 ? 'entity' : 'entities'}`
          : undefined
      }
      // Every kind, as the card lists them: the catalog alone opens on Components.
      action={
        <Link to={`${catalogIndexPath}?kind=all&owner=${encodeURIComponent(ref)}`}>View in catalog</Link>
      }
    >
      {body}
    </InfoCard>
  );
}
