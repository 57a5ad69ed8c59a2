import type { Entity } from '@atrium/catalog-model';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { EntityRefLink } from './entity-ref-link.js';
import { humanizeEntityRef } from './entity-route.js';

/** One row of an {@link EntitySummaryTable}: a ref and, when the catalog has it, its entity. */
export interface EntitySummaryRow {
  ref: string;
  entity: Entity | null;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * A compact table of entities: name (linked), kind, type and description. A ref the
 * catalog does not have yet is listed as text, marked as missing.
 *
 * @example
 * <EntitySummaryTable label="Depends on" rows={related} />
 */
export function EntitySummaryTable({ label, rows }: { label: string; rows: readonly EntitySummaryRow[] }) {
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>Name</TableCell>
          <TableCell>Kind</TableCell>
          <TableCell>Type</TableCell>
          <TableCell>Description</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(({ ref, entity }) => (
          <TableRow key={ref}>
            <TableCell>
              {entity ? (
                <EntityRefLink entityRef={entity} />
              ) : (
                <>
                  {/* Known to be missing: there is no title to look up. */}
                  <EntityRefLink entityRef={ref} title={humanizeEntityRef(ref)} />
                  <Typography variant="caption" color="text.secondary" component="div">
                    not in the catalog
                  </Typography>
                </>
              )}
            </TableCell>
            <TableCell>{entity?.kind ?? ''}</TableCell>
            <TableCell>{text(entity?.spec?.type)}</TableCell>
            <TableCell>{text(entity?.metadata.description)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
