import { defineHttpApi } from '@atrium/http-api';
import { z } from 'zod';
import { type JsonObject, TASK_STATUSES, type TaskSpec, type TaskStatus } from './task-types.js';

const json = z.record(z.string(), z.unknown());
// An answer's objects were parsed from JSON, so their values are JSON values.
const jsonAnswer = json as unknown as z.ZodType<JsonObject>;
// What the task store is asked for must be storable: PostgreSQL text cannot hold U+0000.
const storable = () =>
  z.string().refine((value) => !value.includes('\u0000'), 'must not contain the NUL character (U+0000)');
const repeated = z
  .union([storable(), z.array(storable())])
  .optional()
  .transform((value) => (value === undefined ? undefined : [value].flat()));

const taskParams = z.object({ taskId: storable().min(1).max(100) });

/** A task as listed and read (secrets never included). */
export const serializedTaskSchema = z.object({
  id: z.string(),
  spec: z.custom<TaskSpec>((value) => typeof value === 'object' && value !== null),
  status: z.enum(TASK_STATUSES as [TaskStatus, ...TaskStatus[]]),
  createdAt: z.string(),
  lastHeartbeatAt: z.string().optional(),
  createdBy: z.string().optional(),
});

/** One task event. */
export const taskEventSchema = z.object({
  id: z.number(),
  taskId: z.string(),
  type: z.enum(['log', 'completion', 'cancelled', 'recovered']),
  body: jsonAnswer,
  createdAt: z.string(),
  isTaskRecoverable: z.boolean(),
});

/** A file of a dry run, base64 encoded. */
export const directoryEntrySchema = z.object({
  path: z.string().min(1).max(4096),
  base64Content: z.string(),
  executable: z.boolean().optional(),
});

/** Answer of `POST /v2/dry-run`: the log, the files the run left and its output. */
export const dryRunResultSchema = z.object({
  log: z.array(z.object({ body: json })),
  directoryContents: z.array(directoryEntrySchema),
  output: jsonAnswer,
  steps: z.array(z.object({ id: z.string(), name: z.string(), action: z.string() })),
  status: z.enum(['completed', 'failed', 'cancelled']),
  error: z.object({ name: z.string(), message: z.string() }).optional(),
});

/**
 * Answer of `GET /v2/templates/:namespace/:kind/:name/files`: the files the template's
 * fetch steps read, and the fetch URLs that could not be read, each with the reason.
 */
const templateFilesSchema = z.object({
  files: z.array(directoryEntrySchema),
  unread: z.array(z.object({ stepId: z.string(), url: z.string(), reason: z.string() })),
});

const templateParams = z.object({
  namespace: z.string().min(1),
  kind: z.string().min(1),
  name: z.string().min(1),
});

/** Body of `POST /v2/dry-run`; `template` may also be the template's YAML text. */
export const dryRunRequestSchema = z.object({
  template: z.union([json, z.string()]),
  values: json.default({}),
  secrets: z.record(z.string(), z.string()).optional(),
  directoryContents: z.array(directoryEntrySchema).max(10_000).default([]),
});

const orderSchema = z
  .string()
  .regex(
    /^(asc|desc):(created_at|status|created_by)$/,
    'must be asc:<field> or desc:<field>, field one of created_at, status, created_by',
  )
  .optional();

/**
 * The scaffolder's REST API at `/api/scaffolder` (scaffolder.md §8), the event stream
 * included: a `streaming` route whose client method hands back the `text/event-stream` response.
 *
 * @example
 * const scaffolder = createApiClient(scaffolderApi, { baseUrl: 'http://localhost:7007/api/scaffolder', fetch });
 * const { id } = await scaffolder.createTask({ body: { templateRef: 'template:default/node-service', values } });
 */
