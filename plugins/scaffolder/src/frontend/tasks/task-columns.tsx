import { type DataTableColumn, Link } from '@atrium/ui';
import type { SerializedTask } from '../../common/index.js';
import { EntityRefLink } from '../components/entity-links.js';
import type { ScaffolderRoutes } from '../scaffolder-context.js';
import { TaskStatusChip } from '../task/task-status-chip.js';
import { templateTitleOf } from '../task/template-title.js';

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/**
 * The task list's columns: the task's link, its template, status, creator and start time.
 * `titleOf` names an entity ref, or returns undefined to show the ref.
 *
 * @example
 * <DataTable columns={taskColumns(routes, titleOf)} … />
 */
export function taskColumns(
  routes: ScaffolderRoutes,
  titleOf: (ref: string) => string | undefined,
): DataTableColumn<SerializedTask>[] {
  const templateCell = (task: SerializedTask) => {
    const ref = task.spec.templateInfo?.entityRef;
    if (!ref) return '—';
    return (
      <EntityRefLink entityRef={ref} defaultKind="template">
        {templateTitleOf(task) ?? titleOf(ref)}
      </EntityRefLink>
    );
  };
  const creatorCell = (task: SerializedTask) =>
    task.createdBy ? (
      <EntityRefLink entityRef={task.createdBy} defaultKind="user">
        {titleOf(task.createdBy)}
      </EntityRefLink>
    ) : (
      '—'
    );
  return [
    {
      id: 'task',
      header: 'Task',
      render: (task) => <Link to={routes.task(task.id)}>{task.id.slice(0, 8)}</Link>,
    },
    { id: 'template', header: 'Template', render: templateCell },
    { id: 'status', header: 'Status', render: (task) => <TaskStatusChip status={task.status} /> },
    { id: 'createdBy', header: 'Created by', render: creatorCell },
    { id: 'created', header: 'Created', render: (task) => formatDate(task.createdAt) },
  ];
}
