import type { LoggerService } from '@atrium/kernel';
import type { IndexableDocument } from '../../common/search-types.js';
import type { SearchCollator } from '../collators/search-collator.js';
import type { SearchEngine } from '../engines/search-engine.js';

const batchSize = 500;

function isIndexable(value: unknown): value is IndexableDocument {
  const doc = value as IndexableDocument | null;
  return (
    typeof doc === 'object' &&
    doc !== null &&
    typeof doc.title === 'string' &&
    typeof doc.text === 'string' &&
    typeof doc.location === 'string' &&
    doc.location !== ''
  );
}

/**
 * Rebuilds one type: streams the collator into the index in batches (never holding the
 * whole type), then removes what the run did not write. Documents written by events
 * meanwhile are newer than the run's start and stay.
 */
export async function rebuildType(
  collator: SearchCollator,
  engine: SearchEngine,
  logger: LoggerService,
  signal: AbortSignal,
): Promise<{ indexed: number; removed: number; skipped: number }> {
  const startedAt = Date.now();
  let batch: IndexableDocument[] = [];
  let indexed = 0;
  let skipped = 0;
  for await (const document of collator.collate(signal)) {
    signal.throwIfAborted();
    if (!isIndexable(document)) {
      skipped++;
      continue;
    }
    batch.push(document);
    if (batch.length >= batchSize) {
      await engine.upsert(collator.type, batch, startedAt);
      indexed += batch.length;
      batch = [];
    }
  }
  await engine.upsert(collator.type, batch, startedAt);
  indexed += batch.length;
  const removed = await engine.removeStale(collator.type, startedAt);
  await engine.refreshStatistics();
  if (skipped > 0) {
    logger.warn(
      `search type '${collator.type}': skipped ${skipped} documents without a string title, text and location`,
    );
  }
  logger.info(`search type '${collator.type}' rebuilt: ${indexed} documents, ${removed} removed`);
  return { indexed, removed, skipped };
}
