import type { SerializedTask } from '../../common/index.js';

/**
 * The title of the template a task ran, from the entity stored with the task, where it
 * is text; `undefined` when the task does not say.
 *
 * @example
 * templateTitleOf(task); // 'Node.js service'
 */
export function templateTitleOf(task: SerializedTask): string | undefined {
  const title = task.spec.templateInfo?.entity?.metadata.title;
  return typeof title === 'string' ? title : undefined;
}
