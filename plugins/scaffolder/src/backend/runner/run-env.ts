import type { Templater } from '@atrium/templating';
import type { JsonObject } from '../../common/index.js';
import type { Redactor } from './redactor.js';
import type { RunnerDeps, RunRequest } from './run-types.js';
import type { TaskLog } from './task-log.js';

/** Everything a step needs from its run. */
export interface RunEnv {
  deps: RunnerDeps;
  run: RunRequest;
  log: TaskLog;
  redactor: Redactor;
  templater: Templater;
}

/** What changes as steps run: the template context and the first failure. */
export interface RunState {
  /** `parameters`, `steps`, `user`, `context`, `environment.parameters` (no secrets). */
  context: JsonObject & { steps: { [id: string]: { output: JsonObject } } };
  failed: boolean;
  firstError?: Error;
}

/**
 * The context for a step's `input`, `if` and `each`: the run state plus secrets, which
 * are offered only here (never in `output`). Dry runs get no secrets, like Backstage.
 */
export function stepContext(env: RunEnv, state: RunState, extra: JsonObject = {}): JsonObject {
  const secrets = env.run.isDryRun ? {} : env.run.secrets;
  const environmentSecrets = env.run.isDryRun ? {} : env.deps.environment.secrets;
  return {
    ...state.context,
    secrets,
    environment: { parameters: env.deps.environment.parameters, secrets: environmentSecrets },
    ...extra,
  };
}
