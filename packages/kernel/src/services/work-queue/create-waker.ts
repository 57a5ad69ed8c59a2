/** Wakes a queue's loop early: `notify` ends the current `waitFor`, or the next one if none is waiting. */
export interface Waker {
  notify(): void;
  waitFor(ms: number): Promise<void>;
}

/**
 * A wake-up with nobody waiting is remembered, so the next wait returns at once (work that
 * arrived while the loop was claiming is not left until the next poll).
 *
 * @example
 * const waker = createWaker();
 * setTimeout(() => waker.notify(), 10);
 * await waker.waitFor(1000); // returns after ~10 ms
 */
export function createWaker(): Waker {
  let resolveWait: (() => void) | undefined;
  let woken = false;
  return {
    notify() {
      const resolve = resolveWait;
      resolveWait = undefined;
      if (resolve) resolve();
      else woken = true;
    },
    waitFor(ms) {
      return new Promise<void>((resolve) => {
        if (woken) {
          woken = false;
          return resolve();
        }
        const timer = setTimeout(() => {
          resolveWait = undefined;
          resolve();
        }, ms);
        resolveWait = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    },
  };
}
