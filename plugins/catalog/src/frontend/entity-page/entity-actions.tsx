import { type Entity, stringifyEntityRef } from '@atrium/catalog-model';
import { describeError } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import DeleteOutline from '@mui/icons-material/DeleteOutline';
import MoreVert from '@mui/icons-material/MoreVert';
import Refresh from '@mui/icons-material/Refresh';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Snackbar from '@mui/material/Snackbar';
import Tooltip from '@mui/material/Tooltip';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { catalogApiRef } from '../api/catalog-api.js';
import { catalogIndexPath, entityDisplayName } from '../components/entity-route.js';
import { StarButton } from '../components/star-button.js';
import { UnregisterLocationDialog } from './unregister-location-dialog.js';

function MoreActions({ onUnregister }: { onUnregister(): void }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Tooltip title="More actions">
        <IconButton
          aria-label="More actions"
          aria-haspopup="menu"
          aria-expanded={anchor !== null}
          onClick={(event) => setAnchor(event.currentTarget)}
        >
          <MoreVert />
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem
          onClick={() => {
            setAnchor(null);
            onUnregister();
          }}
        >
          Unregister location
        </MenuItem>
      </Menu>
    </>
  );
}

/**
 * The entity page's actions: star, schedule a refresh, delete (after confirmation), and in
 * the menu, unregister the location the entity came from.
 *
 * @example
 * <EntityHeader entity={entity} actions={<EntityActions entity={entity} />} />
 */
export function EntityActions({ entity }: { entity: Entity }) {
  const catalogApi = useApi(catalogApiRef);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [notice, setNotice] = useState<{ severity: 'success' | 'error'; message: string }>();
  const [isConfirming, setConfirming] = useState(false);
  const [isUnregistering, setUnregistering] = useState(false);
  const ref = stringifyEntityRef(entity);
  const name = entityDisplayName(entity);
  const refresh = useMutation({
    mutationFn: () => catalogApi.refreshEntity({ body: { entityRef: ref } }),
    onSuccess: () =>
      setNotice({ severity: 'success', message: 'Refresh scheduled; changes appear once processed.' }),
    onError: (error) => setNotice({ severity: 'error', message: describeError(error).message }),
  });
  const remove = useMutation({
    mutationFn: () => catalogApi.deleteEntityByUid({ params: { uid: entity.metadata.uid ?? '' } }),
    onSuccess: async () => {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: ['catalog'] });
      navigate(catalogIndexPath);
    },
    onError: (error) => setNotice({ severity: 'error', message: describeError(error).message }),
  });
  return (
    <>
      <StarButton entityRef={ref} entityName={name} size="medium" />
      <Tooltip title="Schedule a refresh">
        <IconButton aria-label="Refresh entity" onClick={() => refresh.mutate()} disabled={refresh.isPending}>
          <Refresh />
        </IconButton>
      </Tooltip>
      {entity.metadata.uid && (
        <Tooltip title="Delete entity">
          <IconButton aria-label="Delete entity" onClick={() => setConfirming(true)}>
            <DeleteOutline />
          </IconButton>
        </Tooltip>
      )}
      <Dialog open={isConfirming} onClose={() => setConfirming(false)} aria-labelledby="delete-entity-title">
        <DialogTitle id="delete-entity-title">{`Delete ${name}?`}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            The entity is removed from the catalog. If its location still contains it, it comes back on the
            next refresh; to remove it for good, unregister its location (More actions › Unregister location)
            or remove it from its file.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button
            onClick={() => {
              setConfirming(false);
              setUnregistering(true);
            }}
            sx={{ mr: 'auto' }}
          >
            Unregister location…
          </Button>
          <Button onClick={() => setConfirming(false)}>Cancel</Button>
          <Button
            color="error"
            variant="contained"
            onClick={() => remove.mutate()}
            disabled={remove.isPending}
          >
            Delete
          </Button>
        </DialogActions>
      </Dialog>
      <MoreActions onUnregister={() => setUnregistering(true)} />
      <UnregisterLocationDialog
        entity={entity}
        open={isUnregistering}
        onClose={() => setUnregistering(false)}
      />
      <Snackbar open={notice !== undefined} autoHideDuration={6000} onClose={() => setNotice(undefined)}>
        <Alert severity={notice?.severity ?? 'success'} onClose={() => setNotice(undefined)} variant="filled">
          {notice?.message}
        </Alert>
      </Snackbar>
    </>
  );
}
