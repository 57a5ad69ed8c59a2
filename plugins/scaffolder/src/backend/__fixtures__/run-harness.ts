import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createCredentials,
  type JsonObject,
  resolveLocationTarget,
  type UrlReaderService,
} from '@atrium/kernel';
import { createCaptureLogger } from '@atrium/test-kit';
import type { LogEventBody, TaskStepSpec } from '../../common/index.js';
import { createActionRegistry } from '../actions/action-registry.js';
import { createBuiltinActions } from '../actions/builtin/builtin-actions.js';
import type { TemplateAction } from '../actions/template-action.js';
import type { CatalogClient } from '../catalog/catalog-client.js';
import { scaffolderConfigSchema } from '../config.js';
import { createTemplateSource } from '../files/template-source.js';
import type { CheckpointStore, RunResult } from '../runner/run-types.js';
import { runWorkflow } from '../runner/run-workflow.js';
import { createTemplaterPool } from '../templating/templater-pool.js';

/** What a harness run answers. */
export interface HarnessRun {
  result: RunResult;
  log: LogEventBody[];
  messages: string[];
  workspace: string;
}

const noReader: UrlReaderService = {
  readUrl: async (url) => {
    throw new Error(`the harness reads no URLs (${url})`);
  },
  readTree: async (url) => {
    throw new Error(`the harness reads no URLs (${url})`);
  },
  gitRefs: async (url) => {
    throw new Error(`the harness reads no URLs (${url})`);
  },
  search: async () => ({ files: [] }),
  check: async (url) => {
    throw new Error(`the harness reads no URLs (${url})`);
  },
  resolveTarget: (locationUrl, target) => resolveLocationTarget(locationUrl, target, []),
};

/**
 * Runs templates through the real runner, built-in actions and sandboxed templating,
 * without a backend: template files come from `templateDir`, the workspace is a fresh
 * temporary directory the test may inspect (removed by `close`).
 */
export function createRunHarness(
  options: { actions?: TemplateAction[]; config?: JsonObject; catalog?: CatalogClient } = {},
) {
  const templaters = createTemplaterPool({ timeoutMs: 5000 });
  const config = scaffolderConfigSchema.parse(options.config ?? {});
  const catalog = options.catalog ?? ({} as CatalogClient);
  const builtins = createBuiltinActions({ templaters, catalog, urlReader: noReader, config });
  const actions = createActionRegistry([...builtins, ...(options.actions ?? [])]);
  const deps = {
    actions,
    templaters,
    logger: createCaptureLogger(),
    environment: { parameters: {}, secrets: {} },
  };
  const workspaces: string[] = [];
  return {
    actions,
    async run(
      spec: {
        steps: Array<Partial<TaskStepSpec> & { action: string }>;
        output?: JsonObject;
        parameters?: JsonObject;
      },
      run: {
        secrets?: Record<string, string>;
        templateDir?: string;
        isDryRun?: boolean;
        signal?: AbortSignal;
        workspace?: string;
        checkpoints?: CheckpointStore;
        allow?: (action: string) => boolean;
      } = {},
    ): Promise<HarnessRun> {
      const workspace = run.workspace ?? (await mkdtemp(join(tmpdir(), 'atrium-harness-')));
      workspaces.push(workspace);
      const log: LogEventBody[] = [];
      const steps = spec.steps.map(
        (step, index) => ({ id: `step-${index + 1}`, name: step.action, ...step }) as TaskStepSpec,
      );
      const entries = new Map<string, ReturnType<CheckpointStore['get']>>();
      const result = await runWorkflow(deps, {
        taskId: 'task-1',
        spec: {
          apiVersion: 'scaffolder.backstage.io/v1beta3',
          steps,
          output: spec.output ?? {},
          parameters: spec.parameters ?? {},
          user: { ref: 'user:default/test-user' },
          templateInfo: {
            entityRef: 'template:default/test',
            // The template file, as a task's baseUrl names it: beside the template's files.
            baseUrl: run.templateDir ? pathToFileURL(join(run.templateDir, 'template.yaml')).href : undefined,
          },
        },
        secrets: run.secrets ?? {},
        isDryRun: run.isDryRun ?? false,
        workspacePath: workspace,
        signal: run.signal ?? new AbortController().signal,
        sink: async (body) => void log.push(body),
        source: createTemplateSource({ urlReader: noReader, localRoot: run.templateDir }),
        authorizeAction: async (action) => run.allow?.(action) ?? true,
        getInitiatorCredentials: async () =>
          createCredentials({
            type: 'user',
            userEntityRef: 'user:default/test-user',
            ownershipEntityRefs: [],
          }),
        checkpoints: run.checkpoints ?? {
          get: (key) => entries.get(key),
          set: async (key, entry) => void entries.set(key, entry),
        },
      });
      return { result, log, messages: log.map((l) => l.message), workspace };
    },
    async close() {
      await Promise.all(workspaces.map((w) => rm(w, { recursive: true, force: true })));
      await templaters.close();
    },
  };
}

/** A test action that records its inputs and can fail or wait for an abort. */
export function createProbeAction(calls: Array<{ input: JsonObject; taskId: string }> = []): TemplateAction {
  return {
    id: 'test:probe',
    supportsDryRun: true,
    schema: { input: { type: 'object', properties: { fail: { type: 'string' }, out: {} } } },
    async handler(ctx) {
      calls.push({ input: ctx.input, taskId: ctx.task.id });
      if (typeof ctx.input.fail === 'string') throw new Error(ctx.input.fail);
      if (ctx.input.out !== undefined) ctx.output('value', ctx.input.out as never);
    },
  };
}
