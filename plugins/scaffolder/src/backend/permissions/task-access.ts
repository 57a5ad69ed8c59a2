import { AtriumError, NotAllowedError, NotFoundError } from '@atrium/errors';
import { type Credentials, mapCriteria, type PermissionsService } from '@atrium/kernel';
import {
  RESOURCE_TYPE_SCAFFOLDER_TASK,
  type ScaffolderPermission,
  scaffolderErrorCodes,
  scaffolderPermissions,
} from '../../common/index.js';
import type { CatalogClient } from '../catalog/catalog-client.js';
import type { TaskRow } from '../store/tables.js';
import type { TaskListQuery, TaskStore } from '../store/task-store.js';
import { taskRules } from './permission-rules.js';
import { type TaskFilter, taskMatchesFilter } from './task-filter.js';

const MATCH_NOTHING: TaskFilter = { anyOf: [] };
const REFS_PER_CATALOG_CALL = 1000;

/**
 * Who sees which task. A task is visible to a caller when `scaffolder.task.read` allows it
 * (conditions: `HAS_CREATED_BY`, `HAS_TEMPLATE_ENTITY_REFS`) and the caller may read the
 * template it was created from (`catalog.entity.read`, asked of the catalog as the
 * caller): its spec carries the template's steps and metadata. A task the caller may not
 * see answers exactly as a missing one; a caller denied task reads outright gets a 403.
 */
export interface TaskAccess {
  /** The filter of the caller's task list (`undefined`: every task). */
  listFilter(credentials: Credentials, query: TaskListQuery): Promise<TaskFilter | undefined>;
  /** The task, when the caller may see it; otherwise the 404 of a missing task. */
  readableTask(credentials: Credentials, taskId: string, what: string): Promise<TaskRow>;
  /** Throws a 403 unless `scaffolder.task.cancel` allows the caller this task. */
  requireCancel(credentials: Credentials, task: TaskRow, what: string): Promise<void>;
}

/** Creates the task access checks over the permissions service, the store and the catalog. */
export function createTaskAccess(deps: {
  permissions: PermissionsService;
  store: Pick<TaskStore, 'get' | 'templateRefs'>;
  catalog: Pick<CatalogClient, 'getEntitiesByRefs'>;
  /** The scaffolder's own credentials: to tell a template the caller may not read from a deleted one. */
  serviceCredentials: () => Credentials;
}): TaskAccess {
  const rules = new Map(taskRules.map((rule) => [rule.name, rule]));

  async function decisionFilter(permission: ScaffolderPermission, credentials: Credentials, what: string) {
    const [decision] = await deps.permissions.authorizeConditional([{ permission }], { credentials });
    if (!decision || decision.result === 'DENY')
      throw new NotAllowedError(`${what} is not allowed: permission '${permission.name}' was denied`);
    if (decision.result === 'ALLOW') return undefined;
    if (decision.resourceType !== RESOURCE_TYPE_SCAFFOLDER_TASK) return MATCH_NOTHING;
    return mapCriteria<TaskFilter>(
      decision.conditions,
      (condition) => {
        const rule = rules.get(condition.rule);
        if (!rule)
          throw new AtriumError(
            scaffolderErrorCodes.SCAFFOLDER_UNKNOWN_PERMISSION_RULE,
            `the permission policy uses rule '${condition.rule}' for '${permission.name}', which the scaffolder does not have; use one of ${[...rules.keys()].join(', ')}`,
          );
        return rule.toQuery(condition.params ?? {});
      },
      {
        allOf: (items) => ({ allOf: items }),
        anyOf: (items) => ({ anyOf: items }),
        not: (item) => ({ not: item }),
      },
    );
  }

  // The templates that exist but that the caller may not read. A template deleted since
  // leaves its tasks to the task permissions alone: nothing is left to hide behind.
  async function hiddenTemplates(refs: string[], credentials: Credentials): Promise<Set<string>> {
    const hidden = new Set<string>();
    for (let start = 0; start < refs.length; start += REFS_PER_CATALOG_CALL) {
      const chunk = refs.slice(start, start + REFS_PER_CATALOG_CALL);
      const asCaller = await deps.catalog.getEntitiesByRefs(chunk, credentials);
      const unreadable = chunk.filter((_, index) => !asCaller[index]);
      if (unreadable.length === 0) continue;
      const existing = await deps.catalog.getEntitiesByRefs(unreadable, deps.serviceCredentials());
      for (const [index, ref] of unreadable.entries()) if (existing[index]) hidden.add(ref);
    }
    return hidden;
  }

  return {
    async listFilter(credentials, query) {
      const filter = await decisionFilter(scaffolderPermissions.taskRead, credentials, 'listing tasks');
      const hidden = await hiddenTemplates(await deps.store.templateRefs({ ...query, filter }), credentials);
      if (hidden.size === 0) return filter;
      const templates: TaskFilter = { not: { column: 'template_ref', values: [...hidden] } };
      return filter ? { allOf: [filter, templates] } : templates;
    },
    async readableTask(credentials, taskId, what) {
      const filter = await decisionFilter(scaffolderPermissions.taskRead, credentials, what);
      const task = await deps.store.get(taskId);
      const visible =
        task !== undefined &&
        (!filter || taskMatchesFilter(task, filter)) &&
        (!task.template_ref ||
          !(await hiddenTemplates([task.template_ref], credentials)).has(task.template_ref));
      if (!visible) throw new NotFoundError(`task '${taskId}' does not exist`);
      return task;
    },
    async requireCancel(credentials, task, what) {
      const permission = scaffolderPermissions.taskCancel;
      const filter = await decisionFilter(permission, credentials, what);
      if (filter && !taskMatchesFilter(task, filter))
        throw new NotAllowedError(`${what} is not allowed: permission '${permission.name}' was denied`);
    },
  };
}
