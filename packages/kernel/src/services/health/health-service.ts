/** Readiness of the backend, served at `/.well-known/health/ready`. */
export interface HealthService {
  /** Adds a check that must pass for the backend to be ready (e.g. a database ping). */
  addReadinessCheck(name: string, check: () => Promise<void>): void;
}

/** The root health state the kernel flips during startup and shutdown. */
export interface RootHealth extends HealthService {
  setStatus(status: 'starting' | 'ready' | 'stopping'): void;
  readiness(): Promise<{
    status: 'ok' | 'starting' | 'stopping' | 'failing';
    failures?: Record<string, string>;
  }>;
}

/** Creates the health state. */
export function createRootHealth(): RootHealth {
  let status: 'starting' | 'ready' | 'stopping' = 'starting';
  const checks = new Map<string, () => Promise<void>>();
  return {
    addReadinessCheck: (name, check) => checks.set(name, check),
    setStatus: (next) => {
      status = next;
    },
    async readiness() {
      if (status !== 'ready') return { status };
      const failures: Record<string, string> = {};
      await Promise.all(
        [...checks].map(async ([name, check]) => {
          try {
            await check();
          } catch (error) {
            failures[name] = (error as Error).message;
          }
        }),
      );
      return Object.keys(failures).length > 0 ? { status: 'failing', failures } : { status: 'ok' };
    },
  };
}
