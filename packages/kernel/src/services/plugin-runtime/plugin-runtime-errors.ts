import { AtriumError, NotFoundError } from '@atrium/errors';
import { kernelErrorCodes } from '../../kernel-error-codes.js';

const reasonOf = (cause: unknown) => (cause instanceof Error ? cause.message : String(cause));

/** Builders for the runtime plugin errors; each names the plugin, the version and the reason. */
export const pluginRuntimeErrors = {
  disabled: (pluginId: string, reason: string) =>
    new NotFoundError(
      `plugin '${pluginId}' is disabled on this backend (${reason}); its routes answer again once an admin enables it`,
      { code: kernelErrorCodes.PLUGIN_DISABLED, details: { pluginId, reason } },
    ),
  invalid: (problem: string) =>
    new AtriumError(kernelErrorCodes.PLUGIN_RUNTIME_INVALID, `pluginRuntime.prepare: ${problem}`),
  builtIn: (pluginId: string) =>
    new AtriumError(
      kernelErrorCodes.PLUGIN_BUILT_IN,
      `plugin '${pluginId}' is a built-in plugin of this backend (backend.features); a runtime plugin cannot replace it or be stopped in its place. Give the runtime plugin another id (a module may extend it: the plugin restarts with the module)`,
      { details: { pluginId } },
    ),
  initFailed: (pluginId: string, version: string, cause: unknown) =>
    new AtriumError(
      kernelErrorCodes.PLUGIN_INIT_FAILED,
      `plugin '${pluginId}' version ${version} failed to start: ${reasonOf(cause)}. The version serving before (if any) keeps serving`,
      { cause, details: { pluginId, version } },
    ),
  healthFailed: (pluginId: string, version: string, cause: unknown) =>
    new AtriumError(
      kernelErrorCodes.PLUGIN_HEALTH_FAILED,
      `plugin '${pluginId}' version ${version} failed its health check: ${reasonOf(cause)}. It was not activated; the version serving before (if any) keeps serving`,
      { cause, details: { pluginId, version } },
    ),
  notRunning: (pluginId: string) =>
    new NotFoundError(`plugin '${pluginId}' is not a runtime plugin served by this backend`, {
      code: kernelErrorCodes.PLUGIN_NOT_RUNNING,
      details: { pluginId },
    }),
  closed: (pluginId: string, version: string, state: string) =>
    new AtriumError(
      kernelErrorCodes.PLUGIN_GENERATION_CLOSED,
      `plugin '${pluginId}' version ${version} was already ${state}; prepare it again`,
      { details: { pluginId, version } },
    ),
};
