import { useEntityTitles } from '@atrium/catalog/frontend';
import { DataTable, EmptyState, Link, Page, useTableState } from '@atrium/ui';
import { identityApiRef, useApi } from '@atrium/web-kernel';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { scaffolderApiRef } from '../api/scaffolder-api.js';
import { useScaffolderContext } from '../scaffolder-context.js';
import { taskColumns } from './task-columns.js';
import { type TaskFilter, TaskFilters } from './task-filters.js';

/** `/create/tasks`: past runs, mine or everyone's, filterable by status. */
export function TaskListPage() {
  const scaffolder = useApi(scaffolderApiRef);
  const identity = useApi(identityApiRef).getState();
  const userRef = identity.status === 'signed-in' ? identity.session.identity.userEntityRef : undefined;
  const { routes } = useScaffolderContext();
  const [filter, setFilter] = useState<TaskFilter>({ owner: userRef ? 'mine' : 'all', status: '' });
  const table = useTableState({ pageSize: 20 });
  const createdBy = filter.owner === 'mine' ? userRef : undefined;
  const query = useQuery({
    queryKey: ['scaffolder', 'tasks', createdBy, filter.status, table.state],
    queryFn: () =>
      scaffolder.listTasks({
        query: {
          createdBy,
          status: filter.status || undefined,
          order: 'desc:created_at',
          limit: table.state.pageSize,
          offset: table.offset,
        },
      }),
    placeholderData: keepPreviousData,
  });
  const tasks = query.data?.tasks ?? [];
  const titles = useEntityTitles(
    tasks.flatMap((task) =>
      [task.createdBy, task.spec.templateInfo?.entityRef].filter((ref): ref is string => !!ref),
    ),
  );
  // The signed-in user may have no catalog entity (the guest): their sign-in profile names them.
  const myName = identity.status === 'signed-in' ? identity.session.profile.displayName : undefined;
  const titleOf = (ref: string) => titles.get(ref.toLowerCase()) ?? (ref === userRef ? myName : undefined);
  const changeFilter = (next: TaskFilter) => {
    setFilter(next);
    table.onStateChange({ ...table.state, page: 0 });
  };
  return (
    <Page
      title="Tasks"
      subtitle="Runs of software templates"
      actions={<Link to={routes.gallery}>Templates</Link>}
    >
      <TaskFilters filter={filter} onChange={changeFilter} canShowMine={!!userRef} />
      <DataTable
        label="Tasks"
        columns={taskColumns(routes, titleOf)}
        rows={query.data?.tasks}
        rowKey={(task) => task.id}
        totalCount={query.data?.totalTasks}
        state={table.state}
        onStateChange={table.onStateChange}
        isFetching={query.isFetching}
        error={query.error ?? undefined}
        onRetry={() => query.refetch()}
        emptyState={
          <EmptyState title="No tasks yet" description="Choose a template and press Create to start one." />
        }
      />
    </Page>
  );
}
