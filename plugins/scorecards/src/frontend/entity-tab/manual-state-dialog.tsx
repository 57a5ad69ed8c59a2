import { ErrorPanel } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CHECK_STATES, type CheckState } from '../../common/index.js';
import { scorecardsApiRef } from '../api/scorecards-api-ref.js';
import { describeCheckState } from '../components/check-state.js';
import { entityScorecardKey } from './use-entity-scorecard.js';

/** Props of {@link ManualStateDialog}. */
export interface ManualStateDialogProps {
  entityRef: string;
  checkId: string;
  checkName: string;
  onClose: () => void;
}

/** Sets a manual check's state for the entity, with the reason the audit log keeps. */
export function ManualStateDialog({ entityRef, checkId, checkName, onClose }: ManualStateDialogProps) {
  const client = useApi(scorecardsApiRef);
  const queries = useQueryClient();
  const [state, setState] = useState<CheckState>('passed');
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: () =>
      client.setManualState({ body: { entityRef, checkId, state, reason, scope: 'default' } }),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: entityScorecardKey(entityRef) });
      onClose();
    },
  });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="manual-state-title">
      <DialogTitle id="manual-state-title">{`Set the state of “${checkName}”`}</DialogTitle>
      <DialogContent>
        <TextField
          select
          label="State"
          fullWidth
          margin="normal"
          value={state}
          onChange={(event) => setState(event.target.value as CheckState)}
        >
          {CHECK_STATES.map((option) => (
            <MenuItem key={option} value={option}>
              {describeCheckState(option).label}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label="Reason"
          required
          multiline
          minRows={2}
          fullWidth
          margin="normal"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        {save.error && <ErrorPanel error={save.error} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="contained"
          disabled={reason.trim() === '' || save.isPending}
          onClick={() => save.mutate()}
        >
          Save
        </Button>
      </DialogActions>
    </Dialog>
  );
}
