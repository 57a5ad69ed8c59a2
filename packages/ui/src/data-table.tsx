import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import type { ReactNode } from 'react';
import { EmptyState } from './empty-state.js';
import { ErrorPanel } from './error-panel.js';
import type { TableState } from './use-table-state.js';

/** One column of a {@link DataTable}. */
export interface DataTableColumn<TRow> {
  /** Sent to the server as the sort key when the column is sortable. */
  id: string;
  header: ReactNode;
  render: (row: TRow) => ReactNode;
  isSortable?: boolean;
  width?: number | string;
  align?: 'left' | 'right' | 'center';
}

/** Props of {@link DataTable}. */
export interface DataTableProps<TRow> {
  columns: readonly DataTableColumn<TRow>[];
  /** The current page's rows; `undefined` while the first page loads. */
  rows: readonly TRow[] | undefined;
  rowKey: (row: TRow) => string;
  /** Rows on all pages; `-1` when the server does not know. */
  totalCount?: number;
  state: TableState;
  onStateChange: (next: TableState) => void;
  /** A later page or sort is loading while the previous rows stay visible. */
  isFetching?: boolean;
  error?: unknown;
  onRetry?: () => void;
  emptyState?: ReactNode;
  pageSizeOptions?: number[];
  /** Accessible name of the table. */
  label?: string;
}

/**
 * A table whose paging and sorting happen on the server: it shows skeleton rows while
 * the first page loads, a thin progress bar while another page loads, an error panel
 * with Retry, and an empty state.
 *
 * @example
 * <DataTable columns={columns} rows={query.data?.items} rowKey={(e) => e.metadata.uid}
 *   totalCount={query.data?.totalItems} state={table.state} onStateChange={table.onStateChange} />
 */
export function DataTable<TRow>(props: DataTableProps<TRow>) {
  const { columns, rows, rowKey, totalCount = -1, state, onStateChange, isFetching, error } = props;
  if (error && !rows) return <ErrorPanel error={error} onRetry={props.onRetry} />;
  // An unknown total becomes known on a short page, which disables "next" at the end.
  const count =
    totalCount === -1 && rows && rows.length < state.pageSize
      ? state.page * state.pageSize + rows.length
      : totalCount;
  const toggleSort = (by: string) => {
    const direction = state.sort?.by === by && state.sort.direction === 'asc' ? 'desc' : 'asc';
    onStateChange({ ...state, page: 0, sort: { by, direction } });
  };
  return (
    <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper' }}>
      <Box sx={{ height: 4 }}>{isFetching && rows && <LinearProgress aria-label="Loading" />}</Box>
      <TableContainer>
        <Table size="small" aria-label={props.label} aria-busy={rows === undefined || isFetching}>
          <TableHead>
            <TableRow>
              {columns.map((column) => (
                <TableCell key={column.id} align={column.align} sx={{ width: column.width }}>
                  {column.isSortable ? (
                    <TableSortLabel
                      active={state.sort?.by === column.id}
                      direction={state.sort?.by === column.id ? state.sort.direction : 'asc'}
                      onClick={() => toggleSort(column.id)}
                    >
                      {column.header}
                    </TableSortLabel>
                  ) : (
                    column.header
                  )}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows === undefined
              ? Array.from({ length: Math.min(state.pageSize, 8) }, (_, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity
                  <TableRow key={index}>
                    {columns.map((column) => (
                      <TableCell key={column.id}>
                        <Skeleton variant="text" />
                      </TableCell>
                    ))}
                  </TableRow>
                ))
              : rows.map((row) => (
                  <TableRow key={rowKey(row)} hover>
                    {columns.map((column) => (
                      <TableCell key={column.id} align={column.align}>
                        {column.render(row)}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
          </TableBody>
        </Table>
      </TableContainer>
      {rows?.length === 0 && (props.emptyState ?? <EmptyState title="Nothing to show" />)}
      {error !== undefined && error !== null && rows && <ErrorPanel error={error} onRetry={props.onRetry} />}
      <TablePagination
        component="div"
        count={count}
        page={state.page}
        rowsPerPage={state.pageSize}
        rowsPerPageOptions={props.pageSizeOptions ?? [10, 20, 50, 100]}
        onPageChange={(_, page) => onStateChange({ ...state, page })}
        onRowsPerPageChange={(event) =>
          onStateChange({ ...state, page: 0, pageSize: Number(event.target.value) })
        }
      />
    </Box>
  );
}
