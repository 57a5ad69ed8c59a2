import { loadavg } from 'node:os';
import type { Latency, QueryFigures } from './measure-search.js';
import { type SearchCorpus, TERM_KINDS } from './search-documents.js';

/** What one run of the search bench measured. */
export interface SearchRunResult {
  db: 'sqlite' | 'postgres';
  corpus: SearchCorpus;
  /** Whether search.resultCache was on. */
  cache: boolean;
  indexMs: number;
  peakRssMb: number;
  /** The fixed work of hostSpeedMs before and after the query phases: how fast the host was. */
  hostMs: { before: number; after: number };
  /** One client alone: the service time of a query. */
  service: QueryFigures;
  /** Many closed-loop clients without think time: the backend saturated. */
  loaded: QueryFigures;
  /** As many clients, each pausing about the search box's debounce (50-150%) after an answer: users typing. */
  paced?: QueryFigures;
  pacedCpuMs?: number;
  /** The backend process's CPU time (user + system) per query, in each of the two. */
  serviceCpuMs: number;
  loadedCpuMs: number;
  /** In each phase, the backend's own latency: from the parsed request to the response handed to the socket. */
  serviceServer: Latency;
  loadedServer: Latency;
  pacedServer?: Latency;
  changeMedianMs: number;
  changeMaxMs: number;
}

// Issue 12's goals, so each figure says whether it meets its goal.
const goals = { indexS: 60, rssMb: 500, p99Ms: 30, changeMs: 2_000 };

const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : n.toFixed(0)} ms`;
const latency = (l: Latency | undefined) =>
  l ? `p50 ${ms(l.p50)} p99 ${ms(l.p99)} (n=${l.n})` : 'no samples';

function queryLines(
  label: string,
  figures: QueryFigures,
  cpuMs: number,
  server: Latency | undefined,
): string[] {
  return [
    `  ${label}: all ${latency(figures.all)}, ${figures.perSecond.toFixed(0)}/s, ${figures.failures} failed, backend CPU ${cpuMs.toFixed(2)} ms a query`,
    `    in the backend (request parsed to response sent): ${latency(server)}`,
    ...TERM_KINDS.map((kind) => `    ${kind.padEnd(7)} ${latency(figures.byKind[kind])}`),
    `    slowest: ${figures.slowest.map((q) => `'${q.term}' (${q.kind}) ${ms(q.ms)}`).join(', ')}`,
  ];
}

const p99Goal = (figures: QueryFigures) =>
  `    [goal p99 < ${goals.p99Ms} ms at 16 clients: ${mark(figures.clients >= 16 && figures.all.p99 < goals.p99Ms)}]`;

/** A multi-line report of one run: each figure with its goal, both query measurements labelled. */
export function formatReport(r: SearchRunResult): string {
  const { corpus } = r;
  const load = loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
  return [
    `search ${r.db}: ${corpus.catalogSize} catalog entities + ${corpus.docsPages} docs pages = ${corpus.size} documents, result cache ${r.cache ? 'on' : 'off'} (load average ${load})`,
    `  full index ${(r.indexMs / 1000).toFixed(1)} s [goal < ${goals.indexS} s: ${mark(r.indexMs < goals.indexS * 1000)}], ` +
      `peak RSS ${r.peakRssMb.toFixed(0)} MB [goal < ${goals.rssMb} MB: ${mark(r.peakRssMb < goals.rssMb)}]`,
    `  host speed: a fixed sort took ${ms(r.hostMs.before)} before the query phases and ${ms(r.hostMs.after)} after (lower is faster; compare runs at like speeds)`,
    ...queryLines('service time (1 client, one query at a time)', r.service, r.serviceCpuMs, r.serviceServer),
    ...queryLines(
      `closed loop (${r.loaded.clients} clients, no think time)`,
      r.loaded,
      r.loadedCpuMs,
      r.loadedServer,
    ),
    p99Goal(r.loaded),
    ...(r.paced
      ? [
          ...queryLines(
            `paced (${r.paced.clients} clients, ${r.paced.thinkMs} ms on average from an answer to the next query)`,
            r.paced,
            r.pacedCpuMs ?? 0,
            r.pacedServer,
          ),
          p99Goal(r.paced),
        ]
      : []),
    `  change searchable median ${ms(r.changeMedianMs)}, max ${ms(r.changeMaxMs)} [goal < ${goals.changeMs} ms: ${mark(r.changeMaxMs < goals.changeMs)}]`,
  ].join('\n');
}
