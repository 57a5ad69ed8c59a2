import { durationToMs, type LoggerService, runLimited } from '@atrium/kernel';
import type { FactCollector } from '../collectors/fact-collector.js';
import type { KnownEntity } from '../store/entity-store.js';
import type { FactWrite } from '../store/fact-store.js';

const DEFAULT_TIMEOUT_MS = 30_000;
const CONCURRENCY = 8;

function withTimeout<T>(
  work: (signal: AbortSignal) => Promise<T>,
  ms: number,
  outer: AbortSignal,
): Promise<T> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  outer.addEventListener('abort', abort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`timed out after ${ms} ms`));
    }, ms);
  });
  return Promise.race([work(controller.signal), timeout]).finally(() => {
    clearTimeout(timer);
    outer.removeEventListener('abort', abort);
  });
}

/**
 * Runs one collector for some entities. An entity whose collection throws or times out gets
 * an error fact for each of the collector's facts (its checks become `error` for that
 * entity only); the other entities go on.
 */
export async function runCollector(
  collector: FactCollector,
  entities: KnownEntity[],
  options: { signal: AbortSignal; logger: LoggerService; now?: () => number },
): Promise<FactWrite[]> {
  const collect = collector.collect;
  if (!collect) return [];
  const timeoutMs = collector.timeout ? durationToMs(collector.timeout) : DEFAULT_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const out: FactWrite[] = [];
  const applying = entities.filter((entity) => collector.appliesTo?.(entity) ?? true);
  await runLimited(applying, CONCURRENCY, async (entity) => {
    if (options.signal.aborted) return;
    try {
      const facts = await withTimeout((signal) => collect(entity, signal), timeoutMs, options.signal);
      for (const fact of facts)
        out.push({ entityRef: entity.entityRef, factRef: fact.factRef, data: fact.data, timestamp: now() });
    } catch (error) {
      const message = `collector '${collector.id}' failed for ${entity.entityRef}: ${(error as Error).message}`;
      options.logger.warn(message);
      for (const fact of collector.facts)
        out.push({ entityRef: entity.entityRef, factRef: fact.factRef, error: message, timestamp: now() });
    }
  });
  return out;
}
