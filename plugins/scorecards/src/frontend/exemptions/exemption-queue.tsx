import { EmptyState, ErrorPanel, Progress } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tabs from '@mui/material/Tabs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EXEMPTION_STATUSES, type Exemption } from '../../common/index.js';
import { scorecardsApiRef } from '../api/scorecards-api-ref.js';
import { EntityLink } from '../components/entity-link.js';
import { ExemptionActions } from './exemption-actions.js';

type Status = (typeof EXEMPTION_STATUSES)[number];
const labels: Record<Status, string> = {
  pending: 'Pending',
  approved: 'Approved',
  revoked: 'Revoked',
  expired: 'Expired',
};

/** What an approver does to an exemption. */
type ExemptionAction = { action: 'approve' | 'revoke' | 'restore'; exemption: Exemption; reason?: string };

function useExemptionAction() {
  const client = useApi(scorecardsApiRef);
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async ({ action, exemption, reason }: ExemptionAction) => {
      const key = { checkId: exemption.checkId, entityRef: exemption.entityRef };
      if (action === 'approve') return client.approveExemption({ body: key });
      if (action === 'restore') return client.restoreExemption({ body: key });
      return client.revokeExemption({ body: { ...key, reason: reason ?? '' } });
    },
    onSuccess: () => queries.invalidateQueries({ queryKey: ['scorecards'] }),
  });
}

function ExemptionTable({
  label,
  exemptions,
  isBusy,
  onAction,
}: {
  label: string;
  exemptions: readonly Exemption[];
  isBusy: boolean;
  onAction: (action: ExemptionAction['action'], exemption: Exemption, reason?: string) => void;
}) {
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>Entity</TableCell>
          <TableCell>Check</TableCell>
          <TableCell>Justification</TableCell>
          <TableCell>Requested by</TableCell>
          <TableCell>Expires</TableCell>
          <TableCell>Actions</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {exemptions.map((exemption) => (
          <TableRow key={`${exemption.entityRef}|${exemption.checkId}`}>
            <TableCell>
              <EntityLink entityRef={exemption.entityRef} tab="/scorecards" />
            </TableCell>
            <TableCell>{exemption.checkId}</TableCell>
            <TableCell sx={{ maxWidth: 360, whiteSpace: 'pre-wrap' }}>
              {exemption.justification}
              {exemption.revokeReason ? `\nRevoked: ${exemption.revokeReason}` : ''}
            </TableCell>
            <TableCell>{exemption.userRef}</TableCell>
            <TableCell>{exemption.expiresAt ?? 'Until revoked'}</TableCell>
            <TableCell>
              <ExemptionActions
                exemption={exemption}
                isBusy={isBusy}
                onAction={(action, reason) => onAction(action, exemption, reason)}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The exemption queue for approvers: pending requests to approve, approved ones to revoke, revoked ones to restore. */
export function ExemptionQueue() {
  const client = useApi(scorecardsApiRef);
  const [status, setStatus] = useState<Status>('pending');
  const list = useQuery({
    queryKey: ['scorecards', 'exemptions', status],
    queryFn: () => client.listExemptions({ query: { status, limit: 100 } }),
  });
  const act = useExemptionAction();
  return (
    <Stack spacing={2}>
      <Tabs value={status} onChange={(_, next: Status) => setStatus(next)} aria-label="Exemption status">
        {EXEMPTION_STATUSES.map((s) => (
          <Tab key={s} value={s} label={labels[s]} />
        ))}
      </Tabs>
      {act.error && <ErrorPanel error={act.error} />}
      {list.error && <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />}
      {!list.data && !list.error && <Progress />}
      {list.data?.exemptions.length === 0 && (
        <EmptyState title={`No ${labels[status].toLowerCase()} exemptions`} />
      )}
      {list.data && list.data.exemptions.length > 0 && (
        <ExemptionTable
          label={`${labels[status]} exemptions`}
          exemptions={list.data.exemptions}
          isBusy={act.isPending}
          onAction={(action, exemption, reason) => act.mutate({ action, exemption, reason })}
        />
      )}
    </Stack>
  );
}
