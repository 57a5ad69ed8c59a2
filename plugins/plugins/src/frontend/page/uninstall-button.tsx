import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import { useState } from 'react';
import { ActionError } from './action-error.js';
import { usePluginsMutation } from './use-plugins-mutation.js';

/**
 * Uninstall, after a confirmation: every backend stops serving it and every version is
 * removed; its data is kept unless the admin ticks the purge box.
 */
export function UninstallButton({ pluginId, onDone }: { pluginId: string; onDone(): void }) {
  const [confirming, setConfirming] = useState(false);
  const [purge, setPurge] = useState(false);
  const uninstall = usePluginsMutation(
    (client) => client.uninstall({ params: { pluginId }, query: { purge: purge ? 'true' : 'false' } }),
    onDone,
  );
  return (
    <>
      <Button color="error" variant="outlined" onClick={() => setConfirming(true)}>
        Uninstall
      </Button>
      <Dialog open={confirming} onClose={() => setConfirming(false)} aria-labelledby="uninstall-title">
        <DialogTitle id="uninstall-title">{`Uninstall ${pluginId}?`}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            Every backend stops serving it and every installed version is removed. Unless you delete it below,
            its data stays in the database and installing it again finds it.
          </DialogContentText>
          <FormControlLabel
            control={<Checkbox checked={purge} onChange={(event) => setPurge(event.target.checked)} />}
            label="Also delete its data (its database schema or file); this cannot be undone"
          />
          <ActionError error={uninstall.error} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>Cancel</Button>
          <Button
            color="error"
            variant="contained"
            disabled={uninstall.isPending}
            onClick={() => uninstall.mutate(undefined)}
          >
            {purge ? `Uninstall ${pluginId} and delete its data` : `Uninstall ${pluginId}`}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
