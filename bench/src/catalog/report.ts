import { median } from '../stats.js';
import type { LoadResult } from './measure-latency.js';

/** What one benchmark run (one database, one catalog size) measured. */
export interface RunResult {
  db: 'sqlite' | 'postgres';
  n: number;
  files: number;
  megabytes: number;
  generateSeconds: number;
  ingestSeconds: number[];
  ingestCountSeconds: number[];
  refreshChangeSeconds: number[];
  intervalChangeSeconds?: number;
  intervalSeconds: number;
  firstPage: LoadResult[];
  cursorPage: LoadResult[];
  byName: LoadResult[];
  facetsMs?: { median: number; p99: number };
  rssAfterIngestMb?: number;
  rssAfterLoadMb?: number;
  peakRssMb?: number;
  /** Stages that failed, with the reason; the other stages still ran. */
  errors: string[];
}

/** Ingest target in seconds: 10 s at 10k and 90 s at 100k on SQLite (linear between), 2x on PostgreSQL. */
export function ingestTargetSeconds(db: RunResult['db'], n: number): number {
  const sqlite = n <= 10_000 ? 10 : n <= 100_000 ? 10 + ((n - 10_000) * 80) / 90_000 : (90 * n) / 100_000;
  return db === 'postgres' ? sqlite * 2 : sqlite;
}

const fmt = (value: number | undefined, digits = 1) =>
  value === undefined || Number.isNaN(value) ? 'n/a' : value.toFixed(digits);
const pad = (text: string, width: number) => text.padEnd(width);
const mid = (values: readonly number[]) => (values.length > 0 ? median(values) : undefined);

function loadLine(results: readonly LoadResult[]): string {
  if (results.length === 0) return 'n/a';
  const p50 = median(results.map((r) => r.p50));
  const p99 = median(results.map((r) => r.p99));
  return `p50 ${fmt(p50)} ms, p99 ${fmt(p99)} ms, ${fmt(median(results.map((r) => r.rps)), 0)} req/s`;
}

/**
 * Formats one run as a table of medians beside their targets. `sqliteIngest` (the median
 * SQLite ingest of the same size) adds the PostgreSQL/SQLite ratio line.
 *
 * @example
 * console.log(formatRun(result, 7.2).join('\n'));
 */
export function formatRun(result: RunResult, sqliteIngest?: number): string[] {
  const rows: [string, string, string][] = [
    [
      'ingest to fully processed and stitched',
      `${fmt(mid(result.ingestSeconds))} s (count complete at ${fmt(mid(result.ingestCountSeconds))} s)`,
      `< ${fmt(ingestTargetSeconds(result.db, result.n), 0)} s`,
    ],
    ['one changed file, POST /refresh', `${fmt(mid(result.refreshChangeSeconds), 2)} s`, '< 2 s'],
    [
      'one changed file, processing interval',
      `${fmt(result.intervalChangeSeconds)} s`,
      `(interval ${result.intervalSeconds} s)`,
    ],
    ['by-query kind=component limit=50, first page', loadLine(result.firstPage), 'p99 < 15 ms'],
    ['by-query, cursor follow-ups', loadLine(result.cursorPage), 'p99 < 15 ms'],
    ['by-name', loadLine(result.byName), 'p99 < 5 ms'],
    [
      'entity-facets spec.type, kind=component',
      `median ${fmt(result.facetsMs?.median)} ms (p99 ${fmt(result.facetsMs?.p99)} ms)`,
      '< 50 ms',
    ],
    [
      'backend RSS: after ingest / after load / peak',
      `${fmt(result.rssAfterIngestMb, 0)} / ${fmt(result.rssAfterLoadMb, 0)} / ${fmt(result.peakRssMb, 0)} MB`,
      '< 400 MB',
    ],
  ];
  if (result.db === 'postgres' && sqliteIngest !== undefined) {
    const ratio = (mid(result.ingestSeconds) ?? Number.NaN) / sqliteIngest;
    rows.splice(1, 0, ['ingest, PostgreSQL / SQLite', `${fmt(ratio, 2)}x`, '<= 2x']);
  }
  const header = `${result.db}, N=${result.n.toLocaleString('en')} (${result.files} files, ${fmt(result.megabytes)} MB, generated in ${fmt(result.generateSeconds)} s)`;
  return [
    header,
    ...rows.map(([metric, value, target]) => `  ${pad(metric, 48)} ${pad(value, 56)} ${target}`),
    ...result.errors.map((error) => `  FAILED: ${error}`),
  ];
}
