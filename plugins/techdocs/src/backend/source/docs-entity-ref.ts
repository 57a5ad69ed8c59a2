import {
  ANNOTATION_TECHDOCS_ENTITY,
  type Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@atrium/catalog-model';

/**
 * The entity whose docs an entity shows: the one `backstage.io/techdocs-entity` names
 * (Backstage's delegation), or the entity itself.
 *
 * @example
 * docsEntityRef(apiEntity); // 'component:default/payments-service' when the API delegates to it
 */
export function docsEntityRef(entity: Entity): string {
  const delegate = entity.metadata.annotations?.[ANNOTATION_TECHDOCS_ENTITY];
  if (!delegate) return stringifyEntityRef(entity);
  return stringifyEntityRef(
    parseEntityRef(delegate, {
      defaultKind: 'component',
      defaultNamespace: entity.metadata.namespace ?? 'default',
    }),
  );
}
