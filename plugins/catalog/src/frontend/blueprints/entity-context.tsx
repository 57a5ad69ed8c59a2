import { AtriumError } from '@atrium/errors';
import { createContext, type ReactNode, useContext } from 'react';
import { catalogErrorCodes } from '../../common/catalog-error-codes.js';
import type { EntityLike } from './entity-filter.js';

const EntityContext = createContext<EntityLike | undefined>(undefined);

/** Props of {@link EntityProvider}. */
export interface EntityProviderProps {
  entity: EntityLike;
  children?: ReactNode;
}

/**
 * Gives entity tabs and cards the entity they show; the catalog's entity page renders it.
 *
 * @example
 * <EntityProvider entity={entity}>{tabs}</EntityProvider>
 */
export function EntityProvider({ entity, children }: EntityProviderProps) {
  return <EntityContext.Provider value={entity}>{children}</EntityContext.Provider>;
}

/**
 * The entity of the entity page this component is on.
 *
 * @example
 * const entity = useEntity();
 */
export function useEntity<TEntity extends EntityLike = EntityLike>(): TEntity {
  const entity = useContext(EntityContext);
  if (!entity) {
    throw new AtriumError(
      catalogErrorCodes.CATALOG_ENTITY_CONTEXT_MISSING,
      'useEntity() was called outside an entity page. Use it in an EntityTabBlueprint or EntityCardBlueprint component, ' +
        'or wrap the component in <EntityProvider>.',
    );
  }
  return entity as TEntity;
}
