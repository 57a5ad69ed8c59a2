import { AtriumError, isAtriumError } from '@atrium/errors';
import { kernelErrorCodes } from '../kernel-error-codes.js';
import type { LifecycleHook } from '../services/lifecycle/lifecycle-service.js';
import type { LoggerService } from '../services/logger/logger-service.js';

/**
 * Runs hooks one after another; a hook that throws or outlives `timeoutMs` is logged
 * by owner and label, and the rest still run (shutdown must not stop half way).
 */
export async function runHooks(
  hooks: readonly LifecycleHook[],
  timeoutMs: number,
  logger: LoggerService,
): Promise<AtriumError[]> {
  const failures: AtriumError[] = [];
  for (const hook of hooks) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new AtriumError(
              kernelErrorCodes.KERNEL_SHUTDOWN_TIMEOUT,
              `hook '${hook.label}' of '${hook.owner}' did not finish within ${timeoutMs} ms; it was abandoned`,
              {
                details: { owner: hook.owner, label: hook.label },
              },
            ),
          ),
        timeoutMs,
      );
    });
    try {
      await Promise.race([Promise.resolve().then(hook.run), timeout]);
    } catch (error) {
      const failure = isAtriumError(error)
        ? error
        : new AtriumError(
            kernelErrorCodes.KERNEL_HOOK_FAILED,
            `hook '${hook.label}' of '${hook.owner}' failed: ${(error as Error).message}`,
            { cause: error },
          );
      logger.error(failure.message, failure);
      failures.push(failure);
    } finally {
      clearTimeout(timer);
    }
  }
  return failures;
}
