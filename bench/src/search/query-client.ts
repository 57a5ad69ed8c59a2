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
}

/**
 * A query client process: runs {@link measureQueries} against a backend at `job.url` and
 * prints the figures as one JSON line. It runs apart from the backend's process, as a
 * portal's users do, so the load generator's own fetch and parse work is not done on the
 * event loop it measures.
 */
export async function runQueryClient(job: QueryClientJob): Promise<QueryFigures> {
  const terms = searchTerms(50_000, planSearchCorpus(job.entities, job.docs));
  const target = {
    fetch: (path: string) =>
      fetch(new URL(path, job.url), { headers: { authorization: `Bearer ${job.token}` } }),
  };
  return measureQueries(target, terms, job.clients, job.seconds, job.thinkMs ?? 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const job = JSON.parse(process.argv[2] ?? '{}') as QueryClientJob;
  console.log(JSON.stringify(await runQueryClient(job)));
}
