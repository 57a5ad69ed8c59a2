import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonObject, JsonValue, TaskStepSpec } from '../../common/index.js';
import type { ActionContext } from '../actions/template-action.js';
import type { RunRequest } from './run-types.js';
import type { TaskLog } from './task-log.js';

/** The per-step parts of an action context, and the cleanup of its temporary directories. */
export interface StepContextFactory {
  create(input: JsonObject): ActionContext;
  /** The step's output: per-name values, or per-name lists inside `each`. */
  output: JsonObject;
  cleanup(): Promise<void>;
}

/** Builds the contexts the handlers of one step receive. */
export function createStepContextFactory(
  run: RunRequest,
  step: TaskStepSpec,
  log: TaskLog,
  isEach: boolean,
): StepContextFactory {
  const output: JsonObject = {};
  const temporary: string[] = [];
  const logger = log.stepLogger(step.id);
  const baseUrl = run.spec.templateInfo.baseUrl;
  const templateFiles = {
    resolveUrl: (url: string, field = 'input.url') => run.source.resolveUrl(url, baseUrl, field),
    readTree: (url: string) => run.source.readTree(url),
    readFile: (url: string) => run.source.readFile(url),
  };
  const checkpoint = async <T extends JsonValue | undefined>({
    key,
    fn,
  }: {
    key: string;
    fn: () => Promise<T> | T;
  }) => {
    const id = `v1.task.checkpoint.${step.id}.${key}`;
    const previous = run.checkpoints.get(id);
    if (previous?.status === 'success') return previous.value as T;
    try {
      const value = await fn();
      await run.checkpoints.set(id, { status: 'success', value: (value ?? null) as JsonValue });
      return value;
    } catch (error) {
      await run.checkpoints.set(id, { status: 'failed', reason: (error as Error).message });
      throw error;
    }
  };
  return {
    output,
    create: (input) => ({
      input,
      workspacePath: run.workspacePath,
      logger,
      output(name, value) {
        if (!isEach) output[name] = value;
        else output[name] = [...((output[name] as JsonValue[] | undefined) ?? []), value];
      },
      secrets: run.secrets,
      user: run.spec.user,
      templateInfo: run.spec.templateInfo,
      isDryRun: run.isDryRun,
      signal: run.signal,
      checkpoint,
      task: { id: run.taskId },
      step: { id: step.id, name: step.name },
      getInitiatorCredentials: () => run.getInitiatorCredentials(),
      async createTemporaryDirectory() {
        const dir = await mkdtemp(join(tmpdir(), `atrium-step-${step.id.replace(/[^\w-]/g, '_')}-`));
        temporary.push(dir);
        return dir;
      },
      templateFiles,
    }),
    async cleanup() {
      await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
    },
  };
}
