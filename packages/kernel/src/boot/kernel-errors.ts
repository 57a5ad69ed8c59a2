import { AtriumError } from '@atrium/errors';

const q = (id: string) => `'${id}'`;

/** The stable error codes the kernel raises at startup; tests and tools assert these. */
export const kernelErrorCodes = {
  duplicatePlugin: 'KERNEL_DUPLICATE_PLUGIN',
  duplicateModule: 'KERNEL_DUPLICATE_MODULE',
  duplicateServiceFactory: 'KERNEL_DUPLICATE_SERVICE_FACTORY',
  moduleWithoutPlugin: 'KERNEL_MODULE_WITHOUT_PLUGIN',
  missingService: 'KERNEL_MISSING_SERVICE',
  serviceScope: 'KERNEL_SERVICE_SCOPE',
  dependencyCycle: 'KERNEL_DEPENDENCY_CYCLE',
  extensionPointUnknown: 'KERNEL_EXTENSION_POINT_UNKNOWN',
  extensionPointScope: 'KERNEL_EXTENSION_POINT_SCOPE',
  extensionPointDuplicate: 'KERNEL_EXTENSION_POINT_DUPLICATE',
  extensionPointSealed: 'KERNEL_EXTENSION_POINT_SEALED',
  invalidFeature: 'KERNEL_INVALID_FEATURE',
  configInvalid: 'CONFIG_INVALID',
  initFailed: 'KERNEL_INIT_FAILED',
  initTimeout: 'KERNEL_INIT_TIMEOUT',
  startupFailed: 'KERNEL_STARTUP_FAILED',
  shutdownTimeout: 'KERNEL_SHUTDOWN_TIMEOUT',
} as const;

/** Builders for the kernel's errors, so each message states the ids, the rule and the fix. */
export const kernelErrors = {
  duplicatePlugin: (id: string) =>
    new AtriumError(
      kernelErrorCodes.duplicatePlugin,
      `plugin ${q(id)} was added twice. Plugin ids are unique in a backend; remove one of them from backend.features or backend.add(...)`,
      { details: { pluginId: id } },
    ),
  duplicateModule: (fullId: string) =>
    new AtriumError(
      kernelErrorCodes.duplicateModule,
      `module ${q(fullId)} was added twice. Module ids are unique within their plugin; remove one of them`,
      { details: { moduleId: fullId } },
    ),
  duplicateServiceFactory: (serviceId: string) =>
    new AtriumError(
      kernelErrorCodes.duplicateServiceFactory,
      `service ${q(serviceId)} has two factories. A backend takes one factory per service (it replaces the default); remove one`,
      { details: { serviceId } },
    ),
  moduleWithoutPlugin: (fullId: string, pluginId: string) =>
    new AtriumError(
      kernelErrorCodes.moduleWithoutPlugin,
      `module ${q(fullId)} extends plugin ${q(pluginId)}, which is not installed. Add plugin ${q(pluginId)} or remove the module`,
      { details: { moduleId: fullId, pluginId } },
    ),
  missingService: (dependant: string, serviceId: string) =>
    new AtriumError(
      kernelErrorCodes.missingService,
      `${dependant} depends on service ${q(serviceId)}, but no factory provides it. Add a service factory for ${q(serviceId)} with backend.add(...), or install the plugin that provides it`,
      { details: { dependant, serviceId } },
    ),
  serviceScope: (serviceId: string, depId: string) =>
    new AtriumError(
      kernelErrorCodes.serviceScope,
      `root service ${q(serviceId)} depends on plugin-scoped service ${q(depId)}. A root service exists once per backend and cannot use a per-plugin service; make ${q(serviceId)} plugin-scoped or depend on a root service`,
      { details: { serviceId, depId } },
    ),
  dependencyCycle: (chain: string[]) =>
    new AtriumError(
      kernelErrorCodes.dependencyCycle,
      `service dependency cycle: ${chain.map(q).join(' -> ')}. Break the cycle by removing one of these dependencies`,
      { details: { chain } },
    ),
  extensionPointUnknown: (moduleId: string, pointId: string) =>
    new AtriumError(
      kernelErrorCodes.extensionPointUnknown,
      `module ${q(moduleId)} uses extension point ${q(pointId)}, which no installed plugin provides. Install the plugin that owns ${q(pointId)} or remove the module`,
      { details: { moduleId, pointId } },
    ),
  extensionPointScope: (moduleId: string, pointId: string, ownerId: string) =>
    new AtriumError(
      kernelErrorCodes.extensionPointScope,
      `module ${q(moduleId)} extends ${q(pointId)}, which belongs to plugin ${q(ownerId)}. A module may only extend the plugin it is declared for; move it to a module of ${q(ownerId)}`,
      { details: { moduleId, pointId, pluginId: ownerId } },
    ),
  extensionPointDuplicate: (pointId: string, a: string, b: string) =>
    new AtriumError(
      kernelErrorCodes.extensionPointDuplicate,
      `extension point ${q(pointId)} is provided by both plugin ${q(a)} and plugin ${q(b)}. An extension point has exactly one owner`,
      { details: { pointId } },
    ),
  extensionPointSealed: (moduleId: string, pointId: string) =>
    new AtriumError(
      kernelErrorCodes.extensionPointSealed,
      `module ${q(moduleId)} added to extension point ${q(pointId)} after its init finished. Extension points are usable only during module init; add items before init returns`,
      { details: { moduleId, pointId } },
    ),
  invalidFeature: (description: string) =>
    new AtriumError(
      kernelErrorCodes.invalidFeature,
      `${description} is not a backend feature (a plugin, module or service factory made with definePlugin, defineModule or defineServiceFactory)`,
    ),
  configInvalid: (problems: string[]) =>
    new AtriumError(
      kernelErrorCodes.configInvalid,
      `invalid config:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      { details: { problems } },
    ),
  initFailed: (kind: 'plugin' | 'module', id: string, cause: unknown) =>
    new AtriumError(
      kernelErrorCodes.initFailed,
      `${kind} ${q(id)} failed to initialise: ${(cause as Error)?.message ?? String(cause)}`,
      { cause, details: { [`${kind}Id`]: id } },
    ),
  initTimeout: (kind: 'plugin' | 'module', id: string, timeoutMs: number) =>
    new AtriumError(
      kernelErrorCodes.initTimeout,
      `${kind} ${q(id)} did not finish initialising within ${timeoutMs} ms (backend.startup.timeout). Look for an init that waits on something that never answers`,
      { details: { [`${kind}Id`]: id, timeoutMs } },
    ),
  startupFailed: (errors: AtriumError[]) =>
    new AtriumError(
      kernelErrorCodes.startupFailed,
      `the backend could not start; ${errors.length} problem${errors.length === 1 ? '' : 's'}:\n${errors.map((e, i) => `  ${i + 1}. [${e.code}] ${e.message}`).join('\n')}`,
      {
        details: { errors: errors.map((e) => ({ code: e.code, message: e.message, details: e.details })) },
        cause: errors[0],
      },
    ),
};
