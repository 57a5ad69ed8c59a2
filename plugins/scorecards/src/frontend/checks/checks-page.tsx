import { EmptyState, ErrorPanel, Link, Progress } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { scorecardsApiRef } from '../api/scorecards-api-ref.js';
import { useScorecardsAccess } from '../api/use-scorecards-access.js';
import { SourceChip } from '../components/definition-source.js';
import { YamlExportDialog } from './yaml-export-dialog.js';

/** `/scorecards/checks`: every check with its kind and source; new checks, editing and YAML export. */
export function ChecksPage() {
  const client = useApi(scorecardsApiRef);
  const access = useScorecardsAccess();
  const [isExporting, setExporting] = useState(false);
  const checks = useQuery({ queryKey: ['scorecards', 'checks'], queryFn: () => client.listChecks() });
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1}>
        {access.data?.canEditChecks && (
          <Button variant="contained" component={RouterLink} to="/scorecards/checks/new">
            New check
          </Button>
        )}
        <Button onClick={() => setExporting(true)}>Export all as YAML</Button>
      </Stack>
      {checks.error && <ErrorPanel error={checks.error} onRetry={() => void checks.refetch()} />}
      {!checks.data && !checks.error && <Progress />}
      {checks.data?.checks.length === 0 && <EmptyState title="No checks yet" />}
      {checks.data && checks.data.checks.length > 0 && (
        <Table size="small" aria-label="Checks">
          <TableHead>
            <TableRow>
              <TableCell>Check</TableCell>
              <TableCell>Kind</TableCell>
              <TableCell>Source</TableCell>
              <TableCell>Owner</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {checks.data.checks.map((check) => (
              <TableRow key={check.id} hover>
                <TableCell>
                  <Link to={`/scorecards/checks/${encodeURIComponent(check.id)}`}>{check.name}</Link>
                </TableCell>
                <TableCell>{check.type}</TableCell>
                <TableCell>
                  <SourceChip source={check.source} />
                </TableCell>
                <TableCell>{check.ownerEntityRef ?? '–'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {isExporting && <YamlExportDialog kind="check" onClose={() => setExporting(false)} />}
    </Stack>
  );
}
