import type { AuditRecord } from '@atrium/kernel';
import { createCaptureLogger } from '@atrium/test-kit';
import { describe, expect, it } from 'vitest';
import { createBatchingAuditSink } from './batching-audit-sink.js';

let next = 0;
function record(): AuditRecord {
  next++;
  return {
    id: `r${String(next).padStart(4, '0')}`,
    time: new Date().toISOString(),
    pluginId: 'catalog',
    eventId: 'catalog.entity.update',
    severityLevel: 'low',
    status: 'succeeded',
    actor: { type: 'service', actorId: 'plugin:catalog' },
    meta: {},
  };
}

/** A database stand-in that is "down" for its first `failures` inserts. */
function flakyTable(failures: number) {
  const stored: AuditRecord[] = [];
  const batches: number[] = [];
  let calls = 0;
  return {
    stored,
    batches,
    append: async (records: readonly AuditRecord[]) => {
      calls++;
      if (calls <= failures) throw new Error('connection refused');
      batches.push(records.length);
      stored.push(...records);
    },
  };
}

const fast = { firstMs: 1, maxMs: 5 };

describe('batching audit sink', () => {
  it('stores records in batches, in the order accepted', async () => {
    const table = flakyTable(0);
    const sink = createBatchingAuditSink({
      ...table,
      logger: createCaptureLogger(),
      batchSize: 3,
      flushDelayMs: 1,
      maxBuffered: 1000,
    });
    const records = Array.from({ length: 8 }, record);
    for (const one of records) await sink.write([one]);
    await sink.drain();
    expect(table.stored.map((r) => r.id)).toEqual(records.map((r) => r.id));
    expect(Math.max(...table.batches)).toBeLessThanOrEqual(3);
    expect(table.batches.length).toBeLessThan(8);
  });

  it('retries a failing batch until the database is back, losing and reordering nothing', async () => {
    const table = flakyTable(4);
    const logger = createCaptureLogger();
    const sink = createBatchingAuditSink({
      ...table,
      logger,
      batchSize: 2,
      flushDelayMs: 1,
      maxBuffered: 1000,
      retry: fast,
    });
    const records = Array.from({ length: 5 }, record);
    await sink.write(records.slice(0, 3));
    await sink.write(records.slice(3));
    await sink.drain();
    expect(table.stored.map((r) => r.id)).toEqual(records.map((r) => r.id));
    expect(sink.buffered()).toBe(0);
    expect(logger.lines.filter((l) => l.level === 'warn' && l.message.includes('retrying'))).toHaveLength(4);
  });

  it('refuses what does not fit while the database is down, naming the ids', async () => {
    const table = flakyTable(Number.POSITIVE_INFINITY);
    const logger = createCaptureLogger();
    const sink = createBatchingAuditSink({
      ...table,
      logger,
      batchSize: 10,
      flushDelayMs: 1,
      maxBuffered: 2,
      retry: fast,
    });
    const records = Array.from({ length: 3 }, record);
    await sink.write(records);
    expect(sink.buffered()).toBe(2);
    const full = logger.lines.find((l) => l.message.includes('buffer is full'));
    expect(full?.message).toContain(records[2]?.id);
    await sink.stop(20);
    const left = logger.lines.find((l) => l.message.includes('stopped with 2 record(s) not stored'));
    expect(left?.message).toContain(records[0]?.id);
    expect(table.stored).toHaveLength(0);
  });

  it('stores what was accepted before stopping', async () => {
    const table = flakyTable(1);
    const sink = createBatchingAuditSink({
      ...table,
      logger: createCaptureLogger(),
      batchSize: 100,
      flushDelayMs: 10_000,
      maxBuffered: 1000,
      retry: fast,
    });
    const records = Array.from({ length: 4 }, record);
    await sink.write(records);
    await sink.stop(5000);
    expect(table.stored.map((r) => r.id)).toEqual(records.map((r) => r.id));
  });
});
