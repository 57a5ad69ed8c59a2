import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { Exemption } from '../../common/index.js';

/** Props of {@link ExemptionActions}. */
export interface ExemptionActionsProps {
  exemption: Exemption;
  isBusy: boolean;
  onAction: (action: 'approve' | 'revoke' | 'restore', reason?: string) => void;
}

function RevokeDialog({
  what,
  onRevoke,
  onClose,
}: {
  what: string;
  onRevoke: (reason: string) => void;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="revoke-title">
      <DialogTitle id="revoke-title">{`Revoke the exemption of ${what}`}</DialogTitle>
      <DialogContent>
        <TextField
          label="Reason"
          required
          multiline
          minRows={2}
          fullWidth
          margin="normal"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="error"
          variant="contained"
          disabled={reason.trim() === ''}
          onClick={() => onRevoke(reason)}
        >
          Revoke
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Approve or reject (pending), revoke with a reason (approved), restore (revoked). */
export function ExemptionActions({ exemption, isBusy, onAction }: ExemptionActionsProps) {
  const [isRevoking, setRevoking] = useState(false);
  const what = `${exemption.checkId} for ${exemption.entityRef}`;
  const revokeText = exemption.status === 'pending' ? 'Reject' : 'Revoke';
  return (
    <Stack direction="row" spacing={1}>
      {exemption.status === 'pending' && (
        <Button
          size="small"
          variant="contained"
          disabled={isBusy}
          onClick={() => onAction('approve')}
          aria-label={`Approve ${what}`}
        >
          Approve
        </Button>
      )}
      {(exemption.status === 'pending' || exemption.status === 'approved') && (
        <Button
          size="small"
          color="error"
          disabled={isBusy}
          onClick={() => setRevoking(true)}
          aria-label={`${revokeText} ${what}`}
        >
          {revokeText}
        </Button>
      )}
      {exemption.status === 'revoked' && (
        <Button
          size="small"
          disabled={isBusy}
          onClick={() => onAction('restore')}
          aria-label={`Restore ${what}`}
        >
          Restore
        </Button>
      )}
      {isRevoking && (
        <RevokeDialog
          what={what}
          onClose={() => setRevoking(false)}
          onRevoke={(reason) => {
            setRevoking(false);
            onAction('revoke', reason);
          }}
        />
      )}
    </Stack>
  );
}
