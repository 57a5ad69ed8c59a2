import { DataTable, EmptyState, Page, useTableState } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AuditEvent } from '../../common/index.js';
import { auditApiRef } from '../api/audit-api-ref.js';
import { auditColumns } from './audit-columns.js';
import { AuditEventDrawer } from './audit-event-drawer.js';
import { AuditFilters, type AuditFilterValues, noAuditFilters } from './audit-filters.js';

const orUndefined = (value: string) => (value === '' ? undefined : value);
const instant = (local: string) => (local === '' ? undefined : new Date(local).toISOString());

/** The API query for a set of filters. */
function queryOf(filters: AuditFilterValues) {
  return {
    pluginId: orUndefined(filters.pluginId.trim()),
    eventId: orUndefined(filters.eventId.trim()),
    actorId: orUndefined(filters.actorId.trim()),
    target: orUndefined(filters.target.trim()),
    q: orUndefined(filters.q.trim()),
    status: orUndefined(filters.status) as 'succeeded' | 'failed' | undefined,
    severity: orUndefined(filters.severity) as 'low' | 'medium' | 'high' | 'critical' | undefined,
    from: instant(filters.from),
    to: instant(filters.to),
  };
}

/** `/audit`: who did what, newest first, with filters, paging and each event's JSON. */
export function AuditPage() {
  const audit = useApi(auditApiRef);
  const [filters, setFilters] = useState<AuditFilterValues>(noAuditFilters);
  const table = useTableState({ pageSize: 20 });
  // The cursor of each page reached so far: pages are newest first and cursor-linked.
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const [open, setOpen] = useState<AuditEvent | undefined>();
  const { page, pageSize } = table.state;
  const query = useQuery({
    queryKey: ['audit', 'events', filters, pageSize, page, cursors[page]],
    queryFn: () =>
      audit.listEvents({ query: { ...queryOf(filters), limit: pageSize, cursor: cursors[page] } }),
    placeholderData: keepPreviousData,
  });
  const nextCursor = query.data?.pageInfo.nextCursor;
  const rows = query.data?.items;
  const restart = () => {
    setCursors([undefined]);
    table.onStateChange({ ...table.state, page: 0 });
  };
  return (
    <Page title="Audit log" subtitle="Who did what, when, and how it ended">
      <AuditFilters
        value={filters}
        onApply={(next) => {
          setFilters(next);
          restart();
        }}
      />
      <DataTable
        label="Audit events"
        columns={auditColumns(setOpen)}
        rows={rows}
        rowKey={(event) => event.id}
        // Unknown while more pages follow; counted once the last page is reached.
        totalCount={nextCursor || !rows ? -1 : page * pageSize + rows.length}
        state={table.state}
        onStateChange={(next) => {
          if (next.pageSize !== pageSize) {
            setCursors([undefined]);
            return table.onStateChange({ ...next, page: 0 });
          }
          if (next.page > page && nextCursor) setCursors([...cursors.slice(0, next.page), nextCursor]);
          table.onStateChange(next);
        }}
        isFetching={query.isFetching}
        error={query.error ?? undefined}
        onRetry={() => query.refetch()}
        emptyState={<EmptyState title="No audit events" description="Nothing matches these filters." />}
      />
      <AuditEventDrawer event={open} onClose={() => setOpen(undefined)} />
    </Page>
  );
}
