import { EmptyState, ErrorPanel, Progress } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import ArrowForward from '@mui/icons-material/ArrowForward';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { scorecardsApiRef } from '../api/scorecards-api-ref.js';
import { CheckStateChip } from '../components/check-state-chip.js';
import { EntityLink } from '../components/entity-link.js';
import { SectionCard } from './section-card.js';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** Entity/check pairs whose state changed in the last seven days, with the summary counts. */
export function ChangesSection() {
  const client = useApi(scorecardsApiRef);
  const [since] = useState(() => new Date(Date.now() - WEEK_MS).toISOString());
  const data = useQuery({
    queryKey: ['scorecards', 'changes', since],
    queryFn: async () => {
      const [changes, checks] = await Promise.all([
        client.getChanges({ query: { since } }),
        client.listChecks(),
      ]);
      return { ...changes, names: new Map(checks.checks.map((c) => [c.id, c.name])) };
    },
  });
  const summary = data.data
    ? `${data.data.summary.newlyFailing} newly failing, ${data.data.summary.newlyPassing} newly passing`
    : undefined;
  return (
    <SectionCard title="What changed this week" subheader={summary}>
      {data.error && <ErrorPanel error={data.error} onRetry={() => void data.refetch()} />}
      {!data.data && !data.error && <Progress />}
      {data.data?.changes.length === 0 && <EmptyState title="Nothing changed in the last seven days" />}
      {data.data && data.data.changes.length > 0 && (
        <Table size="small" aria-label="Changes in the last seven days">
          <TableHead>
            <TableRow>
              <TableCell>Entity</TableCell>
              <TableCell>Check</TableCell>
              <TableCell>Change</TableCell>
              <TableCell>When</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.data.changes.map((change) => (
              <TableRow key={`${change.entityRef}|${change.checkId}|${change.scope}`}>
                <TableCell>
                  <EntityLink entityRef={change.entityRef} tab="/scorecards" />
                </TableCell>
                <TableCell>{data.data.names.get(change.checkId) ?? change.checkId}</TableCell>
                <TableCell>
                  <Stack direction="row" spacing={0.5} alignItems="center">
                    {change.fromState ? (
                      <CheckStateChip state={change.fromState} />
                    ) : (
                      <Typography variant="body2">new</Typography>
                    )}
                    <ArrowForward fontSize="small" aria-label="to" />
                    <CheckStateChip state={change.toState} />
                  </Stack>
                </TableCell>
                <TableCell>{new Date(change.at).toLocaleString()}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </SectionCard>
  );
}
