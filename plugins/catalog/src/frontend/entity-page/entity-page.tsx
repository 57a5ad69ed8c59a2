import type { Entity } from '@atrium/catalog-model';
import { Content, ErrorPanel, LoadingSkeleton } from '@atrium/ui';
import { preloadElement } from '@atrium/web-kernel';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { useEffect } from 'react';
import { useParams } from 'react-router';
import { EntityProvider } from '../blueprints/entity-context.js';
import type { EntityLike } from '../blueprints/entity-filter.js';
import { entityDisplayName } from '../components/entity-route.js';
import { EntityActions } from './entity-actions.js';
import { EntityHeader } from './entity-header.js';
import { EntityNotFound } from './entity-not-found.js';
import { type EntityTabItem, EntityTabs, findActiveTab } from './entity-tabs.js';
import { type EntityRouteParams, useEntityByRoute } from './use-entity-by-route.js';

function OrphanNotice({ entity }: { entity: Entity }) {
  if (entity.metadata.annotations?.['backstage.io/orphan'] !== 'true') return null;
  return (
    <Alert severity="warning" sx={{ mx: { xs: 2, md: 4 }, mb: 2 }}>
      This entity is an orphan: no registered location contains it any more. Delete it, or register the
      location that should own it.
    </Alert>
  );
}

function EntityView({
  entity,
  tabs,
  params,
}: {
  entity: Entity;
  tabs: readonly EntityTabItem[];
  params: EntityRouteParams & { rest: string };
}) {
  useEffect(() => {
    const previous = document.title;
    document.title = `${entityDisplayName(entity)} · ${previous}`;
    return () => {
      document.title = previous;
    };
  }, [entity]);
  const basePath = `/catalog/${[params.namespace, params.kind, params.name].map(encodeURIComponent).join('/')}`;
  return (
    // The catalog's Entity is a richer EntityLike; the kernel types only the parts filters read.
    <EntityProvider entity={entity as EntityLike}>
      <Box sx={{ bgcolor: 'background.paper' }}>
        <EntityHeader entity={entity} actions={<EntityActions entity={entity} />} />
        <OrphanNotice entity={entity} />
      </Box>
      <EntityTabs entity={entity} tabs={tabs} basePath={basePath} subPath={params.rest} />
    </EntityProvider>
  );
}

/**
 * The entity page at `/catalog/:namespace/:kind/:name`: the header and the tabs other
 * extensions contribute (those whose filter accepts the entity). Unknown entities get a
 * not-found page; a failed load shows the server's message with Retry.
 *
 * @example
 * <EntityPage tabs={inputs.tabs} />
 */
export function EntityPage({ tabs }: { tabs: readonly EntityTabItem[] }) {
  const { namespace = '', kind = '', name = '', '*': rest = '' } = useParams();
  const params = { namespace, kind, name };
  const query = useEntityByRoute(params);
  if (query.isPending) {
    // Fetch the likely tab's code while the entity loads (its filter is checked later).
    const likely = findActiveTab(tabs, rest);
    if (likely) preloadElement(likely.output.element);
    return (
      <Content>
        <LoadingSkeleton lines={4} />
      </Content>
    );
  }
  if (query.isError) {
    return (
      <Content>
        <ErrorPanel
          title="Could not load the entity"
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      </Content>
    );
  }
  if (!query.data) return <EntityNotFound params={params} />;
  return <EntityView entity={query.data} tabs={tabs} params={{ ...params, rest }} />;
}
