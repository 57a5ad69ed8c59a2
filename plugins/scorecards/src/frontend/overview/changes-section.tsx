import { EmptyState, ErrorPanel, Progress } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import ArrowForward from '@mui/icons-material/ArrowForward';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type ScorecardsApi, scorecardsApiRef } from '../api/scorecards-api-ref.js';
import { CheckStateChip } from '../components/check-state-chip.js';
import { EntityLink } from '../components/entity-link.js';
import { SectionCard } from './section-card.js';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** Rows shown before "Show all": a first evaluation can add hundreds of results at once. */
const FIRST_ROWS = 10;

type Change = Awaited<ReturnType<ScorecardsApi['getChanges']>>['changes'][number];

function ChangesTable({ changes, names }: { changes: Change[]; names: Map<string, string> }) {
  return (
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
        {changes.map((change) => (
          <TableRow key={`${change.entityRef}|${change.checkId}|${change.scope}`}>
            <TableCell>
              <EntityLink entityRef={change.entityRef} tab="/scorecards" />
            </TableCell>
            <TableCell>{names.get(change.checkId) ?? change.checkId}</TableCell>
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
  );
}

/** Entity/check pairs whose state changed in the last seven days, with the summary counts. */
export function ChangesSection() {
  const client = useApi(scorecardsApiRef);
  const [since] = useState(() => new Date(Date.now() - WEEK_MS).toISOString());
  const [showAll, setShowAll] = useState(false);
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
  // A first result is not a change of state: counted, not listed.
  const transitions = data.data?.changes.filter((change) => change.fromState !== undefined) ?? [];
  const firstResults = (data.data?.changes.length ?? 0) - transitions.length;
  const shown = showAll ? transitions : transitions.slice(0, FIRST_ROWS);
  const summary = data.data
    ? [
        `${data.data.summary.newlyFailing} newly failing, ${data.data.summary.newlyPassing} newly passing`,
        ...(firstResults > 0 ? [`${firstResults} first results`] : []),
      ].join(', ')
    : undefined;
  return (
    <SectionCard title="What changed this week" subheader={summary}>
      {data.error && <ErrorPanel error={data.error} onRetry={() => void data.refetch()} />}
      {!data.data && !data.error && <Progress />}
      {data.data && transitions.length === 0 && <EmptyState title="Nothing changed in the last seven days" />}
      {data.data && transitions.length > 0 && <ChangesTable changes={shown} names={data.data.names} />}
      {transitions.length > FIRST_ROWS && (
        <Button size="small" onClick={() => setShowAll((all) => !all)}>
          {showAll ? 'Show fewer' : `Show all ${transitions.length} changes`}
        </Button>
      )}
    </SectionCard>
  );
}
