import { setTimeout as sleep } from 'node:timers/promises';
import type { CatalogHttp, QueryPage, ServedEntity } from './catalog-http.js';

/** How long ingestion took, in seconds from process spawn. */
export interface IngestResult {
  /** Until the count was complete and every sampled entity had all its relations. */
  seconds: number;
  /** Until `totalItems` first reached the expected count. */
  countSeconds: number;
}

/** Options of {@link measureIngest}. */
export interface MeasureIngestOptions {
  /** `performance.now()` when the backend process was spawned. */
  spawnedAt: number;
  /** Entities the catalog should end up serving. */
  expectedCount: number;
  /** Expected relations (`<type> <targetRef>`) of a sample, by entity ref. */
  sample: ReadonlyMap<string, ReadonlySet<string>>;
  timeoutMs: number;
  pollMs: number;
  logFile: string;
}

async function missingRelations(
  http: CatalogHttp,
  sample: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<string[]> {
  const refs = [...sample.keys()];
  const { status, body } = await http.post<{ items: (ServedEntity | null)[] }>('/entities/by-refs', {
    entityRefs: refs,
  });
  if (status !== 200 || !body) throw new Error(`POST /entities/by-refs answered ${status}`);
  const missing: string[] = [];
  refs.forEach((ref, index) => {
    const entity = body.items[index];
    if (!entity) {
      missing.push(`${ref}: not served yet`);
      return;
    }
    const served = new Set((entity.relations ?? []).map((r) => `${r.type} ${r.targetRef.toLowerCase()}`));
    for (const relation of sample.get(ref) ?? [])
      if (!served.has(relation)) missing.push(`${ref}: ${relation}`);
  });
  return missing;
}

/**
 * Polls until every generated entity is queryable with its relations: `totalItems` of an
 * unfiltered by-query equals the expected count, and a sample of entities (every kind,
 * forward and inverse relations) has every relation the generator implied.
 *
 * @example
 * const { seconds } = await measureIngest(http, { spawnedAt, expectedCount: 10_001, sample, timeoutMs: 60_000, pollMs: 200, logFile });
 */
export async function measureIngest(http: CatalogHttp, options: MeasureIngestOptions): Promise<IngestResult> {
  const deadline = options.spawnedAt + options.timeoutMs;
  let count = -1;
  let countSeconds: number | undefined;
  let missing: string[] = [];
  let lastError = '';
  while (performance.now() < deadline) {
    try {
      count = (await http.get<QueryPage>('/entities/by-query?limit=0')).totalItems;
      if (count === options.expectedCount) {
        countSeconds ??= (performance.now() - options.spawnedAt) / 1000;
        missing = await missingRelations(http, options.sample);
        if (missing.length === 0) {
          return { seconds: (performance.now() - options.spawnedAt) / 1000, countSeconds };
        }
      }
      lastError = '';
    } catch (error) {
      // Early polls may hit a catalog that is still migrating; only the last error matters.
      lastError = (error as Error).message;
    }
    await sleep(options.pollMs);
  }
  const details = [
    `totalItems was ${count}, expected ${options.expectedCount} (the generated entities plus the Location entity the catalog creates for the catalog.locations entry)`,
    missing.length > 0
      ? `missing relations (first 5 of ${missing.length}): ${missing.slice(0, 5).join('; ')}`
      : '',
    lastError ? `last error: ${lastError}` : '',
    `backend log: ${options.logFile}`,
  ].filter(Boolean);
  throw new Error(`ingestion did not complete within ${options.timeoutMs / 1000} s: ${details.join('. ')}`);
}
