import { EmptyState, ErrorPanel, Page, Progress } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import { Chip, Link, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import type { DocumentedEntity } from '../../common/index.js';
import { techdocsApiRef } from '../api/techdocs-client.js';

/** Entities whose title, name, site name, owner or description contain the filter text. */
export function filterDocumented(items: DocumentedEntity[], filter: string): DocumentedEntity[] {
  const needle = filter.trim().toLowerCase();
  if (!needle) return items;
  return items.filter((e) =>
    [e.title, e.name, e.siteName, e.owner ?? '', e.description, e.kind].some((v) =>
      v.toLowerCase().includes(needle),
    ),
  );
}

/** `/docs`: every documented entity the user may read, filterable. */
export function DocsIndexPage({ basePath }: { basePath: string }) {
  const api = useApi(techdocsApiRef);
  const query = useQuery({ queryKey: ['techdocs', 'entities'], queryFn: () => api.listEntities() });
  const [filter, setFilter] = useState('');
  const items = useMemo(() => filterDocumented(query.data ?? [], filter), [query.data, filter]);
  return (
    <Page title="Documentation" subtitle="Docs of the software in the catalog">
      <TextField
        size="small"
        label="Filter docs"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        sx={{ mb: 2 }}
      />
      {query.isPending && <Progress />}
      {query.error && <ErrorPanel error={query.error} title="Could not list the docs" />}
      {query.data && items.length === 0 && (
        <EmptyState
          title="No docs found"
          description="Entities with a backstage.io/techdocs-ref annotation appear here once built."
        />
      )}
      {items.length > 0 && (
        <Table size="small" aria-label="Documented entities">
          <TableHead>
            <TableRow>
              <TableCell>Docs</TableCell>
              <TableCell>Entity</TableCell>
              <TableCell>Owner</TableCell>
              <TableCell>Description</TableCell>
              <TableCell>Build</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((e) => (
              <TableRow key={e.entityRef}>
                <TableCell>
                  <Link component={RouterLink} to={`${basePath}/${e.namespace}/${e.kind}/${e.name}`}>
                    {e.siteName}
                  </Link>
                </TableCell>
                <TableCell>{e.title}</TableCell>
                <TableCell>{e.owner ?? ''}</TableCell>
                <TableCell>{e.description}</TableCell>
                <TableCell>
                  <Chip size="small" label={e.status} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Page>
  );
}
