/** Options of a lifecycle hook. */
export interface LifecycleHookOptions {
  /** Shown in logs and in the error when the hook fails or hangs. */
  label?: string;
}

/** Startup and shutdown hooks. Shutdown hooks run in reverse order of registration. */
export interface LifecycleService {
  addStartupHook(hook: () => void | Promise<void>, options?: LifecycleHookOptions): void;
  addShutdownHook(hook: () => void | Promise<void>, options?: LifecycleHookOptions): void;
}

/** A registered hook with the id of its owner. */
export interface LifecycleHook {
  owner: string;
  label: string;
  run: () => void | Promise<void>;
}

/** The root lifecycle: the kernel runs its hooks; plugin lifecycles register into it. */
export interface RootLifecycle extends LifecycleService {
  readonly startupHooks: LifecycleHook[];
  readonly shutdownHooks: LifecycleHook[];
  forOwner(owner: string): LifecycleService;
}

/**
 * Creates the root lifecycle.
 *
 * @example
 * const lifecycle = createRootLifecycle();
 * lifecycle.forOwner('catalog').addShutdownHook(() => pool.end(), { label: 'close pool' });
 */
export function createRootLifecycle(): RootLifecycle {
  const startupHooks: LifecycleHook[] = [];
  const shutdownHooks: LifecycleHook[] = [];
  const forOwner = (owner: string): LifecycleService => ({
    addStartupHook: (run, options) =>
      startupHooks.push({ owner, label: options?.label ?? 'startup hook', run }),
    addShutdownHook: (run, options) =>
      shutdownHooks.push({ owner, label: options?.label ?? 'shutdown hook', run }),
  });
  return { startupHooks, shutdownHooks, forOwner, ...forOwner('root') };
}
