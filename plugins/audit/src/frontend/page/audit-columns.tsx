import type { DataTableColumn } from '@atrium/ui';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import type { AuditEvent } from '../../common/index.js';

/** Columns of the audit table; `onOpen` shows an event's JSON. */
export function auditColumns(onOpen: (event: AuditEvent) => void): DataTableColumn<AuditEvent>[] {
  return [
    { id: 'time', header: 'Time', render: (e) => new Date(e.time).toLocaleString(), width: 180 },
    { id: 'event', header: 'Event', render: (e) => e.eventId },
    {
      id: 'actor',
      header: 'Actor',
      render: (e) => e.actor.actorId ?? (e.actor.type === 'none' ? 'anonymous' : e.actor.type),
    },
    { id: 'target', header: 'Target', render: (e) => e.target ?? '' },
    {
      id: 'status',
      header: 'Status',
      render: (e) => (
        <Chip
          size="small"
          label={e.status}
          color={e.status === 'failed' ? 'error' : 'success'}
          variant="outlined"
        />
      ),
    },
    { id: 'severity', header: 'Severity', render: (e) => e.severityLevel },
    {
      id: 'details',
      header: '',
      align: 'right',
      render: (e) => (
        <Button size="small" aria-label={`Details of ${e.eventId} at ${e.time}`} onClick={() => onOpen(e)}>
          Details
        </Button>
      ),
    },
  ];
}
