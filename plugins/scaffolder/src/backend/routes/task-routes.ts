import { randomUUID } from 'node:crypto';
import { parseEntityRef, stringifyEntityRef } from '@atrium/catalog-model';
import { InputError, NotFoundError } from '@atrium/errors';
import {
  type AuditedOutcome,
  type Credentials,
  type RouteContext,
  type RouteHandlers,
  runAudited,
} from '@atrium/kernel';
import {
  type JsonObject,
  type scaffolderApi,
  scaffolderPermissions,
  type TaskSpec,
} from '../../common/index.js';
import { isValidCompoundRef } from '../catalog/catalog-client.js';
import type { TaskRow } from '../store/tables.js';
import { buildTaskSpec, serializeTask } from '../tasks/build-task-spec.js';
import { initiatorOf } from '../tasks/initiator.js';
import { asJson, type TemplateDocument, templateBaseUrl } from '../validation/template-spec.js';
import { checkTemplateRun, secretsProblems } from './check-template-run.js';
import type { ScaffolderContext } from './scaffolder-context.js';

type Routes = typeof scaffolderApi.routes;
type TaskHandlers = Pick<
  RouteHandlers<Routes>,
  'createTask' | 'listTasks' | 'getTask' | 'listTaskEvents' | 'cancelTask' | 'retryTask'
>;

const LONG_POLL_MS = 30_000;

function userRefOf(credentials: Credentials): string | undefined {
  return credentials.principal.type === 'user' ? credentials.principal.userEntityRef : undefined;
}

async function userEntity(ctx: ScaffolderContext, credentials: Credentials): Promise<JsonObject | undefined> {
  const ref = userRefOf(credentials);
  if (!ref) return undefined;
  // Best effort: a user without a catalog entity can still run templates.
  const entity = await ctx.catalog.getEntityByRef(parseEntityRef(ref), credentials).catch(() => undefined);
  return entity ? asJson(entity) : undefined;
}

// New secrets of a retry meet the same schema as on creation: the template's current one.
async function retrySecretsProblems(
  ctx: ScaffolderContext,
  credentials: Credentials,
  task: TaskRow,
  secrets: Record<string, string>,
) {
  const taskId = task.id;
  const spec = JSON.parse(task.spec) as TaskSpec;
  const ref = spec.templateInfo.entityRef;
  const template = await ctx.catalog.getEntityByRef(parseEntityRef(ref), credentials);
  if (!template) {
    throw new NotFoundError(
      `template '${ref}' of task '${taskId}' was not found in the catalog, or you may not read it; its secrets schema cannot be checked`,
    );
  }
  return secretsProblems(ctx, template as TemplateDocument, secrets);
}

/** Creates a task from a template the caller may read and run; invalid values answer 400. */
async function createTask(
  ctx: ScaffolderContext,
  { body, credentials, reply }: RouteContext<Routes['createTask']>,
): Promise<{ id: string }> {
  const { authorizer } = ctx;
  await authorizer.require(credentials, scaffolderPermissions.taskCreate, 'creating a task');
  const ref = parseEntityRef(body.templateRef, { defaultKind: 'template' });
  if (!isValidCompoundRef(ref))
    throw new InputError(
      'templateRef must name an entity: [<kind>:][<namespace>/]<name> with a valid kind, namespace and name (at most 63 characters each)',
    );
  const shown = stringifyEntityRef(ref);
  const entity = await ctx.catalog.getEntityByRef(ref, credentials);
  if (!entity)
    throw new NotFoundError(`template '${shown}' was not found in the catalog, or you may not read it`);
  const check = await checkTemplateRun(ctx, credentials, entity, body.values as JsonObject, body.secrets);
  if (!check.ok) return reply.code(400).send({ errors: check.errors }) as never;
  const spec = buildTaskSpec({
    template: check.template,
    steps: check.steps,
    values: body.values as JsonObject,
    user: { ref: userRefOf(credentials), entity: await userEntity(ctx, credentials) },
    templateInfo: {
      entityRef: shown,
      baseUrl: templateBaseUrl(entity),
      entity: { metadata: asJson(entity.metadata) },
    },
  });
  const id = randomUUID();
  await ctx.store.create({
    id,
    spec: JSON.stringify(spec),
    created_by: userRefOf(credentials) ?? null,
    template_ref: shown,
    initiator: JSON.stringify(initiatorOf(credentials) ?? null),
    secrets: body.secrets ? ctx.cipher.encrypt(body.secrets) : null,
  });
  ctx.logger.info(`created task '${id}' from '${shown}'`, {
    taskId: id,
    createdBy: userRefOf(credentials),
  });
  return { id };
}

