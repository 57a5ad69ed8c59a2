import type { PluginRuntimeService } from '@atrium/kernel';

/** What the reconciler uses of the kernel's plugin runtime (seam A). */
export type PluginRuntime = Pick<
  PluginRuntimeService,
  'hostApiVersion' | 'prepare' | 'prepareWithout' | 'stop'
>;
