import { DataTable, type DataTableColumn, EmptyState, useTableState } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import { useQuery } from '@tanstack/react-query';
import type { PluginHistoryEvent } from '../../common/index.js';
import { pluginsApiRef } from '../api/plugins-api-ref.js';

const columns: DataTableColumn<PluginHistoryEvent>[] = [
  { id: 'time', header: 'Time', render: (e) => new Date(e.time).toLocaleString(), width: 180 },
  { id: 'plugin', header: 'Plugin', render: (e) => e.pluginId },
  { id: 'action', header: 'Action', render: (e) => e.action },
  { id: 'version', header: 'Version', render: (e) => e.version ?? '' },
  { id: 'actor', header: 'By', render: (e) => e.actor ?? '' },
  { id: 'message', header: 'Message', render: (e) => e.message },
];

/** The lifecycle events of every plugin, newest first (the same events go to the audit log). */
export function HistoryTable() {
  const client = useApi(pluginsApiRef);
  const table = useTableState({ pageSize: 20 });
  const query = useQuery({
    queryKey: ['plugins', 'history'],
    queryFn: () => client.history({ query: { limit: 500 } }),
  });
  const { page, pageSize } = table.state;
  const items = query.data?.items;
  return (
    <DataTable
      label="Plugin history"
      columns={columns}
      rows={items?.slice(page * pageSize, (page + 1) * pageSize)}
      rowKey={(e) => e.id}
      totalCount={items?.length ?? -1}
      state={table.state}
      onStateChange={table.onStateChange}
      isFetching={query.isFetching}
      error={query.error ?? undefined}
      onRetry={() => query.refetch()}
      emptyState={
        <EmptyState title="No events yet" description="Installs, upgrades and removals show here." />
      }
    />
  );
}