/** Handlers of the task routes: create, list, read, events (long poll), cancel and retry. */
export function createTaskHandlers(ctx: ScaffolderContext): TaskHandlers {
  const { taskAccess } = ctx;
  return {
    createTask: (context) =>
      runAudited(
        ctx.auditor,
        {
          eventId: 'task.create',
          request: context.request,
          target: context.body.templateRef,
          meta: { templateRef: context.body.templateRef },
        },
        () => createTask(ctx, context),
        (result) =>
          rejectedOrDone(context.reply, () => ({ meta: { taskId: (result as { id: string }).id } })),
      ),
    async listTasks({ query, credentials }) {
      const order = query.order?.split(':') as
        | ['asc' | 'desc', 'created_at' | 'status' | 'created_by']
        | undefined;
      const selection = { createdBy: query.createdBy, status: query.status };
      // Totals and pages count only the tasks the caller may see.
      const filter = await taskAccess.listFilter(credentials, selection);
      const { rows, total } = await ctx.store.list({
        ...selection,
        filter,
        order: order ? { direction: order[0], field: order[1] } : undefined,
        limit: query.limit,
        offset: query.offset,
      });
      return { tasks: rows.map(serializeTask), totalTasks: total };
    },
    async getTask({ params, credentials }) {
      return serializeTask(
        await taskAccess.readableTask(credentials, params.taskId, `reading task '${params.taskId}'`),
      );
    },
    async listTaskEvents({ params, query, credentials, reply }) {
      await taskAccess.readableTask(
        credentials,
        params.taskId,
        `reading the events of task '${params.taskId}'`,
      );
      const closed = new AbortController();
      // The response closes when the client goes away (the request stream closes early).
      reply.raw.once('close', () => closed.abort());
      return ctx.events.waitForEvents(params.taskId, query.after, LONG_POLL_MS, closed.signal);
    },
    cancelTask: ({ params, credentials, request }) =>
      runAudited(
        ctx.auditor,
        { eventId: 'task.cancel', request, meta: { taskId: params.taskId } },
        async () => {
          const what = `cancelling task '${params.taskId}'`;
          const task = await taskAccess.readableTask(credentials, params.taskId, what);
          await taskAccess.requireCancel(credentials, task, what);
          return { status: await ctx.lifecycle.cancel(params.taskId, userRefOf(credentials)), task };
        },
        ({ task }) => ({ target: task.template_ref ?? undefined }),
      ).then(({ status }) => ({ status })),
    retryTask: (context) =>
      runAudited(
        ctx.auditor,
        { eventId: 'task.retry', request: context.request, meta: { taskId: context.params.taskId } },
        () => retryTask(ctx, context),
        () => rejectedOrDone(context.reply, () => ({})),
      ),
  };
}

/** Runs a task again (with new secrets if given), for who may cancel it. */
async function retryTask(
  ctx: ScaffolderContext,
  { params, body, credentials, reply }: RouteContext<Routes['retryTask']>,
) {
  const { taskAccess } = ctx;
  const what = `retrying task '${params.taskId}'`;
  const task = await taskAccess.readableTask(credentials, params.taskId, what);
  await taskAccess.requireCancel(credentials, task, what);
  const secrets = body?.secrets;
  if (secrets) {
    const errors = await retrySecretsProblems(ctx, credentials, task, secrets);
    if (errors.length > 0) return reply.code(400).send({ errors }) as never;
  }
  await ctx.lifecycle.retry(params.taskId, secrets ? ctx.cipher.encrypt(secrets) : null);
  return { id: params.taskId };
}

/** A handler that answered 400 itself (invalid values) failed; otherwise `done` describes it. */
function rejectedOrDone(
  reply: RouteContext<Routes['createTask']>['reply'],
  done: () => AuditedOutcome,
): AuditedOutcome {
  if (reply.statusCode >= 400)
    return { error: new InputError(`the request was refused with status ${reply.statusCode}`) };
  return done();
}
