import { AtriumError } from '@atrium/errors';
import { kernelErrorCodes } from '../kernel-error-codes.js';

const q = (id: string) => `'${id}'`;

/** Builders for the kernel's errors, so each message states the ids, the rule and the fix. */
export const kernelErrors = {
  duplicatePlugin: (id: string) =>
    new AtriumError(
      kernelErrorCodes.KERNEL_DUPLICATE_PLUGIN,
      `plugin ${q(id)} was added twice. Plugin ids are unique in a backend; remove one of them from backend.features or backend.add(...)`,
      { details: { pluginId: id } },
    ),
  duplicateModule: (fullId: string) =>
    new AtriumError(
      kernelErrorCodes.KERNEL_DUPLICATE_MODULE,
      `module ${q(fullId)} was added twice. Module ids are unique within their plugin; remove one of them`,
      { details: { moduleId: fullId } },
    ),
  duplicateServiceFactory: (serviceId: string) =>
    new AtriumError(
      kernelErrorCodes.KERNEL_DUPLICATE_SERVICE_FACTORY,
      `service ${q(serviceId)} has two factories. A backend takes one factory per service (it replaces the default); remove one`,
      { details: { serviceId } },
    ),
  moduleWithoutPlugin: (fullId: string, pluginId: string) =>
    new AtriumError(
      kernelErrorCodes.KERNEL_MODULE_WITHOUT_PLUGIN,
      `module ${q(fullId)} extends plugin ${q(pluginId)}, which is not installed. Add plugin ${q(pluginId)} or remove the module`,
      { details: { moduleId: fullId, pluginId } },
    ),
  missingService: (dependant: string, serviceId: string) =>
    new AtriumError(
      kernelErrorCodes.KERNEL_MISSING_SERVICE,
      `${dependant} depends on service ${q(serviceId)}, but no factory provides it. Add a service factory for ${q(serviceId)} with backend.add(...), or install the plugin that provides it`,
      { details: { dependant, serviceId } },
    ),
  serviceScope: (serviceId: string, depId: string) =>
    new AtriumError(
      kernelErrorCodes.KERNEL_SERVICE_SCOPE,
      `root service ${q(serviceId)} depends on plugin-scoped service ${q(depId)}. A root service exists once per backend and cannot use a per-plugin service; make ${q(serviceId)} plugin-scoped or depend on a root service`,
      { details: { serviceId, depId } },
    ),
  dependencyCycle: (chain: string[]) =>
    new AtriumError(
      kernelErrorCodes.KERNEL_DEPENDENCY_CYCLE,
      `service dependency cycle: ${chain.map(q).join(' -> ')}. Break the cycle by removing one of these dependencies`,
      { details: { chain } },
    ),
  extensionPointUnknown: (moduleId: string, pointId: string) =>
    new AtriumError(
      kernelErrorCodes.KERNEL_EXTENSION_POINT_UNKNOWN,
      `module ${q(moduleId)} uses extension point ${q(pointId)}, which no installed plugin provides. Install the plugin that owns ${q(pointId)} or remove the module`,
      { details: { moduleId, pointId } },
    ),
  extensionPointScope: (moduleId: string, pointId: string, ownerId: string) =>
    new AtriumError(
      kernelErrorCodes.KERNEL_EXTENSION_POINT_SCOPE,
      `module ${q(moduleId)} extends ${q(pointId)}, which belongs to plugin ${q(ownerId)}. A module may only extend the plugin it is declared for; move it to a module of ${q(ownerId)}`,
      { details: { moduleId, pointId, pluginId: ownerId } },
    ),
  extensionPointDuplicate: (pointId: string, a: string, b: string) =>
    new AtriumError(
      kernelErrorCodes.KERNEL_EXTENSION_POINT_DUPLICATE,
      `extension point ${q(pointId)} is provided by both plugin ${q(a)} and plugin ${q(b)}. An extension point has exactly one owner`,
      { details: { pointId } },
    ),
  extensionPointSealed: (moduleId: string, pointId: string) =>
    new AtriumError(
      kernelErrorCodes.KERNEL_EXTENSION_POINT_SEALED,
      `module ${q(moduleId)} added to extension point ${q(pointId)} after its init finished. Extension points are usable only during module init; add items before init returns`,
      { details: { moduleId, pointId } },
    ),
  invalidFeature: (description: string) =>
    new AtriumError(
      kernelErrorCodes.KERNEL_INVALID_FEATURE,
      `${description} is not a backend feature (a plugin, module or service factory made with definePlugin, defineModule or defineServiceFactory)`,
    ),
  configInvalid: (problems: string[]) =>
    new AtriumError(
      kernelErrorCodes.CONFIG_INVALID,
      `invalid config:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      { details: { problems } },
    ),
  initFailed: (kind: 'plugin' | 'module', id: string, cause: unknown) =>
    new AtriumError(
      kernelErrorCodes.KERNEL_INIT_FAILED,
      `${kind} ${q(id)} failed to initialise: ${(cause as Error)?.message ?? String(cause)}`,
      { cause, details: { [`${kind}Id`]: id } },
    ),
  initTimeout: (kind: 'plugin' | 'module', id: string, timeoutMs: number) =>
    new AtriumError(
      kernelErrorCodes.KERNEL_INIT_TIMEOUT,
      `${kind} ${q(id)} did not finish initialising within ${timeoutMs} ms (backend.startup.timeout). Look for an init that waits on something that never answers`,
      { details: { [`${kind}Id`]: id, timeoutMs } },
    ),
  startupFailed: (errors: AtriumError[]) =>
    new AtriumError(
      kernelErrorCodes.KERNEL_STARTUP_FAILED,
      `the backend could not start; ${errors.length} problem${errors.length === 1 ? '' : 's'}:\n${errors.map((e, i) => `  ${i + 1}. [${e.code}] ${e.message}`).join('\n')}`,
      {
        details: { errors: errors.map((e) => ({ code: e.code, message: e.message, details: e.details })) },
        cause: errors[0],
      },
    ),
};
