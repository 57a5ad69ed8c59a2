import type { ServerResponse } from 'node:http';
import type { RouteHandler } from '@atrium/kernel';
import type { techdocsApi } from '../../common/index.js';
import type { StoredSite } from '../store/site-store.js';
import type { TechDocsContext } from '../techdocs-context.js';
import { DEFAULT_VERSION } from '../versions.js';
import { readableDocs, requireDocs } from './entity-access.js';
import { siteOfVersion } from './site-version.js';

type Routes = typeof techdocsApi.routes;

const POLL_MS = 150;
const MAX_WAIT_MS = 10 * 60_000;

function send(response: ServerResponse, event: 'log' | 'error' | 'finish', data: unknown): void {
  response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Done once the queue finished an attempt that began after our request and set nothing due again.
const isDone = (site: StoredSite | undefined, requestedAt: number) =>
  site !== undefined &&
  site.dueAt === null &&
  site.finishedAt !== null &&
  site.finishedAt >= requestedAt &&
  site.status !== 'building' &&
  site.status !== 'pending';

async function follow(
  ctx: TechDocsContext,
  site: { docsRef: string; version: string },
  response: ServerResponse,
  before: string | null,
) {
  const { docsRef, version } = site;
  const closed = new AbortController();
  response.once('close', () => closed.abort());
  const requestedAt = Date.now();
  await ctx.requestBuild(docsRef, version);
  const named = version === DEFAULT_VERSION ? '' : ` (version '${version}')`;
  send(response, 'log', `Build of the docs of ${docsRef}${named} requested`);
  let announced = false;
  for (const started = Date.now(); !closed.signal.aborted; await sleep(POLL_MS)) {
    const site = await ctx.store.getSite(docsRef, version);
    if (!announced && site?.status === 'building') {
      send(response, 'log', 'Building');
      announced = true;
    }
    if (isDone(site, requestedAt) && site) {
      for (const line of site.log) send(response, 'log', line);
      if (site.status === 'failed') send(response, 'error', site.error ?? 'the build failed');
      else send(response, 'finish', { updated: site.etag !== before });
      return;
    }
    if (Date.now() - started > MAX_WAIT_MS) {
      send(
        response,
        'error',
        `the build of ${docsRef} did not finish within ${MAX_WAIT_MS / 60_000} minutes`,
      );
      return;
    }
  }
}

/**
 * `GET /sync/:namespace/:kind/:name` (platform.md §6): asks the work queue for a build
 * (incremental: unchanged pages are kept) and streams it as server-sent events, `log`
 * lines, then `finish` with `{ updated }` (whether the built site changed) or `error`.
 */
export function createSyncHandler(ctx: TechDocsContext): RouteHandler<Routes['syncEntity']> {
  return async ({ params, query, credentials, reply }) => {
    const readable = await readableDocs(ctx, params, credentials);
    requireDocs(readable);
    const { docsRef } = readable;
    // Only a version that exists is synced: a request never makes the backend read a new ref.
    const version = (await siteOfVersion(ctx, docsRef, query.version))?.version ?? DEFAULT_VERSION;
    const before = (await ctx.store.getSite(docsRef, version))?.etag ?? null;
    reply.hijack();
    reply.raw.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    });
    reply.raw.flushHeaders();
    try {
      await follow(ctx, { docsRef, version }, reply.raw, before);
    } catch (error) {
      ctx.logger.warn(`the sync stream of '${docsRef}' failed`, error as Error);
      send(reply.raw, 'error', 'the build could not be followed; see the server log');
    } finally {
      reply.raw.end();
    }
    return undefined;
  };
}
