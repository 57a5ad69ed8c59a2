import { Agent, get } from 'node:http';
import { fileURLToPath } from 'node:url';
import { measureQueries, type QueryFigures } from './measure-search.js';
import { planSearchCorpus, searchTerms } from './search-documents.js';

/** What the bench asks of a query client process. */
export interface QueryClientJob {
  url: string;
  token: string;
  entities: number;
  docs: number;
  clients: number;
  seconds: number;
  /** Each client's pause between an answer and its next query (0: none). */
  thinkMs?: number;
  /** Where in the term mix this run starts, so each phase asks terms of its own. */
  firstTerm?: number;
}

/**
 * A query client process: runs {@link measureQueries} against a backend at `job.url` and
 * prints the figures as one JSON line. It runs apart from the backend's process, as a
 * portal's users do, so the load generator's own fetch and parse work is not done on the
 * event loop it measures.
 */
export async function runQueryClient(job: QueryClientJob): Promise<QueryFigures> {
  const mix = searchTerms(50_000, planSearchCorpus(job.entities, job.docs));
  const first = (job.firstTerm ?? 0) % mix.length;
  const terms = [...mix.slice(first), ...mix.slice(0, first)];
  // node:http with one kept-alive socket a client: fetch's streams and Response objects made
  // the load generator's own work (and its GC pauses) a large part of the latency it measured.
  const agent = new Agent({ keepAlive: true, maxSockets: job.clients });
  const headers = { authorization: `Bearer ${job.token}` };
  const target = {
    get: (path: string) =>
      new Promise<number>((resolve, reject) => {
        get(new URL(path, job.url), { agent, headers }, (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
          response.on('error', reject);
        }).on('error', reject);
      }),
  };
  try {
    return await measureQueries(target, terms, job.clients, job.seconds, job.thinkMs ?? 0);
  } finally {
    agent.destroy();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const job = JSON.parse(process.argv[2] ?? '{}') as QueryClientJob;
  console.log(JSON.stringify(await runQueryClient(job)));
}
