import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import { ActionError } from './action-error.js';
import { usePluginsMutation } from './use-plugins-mutation.js';

/** Uninstall, after a confirmation: every backend stops serving it and every version is removed; its data is kept. */
export function UninstallButton({ pluginId, onDone }: { pluginId: string; onDone(): void }) {
  const [confirming, setConfirming] = useState(false);
  const uninstall = usePluginsMutation(
    (client) => client.uninstall({ params: { pluginId }, query: { purge: 'false' } }),
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
            Every backend stops serving it and every installed version is removed. Its data stays in the
            database; installing it again finds it.
          </DialogContentText>
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
            {`Uninstall ${pluginId}`}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
