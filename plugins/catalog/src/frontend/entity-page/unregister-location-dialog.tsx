import { ANNOTATION_MANAGED_BY_ORIGIN_LOCATION, type Entity } from '@atrium/catalog-model';
import { ErrorPanel, LoadingSkeleton } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { catalogApiRef } from '../api/catalog-api.js';
import { EntityRefLink } from '../components/entity-ref-link.js';
import { catalogIndexPath, entityDisplayName } from '../components/entity-route.js';
import { type EntityLocation, useEntityLocation } from './use-entity-location.js';

const isNotFound = (error: unknown) => (error as { statusCode?: unknown } | null)?.statusCode === 404;

function NotRegistered({ entity }: { entity: Entity }) {
  const origin = entity.metadata.annotations?.[ANNOTATION_MANAGED_BY_ORIGIN_LOCATION];
  return (
    <Alert severity="info">
      {`${entityDisplayName(entity)} was not registered through Register`}
      {origin ? (
        <>
          {': it comes from '}
          <Box component="code" sx={{ wordBreak: 'break-all' }}>
            {origin}
          </Box>
          {', a location in the app config (catalog.locations) or from an entity provider. Change it there.'}
        </>
      ) : (
        ': it comes from an entity provider. Change it there.'
      )}
    </Alert>
  );
}

function LocationSummary({ found }: { found: EntityLocation }) {
  const { location, entities, total } = found;
  return (
    <>
      <DialogContentText component="div">
        <Box component="code" sx={{ display: 'block', wordBreak: 'break-all', mb: 1 }}>
          {location.target}
        </Box>
        {`Unregistering removes this location and the ${total} ${total === 1 ? 'entity' : 'entities'} it produced from the catalog, as in Backstage. The files are not changed: registering the location again brings them back.`}
      </DialogContentText>
      {entities.length > 0 && (
        <Box component="ul" aria-label="Entities of this location" sx={{ mt: 1, mb: 0, pl: 2.5 }}>
          {entities.map((item) => (
            <li key={item.metadata.uid ?? `${item.kind}:${item.metadata.namespace}/${item.metadata.name}`}>
              <EntityRefLink entityRef={item} />
              {` (${item.kind})`}
            </li>
          ))}
          {total > entities.length && <li>{`and ${total - entities.length} more`}</li>}
        </Box>
      )}
    </>
  );
}

/** Props of {@link UnregisterLocationDialog}. */
export interface UnregisterLocationDialogProps {
  entity: Entity;
  open: boolean;
  onClose(): void;
}

/**
 * Unregisters the location an entity came from: shows the location and what it produced,
 * then, once confirmed, `DELETE /locations/:id` and back to the catalog. An entity from the
 * app config or a provider has no location to unregister; the dialog says where it is from.
 *
 * @example
 * <UnregisterLocationDialog entity={entity} open={isOpen} onClose={() => setOpen(false)} />
 */
export function UnregisterLocationDialog({ entity, open, onClose }: UnregisterLocationDialogProps) {
  const catalogApi = useApi(catalogApiRef);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const query = useEntityLocation(entity, open);
  const unregister = useMutation({
    mutationFn: (id: string) => catalogApi.deleteLocation({ params: { id } }),
    onSuccess: async () => {
      onClose();
      await queryClient.invalidateQueries({ queryKey: ['catalog'] });
      navigate(catalogIndexPath);
    },
  });
  let body: ReactNode;
  if (query.isPending) body = <LoadingSkeleton lines={3} />;
  else if (query.isError && isNotFound(query.error)) body = <NotRegistered entity={entity} />;
  else if (query.isError) body = <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  else body = <LocationSummary found={query.data} />;
  const location = query.data?.location;
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="unregister-location-title" fullWidth maxWidth="sm">
      <DialogTitle id="unregister-location-title">Unregister location</DialogTitle>
      <DialogContent>
        {body}
        {unregister.isError && (
          <ErrorPanel title="Could not unregister the location" error={unregister.error} />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{location ? 'Cancel' : 'Close'}</Button>
        {location && (
          <Button
            color="error"
            variant="contained"
            onClick={() => unregister.mutate(location.id)}
            disabled={unregister.isPending}
          >
            Unregister
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
