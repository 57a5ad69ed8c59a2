import { useCallback, useState } from 'react';

/** Sort order of a server-side table. */
export interface TableSort {
  /** Column id to sort by. */
  by: string;
  direction: 'asc' | 'desc';
}

/** Paging and sorting of a server-side table; put it in the query key. */
export interface TableState {
  /** Zero-based page index. */
  page: number;
  pageSize: number;
  sort?: TableSort;
}

/** What {@link useTableState} returns: the state, a setter for DataTable, and the row offset. */
export interface TableStateHandle {
  state: TableState;
  onStateChange: (next: TableState) => void;
  /** `page * pageSize`, the offset to ask the server for. */
  offset: number;
}

/**
 * Holds the paging and sorting of a table whose rows come from the server.
 *
 * @example
 * const table = useTableState({ pageSize: 20, sort: { by: 'name', direction: 'asc' } });
 * const query = useQuery({ queryKey: ['entities', table.state], queryFn: () => list(table.offset) });
 * <DataTable state={table.state} onStateChange={table.onStateChange} rows={query.data?.items} />
 */
export function useTableState(initial: Partial<TableState> = {}): TableStateHandle {
  const [state, setState] = useState<TableState>(() => ({
    page: initial.page ?? 0,
    pageSize: initial.pageSize ?? 20,
    ...(initial.sort ? { sort: initial.sort } : {}),
  }));
  const onStateChange = useCallback((next: TableState) => setState(next), []);
  return { state, onStateChange, offset: state.page * state.pageSize };
}
