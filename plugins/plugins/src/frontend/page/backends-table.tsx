import { DataTable, type DataTableColumn, useTableState } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { backendInstanceSchema } from '../../common/index.js';
import { pluginsApiRef } from '../api/plugins-api-ref.js';
import { BackendStatusChips } from './backend-status-chips.js';

type BackendInstance = z.infer<typeof backendInstanceSchema>;

const columns: DataTableColumn<BackendInstance>[] = [
  { id: 'backend', header: 'Backend', render: (b) => b.backendId },
  { id: 'seen', header: 'Last seen', render: (b) => new Date(b.lastSeen).toLocaleString() },
  {
    id: 'plugins',
    header: 'Serves',
    render: (b) => (
      // One backend, many plugins: each chip is named after the plugin instead.
      <BackendStatusChips backends={b.plugins.map((p) => ({ ...p, backendId: p.pluginId }))} />
    ),
  },
];

/** Every backend sharing the database and what it serves: the convergence, backend by backend. */
export function BackendsTable() {
  const client = useApi(pluginsApiRef);
  const table = useTableState({ pageSize: 20 });
  const query = useQuery({ queryKey: ['plugins', 'backends'], queryFn: () => client.backends({}) });
  return (
    <DataTable
      label="Backends"
      columns={columns}
      rows={query.data?.items}
      rowKey={(b) => b.backendId}
      totalCount={query.data?.items.length ?? -1}
      state={table.state}
      onStateChange={table.onStateChange}
      isFetching={query.isFetching}
      error={query.error ?? undefined}
      onRetry={() => query.refetch()}
    />
  );
}
