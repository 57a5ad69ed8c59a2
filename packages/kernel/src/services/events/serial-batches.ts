/** How many items one batch carries at most. */
const MAX_BATCH = 200;

/**
 * Sends items one batch at a time, in the order they were added: items added while a batch
 * is on its way go together in the next one, so a burst costs a few round trips and keeps
 * its order. Each returned promise settles with its batch.
 *
 * @example
 * const send = serialBatches((messages) => notifyAll(messages));
 * await send('one');
 */
export function serialBatches<T>(sendBatch: (items: T[]) => Promise<void>): (item: T) => Promise<void> {
  let queue: Array<{ item: T; resolve(): void; reject(error: unknown): void }> = [];
  let sending = false;

  async function drain() {
    sending = true;
    while (queue.length > 0) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(MAX_BATCH);
      try {
        await sendBatch(batch.map((entry) => entry.item));
        for (const entry of batch) entry.resolve();
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    sending = false;
  }

  return (item) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!sending) void drain();
    });
}
