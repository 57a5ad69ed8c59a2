import type { AtriumError } from '@atrium/errors';
import type { BackendConfig } from '../services/http/http-config.js';
import { createRootLogger, type LoggerService } from '../services/logger/logger-service.js';
import { durationToMs } from '../services/scheduler/duration.js';
import type { BootRuntime } from './boot-runtime.js';
import { type CheckedConfig, checkConfig } from './check-config.js';
import { checkModules } from './collect-features.js';
import type { CollectedInputs } from './collect-inputs.js';
import { kernelErrors } from './kernel-errors.js';

/** The validate phase's output: checked config, the logger, and every problem so far. */
export interface ValidatedInputs {
  backend: BackendConfig;
  checked: CheckedConfig;
  logger: LoggerService;
  /** Reported together with the service graph's problems, so one run lists them all. */
  problems: AtriumError[];
}

/**
 * Boot phase 2: checks every config subtree and every module's plugin, and gives the
 * runtime its logger and shutdown timeout. Throws only when `backend.*` itself is invalid,
 * since nothing further can run without it.
 */
export async function validateInputs(
  collected: CollectedInputs,
  runtime: BootRuntime,
): Promise<ValidatedInputs> {
  const { plugins, modules } = collected;
  // Config is checked before the logger exists: an invalid backend.logLevel is reported
  // like any other key, not thrown by the logger.
  const checked = checkConfig(collected.config.data, plugins, modules);
  runtime.logger ??= await createRootLogger({ level: checked.backend?.logLevel ?? process.env.LOG_LEVEL });
  const problems = [...collected.problems, ...checkModules(plugins, modules)];
  if (checked.problems.length > 0) problems.push(kernelErrors.configInvalid(checked.problems));
  if (!checked.backend) throw kernelErrors.startupFailed(problems);
  runtime.shutdownTimeoutMs = durationToMs(checked.backend.shutdown.timeout);
  return { backend: checked.backend, checked, logger: runtime.logger, problems };
}
