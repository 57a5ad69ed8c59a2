import { InputError, NotFoundError } from '@atrium/errors';
import type { RouteHandler } from '@atrium/kernel';
import type { techdocsApi } from '../../common/index.js';
import type { TechDocsContext } from '../techdocs-context.js';
import { readableDocs } from './entity-access.js';
import { siteOfVersion } from './site-version.js';

type Routes = typeof techdocsApi.routes;

// Files are untrusted content: never sniffed, never run as a page of the portal's origin
// (an SVG opened on its own gets a sandbox with no script), never cached by shared caches.
const FILE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy':
    "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox",
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cache-Control': 'private, no-cache',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function checkedPath(path: string): string {
  const parts = path.split('/');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are refused in a path.
  if (path === '' || parts.some((p) => p === '' || p === '.' || p === '..') || /[\u0000-\u001f\\]/.test(path))
    throw new InputError(`static path '${path}' is not a file path of a docs site`);
  return path;
}

/** `GET /static/docs/:namespace/:kind/:name/*`: a built file, after the entity's read check. */
export function createStaticFileHandler(ctx: TechDocsContext): RouteHandler<Routes['getStaticFile']> {
  return async ({ params, query, credentials, reply }) => {
    const path = checkedPath(params['*']);
    const { docsRef } = await readableDocs(ctx, params, credentials);
    const site = await siteOfVersion(ctx, docsRef, query.version);
    let file: { contentType: string; body: Buffer } | undefined;
    if (path === 'techdocs_metadata.json') {
      if (site?.etag) {
        const metadata = {
          site_name: site.siteName,
          site_description: site.siteDescription,
          etag: site.etag,
          build_timestamp: site.buildTimestamp,
        };
        file = { contentType: 'application/json', body: Buffer.from(JSON.stringify(metadata)) };
      }
    } else {
      file = site ? await ctx.store.readFile(site.id, path) : undefined;
    }
    if (!file) throw new NotFoundError(`the docs of '${docsRef}' have no file '${path}'`);
    reply.hijack();
    reply.raw.writeHead(200, {
      ...FILE_HEADERS,
      'Content-Type': file.contentType,
      'Content-Length': file.body.length,
    });
    reply.raw.end(file.body);
    return undefined;
  };
}
