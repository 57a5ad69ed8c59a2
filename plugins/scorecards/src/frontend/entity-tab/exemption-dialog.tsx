import { ErrorPanel } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { scorecardsApiRef } from '../api/scorecards-api-ref.js';
import { entityScorecardKey } from './use-entity-scorecard.js';

/** Props of {@link ExemptionDialog}. */
export interface ExemptionDialogProps {
  entityRef: string;
  checkId: string;
  checkName: string;
  onClose: () => void;
}

/** Asks for an exemption of the entity from a check: a justification (required) and an optional last day. */
export function ExemptionDialog({ entityRef, checkId, checkName, onClose }: ExemptionDialogProps) {
  const client = useApi(scorecardsApiRef);
  const queries = useQueryClient();
  const [justification, setJustification] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const request = useMutation({
    mutationFn: () =>
      client.requestExemption({
        body: { entityRef, checkId, justification, expiresAt: expiresAt || undefined },
      }),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: entityScorecardKey(entityRef) });
      onClose();
    },
  });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="exemption-title">
      <DialogTitle id="exemption-title">{`Request an exemption from “${checkName}”`}</DialogTitle>
      <DialogContent>
        <TextField
          label="Justification"
          required
          multiline
          minRows={3}
          fullWidth
          margin="normal"
          value={justification}
          onChange={(event) => setJustification(event.target.value)}
          helperText="Why this check should not apply to this entity; the check's owners read it before approving."
        />
        <TextField
          label="Expires on"
          type="date"
          fullWidth
          margin="normal"
          value={expiresAt}
          onChange={(event) => setExpiresAt(event.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
          helperText="Leave empty for an exemption until it is revoked."
        />
        {request.error && <ErrorPanel error={request.error} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="contained"
          disabled={justification.trim() === '' || request.isPending}
          onClick={() => request.mutate()}
        >
          Request
        </Button>
      </DialogActions>
    </Dialog>
  );
}
