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
import { YamlExportDialog } from '../checks/yaml-export-dialog.js';
import { SourceChip } from '../components/definition-source.js';
import { definitionApi, definitionKinds } from './definition-api.js';
import type { DefinitionKind, StoredDefinition } from './track-draft.js';

const datesOf = (definition: StoredDefinition) =>
  'startDate' in definition ? `${definition.startDate} → ${definition.targetCompletionDate}` : undefined;

function DefinitionsTable({ kind, definitions }: { kind: DefinitionKind; definitions: StoredDefinition[] }) {
  const words = definitionKinds[kind];
  return (
    <Table size="small" aria-label={words.plural}>
      <TableHead>
        <TableRow>
          <TableCell>{words.title}</TableCell>
          <TableCell>Levels</TableCell>
          {kind === 'campaign' && <TableCell>Dates</TableCell>}
          <TableCell>Source</TableCell>
          <TableCell>Owner</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {definitions.map((definition) => (
          <TableRow key={definition.id} hover>
            <TableCell>
              <Link to={`${words.path}/${encodeURIComponent(definition.id)}`}>{definition.name}</Link>
            </TableCell>
            <TableCell>
              {[...definition.levels]
                .sort((a, b) => a.ordinal - b.ordinal)
                .map((l) => l.name)
                .join(' → ')}
            </TableCell>
            {kind === 'campaign' && <TableCell>{datesOf(definition)}</TableCell>}
            <TableCell>
              <SourceChip source={definition.source} />
            </TableCell>
            <TableCell>{definition.ownerEntityRef ?? '–'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** `/scorecards/tracks` or `/scorecards/campaigns`: every definition with its levels and source; new ones and YAML export. */
export function TracksPage({ kind }: { kind: DefinitionKind }) {
  const api = definitionApi(useApi(scorecardsApiRef), kind);
  const access = useScorecardsAccess();
  const words = definitionKinds[kind];
  const [isExporting, setExporting] = useState(false);
  const list = useQuery({ queryKey: ['scorecards', `${kind}-list`], queryFn: () => api.list() });
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1}>
        {access.data?.canEditChecks && (
          <Button variant="contained" component={RouterLink} to={`${words.path}/new`}>
            {`New ${words.title.toLowerCase()}`}
          </Button>
        )}
        <Button onClick={() => setExporting(true)}>Export all as YAML</Button>
      </Stack>
      {list.error && <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />}
      {!list.data && !list.error && <Progress />}
      {list.data?.length === 0 && <EmptyState title={`No ${words.plural.toLowerCase()} yet`} />}
      {list.data && list.data.length > 0 && <DefinitionsTable kind={kind} definitions={list.data} />}
      {isExporting && <YamlExportDialog kind={kind} onClose={() => setExporting(false)} />}
    </Stack>
  );
}
