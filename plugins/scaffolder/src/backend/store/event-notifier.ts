/**
 * Wakes local readers (SSE streams, long polls, idle workers) as soon as this backend
 * writes something, so they need not wait for their next database poll. Other
 * replicas' writes are still found by polling.
 */
export interface EventNotifier {
  notify(key: string): void;
  /** Resolves after `notify(key)`, after `timeoutMs`, or when `signal` aborts. */
  wait(key: string, timeoutMs: number, signal?: AbortSignal): Promise<void>;
}

/** Creates a notifier; one per plugin instance. */
export function createEventNotifier(): EventNotifier {
  const waiters = new Map<string, Set<() => void>>();
  return {
    notify(key) {
      const set = waiters.get(key);
      if (!set) return;
      waiters.delete(key);
      for (const wake of set) wake();
    },
    wait(key, timeoutMs, signal) {
      return new Promise<void>((resolve) => {
        if (signal?.aborted) return resolve();
        const set = waiters.get(key) ?? new Set<() => void>();
        waiters.set(key, set);
        const done = () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', done);
          set.delete(done);
          if (set.size === 0 && waiters.get(key) === set) waiters.delete(key);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        set.add(done);
        signal?.addEventListener('abort', done, { once: true });
      });
    },
  };
}
