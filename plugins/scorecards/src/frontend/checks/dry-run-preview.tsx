import { ErrorPanel } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { scorecardsApiRef } from '../api/scorecards-api-ref.js';
import { CheckStateChip } from '../components/check-state-chip.js';
import { EntityLink } from '../components/entity-link.js';
import type { CheckDraft } from './check-draft.js';
import { EntityPicker } from './entity-picker.js';

/** The value, once it has not changed for `ms` (so typing does not send a request per key). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Props of {@link DryRunPreview}. */
export interface DryRunPreviewProps {
  draft: CheckDraft;
  entityRefs: string[];
  onEntityRefsChange: (refs: string[]) => void;
}

/**
 * Evaluates the draft check against chosen real entities as it is edited
 * (`POST /checks/execute?dryRun=true`: nothing is saved), showing each entity's state
 * and details, or the server's reason the draft is invalid.
 */
export function DryRunPreview({ draft, entityRefs, onEntityRefsChange }: DryRunPreviewProps) {
  const client = useApi(scorecardsApiRef);
  const request = useSettled(JSON.stringify({ draft, entityRefs }), 400);
  const run = useQuery({
    queryKey: ['scorecards', 'dry-run', request],
    enabled: entityRefs.length > 0,
    retry: false,
    placeholderData: keepPreviousData,
    queryFn: () => {
      const { draft: check, entityRefs: refs } = JSON.parse(request) as {
        draft: CheckDraft;
        entityRefs: string[];
      };
      return client.executeChecks({ query: { dryRun: 'true' }, body: { check, entityRefs: refs } });
    },
  });
  return (
    <Stack spacing={1} component="section" aria-label="Dry-run preview">
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        Preview against real entities
      </Typography>
      <EntityPicker label="Entities to try" value={entityRefs} onChange={onEntityRefsChange} />
      {run.isFetching && <LinearProgress aria-label="Evaluating" />}
      {entityRefs.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          Choose entities to see how the draft evaluates for them; nothing is saved.
        </Typography>
      )}
      {run.error && <ErrorPanel error={run.error} title="The draft cannot be evaluated" />}
      {run.data && !run.error && entityRefs.length > 0 && (
        <Table size="small" aria-label="Dry-run results">
          <TableHead>
            <TableRow>
              <TableCell>Entity</TableCell>
              <TableCell>State</TableCell>
              <TableCell>Details</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {run.data.results.map((result) => (
              <TableRow key={result.entityRef}>
                <TableCell>
                  <EntityLink entityRef={result.entityRef} />
                </TableCell>
                <TableCell>
                  <CheckStateChip state={result.state} />
                </TableCell>
                <TableCell sx={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-word' }}>
                  {JSON.stringify(result.details)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
}
