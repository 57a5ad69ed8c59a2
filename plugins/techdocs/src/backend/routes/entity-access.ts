import { ANNOTATION_TECHDOCS_REF, type Entity, stringifyEntityRef } from '@atrium/catalog-model';
import { NotAllowedError, NotFoundError } from '@atrium/errors';
import type { Credentials } from '@atrium/kernel';
import { techdocsPermissions } from '../../common/index.js';
import { docsEntityRef } from '../source/docs-entity-ref.js';
import type { TechDocsContext } from '../techdocs-context.js';

/** An entity the caller may read, and the entity whose docs it shows (itself or its delegate). */
export interface ReadableDocs {
  entity: Entity;
  entityRef: string;
  docsRef: string;
  /** The entity whose docs are shown (the delegate, or the entity itself). */
  docsEntity: Entity;
}

/** Refuses an entity without docs: no build is ever queued for it. */
export function requireDocs(readable: ReadableDocs): void {
  if (!readable.docsEntity.metadata.annotations?.[ANNOTATION_TECHDOCS_REF])
    throw new NotFoundError(
      `'${readable.docsRef}' has no docs: it has no ${ANNOTATION_TECHDOCS_REF} annotation`,
    );
}

/** Refuses a caller without `techdocs.entity.read`. */
export async function requireDocsPermission(ctx: TechDocsContext, credentials: Credentials): Promise<void> {
  const [decision] = await ctx.permissions.authorize([{ permission: techdocsPermissions.entityRead }], {
    credentials,
  });
  if (decision?.result !== 'ALLOW')
    throw new NotAllowedError(
      `reading docs is not allowed: permission '${techdocsPermissions.entityRead.name}' was denied`,
    );
}

/**
 * The entity named by a route's params, read through the catalog as the caller: an entity
 * the caller may not read (or its docs delegate, when it names one) answers 404 exactly as
 * a missing one does.
 */
export async function readableDocs(
  ctx: TechDocsContext,
  params: { namespace: string; kind: string; name: string },
  credentials: Credentials,
): Promise<ReadableDocs> {
  await requireDocsPermission(ctx, credentials);
  const asked = `${params.kind}:${params.namespace}/${params.name}`.toLowerCase();
  const entity = await ctx.catalog.getEntity(asked, credentials);
  if (!entity) throw new NotFoundError(`no entity '${asked}'`);
  const entityRef = stringifyEntityRef(entity);
  const docsRef = docsEntityRef(entity);
  const docsEntity = docsRef === entityRef ? entity : await ctx.catalog.getEntity(docsRef, credentials);
  if (!docsEntity) throw new NotFoundError(`no entity '${docsRef}' (the docs of '${entityRef}')`);
  return { entity, entityRef, docsRef, docsEntity };
}
