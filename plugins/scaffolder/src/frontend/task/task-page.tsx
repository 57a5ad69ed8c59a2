import { ResponseError } from '@atrium/errors';
import { EmptyState, ErrorPanel, Link, Page, Progress } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { scaffolderApiRef } from '../api/scaffolder-api.js';
import { EntityRefLink } from '../components/entity-links.js';
import { useScaffolderContext } from '../scaffolder-context.js';
import { TaskView } from './task-view.js';
import { templateTitleOf } from './template-title.js';

/** `/create/tasks/:taskId`: one run of a template, its steps, live logs and output. */
export function TaskPage() {
  const { taskId = '' } = useParams();
  const scaffolder = useApi(scaffolderApiRef);
  const { routes } = useScaffolderContext();
  const query = useQuery({
    queryKey: ['scaffolder', 'task', taskId],
    queryFn: async () => {
      try {
        return await scaffolder.getTask({ params: { taskId } });
      } catch (error) {
        // A missing task is an answer the page shows, not a failure; so is an id the API
        // refuses (too long, a NUL), which no task can have.
        if (error instanceof ResponseError && [400, 404].includes(error.statusCode)) return null;
        throw error;
      }
    },
  });
  const task = query.data;
  const templateRef = task?.spec.templateInfo?.entityRef;
  const templateTitle = task ? templateTitleOf(task) : undefined;
  return (
    <Page
      title={templateTitle ? `Run of ${templateTitle}` : 'Task'}
      overline={`Task ${taskId}`}
      subtitle={templateRef ? <EntityRefLink entityRef={templateRef} defaultKind="template" /> : undefined}
      actions={<Link to={routes.tasks}>All tasks</Link>}
    >
      {query.isPending && <Progress label="Loading the task" />}
      {query.isError && (
        <ErrorPanel error={query.error} title="Could not load the task" onRetry={() => query.refetch()} />
      )}
      {query.isSuccess && !task && (
        <EmptyState
          title="Task not found"
          description={`There is no task with id ${taskId}, or you may not see it.`}
        />
      )}
      {task && <TaskView task={task} onChanged={() => query.refetch()} />}
    </Page>
  );
}
