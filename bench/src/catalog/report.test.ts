import { describe, expect, it } from 'vitest';
import { formatRun, ingestTargetSeconds, type RunResult } from './report.js';

const result: RunResult = {
  db: 'postgres',
  n: 10_000,
  files: 311,
  megabytes: 6.2,
  generateSeconds: 1.2,
  ingestSeconds: [8, 6, 7],
  ingestCountSeconds: [5, 5, 5],
  refreshChangeSeconds: [0.3],
  intervalSeconds: 60,
  firstPage: [{ p50: 2, p99: 9, rps: 4000 }],
  cursorPage: [],
  byName: [{ p50: 1, p99: 3, rps: 9000 }],
  errors: ['entity-facets: GET /api/catalog/entity-facets answered 404'],
};

describe('report', () => {
  it('sets ingest targets per size and database', () => {
    expect(ingestTargetSeconds('sqlite', 10_000)).toBe(10);
    expect(ingestTargetSeconds('sqlite', 100_000)).toBe(90);
    expect(ingestTargetSeconds('postgres', 100_000)).toBe(180);
  });

  it('prints medians beside targets, the PostgreSQL ratio and failed stages', () => {
    const text = formatRun(result, 3.5).join('\n');
    expect(text).toMatch(/ingest to fully processed and stitched\s+7\.0 s .*< 20 s/);
    expect(text).toMatch(/PostgreSQL \/ SQLite\s+2\.00x\s+<= 2x/);
    expect(text).toMatch(/by-query, cursor follow-ups\s+n\/a/);
    expect(text).toContain('FAILED: entity-facets');
  });
});
