import {
  ANNOTATION_MANAGED_BY_LOCATION,
  ANNOTATION_MANAGED_BY_ORIGIN_LOCATION,
  type Entity,
  parseEntityRef,
  parseLocationRef,
  stringifyEntityRef,
  validateEntityEnvelope,
} from '@atrium/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@atrium/errors';
import { type Credentials, type RouteHandlers, runAudited, sql } from '@atrium/kernel';
import type { catalogApi } from '../../common/catalog-api.js';
import { catalogPermissions } from '../../common/catalog-permissions.js';
import { removeEntity, scheduleRefresh } from '../entities/remove-entity.js';
import { type EntityReadFilter, entityReadFilter } from '../permissions/entity-read-filter.js';
import { processEntity } from '../processing/process-entity.js';
import { readerUrlOf } from '../processing/resolve-target.js';
import { serializeProcessingError } from '../processing/serialize-error.js';
import { visibleRefs } from '../query/visible-refs.js';
import type { CatalogServices } from './catalog-services.js';
import { sendJson } from './send-json.js';

type Routes = RouteHandlers<(typeof catalogApi)['routes']>;

async function authorize(
  services: CatalogServices,
  credentials: Credentials,
  permission: (typeof catalogPermissions)[keyof typeof catalogPermissions],
  resourceRef?: string,
) {
  const [decision] = await services.permissions.authorize([{ permission, resourceRef }], { credentials });
  if (decision?.result !== 'ALLOW')
    throw new NotAllowedError(`not allowed to ${permission.name}${resourceRef ? ` on ${resourceRef}` : ''}`);
}

function parseValidateBody(body: unknown): { entity: Entity; location: string } {
  if (typeof body !== 'object' || body === null)
    throw new InputError('Request body must be an object with entity and location');
  const { entity, location } = body as { entity?: unknown; location?: unknown };
  if (typeof location !== 'string')
    throw new InputError('location must be a string such as "url:https://host/catalog-info.yaml"');
  const ref = parseLocationRef(location);
  if (ref.type !== 'url') {
    throw new InputError(
      `Invalid location ref ${location}, only 'url:<target>' is supported, e.g. url:https://host/path`,
    );
  }
  // Placeholders resolve against this location: it must be what a url location is, http(s).
  readerUrlOf(ref);
  const problems = validateEntityEnvelope(entity);
  if (problems.length > 0)
    throw new InputError(`entity is invalid: ${problems.map((p) => p.message).join('; ')}`);
  return { entity: entity as Entity, location };
}

async function validate(services: CatalogServices, body: unknown) {
  const { entity, location } = parseValidateBody(body);
  const annotated: Entity = {
    ...entity,
    metadata: {
      ...entity.metadata,
      // The given location wins over annotations the entity claims, as in processing.
      annotations: {
        ...entity.metadata.annotations,
        [ANNOTATION_MANAGED_BY_LOCATION]: location,
        [ANNOTATION_MANAGED_BY_ORIGIN_LOCATION]: location,
      },
    },
  };
  const entityRef = stringifyEntityRef({
    kind: String(entity.kind),
    namespace: entity.metadata.namespace,
    name: String(entity.metadata.name),
  });
  // Validation stores nothing: no child sink.
  const context = { ...services.context, childSink: undefined };
  const outcome = await processEntity(
    { entityRef, unprocessedJson: JSON.stringify(annotated), cacheJson: null },
    context,
  );
  return outcome.errors;
}

// The entity a uid names, for a caller who may read it. One who may not gets what a
// missing uid gets, and can neither delete it nor learn that it exists.
async function readableRefOfUid(
  services: CatalogServices,
  uid: string,
  permission: EntityReadFilter,
): Promise<string | undefined> {
  if (permission === 'deny') return undefined;
  if (permission === undefined) {
    const [row] = await services.sql.all(
      sql<{ ref: string }>`SELECT entity_ref AS ref FROM refresh_state WHERE uid = ${uid}`,
    );
    return row?.ref;
  }
  const [row] = await services.reader.all(
    sql<{ ref: string }>`SELECT entity_ref AS ref FROM final_entities WHERE uid = ${uid}`,
  );
  return row && (await visibleRefs(services.reader, [row.ref], permission)).has(row.ref)
    ? row.ref
    : undefined;
}

// Schedules an entity for reprocessing; hidden and missing answer alike.
async function refresh(
  services: CatalogServices,
  body: { entityRef: string; authorizationToken?: string },
  caller: Credentials,
): Promise<undefined> {
  const credentials = body.authorizationToken
    ? await services.auth.authenticate(body.authorizationToken)
    : caller;
  const entityRef = stringifyEntityRef(parseEntityRef(body.entityRef));
  const notFound = () => new NotFoundError(`Entity ${entityRef} not found`);
  // Hidden and missing answer alike: refresh must not tell which entities exist.
  const permission = await entityReadFilter(services.permissions, credentials);
  if (
    permission !== undefined &&
    !(await visibleRefs(services.reader, [entityRef], permission)).has(entityRef)
  )
    throw notFound();
  await authorize(services, credentials, catalogPermissions.entityRefresh, entityRef);
  if (!(await scheduleRefresh(services.sql, entityRef))) throw notFound();
  services.engine.wake();
  return undefined;
}

/** Handlers of entity deletion, refresh and validation. */
export function entityWriteRoutes(
  services: CatalogServices,
): Pick<Routes, 'deleteEntityByUid' | 'refreshEntity' | 'validateEntity'> {
  return {
    deleteEntityByUid: ({ params, credentials, request }) =>
      runAudited(
        services.auditor,
        { eventId: 'entity.delete', request, meta: { uid: params.uid, source: 'api' } },
        async () => {
          const permission = await entityReadFilter(services.permissions, credentials);
          const ref = await readableRefOfUid(services, params.uid, permission);
          await authorize(services, credentials, catalogPermissions.entityDelete, ref);
          if (ref === undefined) return { ref, deleted: [] };
          const deleted = await removeEntity(services.sql, ref, services.config.orphanStrategy);
          services.publish.deleted(deleted, 'deleted');
          services.engine.wake();
          return { ref, deleted };
        },
        ({ ref, deleted }) => ({ target: ref, meta: { deleted: deleted.map((entity) => entity.entityRef) } }),
      ).then(() => undefined),
    refreshEntity: ({ body, credentials, request }) =>
      runAudited(
        services.auditor,
        { eventId: 'entity.refresh', request, target: body.entityRef, meta: { source: 'api' } },
        () => refresh(services, body, credentials),
      ),
    async validateEntity({ body, credentials, reply }) {
      await authorize(services, credentials, catalogPermissions.entityValidate);
      let errors: unknown[];
      try {
        errors = await validate(services, body);
      } catch (error) {
        errors = [serializeProcessingError(error)];
      }
      if (errors.length > 0) sendJson(reply, JSON.stringify({ errors }), 400);
      return undefined;
    },
  };
}
