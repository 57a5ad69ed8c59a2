import { ANNOTATION_TECHDOCS_REF, parseLocationRef } from '@atrium/catalog-model';
import { NotFoundError } from '@atrium/errors';
import type { RouteHandlers } from '@atrium/kernel';
import type { techdocsApi } from '../../common/index.js';
import type { TechDocsContext } from '../techdocs-context.js';
import { readableDocs } from './entity-access.js';
import { siteOfVersion } from './site-version.js';

type Routes = typeof techdocsApi.routes;

/** `GET /metadata/techdocs/...` and `GET /metadata/entity/...` (platform.md §6). */
export function createMetadataHandlers(
  ctx: TechDocsContext,
): Pick<RouteHandlers<Routes>, 'getTechDocsMetadata' | 'getEntityMetadata'> {
  return {
    async getTechDocsMetadata({ params, query, credentials }) {
      const { docsRef } = await readableDocs(ctx, params, credentials);
      const site = await siteOfVersion(ctx, docsRef, query.version);
      if (!site?.etag || site.buildTimestamp === null)
        throw new NotFoundError(
          `the docs of '${docsRef}' have not been built yet; GET /api/techdocs/sync/... builds them`,
        );
      const pages = await ctx.store.listPages(site.id);
      return {
        site_name: site.siteName,
        site_description: site.siteDescription,
        etag: site.etag,
        build_timestamp: site.buildTimestamp,
        files: pages.map((p) => p.path),
      };
    },
    async getEntityMetadata({ params, credentials }) {
      const { entity } = await readableDocs(ctx, params, credentials);
      const annotation = entity.metadata.annotations?.[ANNOTATION_TECHDOCS_REF];
      let locationMetadata = { type: 'none', target: '' };
      try {
        if (annotation) locationMetadata = parseLocationRef(annotation);
      } catch {
        locationMetadata = { type: 'invalid', target: annotation ?? '' };
      }
      return { ...entity, locationMetadata };
    },
  };
}
