import { InputError } from '@atrium/errors';
import type { RouteHandler } from '@atrium/kernel';
import type { techdocsApi } from '../../common/index.js';
import { sitePaths } from '../run-build.js';
import type { TechDocsContext } from '../techdocs-context.js';

type Routes = typeof techdocsApi.routes;

function decodeCursor(cursor: string | undefined): { siteId: string; path: string } | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string')
      return { siteId: value[0], path: value[1] };
  } catch {
    // Reported below as a bad cursor.
  }
  throw new InputError(`cursor 'after' is not one this API returned`);
}

const encodeCursor = (siteId: string, path: string) =>
  Buffer.from(JSON.stringify([siteId, path])).toString('base64url');

/**
 * `GET /collate/pages` (service tokens only): every built page of the default version,
 * paged, in Backstage's IndexableDocument shape for type `techdocs`. The search plugin
 * filters results by `authorization.resourceRef` when it answers a user.
 */
export function createCollateHandler(ctx: TechDocsContext): RouteHandler<Routes['listIndexablePages']> {
  return async ({ query }) => {
    const rows = await ctx.store.pagesAfter(decodeCursor(query.after), query.limit, query.entityRef);
    const items = rows.map((row) => ({
      title: row.title,
      text: row.text,
      location: `${sitePaths(row.entityRef).readerBase}/${row.pagePath}`,
      entityRef: row.entityRef,
      path: row.pagePath,
      authorization: { resourceRef: row.entityRef },
    }));
    const last = rows[rows.length - 1];
    return {
      items,
      ...(last && rows.length === query.limit ? { nextCursor: encodeCursor(last.siteId, last.path) } : {}),
    };
  };
}