export const scaffolderApi = defineHttpApi({
  title: 'Scaffolder',
  routes: {
    createTask: {
      method: 'POST',
      path: '/v2/tasks',
      summary: 'Run a template; 400 { errors } when values or secrets fail the template schemas',
      body: z.object({
        templateRef: storable().min(1),
        values: json.default({}),
        secrets: z.record(z.string(), z.string()).optional(),
      }),
      successStatus: 201,
      response: z.object({ id: z.string() }),
      permissions: ['scaffolder.task.create'],
    },
    listTasks: {
      method: 'GET',
      path: '/v2/tasks',
      query: z.object({
        createdBy: repeated,
        status: repeated,
        order: orderSchema,
        limit: z.coerce.number().int().min(1).max(1000).optional(),
        offset: z.coerce.number().int().min(0).optional(),
      }),
      response: z.object({ tasks: z.array(serializedTaskSchema), totalTasks: z.number() }),
      permissions: ['scaffolder.task.read'],
    },
    getTask: {
      method: 'GET',
      path: '/v2/tasks/:taskId',
      params: taskParams,
      response: serializedTaskSchema,
      permissions: ['scaffolder.task.read'],
    },
    listTaskEvents: {
      method: 'GET',
      path: '/v2/tasks/:taskId/events',
      summary: 'Long poll: new events after `after`, or [] after about 30 s',
      params: taskParams,
      query: z.object({ after: z.coerce.number().int().min(0).optional() }),
      response: z.array(taskEventSchema),
      permissions: ['scaffolder.task.read'],
    },
    streamTaskEvents: {
      method: 'GET',
      path: '/v2/tasks/:taskId/eventstream',
      summary:
        'Server-sent events: the events after `after`, then new ones as they come; closes after the completion event',
      params: taskParams,
      query: z.object({ after: z.coerce.number().int().min(0).optional() }),
      streaming: true,
      permissions: ['scaffolder.task.read'],
    },
    cancelTask: {
      method: 'POST',
      path: '/v2/tasks/:taskId/cancel',
      params: taskParams,
      response: z.object({ status: z.string() }),
      permissions: ['scaffolder.task.read', 'scaffolder.task.cancel'],
    },
    retryTask: {
      method: 'POST',
      path: '/v2/tasks/:taskId/retry',
      params: taskParams,
      body: z.object({ secrets: z.record(z.string(), z.string()).optional() }).optional(),
      successStatus: 201,
      response: z.object({ id: z.string() }),
      permissions: ['scaffolder.task.read', 'scaffolder.task.cancel'],
    },
    listActions: {
      method: 'GET',
      path: '/v2/actions',
      response: z.array(
        z.object({
          id: z.string(),
          description: z.string().optional(),
          examples: z.array(z.object({ description: z.string(), example: z.string() })).optional(),
          schema: z.object({ input: json.optional(), output: json.optional() }),
        }),
      ),
    },
    getParameterSchema: {
      method: 'GET',
      path: '/v2/templates/:namespace/:kind/:name/parameter-schema',
      params: templateParams,
      response: z.object({
        title: z.string(),
        description: z.string().optional(),
        'ui:options': jsonAnswer.optional(),
        presentation: jsonAnswer.optional(),
        steps: z.array(
          z.object({
            title: z.string(),
            description: z.string().optional(),
            when: z.unknown().optional(),
            schema: json,
          }),
        ),
        formDecorators: z.array(jsonAnswer).optional(),
      }),
    },
    getTemplateFiles: {
      method: 'GET',
      path: '/v2/templates/:namespace/:kind/:name/files',
      summary:
        "The files a template's fetch steps read from beside it (its skeleton), for the editor's dry run; paths relative to the template file's folder",
      params: templateParams,
      response: templateFilesSchema,
      permissions: ['scaffolder.template.management'],
    },
    dryRun: {
      method: 'POST',
      path: '/v2/dry-run',
      summary: 'Run a posted template on posted files in a throwaway workspace, without side effects',
      body: dryRunRequestSchema,
      response: dryRunResultSchema,
      bodyLimit: 50 * 1024 * 1024,
      permissions: ['scaffolder.template.dry-run'],
    },
    autocomplete: {
      method: 'POST',
      path: '/v2/autocomplete/:provider/:resource',
      params: z.object({ provider: z.string().min(1), resource: z.string().min(1) }),
      body: z.object({
        token: z.string().default(''),
        context: z.record(z.string(), z.string()).default({}),
      }),
      response: z.object({ results: z.array(z.object({ id: z.string(), title: z.string().optional() })) }),
    },
    templatingExtensions: {
      method: 'GET',
      path: '/v2/templating-extensions',
      response: z.object({
        filters: z.record(z.string(), json),
        globals: z.object({ functions: z.record(z.string(), json), values: z.record(z.string(), json) }),
      }),
    },
  },
});
