import { randomUUID } from 'node:crypto';
import { lstat, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringifyEntityRef } from '@atrium/catalog-model';
import { InputError } from '@atrium/errors';
import { type Credentials, type RouteContext, type RouteHandler, runAudited } from '@atrium/kernel';
import { glob } from 'tinyglobby';
import { parse as parseYaml } from 'yaml';
import {
  type JsonObject,
  type LogEventBody,
  type scaffolderApi,
  scaffolderPermissions,
} from '../../common/index.js';
import { assertRelativePath } from '../files/safe-path.js';
import { createTemplateSource } from '../files/template-source.js';
import type { CheckpointStore } from '../runner/run-types.js';
import { runWorkflow } from '../runner/run-workflow.js';
import { buildTaskSpec } from '../tasks/build-task-spec.js';
import { asJson, type TemplateDocument } from '../validation/template-spec.js';
import type { ValidationErrorItem } from '../validation/validation-errors.js';
import { checkTemplateRun } from './check-template-run.js';
import type { ScaffolderContext } from './scaffolder-context.js';

const DRY_RUN_TIMEOUT_MS = 5 * 60_000;
type Files = Array<{ path: string; base64Content: string }>;

function invalid(property: string, message: string, instance: unknown): ValidationErrorItem {
  return {
    path: [],
    property,
    message,
    schema: {},
    instance,
    name: 'dry-run',
    argument: property,
    stack: `${property} ${message}`,
  };
}

function parseTemplate(template: unknown): { template?: unknown; error?: ValidationErrorItem } {
  if (typeof template !== 'string') return { template };
  try {
    return { template: parseYaml(template) };
  } catch (error) {
    return { error: invalid('template', `is not valid YAML: ${(error as Error).message}`, undefined) };
  }
}

async function writeContents(dir: string, files: Files): Promise<ValidationErrorItem[]> {
  const errors: ValidationErrorItem[] = [];
  for (const [index, file] of files.entries()) {
    try {
      assertRelativePath(file.path, `directoryContents[${index}].path`);
    } catch (error) {
      errors.push(invalid(`directoryContents[${index}].path`, (error as Error).message, file.path));
      continue;
    }
    const target = join(dir, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, Buffer.from(file.base64Content, 'base64'));
  }
  return errors;
}

async function readContents(dir: string) {
  const paths = (
    await glob('**/*', { cwd: dir, dot: true, onlyFiles: true, followSymbolicLinks: false })
  ).sort();
  const files = await Promise.all(
    paths.map(async (path) => {
      const info = await lstat(join(dir, path));
      // A symlink an action left behind is not followed: its target may be outside.
      if (!info.isFile()) return undefined;
      const content = await readFile(join(dir, path));
      return { path, base64Content: content.toString('base64'), executable: (info.mode & 0o111) !== 0 };
    }),
  );
  return files.filter((f) => f !== undefined);
}

function memoryCheckpoints(): CheckpointStore {
  const entries = new Map<string, ReturnType<CheckpointStore['get']>>();
  return { get: (key) => entries.get(key), set: async (key, entry) => void entries.set(key, entry) };
}

async function execute(
  ctx: ScaffolderContext,
  credentials: Credentials,
  template: TemplateDocument,
  steps: JsonObject[],
  body: { values: JsonObject; secrets?: Record<string, string> },
  dirs: { contents: string; workspace: string },
) {
  const log: Array<{ body: LogEventBody }> = [];
  const spec = buildTaskSpec({
    template,
    steps: steps as never,
    values: body.values,
    user: { ref: credentials.principal.type === 'user' ? credentials.principal.userEntityRef : undefined },
    templateInfo: {
      entityRef: stringifyEntityRef(template),
      // The posted template's notional file, beside the posted files (a task's base is its file).
      baseUrl: pathToFileURL(join(dirs.contents, 'template.yaml')).href,
      entity: { metadata: asJson(template.metadata) },
    },
  });
  const result = await runWorkflow(ctx.runner, {
    taskId: `dry-run-${randomUUID()}`,
    spec,
    secrets: body.secrets ?? {},
    isDryRun: true,
    workspacePath: dirs.workspace,
    signal: AbortSignal.timeout(DRY_RUN_TIMEOUT_MS),
    sink: async (entry) => void log.push({ body: entry }),
    source: createTemplateSource({ urlReader: ctx.urlReader, localRoot: dirs.contents }),
    authorizeAction: ctx.authorizer.actionAuthorizer(credentials),
    getInitiatorCredentials: async () => credentials,
    checkpoints: memoryCheckpoints(),
  });
  return {
    log,
    directoryContents: await readContents(dirs.workspace),
    output: result.status === 'completed' ? result.output : {},
    steps: spec.steps.map(({ id, name, action }) => ({ id, name, action })),
    status: result.status,
    ...(result.status === 'failed' ? { error: result.error } : {}),
  };
}

/**
 * `POST /v2/dry-run`: runs a posted template on posted files in a throwaway workspace.
 * File reads are confined to the posted files, and actions without dry-run support
 * (publishing, registering) are skipped, so nothing outside the workspace changes.
 */
export function createDryRunHandler(
  ctx: ScaffolderContext,
): RouteHandler<typeof scaffolderApi.routes.dryRun> {
  return (context) =>
    runAudited(
      ctx.auditor,
      {
        eventId: 'template.dry-run',
        request: context.request,
        meta: { values: Object.keys(context.body.values) },
      },
      () => dryRun(ctx, context),
      (result) =>
        context.reply.statusCode >= 400
          ? { error: new InputError(`the dry run was refused with status ${context.reply.statusCode}`) }
          : { meta: { status: (result as { status?: string } | undefined)?.status } },
    );
}

/** Runs a posted template in a throwaway workspace; nothing is published or stored. */
async function dryRun(
  ctx: ScaffolderContext,
  { body, credentials, reply }: RouteContext<typeof scaffolderApi.routes.dryRun>,
) {
  await ctx.authorizer.require(credentials, scaffolderPermissions.templateDryRun, 'dry-running a template');
  const parsed = parseTemplate(body.template);
  if (parsed.error) return reply.code(400).send({ errors: [parsed.error] }) as never;
  const check = await checkTemplateRun(
    ctx,
    credentials,
    parsed.template,
    body.values as JsonObject,
    body.secrets,
  );
  if (!check.ok) return reply.code(400).send({ errors: check.errors }) as never;
  await mkdir(ctx.workingDirectory, { recursive: true });
  const base = await mkdtemp(join(ctx.workingDirectory, 'dry-run-'));
  const dirs = { contents: join(base, 'template'), workspace: join(base, 'workspace') };
  try {
    await mkdir(dirs.contents);
    await mkdir(dirs.workspace);
    const errors = await writeContents(dirs.contents, body.directoryContents);
    if (errors.length > 0) return reply.code(400).send({ errors }) as never;
    return await execute(
      ctx,
      credentials,
      check.template,
      check.steps as unknown as JsonObject[],
      { values: body.values as JsonObject, secrets: body.secrets },
      dirs,
    );
  } finally {
    await rm(base, { recursive: true, force: true });
  }
}
