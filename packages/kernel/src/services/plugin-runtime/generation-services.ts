import {
  eventBusRef,
  pluginReleasesRef,
  type RouterRegistry,
  rootLifecycleRef,
  routerRegistryRef,
  taskSchedulerRef,
} from '../../boot/internal-services.js';
import type { ServiceContainer, ServiceOverrides } from '../../boot/service-container.js';
import type { ModuleFeature } from '../../definitions/define-module.js';
import type { PluginFeature } from '../../definitions/define-plugin.js';
import { coreServices } from '../core-services.js';
import type { EventsService } from '../events/events-service.js';
import type { RootHttpRouterService } from '../http/root-http-router-service.js';
import { createRootLifecycle, type RootLifecycle } from '../lifecycle/lifecycle-service.js';
import type { InstanceMetadataService } from '../metadata/metadata-service.js';
import type { TaskScheduler } from '../scheduler/create-task-scheduler.js';
import type { TaskDefinition } from '../scheduler/scheduler-service.js';
import { untrackedReleases } from './plugin-releases.js';
import { pluginRuntimeErrors } from './plugin-runtime-errors.js';

type ScheduledTask = { scheduler: TaskScheduler; pluginId: string; definition: TaskDefinition };

/** What a generation's services leave behind, released when the generation stops. */
export interface GenerationServices {
  container: ServiceContainer;
  routers: RouterRegistry;
  lifecycle: RootLifecycle;
  /** Removes the generation's event subscriptions and scheduled tasks. */
  release(): Promise<void>;
}

/**
 * A forked container for one generation of a runtime plugin. Its plugin-scoped services
 * are new, and the ones that register into backend-wide state do so through wrappers
 * that remember what they added: lifecycle hooks (run at stop), the HTTP router (mounted
 * on the generation's own server), event subscriptions and scheduled tasks (removed at stop).
 */
export function createGenerationServices(
  parent: ServiceContainer,
  plugin: PluginFeature,
  modules: readonly ModuleFeature[],
  metadata: InstanceMetadataService,
): GenerationServices {
  const routers: RouterRegistry = { plugins: new Map(), root: [] };
  const lifecycle = createRootLifecycle();
  const unsubscribes: Array<() => void> = [];
  const tasks: ScheduledTask[] = [];
  const withThisPlugin = () => [...metadata.getInstalledPlugins().filter((p) => p.id !== plugin.id), plugin];
  const overrides: ServiceOverrides = new Map<string, () => unknown>([
    [routerRegistryRef.id, () => routers],
    [coreServices.rootHttpRouter.id, () => noRootRoutes(plugin.id)],
    [rootLifecycleRef.id, () => lifecycle],
    [
      coreServices.instanceMetadata.id,
      (): InstanceMetadataService => ({
        getInstalledPlugins: withThisPlugin,
        getInstalledModules: () => [
          ...metadata.getInstalledModules().filter((m) => m.plugin !== plugin.id),
          ...modules,
        ],
        getEnvironment: () => metadata.getEnvironment(),
      }),
    ],
    [eventBusRef.id, () => trackedEvents(parent, unsubscribes)],
    [taskSchedulerRef.id, () => trackedScheduler(parent, tasks)],
    [pluginReleasesRef.id, () => untrackedReleases],
  ]);
  return {
    container: parent.fork(overrides),
    routers,
    lifecycle,
    async release() {
      for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
      for (const { scheduler, pluginId, definition } of tasks.splice(0))
        scheduler.unschedule(pluginId, definition);
    },
  };
}

/** Root routes are compiled into the listening server at boot; a runtime plugin cannot add any. */
function noRootRoutes(pluginId: string): RootHttpRouterService {
  return {
    use() {
      throw pluginRuntimeErrors.invalid(
        `plugin '${pluginId}' adds routes outside /api through rootHttpRouter, which a runtime plugin cannot do; serve them under /api/${pluginId} with httpRouter`,
      );
    },
  };
}

/** The event bus, remembering each subscription so the generation can remove it. */
async function trackedEvents(
  parent: ServiceContainer,
  unsubscribes: Array<() => void>,
): Promise<EventsService> {
  const bus = await parent.get(eventBusRef, 'kernel');
  return {
    publish: (params) => bus.publish(params),
    async subscribe(options) {
      const unsubscribe = await bus.subscribe(options);
      unsubscribes.push(unsubscribe);
      return unsubscribe;
    },
  };
}

/** The task scheduler, remembering each task so the generation can unschedule it. */
async function trackedScheduler(parent: ServiceContainer, tasks: ScheduledTask[]): Promise<TaskScheduler> {
  const scheduler = await parent.get(taskSchedulerRef, 'kernel');
  return {
    ...scheduler,
    forPlugin(pluginId) {
      const view = scheduler.forPlugin(pluginId);
      return {
        ...view,
        async scheduleTask(definition) {
          tasks.push({ scheduler, pluginId, definition });
          await view.scheduleTask(definition);
        },
      };
    },
  };
}
