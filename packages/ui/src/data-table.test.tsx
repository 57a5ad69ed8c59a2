// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataTable, type DataTableColumn } from './data-table.js';
import { useTableState } from './use-table-state.js';

afterEach(cleanup);

interface Row {
  name: string;
  owner: string;
}

const columns: DataTableColumn<Row>[] = [
  { id: 'name', header: 'Name', render: (row) => row.name, isSortable: true },
  { id: 'owner', header: 'Owner', render: (row) => row.owner },
];
const state = { page: 0, pageSize: 10 };

describe('DataTable', () => {
  it('shows skeleton rows while the first page loads', () => {
    render(
      <DataTable
        columns={columns}
        rows={undefined}
        rowKey={(r) => r.name}
        state={state}
        onStateChange={vi.fn()}
      />,
    );
    expect(screen.getByRole('table').getAttribute('aria-busy')).toBe('true');
  });

  it('renders rows and asks the server for a new sort, back on the first page', () => {
    const onStateChange = vi.fn();
    render(
      <DataTable
        columns={columns}
        rows={[{ name: 'api', owner: 'team-a' }]}
        rowKey={(r) => r.name}
        totalCount={30}
        state={{ ...state, page: 2 }}
        onStateChange={onStateChange}
      />,
    );
    expect(screen.getByText('team-a')).toBeTruthy();
    fireEvent.click(screen.getByText('Name'));
    expect(onStateChange).toHaveBeenCalledWith({
      page: 0,
      pageSize: 10,
      sort: { by: 'name', direction: 'asc' },
    });
  });

  it('pages forward', () => {
    const onStateChange = vi.fn();
    render(
      <DataTable
        columns={columns}
        rows={[{ name: 'api', owner: 'team-a' }]}
        rowKey={(r) => r.name}
        totalCount={30}
        state={state}
        onStateChange={onStateChange}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: /next page/i }));
    expect(onStateChange).toHaveBeenCalledWith({ page: 1, pageSize: 10 });
  });

  it('shows the error with Retry when the first page fails', () => {
    const onRetry = vi.fn();
    render(
      <DataTable
        columns={columns}
        rows={undefined}
        rowKey={(r) => r.name}
        state={state}
        onStateChange={vi.fn()}
        error={{ error: { name: 'NotAllowedError', message: 'denied' } }}
        onRetry={onRetry}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalled();
    expect(screen.getByText('denied')).toBeTruthy();
  });

  it('shows an empty state for an empty page', () => {
    render(
      <DataTable columns={columns} rows={[]} rowKey={(r) => r.name} state={state} onStateChange={vi.fn()} />,
    );
    expect(screen.getByText('Nothing to show')).toBeTruthy();
  });
});

describe('useTableState', () => {
  it('tracks the offset of the current page', () => {
    const { result } = renderHook(() => useTableState({ pageSize: 25 }));
    expect(result.current.offset).toBe(0);
    act(() => result.current.onStateChange({ ...result.current.state, page: 2 }));
    expect(result.current.offset).toBe(50);
  });
});
