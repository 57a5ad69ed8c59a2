import { useEntityTitles } from '@atrium/catalog/frontend';
import { DataTable, type DataTableColumn, EmptyState, Link, Page, useTableState } from '@atrium/ui';
import { identityApiRef, useApi } from '@atrium/web-kernel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { SerializedTask, TaskStatus } from '../../common/index.js';
import { scaffolderApiRef } from '../api/scaffolder-api.js';
import { EntityRefLink } from '../components/entity-links.js';
import { useScaffolderContext } from '../scaffolder-context.js';
import { TaskStatusChip } from '../task/task-status-chip.js';
import { templateTitleOf } from '../task/template-title.js';

const statuses: TaskStatus[] = ['open', 'processing', 'completed', 'failed', 'cancelled'];

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** `/create/tasks`: past runs, mine or everyone's, filterable by status. */
export function TaskListPage() {
  const scaffolder = useApi(scaffolderApiRef);
  const identity = useApi(identityApiRef).getState();
  const userRef = identity.status === 'signed-in' ? identity.session.identity.userEntityRef : undefined;
  const { routes } = useScaffolderContext();
  const [owner, setOwner] = useState<'mine' | 'all'>(userRef ? 'mine' : 'all');
  const [status, setStatus] = useState<TaskStatus | ''>('');
  const table = useTableState({ pageSize: 20 });
  const createdBy = owner === 'mine' ? userRef : undefined;
  const query = useQuery({
    queryKey: ['scaffolder', 'tasks', createdBy, status, table.state],
    queryFn: () =>
      scaffolder.listTasks({
        query: {
          createdBy,
          status: status || undefined,
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
  const columns: DataTableColumn<SerializedTask>[] = [
    {
      id: 'task',
      header: 'Task',
      render: (task) => <Link to={routes.task(task.id)}>{task.id.slice(0, 8)}</Link>,
    },
    {
      id: 'template',
      header: 'Template',
      render: (task) => {
        const ref = task.spec.templateInfo?.entityRef;
        if (!ref) return '—';
        return (
          <EntityRefLink entityRef={ref} defaultKind="template">
            {templateTitleOf(task) ?? titleOf(ref)}
          </EntityRefLink>
        );
      },
    },
    { id: 'status', header: 'Status', render: (task) => <TaskStatusChip status={task.status} /> },
    {
      id: 'createdBy',
      header: 'Created by',
      render: (task) =>
        task.createdBy ? (
          <EntityRefLink entityRef={task.createdBy} defaultKind="user">
            {titleOf(task.createdBy)}
          </EntityRefLink>
        ) : (
          '—'
        ),
    },
    { id: 'created', header: 'Created', render: (task) => formatDate(task.createdAt) },
  ];
  return (
    <Page
      title="Tasks"
      subtitle="Runs of software templates"
      actions={<Link to={routes.gallery}>Templates</Link>}
    >
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center' }}>
        <ToggleButtonGroup
          exclusive
          size="small"
          value={owner}
          aria-label="Whose tasks"
          onChange={(_, next) => {
            if (next) setOwner(next);
            table.onStateChange({ ...table.state, page: 0 });
          }}
        >
          <ToggleButton value="mine" disabled={!userRef}>
            Mine
          </ToggleButton>
          <ToggleButton value="all">All</ToggleButton>
        </ToggleButtonGroup>
        <TextField
          select
          size="small"
          label="Status"
          value={status}
          sx={{ minWidth: 160 }}
          onChange={(event) => {
            setStatus(event.target.value as TaskStatus | '');
            table.onStateChange({ ...table.state, page: 0 });
          }}
        >
          <MenuItem value="">Any status</MenuItem>
          {statuses.map((s) => (
            <MenuItem key={s} value={s}>
              {s}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <DataTable
        label="Tasks"
        columns={columns}
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
